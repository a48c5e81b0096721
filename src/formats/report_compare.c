/* Several results side by side, with the change from the first. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/report_internal.h"

/* ---- side by side ------------------------------------------------------------------ */

enum { ROW_METHOD, ROW_HARDWARE, ROW_HOURS, ROW_WHERE, ROW_PUE, ROW_REPEATS, ROW_INTENSITY,
       ROW_ENERGY, ROW_CO2, ROW_CHANGE_KG, ROW_CHANGE_PCT, N_ROWS };

static const char *const row_names[N_ROWS] = { "Method", "Hardware", "Hours", "Where", "PUE",
	"Repeats", "Intensity (g/kWh)", "Energy (kWh)", "Emissions (kg CO2eq)", "Change (kg)",
	"Change (%)" };

static double change_kg(const co2_result *base, const co2_result *r)
{
	return r->co2_kg - base->co2_kg;
}

/* Fill c with row `row` of result r (empty for the change rows of the baseline). */
static void cell(co2__buf *c, int row, const co2_result *base, const co2_result *r, int is_base)
{
	char a[32];
	c->len = 0;
	if (c->data)
		c->data[0] = '\0';
	switch (row) {
	case ROW_METHOD: co2__buf_puts(c, r->method_name); break;
	case ROW_HARDWARE: co2__put_hardware(c, r); break;
	case ROW_HOURS:
		if (r->hours > 0)
			co2__buf_puts(c, co2_format_double(a, co2_round(r->hours, 4)));
		break;
	case ROW_WHERE:
		co2__buf_puts(c, r->region ? r->region : r->location ? r->location : "declared intensity");
		break;
	case ROW_PUE: co2__buf_puts(c, co2_format_double(a, r->pue)); break;
	case ROW_REPEATS: co2__buf_puts(c, co2_format_double(a, r->repeats)); break;
	case ROW_INTENSITY: co2__buf_puts(c, co2_format_double(a, co2_round(r->intensity_g_per_kwh, 2))); break;
	case ROW_ENERGY: co2__buf_puts(c, co2__human(a, r->energy_kwh)); break;
	case ROW_CO2: co2__buf_puts(c, co2__human(a, r->co2_kg)); break;
	case ROW_CHANGE_KG:
		if (!is_base) {
			double d = change_kg(base, r);
			co2__buf_printf(c, "%s%s", d > 0 ? "+" : "", co2__human(a, d));
		}
		break;
	case ROW_CHANGE_PCT:
		if (!is_base) {
			if (base->co2_kg > 0) {
				double d = change_kg(base, r) / base->co2_kg * 100.0;
				co2__buf_printf(c, "%s%s %%", d > 0 ? "+" : "", co2_format_double(a, co2_round(d, 1)));
			} else {
				co2__buf_puts(c, "n/a");
			}
		}
		break;
	default: break;
	}
	co2__buf_puts(c, ""); /* data is never NULL after this, unless out of memory */
}

static const char *cstr(const co2__buf *c)
{
	return c->data && !c->failed ? c->data : "";
}

static size_t utf8_width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)s[i] & 0xc0) != 0x80;
	return w;
}

static void pad(co2__buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		co2__buf_putn(b, " ", 1);
}

static void compare_text(co2__buf *b, co2__buf *c, const co2_result *res, const char *const *labels,
                         size_t n)
{
	size_t widths[64];
	size_t first = 22;
	for (size_t j = 0; j < n; j++) {
		size_t w = utf8_width(labels[j], strlen(labels[j]));
		for (int row = 0; row < N_ROWS; row++) {
			cell(c, row, &res[0], &res[j], j == 0);
			size_t cw = utf8_width(cstr(c), strlen(cstr(c)));
			if (cw > w)
				w = cw;
		}
		widths[j] = w;
	}
	pad(b, first);
	for (size_t j = 0; j < n; j++) {
		co2__buf_printf(b, "  %s", labels[j]);
		if (j + 1 < n)
			pad(b, widths[j] - utf8_width(labels[j], strlen(labels[j])));
	}
	co2__buf_puts(b, "\n");
	for (int row = 0; row < N_ROWS; row++) {
		co2__buf_printf(b, "%-22s", row_names[row]);
		for (size_t j = 0; j < n; j++) {
			cell(c, row, &res[0], &res[j], j == 0);
			co2__buf_printf(b, "  %s", cstr(c));
			if (j + 1 < n)
				pad(b, widths[j] - utf8_width(cstr(c), strlen(cstr(c))));
		}
		/* No trailing blanks. */
		while (b->len && b->data[b->len - 1] == ' ')
			b->len--;
		co2__buf_puts(b, "\n");
	}
}

static void md_cell(co2__buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			co2__buf_puts(b, "\\|");
		else
			co2__buf_putn(b, s, 1);
	}
}

