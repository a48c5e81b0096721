/* The estimate: resolve each factor from the run and the database, then apply the
 * method's formula and rounding. Pure: no I/O, no allocation. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/internal.h"

#define MAX_HOURS 1e6          /* 114 years of wall-clock time */
#define MAX_DEVICE_HOURS 1e10
#define MAX_COUNT 1e7
#define MAX_MEMORY_GB 1e8
#define MAX_ENERGY_KWH 1e12
#define MAX_INTENSITY 2000.0
#define MAX_PUE 10.0
#define MAX_REPEATS 1e6

co2_run co2_run_init(void)
{
	co2_run r;
	memset(&r, 0, sizeof r);
	r.version = CO2_RUN_VERSION;
	r.hours = CO2_UNSET;
	r.memory_gb = CO2_UNSET;
	r.intensity_g_per_kwh = CO2_UNSET;
	r.pue = CO2_UNSET;
	r.repeats = CO2_UNSET;
	r.energy_kwh = CO2_UNSET;
	r.method = CO2_METHOD_DEFAULT;
	return r;
}

co2_status co2_run_add_device(co2_run *run, const char *name, double count, double utilization)
{
	if (run->n_devices >= CO2_MAX_DEVICES)
		return CO2_ERR_INVALID;
	co2_device *d = &run->devices[run->n_devices++];
	d->name = name;
	d->count = count;
	d->utilization = utilization;
	d->power_w = CO2_UNSET;
	d->device_hours = CO2_UNSET;
	d->role = CO2_ROLE_AUTO;
	return CO2_OK;
}

const char *co2_method_name(co2_method method)
{
	switch (method) {
	case CO2_METHOD_MLCO2: return "mlco2";
	case CO2_METHOD_GREEN_ALGORITHMS: return "green-algorithms";
	case CO2_METHOD_DEFAULT: return "default";
	default: return "unknown";
	}
}

const char *co2_method_edition(co2_method method)
{
	switch (method) {
	case CO2_METHOD_MLCO2: return "mlco2-impact";
	case CO2_METHOD_GREEN_ALGORITHMS: return "green-algorithms-3.0";
	default: return CO2_EDITION_DEFAULT;
	}
}

co2_status co2_method_parse(co2_method *out, const char *name, co2_error *err)
{
	char key[64];
	co2__norm(key, sizeof key, name ? name : "");
	if (strcmp(key, "default") == 0 || strcmp(key, "co2calc") == 0)
		*out = CO2_METHOD_DEFAULT;
	else if (strcmp(key, "mlco2") == 0 || strcmp(key, "mlco2impact") == 0)
		*out = CO2_METHOD_MLCO2;
	else if (strcmp(key, "greenalgorithms") == 0 || strcmp(key, "ga") == 0)
		*out = CO2_METHOD_GREEN_ALGORITHMS;
	else
		return co2__fail_field(err, CO2_ERR_INVALID, "method",
		                       "method: expected mlco2, green-algorithms or default, got '%.60s'",
		                       name ? name : "");
	return CO2_OK;
}

const co2_equivalent *co2_result_equivalent(const co2_result *res, const char *id)
{
	for (size_t i = 0; i < res->n_equivalents; i++)
		if (strcmp(res->equivalents[i].id, id) == 0)
			return &res->equivalents[i];
	return NULL;
}

/* ---- validation ------------------------------------------------------------------ */

/* The smallest positive count, time, power, energy or share taken: below it a figure
 * means nothing physical, and products of such figures lose digits to underflow. */
#define MIN_POSITIVE 1e-9

static int bad(double v, double lo, double hi, int lo_open)
{
	return !isfinite(v) || v > hi || (lo_open ? v <= lo || v < MIN_POSITIVE : v < lo);
}

