/* How sure an estimate is: the spreads of its factors, combined into low and high
 * figures, and the defaults it applied.
 *
 * Each spread says that the true value of a factor lies between low and high times the
 * figure the method used. Independent factors are combined in log space: the half-widths
 * ln(high) of the factors add in quadrature, and so do ln(low), so that a range is not
 * the product of every worst case. Spreads of the power draw make the power range; with
 * the PUE's they make the energy range; with the grid's, the CO2 range. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/model.h"

co2_status co2__spread_add(co2_result *res, const char *factor, co2_stage stage, double low,
                           double high, const char *source, int year, const char *note,
                           co2_error *err)
{
	if (!(low > 0) || low > 1 || high < 1 || !isfinite(high))
		return co2__fail(err, CO2_ERR_INVALID, "%s: spread %g to %g does not contain 1", factor,
		                 low, high);
	if (low == 1 && high == 1)
		return CO2_OK;
	if (res->n_spreads >= CO2_MAX_SPREADS)
		return co2__fail(err, CO2_ERR_INVALID, "too many sources of spread in one run");
	res->spreads[res->n_spreads++] = (co2_spread){ factor, stage, low, high, source, year, note };
	return CO2_OK;
}

co2_status co2__assume(co2_result *res, const char *field, const char *value,
                       const char *reason, co2_error *err)
{
	if (res->n_assumptions >= CO2_MAX_ASSUMPTIONS)
		return co2__fail(err, CO2_ERR_INVALID, "too many assumptions in one run");
	co2_assumption *a = &res->assumptions[res->n_assumptions++];
	a->field = field;
	snprintf(a->value, sizeof a->value, "%s", value);
	a->reason = reason;
	return CO2_OK;
}

/* The low and high multipliers of all spreads up to a stage, combined. */
static void combine(const co2_result *res, co2_stage last, int skip_power, double *low,
                    double *high)
{
	double lo2 = 0, hi2 = 0;
	for (size_t i = 0; i < res->n_spreads; i++) {
		const co2_spread *s = &res->spreads[i];
		if (s->stage > last || (skip_power && s->stage == CO2_STAGE_POWER))
			continue;
		double l = log(s->low), h = log(s->high);
		lo2 += l * l;
		hi2 += h * h;
	}
	*low = exp(-sqrt(lo2));
	*high = exp(sqrt(hi2));
}

static co2_range around(double central, double low, double high)
{
	return (co2_range){ central * low, central, central * high };
}

void co2__ranges_combine(co2_result *res, int energy_declared)
{
	double lo, hi;
	combine(res, CO2_STAGE_POWER, 0, &lo, &hi);
	res->power_range_w = around(res->power_w, lo, hi);
	/* A measured energy carries no spread of the power draw. */
	combine(res, CO2_STAGE_PUE, energy_declared, &lo, &hi);
	res->energy_range_kwh = around(res->energy_kwh, lo, hi);
	combine(res, CO2_STAGE_INTENSITY, energy_declared, &lo, &hi);
	res->co2_range_kg = around(res->co2_kg, lo, hi);
}

void co2__embodied_range(co2_result *res)
{
	double lo2 = 0, hi2 = 0;
	for (size_t i = 0; i < res->n_spreads; i++) {
		const co2_spread *s = &res->spreads[i];
		if (s->stage != CO2_STAGE_EMBODIED)
			continue;
		double l = log(s->low), h = log(s->high);
		lo2 += l * l;
		hi2 += h * h;
	}
	res->embodied_range_kg = around(res->embodied_kg, exp(-sqrt(lo2)), exp(sqrt(hi2)));
}
