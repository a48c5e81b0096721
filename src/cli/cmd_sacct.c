/* co2calc sacct: a Slurm accounting dump in, the cluster's energy and CO2eq out. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ "cluster", "FILE", "cluster description (YAML; GreenAlgorithms4HPC's cluster_info.yaml as it is)" },
	{ "group-by", "KEY", "user, account, partition, state or day" },
	{ "since", "DATE", "only jobs submitted at or after DATE (YYYY-MM-DD[THH:MM[:SS]])" },
	{ "until", "DATE", "only jobs submitted before DATE" },
	{ "user", "NAME", "only this user's jobs" },
	{ "account", "NAME", "only this account's jobs" },
	{ "partition", "NAME", "only this partition's jobs" },
	{ "custom-success-states", "LIST", "states counted as successful, e.g. TIMEOUT,CANCELLED" },
	{ "pue", "X", "override the cluster file's PUE" },
	{ "intensity", "G_PER_KWH", "override the cluster file's carbon intensity (g CO2eq/kWh)" },
	{ "format", "FMT", "text (default), csv or json" },
	{ "per-job", NULL, "write one CSV row per job instead of the report" },
	{ "max-problems", "N", "malformed lines to describe on stderr (default 20; all are counted)" },
	{ "data", "PATH", "data files to look up `location:` and partition models without TDP; repeatable" },
	{ "no-builtin-data", NULL, "use only the files given with --data" },
	{ "strict", NULL, "likely mistakes (an intensity of 0.38 g/kWh, a flag given twice, ...) are errors, not warnings" },
	{ NULL, NULL, NULL }
};

const cli_cmd cli_cmd_sacct = {
	"sacct",
	"sacct FILE|- --cluster FILE [--group-by KEY] [--since DATE] [--until DATE] [--format FMT] [OPTIONS]",
	"Energy and CO2eq of every job in a Slurm accounting dump (sacct --parsable2), by the\n"
	"Green Algorithms method as GreenAlgorithms4HPC applies it. Steps fold into their job;\n"
	"PENDING and RUNNING jobs are skipped. Exit status 1 when some lines were malformed\n"
	"(they are described on stderr and left out; the report counts them).",
	opts,
	"  sacct -a -S 2024-01-01 -E 2024-12-31 --parsable2 --delimiter='|' \\\n"
	"    --format UID,User,JobID,JobName,Submit,Elapsed,Partition,NNodes,NCPUS,TotalCPU,CPUTime,ReqMem,MaxRSS,WorkDir,State,Account,AllocTRES \\\n"
	"    | co2calc sacct - --cluster cluster_info.yaml --group-by account\n"
	"  co2calc sacct jobs.log --cluster cluster_info.yaml --group-by day --format csv\n"
	"  co2calc sacct jobs.log --cluster cluster_info.yaml --user ab123 --per-job > jobs.csv\n"
};

typedef struct ctx {
	size_t shown, max_shown;
	int header_done;
	co2_status write_status; /* the first failure to write a per-job row */
	co2_error write_err;
} ctx;

static void on_problem(void *p, const co2_error *e)
{
	ctx *c = p;
	if (c->shown++ < c->max_shown)
		fprintf(stderr, "co2calc: %s:%d: %s\n", e->file, e->line, e->message);
}

/* Write one library-made piece of output to stdout and free it; write errors are found
 * by the fflush/ferror check at the end. */
static void put(char *s, size_t len)
{
	fwrite(s, 1, len, stdout);
	co2_free(s);
}

static void header(ctx *c)
{
	char *s = NULL;
	size_t len;
	c->header_done = 1;
	if (co2_sacct_job_header(&s, &len, CO2_FORMAT_CSV, &c->write_err) != CO2_OK)
		c->write_status = c->write_err.status;
	else
		put(s, len);
}

static void on_job(void *p, const co2_sacct_job *j)
{
	ctx *c = p;
	char *s = NULL;
	size_t len;
	if (c->write_status != CO2_OK)
		return;
	if (!c->header_done)
		header(c);
	if (c->write_status != CO2_OK)
		return;
	if (co2_sacct_job_row(&s, &len, j, CO2_FORMAT_CSV, &c->write_err) != CO2_OK)
		c->write_status = c->write_err.status;
	else
		put(s, len);
}

static co2_status feed(void *reader, const char *data, size_t len, co2_error *err)
{
	return co2_sacct_feed(reader, data, len, err);
}

static int parse_number_opt(const cli_args *a, const char *name, double *out, co2_error *err)
{
	const char *v = cli_get(a, name);
	if (!v)
		return 0;
	if (co2_parse_double(out, v, name, err) != CO2_OK)
		return cli_fail(err);
	return 0;
}

