/* Pieces every report writer shares: figures for people, the method's title, where
 * the run was and what ran, grams for the model card. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "formats/report_internal.h"

const char *co2__human(char buf[32], double v)
{
	if (v != 0 && fabs(v) < 1)
		return co2__format_plain(buf, co2__round_significant(v, 3));
	return co2__format_plain(buf, co2_round(v, 2));
}

int co2__mlco2_unrounded(const co2_result *r, double *energy_kwh, double *co2_kg)
{
	if (r->method != CO2_METHOD_MLCO2)
		return 0;
	double g = r->intensity_g_per_kwh;
	for (size_t i = 0; i < r->n_factors; i++)
		if (strcmp(r->factors[i].name, "carbon intensity") == 0)
			g = r->factors[i].value;
	*energy_kwh = r->it_energy_kwh * r->pue * r->repeats;
	*co2_kg = *energy_kwh * g / 1000.0;
	int small = (r->energy_kwh != 0 && fabs(r->energy_kwh) < 1) || (r->co2_kg != 0 && fabs(r->co2_kg) < 1) ||
	            (r->energy_kwh == 0 && *energy_kwh != 0) || (r->co2_kg == 0 && *co2_kg != 0);
	char a[32], b[32], c[32], d[32];
	/* Nothing to say when the rounding hid no digit. */
	int differ = strcmp(co2__human(a, r->energy_kwh), co2__human(b, *energy_kwh)) != 0 ||
	             strcmp(co2__human(c, r->co2_kg), co2__human(d, *co2_kg)) != 0;
	return small && differ;
}

const char *co2__method_title(co2_method m)
{
	switch (m) {
	case CO2_METHOD_MLCO2: return "ML CO2 Impact (Lacoste et al. 2019)";
	case CO2_METHOD_GREEN_ALGORITHMS: return "Green Algorithms (Lannelongue et al. 2021)";
	default: return "co2calc default (TDP x time x PUE x intensity)";
	}
}

const char *co2__result_place(const co2_result *r, const co2_db *db)
{
	const co2_region *reg = co2__result_region(r, db);
	/* The region's own name, unless a declared location decides the intensity. */
	if (reg && reg->name && (!r->location || !reg->location || strcmp(reg->location, r->location) == 0))
		return reg->name;
	return r->location_name;
}

int co2__declared_grid(const co2_result *r, const co2_db *db)
{
	const co2_region *reg = r->region && r->location ? co2__result_region(r, db) : NULL;
	return reg && (!reg->location || strcmp(reg->location, r->location) != 0);
}

void co2__put_where(co2__buf *b, const co2_result *r, const co2_db *db)
{
	if (co2__declared_grid(r, db)) {
		const char *colon = strchr(r->region, ':');
		co2__buf_printf(b, "the grid of %s, as given, for a run in ",
		                r->location_name ? r->location_name : r->location);
		if (r->provider_name)
			co2__buf_printf(b, "%s %s", r->provider_name, colon ? colon + 1 : r->region);
		else
			co2__buf_puts(b, r->region);
	} else if (r->region) {
		const char *colon = strchr(r->region, ':');
		const char *short_id = colon ? colon + 1 : r->region;
		if (r->provider_name)
			co2__buf_printf(b, "%s %s", r->provider_name, short_id);
		else
			co2__buf_puts(b, r->region);
		const char *place = co2__result_place(r, db);
		if (place)
			co2__buf_printf(b, ", %s", place);
	} else if (r->location_name || r->location) {
		co2__buf_puts(b, r->location_name ? r->location_name : r->location);
		co2__buf_printf(b, " (%s)", r->site == CO2_SITE_DESKTOP ? "desktop or workstation"
		                            : r->site == CO2_SITE_CLOUD ? "cloud" : "data centre");
	}
}

void co2__put_hardware(co2__buf *b, const co2_result *r)
{
	char a[32];
	int first = 1;
	for (size_t i = 0; i < r->n_parts; i++) {
		const co2_part *p = &r->parts[i];
		if (p->kind == CO2_PART_MEMORY)
			continue;
		co2__buf_puts(b, first ? "" : ", ");
		first = 0;
		if (p->kind == CO2_PART_CPU)
			co2__buf_printf(b, "%s cores of %s", co2_format_double(a, p->count), p->label);
		else if (r->hours <= 0 && p->device_hours > 0)
			co2__buf_printf(b, "%s, %s device-hours", p->label, co2_format_double(a, p->device_hours));
		else
			co2__buf_printf(b, "%s x %s", co2_format_double(a, p->count), p->label);
	}
}

double co2__card_grams(double kg)
{
	double g = kg * 1000.0;
	if (g != 0 && g < 1)
		return co2__round_significant(g, 3);
	return co2_round(g, 2);
}

const char *co2__range_end(char buf[32], double v)
{
	return co2__format_plain(buf, co2__round_significant(v, 2));
}

int co2__has_range(const co2_range *r)
{
	return r->low != r->high;
}

void co2__put_likely(co2__buf *b, const co2_range *r, const char *unit)
{
	char lo[32], hi[32];
	if (!co2__has_range(r))
		return;
	co2__buf_printf(b, " (likely %s to %s%s%s)", co2__range_end(lo, r->low),
	                co2__range_end(hi, r->high), unit && *unit ? " " : "", unit ? unit : "");
}
