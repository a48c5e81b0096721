/* What-if changes to a run, the provider's cleanest region, and several results side
 * by side with the change from the first. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/report_internal.h"

/* ---- the cleanest region ------------------------------------------------------------ */

static double region_intensity(const co2_db *db, const co2_region *r)
{
	if (r->intensity_g_per_kwh != CO2_UNSET)
		return r->intensity_g_per_kwh;
	const co2_location *loc;
	if (r->location && co2_db_find_location(&loc, db, r->edition, r->location, NULL) == CO2_OK)
		return loc->intensity_g_per_kwh;
	return CO2_UNSET;
}

co2_status co2_cleanest_region(const co2_region **region, co2_result *alt, const co2_db *db,
                               const co2_run *run, const co2_result *res, co2_error *err)
{
	const co2_region *cur = co2__result_region(res, db);
	if (!cur || !run || run->location || run->intensity_g_per_kwh != CO2_UNSET)
		return co2__fail(err, CO2_ERR_NOT_FOUND,
		                 "no cleanest region: the run has no cloud region, or its location or "
		                 "intensity is declared");
	size_t n;
	const co2_region *all = co2_db_regions(db, &n);
	const co2_region *best = NULL;
	double best_i = 0;
	for (size_t i = 0; i < n; i++) {
		const co2_region *r = &all[i];
		if (strcmp(r->edition, cur->edition) != 0 || strcmp(r->provider, cur->provider) != 0)
			continue;
		double v = region_intensity(db, r);
		if (v == CO2_UNSET)
			continue;
		if (!best || v < best_i)
			best = r, best_i = v;
	}
	if (!best)
		return co2__fail(err, CO2_ERR_NOT_FOUND, "no region of provider '%s' has an intensity",
		                 cur->provider);
	co2_run moved = *run;
	moved.region = best->id;
	co2_status st = co2_estimate(db, &moved, alt, err);
	if (st != CO2_OK)
		return st;
	*region = best;
	return CO2_OK;
}

/* ---- what-if ----------------------------------------------------------------------- */

static co2_device *main_device(co2_run *run)
{
	for (size_t i = 0; i < run->n_devices; i++)
		if (run->devices[i].role != CO2_ROLE_CPU)
			return &run->devices[i];
	return NULL;
}

static void scale_time(co2_run *run, double f)
{
	if (run->hours != CO2_UNSET)
		run->hours *= f;
	for (size_t i = 0; i < run->n_devices; i++)
		if (run->devices[i].device_hours != CO2_UNSET)
			run->devices[i].device_hours *= f;
	if (run->energy_kwh != CO2_UNSET)
		run->energy_kwh *= f;
}

static int key_is(const char *key, const char *want)
{
	for (; *key && *want; key++, want++) {
		char k = *key == '_' ? '-' : *key;
		if (k != *want)
			return 0;
	}
	return *key == *want;
}