int cmd_sacct(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_cmd_sacct, argc, argv, &a);
	if (rc)
		return rc == CLI_HELP_SHOWN ? CO2_EXIT_OK : rc;
	if (a.npos != 1)
		return cli_usage_error(a.npos ? "sacct: one log at a time ('%s' is extra)"
		                              : "sacct: give the log to read (a file, or '-' for standard input)%s",
		                       a.npos ? a.pos[1] : "");
	const char *cluster_path = cli_get(&a, "cluster");
	if (!cluster_path)
		return cli_usage_error("sacct: --cluster FILE is required (the partitions' TDP, PUE and intensity; "
		                       "GreenAlgorithms4HPC's cluster_info.yaml works as it is)");
	co2_format fmt = CO2_FORMAT_TEXT;
	const char *fs = cli_get(&a, "format");
	if (fs) {
		if (strcmp(fs, "text") == 0)
			fmt = CO2_FORMAT_TEXT;
		else if (strcmp(fs, "csv") == 0)
			fmt = CO2_FORMAT_CSV;
		else if (strcmp(fs, "json") == 0)
			fmt = CO2_FORMAT_JSON;
		else
			return cli_usage_error("sacct: --format must be text, csv or json, not '%s'", fs);
	}
	int per_job = cli_has(&a, "per-job");
	if (per_job && fs && fmt != CO2_FORMAT_CSV)
		return cli_usage_error("sacct: --per-job writes CSV; drop --format %s", fs);
	co2_error err;
	co2_error_clear(&err);
	co2_sacct_options o; co2_sacct_options_init(&o);
	if (cli_get(&a, "group-by") && co2_sacct_group_by_parse(&o.group_by, cli_get(&a, "group-by"), &err) != CO2_OK)
		return cli_fail(&err);
	o.since = cli_get(&a, "since");
	o.until = cli_get(&a, "until");
	o.user = cli_get(&a, "user");
	o.account = cli_get(&a, "account");
	o.partition = cli_get(&a, "partition");
	o.custom_success_states = cli_get(&a, "custom-success-states");
	if ((rc = parse_number_opt(&a, "pue", &o.pue, &err)) != 0 ||
	    (rc = parse_number_opt(&a, "intensity", &o.intensity_g_per_kwh, &err)) != 0)
		return rc;
	ctx c;
	memset(&c, 0, sizeof c);
	c.max_shown = 20;
	if (cli_get(&a, "max-problems")) {
		double m;
		if (co2_parse_double(&m, cli_get(&a, "max-problems"), "max-problems", &err) != CO2_OK || m < 0 || m > 1e9)
			return cli_usage_error("sacct: --max-problems expects a whole number >= 0");
		c.max_shown = (size_t)m;
	}

	co2_db *db = NULL;
	co2_cluster *cl = NULL;
	co2_sacct *r = NULL;
	char *cbuf = NULL, *report = NULL;
	size_t clen;
	const char *input = strcmp(a.pos[0], "-") == 0 ? "<stdin>" : a.pos[0];
	if ((rc = cli_read_file(cluster_path, &cbuf, &clen, &err)) != 0) {
		cli_fail(&err);
		goto done;
	}
	if ((rc = cli_open_db(&a, &db, &err)) != 0)
		goto done;
	if (co2_cluster_load_buffer(&cl, cluster_path, cbuf, clen, db, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	if (co2_sacct_new(&r, cl, &o, input, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	co2_warnings warnings;
	co2_warnings_clear(&warnings);
	co2_sacct_warnings(&warnings, r);
	if ((rc = cli_warnings(&a, &warnings, NULL)) != 0)
		goto done;
	co2_sacct_on_problem(r, on_problem, &c);
	if (per_job)
		co2_sacct_on_job(r, on_job, &c);
	if ((rc = cli_feed_file(a.pos[0], input, feed, r, &err)) != 0)
		goto done;
	if (co2_sacct_finish(r, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	if (per_job && !c.header_done)
		header(&c);
	if (c.write_status != CO2_OK) {
		rc = cli_fail(&c.write_err);
		goto done;
	}
	if (!per_job) {
		size_t len;
		if (co2_sacct_report(&report, &len, r, fmt, &err) != CO2_OK) {
			rc = cli_fail(&err);
			goto done;
		}
		fwrite(report, 1, len, stdout);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "co2calc: cannot write to standard output: %s\n", strerror(errno));
		rc = CO2_EXIT_FAILURE;
		goto done;
	}
	if (t->malformed_lines) {
		if (c.shown > c.max_shown)
			fprintf(stderr, "co2calc: %s: %zu malformed lines in all (%zu described above)\n", input,
			        t->malformed_lines, c.max_shown);
		else
			fprintf(stderr, "co2calc: %s: %zu malformed line%s left out of the totals\n", input,
			        t->malformed_lines, t->malformed_lines == 1 ? "" : "s");
		rc = CO2_EXIT_FAILURE;
	}
done:
	free(cbuf);
	co2_free(report);
	co2_sacct_free(r);
	co2_cluster_free(cl);
	co2_db_close(db);
	return rc;
}
