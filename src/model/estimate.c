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
	co2_tpu_slice slice;
	co2_error serr;
	co2_status sst = cpu || !d->name ? CO2_ERR_NOT_FOUND
	                                 : co2_db_find_tpu_slice(&slice, db, edition, d->name, &serr);
	if (sst != CO2_OK && sst != CO2_ERR_NOT_FOUND) {
		if (err)
			*err = serr;
		return sst;
	}
	if (sst == CO2_OK) {
		/* A TPU slice ("v3-8"): its chips, times the count of slices. */
		hw = slice.hardware;
		count = slice.chips * (d->count == CO2_UNSET ? 1.0 : d->count);
		TRY(add_factor(res, d->name, slice.chips, "chips per slice", slice.source, slice.year,
		               slice.rule, err));
	} else if (d->name) {
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
		const char *pt = hw->power_type;
		const char *note = strcmp(pt, "measured-average") == 0 ? "measured average power, not TDP"
		                   : strcmp(pt, "board-power") == 0    ? "board power"
		                   : strcmp(pt, "power-limit") == 0    ? "power limit (as nvidia-smi reports it), not a TDP"
		                   : strcmp(pt, "estimate") == 0       ? "estimate: no published figure, not a TDP"
		                                                       : "TDP";
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

/* ---- the method policies ------------------------------------------------------------ */

/* Where two methods differ, a policy says how, chosen once per estimate. */
typedef struct method_policy {
	co2_method method;
	/* The PUE factor when the run declares none, for a method that counts no facility
	 * overhead (source and year); NULL when the method takes the place's PUE. */
	const char *no_pue_source;
	int no_pue_year;
	/* Energy, intensity (g/kWh) and CO2 from the unrounded figures, as the method
	 * publishes them; region_table: the intensity is a region table's figure. */
	void (*finish)(co2_result *res, double intensity_g_per_kwh, int region_table);
} method_policy;

static void finish_exact(co2_result *res, double intensity, int region_table)
{
	(void)region_table;
	res->intensity_g_per_kwh = intensity;
	res->co2_kg = res->energy_kwh * intensity / 1000.0;
}

/* ML CO2 Impact: energy and kg/kWh rounded to 2 decimals before multiplying, each with
 * JavaScript's Number(x.toFixed(2)); its region table's g/kWh read with parseInt. */
static void finish_mlco2(co2_result *res, double intensity, int region_table)
{
	double g = region_table ? trunc(intensity) : intensity;
	double kg_per_kwh = co2__round_js(g / 1000.0, 2);
	res->energy_kwh = co2__round_js(res->energy_kwh, 2);
	res->intensity_g_per_kwh = kg_per_kwh * 1000.0;
	res->co2_kg = co2__round_js(res->energy_kwh * kg_per_kwh, 2);
}

static const method_policy policies[] = {
	{ CO2_METHOD_DEFAULT, NULL, 0, finish_exact },
	{ CO2_METHOD_MLCO2, "ML CO2 Impact counts no data-centre overhead", 2019, finish_mlco2 },
	{ CO2_METHOD_GREEN_ALGORITHMS, NULL, 0, finish_exact },
};

static const method_policy *policy_of(co2_method m)
{
	for (size_t i = 0; i < sizeof policies / sizeof policies[0]; i++)
		if (policies[i].method == m)
			return &policies[i];
	return &policies[0];
}

/* ---- the phases ---------------------------------------------------------------------- */

/* What an estimate has resolved so far. */
typedef struct estimate_ctx {
	const co2_db *db;
	const co2_run *run;
	const method_policy *policy;
	const char *edition;
	const co2_region *region;
	const co2_location *loc;
	const co2_provider *prov;
	co2_result *res;
	co2_error *err;
	int region_table; /* the intensity is the region table's figure */
} estimate_ctx;

/* The edition the run uses, into the result. */
static co2_status resolve_edition(estimate_ctx *c)
{
	c->edition = c->run->edition ? c->run->edition : co2_method_edition(c->run->method);
	const co2_edition *ed = co2_db_edition(c->db, c->edition);
	if (!ed)
		return co2__fail_field(c->err, CO2_ERR_NOT_FOUND, "edition",
		                       "unknown data edition '%s' (see 'co2calc list editions')",
		                       c->edition);
	c->res->edition = ed->id;
	c->res->edition_date = ed->date;
	return CO2_OK;
}

/* The memory part of the power budget, when the run declares memory. */
static co2_status resolve_memory(estimate_ctx *c)
{
	const co2_run *run = c->run;
	co2_result *res = c->res;
	if (run->memory_gb == CO2_UNSET || run->memory_gb <= 0)
		return CO2_OK;
	const co2_constant *k = co2_db_constant(c->db, c->edition, "memory_w_per_gb");
	if (!k)
		return co2__fail_field(c->err, CO2_ERR_NOT_FOUND, "memory",
		                       "memory: the data has no memory power (memory_w_per_gb)");
	if (res->n_parts >= CO2_MAX_PARTS)
		return co2__fail(c->err, CO2_ERR_INVALID, "too many device groups");
	co2_part *p = &res->parts[res->n_parts++];
	memset(p, 0, sizeof *p);
	p->kind = CO2_PART_MEMORY;
	p->label = "memory";
	p->count = run->memory_gb;
	p->unit_power_w = k->value;
	p->utilization = 1.0;
	p->power_w = run->memory_gb * k->value;
	p->device_hours = run->hours;
	p->energy_kwh = p->power_w * run->hours / 1000.0;
	return add_factor(res, "memory power", k->value, k->unit, k->source, k->year, NULL, c->err);
}

/* The region (with its provider) and the location of the run. */
static co2_status resolve_place(estimate_ctx *c)
{
	const co2_run *run = c->run;
	co2_result *res = c->res;
	if (run->region) {
		TRY(co2_db_find_region(&c->region, c->db, c->edition, run->region, c->err));
		c->prov = co2_db_provider(c->db, c->region->edition, c->region->provider);
		res->region = c->region->id;
		res->provider = c->region->provider;
		res->provider_name = c->prov ? c->prov->name : c->region->provider;
	}
	if (run->location) {
		TRY(co2_db_find_location(&c->loc, c->db, c->edition, run->location, c->err));
	} else if (c->region && c->region->location) {
		if (co2_db_find_location(&c->loc, c->db, c->region->edition, c->region->location,
		                         NULL) != CO2_OK)
			c->loc = NULL;
	}
	if (c->loc) {
		res->location = c->loc->code;
		res->location_name = c->loc->name;
	}
	return CO2_OK;
}

/* The carbon intensity (g/kWh): declared, the location's, or the region's. */
static co2_status resolve_intensity(estimate_ctx *c, double *out)
{
	const co2_run *run = c->run;
	const co2_region *region = c->region;
	const co2_location *loc = c->loc;
	if (run->intensity_g_per_kwh != CO2_UNSET) {
		*out = run->intensity_g_per_kwh;
		return add_factor(c->res, "carbon intensity", *out, "g/kWh", "declared by the user", 0,
		                  NULL, c->err);
	}
	if (run->location || !region || region->intensity_g_per_kwh == CO2_UNSET) {
		if (!loc)
			return co2__fail_field(c->err, CO2_ERR_NOT_FOUND, "location",
			                       "region '%s' has no carbon intensity and no known location; "
			                       "give --location or --intensity", region ? region->id : "?");
		*out = loc->intensity_g_per_kwh;
		/* The place is on the report's "where"; a fallback must be said here. */
		const char *fb = fallback_note(loc->edition, c->edition);
		return add_factor(c->res, "carbon intensity", *out, "g/kWh", loc->source, loc->year,
		                  fb ? fb : loc->name, c->err);
	}
	*out = region->intensity_g_per_kwh;
	c->region_table = 1;
	const char *fb = fallback_note(region->edition, c->edition);
	return add_factor(c->res, "carbon intensity", *out, "g/kWh", region->source, region->year,
	                  fb ? fb : region->name, c->err);
}

/* The PUE: declared, none (by the method), the region's, the provider's, or the
 * edition's default for an unknown data centre. */
static co2_status resolve_pue(estimate_ctx *c, double *out)
{
	const co2_run *run = c->run;
	const co2_region *region = c->region;
	const co2_provider *prov = c->prov;
	co2_result *res = c->res;
	*out = 1.0;
	if (run->pue != CO2_UNSET) {
		*out = run->pue;
		return add_factor(res, "PUE", *out, "", "declared by the user", 0, NULL, c->err);
	}
	if (c->policy->no_pue_source)
		return add_factor(res, "PUE", 1.0, "", c->policy->no_pue_source,
		                  c->policy->no_pue_year, NULL, c->err);
	if (region && region->pue != CO2_UNSET) {
		*out = region->pue;
		return add_factor(res, "PUE", *out, "", region->pue_source, region->pue_year,
		                  "data centre's own figure", c->err);
	}
	if (prov && prov->pue != CO2_UNSET) {
		*out = prov->pue;
		return add_factor(res, "PUE", *out, "", prov->pue_source, prov->pue_year,
		                  "provider's average", c->err);
	}
	const co2_constant *k = co2_db_constant(c->db, c->edition, "pue_unknown");
	if (!k)
		return co2__fail_field(c->err, CO2_ERR_NOT_FOUND, "pue",
		                       "pue: unknown for this run and the data has no default; give --pue");
	*out = k->value;
	return add_factor(res, "PUE", *out, "", k->source, k->year, "average data centre", c->err);
}

/* Power, energy and CO2 from the parts, PUE, repeats and intensity. */
static co2_status compute_energy(estimate_ctx *c, double pue, double intensity)
{
	const co2_run *run = c->run;
	co2_result *res = c->res;
	double repeats = run->repeats == CO2_UNSET ? 1.0 : run->repeats;
	if (repeats != 1.0)
		TRY(add_factor(res, "repeats", repeats, "", "declared by the user", 0, NULL, c->err));
	double power = 0, it = 0;
	for (size_t i = 0; i < res->n_parts; i++) {
		power += res->parts[i].power_w;
		it += res->parts[i].energy_kwh;
	}
	if (run->energy_kwh != CO2_UNSET) {
		it = run->energy_kwh;
		TRY(add_factor(res, "measured IT energy", it, "kWh", "declared by the user", 0, NULL,
		               c->err));
	}
	res->power_w = power;
	res->hours = run->hours == CO2_UNSET ? 0 : run->hours;
	res->it_energy_kwh = it;
	res->pue = pue;
	res->repeats = repeats;
	res->energy_kwh = it * pue * repeats;
	res->overhead_energy_kwh = res->energy_kwh - it * repeats;
	c->policy->finish(res, intensity, c->region_table);
	if (!isfinite(res->co2_kg) || !isfinite(res->energy_kwh))
		return co2__fail(c->err, CO2_ERR_INVALID, "the inputs overflow the computation");
	res->co2_range_kg = (co2_range){ res->co2_kg, res->co2_kg, res->co2_kg };
	return CO2_OK;
}

/* The provider's offset share, when the data has one. */
static void resolve_offsets(estimate_ctx *c)
{
	if (c->region && c->region->offset_percent != CO2_UNSET)
		c->res->offset_percent = c->region->offset_percent;
	else if (c->prov && c->prov->offset_percent != CO2_UNSET)
		c->res->offset_percent = c->prov->offset_percent;
}

/* The comparison figures: the method edition's set, else the project's. */
static void resolve_equivalents(estimate_ctx *c)
{
	co2_result *res = c->res;
	size_t nq;
	const co2_equivalent_def *q = co2_db_equivalents(c->db, &nq);
	const char *eq_ed = c->edition;
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
}

static co2_status compute(const co2_db *db, const co2_run *run, co2_result *res, co2_error *err)
{
	memset(res, 0, sizeof *res);
	res->version = CO2_RESULT_VERSION;
	res->size = sizeof *res;
	res->method = run->method;
	res->method_name = co2_method_name(run->method);
	res->offset_percent = CO2_UNSET;
	res->embodied_kg = CO2_UNSET;
	res->market_co2_kg = CO2_UNSET;
	estimate_ctx c = { db, run, policy_of(run->method), NULL, NULL, NULL, NULL, res, err, 0 };
	TRY(resolve_edition(&c));
	for (size_t i = 0; i < run->n_devices; i++)
		TRY(resolve_device(db, run, c.edition, &run->devices[i], res, err));
	TRY(resolve_memory(&c));
	TRY(resolve_place(&c));
	double intensity = 0, pue = 1;
	TRY(resolve_intensity(&c, &intensity));
	TRY(resolve_pue(&c, &pue));
	TRY(compute_energy(&c, pue, intensity));
	resolve_offsets(&c);
	resolve_equivalents(&c);
	return CO2_OK;
}
