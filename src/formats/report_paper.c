/* Reports people paste: a LaTeX paragraph with BibTeX entries, a Markdown table, YAML
 * and CSV. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/report_internal.h"

/* ---- LaTeX --------------------------------------------------------------------------- */

static void tex(co2__buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '#': case '$': case '%': case '&': case '_': case '{': case '}':
			co2__buf_printf(b, "\\%c", *s);
			break;
		case '~': co2__buf_puts(b, "\\textasciitilde{}"); break;
		case '^': co2__buf_puts(b, "\\textasciicircum{}"); break;
		case '\\': co2__buf_puts(b, "\\textbackslash{}"); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t')
				co2__buf_putn(b, s, 1);
		}
	}
}

static void tex_buf(co2__buf *b, co2__buf *t)
{
	tex(b, t->data && !t->failed ? t->data : "");
	t->len = 0;
	if (t->data)
		t->data[0] = '\0';
}

static const char bib_mlco2[] =
	"@article{lacoste2019quantifying,\n"
	"  title   = {Quantifying the Carbon Emissions of Machine Learning},\n"
	"  author  = {Lacoste, Alexandre and Luccioni, Alexandra and Schmidt, Victor and Dandres, Thomas},\n"
	"  journal = {arXiv preprint arXiv:1910.09700},\n"
	"  year    = {2019},\n"
	"  url     = {https://arxiv.org/abs/1910.09700}\n"
	"}\n";

static const char bib_ga[] =
	"@article{lannelongue2021green,\n"
	"  title   = {Green Algorithms: Quantifying the Carbon Footprint of Computation},\n"
	"  author  = {Lannelongue, Lo{\\\"\\i}c and Grealey, Jason and Inouye, Michael},\n"
	"  journal = {Advanced Science},\n"
	"  volume  = {8},\n"
	"  number  = {12},\n"
	"  pages   = {2100707},\n"
	"  year    = {2021},\n"
	"  doi     = {10.1002/advs.202100707}\n"
	"}\n";

