/* The steps of the calculation, as --explain gives them: written as text by report.c and
 * as the "steps" array of the JSON report by report_json.c, from this one list. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "formats/report_internal.h"

static const co2_factor *find_factor(const co2_result *r, const char *name)
{
	for (size_t i = 0; i < r->n_factors; i++)
		if (strcmp(r->factors[i].name, name) == 0)
			return &r->factors[i];
	return NULL;
}

/* Energy as the explanation prints it: 2 decimals for ML CO2 Impact, else 4. */
/* kg/kWh from g/kWh for people: 244.76 g/kWh is 0.24476, not the binary 0.24475999999999998. */
static const char *kg_kwh(char buf[32], double v)
{
	return co2_format_double(buf, co2__round_significant(v, 12));
}

static const char *kwh(char buf[32], double v, int mlco2)
{
	return co2_format_double(buf, mlco2 ? co2__round_js(v, 2) : co2_round(v, 4));
}

/* Add a step (detail 0: it gets the next number) or a line under the step before. Only
 * %s and %d reach the format: numbers are formatted before, locale-independently. */
__attribute__((format(printf, 6, 7)))
static void add(co2__steps *s, int detail, double value, const char *unit, const co2_factor *source,
                const char *fmt, ...)
{
	if (s->n >= CO2__MAX_STEPS)
		return;
	co2__step *st = &s->s[s->n++];
	st->detail = detail;
	st->number = detail ? (s->n > 1 ? s->s[s->n - 2].number : 1) : (s->n > 1 ? s->s[s->n - 2].number + 1 : 1);
	st->value = value;
	st->unit = unit;
	st->source = source;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->text, sizeof st->text, fmt, ap);
	va_end(ap);
}

