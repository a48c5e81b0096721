/* co2calc list: the entries of one kind, with their sources. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ "match", "TEXT", "only entries whose name or alias contains TEXT (case, spaces and punctuation ignored)" },
	{ "edition", "NAME", "only entries of this data edition" },
	{ "format", "FMT", "text (default), json or names (each name and alias once a line, sorted: for scripts and shell completion)" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

const cli_cmd cli_cmd_list = {
	"list",
	"list hardware|regions|locations|providers|instances|editions [--match TEXT] [--edition NAME] [--format json]",
	"List the entries of the data, each with its source and year.",
	opts,
	"  co2calc list hardware --match a100\n"
	"  co2calc list regions --match gcp --edition co2calc\n"
	"  co2calc list editions\n"
};

/* Names of a kind, for --format names. */
typedef struct names {
	const char **v;
	size_t n, cap;
} names;

static int add_name(names *ns, const char *s)
{
	if (!s)
		return 0;
	if (ns->n == ns->cap) {
		size_t cap = ns->cap ? ns->cap * 2 : 256;
		const char **v = realloc(ns->v, cap * sizeof *v);
		if (!v)
			return -1;
		ns->v = v;
		ns->cap = cap;
	}
	ns->v[ns->n++] = s;
	return 0;
}

static int add_names(names *ns, const char *name, const char *const *aliases, size_t n_aliases)
{
	int rc = add_name(ns, name);
	for (size_t i = 0; i < n_aliases && !rc; i++)
		rc = add_name(ns, aliases[i]);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

#define OF_EDITION(e) (!edition || strcmp((e), edition) == 0)

static int print_names(const co2_db *db, const char *what, const char *edition)
{
	names ns = { 0 };
	size_t n = 0;
	int rc = 0;
	if (strcmp(what, "hardware") == 0) {
		const co2_hardware *h = co2_db_hardware_list(db, &n);
		for (size_t i = 0; i < n && !rc; i++)
			if (OF_EDITION(h[i].edition))
				rc = add_names(&ns, h[i].name, h[i].aliases, h[i].n_aliases);
	} else if (strcmp(what, "regions") == 0) {
		const co2_region *r = co2_db_regions(db, &n);
		for (size_t i = 0; i < n && !rc; i++)
			if (OF_EDITION(r[i].edition))
				rc = add_names(&ns, r[i].id, r[i].aliases, r[i].n_aliases);
	} else if (strcmp(what, "locations") == 0) {
		const co2_location *l = co2_db_locations(db, &n);
		for (size_t i = 0; i < n && !rc; i++)
			if (OF_EDITION(l[i].edition))
				rc = add_names(&ns, l[i].code, l[i].aliases, l[i].n_aliases);
	} else if (strcmp(what, "providers") == 0) {
		const co2_provider *p = co2_db_providers(db, &n);
		for (size_t i = 0; i < n && !rc; i++)
			if (OF_EDITION(p[i].edition))
				rc = add_name(&ns, p[i].id);
	} else if (strcmp(what, "instances") == 0) {
		const co2_instance *in = co2_db_instances(db, &n);
		for (size_t i = 0; i < n && !rc; i++)
			if (OF_EDITION(in[i].edition))
				rc = add_name(&ns, in[i].id);
	} else {
		const co2_edition *e = co2_db_editions(db, &n);
		for (size_t i = 0; i < n && !rc; i++)
			if (OF_EDITION(e[i].id))
				rc = add_name(&ns, e[i].id);
	}
	if (rc) {
		free(ns.v);
		return cli_usage_error("out of memory");
	}
	if (ns.n)
		qsort(ns.v, ns.n, sizeof *ns.v, cmp_str);
	for (size_t i = 0; i < ns.n && rc == 0; i++)
		if (i == 0 || strcmp(ns.v[i], ns.v[i - 1]) != 0)
			rc = printf("%s\n", ns.v[i]) < 0;
	free(ns.v);
	if (rc || fflush(stdout) != 0) {
		fprintf(stderr, "co2calc: cannot write to standard output: %s\n", strerror(errno));
		return CO2_EXIT_FAILURE;
	}
	return CO2_EXIT_OK;
}

int cmd_list(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_cmd_list, argc, argv, &a);
	if (rc)
		return rc == CLI_HELP_SHOWN ? CO2_EXIT_OK : rc;
	if (a.npos != 1)
		return cli_usage_error("list: expected one of hardware, regions, locations, providers, instances, editions");
	static const char *const what[] = { "hardware", "regions", "locations", "providers", "instances", "editions", NULL };
	size_t k;
	for (k = 0; what[k]; k++)
		if (strcmp(what[k], a.pos[0]) == 0 || (strncmp(what[k], a.pos[0], strlen(a.pos[0])) == 0 && strlen(a.pos[0]) >= 3))
			break;
	if (!what[k])
		return cli_usage_error("list: unknown kind '%s' (expected hardware, regions, locations, providers, instances or editions)", a.pos[0]);
	const char *fmt = cli_get(&a, "format");
	if (fmt && strcmp(fmt, "json") != 0 && strcmp(fmt, "text") != 0 && strcmp(fmt, "names") != 0)
		return cli_usage_error("format: expected text, json or names, got '%s'", fmt);
	int json = fmt && strcmp(fmt, "json") == 0;
	int names_only = fmt && strcmp(fmt, "names") == 0;
	if (names_only && cli_get(&a, "match"))
		return cli_usage_error("list: --match does not apply to --format names (which lists every name)");
	const char *edition = cli_get(&a, "edition");
	co2_error err;
	co2_error_clear(&err);
	co2_db *db = NULL;
	rc = cli_open_db(&a, &db, &err);
	if (rc)
		return rc;
	if (edition && !co2_db_edition(db, edition)) {
		co2_db_close(db);
		return cli_usage_error("edition: unknown data edition '%s' (see 'co2calc list editions')", edition);
	}
	if (names_only) {
		rc = print_names(db, what[k], edition);
		co2_db_close(db);
		return rc;
	}
	char *out = NULL;
	size_t len = 0, count = 0;
	co2_status st = co2_list_report(&out, &len, &count, db, what[k], cli_get(&a, "match"), edition,
	                                json ? CO2_FORMAT_JSON : CO2_FORMAT_TEXT, &err);
	co2_db_close(db);
	if (st == CO2_ERR_NOMEM)
		return cli_usage_error("out of memory");
	if (st != CO2_OK)
		return cli_fail(&err);
	rc = len ? cli_write_stdout(out, len) : CO2_EXIT_OK;
	if (!json && count == 0 && rc == CO2_EXIT_OK)
		fprintf(stderr, "co2calc: no %s match\n", what[k]);
	co2_free(out);
	return rc;
}