co2_status co2_whatif_apply(co2_run *run, const char *key, const char *value, co2_error *err)
{
	double v = 0;
	if (!key || !*key)
		return co2__fail_field(err, CO2_ERR_INVALID, "what-if",
		                       "what-if: expected KEY=VALUE, like region=gcp:europe-north1");
	if (!value)
		value = "";
	if (key_is(key, "mixed-precision") || key_is(key, "early-stopping") ||
	    key_is(key, "random-search")) {
		if (co2_parse_double(&v, value, key, err) != CO2_OK)
			return CO2_ERR_INVALID;
		if (key_is(key, "mixed-precision")) {
			if (!(v > 0 && v <= 100))
				return co2__fail_field(err, CO2_ERR_INVALID, key,
				                       "mixed-precision: expected a speed-up above 0 and at most "
				                       "100 (typically 1.5 to 3), got %s", value);
			scale_time(run, 1.0 / v);
		} else if (key_is(key, "early-stopping")) {
			if (!(v > 0 && v <= 1))
				return co2__fail_field(err, CO2_ERR_INVALID, key,
				                       "early-stopping: expected the fraction of the training "
				                       "still run, in (0, 1], got %s", value);
			scale_time(run, v);
		} else {
			if (!(v >= 1 && v <= 1e6))
				return co2__fail_field(err, CO2_ERR_INVALID, key,
				                       "random-search: expected a number of trials from 1 to 1e6, "
				                       "got %s", value);
			run->repeats = v;
		}
		return CO2_OK;
	}
	if (key_is(key, "hardware") || key_is(key, "count") || key_is(key, "utilization") ||
	    key_is(key, "power")) {
		co2_device *d = main_device(run);
		if (d) {
			if (key_is(key, "hardware")) {
				if (!*value)
					return co2__fail_field(err, CO2_ERR_INVALID, "hardware",
					                       "hardware: expected a non-empty value");
				d->name = value;
				d->power_w = CO2_UNSET;
				return CO2_OK;
			}
			if (co2_parse_double(&v, value, key, err) != CO2_OK)
				return CO2_ERR_INVALID;
			if (v < 0)
				return co2__fail_field(err, CO2_ERR_INVALID, key, "%s: must not be negative, got %s",
				                       key, value);
			if (key_is(key, "count"))
				d->count = v;
			else if (key_is(key, "utilization"))
				d->utilization = v;
			else
				d->power_w = v;
			return CO2_OK;
		}
	}
	co2_status st = co2_run_set(run, key, value, err);
	if (st != CO2_OK) {
		if (err && st == CO2_ERR_INVALID && strstr(err->message, "unknown key"))
			snprintf(err->message + strlen(err->message), sizeof err->message - strlen(err->message),
			         " (what-if keys: region, location, hardware, count, hours, utilization, pue, "
			         "repeats, intensity, method, mixed-precision, early-stopping, random-search)");
		return st;
	}
	if (key_is(key, "region")) {
		run->location = NULL;
		run->intensity_g_per_kwh = CO2_UNSET;
	} else if (key_is(key, "location")) {
		run->intensity_g_per_kwh = CO2_UNSET;
	}
	return CO2_OK;
}

co2_status co2_whatif_apply_list(co2_run *run, char *text, co2_error *err)
{
	char *p = text;
	for (;;) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		while (*p == ' ')
			p++;
		char *eq = strchr(p, '=');
		if (!eq)
			return co2__fail_field(err, CO2_ERR_INVALID, "what-if",
			                       "what-if: expected KEY=VALUE, like region=gcp:europe-north1, got '%.60s'",
			                       p);
		*eq = '\0';
		char *end = eq;
		while (end > p && end[-1] == ' ')
			*--end = '\0';
		char *val = eq + 1;
		while (*val == ' ')
			val++;
		co2_status st = co2_whatif_apply(run, p, val, err);
		if (st != CO2_OK)
			return st;
		if (!comma)
			return CO2_OK;
		p = comma + 1;
	}
}

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
		co2__buf_puts(c, r->region ? r->region : r->location ? r->location : "declared");
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

static void csv_field(co2__buf *b, const char *s)
{
	if (!s)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		co2__buf_puts(b, s);
		return;
	}
	co2__buf_putn(b, "\"", 1);
	for (; *s; s++) {
		if (*s == '"')
			co2__buf_putn(b, "\"", 1);
		co2__buf_putn(b, s, 1);
	}
	co2__buf_putn(b, "\"", 1);
}

static void compare_csv(co2__buf *b, co2__buf *c, const co2_result *res, const char *const *labels,
                        size_t n)
{
	char a[32];
	co2__buf_puts(b, "scenario,method,hardware,hours,where,pue,repeats,intensity_g_per_kwh,"
	                 "energy_kwh,co2_kg,change_kg,change_percent\n");
	for (size_t j = 0; j < n; j++) {
		const co2_result *r = &res[j];
		csv_field(b, labels[j]);
		co2__buf_printf(b, ",%s,", r->method_name);
		c->len = 0;
		if (c->data)
			c->data[0] = '\0';
		co2__put_hardware(c, r);
		csv_field(b, cstr(c));
		co2__buf_printf(b, ",%s,", co2_format_double(a, r->hours));
		csv_field(b, r->region ? r->region : r->location ? r->location : "");
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
		co2__json_result(b, &res[j]);
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
