/* Run specs: YAML (libyaml) or JSON (cJSON) files declaring a run, and co2_run_set(),
 * which the command line shares so that a flag and a spec key mean the same thing. */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"
#if CO2_HAVE_YAML
#include <yaml.h>
#include "base/yaml_util.h"
#endif
#if CO2_HAVE_JSON
#include <cjson/cJSON.h>
#endif

typedef struct strnode {
	struct strnode *next;
	char s[];
} strnode;

struct co2_spec {
	co2_run run;
	strnode *strings;
};

co2_run *co2_spec_run(co2_spec *spec)
{
	return &spec->run;
}

const char *co2_spec_strdup(co2_spec *spec, const char *s)
{
	size_t n = strlen(s) + 1;
	strnode *node = malloc(sizeof *node + n);
	if (!node)
		return NULL;
	memcpy(node->s, s, n);
	node->next = spec->strings;
	spec->strings = node;
	return node->s;
}

void co2_spec_free(co2_spec *spec)
{
	if (!spec)
		return;
	while (spec->strings) {
		strnode *next = spec->strings->next;
		free(spec->strings);
		spec->strings = next;
	}
	free(spec);
}


/* Whether a failure is an unknown key (reported at the key, not at its value). */
static inline int is_unknown_key(co2_status st, const co2_error *err)
{
	return st == CO2_ERR_INVALID && err && strncmp(err->message, "unknown key", 11) == 0;
}

/* ---- YAML ------------------------------------------------------------------------ */

#if !CO2_HAVE_YAML
static co2_status parse_yaml(co2_spec *spec, const char *name, const char *buf, size_t len,
                             co2_error *err)
{
	(void)spec, (void)buf, (void)len;
	return co2__unsupported(err, name, "a YAML run spec", 0);
}
#else
typedef struct yctx {
	co2_spec *spec;
	yaml_document_t *doc;
	const char *name;
	co2_error *err;
} yctx;

static co2_status yfail(yctx *c, yaml_node_t *node, co2_status st)
{
	/* Prefix the message already in err with file:line:column. */
	if (c->err) {
		char prefix[300];
		int line, col;
		co2__yaml_position(node, &line, &col);
		snprintf(prefix, sizeof prefix, "%.256s:%d:%d: ", c->name, line, col);
		co2__error_prefix(c->err, prefix);
		snprintf(c->err->file, sizeof c->err->file, "%s", c->name);
		c->err->line = line;
		c->err->column = col;
		c->err->status = st;
	}
	return st;
}

static co2_status ymapping_check(yctx *c, yaml_node_t *node, const char *what)
{
	yaml_node_t *at;
	switch (co2__yaml_check_mapping(c->doc, node, &at)) {
	case CO2__YMAP_OK:
		return CO2_OK;
	case CO2__YMAP_NOT_A_MAPPING:
		co2__fail_field(c->err, CO2_ERR_PARSE, what, "%s: expected a mapping of key: value", what);
		break;
	case CO2__YMAP_KEY_NOT_SCALAR:
		co2__fail_field(c->err, CO2_ERR_PARSE, what, "%s: keys must be plain words", what);
		break;
	case CO2__YMAP_KEY_REPEATED:
		co2__fail_field(c->err, CO2_ERR_PARSE, co2__yaml_scalar(at), "duplicate key '%.60s'",
		                co2__yaml_scalar(at));
		break;
	}
	return yfail(c, at, CO2_ERR_PARSE);
}

static co2_status yaml_value(yctx *c, yaml_node_t *v, const char *key, const char **out)
{
	const char *s = co2__yaml_scalar(v);
	if (!s) {
		co2__fail_field(c->err, CO2_ERR_PARSE, key, "%s: expected a single value", key);
		return yfail(c, v, CO2_ERR_PARSE);
	}
	*out = co2_spec_strdup(c->spec, s);
	if (!*out)
		return co2__fail(c->err, CO2_ERR_NOMEM, "out of memory");
	return CO2_OK;
}

