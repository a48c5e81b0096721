/* Embodied carbon: the manufacturing emissions of the hardware a run used, spread over
 * the hardware's service life by the share of it the run took. Reported beside the
 * operational figure (co2_kg) and never added to it.
 *
 *   kg = sum over device groups of (unit_kg + host_kg x hosts_per_unit) x unit_hours
 *        / (lifetime_years x 8760 h x use_share)
 *
 * unit_hours are device-hours (core-hours for a CPU group, instance-hours for a cloud
 * instance type with a whole-host figure), repeats included. The figures are constants
 * of the co2calc edition (data/co2calc/embodied.yaml), whatever the method: a method's
 * own tables have none. Pure: no I/O, no allocation. */
#include <stdio.h>
#include <string.h>

#include "model/model.h"
#include "data/db_internal.h"

#define HOURS_PER_YEAR 8760.0

#define TRY_EMB(expr)                              \
	do {                                       \
		co2_status st_ = (expr);           \
		if (st_ != CO2_OK)                 \
			return st_;                \
	} while (0)

typedef struct embodied_ctx {
	const co2_db *db;
	const co2_run *run;
	const char *edition;
	co2_result *res;
	co2_error *err;
	int any_data;          /* a figure came from the data: its spread applies */
	double generic_kg;     /* the generic accelerator figure, when it stood in */
	int not_counted;       /* a group had no figure at all */
	int any_accelerator;   /* an accelerator group (its host holds the CPUs and memory) */
} embodied_ctx;

static const co2_constant *konst(const embodied_ctx *c, const char *name)
{
	return co2_db_constant(c->db, CO2_EDITION_DEFAULT, name);
}

/* "PREFIX:NAME" in the co2calc edition, or NULL. */
static const co2_constant *named(const embodied_ctx *c, const char *prefix, const char *name)
{
	char key[320];
	if ((size_t)snprintf(key, sizeof key, "%s:%s", prefix, name) >= sizeof key)
		return NULL;
	return konst(c, key);
}

/* The device's own manufacturing figure: embodied_kg:NAME of its co2calc entry (a
 * method's edition names the chip its own way: the co2calc entry it finds is used). */
static const co2_constant *device_figure(const embodied_ctx *c, const co2_hardware *hw)
{
	const co2_hardware *own = hw;
	/* Spelled the same only: a fuzzy lookup per run would cost more than the estimate. */
	if (strcmp(hw->edition, CO2_EDITION_DEFAULT) != 0 &&
	    !(own = co2__hardware_exact(c->db, CO2_EDITION_DEFAULT, hw->name)))
		return NULL;
	return named(c, "embodied_kg", own->name);
}

/* The device group was named as a cloud instance type (not a chip or a TPU slice). */
static const co2_instance *instance_of(const embodied_ctx *c, const co2_device *d)
{
	const co2_hardware *hw;
	const co2_instance *inst;
	co2_tpu_slice slice;
	if (!d->name || d->role == CO2_ROLE_CPU ||
	    co2_db_find_hardware(&hw, c->db, c->edition, d->name, NULL) == CO2_OK ||
	    co2_db_find_tpu_slice(&slice, c->db, c->edition, d->name, NULL) == CO2_OK ||
	    co2_db_find_instance(&inst, c->db, c->edition, d->name, NULL) != CO2_OK)
		return NULL;
	return inst;
}

static void set_unit(co2_embodied_part *ep, double kg, const co2_constant *k)
{
	ep->unit_kg = kg;
	ep->unit_source = k ? k->source : NULL;
	ep->unit_year = k ? k->year : 0;
}

static void set_host(co2_embodied_part *ep, const co2_constant *k, double hosts_per_unit)
{
	ep->host_kg = k->value;
	ep->hosts_per_unit = hosts_per_unit;
	ep->host_source = k->source;
	ep->host_year = k->year;
}

/* A desktop, workstation or laptop around the devices: one machine for the group. */
static int desktop_host(const embodied_ctx *c, co2_embodied_part *ep, double units)
{
	const co2_constant *k = konst(c, "embodied_desktop_kg");
	if (!k || !(units > 0))
		return 0;
	set_host(ep, k, 1.0 / units);
	return 1;
}

/* A group of CPU cores: their share of a server (or of the desktop). 0 when it cannot be
 * counted; -1 when the accelerators' host already holds it. */