co2_status co2_run_validate(const co2_run *run, co2_error *err)
{
	int any_device_hours = 0;
	for (size_t i = 0; i < run->n_devices; i++) {
		const co2_device *d = &run->devices[i];
		if (d->count != CO2_UNSET && bad(d->count, 0, MAX_COUNT, 1))
			return co2__fail_field(err, CO2_ERR_INVALID, d->role == CO2_ROLE_CPU ? "cores" : "count",
			                       "%s: expected a number above 0 and at most 1e7 (at least 1e-9), got %g",
			                       d->role == CO2_ROLE_CPU ? "cores" : "count", d->count);
		if (d->utilization != CO2_UNSET && bad(d->utilization, 0, 1, 1))
			return co2__fail_field(err, CO2_ERR_INVALID,
			                       d->role == CO2_ROLE_CPU ? "cpu-utilization" : "utilization",
			                       "%s: expected a fraction in (0, 1] (at least 1e-9), got %g",
			                       d->role == CO2_ROLE_CPU ? "cpu-utilization" : "utilization",
			                       d->utilization);
		if (d->power_w != CO2_UNSET && bad(d->power_w, 0, 100000, 1))
			return co2__fail_field(err, CO2_ERR_INVALID, "power",
			                       "power: expected watts above 0 and at most 100000 (at least 1e-9), got %g",
			                       d->power_w);
		if (d->device_hours != CO2_UNSET) {
			if (bad(d->device_hours, 0, MAX_DEVICE_HOURS, 1))
				return co2__fail_field(err, CO2_ERR_INVALID, "device-hours",
				                       "device-hours: expected a number above 0 and at most 1e10 (at least 1e-9), got %g",
				                       d->device_hours);
			if (d->count != CO2_UNSET)
				return co2__fail_field(err, CO2_ERR_INVALID, "device-hours",
				                       "device-hours replaces count x hours: give one or the other");
			any_device_hours = 1;
		}
		if (!d->name && d->power_w == CO2_UNSET)
			return co2__fail_field(err, CO2_ERR_INVALID, "hardware",
			                       "hardware: give a hardware name or its power in watts");
	}
	if (run->hours != CO2_UNSET) {
		if (bad(run->hours, 0, MAX_HOURS, 1))
			return co2__fail_field(err, CO2_ERR_INVALID, "hours",
			                       "hours: expected a number above 0 and at most 1e6 (at least 1e-9), got %g",
			                       run->hours);
		if (any_device_hours)
			return co2__fail_field(err, CO2_ERR_INVALID, "hours",
			                       "hours and device-hours conflict: device-hours already "
			                       "includes the time; give one or the other");
	}
	if (run->memory_gb != CO2_UNSET && bad(run->memory_gb, 0, MAX_MEMORY_GB, 0))
		return co2__fail_field(err, CO2_ERR_INVALID, "memory",
		                       "memory: expected GB from 0 to 1e8, got %g", run->memory_gb);
	if (run->intensity_g_per_kwh != CO2_UNSET && bad(run->intensity_g_per_kwh, 0, MAX_INTENSITY, 0))
		return co2__fail_field(err, CO2_ERR_INVALID, "intensity",
		                       "intensity: expected g CO2eq/kWh from 0 to 2000, got %g",
		                       run->intensity_g_per_kwh);
	if (run->pue != CO2_UNSET && bad(run->pue, 1.0, MAX_PUE, 0))
		return co2__fail_field(err, CO2_ERR_INVALID, "pue",
		                       "pue: expected a power usage effectiveness from 1.0 to 10, got %g",
		                       run->pue);
	if (run->repeats != CO2_UNSET && bad(run->repeats, 0, MAX_REPEATS, 1))
		return co2__fail_field(err, CO2_ERR_INVALID, "repeats",
		                       "repeats: expected a number above 0 and at most 1e6 (at least 1e-9), got %g",
		                       run->repeats);
	if (run->energy_kwh != CO2_UNSET) {
		if (bad(run->energy_kwh, 0, MAX_ENERGY_KWH, 1))
			return co2__fail_field(err, CO2_ERR_INVALID, "energy",
			                       "energy: expected kWh above 0 and at most 1e12 (at least 1e-9), got %g",
			                       run->energy_kwh);
		if (any_device_hours || run->memory_gb != CO2_UNSET)
			return co2__fail_field(err, CO2_ERR_INVALID, "energy",
			                       "energy is the measured total: do not combine it with "
			                       "device-hours or memory");
	} else {
		if (run->n_devices == 0)
			return co2__fail_field(err, CO2_ERR_INVALID, "hardware",
			                       "nothing to estimate: give hardware (or power), a CPU, "
			                       "or a measured energy");
		if (run->hours == CO2_UNSET) {
			for (size_t i = 0; i < run->n_devices; i++)
				if (run->devices[i].device_hours == CO2_UNSET)
					return co2__fail_field(err, CO2_ERR_INVALID, "hours",
					                       "hours: required (how long the run took), or "
					                       "give device-hours");
			if (run->memory_gb != CO2_UNSET && run->memory_gb > 0)
				return co2__fail_field(err, CO2_ERR_INVALID, "hours",
				                       "hours: required to count memory energy");
		}
	}
	if (!run->region && !run->location && run->intensity_g_per_kwh == CO2_UNSET)
		return co2__fail_field(err, CO2_ERR_INVALID, "region",
		                       "where did it run? give a region (provider:region), a location "
		                       "or an intensity");
	if ((int)run->method < 0 || run->method > CO2_METHOD_GREEN_ALGORITHMS)
		return co2__fail_field(err, CO2_ERR_INVALID, "method", "method: unknown method %d",
		                       (int)run->method);
	return CO2_OK;
}

