/* Reports of one result: text for people, JSON for programs; the other formats are in
 * report_paper.c, comparisons in report_compare.c, the model-card block in card.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co2calc/card.h"
#include "formats/report_internal.h"

static const struct {
	const char *name;
	co2_format format;
} format_names[] = {
	{ "text", CO2_FORMAT_TEXT },       { "json", CO2_FORMAT_JSON },
	{ "model-card", CO2_FORMAT_MODEL_CARD }, { "latex", CO2_FORMAT_LATEX },
	{ "markdown", CO2_FORMAT_MARKDOWN }, { "yaml", CO2_FORMAT_YAML },
	{ "csv", CO2_FORMAT_CSV },         { "tex", CO2_FORMAT_LATEX },
	{ "md", CO2_FORMAT_MARKDOWN },     { "modelcard", CO2_FORMAT_MODEL_CARD },
	{ "huggingface", CO2_FORMAT_MODEL_CARD },
};

co2_status co2_format_parse(co2_format *out, const char *name, co2_error *err)
{
	for (size_t i = 0; name && i < sizeof format_names / sizeof format_names[0]; i++) {
		if (strcmp(name, format_names[i].name) == 0) {
			*out = format_names[i].format;
			return CO2_OK;
		}
	}
	return co2__fail_field(err, CO2_ERR_INVALID, "format",
	                       "format: expected text, json, model-card, latex, markdown, yaml or csv, got '%.60s'",
	                       name ? name : "");
}

const char *co2_format_name(co2_format format)
{
	for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
		if (format_names[i].format == format)
			return format_names[i].name;
	return "unknown";
}

#define human co2__human
#define method_title co2__method_title


static void explain(co2__buf *b, const co2_result *r)
{
	char a[32], c[32], d[32];
	co2__buf_printf(b, "\nHow it was computed, by %s\n", method_title(r->method));
	co2__buf_puts(b, "  power (W)     = count x power per device (W) x utilization\n"
	                 "  energy (kWh)  = power (W) x hours / 1000 x PUE x repeats\n"
	                 "  CO2eq (kg)    = energy (kWh) x carbon intensity (kg CO2eq/kWh)\n");
	co2__steps steps;
	co2__explain_steps(&steps, r);
	for (size_t i = 0; i < steps.n; i++) {
		const co2__step *st = &steps.s[i];
		if (st->detail)
			co2__buf_printf(b, "     %s\n", st->text);
		else
			co2__buf_printf(b, "  %d. %s\n", st->number, st->text);
		if (st->source) {
			co2__buf_puts(b, "     source: ");
			co2__put_step_source(b, st->source);
			co2__buf_puts(b, "\n");
		}
	}
	co2__buf_printf(b, "  Total: %s kWh, %s kg CO2eq\n", human(a, r->energy_kwh), human(c, r->co2_kg));
	if (r->n_equivalents)
		co2__buf_puts(b, "  Equivalents: CO2eq (kg) / kg CO2eq per unit\n");
	for (size_t i = 0; i < r->n_equivalents; i++) {
		const co2_equivalent *q = &r->equivalents[i];
		/* "per flight", not "per flights" */
		size_t ul = q->unit ? strlen(q->unit) : 0;
		int plural = ul > 2 && q->unit[ul - 1] == 's';
		co2__buf_printf(b, "    %s kg / %s kg per %.*s = %s %s\n", human(a, r->co2_kg),
		                co2__format_plain(c, q->kg_per_unit), (int)(plural ? ul - 1 : ul),
		                q->unit ? q->unit : "", co2__format_plain(d, q->value), q->label);
		co2__buf_printf(b, "      source: %s, %d\n", q->source, q->year);
	}
}

/* "     WHAT: source, year" under a step; nothing without a source. */
static void put_cited(co2__buf *b, const char *what, const char *source, int year)
{
	if (!source)
		return;
	if (year)
		co2__buf_printf(b, "     %s: %s, %d\n", what, source, year);
	else
		co2__buf_printf(b, "     %s: %s\n", what, source);
}

