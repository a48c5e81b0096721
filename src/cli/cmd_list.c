/* co2calc list: the entries of one kind, with their sources. */
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ "match", "TEXT", "only entries whose name or alias contains TEXT (case, spaces and punctuation ignored)" },
	{ "edition", "NAME", "only entries of this data edition" },
	{ "format", "FMT", "text (default) or json" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

static const cli_cmd cmd = {
	"list",
	"list hardware|regions|locations|providers|instances|editions [--match TEXT] [--edition NAME] [--format json]",
	"List the entries of the data, each with its source and year.",
	opts,
	"  co2calc list hardware --match a100\n"
	"  co2calc list regions --match gcp --edition co2calc\n"
	"  co2calc list editions\n"
};

int cmd_list(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cmd, argc, argv, &a);
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
	if (fmt && strcmp(fmt, "json") != 0 && strcmp(fmt, "text") != 0)
		return cli_usage_error("format: expected text or json, got '%s'", fmt);
	int json = fmt && strcmp(fmt, "json") == 0;
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
