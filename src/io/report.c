/* Reports of one result: text for people, JSON for programs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"

co2_status co2_format_parse(co2_format *out, const char *name, co2_error *err)
{
	if (name && strcmp(name, "text") == 0)
		*out = CO2_FORMAT_TEXT;
	else if (name && strcmp(name, "json") == 0)
		*out = CO2_FORMAT_JSON;
	else
		return co2__fail_field(err, CO2_ERR_INVALID, "format",
		                       "format: expected text or json, got '%.60s'", name ? name : "");
	return CO2_OK;
}

/* A figure for people: 2 decimals, or 3 significant digits below 0.01. */
static const char *human(char buf[32], double v)
{
	if (v != 0 && fabs(v) < 0.01)
		return co2_format_double(buf, co2__round_significant(v, 3));
	return co2_format_double(buf, co2_round(v, 2));
}

static const char *method_title(co2_method m)
{
	switch (m) {
	case CO2_METHOD_MLCO2: return "ML CO2 Impact (Lacoste et al. 2019)";
	case CO2_METHOD_GREEN_ALGORITHMS: return "Green Algorithms (Lannelongue et al. 2021)";
	default: return "co2calc default (TDP x time x PUE x intensity)";
	}
}

static void text_where(co2__buf *b, const co2_result *r)
{
	if (r->region) {
		co2__buf_printf(b, "  Where        %s", r->region);
		if (r->provider_name)
			co2__buf_printf(b, " (%s", r->provider_name);
		if (r->location_name)
			co2__buf_printf(b, "%s%s", r->provider_name ? ", " : " (", r->location_name);
		co2__buf_puts(b, r->provider_name || r->location_name ? ")\n" : "\n");
	} else if (r->location) {
		co2__buf_printf(b, "  Where        %s (%s)\n", r->location, r->location_name);
	}
}

static void explain(co2__buf *b, const co2_result *r)
{
	char a[32], c[32], d[32], e[32];
	int mlco2 = r->method == CO2_METHOD_MLCO2;
	int step = 1;
	co2__buf_puts(b, "\nHow it was computed\n");
	for (size_t i = 0; i < r->n_parts; i++) {
		const co2_part *p = &r->parts[i];
		const char *unit = p->kind == CO2_PART_MEMORY ? "GB" : p->kind == CO2_PART_CPU ? "cores" : "x";
		co2__buf_printf(b, "  %d. power of %s: %s %s x %s W", step++, p->label,
		                co2_format_double(a, p->count), unit,
		                co2_format_double(c, p->unit_power_w));
		if (p->utilization != 1.0)
			co2__buf_printf(b, " x %s utilization", co2_format_double(d, p->utilization));
		co2__buf_printf(b, " = %s W\n", co2_format_double(e, co2_round(p->power_w, 4)));
		if (r->hours > 0 && p->count > 0)
			co2__buf_printf(b, "     energy: %s W x %s h / 1000 = %s kWh\n",
			                co2_format_double(a, co2_round(p->power_w, 4)),
			                co2_format_double(c, r->hours),
			                co2_format_double(d, mlco2 ? co2_round(p->energy_kwh, 2)
			                                           : co2_round(p->energy_kwh, 4)));
		else
			co2__buf_printf(b, "     energy: %s device-hours x %s W / 1000 = %s kWh\n",
			                co2_format_double(a, p->device_hours),
			                co2_format_double(c, p->unit_power_w * p->utilization),
			                co2_format_double(d, co2_round(p->energy_kwh, 4)));
	}
	co2__buf_printf(b, "  %d. IT energy: %s kWh\n", step++,
	                co2_format_double(a, co2_round(r->it_energy_kwh, 4)));
	co2__buf_printf(b, "  %d. with data-centre overhead and repeats: %s kWh x PUE %s x %s run%s = %s kWh%s\n",
	                step++, co2_format_double(a, co2_round(r->it_energy_kwh, 4)),
	                co2_format_double(c, r->pue), co2_format_double(d, r->repeats),
	                r->repeats == 1 ? "" : "s", co2_format_double(e, co2_round(r->energy_kwh, 4)),
	                mlco2 ? " (rounded to 2 decimals, as ML CO2 Impact does)" : "");
	co2__buf_printf(b, "  %d. emissions: %s kWh x %s kg CO2eq/kWh = %s kg CO2eq%s\n", step++,
	                co2_format_double(a, co2_round(r->energy_kwh, 4)),
	                co2_format_double(c, r->intensity_g_per_kwh / 1000.0),
	                human(d, r->co2_kg),
	                mlco2 ? " (intensity and result rounded to 2 decimals)" : "");
	if (r->n_parts == 1 && r->parts[0].count > 1 && r->parts[0].kind == CO2_PART_DEVICE &&
	    r->hours > 0) {
		/* Per device, as papers report it. */
		const co2_part *p = &r->parts[0];
		double e1 = p->unit_power_w * p->utilization * r->hours / 1000.0 * r->pue * r->repeats;
		double k1 = mlco2 ? co2_round(co2_round(e1, 2) * (r->intensity_g_per_kwh / 1000.0), 2)
		                  : e1 * r->intensity_g_per_kwh / 1000.0;
		co2__buf_printf(b, "     per device: %s W x %s h = %s kWh; x %s = %s kg CO2eq\n",
		                co2_format_double(a, p->unit_power_w * p->utilization),
		                co2_format_double(c, r->hours),
		                co2_format_double(d, mlco2 ? co2_round(e1, 2) : co2_round(e1, 4)),
		                co2_format_double(e, r->intensity_g_per_kwh / 1000.0), human(a, k1));
	}
}

