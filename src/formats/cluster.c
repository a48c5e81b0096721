/* Cluster descriptions: GreenAlgorithms4HPC's cluster_info.yaml (and a few extra keys)
 * read with libyaml into partitions, PUE, carbon intensity and memory granularity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"
#include "co2calc/sacct.h"
#if CO2_HAVE_YAML
#include <yaml.h>
#include "base/yaml_util.h"
#endif

/* Memory power, W/GB (Green Algorithms; GreenAlgorithms4HPC data/fixed_parameters.yaml). */
#define MEMORY_W_PER_GB 0.3725

struct co2_cluster {
	char *file;
	char *cluster_name;
	char *location;
	double pue, intensity, granularity, memory_w_per_gb;
	char rss_unit;
	co2_cluster_partition *parts;
	size_t n_parts;
	char **strings; /* every string the partitions point to */
	size_t n_strings, cap_strings;
};

void co2_cluster_free(co2_cluster *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_strings; i++)
		free(c->strings[i]);
	free(c->strings);
	free(c->parts);
	free(c);
}

const char *co2_cluster_file(const co2_cluster *c) { return c->file; }
const char *co2_cluster_name(const co2_cluster *c) { return c->cluster_name; }
double co2_cluster_pue(const co2_cluster *c) { return c->pue; }
double co2_cluster_intensity(const co2_cluster *c) { return c->intensity; }
const char *co2_cluster_location(const co2_cluster *c) { return c->location; }
double co2_cluster_granularity_gb(const co2_cluster *c) { return c->granularity; }
double co2_cluster_memory_w_per_gb(const co2_cluster *c) { return c->memory_w_per_gb; }
char co2_cluster_rss_unit(const co2_cluster *c) { return c->rss_unit; }
size_t co2_cluster_partition_count(const co2_cluster *c) { return c->n_parts; }

const co2_cluster_partition *co2_cluster_partition_at(const co2_cluster *c, size_t i)
{
	return i < c->n_parts ? &c->parts[i] : NULL;
}

const co2_cluster_partition *co2_cluster_find_partition(const co2_cluster *c, const char *name)
{
	for (size_t i = 0; i < c->n_parts; i++)
		if (strcmp(c->parts[i].name, name) == 0)
			return &c->parts[i];
	return NULL;
}

/* ---- reading ----------------------------------------------------------------------- */

#if !CO2_HAVE_YAML
co2_status co2_cluster_load_buffer(co2_cluster **out, const char *name, const char *buf,
                                   size_t len, const co2_db *db, co2_error *err)
{
	(void)buf, (void)len, (void)db;
	*out = NULL;
	return co2__unsupported(err, name ? name : "<cluster>", "a cluster file", 0);
}
#else
static char *keep(co2_cluster *c, const char *s)
{
	if (c->n_strings == c->cap_strings) {
		size_t cap = c->cap_strings ? c->cap_strings * 2 : 16;
		char **ns = realloc(c->strings, cap * sizeof *ns);
		if (!ns)
			return NULL;
		c->strings = ns;
		c->cap_strings = cap;
	}
	char *d = strdup(s);
	if (d)
		c->strings[c->n_strings++] = d;
	return d;
}

typedef struct reader {
	yaml_document_t *doc;
	const char *name;
	co2_error *err;
} reader;

