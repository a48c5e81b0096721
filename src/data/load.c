/* Loading YAML data files into the database (libyaml document API).
 *
 * A buffer is parsed and checked completely into staging vectors first, then
 * committed: a file with an error changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "data/db_internal.h"

#if !CO2_HAVE_YAML
co2_status co2_db_load_buffer(co2_db *db, const char *name, const char *buf, size_t len,
                              co2_error *err)
{
	(void)db, (void)buf, (void)len;
	return co2__unsupported(err, name ? name : "<buffer>", "a data file", 0);
}
#else
#include <yaml.h>

#include "base/yaml_util.h"

#define SCHEMA_MAJOR 1

typedef enum ftype { F_STR, F_NUM, F_INT, F_BOOL, F_LIST } ftype;

#define REQ 1u

typedef struct field {
	const char *key;
	ftype type;
	size_t off;
	unsigned flags;
	size_t count_off; /* F_LIST: where the count goes */
} field;

#define FS(T, k, m, fl) { k, F_STR, offsetof(T, m), fl, 0 }
#define FN(T, k, m, fl) { k, F_NUM, offsetof(T, m), fl, 0 }
#define FI(T, k, m, fl) { k, F_INT, offsetof(T, m), fl, 0 }
#define FB(T, k, m, fl) { k, F_BOOL, offsetof(T, m), fl, 0 }
#define FL(T, k, m, c) { k, F_LIST, offsetof(T, m), 0, offsetof(T, c) }

static const field hw_fields[] = {
	FS(co2_hardware, "name", name, REQ), FS(co2_hardware, "kind", kind, REQ),
	FN(co2_hardware, "power_w", power_w, REQ), FS(co2_hardware, "power_type", power_type, 0),
	FN(co2_hardware, "power_max_w", power_max_w, 0),
	FI(co2_hardware, "cores", cores, 0), FI(co2_hardware, "threads", threads, 0),
	FN(co2_hardware, "power_per_core_w", power_per_core_w, 0),
	FN(co2_hardware, "memory_gb", memory_gb, 0),
	FL(co2_hardware, "aliases", aliases, n_aliases),
	FS(co2_hardware, "source", source, REQ), FI(co2_hardware, "year", year, REQ),
	FS(co2_hardware, "note", note, 0), FB(co2_hardware, "uncertain", uncertain, 0),
	{ NULL, F_STR, 0, 0, 0 }
};
static const field provider_fields[] = {
	FS(co2_provider, "id", id, REQ), FS(co2_provider, "name", name, REQ),
	FN(co2_provider, "pue", pue, 0), FS(co2_provider, "pue_source", pue_source, 0),
	FI(co2_provider, "pue_year", pue_year, 0),
	FN(co2_provider, "offset_percent", offset_percent, 0),
	FS(co2_provider, "source", source, REQ), FI(co2_provider, "year", year, REQ),
	FN(co2_provider, "pue_low", pue_low, 0), FN(co2_provider, "pue_high", pue_high, 0),
	FN(co2_provider, "renewable_match_percent", renewable_match_percent, 0),
	FS(co2_provider, "renewable_match_source", renewable_match_source, 0),
	FI(co2_provider, "renewable_match_year", renewable_match_year, 0),
	{ NULL, F_STR, 0, 0, 0 }
};
static const field region_fields[] = {
	FS(co2_region, "id", id, REQ), FS(co2_region, "name", name, 0),
	FS(co2_region, "location", location, 0),
	FN(co2_region, "intensity_g_per_kwh", intensity_g_per_kwh, 0),
	FN(co2_region, "pue", pue, 0), FS(co2_region, "pue_source", pue_source, 0),
	FI(co2_region, "pue_year", pue_year, 0),
	FN(co2_region, "offset_percent", offset_percent, 0),
	FL(co2_region, "aliases", aliases, n_aliases),
	FS(co2_region, "source", source, REQ), FI(co2_region, "year", year, REQ),
	FN(co2_region, "pue_low", pue_low, 0), FN(co2_region, "pue_high", pue_high, 0),
	FN(co2_region, "cfe_percent", cfe_percent, 0), FS(co2_region, "cfe_source", cfe_source, 0),
	FI(co2_region, "cfe_year", cfe_year, 0),
	{ NULL, F_STR, 0, 0, 0 }
};
static const field location_fields[] = {
	FS(co2_location, "code", code, REQ), FS(co2_location, "name", name, REQ),
	FN(co2_location, "intensity_g_per_kwh", intensity_g_per_kwh, REQ),
	FL(co2_location, "aliases", aliases, n_aliases),
	FS(co2_location, "source", source, REQ), FI(co2_location, "year", year, REQ),
	FN(co2_location, "previous_intensity_g_per_kwh", previous_intensity_g_per_kwh, 0),
	FI(co2_location, "previous_year", previous_year, 0),
	FS(co2_location, "previous_source", previous_source, 0),
	{ NULL, F_STR, 0, 0, 0 }
};
static const field instance_fields[] = {
	FS(co2_instance, "id", id, REQ), FS(co2_instance, "hardware", hardware, REQ),
	FN(co2_instance, "count", count, REQ),
	FS(co2_instance, "source", source, REQ), FI(co2_instance, "year", year, REQ),
	FI(co2_instance, "vcpus", vcpus, 0), FN(co2_instance, "memory_gb", memory_gb, 0),
	FS(co2_instance, "host_cpu", host_cpu, 0), FI(co2_instance, "host_vcpus", host_vcpus, 0),
	FN(co2_instance, "package_w_idle", package_w_idle, 0),
	FN(co2_instance, "package_w_10", package_w_10, 0),
	FN(co2_instance, "package_w_50", package_w_50, 0),
	FN(co2_instance, "package_w_100", package_w_100, 0),
	FN(co2_instance, "ram_w_idle", ram_w_idle, 0), FN(co2_instance, "ram_w_10", ram_w_10, 0),
	FN(co2_instance, "ram_w_50", ram_w_50, 0), FN(co2_instance, "ram_w_100", ram_w_100, 0),
	FS(co2_instance, "watts_source", watts_source, 0),
	FI(co2_instance, "watts_year", watts_year, 0), FS(co2_instance, "note", note, 0),
	{ NULL, F_STR, 0, 0, 0 }
};
static const field constant_fields[] = {
	FS(co2_constant, "name", name, REQ), FN(co2_constant, "value", value, REQ),
	FS(co2_constant, "unit", unit, REQ),
	FS(co2_constant, "source", source, REQ), FI(co2_constant, "year", year, REQ),
	{ NULL, F_STR, 0, 0, 0 }
};
static const field equivalent_fields[] = {
	FS(co2_equivalent_def, "id", id, REQ), FS(co2_equivalent_def, "label", label, REQ),
	FS(co2_equivalent_def, "unit", unit, REQ),
	FN(co2_equivalent_def, "kg_per_unit", kg_per_unit, REQ),
	FI(co2_equivalent_def, "decimals", decimals, 0),
	FI(co2_equivalent_def, "significant", significant, 0),
	FS(co2_equivalent_def, "source", source, REQ), FI(co2_equivalent_def, "year", year, REQ),
	FS(co2_equivalent_def, "note", note, 0),
	{ NULL, F_STR, 0, 0, 0 }
};