void co2__latex_report(co2__buf *b, const co2_result *r, const co2_run *run, const co2_db *db)
{
	char a[32], c[32], d[32];
	co2__buf t = { 0 };
	(void)run; /* the paragraph describes the computation, not the model */
	co2__buf_printf(b, "%% co2calc %s: put the paragraph in your paper and the BibTeX entries in your .bib file.\n",
	                co2_version());
	/* Where, and the grid's intensity. */
	const char *kg = co2_format_double(c, co2__round_significant(r->intensity_g_per_kwh / 1000.0, 3));
	if (r->region) {
		const char *colon = strchr(r->region, ':');
		co2__buf_puts(b, "Experiments were conducted using ");
		tex(b, r->provider_name ? r->provider_name : r->provider);
		co2__buf_puts(b, " in region ");
		tex(b, colon ? colon + 1 : r->region);
		const char *place = co2__result_place(r, db);
		if (co2__declared_grid(r, db)) {
			co2__buf_puts(b, ", counted on the grid of ");
			tex(b, place ? place : r->location);
			co2__buf_puts(b, " as given");
		} else if (place) {
			co2__buf_puts(b, " (");
			tex(b, place);
			co2__buf_puts(b, ")");
		}
		co2__buf_printf(b, ", which has a carbon efficiency of %s~kg\\,CO$_2$eq/kWh.\n", kg);
	} else if (r->location_name) {
		co2__buf_puts(b, "Experiments were conducted in ");
		tex(b, r->location_name);
		co2__buf_printf(b, ", where the electricity grid has a carbon intensity of %s~kg\\,CO$_2$eq/kWh.\n", kg);
	} else {
		co2__buf_printf(b, "Experiments used electricity with a carbon intensity of %s~kg\\,CO$_2$eq/kWh.\n", kg);
	}
	/* Hardware, power and time. */
	int any_device = 0;
	for (size_t i = 0; i < r->n_parts; i++)
		any_device |= r->parts[i].kind != CO2_PART_MEMORY;
	if (any_device) {
		double dh = 0;
		for (size_t i = 0; i < r->n_parts; i++)
			if (r->parts[i].kind == CO2_PART_DEVICE)
				dh += r->parts[i].device_hours;
		if (dh > 0)
			co2__buf_printf(b, "A cumulative of %s hours of computation was performed on hardware of type ",
			                co2_format_double(a, co2_round(dh, 2)));
		else
			co2__buf_puts(b, "Computation was performed on ");
		int first = 1;
		for (size_t i = 0; i < r->n_parts; i++) {
			const co2_part *p = &r->parts[i];
			if (p->kind == CO2_PART_MEMORY)
				continue;
			co2__buf_puts(b, first ? "" : " and ");
			first = 0;
			tex(b, p->label);
			if (p->kind == CO2_PART_CPU)
				co2__buf_printf(b, " (%s cores, %s~W per core)", co2_format_double(a, p->count),
				                co2_format_double(c, co2_round(p->unit_power_w, 2)));
			else
				co2__buf_printf(b, " (%s %s, %s~W each)", co2_format_double(a, p->count),
				                p->count == 1 ? "device" : "devices",
				                co2_format_double(c, co2_round(p->unit_power_w, 2)));
		}
		if (r->hours > 0)
			co2__buf_printf(b, ", drawing %s~W for %s hours", co2_format_double(a, co2_round(r->power_w, 2)),
			                co2_format_double(c, r->hours));
		co2__buf_puts(b, ".\n");
	}
	for (size_t i = 0; i < r->n_parts; i++)
		if (r->parts[i].kind == CO2_PART_MEMORY)
			co2__buf_printf(b, "Memory (%s~GB at %s~W/GB) is counted too.\n",
			                co2_format_double(a, r->parts[i].count),
			                co2_format_double(c, r->parts[i].unit_power_w));
	co2__buf_printf(b, "With a power usage effectiveness (PUE) of %s", co2_format_double(a, r->pue));
	if (r->repeats != 1.0)
		co2__buf_printf(b, " and %s runs", co2_format_double(a, r->repeats));
	co2__buf_printf(b, ", this used %s~kWh of electricity, and total emissions are estimated to be %s~kg\\,CO$_2$eq",
	                co2__human(a, r->energy_kwh), co2__human(c, r->co2_kg));
	double e_raw, kg_raw;
	int unrounded = co2__mlco2_unrounded(r, &e_raw, &kg_raw);
	if (unrounded)
		co2__buf_printf(b, " (ML CO2 Impact's figures, rounded to 2 decimals: %s~kWh and %s~kg unrounded",
		                co2__human(a, e_raw), co2__human(c, kg_raw));
	if (co2__has_range(&r->co2_range_kg))
		co2__buf_printf(b, "%slikely between %s and %s~kg)", unrounded ? "; " : " (",
		                co2__range_end(a, r->co2_range_kg.low), co2__range_end(c, r->co2_range_kg.high));
	else if (unrounded)
		co2__buf_puts(b, ")");
	if (r->offset_percent != CO2_UNSET) {
		if (r->offset_percent > 0)
			co2__buf_printf(b, ", of which %s\\,\\%% were directly offset by the cloud provider",
			                co2_format_double(d, r->offset_percent));
		else
			co2__buf_puts(b, ", none of which was offset by the cloud provider");
	}
	co2__buf_puts(b, ".\n");
	if (r->embodied_kg != CO2_UNSET) {
		co2__buf_printf(b, "Separately, the manufacturing (embodied) emissions of the hardware, "
		                   "amortised over a %s-year service life at a use share of %s, are "
		                   "estimated at %s~kg\\,CO$_2$eq for this work",
		                co2_format_double(a, r->lifetime_years), co2_format_double(c, r->use_share),
		                co2__human(d, r->embodied_kg));
		if (co2__has_range(&r->embodied_range_kg))
			co2__buf_printf(b, " (likely between %s and %s~kg)",
			                co2__range_end(a, r->embodied_range_kg.low),
			                co2__range_end(c, r->embodied_range_kg.high));
		co2__buf_puts(b, "; they are not included in the total above.\n");
	}
	if (r->market_co2_kg != CO2_UNSET && r->market_basis.source) {
		const co2_market_basis *m = &r->market_basis;
		co2__buf_printf(b, "With the provider's contractual instruments counted (%s\\,\\%% of the "
		                   "electricity covered in %d) and the rest at the ",
		                co2_format_double(a, m->covered_percent), m->year);
		tex(b, strncmp(m->uncovered_basis, "residual", 8) == 0 ? "residual mix"
		                                                     : "location-based intensity");
		co2__buf_printf(b, ", market-based emissions (GHG Protocol Scope 2) are %s~kg\\,CO$_2$eq; "
		                   "the total above is location-based.\n", co2__human(c, r->market_co2_kg));
	}
	/* How. */
	co2__buf_printf(b, "Estimations were conducted with co2calc~%s (data edition ", co2_version());
	co2__buf_puts(&t, r->edition);
	tex_buf(b, &t);
	co2__buf_puts(b, ") using the method of ");
	switch (r->method) {
	case CO2_METHOD_MLCO2:
		co2__buf_puts(b, "the Machine Learning Impact calculator presented in~\\cite{lacoste2019quantifying}.\n");
		break;
	case CO2_METHOD_GREEN_ALGORITHMS:
		co2__buf_puts(b, "Green Algorithms~\\cite{lannelongue2021green}.\n");
		break;
	default:
		co2__buf_puts(b, "ML CO2 Impact~\\cite{lacoste2019quantifying} and Green "
		                 "Algorithms~\\cite{lannelongue2021green}, as implemented in "
		                 "co2calc~\\cite{co2calc}: power $\\times$ time $\\times$ PUE $\\times$ "
		                 "carbon intensity.\n");
		break;
	}
	co2__buf_puts(b, "\n% BibTeX entries:\n");
	if (r->method != CO2_METHOD_GREEN_ALGORITHMS)
		co2__buf_puts(b, bib_mlco2);
	if (r->method != CO2_METHOD_MLCO2)
		co2__buf_puts(b, bib_ga);
	if (r->method == CO2_METHOD_DEFAULT)
		co2__buf_printf(b, "@misc{co2calc,\n"
		                   "  title   = {co2calc: energy and CO2eq of compute work},\n"
		                   "  note    = {Version %s, data edition %s (%s)},\n"
		                   "  year    = {%.4s}\n"
		                   "}\n",
		                co2_version(), r->edition, r->edition_date,
		                r->edition_date && strlen(r->edition_date) >= 4 ? r->edition_date : "2026");
	if (t.failed)
		b->failed = 1;
	free(t.data);
}

