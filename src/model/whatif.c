/* What-if changes to a run, and the provider's cleanest region for it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

/* The region entry of a result, or NULL (no region, or no database). */
const co2_region *co2__result_region(const co2_result *r, const co2_db *db)
{
	const co2_region *reg = NULL;
	if (!db || !r->region)
		return NULL;
	if (co2_db_find_region(&reg, db, r->edition, r->region, NULL) != CO2_OK)
		return NULL;
	return reg;
}

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
	co2_run scratch;
	co2_status st = co2__run_full(&run, run, &scratch, err);
	if (st != CO2_OK)
		return st;
	co2_run moved = *run;
	moved.region = best->id;
	st = co2_estimate(db, &moved, alt, err);
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
	return co2_whatif_apply_warn(run, key, value, NULL, err);
}

co2_status co2_whatif_apply_list(co2_run *run, char *text, co2_error *err)
{
	return co2_whatif_apply_list_warn(run, text, NULL, err);
}

co2_status co2_whatif_apply_warn(co2_run *run, const char *key, const char *value,
                                 co2_warnings *warnings, co2_error *err)
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
			if (v < 1) { /* allowed (a slower run), but likely the time ratio upside down */
				char inv[32];
				co2_format_double(inv, co2__round_significant(1.0 / v, 6));
				co2_error *e = co2__warn(warnings, "mixed-precision",
				                         "mixed-precision: a speed-up of %.20s is below 1: the run "
				                         "would take %s times as long; did you mean "
				                         "mixed-precision=%s (old time / new time)?", value, inv, inv);
				co2__error_suggest(e, inv);
			}
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
		run->site = CO2_SITE_AUTO;
	} else if (key_is(key, "location")) {
		run->intensity_g_per_kwh = CO2_UNSET;
	}
	return CO2_OK;
}

co2_status co2_whatif_apply_list_warn(co2_run *run, char *text, co2_warnings *warnings,
                                      co2_error *err)
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
		co2_status st = co2_whatif_apply_warn(run, p, val, warnings, err);
		if (st != CO2_OK)
			return st;
		if (!comma)
			return CO2_OK;
		p = comma + 1;
	}
}

