/* co2calc data check: validate data files. */
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ "no-builtin-data", NULL, "check the files alone, without the built-in data" },
	{ NULL, NULL, NULL }
};

const cli_cmd cli_cmd_data = {
	"data",
	"data check [FILE|DIR...]",
	"Check data files: schema version, required fields, sources and years, plausible\n"
	"ranges (power 1-2000 W, intensity 0-1500 g/kWh, PUE 1-3, no future year), references\n"
	"between entries, names or aliases shared by two entries, and an entry given twice\n"
	"(in two of the files checked, or in two built-in files; a file of yours replacing a\n"
	"built-in entry is a correction, not a problem). Each problem is one line,\n"
	"FILE:LINE: what is wrong; the exit status is 2 when there is any. With no file,\n"
	"checks the built-in data.",
	opts,
	"  co2calc data check\n"
	"  co2calc data check my-cluster.yaml\n"
};

static void report(void *ctx, const char *file, const char *message)
{
	(void)ctx;
	fprintf(stderr, "co2calc: %s: %s\n", file, message);
}

int cmd_data(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_cmd_data, argc, argv, &a);
	if (rc)
		return rc == CLI_HELP_SHOWN ? CO2_EXIT_OK : rc;
	if (a.npos < 1 || strcmp(a.pos[0], "check") != 0)
		return cli_usage_error("data: expected 'check' (co2calc data check [FILE...])");
	co2_error err;
	co2_error_clear(&err);
	co2_db *db = NULL;
	if (co2_db_new(&db, &err) != CO2_OK)
		return cli_fail(&err);
	if ((a.npos == 1 || !cli_has(&a, "no-builtin-data")) && co2_db_load_builtin(db, &err) != CO2_OK)
		goto fail;
	for (size_t i = 1; i < a.npos; i++)
		if (co2_db_load_path(db, a.pos[i], &err) != CO2_OK)
			goto fail;
	size_t problems = co2_db_check(db, report, NULL);
	size_t files = co2_db_file_count(db);
	co2_db_close(db);
	if (problems) {
		fprintf(stderr, "co2calc: %zu problem%s in %zu file%s\n", problems, problems == 1 ? "" : "s",
		        files, files == 1 ? "" : "s");
		return CO2_EXIT_USAGE;
	}
	printf("%zu file%s checked: no problems\n", files, files == 1 ? "" : "s");
	return fflush(stdout) == 0 ? CO2_EXIT_OK : CO2_EXIT_FAILURE;
fail:
	co2_db_close(db);
	return cli_fail(&err);
}
