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
                                 const co2_device *d, co2_result *res, const co2_hardware **hw_out,
                                 const co2_instance **inst_out, co2_error *err)
{
	*inst_out = NULL;
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
				*inst_out = inst;
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
	int package = 0; /* a CPU counted as whole packages of unknown core count */
	if (cpu && hw && strcmp(hw->kind, "cpu") != 0 && strcmp(hw->kind, "soc") != 0)
		return co2__fail_field(err, CO2_ERR_INVALID, "cpu",
		                       "cpu: '%s' is a %s, not a CPU: give it with --hardware (spec key "
		                       "hardware)", hw->name, hw->kind);
	if (cpu && d->power_w != CO2_UNSET && d->count == CO2_UNSET && d->device_hours == CO2_UNSET)
		return co2__fail_field(err, CO2_ERR_INVALID, "cpu-power",
		                       "cpu-power: watts per core needs --cores N (the cores the run "
		                       "used); to count a whole CPU package at its TDP, leave "
		                       "--cpu-power out");
	if (d->power_w != CO2_UNSET) {
		unit_w = d->power_w;
		TRY(add_factor(res, hw ? hw->name : "custom device", unit_w, unit, "declared by the user",
		               0, NULL, err));
	} else if (cpu) {
		double sockets = run->sockets == CO2_UNSET || run->sockets == 0 ? 1.0 : run->sockets;
		int whole = d->count == CO2_UNSET && d->device_hours == CO2_UNSET;
		if (hw->power_per_core_w != CO2_UNSET)
			unit_w = hw->power_per_core_w;
		else if (hw->cores > 0)
			unit_w = hw->power_w / hw->cores;
		else if (whole)
			unit_w = hw->power_w, package = 1;
		else
			return co2__fail_field(err, CO2_ERR_INVALID, "cores",
			                       "cores: the data has no core count for '%s', so N of its "
			                       "cores cannot be counted: give --cpu-power W (watts per "
			                       "core) with --cores, or leave --cores out to count the whole "
			                       "package at its TDP (%g W)", hw->name, hw->power_w);
		if (whole) {
			/* --cpu alone: every core of the package, times the sockets. */
			count = package ? sockets : (hw->cores > 0 ? hw->cores : 1) * sockets;
			char v[48], a[32], b[32];
			snprintf(v, sizeof v, "%s x %s W", co2_format_double(a, sockets),
			         co2_format_double(b, hw->cores > 0 && hw->power_per_core_w != CO2_UNSET
			                                  ? hw->power_per_core_w * hw->cores
			                                  : hw->power_w));
			TRY(co2__assume(res, "cpu_package", v,
			                "--cores not given: the whole CPU package at its TDP (--cores N "
			                "for part of it, --sockets N for more than one)", err));
		}
		TRY(add_factor(res, hw->name, unit_w, package ? "W per package" : unit, hw->source,
		               hw->year,
		               package ? "TDP of the whole package (core count unknown)"
		               : hw->power_per_core_w != CO2_UNSET ? "TDP per core" : "TDP / cores", err));
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
	/* A package of unknown core count reads as a device: "1 x NAME (CPU package)". */
	part.kind = cpu && !package ? CO2_PART_CPU : CO2_PART_DEVICE;
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
	*hw_out = hw;
	return CO2_OK;
}

static double round_equiv(const co2_equivalent_def *q, double v)
{
	double r = q->decimals >= 0 ? co2_round(v, q->decimals) : co2__round_significant(v, q->significant);
	/* Never "0 tree seedlings" for a run that emitted something: more digits. */
	if (r == 0 && v != 0)
		r = co2__round_significant(v, 3);
	return r;
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

/* The spread of a part of the power budget that is not a declared device (an instance's
 * host CPU and memory): low and high multipliers, where they come from, and why. */
typedef struct host_spread {
	int set;
	double low, high;
	const char *source, *note;
	int year;
} host_spread;

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
	const co2_hardware *hw[CO2_MAX_DEVICES]; /* of each device group; NULL for a custom one */
	const co2_instance *inst[CO2_MAX_DEVICES]; /* the instance a group names, or NULL */
	host_spread host[CO2_MAX_PARTS];          /* the spread of each host part (by part) */
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

/* A constant of the project's own data (the spreads live there, whatever the method's
 * edition), or NULL. */
static const co2_constant *own_constant(const estimate_ctx *c, const char *name)
{
	const co2_constant *k = co2_db_constant(c->db, c->edition, name);
	return k ? k : co2_db_constant(c->db, CO2_EDITION_DEFAULT, name);
}

/* A part of the power budget beside the declared devices, with its spread. */
static co2_status add_host_part(estimate_ctx *c, co2_part_kind kind, const char *label,
                                double count, double unit_w, double instance_hours,
                                const host_spread *hs)
{
	co2_result *res = c->res;
	if (res->n_parts >= CO2_MAX_PARTS)
		return co2__fail(c->err, CO2_ERR_INVALID,
		                 "too many parts: at most %d device groups, memory and instance hosts",
		                 CO2_MAX_PARTS);
	co2_part *p = &res->parts[res->n_parts];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->label = label;
	p->count = count;
	p->unit_power_w = unit_w;
	p->utilization = 1.0;
	p->power_w = count * unit_w;
	p->device_hours = count * instance_hours;
	p->energy_kwh = p->power_w * instance_hours / 1000.0;
	if (hs)
		c->host[res->n_parts] = *hs;
	res->n_parts++;
	return CO2_OK;
}

/* Measured watts at half load, with idle and full load as the spread. */
static int measured(double idle, double half, double full, host_spread *hs, const char *source,
                    int year, const char *note)
{
	if (idle == CO2_UNSET || half == CO2_UNSET || full == CO2_UNSET || !(half > 0))
		return 0;
	*hs = (host_spread){ 1, idle / half, full / half, source, note, year };
	if (hs->low > 1)
		hs->low = 1;
	if (hs->high < 1)
		hs->high = 1;
	return 1;
}

/* Under the default method a cloud instance counts its whole machine: beside its
 * accelerators, its vCPUs' share of the host CPU package and its memory, from the
 * instance's measured watts where the data has them, else the host CPU's TDP x vCPUs /
 * host vCPUs and the memory at the edition's W/GB. --devices-only, and the methods that
 * count accelerators alone, leave them out (said in the assumptions). */
static co2_status resolve_hosts(estimate_ctx *c)
{
	const co2_run *run = c->run;
	co2_result *res = c->res;
	for (size_t i = 0; i < run->n_devices; i++) {
		const co2_instance *inst = c->inst[i];
		const co2_device *d = &run->devices[i];
		if (!inst)
			continue;
		if (run->method != CO2_METHOD_DEFAULT) {
			TRY(co2__assume(res, "instance_scope", "accelerators only",
			                "the method counts an instance's accelerators alone: its CPUs "
			                "and memory are left out", c->err));
			continue;
		}
		if (run->devices_only)
			continue;
		/* n instances for the run's hours, or one instance for the declared
		 * instance-hours (--device-hours with an instance type). */
		int by_hours = d->device_hours == CO2_UNSET;
		double per = by_hours ? (d->count == CO2_UNSET ? 1.0 : d->count) : 1.0;
		double hours = by_hours ? (run->hours != CO2_UNSET ? run->hours : 0) : d->device_hours;
		int whole = 0;
		/* The host CPU: measured package watts, else TDP x vCPUs / host vCPUs. */
		host_spread hs;
		if (measured(inst->package_w_idle, inst->package_w_50, inst->package_w_100, &hs,
		             inst->watts_source, inst->watts_year,
		             "the instance's CPU share at half load, measured; idle to full load")) {
			TRY(add_host_part(c, CO2_PART_CPU, inst->host_cpu ? inst->host_cpu : "host CPU",
			                  per * (inst->vcpus > 0 ? inst->vcpus : 1),
			                  inst->package_w_50 / (inst->vcpus > 0 ? inst->vcpus : 1), hours,
			                  &hs));
			TRY(add_factor(res, "host CPU share (measured)", inst->package_w_50, "W at 50 % load",
			               inst->watts_source, inst->watts_year, inst->id, c->err));
			whole = 1;
		} else if (inst->host_cpu && inst->vcpus > 0 && inst->host_vcpus >= inst->vcpus) {
			const co2_hardware *cpu;
			if (co2_db_find_hardware(&cpu, c->db, c->edition, inst->host_cpu, NULL) == CO2_OK &&
			    cpu->power_w > 0) {
				double share = (double)inst->vcpus / inst->host_vcpus;
				const co2_constant *kl = own_constant(c, "power_tdp_low");
				const co2_constant *kh = own_constant(c, "power_tdp_high");
				hs = (host_spread){ kl && kh, kl ? kl->value : 1, kh ? kh->value : 1,
				                    kl ? kl->source : NULL,
				                    "the host CPU's TDP taken as its draw; it averages less",
				                    kl ? kl->year : 0 };
				TRY(add_host_part(c, CO2_PART_CPU, cpu->name, per * inst->vcpus,
				                  cpu->power_w * share / inst->vcpus, hours, &hs));
				TRY(add_factor(res, cpu->name, cpu->power_w, "W per package", cpu->source,
				               cpu->year, "host CPU, by the instance's share of its vCPUs",
				               c->err));
				whole = 1;
			}
		}
		/* A host CPU the data cannot name: a typical server CPU's watts per vCPU at half
		 * load, with idle and full load as the spread. */
		const co2_constant *kv = own_constant(c, "host_cpu_w_per_vcpu");
		const co2_constant *kvl = own_constant(c, "host_cpu_w_per_vcpu_low");
		const co2_constant *kvh = own_constant(c, "host_cpu_w_per_vcpu_high");
		if (!whole && inst->vcpus > 0 && kv && kvl && kvh && kv->value > 0) {
			hs = (host_spread){ 1, kvl->value / kv->value, kvh->value / kv->value, kv->source,
			                    "a typical server CPU's watts per vCPU at half load; idle to "
			                    "full load", kv->year };
			TRY(add_host_part(c, CO2_PART_CPU, inst->host_cpu ? inst->host_cpu : "host CPU",
			                  per * inst->vcpus, kv->value, hours, &hs));
			TRY(add_factor(res, "host CPU per vCPU", kv->value, "W", kv->source, kv->year,
			               "the data names no CPU model with a figure for this instance", c->err));
			TRY(co2__assume(res, "cpu_package", "typical server CPU",
			                "the instance's host CPU has no figure in the data: a typical "
			                "server CPU's watts per vCPU", c->err));
			whole = 1;
		}
		/* The memory: measured RAM watts, else the instance's GB at the edition's W/GB. */
		if (measured(inst->ram_w_idle, inst->ram_w_50, inst->ram_w_100, &hs, inst->watts_source,
		             inst->watts_year, "the instance's memory at half load, measured; idle to "
		             "full load") && inst->memory_gb > 0) {
			TRY(add_host_part(c, CO2_PART_MEMORY, "memory", per * inst->memory_gb,
			                  inst->ram_w_50 / inst->memory_gb, hours, &hs));
			whole = 1;
		} else if (inst->memory_gb != CO2_UNSET && inst->memory_gb > 0) {
			const co2_constant *k = co2_db_constant(c->db, c->edition, "memory_w_per_gb");
			if (k) {
				TRY(add_host_part(c, CO2_PART_MEMORY, "memory", per * inst->memory_gb,
				                  k->value, hours, NULL));
				whole = 1;
			}
		}
		if (whole)
			TRY(co2__assume(res, "instance_scope", "whole machine",
			                "an instance counts its vCPUs' share of the host CPU and its memory "
			                "beside its accelerators (--devices-only for the accelerators alone)",
			                c->err));
	}
	return CO2_OK;
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


/* Where the run was: declared, cloud with a region, else a data centre. */
static void resolve_site(estimate_ctx *c)
{
	co2_site site = c->run->site;
	if (site == CO2_SITE_AUTO)
		site = c->region ? CO2_SITE_CLOUD : CO2_SITE_DATACENTER;
	c->res->site = site;
}

/* The PUE of the place, whatever the method does with it: its figure, its low and high
 * figures, and where they come from. */
typedef struct place_pue {
	double value, low, high;
	const char *source, *note, *spread_source;
	int year, spread_year;
	const char *assumed;   /* why, when the figure is a default rather than the place's */
} place_pue;

/* low and high as multipliers (relative) or as figures (absolute), from two constants. */
static void pue_spread(const estimate_ctx *c, place_pue *p, const char *lo_name,
                       const char *hi_name, int relative)
{
	const co2_constant *lo = own_constant(c, lo_name), *hi = own_constant(c, hi_name);
	p->low = p->high = p->value;
	if (!lo || !hi)
		return;
	p->low = relative ? p->value * lo->value : lo->value;
	p->high = relative ? p->value * hi->value : hi->value;
	if (p->low > p->value)
		p->low = p->value;
	if (p->high < p->value)
		p->high = p->value;
	p->spread_source = hi->source;
	p->spread_year = hi->year;
}

/* The operator's own low or high figure, where it publishes one, in place of the generic
 * spread of an operator's figure. */
static void published_spread(place_pue *p, double low, double high, const char *source,
                             int year)
{
	if (low != CO2_UNSET && low <= p->value)
		p->low = low;
	if (high != CO2_UNSET && high >= p->value)
		p->high = high;
	if ((low != CO2_UNSET && low <= p->value) || (high != CO2_UNSET && high >= p->value)) {
		p->spread_source = source;
		p->spread_year = year;
	}
}

static co2_status find_place_pue(const estimate_ctx *c, place_pue *p)
{
	const co2_region *region = c->region;
	const co2_provider *prov = c->prov;
	memset(p, 0, sizeof *p);
	/* A method's edition without PUEs (ML CO2 Impact): the same region in the project's. */
	if (region && region->pue == CO2_UNSET && (!prov || prov->pue == CO2_UNSET) &&
	    strcmp(region->edition, CO2_EDITION_DEFAULT) != 0) {
		const co2_region *own;
		if (co2_db_find_region(&own, c->db, CO2_EDITION_DEFAULT, region->id, NULL) == CO2_OK) {
			region = own;
			prov = co2_db_provider(c->db, own->edition, own->provider);
		}
	}
	if (c->res->site == CO2_SITE_DESKTOP) {
		const co2_constant *k = own_constant(c, "pue_personal_computer");
		p->value = p->low = p->high = k ? k->value : 1.0;
		p->source = k ? k->source : "a desktop or laptop has no facility overhead";
		p->year = k ? k->year : 0;
		p->note = "desktop or laptop";
		return CO2_OK;
	}
	if (region && region->pue != CO2_UNSET) {
		p->value = region->pue;
		p->source = region->pue_source;
		p->year = region->pue_year;
		p->note = "data centre's own figure";
		pue_spread(c, p, "pue_operator_spread_low", "pue_operator_spread_high", 1);
		published_spread(p, region->pue_low, region->pue_high, region->pue_source,
		                 region->pue_year);
		return CO2_OK;
	}
	if (prov && prov->pue != CO2_UNSET) {
		p->value = prov->pue;
		p->source = prov->pue_source;
		p->year = prov->pue_year;
		p->note = "provider's average";
		pue_spread(c, p, "pue_operator_spread_low", "pue_operator_spread_high", 1);
		published_spread(p, prov->pue_low, prov->pue_high, prov->pue_source, prov->pue_year);
		return CO2_OK;
	}
	const co2_constant *k = NULL;
	if (c->res->site == CO2_SITE_CLOUD && !region)
		k = own_constant(c, "pue_cloud");
	if (k) {
		p->value = k->value;
		p->source = k->source;
		p->year = k->year;
		p->note = "average of the large cloud providers";
		p->assumed = "a cloud data centre, region not given: the large providers' average";
		pue_spread(c, p, "pue_cloud_low", "pue_cloud_high", 0);
		return CO2_OK;
	}
	k = own_constant(c, "pue_unknown");
	if (!k)
		return co2__fail_field(c->err, CO2_ERR_NOT_FOUND, "pue",
		                       "pue: unknown for this run and the data has no default; give --pue");
	p->value = k->value;
	p->source = k->source;
	p->year = k->year;
	p->note = "average data centre";
	p->assumed = "data centre of unknown efficiency: the industry average";
	pue_spread(c, p, "pue_unknown_low", "pue_unknown_high", 0);
	return CO2_OK;
}

/* The PUE: declared, none (by the method), or the place's; with its spread and, when it
 * is a default, the assumption. */
static co2_status resolve_pue(estimate_ctx *c, double *out)
{
	const co2_run *run = c->run;
	co2_result *res = c->res;
	char buf[32];
	*out = 1.0;
	if (run->pue != CO2_UNSET) {
		*out = run->pue;
		return add_factor(res, "PUE", *out, "", "declared by the user", 0, NULL, c->err);
	}
	place_pue p;
	TRY(find_place_pue(c, &p));
	if (run->site == CO2_SITE_AUTO && !c->region)
		TRY(co2__assume(res, "site", co2_site_name(res->site),
		                "only a place was given: a data centre (say --site desktop for a "
		                "workstation or laptop, --site cloud for a cloud without its region)",
		                c->err));
	if (c->policy->no_pue_source) {
		TRY(add_factor(res, "PUE", 1.0, "", c->policy->no_pue_source, c->policy->no_pue_year,
		               NULL, c->err));
		TRY(co2__assume(res, "pue", "1",
		                "the method counts no facility overhead; the range spans the place's PUE",
		                c->err));
		/* The true PUE is between 1 and the place's upper figure. */
		return co2__spread_add(res, "PUE", CO2_STAGE_PUE, 1.0, p.high, p.spread_source
		                       ? p.spread_source : p.source, p.spread_source ? p.spread_year
		                       : p.year, "the place's PUE, which the method leaves out", c->err);
	}
	*out = p.value;
	TRY(add_factor(res, "PUE", p.value, "", p.source, p.year, p.note, c->err));
	if (p.assumed)
		TRY(co2__assume(res, "pue", co2_format_double(buf, p.value), p.assumed, c->err));
	return co2__spread_add(res, "PUE", CO2_STAGE_PUE, p.low / p.value, p.high / p.value,
	                       p.spread_source, p.spread_year, p.note, c->err);
}

/* ---- how sure: the power draw and the grid ------------------------------------------- */

/* The spread of one device group's power: low and high multipliers, the constant they
 * come from, and why. */
typedef struct part_spread {
	double low, high;
	const co2_constant *src;
	const char *note;
} part_spread;

static void spread_of(const estimate_ctx *c, const co2_device *d, const co2_hardware *hw,
                      part_spread *ps)
{
	const char *lo = NULL, *hi = NULL;
	int util_given = d->utilization != CO2_UNSET;
	int power_given = d->power_w != CO2_UNSET;
	ps->low = ps->high = 1;
	ps->src = NULL;
	ps->note = NULL;
	if (!power_given && hw && strcmp(hw->power_type, "measured-average") == 0) {
		lo = "power_measured_low", hi = "power_measured_high";
		ps->note = "a measured average power: its spread across runs";
	} else if (!util_given) {
		lo = "power_tdp_low", hi = "power_tdp_high";
		ps->note = "rated power taken as the average draw; training runs average less";
	} else if (!power_given) {
		lo = "power_tdp_util_low", hi = "power_tdp_util_high";
		ps->note = "rated power times the declared utilization";
	} else {
		return; /* power and utilization both declared */
	}
	const co2_constant *kl = own_constant(c, lo), *kh = own_constant(c, hi);
	if (!kl || !kh)
		return;
	ps->low = kl->value;
	ps->high = kh->value;
	/* A CPU may draw up to its maximum turbo power for as long as it is cooled: the
	 * vendor's highest figure bounds it from above. */
	if (!util_given && !power_given && hw && hw->power_max_w > hw->power_w && hw->power_w > 0 &&
	    hw->power_max_w / hw->power_w > ps->high) {
		ps->high = hw->power_max_w / hw->power_w;
		ps->note = "rated power taken as the average draw; a CPU may draw up to its maximum "
		           "turbo power";
	}
	ps->src = kl; /* the measured runs behind the low end */
}

/* The spread of the power draw (each device group's, weighted by its power), the host a
 * run of accelerators alone leaves out, and the assumptions behind the power. */
static co2_status spread_power(estimate_ctx *c)
{
	const co2_run *run = c->run;
	co2_result *res = c->res;
	double total = 0, lo = 0, hi = 0, host_share = 0, top = -1;
	const co2_constant *src = NULL;
	const char *note = NULL;
	int any_cpu = 0, any_memory = 0;
	int util_assumed[2] = { 0, 0 }, rated = 0, host_included = 0;
	for (size_t i = 0; i < res->n_parts; i++) {
		any_cpu |= res->parts[i].kind == CO2_PART_CPU;
		any_memory |= res->parts[i].kind == CO2_PART_MEMORY;
		const host_spread *h = &c->host[i];
		if (i < run->n_devices || !h->set)
			continue;
		/* An instance's host CPU and memory (memory declared by the run has no spread). */
		double w = res->parts[i].power_w;
		total += w;
		lo += w * h->low;
		hi += w * h->high;
	}
	for (size_t i = 0; i < run->n_devices && i < res->n_parts; i++) {
		const co2_device *d = &run->devices[i];
		const co2_part *p = &res->parts[i];
		/* A CPU package of unknown core count is a device part, but a CPU. */
		int cpu = p->kind == CO2_PART_CPU || d->role == CO2_ROLE_CPU;
		any_cpu |= cpu;
		part_spread ps;
		spread_of(c, d, c->hw[i], &ps);
		total += p->power_w;
		lo += p->power_w * ps.low;
		hi += p->power_w * ps.high;
		if (ps.src && p->power_w > top)
			top = p->power_w, src = ps.src, note = ps.note;
		if (d->utilization == CO2_UNSET)
			util_assumed[cpu] = 1;
		int measured = c->hw[i] && d->power_w == CO2_UNSET &&
		               strcmp(c->hw[i]->power_type, "measured-average") == 0;
		if (!cpu && !measured)
			host_share += p->power_w;
		if (d->utilization == CO2_UNSET && !measured)
			rated = 1;
		host_included |= !cpu && measured;
		if (c->hw[i] && c->hw[i]->uncertain && d->power_w == CO2_UNSET) {
			char v[48];
			char n[32];
			snprintf(v, sizeof v, "%s W", co2_format_double(n, p->unit_power_w));
			TRY(co2__assume(res, "power", v,
			                "no firm vendor figure for this device: the data's estimate "
			                "(see its note with 'co2calc show hardware')", c->err));
		}
	}
	if (util_assumed[0])
		TRY(co2__assume(res, "utilization", "1",
		                rated ? "not given: the accelerators drew their rated power the whole "
		                        "run; the range allows for less"
		                      : "not given: the devices drew the measured average of the data "
		                        "the whole run", c->err));
	if (util_assumed[1])
		TRY(co2__assume(res, "utilization", "1",
		                "not given: the CPU cores drew their rated power the whole run; the "
		                "range allows for less", c->err));
	if (total > 0 && src)
		TRY(co2__spread_add(res, "device power", CO2_STAGE_POWER, lo / total, hi / total,
		                    src->source, src->year, note, c->err));
	if (run->energy_kwh != CO2_UNSET || total <= 0)
		return CO2_OK;
	if (!any_memory && (any_cpu || host_share > 0 || !host_included))
		TRY(co2__assume(res, "memory", "not counted",
		                any_cpu ? "memory not given: its power is left out"
		                        : "accelerators alone: the host's CPUs and memory are left out; "
		                          "the range's high end allows for them", c->err));
	if (!any_cpu && !any_memory && host_share > 0) {
		const co2_constant *k = own_constant(c, "host_overhead_high");
		if (k)
			TRY(co2__spread_add(res, "host", CO2_STAGE_POWER, 1.0,
			                    1.0 + (k->value - 1.0) * host_share / total, k->source, k->year,
			                    "the host's CPUs, memory and fans, which the run leaves out",
			                    c->err));
	}
	return CO2_OK;
}

/* The spread of the grid's intensity, and the assumption of a yearly average. */
static co2_status spread_intensity(estimate_ctx *c)
{
	if (c->run->intensity_g_per_kwh != CO2_UNSET)
		return CO2_OK;
	char v[48], n[32];
	/* As the method used it (ML CO2 Impact rounds it to 10 g). */
	snprintf(v, sizeof v, "%s g/kWh", co2_format_double(n, co2_round(c->res->intensity_g_per_kwh, 2)));
	TRY(co2__assume(c->res, "intensity", v,
	                "a yearly average of the grid; the mix during the run's hours is not known",
	                c->err));
	const co2_constant *lo = own_constant(c, "intensity_spread_low");
	const co2_constant *hi = own_constant(c, "intensity_spread_high");
	if (!lo || !hi)
		return CO2_OK;
	return co2__spread_add(c->res, "carbon intensity", CO2_STAGE_INTENSITY, lo->value, hi->value,
	                       hi->source, hi->year, "the grid's figure from year to year and "
	                       "between sources", c->err);
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
	estimate_ctx c = { db, run, policy_of(run->method), NULL, NULL, NULL, NULL, res, err, 0, { NULL }, { NULL }, { { 0, 0, 0, NULL, NULL, 0 } } };
	TRY(resolve_edition(&c));
	for (size_t i = 0; i < run->n_devices; i++)
		TRY(resolve_device(db, run, c.edition, &run->devices[i], res, &c.hw[i], &c.inst[i], err));
	TRY(resolve_memory(&c));
	TRY(resolve_hosts(&c));
	TRY(resolve_place(&c));
	resolve_site(&c);
	double intensity = 0, pue = 1;
	TRY(resolve_intensity(&c, &intensity));
	TRY(resolve_pue(&c, &pue));
	TRY(compute_energy(&c, pue, intensity));
	TRY(spread_power(&c));
	TRY(spread_intensity(&c));
	co2__ranges_combine(res, run->energy_kwh != CO2_UNSET);
	TRY(co2__embodied(db, run, c.edition, c.hw, res, err));
	TRY(co2__market(db, res, err));
	resolve_offsets(&c);
	resolve_equivalents(&c);
	return CO2_OK;
}