static void text_report(co2__buf *b, const co2_result *r, unsigned flags)
{
	char a[32], c[32], d[32];
	co2__buf_printf(b, "Estimate by %s\n", method_title(r->method));
	co2__buf_printf(b, "Data edition %s (%s)\n\n", r->edition, r->edition_date);
	for (size_t i = 0; i < r->n_parts; i++) {
		const co2_part *p = &r->parts[i];
		if (p->kind == CO2_PART_MEMORY)
			co2__buf_printf(b, "  Memory       %s GB x %s W/GB\n", co2_format_double(a, p->count),
			                co2_format_double(c, p->unit_power_w));
		else
			co2__buf_printf(b, "  %s %s %sx %s, %s W%s\n",
			                p->kind == CO2_PART_CPU ? "CPU         " : "Hardware    ",
			                co2_format_double(a, p->count), p->kind == CO2_PART_CPU ? "cores " : "",
			                p->label, co2_format_double(c, p->unit_power_w),
			                p->kind == CO2_PART_CPU ? " per core" : " each");
		if (p->kind != CO2_PART_MEMORY && p->utilization != 1.0)
			co2__buf_printf(b, "               utilization %s\n", co2_format_double(a, p->utilization));
	}
	if (r->hours > 0)
		co2__buf_printf(b, "  Time         %s h\n", co2_format_double(a, r->hours));
	text_where(b, r);
	if (r->power_w > 0)
		co2__buf_printf(b, "  Power        %s W\n", co2_format_double(a, co2_round(r->power_w, 2)));
	co2__buf_printf(b, "  PUE          %s\n", co2_format_double(a, r->pue));
	if (r->repeats != 1.0)
		co2__buf_printf(b, "  Repeats      %s\n", co2_format_double(a, r->repeats));
	co2__buf_printf(b, "  Intensity    %s g CO2eq/kWh\n", co2_format_double(a, co2_round(r->intensity_g_per_kwh, 2)));
	co2__buf_printf(b, "\n  Energy       %s kWh\n", human(a, r->energy_kwh));
	co2__buf_printf(b, "  Emissions    %s kg CO2eq\n", human(a, r->co2_kg));
	if (r->offset_percent != CO2_UNSET && r->offset_percent > 0)
		co2__buf_printf(b, "  Offset       %s %% offset by the provider (market-based: %s kg)\n",
		                co2_format_double(a, r->offset_percent),
		                human(c, r->co2_kg * (1 - r->offset_percent / 100.0)));
	if (r->n_equivalents) {
		co2__buf_puts(b, "\nAs much CO2eq as\n");
		for (size_t i = 0; i < r->n_equivalents; i++)
			co2__buf_printf(b, "  %s %s\n", co2_format_double(a, r->equivalents[i].value),
			                r->equivalents[i].label);
	}
	if (flags & CO2_REPORT_EXPLAIN)
		explain(b, r);
	co2__buf_puts(b, "\nFactors\n");
	for (size_t i = 0; i < r->n_factors; i++) {
		const co2_factor *f = &r->factors[i];
		co2__buf_printf(b, "  %-22s %s %s", f->name, co2_format_double(d, f->value), f->unit);
		if (f->note)
			co2__buf_printf(b, " (%s)", f->note);
		if (f->year)
			co2__buf_printf(b, " - %s, %d\n", f->source, f->year);
		else
			co2__buf_printf(b, " - %s\n", f->source);
	}
}

static void json_kv_num(co2__buf *b, const char *k, double v, int comma)
{
	co2__buf_printf(b, "%s\"%s\": ", comma ? ", " : "", k);
	co2__buf_num(b, v);
}