/* The embodied figure, step by step. */
static void explain_embodied(co2__buf *b, const co2_result *r)
{
	char a[32], c[32], d[32], e[32], f[32];
	if (r->embodied_kg == CO2_UNSET)
		return;
	double hours = r->lifetime_years * 8760.0 * r->use_share;
	co2__buf_puts(b, "\nEmbodied carbon: making the hardware (beside the emissions above, not in them)\n"
	                 "  embodied (kg) = (kg per unit + host kg x hosts per unit) x unit-hours\n"
	                 "                  / (lifetime (years) x 8760 h x use share)\n");
	co2__buf_printf(b, "  1. Hours of use in a life: %s years x 8760 h x %s = %s h\n",
	                co2_format_double(a, r->lifetime_years), co2_format_double(c, r->use_share),
	                co2_format_double(d, co2_round(hours, 4)));
	put_cited(b, "lifetime", r->lifetime_source, r->lifetime_year);
	put_cited(b, "use share", r->use_share_source, r->use_share_year);
	int step = 2;
	for (size_t i = 0; i < r->n_embodied_parts; i++) {
		const co2_embodied_part *p = &r->embodied_parts[i];
		int both = p->unit_kg > 0 && p->host_kg > 0;
		co2__buf_printf(b, "  %d. %s: %s", step++, p->label, both ? "(" : "");
		if (p->unit_kg > 0 || p->host_kg <= 0)
			co2__buf_printf(b, "%s kg", co2_format_double(a, p->unit_kg));
		if (p->host_kg > 0)
			co2__buf_printf(b, "%s%s kg x %s", both ? " + " : "", co2_format_double(c, p->host_kg),
			                co2_format_double(d, co2__round_significant(p->hosts_per_unit, 6)));
		co2__buf_printf(b, "%s x %s %s-hours / %s h = %s kg CO2eq\n", both ? ")" : "",
		                co2_format_double(e, co2_round(p->unit_hours, 4)), p->unit,
		                co2_format_double(f, co2_round(hours, 4)), human(a, p->kg));
		put_cited(b, p->unit, p->unit_source, p->unit_year);
		put_cited(b, "host", p->host_source, p->host_year);
	}
	co2__buf_printf(b, "  Total: %s kg CO2eq", human(a, r->embodied_kg));
	co2__put_likely(b, &r->embodied_range_kg, "kg");
	co2__buf_puts(b, "\n");
}

/* The market-based figure, step by step. */
static void explain_market(co2__buf *b, const co2_result *r)
{
	char a[32], c[32], d[32], e[32];
	const co2_market_basis *m = &r->market_basis;
	if (r->market_co2_kg == CO2_UNSET || !m->source)
		return;
	co2__buf_puts(b, "\nMarket-based (GHG Protocol Scope 2; the emissions above are location-based)\n"
	                 "  market (kg) = energy (kWh) x (1 - covered share) x intensity of the rest (kg CO2eq/kWh)\n");
	co2__buf_printf(b, "  %s kWh x (1 - %s) x %s kg CO2eq/kWh = %s kg CO2eq\n",
	                co2_format_double(a, co2_round(r->energy_kwh, 4)),
	                co2_format_double(c, m->covered_percent / 100.0),
	                co2_format_double(d, co2__round_significant(m->uncovered_g_per_kwh / 1000.0, 12)), human(e, r->market_co2_kg));
	co2__buf_printf(b, "     covered: %s %%, %s\n", co2_format_double(a, m->covered_percent), m->covers);
	put_cited(b, "source", m->source, m->year);
	co2__buf_printf(b, "     the rest: %s\n", m->uncovered_basis);
	put_cited(b, "source", m->uncovered_source, m->uncovered_year);
	co2__buf_puts(b, "  Offsets are not instruments of the market-based method: nothing is subtracted for them.\n");
}

