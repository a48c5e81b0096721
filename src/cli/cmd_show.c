/* co2calc show: one entry with every field and its source. */
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ "edition", "NAME", "search this data edition first (default co2calc)" },
	{ "format", "FMT", "text (default) or json: the fields of an entry of 'list --format json'" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

const cli_cmd cli_cmd_show = {
	"show",
	"show hardware|region|location|provider|instance NAME [--edition NAME] [--format json]",
	"Show one entry of the data with its figures, aliases, source and year.",
	opts,
	"  co2calc show hardware \"NVIDIA A100-SXM4-80GB\"\n"
	"  co2calc show region gcp:asia-east1 --edition mlco2-impact\n"
	"  co2calc show location FR --format json\n"
	"  co2calc show provider gcp\n"
};

int cmd_show(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_cmd_show, argc, argv, &a);
	if (rc)
		return rc == CLI_HELP_SHOWN ? CO2_EXIT_OK : rc;
	if (a.npos != 2)
		return cli_usage_error("show: expected a kind (hardware, region, location, provider, instance) and a name");
	const char *kind = a.pos[0], *name = a.pos[1];
	static const char *const kinds[] = { "hardware", "region", "location", "provider", "instance",
		"regions", "locations", "providers", "instances", NULL };
	size_t k;
	for (k = 0; kinds[k] && strcmp(kinds[k], kind) != 0; k++)
		;
	if (!kinds[k])
		return cli_usage_error("show: unknown kind '%s' (expected hardware, region, location, provider or instance)", kind);
	const char *fmt = cli_get(&a, "format");
	if (fmt && strcmp(fmt, "json") != 0 && strcmp(fmt, "text") != 0)
		return cli_usage_error("format: expected text or json, got '%s'", fmt);
	const char *edition = cli_get(&a, "edition") ? cli_get(&a, "edition") : cli_get(&a, "data-edition");
	co2_error err;
	co2_error_clear(&err);
	co2_db *db = NULL;
	rc = cli_open_db(&a, &db, &err);
	if (rc)
		return rc;
	char *out = NULL;
	size_t len = 0;
	co2_status st = co2_show_report(&out, &len, db, kind, name, edition,
	                                fmt && strcmp(fmt, "json") == 0 ? CO2_FORMAT_JSON : CO2_FORMAT_TEXT,
	                                &err);
	co2_db_close(db);
	if (st != CO2_OK)
		return cli_fail(&err);
	rc = cli_write_stdout(out, len);
	co2_free(out);
	return rc;
}