static void json_kv_str(co2__buf *b, const char *k, const char *v, int comma)
{
	co2__buf_printf(b, "%s\"%s\": ", comma ? ", " : "", k);
	co2__buf_json_str(b, v);
}

void co2__json_result(co2__buf *b, const co2_result *r);
void co2__json_result(co2__buf *b, const co2_result *r)
{
	co2__buf_puts(b, "{");
	json_kv_str(b, "co2calc_version", co2_version(), 0);
	json_kv_str(b, "method", r->method_name, 1);
	json_kv_str(b, "edition", r->edition, 1);
	json_kv_str(b, "edition_date", r->edition_date, 1);
	json_kv_num(b, "energy_kwh", r->energy_kwh, 1);
	json_kv_num(b, "co2_kg", r->co2_kg, 1);
	json_kv_num(b, "it_energy_kwh", r->it_energy_kwh, 1);
	json_kv_num(b, "overhead_energy_kwh", r->overhead_energy_kwh, 1);
	json_kv_num(b, "power_w", r->power_w, 1);
	json_kv_num(b, "hours", r->hours, 1);
	json_kv_num(b, "pue", r->pue, 1);
	json_kv_num(b, "repeats", r->repeats, 1);
	json_kv_num(b, "intensity_g_per_kwh", r->intensity_g_per_kwh, 1);
	co2__buf_puts(b, ", \"offset_percent\": ");
	if (r->offset_percent == CO2_UNSET)
		co2__buf_puts(b, "null");
	else
		co2__buf_num(b, r->offset_percent);
	json_kv_str(b, "provider", r->provider, 1);
	json_kv_str(b, "region", r->region, 1);
	json_kv_str(b, "location", r->location, 1);
	json_kv_str(b, "location_name", r->location_name, 1);
	co2__buf_puts(b, ", \"co2_range_kg\": {");
	json_kv_num(b, "low", r->co2_range_kg.low, 0);
	json_kv_num(b, "central", r->co2_range_kg.central, 1);
	json_kv_num(b, "high", r->co2_range_kg.high, 1);
	co2__buf_puts(b, "}, \"parts\": [");
	for (size_t i = 0; i < r->n_parts; i++) {
		const co2_part *p = &r->parts[i];
		static const char *const kinds[] = { "device", "cpu", "memory" };
		co2__buf_puts(b, i ? ", {" : "{");
		json_kv_str(b, "kind", kinds[p->kind], 0);
		json_kv_str(b, "label", p->label, 1);
		json_kv_num(b, "count", p->count, 1);
		json_kv_num(b, "unit_power_w", p->unit_power_w, 1);
		json_kv_num(b, "utilization", p->utilization, 1);
		json_kv_num(b, "power_w", p->power_w, 1);
		json_kv_num(b, "device_hours", p->device_hours, 1);
		json_kv_num(b, "energy_kwh", p->energy_kwh, 1);
		co2__buf_puts(b, "}");
	}
	co2__buf_puts(b, "], \"factors\": [");
	for (size_t i = 0; i < r->n_factors; i++) {
		const co2_factor *f = &r->factors[i];
		co2__buf_puts(b, i ? ", {" : "{");
		json_kv_str(b, "name", f->name, 0);
		json_kv_num(b, "value", f->value, 1);
		json_kv_str(b, "unit", f->unit, 1);
		json_kv_str(b, "source", f->source, 1);
		co2__buf_puts(b, ", \"year\": ");
		if (f->year)
			co2__buf_printf(b, "%d", f->year);
		else
			co2__buf_puts(b, "null");
		json_kv_str(b, "note", f->note, 1);
		co2__buf_puts(b, "}");
	}
	co2__buf_puts(b, "], \"equivalents\": {");
	for (size_t i = 0; i < r->n_equivalents; i++)
		json_kv_num(b, r->equivalents[i].id, r->equivalents[i].value, i > 0);
	co2__buf_puts(b, "}}");
}

co2_status co2_report(char **out, size_t *len, const co2_result *res, co2_format format,
                      unsigned flags, co2_error *err)
{
	co2__buf b = { 0 };
	switch (format) {
	case CO2_FORMAT_TEXT:
		text_report(&b, res, flags);
		break;
	case CO2_FORMAT_JSON:
		co2__json_result(&b, res);
		co2__buf_puts(&b, "\n");
		break;
	default:
		return co2__fail_field(err, CO2_ERR_INVALID, "format", "format: unknown format %d", (int)format);
	}
	if (b.failed) {
		free(b.data);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory writing the report");
	}
	*out = b.data;
	if (len)
		*len = b.len;
	return CO2_OK;
}