/* ---- estimate ----------------------------------------------------------------------- */

static co2_status add_factor(co2_result *res, const char *name, double value, const char *unit,
                             const char *source, int year, const char *note, co2_error *err)
{
	if (res->n_factors >= CO2_MAX_FACTORS)
		return co2__fail(err, CO2_ERR_INVALID, "too many factors in one run");
	res->factors[res->n_factors++] = (co2_factor){ name, value, unit, source, year, note };
	return CO2_OK;
}

#define TRY(expr)                                  \
	do {                                       \
		co2_status st_ = (expr);           \
		if (st_ != CO2_OK)                 \
			return st_;                \
	} while (0)

static const char *fallback_note(const char *used, const char *wanted)
{
	return strcmp(used, wanted) == 0 ? NULL : "not in the method's edition: from co2calc data";
}

static co2_status resolve_device(const co2_db *db, const co2_run *run, const char *edition,
                                 const co2_device *d, co2_result *res, co2_error *err)
{
	co2_part part;
	memset(&part, 0, sizeof part);
	double count = d->count == CO2_UNSET ? 1.0 : d->count;
	double util = d->utilization == CO2_UNSET ? 1.0 : d->utilization;
	const co2_hardware *hw = NULL;
	int cpu = d->role == CO2_ROLE_CPU;
	if (d->name) {
		co2_error herr;
		co2_status st = co2_db_find_hardware(&hw, db, edition, d->name, &herr);
		if (st == CO2_ERR_NOT_FOUND && d->role != CO2_ROLE_CPU) {
			const co2_instance *inst;
			if (co2_db_find_instance(&inst, db, edition, d->name, NULL) == CO2_OK) {
				TRY(co2_db_find_hardware(&hw, db, edition, inst->hardware, err));
				count = inst->count * (d->count == CO2_UNSET ? 1.0 : d->count);
				TRY(add_factor(res, inst->id, inst->count, "devices per instance",
				               inst->source, inst->year, NULL, err));
				st = CO2_OK;
			}
		}
		if (st != CO2_OK) {
			if (err)
				*err = herr;
			if (cpu && err)
				snprintf(err->field, sizeof err->field, "cpu");
			return st;
		}
	}
	double unit_w;
	const char *unit = cpu ? "W per core" : "W";
	if (d->power_w != CO2_UNSET) {
		unit_w = d->power_w;
		TRY(add_factor(res, hw ? hw->name : "custom device", unit_w, unit, "declared by the user",
		               0, NULL, err));
	} else if (cpu) {
		if (hw->power_per_core_w != CO2_UNSET)
			unit_w = hw->power_per_core_w;
		else if (hw->cores > 0)
			unit_w = hw->power_w / hw->cores;
		else
			return co2__fail_field(err, CO2_ERR_INVALID, "cpu",
			                       "cpu: the data has no core count for '%s'; give its power "
			                       "per core (--power with --cpu)", hw->name);
		if (d->count == CO2_UNSET && hw->cores > 0)
			count = hw->cores;
		TRY(add_factor(res, hw->name, unit_w, unit, hw->source, hw->year,
		               hw->power_per_core_w != CO2_UNSET ? "TDP per core" : "TDP / cores", err));
	} else {
		unit_w = hw->power_w;
		const char *note = strcmp(hw->power_type, "measured-average") == 0
		                       ? "measured average power, not TDP"
		                   : strcmp(hw->power_type, "board-power") == 0 ? "board power" : "TDP";
		const char *fb = fallback_note(hw->edition, edition);
		TRY(add_factor(res, hw->name, unit_w, unit, hw->source, hw->year, fb ? fb : note, err));
	}
	part.kind = cpu ? CO2_PART_CPU : CO2_PART_DEVICE;
	part.label = hw ? hw->name : "custom device";
	part.count = count;
	part.unit_power_w = unit_w;
	part.utilization = util;
	part.power_w = count * unit_w * util;
	if (d->device_hours != CO2_UNSET) {
		/* device-hours stand for count x hours: count multiplies only an instance's devices. */
		double per = d->count == CO2_UNSET ? count : count / d->count;
		part.count = per;
		part.power_w = per * unit_w * util;
		part.device_hours = d->device_hours * per;
		part.energy_kwh = part.device_hours * unit_w * util / 1000.0;
	} else if (run->hours != CO2_UNSET) {
		part.device_hours = count * run->hours;
		/* ML CO2 Impact takes one kind of GPU and its hours (count x hours here) and
		 * computes W x hours / 1000: in that order, so the double it rounds is the page's. */
		part.energy_kwh = run->method == CO2_METHOD_MLCO2
		                      ? unit_w * util * part.device_hours / 1000.0
		                      : part.power_w * run->hours / 1000.0;
	}
	if (util != 1.0)
		TRY(add_factor(res, cpu ? "cpu utilization" : "utilization", util, "", "declared by the user",
		               0, NULL, err));
	if (res->n_parts >= CO2_MAX_PARTS)
		return co2__fail(err, CO2_ERR_INVALID, "too many device groups");
	res->parts[res->n_parts++] = part;
	return CO2_OK;
}