/* How sure: each source of spread, and how they combine. */
static void explain_range(co2__buf *b, const co2_result *r)
{
	char a[32], c[32], d[32];
	co2__buf_puts(b, "\nHow sure it is\n");
	if (!r->n_spreads) {
		co2__buf_puts(b, "  Every factor was declared: no spread.\n");
		return;
	}
	co2__buf_puts(b, "  Each factor's true value lies between its low and high multiple of the figure used:\n");
	for (size_t i = 0; i < r->n_spreads; i++) {
		const co2_spread *s = &r->spreads[i];
		co2__buf_printf(b, "  %-17s x%s to x%s", s->factor, co2_format_double(a, co2_round(s->low, 3)),
		                co2_format_double(c, co2_round(s->high, 3)));
		if (s->note)
			co2__buf_printf(b, " (%s)", s->note);
		co2__buf_puts(b, "\n");
		if (s->year)
			co2__buf_printf(b, "     source: %s, %d\n", s->source, s->year);
		else if (s->source)
			co2__buf_printf(b, "     source: %s\n", s->source);
	}
	co2__buf_puts(b, "  Independent factors combine in log space: ln(high) = sqrt(sum of ln(high_i)^2),\n"
	                 "  ln(low) = -sqrt(sum of ln(low_i)^2), over the factors each figure depends on:\n");
	static const char *const what[] = { "power", "energy", "CO2eq", "embodied" };
	const co2_range *rg[] = { &r->power_range_w, &r->energy_range_kwh, &r->co2_range_kg,
		                  &r->embodied_range_kg };
	static const char *const units[] = { "W", "kWh", "kg", "kg" };
	for (int k = 0; k < 4; k++) {
		if (rg[k]->central == CO2_UNSET || !co2__has_range(rg[k]))
			continue;
		double cen = rg[k]->central;
		co2__buf_printf(b, "    %-7s x%s to x%s: %s", what[k],
		                co2_format_double(a, co2_round(cen > 0 ? rg[k]->low / cen : 1, 3)),
		                co2_format_double(c, co2_round(cen > 0 ? rg[k]->high / cen : 1, 3)),
		                co2__range_end(d, rg[k]->low));
		co2__buf_printf(b, " to %s %s\n", co2__range_end(a, rg[k]->high), units[k]);
	}
}

static void text_where(co2__buf *b, const co2_result *r, const co2_db *db)
{
	if (co2__declared_grid(r, db)) {
		co2__buf_printf(b, "  Where        the grid of %s (%s), as given, for a run in %s",
		                r->location_name ? r->location_name : r->location, r->location, r->region);
		co2__buf_puts(b, r->provider_name ? "" : "\n");
		if (r->provider_name)
			co2__buf_printf(b, " (%s)\n", r->provider_name);
	} else if (r->region) {
		const char *place = co2__result_place(r, db);
		co2__buf_printf(b, "  Where        %s", r->region);
		if (r->provider_name)
			co2__buf_printf(b, " (%s", r->provider_name);
		if (place)
			co2__buf_printf(b, "%s%s", r->provider_name ? ", " : " (", place);
		co2__buf_puts(b, r->provider_name || place ? ")\n" : "\n");
	} else if (r->location) {
		co2__buf_printf(b, "  Where        %s (%s)\n", r->location, r->location_name);
	}
}

/* The same run in the provider's cleanest region, as ML CO2 Impact shows it. */
static void text_cleanest(co2__buf *b, const co2_result *r, const co2_run *run, const co2_db *db)
{
	char a[32], c[32], d[32];
	const co2_region *reg;
	co2_result alt;
	co2_result_init(&alt);
	if (!run || !db || co2_cleanest_region(&reg, &alt, db, run, r, NULL) != CO2_OK)
		return;
	const char *prov = r->provider_name ? r->provider_name : r->provider;
	if (strcmp(reg->id, r->region) == 0) {
		co2__buf_printf(b, "  Cleanest     %s is %s's lowest-carbon region in this data\n", r->region, prov);
		return;
	}
	size_t pl = strlen(prov);
	co2__buf_printf(b, "  Cleanest     %s%s cleanest region is %s", prov,
	                pl && prov[pl - 1] == 's' ? "'" : "'s", reg->id);
	if (reg->name || alt.location_name)
		co2__buf_printf(b, " (%s)", reg->name ? reg->name : alt.location_name);
	co2__buf_printf(b, ", %s g CO2eq/kWh:\n               the run would emit %s kg CO2eq there",
	                co2_format_double(a, co2_round(alt.intensity_g_per_kwh, 2)), human(c, alt.co2_kg));
	double e_raw, kg_raw;
	int unrounded = co2__mlco2_unrounded(&alt, &e_raw, &kg_raw);
	if (r->co2_kg > 0)
		co2__buf_printf(b, " (%s %%%s",
		                co2_format_double(d, co2_round((alt.co2_kg - r->co2_kg) / r->co2_kg * 100.0, 1)),
		                unrounded ? "; " : ")");
	else if (unrounded)
		co2__buf_puts(b, " (");
	if (unrounded)
		co2__buf_printf(b, "unrounded %s kg)", human(a, kg_raw));
	co2__buf_puts(b, "\n");
}

