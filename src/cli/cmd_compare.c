/* co2calc compare: one run beside what-if changes of it, or under each method. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run_args.h"

static const cli_opt opts[] = {
	CLI_RUN_OPTS,
	{ "what-if", "KEY=VALUE[,...]", "a scenario: changes applied to the run; repeat for more columns" },
	{ "format", "FMT", "text (default), json, markdown or csv" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

const cli_cmd cli_cmd_compare = {
	"compare",
	"compare --spec FILE [--what-if KEY=VALUE[,KEY=VALUE...]]... [OPTIONS]",
	"Recompute a run with changes and print the results side by side, with the change from\n"
	"the run as declared (the baseline) in kg and %. Each --what-if is one scenario (one\n"
	"column); commas inside one --what-if combine changes in that scenario, applied in order.\n"
	"Without --what-if, the run is shown under each method (its own first).\n\n"
	"keys: region (moves the run: clears its location and intensity), location, hardware\n"
	"(clears a declared power), count, hours, utilization, pue, repeats, intensity, method,\n"
	"memory, power, device-hours, energy, edition, and practice factors:\n"
	"  mixed-precision=SPEEDUP  training time / SPEEDUP (NVIDIA reports 1.5x to 3x speed-ups\n"
	"                           on Tensor Core GPUs; Micikevicius et al. 2018, arXiv:1710.03740)\n"
	"  early-stopping=FRACTION  training time x FRACTION of the epochs still run, in (0, 1]\n"
	"  random-search=TRIALS     repeats = TRIALS: a random search of TRIALS runs instead of\n"
	"                           the spec's grid (its repeats); Bergstra & Bengio 2012, JMLR 13",
	opts,
	"  co2calc compare --spec bert-base.yaml --what-if region=gcp:europe-north1\n"
	"  co2calc compare --spec run.yaml --what-if mixed-precision=2 --what-if \"region=gcp:europe-north1,mixed-precision=2\"\n"
	"  co2calc compare --spec run.yaml                # under mlco2, green-algorithms and default\n"
};

#define MAX_SCENARIOS 17

/* A scenario's warnings, but those of the run as declared (printed already). */
static int scenario_warnings(const cli_args *a, const co2_warnings *w,
                             const co2_warnings *baseline, const char *label)
{
	int rc = 0;
	for (size_t i = 0; i < w->n && i < CO2_MAX_WARNINGS; i++) {
		size_t k = 0;
		while (k < baseline->n && strcmp(baseline->items[k].message, w->items[i].message) != 0)
			k++;
		if (k < baseline->n)
			continue;
		int r = cli_warn(a, "what-if '%.200s': %s", label, w->items[i].message);
		if (!rc)
			rc = r;
	}
	return rc;
}

int cmd_compare(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_cmd_compare, argc, argv, &a);
	if (rc)
		return rc == CLI_HELP_SHOWN ? CO2_EXIT_OK : rc;
	if (a.npos)
		return cli_usage_error("compare: unexpected argument '%s' (use --what-if KEY=VALUE)", a.pos[0]);
	co2_error err;
	co2_error_clear(&err);
	co2_format fmt = CO2_FORMAT_TEXT;
	if (cli_get(&a, "format") && co2_format_parse(&fmt, cli_get(&a, "format"), &err) != CO2_OK)
		return cli_fail(&err);
	if (fmt != CO2_FORMAT_TEXT && fmt != CO2_FORMAT_JSON && fmt != CO2_FORMAT_MARKDOWN &&
	    fmt != CO2_FORMAT_CSV)
		return cli_usage_error("compare: --format: expected text, json, markdown or csv, got '%s'",
		                       cli_get(&a, "format"));
	size_t n_whatif = 0;
	for (size_t i = 0; i < a.n; i++)
		n_whatif += strcmp(a.opt[i]->name, "what-if") == 0;
	if (n_whatif + 1 > MAX_SCENARIOS)
		return cli_usage_error("compare: at most %d --what-if scenarios", MAX_SCENARIOS - 1);

	co2_result res[MAX_SCENARIOS];
	for (size_t i = 0; i < MAX_SCENARIOS; i++)
		co2_result_init(&res[i]);
	const char *labels[MAX_SCENARIOS];
	char *texts[MAX_SCENARIOS] = { 0 };
	size_t n = 0;
	char *report = NULL;
	cli_run cr;
	rc = cli_run_load(&cr, &a, &err);
	if (rc)
		goto done;
	if (n_whatif == 0) {
		static const co2_method order[] = { CO2_METHOD_MLCO2, CO2_METHOD_GREEN_ALGORITHMS,
			                            CO2_METHOD_DEFAULT };
		co2_method own = cr.run->method;
		co2_method methods[3] = { own, own, own };
		size_t k = 1;
		for (size_t i = 0; i < 3; i++)
			if (order[i] != own)
				methods[k++] = order[i];
		for (size_t i = 0; i < 3; i++) {
			co2_run r = *cr.run;
			r.method = methods[i];
			if (co2_estimate(cr.db, &r, &res[n], &err) != CO2_OK) {
				fprintf(stderr, "co2calc: method %s: %s\n", co2_method_name(methods[i]), err.message);
				rc = cli_exit_status(err.status);
				goto done;
			}
			labels[n++] = co2_method_name(methods[i]);
		}
	} else {
		if (co2_estimate(cr.db, cr.run, &res[0], &err) != CO2_OK) {
			rc = cli_fail(&err);
			goto done;
		}
		labels[n++] = "baseline";
		for (size_t i = 0; i < a.n; i++) {
			if (strcmp(a.opt[i]->name, "what-if") != 0)
				continue;
			texts[n] = strdup(a.val[i]);
			if (!texts[n]) {
				rc = cli_usage_error("out of memory");
				rc = CO2_EXIT_FAILURE;
				goto done;
			}
			co2_run r = *cr.run;
			co2_warnings w;
			co2_warnings_clear(&w);
			if (co2_whatif_apply_list_warn(&r, texts[n], &w, &err) != CO2_OK ||
			    co2_estimate(cr.db, &r, &res[n], &err) != CO2_OK) {
				fprintf(stderr, "co2calc: what-if '%s': %s\n", a.val[i], err.message);
				rc = cli_exit_status(err.status);
				goto done;
			}
			co2_run_warnings(&w, &r);
			if ((rc = scenario_warnings(&a, &w, &cr.warnings, a.val[i])) != 0)
				goto done;
			labels[n] = a.val[i];
			n++;
		}
	}
	size_t len;
	if (co2_report_compare(&report, &len, res, labels, n, fmt, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	rc = cli_write_stdout(report, len);
done:
	co2_free(report);
	for (size_t i = 0; i < MAX_SCENARIOS; i++)
		free(texts[i]);
	cli_run_free(&cr);
	return rc;
}