static int cpu_figures(embodied_ctx *c, const co2_part *p, const co2_hardware *hw,
                       co2_embodied_part *ep)
{
	ep->unit = "core";
	if (c->any_accelerator)
		return -1;
	if (c->res->site == CO2_SITE_DESKTOP)
		return desktop_host(c, ep, p->count);
	const co2_constant *k = konst(c, "embodied_cpu_host_kg");
	const co2_constant *s = konst(c, "embodied_cpu_host_sockets");
	if (!k || !s || !hw || hw->cores <= 0 || !(s->value > 0))
		return 0;
	set_host(ep, k, 1.0 / (hw->cores * s->value));
	c->any_data = 1;
	return 1;
}

/* A group of accelerators: the device's figure (its own, or the generic one) and its
 * share of the host. */
static int accelerator_figures(embodied_ctx *c, const co2_part *p, const co2_hardware *hw,
                               co2_embodied_part *ep)
{
	ep->unit = "device";
	if (!hw)
		return 0;
	if (strcmp(hw->kind, "soc") == 0) {
		/* An Apple M-series and the like: the chip is the computer. */
		const co2_constant *k = konst(c, "embodied_desktop_kg");
		if (!k)
			return 0;
		set_unit(ep, k->value, k);
		c->any_data = 1;
		return 1;
	}
	const co2_constant *k = device_figure(c, hw);
	if (!k) {
		k = konst(c, "embodied_accelerator_kg");
		if (!k)
			return 0;
		c->generic_kg = k->value;
	}
	set_unit(ep, k->value, k);
	c->any_data = 1;
	if (c->res->site == CO2_SITE_DESKTOP) {
		desktop_host(c, ep, p->count);
		return 1;
	}
	const co2_constant *h = konst(c, "embodied_host_kg");
	const co2_constant *n = konst(c, "embodied_host_devices");
	if (h && n && n->value > 0)
		set_host(ep, h, 1.0 / n->value);
	return 1;
}

/* A cloud instance type with a figure for its whole host (Cloud Carbon Footprint's): the
 * instance's share of the host is its vCPUs over the host's. */
static int instance_figures(embodied_ctx *c, const co2_part *p, const co2_instance *inst,
                            co2_embodied_part *ep)
{
	const co2_constant *k = named(c, "embodied_instance_kg", inst->id);
	if (!k || inst->vcpus <= 0 || inst->host_vcpus <= 0 || !(inst->count > 0))
		return 0;
	ep->label = inst->id;
	ep->unit = "instance";
	ep->unit_hours = p->device_hours / inst->count * c->res->repeats;
	set_host(ep, k, (double)inst->vcpus / inst->host_vcpus);
	c->any_data = 1;
	return 1;
}

/* The lifetime or use share: declared, else the data's. 0 when neither. */
static int setting(const embodied_ctx *c, double declared, const char *name, double *value,
                   const char **source, int *year)
{
	if (declared != CO2_UNSET) {
		*value = declared;
		*source = "declared by the user";
		*year = 0;
		return 1;
	}
	const co2_constant *k = konst(c, name);
	if (!k || !(k->value > 0))
		return 0;
	*value = k->value;
	*source = k->source;
	*year = k->year;
	return 1;
}

/* A spread of the embodied figure from two constants; as multipliers (relative) or as
 * figures x whose multiplier is central / x (inverse: a longer life, a higher share
 * give a smaller figure). */
static co2_status embodied_spread(embodied_ctx *c, const char *factor, const char *lo_name,
                                  const char *hi_name, double central, const char *note)
{
	const co2_constant *lo = konst(c, lo_name), *hi = konst(c, hi_name);
	if (!lo || !hi || !(lo->value > 0) || !(hi->value > 0))
		return CO2_OK;
	double low = central > 0 ? central / hi->value : lo->value;
	double high = central > 0 ? central / lo->value : hi->value;
	low = low > 1 ? 1 : low;
	high = high < 1 ? 1 : high;
	/* The source of the end that widens the figure most. */
	const co2_constant *src = central > 0 ? lo : hi;
	return co2__spread_add(c->res, factor, CO2_STAGE_EMBODIED, low, high, src->source,
	                       src->year, note, c->err);
}