static void compare_markdown(co2__buf *b, co2__buf *c, const co2_result *res,
                             const char *const *labels, size_t n)
{
	co2__buf_puts(b, "| |");
	for (size_t j = 0; j < n; j++) {
		co2__buf_puts(b, " ");
		md_cell(b, labels[j]);
		co2__buf_puts(b, " |");
	}
	co2__buf_puts(b, "\n|---|");
	for (size_t j = 0; j < n; j++)
		co2__buf_puts(b, "---:|");
	co2__buf_puts(b, "\n");
	for (int row = 0; row < N_ROWS; row++) {
		co2__buf_printf(b, "| %s |", row_names[row]);
		for (size_t j = 0; j < n; j++) {
			cell(c, row, &res[0], &res[j], j == 0);
			co2__buf_puts(b, " ");
			md_cell(b, cstr(c));
			co2__buf_puts(b, " |");
		}
		co2__buf_puts(b, "\n");
	}
}

static void compare_csv(co2__buf *b, co2__buf *c, const co2_result *res, const char *const *labels,
                        size_t n)
{
	char a[32];
	co2__buf_puts(b, "scenario,method,hardware,hours,where,pue,repeats,intensity_g_per_kwh,"
	                 "energy_kwh,co2_kg,change_kg,change_percent\n");
	for (size_t j = 0; j < n; j++) {
		const co2_result *r = &res[j];
		co2__buf_csv_str(b, labels[j]);
		co2__buf_printf(b, ",%s,", r->method_name);
		c->len = 0;
		if (c->data)
			c->data[0] = '\0';
		co2__put_hardware(c, r);
		co2__buf_csv_str(b, cstr(c));
		co2__buf_printf(b, ",%s,", co2_format_double(a, r->hours));
		co2__buf_csv_str(b, r->region ? r->region : r->location ? r->location : "");
		co2__buf_printf(b, ",%s", co2_format_double(a, r->pue));
		co2__buf_printf(b, ",%s", co2_format_double(a, r->repeats));
		co2__buf_printf(b, ",%s", co2_format_double(a, co2_round(r->intensity_g_per_kwh, 6)));
		co2__buf_printf(b, ",%s", co2_format_double(a, co2_round(r->energy_kwh, 6)));
		co2__buf_printf(b, ",%s", co2_format_double(a, co2_round(r->co2_kg, 6)));
		co2__buf_printf(b, ",%s", co2_format_double(a, co2_round(change_kg(&res[0], r), 6)));
		if (res[0].co2_kg > 0)
			co2__buf_printf(b, ",%s\n",
			                co2_format_double(a, co2_round(change_kg(&res[0], r) / res[0].co2_kg * 100.0, 4)));
		else
			co2__buf_puts(b, ",\n");
	}
}

static void compare_json(co2__buf *b, const co2_result *res, const char *const *labels, size_t n)
{
	co2__buf_puts(b, "{\"scenarios\": [");
	for (size_t j = 0; j < n; j++) {
		co2__buf_puts(b, j ? ", {\"label\": " : "{\"label\": ");
		co2__buf_json_str(b, labels[j]);
		co2__buf_puts(b, ", \"change_kg\": ");
		co2__buf_num(b, change_kg(&res[0], &res[j]));
		co2__buf_puts(b, ", \"change_percent\": ");
		if (res[0].co2_kg > 0)
			co2__buf_num(b, change_kg(&res[0], &res[j]) / res[0].co2_kg * 100.0);
		else
			co2__buf_puts(b, "null");
		co2__buf_puts(b, ", \"result\": ");
		co2__json_result(b, &res[j], NULL, NULL);
		co2__buf_puts(b, "}");
	}
	co2__buf_puts(b, "]}\n");
}

co2_status co2_report_compare(char **out, size_t *len, const co2_result *results,
                              const char *const *labels, size_t n, co2_format format,
                              co2_error *err)
{
	if (n == 0 || n > 64)
		return co2__fail(err, CO2_ERR_INVALID, "compare: between 1 and 64 results, got %zu", n);
	/* Every accepted result has version 2's size, this library's; once fields are
	 * appended, an older caller's array steps by its results[0].size instead. */
	for (size_t i = 0; i < n; i++)
		if (co2__result_check(&results[i], err) != CO2_OK)
			return CO2_ERR_INVALID;
	co2__buf b = { 0 }, c = { 0 };
	switch (format) {
	case CO2_FORMAT_TEXT: compare_text(&b, &c, results, labels, n); break;
	case CO2_FORMAT_MARKDOWN: compare_markdown(&b, &c, results, labels, n); break;
	case CO2_FORMAT_CSV: compare_csv(&b, &c, results, labels, n); break;
	case CO2_FORMAT_JSON: compare_json(&b, results, labels, n); break;
	default:
		return co2__fail_field(err, CO2_ERR_INVALID, "format",
		                       "format: a comparison is written as text, json, markdown or csv, not %s",
		                       co2_format_name(format));
	}
	int failed = b.failed || c.failed;
	free(c.data);
	if (failed) {
		free(b.data);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory writing the comparison");
	}
	*out = b.data;
	if (len)
		*len = b.len;
	return CO2_OK;
}
