/* co2calc estimate: one run from flags or a spec file. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const cli_opt opts[] = {
	{ "spec", "FILE", "read the run from a YAML or JSON spec ('-' for standard input); flags override it" },
	{ "hardware", "NAME", "accelerator (GPU, TPU, ...) or cloud instance type, e.g. \"A100 SXM4 80GB\"" },
	{ "count", "N", "number of devices (default 1)" },
	{ "hours", "H", "wall-clock hours of the run" },
	{ "device-hours", "H", "device-hours (e.g. GPU-hours), in place of --count x --hours" },
	{ "utilization", "U", "average utilization of the devices, in (0, 1] (default 1)" },
	{ "power", "W", "power per device in W (overrides the data, or a device not in it)" },
	{ "cpu", "NAME", "CPU model; its power per core is counted" },
	{ "cores", "N", "CPU cores used (default: all cores of one CPU)" },
	{ "cpu-utilization", "U", "average CPU core utilization, in (0, 1]" },
	{ "cpu-power", "W", "power per CPU core in W" },
	{ "memory", "GB", "memory allocated, in GB (counted at the method's W/GB)" },
	{ "region", "PROVIDER:REGION", "cloud region, e.g. gcp:asia-east1, aws:us-east-1" },
	{ "location", "CODE", "country or grid, e.g. FR, US-CA (overrides the region's intensity)" },
	{ "intensity", "G_PER_KWH", "carbon intensity in g CO2eq/kWh (overrides region and location)" },
	{ "pue", "X", "power usage effectiveness of the data centre (>= 1)" },
	{ "repeats", "N", "times the run was done (trials, restarts); default 1" },
	{ "energy", "KWH", "measured IT energy in kWh, in place of power x time" },
	{ "method", "NAME", "mlco2, green-algorithms or default" },
	{ "name", "TEXT", "name of the run or model, for reports" },
	{ "training-type", "TEXT", "pre-training, fine-tuning, ..., for reports" },
	{ "format", "FMT", "text (default) or json" },
	{ "explain", NULL, "show each step of the calculation with its numbers" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

static const cli_cmd cmd = {
	"estimate",
	"estimate [--spec FILE] [--hardware NAME --count N --hours H] [--region P:R | --location CODE] [OPTIONS]",
	"Estimate the energy and CO2eq of one run, with every factor and its source.",
	opts,
	"  co2calc estimate --hardware \"TPU v2\" --count 4 --hours 96 --region gcp:asia-east1 --method mlco2\n"
	"  co2calc estimate --hardware \"A100 SXM4 80GB\" --device-hours 82432 --location US --format json\n"
	"  co2calc estimate --spec run.yaml --explain\n"
};

/* Flags that are run fields, in spec-key spelling (co2_run_set maps '-' to '_'). */
static const char *const run_flags[] = { "hardware", "count", "hours", "device-hours",
	"utilization", "power", "cpu", "cores", "cpu-utilization", "cpu-power", "memory",
	"region", "location", "intensity", "pue", "repeats", "energy", "method", "name",
	"training-type", NULL };

int cmd_estimate(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cmd, argc, argv, &a);
	if (rc)
		return rc;
	if (a.help) {
		cli_help(&cmd, stdout);
		return CO2_EXIT_OK;
	}
	if (a.npos)
		return cli_usage_error("estimate: unexpected argument '%s' (use --spec FILE for a spec file)", a.pos[0]);
	co2_error err;
	co2_error_clear(&err);
	co2_format fmt = CO2_FORMAT_TEXT;
	if (cli_get(&a, "format") && co2_format_parse(&fmt, cli_get(&a, "format"), &err) != CO2_OK)
		return cli_fail(&err);

	co2_db *db = NULL;
	co2_spec *spec = NULL;
	char *buf = NULL, *report = NULL;
	co2_run plain = co2_run_init();
	co2_run *run = &plain;
	const char *spec_path = cli_get(&a, "spec");
	if (spec_path) {
		size_t len;
		rc = cli_read_file(spec_path, &buf, &len, &err);
		if (rc) {
			cli_fail(&err);
			goto done;
		}
		if (co2_spec_parse(&spec, strcmp(spec_path, "-") == 0 ? "<stdin>" : spec_path, buf, len, &err) != CO2_OK) {
			rc = cli_fail(&err);
			goto done;
		}
		run = co2_spec_run(spec);
	}
	for (size_t i = 0; i < a.n; i++) {
		const char *name = a.opt[i]->name;
		for (size_t k = 0; run_flags[k]; k++) {
			if (strcmp(run_flags[k], name) != 0)
				continue;
			if (co2_run_set(run, name, a.val[i], &err) != CO2_OK) {
				rc = cli_fail(&err);
				goto done;
			}
		}
	}
	if (cli_get(&a, "data-edition"))
		run->edition = cli_get(&a, "data-edition");
	rc = cli_open_db(&a, &db, &err);
	if (rc)
		goto done;
	co2_result res;
	if (co2_estimate(db, run, &res, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	size_t len = 0;
	if (co2_report(&report, &len, &res, fmt, cli_has(&a, "explain") ? CO2_REPORT_EXPLAIN : 0, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	rc = cli_write_stdout(report, len);
done:
	co2_free(report);
	co2_spec_free(spec);
	free(buf);
	co2_db_close(db);
	return rc;
}