static void text_report(co2__buf *b, const co2_result *r, const co2_run *run, const co2_db *db,
                        unsigned flags)
{
	char a[32], c[32], d[32];
	co2__buf_printf(b, "Estimate by %s\n", method_title(r->method));
	co2__buf_printf(b, "Data edition %s (%s)\n\n", r->edition, r->edition_date);
	for (size_t i = 0; i < r->n_parts; i++) {
		const co2_part *p = &r->parts[i];
		if (p->kind == CO2_PART_MEMORY)
			co2__buf_printf(b, "  Memory       %s GB x %s W/GB\n", co2_format_double(a, p->count),
			                co2_format_double(c, co2__round_significant(p->unit_power_w, 6)));
		else if (r->hours <= 0 && p->kind == CO2_PART_DEVICE)
			/* Device-hours stand for count x hours: no count of its own. */
			co2__buf_printf(b, "  Hardware     %s, %s W each\n", p->label,
			                co2_format_double(c, p->unit_power_w));
		else
			co2__buf_printf(b, "  %s %s %sx %s, %s W%s\n",
			                p->kind == CO2_PART_CPU ? "CPU         " : "Hardware    ",
			                co2_format_double(a, p->count), p->kind == CO2_PART_CPU ? "cores " : "",
			                p->label, co2_format_double(c, co2__round_significant(p->unit_power_w, 6)),
			                p->kind == CO2_PART_CPU ? " per core" : " each");
		if (p->kind != CO2_PART_MEMORY && p->utilization != 1.0)
			co2__buf_printf(b, "               utilization %s\n", co2_format_double(a, p->utilization));
	}
	if (r->hours > 0) {
		co2__buf_printf(b, "  Time         %s h\n", co2_format_double(a, r->hours));
	} else {
		/* Declared device-hours (no wall-clock time): say so, per part. */
		for (size_t i = 0; i < r->n_parts; i++)
			if (r->parts[i].device_hours > 0 && r->parts[i].kind != CO2_PART_MEMORY)
				co2__buf_printf(b, "  Time         %s device-hours of %s\n",
				                co2_format_double(a, r->parts[i].device_hours), r->parts[i].label);
	}
	text_where(b, r, db);
	co2__buf_printf(b, "  Site         %s\n", co2_site_name(r->site));
	int timed = r->hours > 0;
	for (size_t i = 0; i < r->n_parts; i++)
		timed |= r->parts[i].device_hours > 0;
	if (r->power_w > 0) {
		co2__buf_printf(b, "  Power        %s W", co2_format_double(a, co2_round(r->power_w, 2)));
		co2__put_likely(b, &r->power_range_w, "W");
		co2__buf_puts(b, "\n");
	}
	if (!timed)
		co2__buf_printf(b, "  IT energy    %s kWh (declared)\n", human(a, r->it_energy_kwh));
	co2__buf_printf(b, "  PUE          %s\n", co2_format_double(a, r->pue));
	if (r->repeats != 1.0)
		co2__buf_printf(b, "  Repeats      %s\n", co2_format_double(a, r->repeats));
	co2__buf_printf(b, "  Intensity    %s g CO2eq/kWh\n", co2_format_double(a, co2_round(r->intensity_g_per_kwh, 2)));
	co2__buf_printf(b, "\n  Energy       %s kWh", human(a, r->energy_kwh));
	co2__put_likely(b, &r->energy_range_kwh, "kWh");
	co2__buf_printf(b, "\n  Emissions    %s kg CO2eq", human(a, r->co2_kg));
	co2__put_likely(b, &r->co2_range_kg, "kg");
	co2__buf_puts(b, "\n");
	double e_raw, kg_raw;
	if (co2__mlco2_unrounded(r, &e_raw, &kg_raw))
		co2__buf_printf(b, "               rounded as ML CO2 Impact does (2 decimals); unrounded %s kWh, "
		                   "%s kg CO2eq\n", human(a, e_raw), human(c, kg_raw));
	if (r->embodied_kg != CO2_UNSET) {
		co2__buf_printf(b, "  Embodied     %s kg CO2eq", human(a, r->embodied_kg));
		co2__put_likely(b, &r->embodied_range_kg, "kg");
		co2__buf_puts(b, ", not in the emissions: making the hardware, this run's share\n");
	}
	if (r->market_co2_kg != CO2_UNSET && r->market_basis.source) {
		/* Offsets the provider buys are not market-based instruments: not shown here. */
		const co2_market_basis *m = &r->market_basis;
		co2__buf_printf(b, "  Market-based %s kg CO2eq (GHG Protocol Scope 2; the emissions "
		                "above are location-based)\n", human(a, r->market_co2_kg));
		co2__buf_printf(b, "               %s %% covered by %s (%d); the rest at %s g/kWh, the %s\n",
		                co2_format_double(a, m->covered_percent), m->covers, m->year,
		                co2_format_double(c, co2_round(m->uncovered_g_per_kwh, 2)),
		                m->uncovered_basis);
	}
	text_cleanest(b, r, run, db);
	if (r->n_assumptions) {
		co2__buf_puts(b, "\nAssumed (the run did not say; declare them to narrow the range)\n");
		for (size_t i = 0; i < r->n_assumptions; i++)
			co2__buf_printf(b, "  %-12s %s: %s\n", r->assumptions[i].field,
			                r->assumptions[i].value, r->assumptions[i].reason);
	}
	if (r->n_equivalents) {
		co2__buf_puts(b, "\nAs much CO2eq as\n");
		for (size_t i = 0; i < r->n_equivalents; i++)
			co2__buf_printf(b, "  %s %s\n", co2__format_plain(a, r->equivalents[i].value),
			                r->equivalents[i].label);
	}
	if (flags & CO2_REPORT_EXPLAIN) {
		explain(b, r);
		explain_embodied(b, r);
		explain_market(b, r);
		explain_range(b, r);
	}
	co2__buf_puts(b, "\nFactors\n");
	for (size_t i = 0; i < r->n_factors; i++) {
		const co2_factor *f = &r->factors[i];
		co2__buf_printf(b, "  %-22s %s%s%s", f->name, co2_format_double(d, f->value),
		                f->unit && *f->unit ? " " : "", f->unit ? f->unit : "");
		if (f->note)
			co2__buf_printf(b, " (%s)", f->note);
		if (f->year)
			co2__buf_printf(b, " - %s, %d\n", f->source, f->year);
		else
			co2__buf_printf(b, " - %s\n", f->source);
	}
}


