/* Writing what the batch reader computed, a piece at a time so that rows stream: the
 * header, one row per run as the row callback receives it, then the totals; in text,
 * CSV or JSON. */
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

/* CSV is read by people and spreadsheets: 10 significant digits drop the binary noise
 * (1.092, not 1.0919999999999999) and keep every figure that means anything. */
static void num_csv(co2__buf *b, double v)
{
	co2__buf_num(b, co2__round_significant(v, 10));
}

static co2_status check_format(co2_format format, co2_error *err)
{
	if (format == CO2_FORMAT_TEXT || format == CO2_FORMAT_CSV || format == CO2_FORMAT_JSON)
		return CO2_OK;
	return co2__fail(err, CO2_ERR_INVALID, "batch: the report is written as text, csv or json, not %s",
	                 co2_format_name(format));
}

/* Hand the buffer to the caller (an empty string when nothing was written), or fail
 * when it could not grow. */
static co2_status done(co2__buf *b, char **out, size_t *len, co2_error *err)
{
	if (!b->data)
		co2__buf_puts(b, "");
	if (b->failed) {
		free(b->data);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory writing the batch report");
	}
	*out = b->data;
	if (len)
		*len = b->len;
	return CO2_OK;
}

co2_status co2_batch_report_header(char **out, size_t *len, const char *input, co2_format format,
                                   co2_error *err)
{
	*out = NULL;
	co2_status st = check_format(format, err);
	if (st != CO2_OK)
		return st;
	co2__buf b = { 0 };
	if (format == CO2_FORMAT_TEXT) {
		co2__buf_printf(&b, "%5s %6s  %-32s %-17s %10s %12s %14s\n", "run", "line", "name", "method", "hours",
		                "energy kWh", "CO2eq kg");
	} else if (format == CO2_FORMAT_CSV) {
		co2__buf_puts(&b, "run,line,name,method,edition,hours,power_w,pue,intensity_g_per_kwh,energy_kwh,"
		                  "co2_kg,region,location\n");
	} else {
		co2__buf_puts(&b, "{\n  \"input\": ");
		co2__buf_json_str(&b, input);
		co2__buf_puts(&b, ",\n  \"runs\": [");
	}
	return done(&b, out, len, err);
}

/* What a run is called in the text report: its name, else its first device, else "-".
 * CSV and JSON give the name alone (empty or null when the run has none). */
static const char *label(const co2_run *r)
{
	if (r->name)
		return r->name;
	for (size_t i = 0; i < r->n_devices; i++)
		if (r->devices[i].name)
			return r->devices[i].name;
	return "-";
}

static void row_text(co2__buf *b, const co2_batch_row *row)
{
	const co2_result *r = row->result;
	if (!r)
		co2__buf_printf(b, "%5zu %6zu  %-32.32s %s\n", row->index, row->line, label(row->run),
		                "(error: see above)");
	else if (r->hours > 0)
		co2__buf_printf(b, "%5zu %6zu  %-32.32s %-17s %10.2f %12.3f %14.4f\n", row->index, row->line,
		                label(row->run), r->method_name, r->hours, r->energy_kwh, r->co2_kg);
	else /* device-hours or a declared energy: no wall-clock time to show */
		co2__buf_printf(b, "%5zu %6zu  %-32.32s %-17s %10s %12.3f %14.4f\n", row->index, row->line,
		                label(row->run), r->method_name, "-", r->energy_kwh, r->co2_kg);
}

static void row_csv(co2__buf *b, const co2_batch_row *row)
{
	const co2_result *r = row->result;
	if (!r)
		return; /* the CSV holds computed runs only */
	co2__buf_printf(b, "%zu,%zu,", row->index, row->line);
	co2__buf_csv_str(b, row->run->name); /* for programs: the name given, or nothing */
	co2__buf_printf(b, ",%s,", r->method_name);
	co2__buf_csv_str(b, r->edition);
	const double v[] = { r->hours, r->power_w, r->pue, r->intensity_g_per_kwh, r->energy_kwh, r->co2_kg };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		co2__buf_putn(b, ",", 1);
		if (i > 1 || v[i] > 0) /* hours and power are empty when not known */
			num_csv(b, v[i]);
	}
	co2__buf_putn(b, ",", 1);
	co2__buf_csv_str(b, r->region);
	co2__buf_putn(b, ",", 1);
	co2__buf_csv_str(b, r->location);
	co2__buf_putn(b, "\n", 1);
}

