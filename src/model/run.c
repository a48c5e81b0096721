/* The declared run: its initialiser, its keys (shared by the command line, run specs
 * and what-ifs, so a flag and a spec key mean the same thing), the method names and
 * validation. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "model/model.h"

#define MAX_HOURS 1e6          /* 114 years of wall-clock time */
#define MAX_DEVICE_HOURS 1e10
#define MAX_COUNT 1e7
#define MAX_MEMORY_GB 1e8
#define MAX_ENERGY_KWH 1e12
#define MAX_INTENSITY 2000.0
#define MAX_PUE 10.0
#define MAX_REPEATS 1e6
#define MAX_LIFETIME_YEARS 50.0
#define MAX_EMBODIED_KG 1e6    /* per device: a whole rack is some tonnes */

/* A run of this library's layout with every field unset. */
static void run_defaults(co2_run *r)
{
	memset(r, 0, sizeof *r);
	r->version = CO2_RUN_VERSION;
	r->size = sizeof *r;
	r->hours = CO2_UNSET;
	r->memory_gb = CO2_UNSET;
	r->intensity_g_per_kwh = CO2_UNSET;
	r->pue = CO2_UNSET;
	r->repeats = CO2_UNSET;
	r->energy_kwh = CO2_UNSET;
	r->sockets = CO2_UNSET;
	r->method = CO2_METHOD_DEFAULT;
	r->lifetime_years = CO2_UNSET;
	r->use_share = CO2_UNSET;
	r->embodied_kg = CO2_UNSET;
}

void co2_run_init_v(co2_run *run, unsigned version, size_t size)
{
	/* Too small to hold even the version and size: nothing to write (validation will
	 * refuse the run). */
	if (!run || size < offsetof(co2_run, devices))
		return;
	co2_run r;
	run_defaults(&r);
	r.version = version;
	r.size = size;
	/* A newer header's fields past ours are zeroed; the version check refuses them. */
	memset(run, 0, size);
	memcpy(run, &r, size < sizeof r ? size : sizeof r);
}

co2_status co2__run_full(const co2_run **full, const co2_run *run, co2_run *scratch,
                         co2_error *err)
{
	co2_status st = co2__check_version(err, "run", "co2_run_init()", run->version, run->size,
	                                   CO2__OLDEST_VERSION, CO2_RUN_VERSION, CO2__RUN_V2_SIZE,
	                                   sizeof(co2_run));
	if (st != CO2_OK)
		return st;
	if (run->size >= sizeof *run) {
		*full = run;
		return CO2_OK;
	}
	co2__run_widen(scratch, run);
	*full = scratch;
	return CO2_OK;
}