/* report_paper.c */

co2_status co2_report(char **out, size_t *len, const co2_result *res, co2_format format,
                      unsigned flags, co2_error *err)
{
	return co2_report_run(out, len, res, NULL, NULL, format, flags, err);
}

co2_status co2_report_run(char **out, size_t *len, const co2_result *res, const co2_run *run,
                          const co2_db *db, co2_format format, unsigned flags, co2_error *err)
{
	co2_result res_scratch;
	co2_run run_scratch;
	if (co2__result_full(&res, res, &res_scratch, err) != CO2_OK ||
	    (run && co2__run_full(&run, run, &run_scratch, err) != CO2_OK))
		return CO2_ERR_INVALID;
	co2__buf b = { 0 };
	switch (format) {
	case CO2_FORMAT_TEXT:
		text_report(&b, res, run, db, flags);
		break;
	case CO2_FORMAT_JSON: {
		co2__steps *steps = NULL;
		if (flags & CO2_REPORT_EXPLAIN) {
			steps = malloc(sizeof *steps);
			if (!steps)
				return co2__fail(err, CO2_ERR_NOMEM, "out of memory writing the report");
			co2__explain_steps(steps, res);
		}
		/* The run's keys are always there (null without a run). */
		co2_run none;
		co2_run_init(&none);
		co2__json_result(&b, res, run ? run : &none, steps);
		free(steps);
		co2__buf_puts(&b, "\n");
		break;
	}
	case CO2_FORMAT_MODEL_CARD:
		return co2_card_block(out, len, res, run, db, err);
	case CO2_FORMAT_LATEX:
		co2__latex_report(&b, res, run, db);
		break;
	case CO2_FORMAT_MARKDOWN:
		co2__markdown_report(&b, res, run, db);
		break;
	case CO2_FORMAT_YAML:
		co2__yaml_report(&b, res, run, db);
		break;
	case CO2_FORMAT_CSV:
		co2__csv_report(&b, res, run, db);
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