typedef struct section {
	const char *key;
	int kind;
	const field *fields;
} section;

static const section sections[] = {
	{ "hardware", K_HARDWARE, hw_fields },
	{ "providers", K_PROVIDER, provider_fields },
	{ "regions", K_REGION, region_fields },
	{ "locations", K_LOCATION, location_fields },
	{ "instances", K_INSTANCE, instance_fields },
	{ "constants", K_CONSTANT, constant_fields },
	{ "equivalents", K_EQUIVALENT, equivalent_fields },
	{ NULL, 0, NULL }
};

static const char *const header_keys[] = { "schema", "edition", "edition_date", "title",
	"source", "year", "license", NULL };

typedef struct loader {
	co2_db *db;
	yaml_document_t doc;
	const char *file;   /* arena copy of the buffer's name */
	co2_error *err;
	co2__vec staged[K_COUNT];
	int this_year;
} loader;

static co2_status fail_at(loader *L, yaml_node_t *node, const char *fname, co2_status st,
                          const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static co2_status fail_at(loader *L, yaml_node_t *node, const char *fname, co2_status st,
                          const char *fmt, ...)
{
	if (L->err) {
		char msg[600];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		int line, col;
		co2__yaml_position(node, &line, &col);
		co2__fail_field(L->err, st, fname, "%s:%d:%d: %s", L->file, line, col, msg);
		co2__error_at(L->err, L->file, line, col);
	}
	return st;
}

/* A mapping whose keys are plain scalars, each once. */
static co2_status check_mapping(loader *L, yaml_node_t *node, const char *what)
{
	yaml_node_t *at;
	switch (co2__yaml_check_mapping(&L->doc, node, &at)) {
	case CO2__YMAP_OK:
		return CO2_OK;
	case CO2__YMAP_NOT_A_MAPPING:
		return fail_at(L, at, what, CO2_ERR_PARSE, "%s: expected a mapping of key: value", what);
	case CO2__YMAP_KEY_NOT_SCALAR:
		return fail_at(L, at, what, CO2_ERR_PARSE, "%s: keys must be plain words", what);
	case CO2__YMAP_KEY_REPEATED:
		break;
	}
	return fail_at(L, at, co2__yaml_scalar(at), CO2_ERR_PARSE, "duplicate key '%s' in %s",
	               co2__yaml_scalar(at), what);
}

static co2_status set_field(loader *L, const field *f, void *obj, yaml_node_t *v,
                            const char *where)
{
	char *base = obj;
	if (f->type == F_LIST) {
		if (v->type != YAML_SEQUENCE_NODE)
			return fail_at(L, v, f->key, CO2_ERR_PARSE, "%s: %s: expected a list of names",
			               where, f->key);
		size_t n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
		const char **list = co2__arena_alloc(L->db, (n ? n : 1) * sizeof *list);
		if (!list)
			return fail_at(L, v, f->key, CO2_ERR_NOMEM, "out of memory");
		for (size_t i = 0; i < n; i++) {
			yaml_node_t *it = yaml_document_get_node(&L->doc, v->data.sequence.items.start[i]);
			if (!co2__yaml_scalar(it) || !*co2__yaml_scalar(it))
				return fail_at(L, it, f->key, CO2_ERR_PARSE,
				               "%s: %s: each alias must be a non-empty string", where, f->key);
			list[i] = co2__arena_strdup(L->db, co2__yaml_scalar(it));
			if (!list[i])
				return fail_at(L, v, f->key, CO2_ERR_NOMEM, "out of memory");
		}
		*(const char *const **)(base + f->off) = list;
		*(size_t *)(base + f->count_off) = n;
		return CO2_OK;
	}
	const char *s = co2__yaml_scalar(v);
	if (!s)
		return fail_at(L, v, f->key, CO2_ERR_PARSE, "%s: %s: expected a single value", where,
		               f->key);
	switch (f->type) {
	case F_STR:
		if (!*s)
			return fail_at(L, v, f->key, CO2_ERR_INVALID, "%s: %s: must not be empty", where,
			               f->key);
		*(const char **)(base + f->off) = co2__arena_strdup(L->db, s);
		if (!*(const char **)(base + f->off))
			return fail_at(L, v, f->key, CO2_ERR_NOMEM, "out of memory");
		return CO2_OK;
	case F_NUM: {
		double d;
		if (!co2__strtod(s, &d))
			return fail_at(L, v, f->key, CO2_ERR_INVALID,
			               "%s: %s: expected a finite number, got '%.40s'", where, f->key, s);
		/* -1 marks an optional figure as not given (CO2_UNSET): a file cannot give it. */
		if (d == CO2_UNSET && !(f->flags & REQ))
			return fail_at(L, v, f->key, CO2_ERR_INVALID, "%s: %s: must not be negative",
			               where, f->key);
		*(double *)(base + f->off) = d;
		return CO2_OK;
	}
	case F_INT: {
		double d;
		/* Range first: converting an out-of-range double to an integer is undefined. */
		if (!co2__strtod(s, &d) || d < -1e9 || d > 1e9 || d != (double)(long)d)
			return fail_at(L, v, f->key, CO2_ERR_INVALID,
			               "%s: %s: expected a whole number, got '%.40s'", where, f->key, s);
		if (d == -1 && !(f->flags & REQ)) /* as above: decimals and significant */
			return fail_at(L, v, f->key, CO2_ERR_INVALID, "%s: %s: must not be negative",
			               where, f->key);
		*(int *)(base + f->off) = (int)d;
		return CO2_OK;
	}
	case F_BOOL:
		if (strcmp(s, "true") == 0)
			*(bool *)(base + f->off) = true;
		else if (strcmp(s, "false") == 0)
			*(bool *)(base + f->off) = false;
		else
			return fail_at(L, v, f->key, CO2_ERR_INVALID,
			               "%s: %s: expected true or false, got '%.40s'", where, f->key, s);
		return CO2_OK;
	default:
		return CO2_ERR_INVALID;
	}
}

static void init_entry(int kind, void *obj)
{
	switch (kind) {
	case K_HARDWARE: {
		co2_hardware *h = obj;
		h->power_per_core_w = CO2_UNSET;
		h->memory_gb = CO2_UNSET;
		h->power_max_w = CO2_UNSET;
		break;
	}
	case K_PROVIDER: {
		co2_provider *p = obj;
		p->pue = CO2_UNSET;
		p->offset_percent = CO2_UNSET;
		p->pue_low = CO2_UNSET;
		p->pue_high = CO2_UNSET;
		p->renewable_match_percent = CO2_UNSET;
		break;
	}
	case K_REGION: {
		co2_region *r = obj;
		r->intensity_g_per_kwh = CO2_UNSET;
		r->pue = CO2_UNSET;
		r->offset_percent = CO2_UNSET;
		r->pue_low = CO2_UNSET;
		r->pue_high = CO2_UNSET;
		r->cfe_percent = CO2_UNSET;
		break;
	}
	case K_INSTANCE: {
		co2_instance *i = obj;
		i->memory_gb = CO2_UNSET;
		double *w[] = { &i->package_w_idle, &i->package_w_10, &i->package_w_50,
			&i->package_w_100, &i->ram_w_idle, &i->ram_w_10, &i->ram_w_50, &i->ram_w_100 };
		for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
			*w[k] = CO2_UNSET;
		break;
	}
	case K_LOCATION:
		((co2_location *)obj)->previous_intensity_g_per_kwh = CO2_UNSET;
		break;
	case K_EQUIVALENT: {
		co2_equivalent_def *q = obj;
		q->decimals = -1;
		q->significant = -1;
		break;
	}
	default:
		break;
	}
}

static int one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

/* A PUE's year: not given (0), or from 1900 to this year. */
static int pue_year_ok(const loader *L, int year)
{
	return !year || (year >= 1900 && year <= L->this_year);
}

/* A PUE spread: each bound at least 1.0, low <= high, both around the central PUE when
 * there is one, and the report they come from named (pue_source, pue_year). NULL when
 * fine, else what is wrong. */
static const char *pue_spread_problem(double pue, double low, double high, const char *source,
                                      int year)
{
	if (low == CO2_UNSET && high == CO2_UNSET)
		return NULL;
	if (!source || !year)
		return "pue_low and pue_high need pue_source and pue_year";
	if ((low != CO2_UNSET && low < 1.0) || (high != CO2_UNSET && high < 1.0))
		return "pue_low and pue_high must be at least 1.0";
	if (low != CO2_UNSET && high != CO2_UNSET && low > high)
		return "pue_low must not be above pue_high";
	if (pue != CO2_UNSET && ((low != CO2_UNSET && low > pue) || (high != CO2_UNSET && high < pue)))
		return "pue_low and pue_high must lie on either side of pue";
	return NULL;
}

/* A share of the market-based method (renewable_match_* or cfe_*): none, or a percentage
 * from 0 to 100 with its source and a year up to this one. NULL when fine. */
static const char *share_problem(const loader *L, double percent, const char *source, int year)
{
	if (percent == CO2_UNSET && !source && !year)
		return NULL;
	if (percent == CO2_UNSET || !source || !year)
		return "the percentage, its source and its year go together";
	if (percent < 0 || percent > 100)
		return "the percentage must be from 0 to 100";
	if (year < 1900 || year > L->this_year)
		return "the year must be from 1900 to this year";
	return NULL;
}

/* Checks that make an entry unusable when they fail. Plausibility (ranges a figure
 * could take but probably should not) is `co2calc data check`'s business. */
static co2_status check_entry(loader *L, int kind, void *obj, yaml_node_t *node,
                              const char *where)
{
	static const char *const kinds[] = { "gpu", "tpu", "cpu", "npu", "soc", NULL };
	static const char *const ptypes[] = { "tdp", "measured-average", "board-power",
		"power-limit", "estimate", NULL };
	int year = 0;
	switch (kind) {
	case K_HARDWARE: {
		co2_hardware *h = obj;
		if (!one_of(h->kind, kinds))
			return fail_at(L, node, "kind", CO2_ERR_INVALID,
			               "%s: kind: expected gpu, tpu, cpu, npu or soc, got '%s'", where, h->kind);
		if (!h->power_type)
			h->power_type = "tdp";
		else if (!one_of(h->power_type, ptypes))
			return fail_at(L, node, "power_type", CO2_ERR_INVALID,
			               "%s: power_type: expected tdp, measured-average, board-power, "
			               "power-limit or estimate, got '%s'",
			               where, h->power_type);
		if (h->power_w <= 0)
			return fail_at(L, node, "power_w", CO2_ERR_INVALID,
			               "%s: power_w: must be above 0 W", where);
		if (h->cores < 0)
			return fail_at(L, node, "cores", CO2_ERR_INVALID, "%s: cores: must not be negative",
			               where);
		if (h->threads < 0)
			return fail_at(L, node, "threads", CO2_ERR_INVALID,
			               "%s: threads: must not be negative", where);
		if (h->power_max_w != CO2_UNSET && !(h->power_max_w >= h->power_w))
			return fail_at(L, node, "power_max_w", CO2_ERR_INVALID,
			               "%s: power_max_w: must be at least power_w (%g W)", where, h->power_w);
		if (h->power_per_core_w != CO2_UNSET && h->power_per_core_w <= 0)
			return fail_at(L, node, "power_per_core_w", CO2_ERR_INVALID,
			               "%s: power_per_core_w: must be above 0 W", where);
		if (h->memory_gb != CO2_UNSET && !(h->memory_gb > 0))
			return fail_at(L, node, "memory_gb", CO2_ERR_INVALID,
			               "%s: memory_gb: must be above 0 GB", where);
		year = h->year;
		break;
	}
	case K_PROVIDER: {
		co2_provider *p = obj;
		if (p->pue != CO2_UNSET && (p->pue < 1.0 || !p->pue_source || !p->pue_year))
			return fail_at(L, node, "pue", CO2_ERR_INVALID,
			               "%s: pue: must be at least 1.0 and come with pue_source and pue_year",
			               where);
		if (p->offset_percent != CO2_UNSET && (p->offset_percent < 0 || p->offset_percent > 100))
			return fail_at(L, node, "offset_percent", CO2_ERR_INVALID,
			               "%s: offset_percent: expected 0 to 100", where);
		if (!pue_year_ok(L, p->pue_year))
			return fail_at(L, node, "pue_year", CO2_ERR_INVALID,
			               "%s: pue_year: expected a year from 1900 to %d, got %d", where,
			               L->this_year, p->pue_year);
		const char *why = pue_spread_problem(p->pue, p->pue_low, p->pue_high, p->pue_source, p->pue_year);
		if (why)
			return fail_at(L, node, "pue_low", CO2_ERR_INVALID, "%s: %s", where, why);
		why = share_problem(L, p->renewable_match_percent, p->renewable_match_source,
		                    p->renewable_match_year);
		if (why)
			return fail_at(L, node, "renewable_match_percent", CO2_ERR_INVALID,
			               "%s: renewable_match_percent: %s", where, why);
		year = p->year;
		break;
	}
	case K_REGION: {
		co2_region *r = obj;
		const char *colon = strchr(r->id, ':');
		if (!colon || colon == r->id || !colon[1])
			return fail_at(L, node, "id", CO2_ERR_INVALID,
			               "%s: id: expected provider:region, got '%s'", where, r->id);
		char *prov = co2__arena_alloc(L->db, (size_t)(colon - r->id) + 1);
		if (!prov)
			return fail_at(L, node, "id", CO2_ERR_NOMEM, "out of memory");
		memcpy(prov, r->id, (size_t)(colon - r->id));
		prov[colon - r->id] = '\0';
		r->provider = prov;
		if (r->intensity_g_per_kwh == CO2_UNSET && !r->location)
			return fail_at(L, node, "intensity_g_per_kwh", CO2_ERR_INVALID,
			               "%s: needs intensity_g_per_kwh or a location", where);
		if (r->intensity_g_per_kwh != CO2_UNSET && r->intensity_g_per_kwh < 0)
			return fail_at(L, node, "intensity_g_per_kwh", CO2_ERR_INVALID,
			               "%s: intensity_g_per_kwh: must not be negative", where);
		if (r->pue != CO2_UNSET && (r->pue < 1.0 || !r->pue_source || !r->pue_year))
			return fail_at(L, node, "pue", CO2_ERR_INVALID,
			               "%s: pue: must be at least 1.0 and come with pue_source and pue_year",
			               where);
		if (r->offset_percent != CO2_UNSET && (r->offset_percent < 0 || r->offset_percent > 100))
			return fail_at(L, node, "offset_percent", CO2_ERR_INVALID,
			               "%s: offset_percent: expected 0 to 100", where);
		if (!pue_year_ok(L, r->pue_year))
			return fail_at(L, node, "pue_year", CO2_ERR_INVALID,
			               "%s: pue_year: expected a year from 1900 to %d, got %d", where,
			               L->this_year, r->pue_year);
		const char *why = pue_spread_problem(r->pue, r->pue_low, r->pue_high, r->pue_source, r->pue_year);
		if (why)
			return fail_at(L, node, "pue_low", CO2_ERR_INVALID, "%s: %s", where, why);
		why = share_problem(L, r->cfe_percent, r->cfe_source, r->cfe_year);
		if (why)
			return fail_at(L, node, "cfe_percent", CO2_ERR_INVALID, "%s: cfe_percent: %s",
			               where, why);
		year = r->year;
		break;
	}
	case K_LOCATION: {
		co2_location *l = obj;
		if (l->intensity_g_per_kwh < 0)
			return fail_at(L, node, "intensity_g_per_kwh", CO2_ERR_INVALID,
			               "%s: intensity_g_per_kwh: must not be negative", where);
		/* The second point comes whole: figure, year (not after the main one) and source. */
		int has_prev = (l->previous_intensity_g_per_kwh != CO2_UNSET) + (l->previous_year != 0) +
		               (l->previous_source != NULL);
		if (has_prev && has_prev != 3)
			return fail_at(L, node, "previous_intensity_g_per_kwh", CO2_ERR_INVALID,
			               "%s: previous_intensity_g_per_kwh, previous_year and previous_source "
			               "go together", where);
		if (has_prev && (l->previous_year < 1900 || l->previous_year > l->year))
			return fail_at(L, node, "previous_year", CO2_ERR_INVALID,
			               "%s: previous_year: expected a year from 1900 to the entry's year %d, got %d",
			               where, l->year, l->previous_year);
		year = l->year;
		break;
	}
	case K_INSTANCE: {
		co2_instance *i = obj;
		if (!(i->count > 0))
			return fail_at(L, node, "count", CO2_ERR_INVALID, "%s: count: must be above 0", where);
		if (i->vcpus < 0 || i->host_vcpus < 0 || (i->vcpus && i->host_vcpus && i->host_vcpus < i->vcpus))
			return fail_at(L, node, "host_vcpus", CO2_ERR_INVALID,
			               "%s: vcpus and host_vcpus: must be above 0, the host's at least the instance's",
			               where);
		if (i->memory_gb != CO2_UNSET && !(i->memory_gb > 0))
			return fail_at(L, node, "memory_gb", CO2_ERR_INVALID,
			               "%s: memory_gb: must be above 0 GB", where);
		/* The eight measured figures come together, with their source and year. */
		const double w[] = { i->package_w_idle, i->package_w_10, i->package_w_50,
			i->package_w_100, i->ram_w_idle, i->ram_w_10, i->ram_w_50, i->ram_w_100 };
		size_t given = 0;
		for (size_t k = 0; k < sizeof w / sizeof w[0]; k++) {
			if (w[k] != CO2_UNSET && w[k] < 0)
				return fail_at(L, node, "package_w_idle", CO2_ERR_INVALID,
				               "%s: measured watts must not be negative", where);
			given += w[k] != CO2_UNSET;
		}
		if ((given || i->watts_source || i->watts_year) &&
		    (given != sizeof w / sizeof w[0] || !i->watts_source || !i->watts_year))
			return fail_at(L, node, "watts_source", CO2_ERR_INVALID,
			               "%s: measured watts: give all of package_w_idle/_10/_50/_100 and "
			               "ram_w_idle/_10/_50/_100 with watts_source and watts_year", where);
		if (!pue_year_ok(L, i->watts_year))
			return fail_at(L, node, "watts_year", CO2_ERR_INVALID,
			               "%s: watts_year: expected a year from 1900 to %d, got %d", where,
			               L->this_year, i->watts_year);
		year = i->year;
		break;
	}
	case K_CONSTANT:
		year = ((co2_constant *)obj)->year;
		break;
	case K_EQUIVALENT: {
		co2_equivalent_def *q = obj;
		if (!(q->kg_per_unit > 0))
			return fail_at(L, node, "kg_per_unit", CO2_ERR_INVALID,
			               "%s: kg_per_unit: must be above 0", where);
		if ((q->decimals >= 0) == (q->significant >= 0) || q->decimals > 6 ||
		    q->significant == 0 || q->significant > 9)
			return fail_at(L, node, "decimals", CO2_ERR_INVALID,
			               "%s: give either decimals (0-6) or significant (1-9)", where);
		year = q->year;
		break;
	}
	default:
		break;
	}
	if (year < 1900 || year > L->this_year)
		return fail_at(L, node, "year", CO2_ERR_INVALID,
		               "%s: year: expected a year from 1900 to %d, got %d", where, L->this_year,
		               year);
	return CO2_OK;
}

static co2_status load_entry(loader *L, const section *sec, yaml_node_t *node, size_t n,
                             const char *edition)
{
	char where[160];
	snprintf(where, sizeof where, "%s[%zu]", sec->key, n);
	co2_status st = check_mapping(L, node, where);
	if (st != CO2_OK)
		return st;
	_Alignas(max_align_t) char obj[sizeof(co2_equivalent_def) + sizeof(co2_hardware) +
	                               sizeof(co2_region)];
	memset(obj, 0, sizeof obj);
	init_entry(sec->kind, obj);
	unsigned seen = 0;
	for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&L->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&L->doc, p->value);
		const char *key = co2__yaml_scalar(k);
		size_t fi;
		for (fi = 0; sec->fields[fi].key; fi++)
			if (strcmp(sec->fields[fi].key, key) == 0)
				break;
		if (!sec->fields[fi].key) {
			const char *near = co2_closest_name(key, &sec->fields[0].key, sizeof(field), 3);
			if (near) {
				fail_at(L, k, key, CO2_ERR_PARSE,
				               "%s: unknown key '%s'; did you mean '%s'?", where, key, near);
				co2__error_suggest(L->err, near);
				return CO2_ERR_PARSE;
			}
			return fail_at(L, k, key, CO2_ERR_PARSE, "%s: unknown key '%s'", where, key);
		}
		st = set_field(L, &sec->fields[fi], obj, v, where);
		if (st != CO2_OK)
			return st;
		seen |= 1u << fi;
	}
	for (size_t fi = 0; sec->fields[fi].key; fi++)
		if ((sec->fields[fi].flags & REQ) && !(seen & (1u << fi)))
			return fail_at(L, node, sec->fields[fi].key, CO2_ERR_INVALID,
			               "%s: missing required key '%s'", where, sec->fields[fi].key);
	/* Every entry knows its edition and file. */
	co2__set_edition(sec->kind, obj, edition);
	co2__set_file(sec->kind, obj, L->file, node ? (int)node->start_mark.line + 1 : 0);
	/* Two entries of one name in one file is a mistake, not an override. */
	for (size_t i = 0; i < L->staged[sec->kind].n; i++) {
		const char *other = *(const char **)((char *)L->staged[sec->kind].items + i * L->staged[sec->kind].size);
		char a[512], b[512];
		co2__norm(a, sizeof a, other);
		co2__norm(b, sizeof b, *(const char **)obj);
		if (strcmp(a, b) == 0)
			return fail_at(L, node, where, CO2_ERR_INVALID, "%s: '%s' is already defined in this file as %s[%zu]",
			               where, *(const char **)obj, sec->key, i);
	}
	st = check_entry(L, sec->kind, obj, node, where);
	if (st != CO2_OK)
		return st;
	if (!co2__vec_push(&L->staged[sec->kind], obj))
		return fail_at(L, node, where, CO2_ERR_NOMEM, "out of memory");
	return CO2_OK;
}

