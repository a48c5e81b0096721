/* The JSON object of one result, shared by the JSON report and the comparison. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/report_internal.h"

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

/* A number, or null for CO2_UNSET. */
static void json_kv_opt(co2__buf *b, const char *k, double v, int comma)
{
	co2__buf_printf(b, "%s\"%s\": ", comma ? ", " : "", k);
	if (v == CO2_UNSET)
		co2__buf_puts(b, "null");
	else
		co2__buf_num(b, v);
}

static void json_kv_year(co2__buf *b, const char *k, int year)
{
	co2__buf_printf(b, ", \"%s\": ", k);
	if (year)
		co2__buf_printf(b, "%d", year);
	else
		co2__buf_puts(b, "null");
}

/* ", "source": ..., "year": N or null, "note": ... or null" of a figure. */
static void json_cited(co2__buf *b, const char *source, int year, const char *note)
{
	json_kv_str(b, "source", source, 1);
	json_kv_year(b, "year", year);
	json_kv_str(b, "note", note, 1);
}

/* ", "key": {"low": ..., "central": ..., "high": ...}" */
static void json_range(co2__buf *b, const char *k, const co2_range *v)
{
	co2__buf_printf(b, ", \"%s\": {", k);
	json_kv_num(b, "low", v->low, 0);
	json_kv_num(b, "central", v->central, 1);
	json_kv_num(b, "high", v->high, 1);
	co2__buf_puts(b, "}");
}

