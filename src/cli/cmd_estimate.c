/* co2calc estimate: one run from flags or a spec file. Also the run loading that card
 * and compare share (cli/run_args.h). */
#include <stdlib.h>
#include <string.h>

#include "run_args.h"

static const cli_opt opts[] = {
	CLI_RUN_OPTS,
	{ "format", "FMT", "text (default), json, model-card, latex, markdown, yaml or csv" },
	{ "explain", NULL, "show each step of the calculation with its numbers and sources (text; with json, a \"steps\" array)" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

const cli_cmd cli_cmd_estimate = {
	"estimate",
	"estimate [--spec FILE] [--hardware NAME --count N --hours H] [--region P:R | --location CODE] [OPTIONS]",
	"Estimate the energy and CO2eq of one run, with every factor and its source.",
	opts,
	"  co2calc estimate --hardware \"TPU v2\" --count 4 --hours 96 --region gcp:asia-east1 --method mlco2\n"
	"  co2calc estimate --hardware \"A100 SXM4 80GB\" --device-hours 82432 --location US --format json\n"
	"  co2calc estimate --spec run.yaml --explain\n"
	"  co2calc estimate --spec run.yaml --format latex     # a paragraph and BibTeX for a paper\n"
	"  co2calc estimate --spec run.yaml --format model-card\n"
};

/* Flags that are run fields, in spec-key spelling (co2_run_set maps '-' to '_'). */
static const char *const run_flags[] = { "hardware", "count", "hours", "device-hours",
	"utilization", "power", "cpu", "cores", "cpu-utilization", "cpu-power", "memory",
	"region", "location", "intensity", "pue", "repeats", "energy", "method", "name",
	"training-type", "site", "devices-only", "sockets", "lifetime-years", "use-share",
	"embodied-kg", "include-embodied", NULL };

int cli_run_load(cli_run *cr, const cli_args *a, co2_error *err)
{
	memset(cr, 0, sizeof *cr);
	co2_run_init(&cr->plain);
	cr->run = &cr->plain;
	const char *spec_path = cli_get(a, "spec");
	if (spec_path) {
		size_t len;
		int rc = cli_read_file(spec_path, &cr->buf, &len, err);
		if (rc) {
			cli_fail(err);
			return rc;
		}
		if (co2_spec_parse(&cr->spec, strcmp(spec_path, "-") == 0 ? "<stdin>" : spec_path,
		                   cr->buf, len, err) != CO2_OK)
			return cli_fail(err);
		cr->run = co2_spec_run(cr->spec);
	}
	for (size_t i = 0; i < a->n; i++) {
		const char *name = a->opt[i]->name;
		for (size_t k = 0; run_flags[k]; k++)
			if (strcmp(run_flags[k], name) == 0 && co2_run_set(cr->run, name, a->val[i], err) != CO2_OK)
				return cli_fail(err);
	}
	if (cli_get(a, "data-edition"))
		cr->run->edition = cli_get(a, "data-edition");
	co2_run_warnings(&cr->warnings, cr->run);
	int rc = cli_warnings(a, &cr->warnings, NULL);
	if (rc)
		return rc;
	return cli_open_db(a, &cr->db, err);
}

void cli_run_free(cli_run *cr)
{
	co2_spec_free(cr->spec);
	free(cr->buf);
	co2_db_close(cr->db);
	memset(cr, 0, sizeof *cr);
}

int cmd_estimate(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_cmd_estimate, argc, argv, &a);
	if (rc)
		return rc == CLI_HELP_SHOWN ? CO2_EXIT_OK : rc;
	if (a.npos)
		return cli_usage_error("estimate: unexpected argument '%s' (use --spec FILE for a spec file)", a.pos[0]);
	co2_error err;
	co2_error_clear(&err);
	co2_format fmt = CO2_FORMAT_TEXT;
	if (cli_get(&a, "format") && co2_format_parse(&fmt, cli_get(&a, "format"), &err) != CO2_OK)
		return cli_fail(&err);

	char *report = NULL;
	cli_run cr;
	rc = cli_run_load(&cr, &a, &err);
	if (rc)
		goto done;
	co2_result res;
	co2_result_init(&res);
	if (co2_estimate(cr.db, cr.run, &res, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	size_t len = 0;
	if (co2_report_run(&report, &len, &res, cr.run, cr.db, fmt,
	                   cli_has(&a, "explain") ? CO2_REPORT_EXPLAIN : 0, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	rc = cli_write_stdout(report, len);
done:
	co2_free(report);
	cli_run_free(&cr);
	return rc;
}