static co2_status load_document(loader *L)
{
	yaml_node_t *root = yaml_document_get_root_node(&L->doc);
	if (!root)
		return fail_at(L, NULL, "schema", CO2_ERR_PARSE, "empty file: expected a data file with 'schema: 1.0'");
	co2_status st = check_mapping(L, root, "the file");
	if (st != CO2_OK)
		return st;
	co2_edition ed = { 0 };
	const char *schema = NULL;
	yaml_node_t *schema_node = root;
	const char *year = NULL;
	/* Header first. */
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&L->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&L->doc, p->value);
		const char *key = co2__yaml_scalar(k);
		if (!one_of(key, header_keys))
			continue;
		const char *s = co2__yaml_scalar(v);
		if (!s || !*s)
			return fail_at(L, v, key, CO2_ERR_PARSE, "%s: expected a non-empty value", key);
		s = co2__arena_strdup(L->db, s);
		if (!s)
			return fail_at(L, v, key, CO2_ERR_NOMEM, "out of memory");
		if (strcmp(key, "schema") == 0)
			schema = s, schema_node = v;
		else if (strcmp(key, "edition") == 0)
			ed.id = s;
		else if (strcmp(key, "edition_date") == 0)
			ed.date = s;
		else if (strcmp(key, "title") == 0)
			ed.title = s;
		else if (strcmp(key, "source") == 0)
			ed.source = s;
		else if (strcmp(key, "license") == 0)
			ed.license = s;
		else
			year = s;
	}
	if (!schema)
		return fail_at(L, root, "schema", CO2_ERR_SCHEMA, "missing 'schema' (expected schema: \"1.0\")");
	int major = 0, minor = 0;
	char tail = 0;
	if (sscanf(schema, "%d.%d%c", &major, &minor, &tail) != 2 || major < 0 || minor < 0)
		return fail_at(L, schema_node, "schema", CO2_ERR_SCHEMA,
		               "schema: expected MAJOR.MINOR like \"1.0\", got '%s'", schema);
	if (major != SCHEMA_MAJOR)
		return fail_at(L, schema_node, "schema", CO2_ERR_SCHEMA,
		               "schema %d.%d is not supported: this co2calc reads schema %d.x", major,
		               minor, SCHEMA_MAJOR);
	static const char *const required[] = { "edition", "edition_date", "title", "source", "year", "license" };
	const char *values[] = { ed.id, ed.date, ed.title, ed.source, year, ed.license };
	for (size_t i = 0; i < 6; i++)
		if (!values[i])
			return fail_at(L, root, required[i], CO2_ERR_INVALID, "missing header key '%s'",
			               required[i]);
	/* Sections. */
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&L->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&L->doc, p->value);
		const char *key = co2__yaml_scalar(k);
		if (one_of(key, header_keys))
			continue;
		const section *sec;
		for (sec = sections; sec->key; sec++)
			if (strcmp(sec->key, key) == 0)
				break;
		if (!sec->key) {
			static const char *const all[] = { "schema", "edition", "edition_date", "title",
				"source", "year", "license", "hardware", "providers", "regions", "locations",
				"instances", "constants", "equivalents", NULL };
			const char *near = co2_closest_name(key, all, sizeof(const char *), 3);
			if (near) {
				fail_at(L, k, key, CO2_ERR_PARSE, "unknown key '%s'; did you mean '%s'?",
				               key, near);
				co2__error_suggest(L->err, near);
				return CO2_ERR_PARSE;
			}
			return fail_at(L, k, key, CO2_ERR_PARSE,
			               "unknown key '%s' (expected one of hardware, providers, regions, "
			               "locations, instances, constants, equivalents)", key);
		}
		if (v->type != YAML_SEQUENCE_NODE)
			return fail_at(L, v, key, CO2_ERR_PARSE, "%s: expected a list of entries", key);
		size_t n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
		for (size_t i = 0; i < n; i++) {
			yaml_node_t *item = yaml_document_get_node(&L->doc, v->data.sequence.items.start[i]);
			st = load_entry(L, sec, item, i, ed.id);
			if (st != CO2_OK)
				return st;
		}
	}
	/* Commit: intern the edition, then append or replace entries. */
	long ei = co2__edition_add(L->db, &ed);
	if (ei < 0)
		return fail_at(L, NULL, "edition", CO2_ERR_NOMEM, "out of memory");
	const char *edition = ((const co2_edition *)L->db->editions.items)[ei].id;
	for (int kind = 0; kind < K_COUNT; kind++) {
		co2__vec *sv = &L->staged[kind];
		for (size_t i = 0; i < sv->n; i++) {
			char *obj = (char *)sv->items + i * sv->size;
			co2__set_edition(kind, obj, edition);
			if (!co2__commit(L->db, kind, obj))
				return fail_at(L, NULL, "", CO2_ERR_NOMEM, "out of memory");
		}
	}
	return CO2_OK;
}