void co2__json_result(co2__buf *b, const co2_result *r, const co2_run *run,
                      const co2__steps *steps)
{
	co2__buf_puts(b, "{");
	json_kv_str(b, "co2calc_version", co2_version(), 0);
	if (run) {
		json_kv_str(b, "name", run->name, 1);
		json_kv_str(b, "training_type", run->training_type, 1);
	}
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
	json_kv_opt(b, "offset_percent", r->offset_percent, 1);
	json_kv_str(b, "provider", r->provider, 1);
	json_kv_str(b, "region", r->region, 1);
	json_kv_str(b, "location", r->location, 1);
	json_kv_str(b, "location_name", r->location_name, 1);
	json_range(b, "power_range_w", &r->power_range_w);
	json_range(b, "energy_range_kwh", &r->energy_range_kwh);
	json_range(b, "co2_range_kg", &r->co2_range_kg);
	json_kv_str(b, "site", co2_site_name(r->site), 1);
	/* Beside the emissions, never in them: the hardware's manufacture, amortised. */
	json_kv_opt(b, "embodied_kg", r->embodied_kg, 1);
	if (r->embodied_kg == CO2_UNSET)
		co2__buf_puts(b, ", \"embodied_range_kg\": null");
	else
		json_range(b, "embodied_range_kg", &r->embodied_range_kg);
	/* Market-based (GHG Protocol Scope 2) beside the location-based co2_kg. */
	json_kv_opt(b, "market_co2_kg", r->market_co2_kg, 1);
	co2__buf_puts(b, ", \"market_basis\": ");
	if (r->market_co2_kg == CO2_UNSET || !r->market_basis.source) {
		co2__buf_puts(b, "null");
	} else {
		const co2_market_basis *m = &r->market_basis;
		co2__buf_puts(b, "{");
		json_kv_str(b, "source", m->source, 0);
		json_kv_year(b, "year", m->year);
		json_kv_num(b, "covered_percent", m->covered_percent, 1);
		json_kv_str(b, "covers", m->covers, 1);
		json_kv_num(b, "uncovered_g_per_kwh", m->uncovered_g_per_kwh, 1);
		json_kv_str(b, "uncovered_basis", m->uncovered_basis, 1);
		json_kv_str(b, "uncovered_source", m->uncovered_source, 1);
		json_kv_year(b, "uncovered_year", m->uncovered_year);
		co2__buf_puts(b, "}");
	}
	co2__buf_puts(b, ", \"assumptions\": [");
	for (size_t i = 0; i < r->n_assumptions; i++) {
		const co2_assumption *a = &r->assumptions[i];
		co2__buf_puts(b, i ? ", {" : "{");
		json_kv_str(b, "field", a->field, 0);
		json_kv_str(b, "value", a->value, 1);
		json_kv_str(b, "reason", a->reason, 1);
		co2__buf_puts(b, "}");
	}
	co2__buf_puts(b, "], \"spreads\": [");
	for (size_t i = 0; i < r->n_spreads; i++) {
		static const char *const stages[] = { "power", "pue", "intensity", "embodied" };
		const co2_spread *sp = &r->spreads[i];
		co2__buf_puts(b, i ? ", {" : "{");
		json_kv_str(b, "factor", sp->factor, 0);
		json_kv_str(b, "stage", stages[sp->stage], 1);
		json_kv_num(b, "low", sp->low, 1);
		json_kv_num(b, "high", sp->high, 1);
		json_cited(b, sp->source, sp->year, sp->note);
		co2__buf_puts(b, "}");
	}
	co2__buf_puts(b, "], \"parts\": [");
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
	co2__buf_puts(b, "], \"embodied\": ");
	if (r->embodied_kg == CO2_UNSET) {
		co2__buf_puts(b, "null");
	} else {
		co2__buf_puts(b, "{");
		json_kv_num(b, "lifetime_years", r->lifetime_years, 0);
		json_kv_str(b, "lifetime_source", r->lifetime_source, 1);
		json_kv_year(b, "lifetime_year", r->lifetime_year);
		json_kv_num(b, "use_share", r->use_share, 1);
		json_kv_str(b, "use_share_source", r->use_share_source, 1);
		json_kv_year(b, "use_share_year", r->use_share_year);
		co2__buf_puts(b, ", \"parts\": [");
		for (size_t i = 0; i < r->n_embodied_parts; i++) {
			const co2_embodied_part *e = &r->embodied_parts[i];
			co2__buf_puts(b, i ? ", {" : "{");
			json_kv_str(b, "label", e->label, 0);
			json_kv_str(b, "unit", e->unit, 1);
			json_kv_num(b, "unit_hours", e->unit_hours, 1);
			json_kv_num(b, "unit_kg", e->unit_kg, 1);
			json_kv_str(b, "unit_source", e->unit_source, 1);
			json_kv_year(b, "unit_year", e->unit_year);
			json_kv_num(b, "host_kg", e->host_kg, 1);
			json_kv_num(b, "hosts_per_unit", e->hosts_per_unit, 1);
			json_kv_str(b, "host_source", e->host_source, 1);
			json_kv_year(b, "host_year", e->host_year);
			json_kv_num(b, "kg", e->kg, 1);
			co2__buf_puts(b, "}");
		}
		co2__buf_puts(b, "]}");
	}
	co2__buf_puts(b, ", \"factors\": [");
	for (size_t i = 0; i < r->n_factors; i++) {
		const co2_factor *f = &r->factors[i];
		co2__buf_puts(b, i ? ", {" : "{");
		json_kv_str(b, "name", f->name, 0);
		json_kv_num(b, "value", f->value, 1);
		json_kv_str(b, "unit", f->unit, 1);
		json_cited(b, f->source, f->year, f->note);
		co2__buf_puts(b, "}");
	}
	co2__buf_puts(b, "], \"equivalents\": {");
	for (size_t i = 0; i < r->n_equivalents; i++)
		json_kv_num(b, r->equivalents[i].id, r->equivalents[i].value, i > 0);
	/* Where each equivalent comes from: its factor and the factor's source. */
	co2__buf_puts(b, "}, \"equivalent_factors\": [");
	for (size_t i = 0; i < r->n_equivalents; i++) {
		const co2_equivalent *e = &r->equivalents[i];
		co2__buf_puts(b, i ? ", {" : "{");
		json_kv_str(b, "id", e->id, 0);
		json_kv_str(b, "label", e->label, 1);
		json_kv_str(b, "unit", e->unit, 1);
		json_kv_num(b, "kg_per_unit", e->kg_per_unit, 1);
		json_kv_str(b, "source", e->source, 1);
		json_kv_num(b, "year", e->year, 1);
		co2__buf_puts(b, "}");
	}
	co2__buf_puts(b, "]");
	if (steps) {
		co2__buf_puts(b, ", \"steps\": [");
		for (size_t i = 0; i < steps->n; i++) {
			const co2__step *st = &steps->s[i];
			co2__buf_printf(b, "%s{\"step\": %d", i ? ", " : "", st->number);
			json_kv_str(b, "text", st->text, 1);
			json_kv_num(b, "value", st->value, 1);
			json_kv_str(b, "unit", st->unit, 1);
			co2__buf_puts(b, ", \"source\": ");
			if (st->source) {
				co2__buf src = { 0 };
				co2__put_step_source(&src, st->source);
				co2__buf_json_str(b, src.failed ? "" : src.data);
				b->failed |= src.failed;
				free(src.data);
			} else {
				co2__buf_puts(b, "null");
			}
			co2__buf_puts(b, "}");
		}
		co2__buf_puts(b, "]");
	}
	co2__buf_puts(b, "}");
}