static co2_status fail_at(reader *r, const yaml_node_t *node, co2_status st, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static co2_status fail_at(reader *r, const yaml_node_t *node, co2_status st, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	int line, col;
	co2__yaml_position(node, &line, &col);
	if (line)
		co2__fail(r->err, st, "%s:%d:%d: %s", r->name, line, col, msg);
	else
		co2__fail(r->err, st, "%s: %s", r->name, msg);
	co2__error_at(r->err, r->name, line, col);
	return st;
}

/* An error that wraps a lookup's message (e) keeps its suggestions. */
static co2_status with_suggestions(reader *r, const co2_error *e, co2_status st)
{
	co2__error_suggest_from(r->err, e);
	return st;
}

static co2_status number(reader *r, const yaml_node_t *n, const char *key, double lo,
                         double hi, double *out)
{
	const char *s = co2__yaml_scalar(n);
	double v;
	if (!s || !co2__strtod(s, &v))
		return fail_at(r, n, CO2_ERR_INVALID, "%s: expected a number, got '%.60s'", key,
		               s ? s : "a list or mapping");
	if (v < lo || v > hi)
		return fail_at(r, n, CO2_ERR_INVALID, "%s: %g is out of range [%g, %g]", key, v, lo, hi);
	*out = v;
	return CO2_OK;
}

/* Power per core of a CPU model from the data. */
static co2_status cpu_power(reader *r, const yaml_node_t *at, const co2_db *db,
                            const char *pname, const char *model, double *out)
{
	const co2_hardware *hw = NULL;
	co2_error e;
	co2_error_clear(&e);
	if (!db || !model)
		return fail_at(r, at, CO2_ERR_INVALID,
		               "partition '%s': give the CPU's TDP per core (TDP%s)", pname,
		               model ? " or TDP_CPU" : "");
	if (co2_db_find_hardware(&hw, db, NULL, model, &e) != CO2_OK)
		return with_suggestions(r, &e, fail_at(r, at, e.status, "partition '%s': %s", pname, e.message));
	if (hw->power_per_core_w > 0)
		*out = hw->power_per_core_w;
	else if (hw->cores > 0 && hw->power_w > 0)
		*out = hw->power_w / hw->cores;
	else
		return fail_at(r, at, CO2_ERR_INVALID,
		               "partition '%s': the data has no power per core for '%s'; give TDP", pname, model);
	return CO2_OK;
}

static co2_status read_partition(reader *r, co2_cluster *c, const co2_db *db, const char *pname,
                                 yaml_node_t *map, co2_cluster_partition *p)
{
	memset(p, 0, sizeof *p);
	if (!(p->name = keep(c, pname)))
		return co2__fail(r->err, CO2_ERR_NOMEM, "out of memory");
	if (map->type != YAML_MAPPING_NODE)
		return fail_at(r, map, CO2_ERR_INVALID,
		               "partition '%s': expected a mapping (type, model, TDP, ...)", pname);
	const char *type = NULL, *model = NULL, *model_cpu = NULL;
	yaml_node_t *tdp = NULL, *tdp_cpu = NULL, *type_node = NULL;
	for (yaml_node_pair_t *pr = map->data.mapping.pairs.start; pr < map->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(r->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(r->doc, pr->value);
		const char *key = co2__yaml_scalar(k);
		if (!key)
			continue;
		if (co2__yaml_earlier_key(r->doc, map, pr))
			return fail_at(r, k, CO2_ERR_PARSE, "partition '%s': duplicate key '%.60s'", pname, key);
		if (strcmp(key, "type") == 0)
			type = co2__yaml_scalar(v), type_node = v;
		else if (strcmp(key, "model") == 0)
			model = co2__yaml_scalar(v);
		else if (strcmp(key, "model_CPU") == 0)
			model_cpu = co2__yaml_scalar(v);
		else if (strcmp(key, "TDP") == 0)
			tdp = v;
		else if (strcmp(key, "TDP_CPU") == 0)
			tdp_cpu = v;
	}
	if (!type)
		return fail_at(r, map, CO2_ERR_INVALID, "partition '%s': missing 'type' (CPU or GPU)", pname);
	if (strcmp(type, "GPU") == 0 || strcmp(type, "gpu") == 0)
		p->gpu = 1;
	else if (strcmp(type, "CPU") != 0 && strcmp(type, "cpu") != 0)
		return fail_at(r, type_node, CO2_ERR_INVALID,
		               "partition '%s': type must be CPU or GPU, not '%.40s'", pname, type);
	if ((model && !(p->model = keep(c, model))) || (model_cpu && !(p->cpu_model = keep(c, model_cpu))))
		return co2__fail(r->err, CO2_ERR_NOMEM, "out of memory");
	co2_status st;
	char key[160];
	if (!p->gpu) {
		snprintf(key, sizeof key, "partitions.%s.TDP", pname);
		if (tdp)
			st = number(r, tdp, key, 0.01, 1000, &p->cpu_w_per_core);
		else
			st = cpu_power(r, map, db, pname, model, &p->cpu_w_per_core);
		return st;
	}
	snprintf(key, sizeof key, "partitions.%s.TDP", pname);
	if (tdp) {
		if ((st = number(r, tdp, key, 0.01, 5000, &p->gpu_w)) != CO2_OK)
			return st;
	} else {
		const co2_hardware *hw = NULL;
		co2_error e;
		co2_error_clear(&e);
		if (!db || !model)
			return fail_at(r, map, CO2_ERR_INVALID, "partition '%s': give the GPU's TDP (W)", pname);
		if (co2_db_find_hardware(&hw, db, NULL, model, &e) != CO2_OK)
			return with_suggestions(r, &e, fail_at(r, map, e.status, "partition '%s': %s", pname, e.message));
		p->gpu_w = hw->power_w;
	}
	snprintf(key, sizeof key, "partitions.%s.TDP_CPU", pname);
	if (tdp_cpu)
		return number(r, tdp_cpu, key, 0.0, 1000, &p->cpu_w_per_core);
	return cpu_power(r, map, db, pname, model_cpu, &p->cpu_w_per_core);
}

/* The top-level keys co2calc reads, each with the other spelling it accepts; the other
 * keys (institution, energy_cost, texts_intro, ...) are GreenAlgorithms4HPC's. */
enum { TOP_PARTITIONS, TOP_PUE, TOP_CI, TOP_LOCATION, TOP_GRANULARITY, TOP_MEMORY_W,
       TOP_RSS_UNIT, TOP_NAME, TOP_COUNT };
static const char *const top_keys[TOP_COUNT][2] = {
	[TOP_PARTITIONS] = { "partitions", NULL }, [TOP_PUE] = { "PUE", "pue" },
	[TOP_CI] = { "CI", "intensity" }, [TOP_LOCATION] = { "location", NULL },
	[TOP_GRANULARITY] = { "granularity_memory_request", NULL },
	[TOP_MEMORY_W] = { "memory_w_per_gb", NULL }, [TOP_RSS_UNIT] = { "default_unit_RSS", NULL },
	[TOP_NAME] = { "cluster_name", NULL },
};

/* The key and value nodes of each top-level key (NULL when absent). A key given twice,
 * in one spelling or in both, is refused: the last one would silently win. */
static co2_status read_top_keys(reader *r, yaml_node_t *root, yaml_node_t *key[TOP_COUNT],
                                yaml_node_t *value[TOP_COUNT])
{
	for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(r->doc, pr->key);
		const char *name = co2__yaml_scalar(k);
		if (!name)
			continue;
		if (co2__yaml_earlier_key(r->doc, root, pr))
			return fail_at(r, k, CO2_ERR_PARSE, "duplicate key '%.60s'", name);
		for (int i = 0; i < TOP_COUNT; i++) {
			if (strcmp(name, top_keys[i][0]) != 0 &&
			    (!top_keys[i][1] || strcmp(name, top_keys[i][1]) != 0))
				continue;
			if (key[i])
				return fail_at(r, k, CO2_ERR_PARSE, "duplicate key '%.60s' (the same as '%s')",
				               name, co2__yaml_scalar(key[i]));
			key[i] = k;
			value[i] = yaml_document_get_node(r->doc, pr->value);
			break;
		}
	}
	return CO2_OK;
}

static co2_status read_root(reader *r, co2_cluster *c, const co2_db *db, yaml_node_t *root)
{
	if (!root || root->type != YAML_MAPPING_NODE)
		return fail_at(r, root, CO2_ERR_PARSE,
		               "expected a mapping with 'partitions', 'PUE' and 'CI' (GreenAlgorithms4HPC's cluster_info.yaml)");
	yaml_node_t *key[TOP_COUNT] = { NULL }, *value[TOP_COUNT] = { NULL };
	co2_status st = read_top_keys(r, root, key, value);
	if (st != CO2_OK)
		return st;
	yaml_node_t *parts = value[TOP_PARTITIONS], *pue = value[TOP_PUE], *ci = value[TOP_CI],
	            *loc = value[TOP_LOCATION], *gran = value[TOP_GRANULARITY],
	            *mem = value[TOP_MEMORY_W], *rss = value[TOP_RSS_UNIT];
	const char *cname = co2__yaml_scalar(value[TOP_NAME]);
	if (cname && !(c->cluster_name = keep(c, cname)))
		return co2__fail(r->err, CO2_ERR_NOMEM, "out of memory");
	if (!pue)
		return fail_at(r, root, CO2_ERR_INVALID, "missing 'PUE' (power usage effectiveness, e.g. PUE: 1.67)");
	if ((st = number(r, pue, "PUE", 1.0, 5.0, &c->pue)) != CO2_OK)
		return st;
	if (ci && loc)
		return fail_at(r, loc, CO2_ERR_INVALID, "give either CI (g/kWh) or location, not both");
	if (ci) {
		if ((st = number(r, ci, "CI", 0.0, 2000.0, &c->intensity)) != CO2_OK)
			return st;
	} else if (loc) {
		const char *code = co2__yaml_scalar(loc);
		const co2_location *l = NULL;
		co2_error e;
		co2_error_clear(&e);
		if (!code)
			return fail_at(r, loc, CO2_ERR_INVALID, "location: expected a code such as FR or US-CA");
		if (!db)
			return fail_at(r, loc, CO2_ERR_INVALID, "location '%s': no data loaded to look it up; give CI (g/kWh)", code);
		if (co2_db_find_location(&l, db, NULL, code, &e) != CO2_OK)
			return with_suggestions(r, &e, fail_at(r, loc, e.status, "location: %s", e.message));
		c->intensity = l->intensity_g_per_kwh;
		if (!(c->location = keep(c, l->code)))
			return co2__fail(r->err, CO2_ERR_NOMEM, "out of memory");
	} else {
		return fail_at(r, root, CO2_ERR_INVALID,
		               "missing 'CI' (carbon intensity in g CO2eq/kWh, e.g. CI: 467) or 'location' (e.g. location: FR)");
	}
	c->granularity = 1.0;
	if (gran && (st = number(r, gran, "granularity_memory_request", 0.001, 1e6, &c->granularity)) != CO2_OK)
		return st;
	c->memory_w_per_gb = MEMORY_W_PER_GB;
	if (mem && (st = number(r, mem, "memory_w_per_gb", 0.0, 100.0, &c->memory_w_per_gb)) != CO2_OK)
		return st;
	c->rss_unit = 'K';
	if (rss) {
		const char *u = co2__yaml_scalar(rss);
		if (!u || strlen(u) != 1 || !strchr("KMG", u[0]))
			return fail_at(r, rss, CO2_ERR_INVALID, "default_unit_RSS: expected K, M or G");
		c->rss_unit = u[0];
	}
	if (!parts)
		return fail_at(r, root, CO2_ERR_INVALID, "missing 'partitions' (each partition's type, model and TDP)");
	if (parts->type != YAML_MAPPING_NODE)
		return fail_at(r, parts, CO2_ERR_INVALID, "partitions: expected a mapping of partition names");
	size_t n = (size_t)(parts->data.mapping.pairs.top - parts->data.mapping.pairs.start);
	if (n == 0)
		return fail_at(r, parts, CO2_ERR_INVALID, "partitions: no partition described");
	c->parts = calloc(n, sizeof *c->parts);
	if (!c->parts)
		return co2__fail(r->err, CO2_ERR_NOMEM, "out of memory");
	for (yaml_node_pair_t *pr = parts->data.mapping.pairs.start; pr < parts->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(r->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(r->doc, pr->value);
		const char *pname = co2__yaml_scalar(k);
		if (!pname || !*pname)
			return fail_at(r, k, CO2_ERR_INVALID, "partitions: a partition name must be a string");
		if (co2_cluster_find_partition(c, pname))
			return fail_at(r, k, CO2_ERR_INVALID, "partition '%s' is described twice", pname);
		if ((st = read_partition(r, c, db, pname, v, &c->parts[c->n_parts])) != CO2_OK)
			return st;
		c->n_parts++;
	}
	return CO2_OK;
}

co2_status co2_cluster_load_buffer(co2_cluster **out, const char *name, const char *buf,
                                   size_t len, const co2_db *db, co2_error *err)
{
	*out = NULL;
	if (!name)
		name = "<cluster>";
	co2_cluster *c = calloc(1, sizeof *c);
	if (!c || !(c->file = keep(c, name))) {
		co2_cluster_free(c);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	}
	yaml_parser_t parser;
	yaml_document_t doc;
	int have_doc = 0;
	co2_status st = CO2_OK;
	if (!yaml_parser_initialize(&parser)) {
		co2_cluster_free(c);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&parser, &doc)) {
		int line = (int)parser.problem_mark.line + 1, col = (int)parser.problem_mark.column + 1;
		st = co2__fail(err, CO2_ERR_PARSE, "%s:%d:%d: %s", name, line, col,
		               parser.problem ? parser.problem : "not valid YAML");
		co2__error_at(err, name, line, col);
		goto done;
	}
	have_doc = 1;
	reader r = { &doc, name, err };
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root) {
		st = co2__fail(err, CO2_ERR_PARSE, "%s: empty cluster file", name);
		goto done;
	}
	st = read_root(&r, c, db, root);
done:
	if (have_doc)
		yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (st != CO2_OK) {
		co2_cluster_free(c);
		return st;
	}
	*out = c;
	return CO2_OK;
}
#endif /* CO2_HAVE_YAML */