void co2__explain_steps(co2__steps *s, const co2_result *r)
{
	char a[32], c[32], d[32], e[32];
	int mlco2 = r->method == CO2_METHOD_MLCO2;
	double kg_per_kwh = r->intensity_g_per_kwh / 1000.0;
	s->n = 0;
	for (size_t i = 0; i < r->n_parts; i++) {
		const co2_part *p = &r->parts[i];
		const char *unit = p->kind == CO2_PART_MEMORY ? " GB" : p->kind == CO2_PART_CPU ? " cores" : "";
		const char *per = p->kind == CO2_PART_MEMORY ? " W/GB" : p->kind == CO2_PART_CPU ? " W per core" : " W";
		char util[64] = "";
		if (p->utilization != 1.0)
			snprintf(util, sizeof util, " x %s utilization", co2_format_double(d, p->utilization));
		add(s, 0, p->power_w, "W", find_factor(r, p->kind == CO2_PART_MEMORY ? "memory power" : p->label),
		    "Power of %s: %s%s x %s%s%s = %s W", p->label, co2_format_double(a, p->count), unit,
		    co2_format_double(c, p->unit_power_w), per, util, co2_format_double(e, co2_round(p->power_w, 4)));
		if (r->hours > 0 && p->count > 0)
			add(s, 1, p->energy_kwh, "kWh", NULL, "energy: %s W x %s h / 1000 = %s kWh",
			    co2_format_double(a, co2_round(p->power_w, 4)), co2_format_double(c, r->hours),
			    co2_format_double(d, co2_round(p->energy_kwh, 4)));
		else
			add(s, 1, p->energy_kwh, "kWh", NULL, "energy: %s device-hours x %s W / 1000 = %s kWh",
			    co2_format_double(a, p->device_hours), co2_format_double(c, p->unit_power_w * p->utilization),
			    co2_format_double(d, co2_round(p->energy_kwh, 4)));
	}
	const co2_factor *measured = find_factor(r, "measured IT energy");
	if (measured) {
		add(s, 0, r->it_energy_kwh, "kWh", measured, "IT energy, measured: %s kWh",
		    co2_format_double(a, r->it_energy_kwh));
	} else if (r->n_parts > 1) {
		char sum[400] = "";
		size_t n = 0;
		for (size_t i = 0; i < r->n_parts && n < sizeof sum; i++) {
			int w = snprintf(sum + n, sizeof sum - n, "%s%s", i ? " + " : "",
			                 co2_format_double(a, co2_round(r->parts[i].energy_kwh, 4)));
			if (w < 0)
				break;
			n += (size_t)w;
		}
		add(s, 0, r->it_energy_kwh, "kWh", NULL, "IT energy: %s = %s kWh", sum,
		    co2_format_double(a, co2_round(r->it_energy_kwh, 4)));
	}
	double with_pue = r->it_energy_kwh * r->pue;
	add(s, 0, with_pue, "kWh", find_factor(r, "PUE"), "Data-centre overhead: %s kWh x PUE %s = %s kWh",
	    co2_format_double(a, co2_round(r->it_energy_kwh, 4)), co2_format_double(c, r->pue),
	    co2_format_double(d, co2_round(with_pue, 4)));
	if (r->repeats != 1.0)
		add(s, 0, with_pue * r->repeats, "kWh", find_factor(r, "repeats"), "Repeats: %s kWh x %s runs = %s kWh",
		    co2_format_double(a, co2_round(with_pue, 4)), co2_format_double(c, r->repeats),
		    co2_format_double(d, co2_round(with_pue * r->repeats, 4)));
	if (mlco2)
		add(s, 1, r->energy_kwh, "kWh", NULL, "ML CO2 Impact rounds the energy to 2 decimals: %s kWh",
		    co2_format_double(a, r->energy_kwh));
	const co2_factor *fi = find_factor(r, "carbon intensity");
	double g = fi ? fi->value : r->intensity_g_per_kwh;
	add(s, 0, g / 1000.0, "kg CO2eq/kWh", fi, "Carbon intensity: %s g CO2eq/kWh = %s kg CO2eq/kWh",
	    co2_format_double(a, g), kg_kwh(c, g / 1000.0));
	if (mlco2)
		add(s, 1, kg_per_kwh, "kg CO2eq/kWh", NULL, "ML CO2 Impact rounds it to 2 decimals: %s kg CO2eq/kWh",
		    kg_kwh(a, kg_per_kwh));
	add(s, 0, r->co2_kg, "kg CO2eq", NULL, "Emissions: %s kWh x %s kg CO2eq/kWh = %s kg CO2eq%s",
	    kwh(a, r->energy_kwh, mlco2), kg_kwh(c, kg_per_kwh), co2__human(d, r->co2_kg),
	    mlco2 ? " (rounded to 2 decimals)" : "");
	if (r->n_parts == 1 && r->parts[0].count > 1 && r->parts[0].kind == CO2_PART_DEVICE && r->hours > 0) {
		/* Per device, as papers report it: 221 W x 96 h = 21.22 kWh, x 0.56 = 11.88 kg. */
		const co2_part *p = &r->parts[0];
		double w1 = p->unit_power_w * p->utilization;
		double e1 = w1 * r->hours / 1000.0 * r->pue * r->repeats;
		double k1 = mlco2 ? co2__round_js(co2__round_js(e1, 2) * kg_per_kwh, 2) : e1 * kg_per_kwh;
		char pue[48] = "", runs[48] = "";
		if (r->pue != 1.0)
			snprintf(pue, sizeof pue, " x PUE %s", co2_format_double(a, r->pue));
		if (r->repeats != 1.0)
			snprintf(runs, sizeof runs, " x %s runs", co2_format_double(a, r->repeats));
		char x[7][32];
		add(s, 1, k1, "kg CO2eq", NULL,
		    "per device: %s W x %s h%s%s = %s kWh, x %s = %s kg CO2eq; x %s devices = %s kg CO2eq",
		    co2_format_double(x[0], w1), co2_format_double(x[1], r->hours), pue, runs,
		    kwh(x[2], e1, mlco2), kg_kwh(x[3], kg_per_kwh), co2__human(x[4], k1),
		    co2_format_double(x[5], p->count), co2__human(x[6], k1 * p->count));
	}
}

void co2__put_step_source(co2__buf *b, const co2_factor *f)
{
	if (f->note)
		co2__buf_printf(b, "%s; ", f->note);
	if (f->year)
		co2__buf_printf(b, "%s, %d", f->source, f->year);
	else
		co2__buf_puts(b, f->source);
}