co2_status co2__embodied(const co2_db *db, const co2_run *run, const char *edition,
                         const co2_hardware *const *hw, co2_result *res, co2_error *err)
{
	embodied_ctx c = { db, run, edition, res, err, 0, 0, 0, 0 };
	res->embodied_kg = CO2_UNSET;
	res->embodied_range_kg = (co2_range){ CO2_UNSET, CO2_UNSET, CO2_UNSET };
	res->n_embodied_parts = 0;
	double life, share;
	if (!setting(&c, run->lifetime_years, "embodied_lifetime_years", &life,
	             &res->lifetime_source, &res->lifetime_year) ||
	    !setting(&c, run->use_share, "embodied_use_share", &share, &res->use_share_source,
	             &res->use_share_year))
		return CO2_OK; /* the data has no embodied figures */
	res->lifetime_years = life;
	res->use_share = share;
	double hours = life * HOURS_PER_YEAR * share;
	for (size_t i = 0; i < run->n_devices && i < res->n_parts; i++)
		c.any_accelerator |= res->parts[i].kind == CO2_PART_DEVICE;
	double total = 0;
	for (size_t i = 0; i < run->n_devices && i < res->n_parts; i++) {
		const co2_part *p = &res->parts[i];
		if (!(p->device_hours > 0))
			continue;
		co2_embodied_part ep;
		memset(&ep, 0, sizeof ep);
		ep.label = p->label;
		ep.unit_hours = p->device_hours * res->repeats;
		int cpu = p->kind == CO2_PART_CPU;
		const co2_instance *inst = cpu ? NULL : instance_of(&c, &run->devices[i]);
		int got;
		if (run->embodied_kg != CO2_UNSET) {
			ep.unit = cpu ? "core" : "device";
			ep.unit_kg = run->embodied_kg;
			ep.unit_source = "declared by the user";
			got = 1;
		} else if (inst && res->site != CO2_SITE_DESKTOP && instance_figures(&c, p, inst, &ep)) {
			got = 1;
		} else if (cpu) {
			got = cpu_figures(&c, p, hw[i], &ep);
		} else {
			got = accelerator_figures(&c, p, hw[i], &ep);
		}
		if (got < 0)
			continue; /* in the accelerators' host */
		if (!got) {
			c.not_counted = 1;
			continue;
		}
		ep.kg = (ep.unit_kg + ep.host_kg * ep.hosts_per_unit) * ep.unit_hours / hours;
		res->embodied_parts[res->n_embodied_parts++] = ep;
		total += ep.kg;
	}
	if (!res->n_embodied_parts)
		return CO2_OK;
	res->embodied_kg = total;
	char v[48], n[32];
	if (run->lifetime_years == CO2_UNSET) {
		snprintf(v, sizeof v, "%s years", co2_format_double(n, life));
		TRY_EMB(co2__assume(res, "lifetime", v,
		                    "not given: the service life of data-centre hardware in the data "
		                    "(its source under --explain); the range allows a shorter one", err));
	}
	if (run->use_share == CO2_UNSET)
		TRY_EMB(co2__assume(res, "use_share", co2_format_double(n, share),
		                    "not given: the share of its life the hardware is in use, as one "
		                    "cluster reported it; a desktop is often used less (--use-share)", err));
	if (c.generic_kg > 0) {
		snprintf(v, sizeof v, "%s kg per device", co2_format_double(n, c.generic_kg));
		TRY_EMB(co2__assume(res, "embodied", v,
		                    "no manufacturing figure for this device in the data: a data-centre "
		                    "GPU's stands in (--explain gives its source; --embodied-kg sets one)",
		                    err));
	}
	if (c.not_counted)
		TRY_EMB(co2__assume(res, "embodied", "not counted",
		                    "a device given by its power alone, or a CPU whose core count the "
		                    "data lacks, has no manufacturing figure (--embodied-kg sets one)",
		                    err));
	if (c.any_data)
		TRY_EMB(embodied_spread(&c, "manufacturing", "embodied_factor_low",
		                        "embodied_factor_high", 0,
		                        "a life-cycle figure: its uncertainty and the spread between "
		                        "published figures"));
	if (run->lifetime_years == CO2_UNSET)
		TRY_EMB(embodied_spread(&c, "lifetime", "embodied_lifetime_years_low",
		                        "embodied_lifetime_years_high", life,
		                        "a shorter service life gives each hour a larger share"));
	if (run->use_share == CO2_UNSET)
		TRY_EMB(embodied_spread(&c, "use share", "embodied_use_share_low",
		                        "embodied_use_share_high", share,
		                        "hardware idle part of its life gives each used hour a larger "
		                        "share"));
	co2__embodied_range(res);
	return CO2_OK;
}