static co2_status yaml_devices(yctx *c, yaml_node_t *seq)
{
	if (seq->type != YAML_SEQUENCE_NODE) {
		co2__fail_field(c->err, CO2_ERR_PARSE, "devices", "devices: expected a list of device groups");
		return yfail(c, seq, CO2_ERR_PARSE);
	}
	for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *m = yaml_document_get_node(c->doc, *it);
		co2_status st = ymapping_check(c, m, "devices[]");
		if (st != CO2_OK)
			return st;
		if (co2_run_add_device(&c->spec->run, NULL, CO2_UNSET, CO2_UNSET) != CO2_OK) {
			co2__fail_field(c->err, CO2_ERR_INVALID, "devices", "devices: at most %d groups",
			                CO2_MAX_DEVICES);
			return yfail(c, m, CO2_ERR_INVALID);
		}
		co2_device *d = &c->spec->run.devices[c->spec->run.n_devices - 1];
		d->role = CO2_ROLE_ACCELERATOR;
		for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
			yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
			const char *val;
			st = yaml_value(c, v, co2__yaml_scalar(k), &val);
			if (st != CO2_OK)
				return st;
			st = co2__run_device_set(d, co2__yaml_scalar(k), val, c->err);
			if (st != CO2_OK) /* an unknown key at the key, a bad value at the value */
				return yfail(c, is_unknown_key(st, c->err) ? k : v, st);
		}
	}
	return CO2_OK;
}

static co2_status parse_yaml(co2_spec *spec, const char *name, const char *buf, size_t len,
                             co2_error *err)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	if (!yaml_parser_initialize(&parser))
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&parser, &doc)) {
		int line, col;
		co2__yaml_problem_position(&parser, buf, len, &line, &col);
		co2__fail(err, CO2_ERR_PARSE, "%s:%d:%d: not valid YAML: %s", name, line, col,
		          parser.problem ? parser.problem : "syntax error");
		co2__error_at(err, name, line, col);
		yaml_parser_delete(&parser);
		return CO2_ERR_PARSE;
	}
	yaml_parser_delete(&parser);
	yctx c = { spec, &doc, name, err };
	co2_status st = CO2_OK;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root) {
		st = co2__fail(err, CO2_ERR_PARSE, "%s: empty run spec: expected keys like hardware, hours, region", name);
		co2__error_at(err, name, 0, 0);
		goto done;
	}
	st = ymapping_check(&c, root, "run spec");
	if (st != CO2_OK)
		goto done;
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&doc, p->value);
		const char *key = co2__yaml_scalar(k);
		if (strcmp(key, "devices") == 0) {
			st = yaml_devices(&c, v);
		} else if (!co2__run_known_key(key)) {
			st = yfail(&c, k, co2__run_unknown_key(err, key));
		} else {
			const char *val;
			st = yaml_value(&c, v, key, &val);
			if (st == CO2_OK) {
				st = co2_run_set(&spec->run, key, val, err);
				if (st != CO2_OK)
					st = yfail(&c, is_unknown_key(st, err) ? k : v, st);
			}
		}
		if (st != CO2_OK)
			goto done;
	}
done:
	yaml_document_delete(&doc);
	return st;
}

#endif /* CO2_HAVE_YAML */

/* ---- JSON ------------------------------------------------------------------------ */

#if !CO2_HAVE_JSON
static co2_status parse_json(co2_spec *spec, const char *name, const char *buf, size_t len,
                             co2_error *err)
{
	(void)spec, (void)buf, (void)len;
	return co2__unsupported(err, name, "a JSON run spec", 1);
}
#else

/* A device group as a whole (not one of its fields), for json_position(). */
#define WHOLE_GROUP INT_MAX

/* Where a member of the JSON spec is, for messages: cJSON keeps no positions, so the
 * text is read again by libyaml (a JSON object is a YAML flow mapping) and the member
 * found by its place: the top-level member `top`, or with `field` >= 0 the member
 * `field` of device group `group` inside it. `at_key` asks for the key's position, else
 * the value's. Returns 0 when the text does not read as YAML. */
static int json_position(const char *buf, size_t len, int top, int group, int field, int at_key,
                         int *line, int *col)
{
#if !CO2_HAVE_YAML
	(void)buf, (void)len, (void)top, (void)group, (void)field, (void)at_key, (void)line, (void)col;
	return 0; /* no positions without libyaml */
#else
	yaml_parser_t parser;
	yaml_document_t doc;
	int found = 0;
	if (!yaml_parser_initialize(&parser))
		return 0;
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&parser, &doc)) {
		yaml_parser_delete(&parser);
		return 0;
	}
	yaml_node_t *m = yaml_document_get_root_node(&doc);
	yaml_node_t *hit = NULL;
	if (m && m->type == YAML_MAPPING_NODE && top >= 0 &&
	    top < m->data.mapping.pairs.top - m->data.mapping.pairs.start) {
		yaml_node_pair_t *p = m->data.mapping.pairs.start + top;
		hit = yaml_document_get_node(&doc, at_key || field >= 0 ? p->key : p->value);
		yaml_node_t *seq = yaml_document_get_node(&doc, p->value);
		if (field >= 0 && seq && seq->type == YAML_SEQUENCE_NODE && group >= 0 &&
		    group < seq->data.sequence.items.top - seq->data.sequence.items.start) {
			yaml_node_t *g = yaml_document_get_node(&doc, seq->data.sequence.items.start[group]);
			hit = g;
			if (g && g->type == YAML_MAPPING_NODE &&
			    field < g->data.mapping.pairs.top - g->data.mapping.pairs.start) {
				yaml_node_pair_t *q = g->data.mapping.pairs.start + field;
				hit = yaml_document_get_node(&doc, at_key ? q->key : q->value);
			}
		}
	}
	if (hit) {
		co2__yaml_position(hit, line, col);
		found = 1;
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return found;
#endif
}