void co2__run_widen(co2_run *full, const co2_run *run)
{
	run_defaults(full);
	memcpy(full, run, run->size < sizeof *full ? run->size : sizeof *full);
	full->version = CO2_RUN_VERSION;
	full->size = sizeof *full;
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

/* ---- validation ------------------------------------------------------------------ */

/* The smallest positive count, time, power, energy or share taken: below it a figure
 * means nothing physical, and products of such figures lose digits to underflow. */
#define MIN_POSITIVE 1e-9

static int bad(double v, double lo, double hi, int lo_open)
{
	return !isfinite(v) || v > hi || (lo_open ? v <= lo || v < MIN_POSITIVE : v < lo);
}

co2_status co2_run_validate(const co2_run *given, co2_error *err)
{
	co2_run scratch;
	const co2_run *run;
	co2_status st = co2__run_full(&run, given, &scratch, err);
	if (st != CO2_OK)
		return st;
	if (run->n_devices > CO2_MAX_DEVICES)
		return co2__fail_field(err, CO2_ERR_INVALID, "devices",
		                       "devices: %zu device groups, at most %d", run->n_devices,
		                       CO2_MAX_DEVICES);
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
	if (run->lifetime_years != CO2_UNSET && bad(run->lifetime_years, 0, MAX_LIFETIME_YEARS, 1))
		return co2__fail_field(err, CO2_ERR_INVALID, "lifetime-years",
		                       "lifetime-years: expected years above 0 and at most 50, got %g",
		                       run->lifetime_years);
	if (run->use_share != CO2_UNSET && bad(run->use_share, 0, 1, 1))
		return co2__fail_field(err, CO2_ERR_INVALID, "use-share",
		                       "use-share: expected a fraction in (0, 1] (at least 1e-9), got %g",
		                       run->use_share);
	if (run->embodied_kg != CO2_UNSET && bad(run->embodied_kg, 0, MAX_EMBODIED_KG, 0))
		return co2__fail_field(err, CO2_ERR_INVALID, "embodied-kg",
		                       "embodied-kg: expected kg CO2eq per device from 0 to 1e6, got %g",
		                       run->embodied_kg);
	if ((int)run->method < 0 || run->method > CO2_METHOD_GREEN_ALGORITHMS)
		return co2__fail_field(err, CO2_ERR_INVALID, "method", "method: unknown method %d",
		                       (int)run->method);
	if (run->sockets != CO2_UNSET && (bad(run->sockets, 1, 64, 0) ||
	                                  run->sockets != (double)(long)run->sockets))
		return co2__fail_field(err, CO2_ERR_INVALID, "sockets",
		                       "sockets: expected a whole number of CPU packages from 1 to 64, "
		                       "got %g", run->sockets);
	if ((int)run->site < 0 || run->site > CO2_SITE_DESKTOP)
		return co2__fail_field(err, CO2_ERR_INVALID, "site", "site: unknown site %d",
		                       (int)run->site);
	if (run->region && (run->site == CO2_SITE_DESKTOP || run->site == CO2_SITE_DATACENTER))
		return co2__fail_field(err, CO2_ERR_INVALID, "site",
		                       "site: %s contradicts the cloud region '%.60s'; a region means "
		                       "site cloud (drop the region and give a location instead)",
		                       co2_site_name(run->site), run->region);
	return CO2_OK;
}

/* ---- likely mistakes ------------------------------------------------------------ */

/* Below this a declared intensity is more likely kg/kWh than g/kWh: the yearly average
 * of a few grids is that low (Quebec, Iceland: the data holds them, and a location gives
 * them without a warning), a figure typed by hand rarely is. */
#define LOW_INTENSITY 5.0

void co2__warn_low_intensity(co2_warnings *w, const char *where, const char *field, double g)
{
	if (!w || g == CO2_UNSET || !isfinite(g) || !(g > 0 && g < LOW_INTENSITY))
		return;
	char as_given[32], as_g[32];
	co2_format_double(as_given, g);
	co2_format_double(as_g, co2__round_significant(g * 1000, 12));
	co2_error *e = co2__warn(w, field,
	                         "%s%s%s: %s g CO2eq/kWh is below 5: did you give kg/kWh? "
	                         "%s kg/kWh is %s g/kWh", where ? where : "", where ? ": " : "",
	                         field, as_given, as_given, as_g);
	co2__error_suggest(e, as_g);
}

void co2_run_warnings(co2_warnings *w, const co2_run *given)
{
	co2_run scratch;
	const co2_run *run;
	if (!w || !given || co2__run_full(&run, given, &scratch, NULL) != CO2_OK)
		return; /* validation says what is wrong with it */
	co2__warn_low_intensity(w, NULL, "intensity", run->intensity_g_per_kwh);
}

const char *co2_site_name(co2_site site)
{
	switch (site) {
	case CO2_SITE_CLOUD: return "cloud";
	case CO2_SITE_DATACENTER: return "datacenter";
	case CO2_SITE_DESKTOP: return "desktop";
	case CO2_SITE_AUTO: return "auto";
	default: return "unknown";
	}
}

co2_status co2_site_parse(co2_site *out, const char *name, co2_error *err)
{
	char key[64];
	co2__norm(key, sizeof key, name ? name : "");
	static const struct { const char *word; co2_site site; } words[] = {
		{ "cloud", CO2_SITE_CLOUD }, { "datacenter", CO2_SITE_DATACENTER },
		{ "datacentre", CO2_SITE_DATACENTER }, { "desktop", CO2_SITE_DESKTOP },
		{ "laptop", CO2_SITE_DESKTOP }, { "workstation", CO2_SITE_DESKTOP },
		{ "home", CO2_SITE_DESKTOP }, { "office", CO2_SITE_DESKTOP },
		{ "auto", CO2_SITE_AUTO },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(key, words[i].word) == 0) {
			*out = words[i].site;
			return CO2_OK;
		}
	return co2__fail_field(err, CO2_ERR_INVALID, "site",
	                       "site: expected cloud, datacenter or desktop, got '%.60s'",
	                       name ? name : "");
}

/* ---- keys ------------------------------------------------------------------------ */

typedef enum target { T_MAIN, T_CPU, T_RUN } target;
typedef enum vtype { V_STR, V_NUM, V_METHOD, V_SITE, V_FLAG } vtype;

typedef struct spec_key {
	const char *key;
	target where;
	vtype type;
} spec_key;

static const spec_key keys[] = {
	{ "hardware", T_MAIN, V_STR },
	{ "count", T_MAIN, V_NUM },
	{ "utilization", T_MAIN, V_NUM },
	{ "power", T_MAIN, V_NUM },
	{ "device_hours", T_MAIN, V_NUM },
	{ "cpu", T_CPU, V_STR },
	{ "cores", T_CPU, V_NUM },
	{ "cpu_utilization", T_CPU, V_NUM },
	{ "cpu_power", T_CPU, V_NUM },
	{ "hours", T_RUN, V_NUM },
	{ "memory", T_RUN, V_NUM },
	{ "region", T_RUN, V_STR },
	{ "location", T_RUN, V_STR },
	{ "intensity", T_RUN, V_NUM },
	{ "pue", T_RUN, V_NUM },
	{ "repeats", T_RUN, V_NUM },
	{ "energy", T_RUN, V_NUM },
	{ "method", T_RUN, V_METHOD },
	{ "edition", T_RUN, V_STR },
	{ "name", T_RUN, V_STR },
	{ "training_type", T_RUN, V_STR },
	{ "site", T_RUN, V_SITE },
	{ "devices_only", T_RUN, V_FLAG },
	{ "sockets", T_RUN, V_NUM },
	{ "lifetime_years", T_RUN, V_NUM },
	{ "use_share", T_RUN, V_NUM },
	{ "embodied_kg", T_RUN, V_NUM },
	{ "include_embodied", T_RUN, V_FLAG },
	{ NULL, T_RUN, V_STR }
};

int co2__run_known_key(const char *key_in)
{
	char key[64];
	size_t n = 0;
	for (const char *p = key_in; *p && n + 1 < sizeof key; p++)
		key[n++] = *p == '-' ? '_' : *p;
	key[n] = '\0';
	for (const spec_key *k = keys; k->key; k++)
		if (strcmp(k->key, key) == 0)
			return 1;
	return 0;
}

/* Keys of one entry of `devices:` in a spec file. */
static const char *const device_keys[] = { "hardware", "count", "utilization", "power",
	"device_hours", "kind", NULL };

static const char *nearest(const char *key, const char *const *list, size_t stride)
{
	/* Close enough to be a typo: at most 3 edits, and fewer edits than letters. */
	size_t len = strlen(key);
	return len ? co2_closest_name(key, list, stride, len - 1 < 3 ? len - 1 : 3) : NULL;
}

/* Words people use for a key, which the edit distance would miss or send elsewhere
 * ("gpu" is one edit from "cpu"). */
static const char *const synonyms[][2] = {
	{ "gpu", "hardware" }, { "gpus", "hardware" }, { "tpu", "hardware" },
	{ "accelerator", "hardware" }, { "device", "hardware" }, { "chip", "hardware" },
	{ "model", "hardware" }, { "num_gpus", "count" }, { "n_gpus", "count" },
	{ "gpu_count", "count" }, { "devices_count", "count" }, { "duration", "hours" },
	{ "time", "hours" }, { "hours_used", "hours" }, { "country", "location" },
	{ "grid", "location" }, { "carbon_intensity", "intensity" },
	{ "intensity_g_per_kwh", "intensity" }, { "energy_kwh", "energy" },
	{ "memory_gb", "memory" }, { "ram", "memory" }, { "power_w", "power" }, { "tdp", "power" },
	{ "lifetime", "lifetime_years" }, { "service_life", "lifetime_years" },
	{ "embodied", "embodied_kg" }, { "manufacturing_kg", "embodied_kg" },
};

const char *co2_run_key_synonym(const char *word)
{
	char key[32];
	size_t n = 0;
	if (!word)
		return NULL;
	for (const char *p = word; *p; p++) {
		if (n + 1 >= sizeof key)
			return NULL; /* longer than any synonym */
		key[n++] = *p == '-' ? '_' : *p;
	}
	key[n] = '\0';
	for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
		if (strcmp(key, synonyms[i][0]) == 0)
			return synonyms[i][1];
	return NULL;
}

static const char *synonym(const char *key, const char *const *list, size_t stride)
{
	const char *means = co2_run_key_synonym(key);
	if (!means)
		return NULL;
	for (const char *const *k = list; *k; k = (const char *const *)((const char *)k + stride))
		if (strcmp(*k, means) == 0)
			return *k;
	return NULL;
}

static co2_status unknown_key(co2_error *err, const char *key, const char *const *list,
                              size_t stride)
{
	const char *near = synonym(key, list, stride);
	if (!near)
		near = nearest(key, list, stride);
	if (near) {
		co2__fail_field(err, CO2_ERR_INVALID, key, "unknown key '%.60s'; did you mean '%s'?",
		                key, near);
		co2__error_suggest(err, near);
		return CO2_ERR_INVALID;
	}
	return co2__fail_field(err, CO2_ERR_INVALID, key, "unknown key '%.60s'", key);
}

static co2_device *device_for(co2_run *run, co2_role role, co2_error *err)
{
	for (size_t i = 0; i < run->n_devices; i++)
		if (run->devices[i].role == role)
			return &run->devices[i];
	if (co2_run_add_device(run, NULL, CO2_UNSET, CO2_UNSET) != CO2_OK) {
		co2__fail(err, CO2_ERR_INVALID, "too many device groups (at most %d)", CO2_MAX_DEVICES);
		return NULL;
	}
	run->devices[run->n_devices - 1].role = role;
	return &run->devices[run->n_devices - 1];
}

co2_status co2_run_set(co2_run *run, const char *key_in, const char *value, co2_error *err)
{
	char key[64];
	size_t n = 0;
	for (const char *p = key_in; *p && n + 1 < sizeof key; p++)
		key[n++] = *p == '-' ? '_' : *p;
	key[n] = '\0';
	const spec_key *k;
	for (k = keys; k->key; k++)
		if (strcmp(k->key, key) == 0)
			break;
	if (!k->key)
		return unknown_key(err, key_in, &keys[0].key, sizeof keys[0]);
	const char *field = k->key;
	double num = 0;
	if (k->type == V_NUM) {
		/* Times also as durations ("3d", "2d12h", "3-00:00:00"). */
		if (strcmp(field, "hours") == 0 || strcmp(field, "device_hours") == 0) {
			co2_status st = co2_parse_duration_hours(&num, value, field, err);
			if (st != CO2_OK)
				return st;
		} else if (co2_parse_double(&num, value, field, err) != CO2_OK) {
			return CO2_ERR_INVALID;
		}
		/* No field takes a negative value (and -1 would read as CO2_UNSET). */
		if (num < 0)
			return co2__fail_field(err, CO2_ERR_INVALID, field,
			                       "%s: must not be negative, got %.60s", field, value);
	} else if (k->type == V_FLAG) {
		/* A flag without a value (--include-embodied) means true. */
		static const char *const yes[] = { "true", "yes", "on", "1", NULL };
		static const char *const no[] = { "false", "no", "off", "0", NULL };
		num = -1;
		for (size_t i = 0; yes[i] && value && num < 0; i++)
			num = strcmp(value, yes[i]) == 0 ? 1 : strcmp(value, no[i]) == 0 ? 0 : -1;
		if (!value)
			num = 1;
		if (num < 0)
			return co2__fail_field(err, CO2_ERR_INVALID, field,
			                       "%s: expected true or false, got '%.60s'", field, value);
	} else if (!value || !*value) {
		return co2__fail_field(err, CO2_ERR_INVALID, field, "%s: expected a non-empty value",
		                       field);
	} else if (strlen(value) > 4096) {
		return co2__fail_field(err, CO2_ERR_INVALID, field,
		                       "%s: value longer than 4096 characters", field);
	}
	if (k->where != T_RUN) {
		co2_device *d = device_for(run, k->where == T_CPU ? CO2_ROLE_CPU : CO2_ROLE_ACCELERATOR, err);
		if (!d)
			return CO2_ERR_INVALID;
		if (strcmp(field, "hardware") == 0 || strcmp(field, "cpu") == 0)
			d->name = value;
		else if (strcmp(field, "count") == 0 || strcmp(field, "cores") == 0)
			d->count = num;
		else if (strcmp(field, "utilization") == 0 || strcmp(field, "cpu_utilization") == 0)
			d->utilization = num;
		else if (strcmp(field, "power") == 0 || strcmp(field, "cpu_power") == 0)
			d->power_w = num;
		else
			d->device_hours = num;
		return CO2_OK;
	}
	if (strcmp(field, "hours") == 0) run->hours = num;
	else if (strcmp(field, "memory") == 0) run->memory_gb = num;
	else if (strcmp(field, "region") == 0) run->region = value;
	else if (strcmp(field, "location") == 0) run->location = value;
	else if (strcmp(field, "intensity") == 0) run->intensity_g_per_kwh = num;
	else if (strcmp(field, "pue") == 0) run->pue = num;
	else if (strcmp(field, "repeats") == 0) run->repeats = num;
	else if (strcmp(field, "energy") == 0) run->energy_kwh = num;
	else if (strcmp(field, "method") == 0) return co2_method_parse(&run->method, value, err);
	else if (strcmp(field, "edition") == 0) run->edition = value;
	else if (strcmp(field, "name") == 0) run->name = value;
	else if (strcmp(field, "site") == 0) {
		/* A run of an older header (version 2) ends before its site. */
		if (run->size < offsetof(co2_run, site) + sizeof run->site)
			return co2__fail_field(err, CO2_ERR_INVALID, "site",
			                       "site: this run was built against co2calc headers without "
			                       "it (version %u); rebuild against the installed headers",
			                       run->version);
		return co2_site_parse(&run->site, value, err);
	}
	else if (strcmp(field, "devices_only") == 0) {
		/* A run of an older header (version 3 or before) ends before it. */
		if (run->size < offsetof(co2_run, devices_only) + sizeof run->devices_only)
			return co2__fail_field(err, CO2_ERR_INVALID, "devices-only",
			                       "devices-only: this run was built against co2calc headers "
			                       "without it (version %u); rebuild against the installed "
			                       "headers", run->version);
		run->devices_only = num != 0;
	}
	else if (strcmp(field, "sockets") == 0) {
		if (run->size < offsetof(co2_run, sockets) + sizeof run->sockets)
			return co2__fail_field(err, CO2_ERR_INVALID, "sockets",
			                       "sockets: this run was built against co2calc headers "
			                       "without it (version %u); rebuild against the installed "
			                       "headers", run->version);
		if (num < 1 || num > 64 || num != (double)(long)num)
			return co2__fail_field(err, CO2_ERR_INVALID, "sockets",
			                       "sockets: expected a whole number of CPU packages from 1 to "
			                       "64, got %.60s", value);
		run->sockets = num;
	}
	else if (strcmp(field, "lifetime_years") == 0 || strcmp(field, "use_share") == 0 ||
	         strcmp(field, "embodied_kg") == 0 || strcmp(field, "include_embodied") == 0) {
		/* A run of an older header (versions 2 and 3) ends before these. */
		if (run->size < offsetof(co2_run, include_embodied) + sizeof run->include_embodied)
			return co2__fail_field(err, CO2_ERR_INVALID, field,
			                       "%s: this run was built against co2calc headers without "
			                       "it (version %u); rebuild against the installed headers",
			                       field, run->version);
		if (strcmp(field, "lifetime_years") == 0) run->lifetime_years = num;
		else if (strcmp(field, "use_share") == 0) run->use_share = num;
		else if (strcmp(field, "embodied_kg") == 0) run->embodied_kg = num;
		else run->include_embodied = num > 0;
	}
	else run->training_type = value;
	return CO2_OK;
}

/* Set one key of a `devices:` entry. */
co2_status co2__run_device_set(co2_device *d, const char *key_in, const char *value, co2_error *err)
{
	char key[64];
	size_t n = 0;
	for (const char *p = key_in; *p && n + 1 < sizeof key; p++)
		key[n++] = *p == '-' ? '_' : *p;
	key[n] = '\0';
	double num = 0;
	int is_num = strcmp(key, "hardware") != 0 && strcmp(key, "kind") != 0;
	int known = 0;
	for (size_t i = 0; device_keys[i]; i++)
		known |= strcmp(device_keys[i], key) == 0;
	if (!known)
		return unknown_key(err, key_in, device_keys, sizeof device_keys[0]);
	char hint[192];
	if (is_num && strcmp(key, "device_hours") == 0) {
		co2_status st = co2_parse_duration_hours(&num, value, key, err);
		if (st != CO2_OK)
			return st;
	} else if (is_num && (!value || !co2__strtod_grouped(value, &num))) {
		return co2__fail_field(err, CO2_ERR_INVALID, key,
		                       "%s: expected a finite number, got '%.60s'%s", key,
		                       value ? value : "", co2__number_hint(hint, value));
	}
	if (is_num && num < 0)
		return co2__fail_field(err, CO2_ERR_INVALID, key, "%s: must not be negative, got %.60s",
		                       key, value);
	if (!is_num && (!value || !*value))
		return co2__fail_field(err, CO2_ERR_INVALID, key, "%s: expected a non-empty value", key);
	if (strcmp(key, "hardware") == 0) d->name = value;
	else if (strcmp(key, "kind") == 0) {
		if (strcmp(value, "cpu") == 0) d->role = CO2_ROLE_CPU;
		else if (strcmp(value, "accelerator") == 0 || strcmp(value, "gpu") == 0) d->role = CO2_ROLE_ACCELERATOR;
		else return co2__fail_field(err, CO2_ERR_INVALID, "kind",
		                            "kind: expected cpu or accelerator, got '%.60s'", value);
	}
	else if (strcmp(key, "count") == 0) d->count = num;
	else if (strcmp(key, "utilization") == 0) d->utilization = num;
	else if (strcmp(key, "power") == 0) d->power_w = num;
	else d->device_hours = num;
	return CO2_OK;
}

co2_status co2__run_unknown_key(co2_error *err, const char *key)
{
	return unknown_key(err, key, &keys[0].key, sizeof keys[0]);
}
