/* The estimate: resolve each factor from the run and the database, then apply the
 * method's formula and rounding. Pure: no I/O, no allocation. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "model/model.h"

const co2_equivalent *co2_result_equivalent(const co2_result *res, const char *id)
{
	for (size_t i = 0; i < res->n_equivalents; i++)
		if (strcmp(res->equivalents[i].id, id) == 0)
			return &res->equivalents[i];
	return NULL;
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
		part.energy_kwh = part.power_w * run->hours / 1000.0;
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

void co2_result_init_v(co2_result *res, unsigned version, size_t size)
{
	if (!res || size < offsetof(co2_result, method))
		return;
	memset(res, 0, size);
	res->version = version;
	res->size = size;
}

co2_status co2__result_check(const co2_result *res, co2_error *err)
{
	return co2__check_version(err, "result", "co2_result_init()", res->version, res->size,
	                          CO2__OLDEST_VERSION, CO2_RESULT_VERSION, CO2__RESULT_V2_SIZE,
	                          sizeof(co2_result));
}

co2_status co2__result_full(const co2_result **full, const co2_result *res,
                            co2_result *scratch, co2_error *err)
{
	co2_status st = co2__result_check(res, err);
	if (st != CO2_OK)
		return st;
	if (res->size >= sizeof *res) {
		*full = res;
		return CO2_OK;
	}
	co2__result_widen(scratch, res);
	*full = scratch;
	return CO2_OK;
}

void co2__result_widen(co2_result *full, const co2_result *res)
{
	memset(full, 0, sizeof *full);
	memcpy(full, res, res->size < sizeof *full ? res->size : sizeof *full);
	full->version = CO2_RESULT_VERSION;
	full->size = sizeof *full;
}

void co2__result_store(co2_result *res, const co2_result *full)
{
	unsigned version = res->version;
	size_t size = res->size;
	if (res != full)
		memcpy(res, full, size < sizeof *full ? size : sizeof *full);
	res->version = version;
	res->size = size;
}

static co2_status compute(const co2_db *db, const co2_run *run, co2_result *res, co2_error *err);

co2_status co2_estimate(const co2_db *db, const co2_run *run, co2_result *res, co2_error *err)
{
	co2_run run_scratch;
	TRY(co2__result_check(res, err));
	TRY(co2__run_full(&run, run, &run_scratch, err));
	TRY(co2_run_validate(run, err));
	/* Computed in place when the caller's result has every field, else in full here
	 * and copied out as far as the caller's struct goes. */
	if (res->version == CO2_RESULT_VERSION && res->size == sizeof *res)
		return compute(db, run, res, err);
	co2_result full;
	TRY(compute(db, run, &full, err));
	co2__result_store(res, &full);
	return CO2_OK;
}

static co2_status compute(const co2_db *db, const co2_run *run, co2_result *res, co2_error *err)
{
	memset(res, 0, sizeof *res);
	res->version = CO2_RESULT_VERSION;
	res->size = sizeof *res;
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
		/* ML CO2 Impact: energy and kg/kWh rounded to 2 decimals before multiplying. */
		res->energy_kwh = co2_round(res->energy_kwh, 2);
		res->intensity_g_per_kwh = co2_round(intensity / 1000.0, 2) * 1000.0;
		res->co2_kg = co2_round(res->energy_kwh * co2_round(intensity / 1000.0, 2), 2);
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