static co2_status json_fail(co2_error *err, const char *name, co2_status st, int line, int col)
{
	if (err) {
		char prefix[300];
		if (line > 0)
			snprintf(prefix, sizeof prefix, "%.256s:%d:%d: ", name, line, col);
		else
			snprintf(prefix, sizeof prefix, "%.256s: ", name);
		co2__error_prefix(err, prefix);
		snprintf(err->file, sizeof err->file, "%s", name);
		err->line = line > 0 ? line : 0;
		err->column = line > 0 ? col : 0;
		err->status = st;
	}
	return st;
}

static co2_status json_value(co2_spec *spec, const cJSON *v, const char *key, const char **out,
                             co2_error *err)
{
	char tmp[32];
	if (cJSON_IsString(v))
		*out = co2_spec_strdup(spec, v->valuestring);
	else if (cJSON_IsNumber(v)) {
		if (!isfinite(v->valuedouble))
			return co2__fail_field(err, CO2_ERR_INVALID, key, "%s: number out of range", key);
		*out = co2_spec_strdup(spec, co2_format_double(tmp, v->valuedouble));
	} else if (cJSON_IsBool(v))
		*out = co2_spec_strdup(spec, cJSON_IsTrue(v) ? "true" : "false");
	else
		return co2__fail_field(err, CO2_ERR_INVALID, key, "%s: expected a string or a number", key);
	return *out ? CO2_OK : co2__fail(err, CO2_ERR_NOMEM, "out of memory");
}

/* The index of the second member of o with a key seen before, or -1. */
static int json_duplicate(const cJSON *o)
{
	int i = 0;
	for (const cJSON *a = o->child; a; a = a->next, i++)
		for (const cJSON *b = o->child; b != a; b = b->next)
			if (strcmp(a->string, b->string) == 0)
				return i;
	return -1;
}

static co2_status json_object_check(const cJSON *o, const char *what, co2_error *err)
{
	if (!cJSON_IsObject(o))
		return co2__fail_field(err, CO2_ERR_PARSE, what, "%s: expected an object", what);
	int d = json_duplicate(o);
	if (d >= 0) {
		const cJSON *a = cJSON_GetArrayItem(o, d);
		return co2__fail_field(err, CO2_ERR_PARSE, a->string, "duplicate key '%.60s'", a->string);
	}
	return CO2_OK;
}