static void row_json(co2__buf *b, const co2_batch_row *row)
{
	const co2_result *r = row->result;
	co2__buf_printf(b, "%s\n    {\"run\": %zu, \"line\": %zu, \"name\": ", row->index > 1 ? "," : "", row->index,
	                row->line);
	co2__buf_json_str(b, row->run->name);
	if (!r) {
		co2__buf_puts(b, ", \"error\": ");
		co2__buf_json_str(b, row->error ? row->error->message : NULL);
		co2__buf_puts(b, "}");
		return;
	}
	co2__buf_printf(b, ", \"method\": \"%s\", \"edition\": ", r->method_name);
	co2__buf_json_str(b, r->edition);
	co2__buf_puts(b, ", \"region\": ");
	co2__buf_json_str(b, r->region);
	co2__buf_puts(b, ", \"location\": ");
	co2__buf_json_str(b, r->location);
	const struct { const char *k; double v; } m[] = {
		{ "hours", r->hours }, { "power_w", r->power_w }, { "pue", r->pue },
		{ "intensity_g_per_kwh", r->intensity_g_per_kwh }, { "energy_kwh", r->energy_kwh },
		{ "co2_kg", r->co2_kg },
	};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		co2__buf_printf(b, ", \"%s\": ", m[i].k);
		if (i > 1 || m[i].v > 0) /* hours and power are null when not known */
			co2__buf_num(b, m[i].v);
		else
			co2__buf_puts(b, "null");
	}
	co2__buf_puts(b, "}");
}

co2_status co2_batch_report_row(char **out, size_t *len, const co2_batch_row *row, co2_format format,
                                co2_error *err)
{
	*out = NULL;
	co2_status st = check_format(format, err);
	if (st != CO2_OK)
		return st;
	if (!row || !row->run)
		return co2__fail(err, CO2_ERR_INVALID, "batch: no row to write");
	co2__buf b = { 0 };
	if (format == CO2_FORMAT_TEXT)
		row_text(&b, row);
	else if (format == CO2_FORMAT_CSV)
		row_csv(&b, row);
	else
		row_json(&b, row);
	return done(&b, out, len, err);
}

co2_status co2_batch_report_totals(char **out, size_t *len, const co2_batch_totals *t, co2_format format,
                                   co2_error *err)
{
	*out = NULL;
	co2_status st = check_format(format, err);
	if (st != CO2_OK)
		return st;
	if (!t)
		return co2__fail(err, CO2_ERR_INVALID, "batch: no totals to write");
	co2__buf b = { 0 };
	size_t ok = t->runs - t->failed;
	if (format == CO2_FORMAT_TEXT) {
		co2__buf_printf(&b, "\ntotal: %zu run%s computed", ok, ok == 1 ? "" : "s");
		if (t->failed)
			co2__buf_printf(&b, ", %zu failed", t->failed);
		co2__buf_printf(&b, "; %.3f kWh, %.3f kg CO2eq\n", t->energy_kwh, t->co2_kg);
	} else if (format == CO2_FORMAT_CSV) {
		co2__buf_printf(&b, "total,,(%zu run%s),,,,,,,", ok, ok == 1 ? "" : "s");
		num_csv(&b, t->energy_kwh);
		co2__buf_putn(&b, ",", 1);
		num_csv(&b, t->co2_kg);
		co2__buf_puts(&b, ",,\n");
	} else {
		co2__buf_printf(&b, "%s],\n  \"totals\": {\"runs\": %zu, \"computed\": %zu, \"failed\": %zu, \"energy_kwh\": ",
		                t->runs ? "\n  " : "", t->runs, ok, t->failed);
		co2__buf_num(&b, t->energy_kwh);
		co2__buf_puts(&b, ", \"it_energy_kwh\": ");
		co2__buf_num(&b, t->it_energy_kwh);
		co2__buf_puts(&b, ", \"co2_kg\": ");
		co2__buf_num(&b, t->co2_kg);
		co2__buf_puts(&b, "}\n}\n");
	}
	return done(&b, out, len, err);
}