static double round_equiv(const co2_equivalent_def *q, double v)
{
	return q->decimals >= 0 ? co2_round(v, q->decimals) : co2__round_significant(v, q->significant);
}

co2_status co2_estimate(const co2_db *db, const co2_run *run, co2_result *res, co2_error *err)
{
	TRY(co2_run_validate(run, err));
	memset(res, 0, sizeof *res);
	res->version = CO2_RESULT_VERSION;
	res->method = run->method;
	res->method_name = co2_method_name(run->method);
	const char *edition = run->edition ? run->edition : co2_method_edition(run->method);
	const co2_edition *ed = co2_db_edition(db, edition);
	if (!ed)
		return co2__fail_field(err, CO2_ERR_NOT_FOUND, "edition",
		                       "unknown data edition '%s' (see 'co2calc list editions')", edition);
	res->edition = ed->id;
	res->edition_date = ed->date;
	res->offset_percent = CO2_UNSET;
	res->embodied_kg = CO2_UNSET;
	res->market_co2_kg = CO2_UNSET;
	int mlco2 = run->method == CO2_METHOD_MLCO2;

	/* Devices. */
	for (size_t i = 0; i < run->n_devices; i++)
		TRY(resolve_device(db, run, edition, &run->devices[i], res, err));

	/* Memory. */
	if (run->memory_gb != CO2_UNSET && run->memory_gb > 0) {
		const co2_constant *c = co2_db_constant(db, edition, "memory_w_per_gb");
		if (!c)
			return co2__fail_field(err, CO2_ERR_NOT_FOUND, "memory",
			                       "memory: the data has no memory power (memory_w_per_gb)");
		co2_part *p = &res->parts[res->n_parts++];
		memset(p, 0, sizeof *p);
		p->kind = CO2_PART_MEMORY;
		p->label = "memory";
		p->count = run->memory_gb;
		p->unit_power_w = c->value;
		p->utilization = 1.0;
		p->power_w = run->memory_gb * c->value;
		p->device_hours = run->hours;
		p->energy_kwh = p->power_w * run->hours / 1000.0;
		TRY(add_factor(res, "memory power", c->value, c->unit, c->source, c->year, NULL, err));
	}

	/* Where: region (PUE, provider, intensity) and location (intensity). */
	const co2_region *region = NULL;
	const co2_location *loc = NULL;
	const co2_provider *prov = NULL;
	if (run->region) {
		TRY(co2_db_find_region(&region, db, edition, run->region, err));
		prov = co2_db_provider(db, region->edition, region->provider);
		res->region = region->id;
		res->provider = region->provider;
		res->provider_name = prov ? prov->name : region->provider;
	}
	if (run->location) {
		TRY(co2_db_find_location(&loc, db, edition, run->location, err));
	} else if (region && region->location) {
		if (co2_db_find_location(&loc, db, region->edition, region->location, NULL) != CO2_OK)
			loc = NULL;
	}
	if (loc) {
		res->location = loc->code;
		res->location_name = loc->name;
	}

	/* Intensity. */
	double intensity;
	int region_table = 0; /* from the region table (ML CO2 Impact's impact.csv) */
	if (run->intensity_g_per_kwh != CO2_UNSET) {
		intensity = run->intensity_g_per_kwh;
		TRY(add_factor(res, "carbon intensity", intensity, "g/kWh", "declared by the user", 0,
		               NULL, err));
	} else if (run->location || !region || region->intensity_g_per_kwh == CO2_UNSET) {
		if (!loc)
			return co2__fail_field(err, CO2_ERR_NOT_FOUND, "location",
			                       "region '%s' has no carbon intensity and no known location; "
			                       "give --location or --intensity", region ? region->id : "?");
		intensity = loc->intensity_g_per_kwh;
		/* The place is on the report's "where"; a fallback must be said here. */
		const char *fb = fallback_note(loc->edition, edition);
		TRY(add_factor(res, "carbon intensity", intensity, "g/kWh", loc->source, loc->year,
		               fb ? fb : loc->name, err));
	} else {
		intensity = region->intensity_g_per_kwh;
		region_table = 1;
		const char *fb = fallback_note(region->edition, edition);
		TRY(add_factor(res, "carbon intensity", intensity, "g/kWh", region->source, region->year,
		               fb ? fb : region->name, err));
	}

	/* PUE. */
	double pue = 1.0;
	if (run->pue != CO2_UNSET) {
		pue = run->pue;
		TRY(add_factor(res, "PUE", pue, "", "declared by the user", 0, NULL, err));
	} else if (mlco2) {
		TRY(add_factor(res, "PUE", 1.0, "", "ML CO2 Impact counts no data-centre overhead", 2019,
		               NULL, err));
	} else if (region && region->pue != CO2_UNSET) {
		pue = region->pue;
		TRY(add_factor(res, "PUE", pue, "", region->pue_source, region->pue_year,
		               "data centre's own figure", err));
	} else if (prov && prov->pue != CO2_UNSET) {
		pue = prov->pue;
		TRY(add_factor(res, "PUE", pue, "", prov->pue_source, prov->pue_year,
		               "provider's average", err));
	} else {
		const co2_constant *c = co2_db_constant(db, edition, "pue_unknown");
		if (!c)
			return co2__fail_field(err, CO2_ERR_NOT_FOUND, "pue",
			                       "pue: unknown for this run and the data has no default; give --pue");
		pue = c->value;
		TRY(add_factor(res, "PUE", pue, "", c->source, c->year, "average data centre", err));
	}

	double repeats = run->repeats == CO2_UNSET ? 1.0 : run->repeats;
	if (repeats != 1.0)
		TRY(add_factor(res, "repeats", repeats, "", "declared by the user", 0, NULL, err));

	/* Energy. */
	double power = 0, it = 0;
	for (size_t i = 0; i < res->n_parts; i++) {
		power += res->parts[i].power_w;
		it += res->parts[i].energy_kwh;
	}
	if (run->energy_kwh != CO2_UNSET) {
		it = run->energy_kwh;
		TRY(add_factor(res, "measured IT energy", it, "kWh", "declared by the user", 0, NULL, err));
	}
	res->power_w = power;
	res->hours = run->hours == CO2_UNSET ? 0 : run->hours;
	res->it_energy_kwh = it;
	res->pue = pue;
	res->repeats = repeats;
	res->energy_kwh = it * pue * repeats;
	res->overhead_energy_kwh = res->energy_kwh - it * repeats;
	if (mlco2) {
		/* ML CO2 Impact: energy and kg/kWh rounded to 2 decimals before multiplying, each
		 * with JavaScript's Number(x.toFixed(2)); its table's g/kWh read with parseInt. */
		double g = region_table ? trunc(intensity) : intensity;
		double kg_per_kwh = co2__round_js(g / 1000.0, 2);
		res->energy_kwh = co2__round_js(res->energy_kwh, 2);
		res->intensity_g_per_kwh = kg_per_kwh * 1000.0;
		res->co2_kg = co2__round_js(res->energy_kwh * kg_per_kwh, 2);
	} else {
		res->intensity_g_per_kwh = intensity;
		res->co2_kg = res->energy_kwh * intensity / 1000.0;
	}
	if (!isfinite(res->co2_kg) || !isfinite(res->energy_kwh))
		return co2__fail(err, CO2_ERR_INVALID, "the inputs overflow the computation");
	res->co2_range_kg = (co2_range){ res->co2_kg, res->co2_kg, res->co2_kg };

	/* Offsets. */
	if (region && region->offset_percent != CO2_UNSET)
		res->offset_percent = region->offset_percent;
	else if (prov && prov->offset_percent != CO2_UNSET)
		res->offset_percent = prov->offset_percent;

	/* Equivalents: the method edition's set, else the project's. */
	size_t nq;
	const co2_equivalent_def *q = co2_db_equivalents(db, &nq);
	const char *eq_ed = edition;
	int found = 0;
	for (size_t i = 0; i < nq && !found; i++)
		found = strcmp(q[i].edition, eq_ed) == 0;
	if (!found)
		eq_ed = CO2_EDITION_DEFAULT;
	for (size_t i = 0; i < nq && res->n_equivalents < CO2_MAX_EQUIVALENTS; i++) {
		if (strcmp(q[i].edition, eq_ed) != 0)
			continue;
		co2_equivalent *e = &res->equivalents[res->n_equivalents++];
		e->id = q[i].id;
		e->label = q[i].label;
		e->unit = q[i].unit;
		e->value = round_equiv(&q[i], res->co2_kg / q[i].kg_per_unit);
		e->kg_per_unit = q[i].kg_per_unit;
		e->source = q[i].source;
		e->year = q[i].year;
	}
	return CO2_OK;
}