static co2_status parse_json(co2_spec *spec, const char *name, const char *buf, size_t len,
                             co2_error *err)
{
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
	if (!root) {
		const char *at = end ? end : buf;
		int line, col;
		co2__offset_position(buf, len, (size_t)(at - buf), &line, &col);
		co2__fail(err, CO2_ERR_PARSE, "%s:%d:%d: not valid JSON", name, line, col);
		co2__error_at(err, name, line, col);
		return CO2_ERR_PARSE;
	}
	/* The member that failed: top-level index, device group and field (-1: none), and
	 * whether the key (unknown, duplicate) or the value is at fault. */
	int top = -1, group = -1, field = -1, at_key = 1;
	co2_status st = json_object_check(root, "run spec", err);
	if (st != CO2_OK)
		top = json_duplicate(root);
	int i = 0;
	for (const cJSON *it = root->child; it && st == CO2_OK; it = it->next, i++) {
		top = i;
		if (strcmp(it->string, "devices") == 0) {
			if (!cJSON_IsArray(it)) {
				st = co2__fail_field(err, CO2_ERR_PARSE, "devices", "devices: expected a list");
				at_key = 0;
				break;
			}
			group = 0;
			for (const cJSON *g = it->child; g && st == CO2_OK; g = g->next, group++) {
				st = json_object_check(g, "devices[]", err);
				if (st != CO2_OK) {
					field = cJSON_IsObject(g) ? json_duplicate(g) : -1;
					if (field < 0) /* not an object: the group itself */
						field = WHOLE_GROUP, at_key = 0;
					break;
				}
				if (co2_run_add_device(&spec->run, NULL, CO2_UNSET, CO2_UNSET) != CO2_OK) {
					st = co2__fail_field(err, CO2_ERR_INVALID, "devices",
					                     "devices: at most %d groups", CO2_MAX_DEVICES);
					field = WHOLE_GROUP, at_key = 0;
					break;
				}
				co2_device *d = &spec->run.devices[spec->run.n_devices - 1];
				d->role = CO2_ROLE_ACCELERATOR;
				field = 0;
				for (const cJSON *f = g->child; f && st == CO2_OK; f = f->next, field++) {
					const char *val;
					st = json_value(spec, f, f->string, &val, err);
					if (st == CO2_OK)
						st = co2__run_device_set(d, f->string, val, err);
				}
				if (st != CO2_OK) { /* the loop stepped past the failed field */
					field--;
					at_key = is_unknown_key(st, err);
					break;
				}
			}
			continue;
		}
		const char *val;
		st = json_value(spec, it, it->string, &val, err);
		if (st == CO2_OK)
			st = co2_run_set(&spec->run, it->string, val, err);
		if (st != CO2_OK)
			at_key = is_unknown_key(st, err);
	}
	cJSON_Delete(root);
	if (st == CO2_OK)
		return st;
	int line = 0, col = 0;
	if (st != CO2_ERR_NOMEM && top >= 0)
		json_position(buf, len, top, group, field, at_key, &line, &col);
	return json_fail(err, name, st, line, col);
}

#endif /* CO2_HAVE_JSON */

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	if (n < m)
		return 0;
	for (size_t i = 0; i < m; i++)
		if (tolower((unsigned char)s[n - m + i]) != suffix[i])
			return 0;
	return 1;
}

#if CO2_HAVE_JSON
/* Whether the text loads as a YAML document (never without libyaml). */
static int loads_as_yaml(const char *buf, size_t len)
{
#if !CO2_HAVE_YAML
	(void)buf, (void)len;
	return 0;
#else
	yaml_parser_t parser;
	yaml_document_t doc;
	if (!yaml_parser_initialize(&parser))
		return 0;
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	int ok = yaml_parser_load(&parser, &doc);
	if (ok)
		yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return ok;
#endif
}
#endif

/* JSON or YAML: by the name's extension first (a .yaml spec may be a flow mapping,
 * "{hardware: T4, hours: 2}", which is not JSON), then by the content: a text that does
 * not open with '{' is YAML; one that does is JSON, unless it is not JSON but reads as
 * YAML (flow style from standard input). When it is neither, JSON's error is given.
 * Without cJSON, a text that opens with '{' is JSON (and refused as such). */
static int is_json(const char *name, const char *buf, size_t len)
{
	if (ends_with(name, ".yaml") || ends_with(name, ".yml"))
		return 0;
	if (ends_with(name, ".json"))
		return 1;
	size_t i = 0;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r'))
		i++;
	if (i == len || buf[i] != '{')
		return 0;
#if !CO2_HAVE_JSON
	return 1;
#else
	cJSON *j = cJSON_ParseWithLengthOpts(buf, len, NULL, 0);
	if (j) {
		cJSON_Delete(j);
		return 1;
	}
	return !loads_as_yaml(buf, len);
#endif
}

co2_status co2_spec_parse(co2_spec **out, const char *name, const char *buf, size_t len,
                          co2_error *err)
{
	return co2__spec_parse_as(out, name, CO2__SPEC_DETECT, buf, len, err);
}

co2_status co2__spec_parse_as(co2_spec **out, const char *name, co2__spec_syntax syntax,
                              const char *buf, size_t len, co2_error *err)
{
	if (!name)
		name = "<spec>";
	if (memchr(buf, '\0', len))
		return co2__fail(err, CO2_ERR_PARSE, "%s: binary data (a NUL byte): expected a YAML or JSON run spec", name);
	co2_spec *spec = calloc(1, sizeof *spec);
	if (!spec)
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	co2_run_init(&spec->run);
	int json = syntax == CO2__SPEC_DETECT ? is_json(name, buf, len) : syntax == CO2__SPEC_JSON;
	co2_status st = json ? parse_json(spec, name, buf, len, err) : parse_yaml(spec, name, buf, len, err);
	if (st != CO2_OK) {
		co2_spec_free(spec);
		return st;
	}
	*out = spec;
	return CO2_OK;
}