co2_status co2_db_load_buffer(co2_db *db, const char *name, const char *buf, size_t len,
                              co2_error *err)
{
	loader L;
	memset(&L, 0, sizeof L);
	L.db = db;
	L.err = err;
	L.file = co2__arena_strdup(db, name ? name : "<buffer>");
	if (!L.file)
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	time_t now = time(NULL);
	struct tm tmv;
	L.this_year = gmtime_r(&now, &tmv) ? tmv.tm_year + 1900 : 2100;
	for (int k = 0; k < K_COUNT; k++)
		L.staged[k].size = db->kinds[k].size;

	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory starting the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	co2_status st;
	if (!yaml_parser_load(&parser, &L.doc)) {
		int line, col;
		co2__yaml_problem_position(&parser, buf, len, &line, &col);
		st = co2__fail(err, CO2_ERR_PARSE, "%s:%d:%d: not valid YAML: %s%s%s", L.file, line,
		               col, parser.problem ? parser.problem : "syntax error",
		               parser.context ? " " : "", parser.context ? parser.context : "");
		co2__error_at(err, L.file, line, col);
		yaml_parser_delete(&parser);
		return st;
	}
	yaml_parser_delete(&parser);
	st = load_document(&L);
	yaml_document_delete(&L.doc);
	for (int k = 0; k < K_COUNT; k++)
		free(L.staged[k].items);
	if (st == CO2_OK && !co2__vec_push(&db->files, &L.file))
		st = co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	return st;
}
#endif /* CO2_HAVE_YAML */