/* ---- Markdown ------------------------------------------------------------------------ */

static void md(co2__buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|' || *s == '\\' || *s == '*' || *s == '_' || *s == '`')
			co2__buf_printf(b, "\\%c", *s);
		else if (*s == '\n' || *s == '\r')
			co2__buf_putn(b, " ", 1);
		else
			co2__buf_putn(b, s, 1);
	}
}

void co2__markdown_report(co2__buf *b, const co2_result *r, const co2_run *run, const co2_db *db)
{
	char a[32], c[32];
	co2__buf t = { 0 };
	co2__buf_puts(b, "| Quantity | Value |\n|---|---|\n");
	if (run && run->name) {
		co2__buf_puts(b, "| Model | ");
		md(b, run->name);
		if (run->training_type) {
			co2__buf_puts(b, " (");
			md(b, run->training_type);
			co2__buf_puts(b, ")");
		}
		co2__buf_puts(b, " |\n");
	}
	for (size_t i = 0; i < r->n_parts; i++) {
		const co2_part *p = &r->parts[i];
		if (p->kind == CO2_PART_MEMORY) {
			co2__buf_printf(b, "| Memory | %s GB x %s W/GB |\n", co2_format_double(a, p->count),
			                co2_format_double(c, p->unit_power_w));
			continue;
		}
		co2__buf_printf(b, "| %s | %s %sx ", p->kind == CO2_PART_CPU ? "CPU" : "Hardware",
		                co2_format_double(a, p->count), p->kind == CO2_PART_CPU ? "cores " : "");
		md(b, p->label);
		co2__buf_printf(b, ", %s W%s", co2_format_double(a, co2_round(p->unit_power_w, 4)),
		                p->kind == CO2_PART_CPU ? " per core" : " each");
		if (p->utilization != 1.0)
			co2__buf_printf(b, ", utilization %s", co2_format_double(a, p->utilization));
		co2__buf_puts(b, " |\n");
	}
	if (r->hours > 0)
		co2__buf_printf(b, "| Time | %s h |\n", co2_format_double(a, r->hours));
	co2__put_where(&t, r, db);
	if (t.len && !t.failed) {
		co2__buf_puts(b, "| Where | ");
		md(b, t.data);
		co2__buf_puts(b, " |\n");
	}
	co2__buf_printf(b, "| Site | %s |\n", co2_site_name(r->site));
	if (r->power_w > 0)
		co2__buf_printf(b, "| Power | %s W |\n", co2_format_double(a, co2_round(r->power_w, 2)));
	co2__buf_printf(b, "| PUE | %s |\n", co2_format_double(a, r->pue));
	if (r->repeats != 1.0)
		co2__buf_printf(b, "| Repeats | %s |\n", co2_format_double(a, r->repeats));
	co2__buf_printf(b, "| Carbon intensity | %s g CO2eq/kWh |\n",
	                co2_format_double(a, co2_round(r->intensity_g_per_kwh, 2)));
	co2__buf_printf(b, "| Energy | %s kWh", co2__human(a, r->energy_kwh));
	co2__put_likely(b, &r->energy_range_kwh, "kWh");
	co2__buf_printf(b, " |\n| **Emissions** | **%s kg CO2eq**", co2__human(a, r->co2_kg));
	co2__put_likely(b, &r->co2_range_kg, "kg");
	co2__buf_puts(b, " |\n");
	double e_raw, kg_raw;
	if (co2__mlco2_unrounded(r, &e_raw, &kg_raw))
		co2__buf_printf(b, "| Unrounded | %s kWh, %s kg CO2eq (ML CO2 Impact rounds both to 2 decimals) |\n",
		                co2__human(a, e_raw), co2__human(c, kg_raw));
	if (r->embodied_kg != CO2_UNSET) {
		co2__buf_printf(b, "| Embodied (not in the emissions) | %s kg CO2eq", co2__human(a, r->embodied_kg));
		co2__put_likely(b, &r->embodied_range_kg, "kg");
		co2__buf_printf(b, ", making the hardware, amortised over %s years at a use share of %s |\n",
		                co2_format_double(a, r->lifetime_years), co2_format_double(c, r->use_share));
	}
	if (r->market_co2_kg != CO2_UNSET && r->market_basis.source) {
		const co2_market_basis *m = &r->market_basis;
		co2__buf_printf(b, "| Market-based (GHG Protocol Scope 2) | %s kg CO2eq: %s %% covered by ",
		                co2__human(a, r->market_co2_kg), co2_format_double(c, m->covered_percent));
		md(b, m->covers);
		co2__buf_printf(b, " (%d), the rest at %s g/kWh, the ", m->year,
		                co2_format_double(a, co2_round(m->uncovered_g_per_kwh, 2)));
		md(b, m->uncovered_basis);
		co2__buf_puts(b, " |\n");
	}
	if (r->offset_percent != CO2_UNSET)
		co2__buf_printf(b, "| Offset by the provider | %s %% |\n", co2_format_double(a, r->offset_percent));
	for (size_t i = 0; i < r->n_equivalents; i++) {
		co2__buf_printf(b, "| %s | %s ", i ? "" : "As much CO2eq as",
		                co2_format_double(a, r->equivalents[i].value));
		md(b, r->equivalents[i].label);
		co2__buf_puts(b, " |\n");
	}
	co2__buf_printf(b, "| Method | %s, data edition ", co2__method_title(r->method));
	md(b, r->edition);
	co2__buf_printf(b, " (%s), co2calc %s |\n", r->edition_date, co2_version());
	for (size_t i = 0; i < r->n_assumptions; i++) {
		co2__buf_printf(b, "| %s%s | ", i ? "" : "Assumed: ", r->assumptions[i].field);
		md(b, r->assumptions[i].value);
		co2__buf_puts(b, " (");
		md(b, r->assumptions[i].reason);
		co2__buf_puts(b, ") |\n");
	}
	if (t.failed)
		b->failed = 1;
	free(t.data);
}

/* ---- YAML ------------------------------------------------------------------------------ */

static void y_str(co2__buf *b, const char *indent, const char *k, const char *v)
{
	co2__buf_printf(b, "%s%s: ", indent, k);
	if (v)
		co2__buf_yaml_str(b, v);
	else
		co2__buf_puts(b, "null");
	co2__buf_puts(b, "\n");
}

static void y_num(co2__buf *b, const char *indent, const char *k, double v)
{
	char a[32];
	co2__buf_printf(b, "%s%s: %s\n", indent, k, co2_format_double(a, v));
}

void co2__yaml_report(co2__buf *b, const co2_result *r, const co2_run *run, const co2_db *db)
{
	static const char *const kinds[] = { "device", "cpu", "memory" };
	co2__buf t = { 0 };
	co2__buf_printf(b, "# co2calc %s estimate\n", co2_version());
	y_str(b, "", "co2calc_version", co2_version());
	y_str(b, "", "name", run ? run->name : NULL);
	y_str(b, "", "training_type", run ? run->training_type : NULL);
	y_str(b, "", "method", r->method_name);
	y_str(b, "", "edition", r->edition);
	y_str(b, "", "edition_date", r->edition_date);
	y_num(b, "", "energy_kwh", r->energy_kwh);
	y_num(b, "", "co2_kg", r->co2_kg);
	y_num(b, "", "it_energy_kwh", r->it_energy_kwh);
	y_num(b, "", "overhead_energy_kwh", r->overhead_energy_kwh);
	y_num(b, "", "power_w", r->power_w);
	y_num(b, "", "hours", r->hours);
	y_num(b, "", "pue", r->pue);
	y_num(b, "", "repeats", r->repeats);
	y_num(b, "", "intensity_g_per_kwh", r->intensity_g_per_kwh);
	if (r->offset_percent == CO2_UNSET)
		co2__buf_puts(b, "offset_percent: null\n");
	else
		y_num(b, "", "offset_percent", r->offset_percent);
	y_str(b, "", "provider", r->provider);
	y_str(b, "", "region", r->region);
	y_str(b, "", "location", r->location);
	co2__put_where(&t, r, db);
	y_str(b, "", "where", t.len && !t.failed ? t.data : NULL);
	y_str(b, "", "site", co2_site_name(r->site));
	const co2_range *rg[] = { &r->power_range_w, &r->energy_range_kwh, &r->co2_range_kg };
	static const char *const rk[] = { "power_range_w", "energy_range_kwh", "co2_range_kg" };
	for (size_t i = 0; i < 3; i++) {
		co2__buf_printf(b, "%s:\n", rk[i]);
		y_num(b, "  ", "low", rg[i]->low);
		y_num(b, "  ", "central", rg[i]->central);
		y_num(b, "  ", "high", rg[i]->high);
	}
	if (r->embodied_kg == CO2_UNSET) {
		co2__buf_puts(b, "embodied_kg: null\nembodied_range_kg: null\n");
	} else {
		y_num(b, "", "embodied_kg", r->embodied_kg);
		co2__buf_puts(b, "embodied_range_kg:\n");
		y_num(b, "  ", "low", r->embodied_range_kg.low);
		y_num(b, "  ", "central", r->embodied_range_kg.central);
		y_num(b, "  ", "high", r->embodied_range_kg.high);
		y_num(b, "", "lifetime_years", r->lifetime_years);
		y_num(b, "", "use_share", r->use_share);
	}
	if (r->market_co2_kg == CO2_UNSET || !r->market_basis.source) {
		co2__buf_puts(b, "market_co2_kg: null\nmarket_basis: null\n");
	} else {
		const co2_market_basis *m = &r->market_basis;
		y_num(b, "", "market_co2_kg", r->market_co2_kg);
		co2__buf_puts(b, "market_basis:\n");
		y_str(b, "  ", "source", m->source);
		co2__buf_printf(b, "  year: %d\n", m->year);
		y_num(b, "  ", "covered_percent", m->covered_percent);
		y_str(b, "  ", "covers", m->covers);
		y_num(b, "  ", "uncovered_g_per_kwh", m->uncovered_g_per_kwh);
		y_str(b, "  ", "uncovered_basis", m->uncovered_basis);
		y_str(b, "  ", "uncovered_source", m->uncovered_source);
		if (m->uncovered_year)
			co2__buf_printf(b, "  uncovered_year: %d\n", m->uncovered_year);
		else
			co2__buf_puts(b, "  uncovered_year: null\n");
	}
	co2__buf_puts(b, r->n_assumptions ? "assumptions:\n" : "assumptions: []\n");
	for (size_t i = 0; i < r->n_assumptions; i++) {
		co2__buf_printf(b, "  - field: %s\n", r->assumptions[i].field);
		y_str(b, "    ", "value", r->assumptions[i].value);
		y_str(b, "    ", "reason", r->assumptions[i].reason);
	}
	co2__buf_puts(b, r->n_parts ? "parts:\n" : "parts: []\n");
	for (size_t i = 0; i < r->n_parts; i++) {
		const co2_part *p = &r->parts[i];
		co2__buf_printf(b, "  - kind: %s\n", kinds[p->kind]);
		y_str(b, "    ", "label", p->label);
		y_num(b, "    ", "count", p->count);
		y_num(b, "    ", "unit_power_w", p->unit_power_w);
		y_num(b, "    ", "utilization", p->utilization);
		y_num(b, "    ", "power_w", p->power_w);
		y_num(b, "    ", "device_hours", p->device_hours);
		y_num(b, "    ", "energy_kwh", p->energy_kwh);
	}
	co2__buf_puts(b, r->n_factors ? "factors:\n" : "factors: []\n");
	for (size_t i = 0; i < r->n_factors; i++) {
		const co2_factor *f = &r->factors[i];
		co2__buf_puts(b, "  - name: ");
		co2__buf_yaml_str(b, f->name);
		co2__buf_puts(b, "\n");
		y_num(b, "    ", "value", f->value);
		y_str(b, "    ", "unit", f->unit);
		y_str(b, "    ", "source", f->source);
		if (f->year)
			co2__buf_printf(b, "    year: %d\n", f->year);
		else
			co2__buf_puts(b, "    year: null\n");
		y_str(b, "    ", "note", f->note);
	}
	co2__buf_puts(b, r->n_equivalents ? "equivalents:\n" : "equivalents: {}\n");
	for (size_t i = 0; i < r->n_equivalents; i++)
		y_num(b, "  ", r->equivalents[i].id, r->equivalents[i].value);
	if (t.failed)
		b->failed = 1;
	free(t.data);
}

/* ---- CSV ----------------------------------------------------------------------------- */

void co2__csv_report(co2__buf *b, const co2_result *r, const co2_run *run, const co2_db *db)
{
	char a[32];
	co2__buf t = { 0 };
	(void)db;
	co2__buf_puts(b, "name,training_type,method,edition,hardware,hours,provider,region,location,"
	                 "power_w,pue,repeats,intensity_g_per_kwh,it_energy_kwh,energy_kwh,co2_kg,"
	                 "offset_percent,site,energy_low_kwh,energy_high_kwh,co2_low_kg,co2_high_kg,"
	                 "embodied_kg,market_co2_kg");
	for (size_t i = 0; i < r->n_equivalents; i++)
		co2__buf_printf(b, ",%s", r->equivalents[i].id);
	co2__buf_puts(b, "\n");
	co2__buf_csv_str(b, run ? run->name : NULL);
	co2__buf_puts(b, ",");
	co2__buf_csv_str(b, run ? run->training_type : NULL);
	co2__buf_puts(b, ",");
	co2__buf_csv_str(b, r->method_name);
	co2__buf_puts(b, ",");
	co2__buf_csv_str(b, r->edition);
	co2__buf_puts(b, ",");
	co2__put_hardware(&t, r);
	co2__buf_csv_str(b, t.len && !t.failed ? t.data : "");
	co2__buf_printf(b, ",%s,", co2_format_double(a, r->hours));
	co2__buf_csv_str(b, r->provider);
	co2__buf_puts(b, ",");
	co2__buf_csv_str(b, r->region);
	co2__buf_puts(b, ",");
	co2__buf_csv_str(b, r->location);
	const double nums[] = { r->power_w, r->pue, r->repeats, r->intensity_g_per_kwh,
		                r->it_energy_kwh, r->energy_kwh, r->co2_kg };
	/* 10 significant digits, as batch and sacct CSV: no binary noise, and a tiny run's
	 * energy is not rounded away to 0. */
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
		co2__buf_printf(b, ",%s", co2_format_double(a, co2__round_significant(nums[i], 10)));
	co2__buf_putn(b, ",", 1);
	if (r->offset_percent != CO2_UNSET)
		co2__buf_puts(b, co2_format_double(a, r->offset_percent));
	co2__buf_printf(b, ",%s", co2_site_name(r->site));
	const double span[] = { r->energy_range_kwh.low, r->energy_range_kwh.high, r->co2_range_kg.low,
		                r->co2_range_kg.high };
	for (size_t i = 0; i < sizeof span / sizeof span[0]; i++)
		co2__buf_printf(b, ",%s", co2_format_double(a, co2__round_significant(span[i], 10)));
	co2__buf_putn(b, ",", 1);
	if (r->embodied_kg != CO2_UNSET)
		co2__buf_puts(b, co2_format_double(a, co2__round_significant(r->embodied_kg, 10)));
	co2__buf_putn(b, ",", 1);
	if (r->market_co2_kg != CO2_UNSET)
		co2__buf_puts(b, co2_format_double(a, co2__round_significant(r->market_co2_kg, 10)));
	for (size_t i = 0; i < r->n_equivalents; i++)
		co2__buf_printf(b, ",%s", co2_format_double(a, r->equivalents[i].value));
	co2__buf_puts(b, "\n");
	if (t.failed)
		b->failed = 1;
	free(t.data);
}
