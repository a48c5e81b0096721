/* co2calc sacct: a Slurm accounting dump in, the cluster's energy and CO2eq out. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/base.h"

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
	{ NULL, NULL, NULL }
};

static const cli_cmd cmd = {
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

typedef enum { OUT_TEXT, OUT_CSV, OUT_JSON } out_format;

typedef struct ctx {
	const char *input;
	size_t shown, max_shown;
	FILE *out;
	int header_done;
} ctx;

static void on_problem(void *p, const co2_error *e)
{
	ctx *c = p;
	if (c->shown++ < c->max_shown)
		fprintf(stderr, "co2calc: %s:%d: %s\n", e->file, e->line, e->message);
}

static void csv_str(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\n\r")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void num(FILE *f, double v)
{
	char b[32];
	fputs(co2_format_double(b, v), f);
}

/* CSV is read by people and spreadsheets: 10 significant digits drop the binary noise
 * (0.006447, not 0.0064470000000000005) and keep every figure that means anything. */
static void num_csv(FILE *f, double v)
{
	num(f, co2__round_significant(v, 10));
}

static const char per_job_header[] =
	"job_id,user,account,partition,state,submit,failed,elapsed_hours,cpu_used_hours,cpu_hours,"
	"gpus,gpu_hours,memory_requested_gb,memory_used_gb,memory_needed_gb,energy_cpu_kwh,"
	"energy_gpu_kwh,energy_memory_kwh,energy_kwh,co2_kg,co2_rightsized_kg\n";

static void on_job(void *p, const co2_sacct_job *j)
{
	ctx *c = p;
	FILE *f = c->out;
	if (!c->header_done) {
		fputs(per_job_header, f);
		c->header_done = 1;
	}
	const char *strs[] = { j->job_id, j->user, j->account, j->partition, j->state, j->submit };
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
		csv_str(f, strs[i]);
		fputc(',', f);
	}
	fputs(j->failed ? "1" : "0", f);
	const double v[] = { j->elapsed_hours, j->cpu_used_hours, j->cpu_hours, j->gpus, j->gpu_hours,
	                     j->memory_requested_gb, j->memory_used_gb, j->memory_needed_gb,
	                     j->energy_cpu_kwh, j->energy_gpu_kwh, j->energy_memory_kwh, j->energy_kwh,
	                     j->co2_kg, j->co2_rightsized_kg };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		fputc(',', f);
		if (v[i] != CO2_UNSET)
			num_csv(f, v[i]);
	}
	fputc('\n', f);
}

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static double share(double part, double whole)
{
	return whole > 0 ? part / whole : 0.0;
}

/* The figures of a set of jobs as JSON members (no braces). */
static void json_sums(FILE *f, const co2_sacct_sums *s, const char *indent)
{
	const struct { const char *k; double v; } m[] = {
		{ "jobs_failed", (double)s->jobs_failed },
		{ "energy_kwh", s->energy_kwh },
		{ "energy_cpu_kwh", s->energy_cpu_kwh },
		{ "energy_gpu_kwh", s->energy_gpu_kwh },
		{ "energy_memory_kwh", s->energy_memory_kwh },
		{ "energy_failed_kwh", s->energy_failed_kwh },
		{ "co2_kg", s->co2_kg },
		{ "co2_failed_kg", s->co2_failed_kg },
		{ "co2_failed_share", share(s->co2_failed_kg, s->co2_kg) },
		{ "cpu_hours", s->cpu_hours },
		{ "gpu_hours", s->gpu_hours },
		{ "cpu_used_hours", s->cpu_used_hours },
		{ "gpu_used_hours", s->gpu_used_hours },
		{ "wallclock_hours", s->wallclock_hours },
		{ "memory_requested_gb", s->memory_requested_gb },
		{ "memory_needed_gb", s->memory_needed_gb },
		{ "memory_overallocation_mean", s->overallocation_mean },
		{ "energy_rightsized_kwh", s->energy_rightsized_kwh },
		{ "co2_rightsized_kg", s->co2_rightsized_kg },
		{ "co2_saved_by_rightsizing_kg", s->co2_kg - s->co2_rightsized_kg },
	};
	fprintf(f, "%s\"jobs\": %zu", indent, s->jobs);
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		fprintf(f, ",\n%s\"%s\": ", indent, m[i].k);
		num(f, m[i].v);
	}
}

static void report_json(FILE *f, const co2_sacct *r, const co2_cluster *cl, const char *input,
                        double pue, double intensity, co2_sacct_group_by gb)
{
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	fputs("{\n  \"input\": ", f);
	json_str(f, input);
	fputs(",\n  \"cluster_file\": ", f);
	json_str(f, co2_cluster_file(cl));
	fputs(",\n  \"cluster\": ", f);
	if (co2_cluster_name(cl))
		json_str(f, co2_cluster_name(cl));
	else
		fputs("null", f);
	fputs(",\n  \"pue\": ", f);
	num(f, pue);
	fputs(",\n  \"intensity_g_per_kwh\": ", f);
	num(f, intensity);
	fputs(",\n  \"totals\": {\n", f);
	json_sums(f, &t->all, "    ");
	fputs(",\n    \"memory_overallocation_daily_mean\": ", f);
	num(f, t->overallocation_daily_mean);
	fprintf(f, ",\n    \"lines\": %zu,\n    \"malformed_lines\": %zu,\n    \"jobs_skipped\": %zu,\n"
	        "    \"jobs_filtered\": %zu\n  }", t->lines, t->malformed_lines, t->jobs_skipped, t->jobs_filtered);
	if (gb != CO2_SACCT_GROUP_NONE) {
		fprintf(f, ",\n  \"group_by\": \"%s\",\n  \"groups\": [", co2_sacct_group_by_name(gb));
		for (size_t i = 0; i < co2_sacct_group_count(r); i++) {
			const co2_sacct_group *g = co2_sacct_group_at(r, i);
			fputs(i ? ",\n    {\n      \"key\": " : "\n    {\n      \"key\": ", f);
			json_str(f, g->key);
			fputs(",\n", f);
			json_sums(f, &g->sums, "      ");
			fputs("\n    }", f);
		}
		fputs(co2_sacct_group_count(r) ? "\n  ]" : "]", f);
	}
	fputs("\n}\n", f);
}

static void csv_row(FILE *f, const char *key, const co2_sacct_sums *s)
{
	csv_str(f, key);
	fprintf(f, ",%zu,%zu", s->jobs, s->jobs_failed);
	const double v[] = { s->energy_kwh, s->energy_cpu_kwh, s->energy_gpu_kwh, s->energy_memory_kwh,
	                     s->co2_kg, s->co2_failed_kg, s->co2_rightsized_kg, s->cpu_hours, s->gpu_hours,
	                     s->cpu_used_hours, s->gpu_used_hours, s->wallclock_hours,
	                     s->memory_requested_gb, s->memory_needed_gb, s->overallocation_mean };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		fputc(',', f);
		num_csv(f, v[i]);
	}
	fputc('\n', f);
}

static void report_csv(FILE *f, const co2_sacct *r, co2_sacct_group_by gb)
{
	fprintf(f, "%s,jobs,jobs_failed,energy_kwh,energy_cpu_kwh,energy_gpu_kwh,energy_memory_kwh,co2_kg,"
	        "co2_failed_kg,co2_rightsized_kg,cpu_hours,gpu_hours,cpu_used_hours,gpu_used_hours,"
	        "wallclock_hours,memory_requested_gb,memory_needed_gb,memory_overallocation_mean\n",
	        gb == CO2_SACCT_GROUP_NONE ? "group" : co2_sacct_group_by_name(gb));
	for (size_t i = 0; i < co2_sacct_group_count(r); i++) {
		const co2_sacct_group *g = co2_sacct_group_at(r, i);
		csv_row(f, g->key, &g->sums);
	}
	csv_row(f, "(all)", &co2_sacct_get_totals(r)->all);
}

static void report_text(FILE *f, const co2_sacct *r, const co2_cluster *cl, const char *input,
                        double pue, double intensity, co2_sacct_group_by gb)
{
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	const co2_sacct_sums *a = &t->all;
	fprintf(f, "Cluster accounting: %s\n", input);
	fprintf(f, "cluster %s (%s): PUE %g, carbon intensity %g g CO2eq/kWh", co2_cluster_name(cl) ? co2_cluster_name(cl) : "-",
	        co2_cluster_file(cl), pue, intensity);
	if (co2_cluster_location(cl))
		fprintf(f, " (%s)", co2_cluster_location(cl));
	fprintf(f, ", memory %g W/GB\n\n", co2_cluster_memory_w_per_gb(cl));
	fprintf(f, "  %-26s %zu", "jobs", a->jobs);
	if (t->jobs_skipped || t->jobs_filtered) {
		fprintf(f, " (");
		if (t->jobs_skipped)
			fprintf(f, "%zu pending or running skipped%s", t->jobs_skipped, t->jobs_filtered ? ", " : "");
		if (t->jobs_filtered)
			fprintf(f, "%zu left out by filters", t->jobs_filtered);
		fprintf(f, ")");
	}
	fprintf(f, "\n  %-26s %zu (%.1f %%)\n", "failed jobs", a->jobs_failed, 100 * share((double)a->jobs_failed, (double)a->jobs));
	fprintf(f, "  %-26s %.3f kWh\n", "energy", a->energy_kwh);
	fprintf(f, "    %-24s %.3f kWh before PUE\n", "CPU", a->energy_cpu_kwh);
	fprintf(f, "    %-24s %.3f kWh before PUE\n", "GPU", a->energy_gpu_kwh);
	fprintf(f, "    %-24s %.3f kWh before PUE\n", "memory", a->energy_memory_kwh);
	fprintf(f, "  %-26s %.3f kg\n", "CO2eq", a->co2_kg);
	fprintf(f, "    %-24s %.3f kg (%.1f %%)\n", "of failed jobs", a->co2_failed_kg, 100 * share(a->co2_failed_kg, a->co2_kg));
	fprintf(f, "  %-26s %.1f (CPU time used %.1f h)\n", "CPU core-hours charged", a->cpu_hours, a->cpu_used_hours);
	fprintf(f, "  %-26s %.1f\n", "GPU-hours", a->gpu_hours);
	fprintf(f, "  %-26s %.1f h\n", "wall-clock", a->wallclock_hours);
	fprintf(f, "  %-26s %.1f GB; right-sized %.1f GB\n", "memory requested", a->memory_requested_gb, a->memory_needed_gb);
	fprintf(f, "  %-26s x%.2f per job (GA4HPC daily mean x%.2f)\n", "memory over-allocation",
	        a->overallocation_mean, t->overallocation_daily_mean);
	fprintf(f, "  %-26s %.3f kWh, %.3f kg CO2eq (%.1f %%)\n", "right-sized memory saves",
	        a->energy_kwh - a->energy_rightsized_kwh, a->co2_kg - a->co2_rightsized_kg,
	        100 * share(a->co2_kg - a->co2_rightsized_kg, a->co2_kg));
	fprintf(f, "  %-26s %zu of %zu lines\n", "malformed lines", t->malformed_lines, t->lines);
	if (gb == CO2_SACCT_GROUP_NONE)
		return;
	size_t w = strlen(co2_sacct_group_by_name(gb));
	for (size_t i = 0; i < co2_sacct_group_count(r); i++) {
		size_t l = strlen(co2_sacct_group_at(r, i)->key);
		if (l > w)
			w = l;
	}
	if (w > 40)
		w = 40;
	fprintf(f, "\n  %-*s %8s %7s %13s %12s %8s %11s %10s %9s\n", (int)w, co2_sacct_group_by_name(gb), "jobs",
	        "failed", "energy kWh", "CO2eq kg", "share", "CPU h", "GPU h", "mem over");
	for (size_t i = 0; i < co2_sacct_group_count(r); i++) {
		const co2_sacct_group *g = co2_sacct_group_at(r, i);
		const co2_sacct_sums *s = &g->sums;
		fprintf(f, "  %-*.*s %8zu %7zu %13.3f %12.3f %7.1f%% %11.1f %10.1f %8.2fx\n", (int)w, (int)w,
		        g->key[0] ? g->key : "-", s->jobs, s->jobs_failed, s->energy_kwh, s->co2_kg,
		        100 * share(s->co2_kg, a->co2_kg), s->cpu_hours, s->gpu_hours, s->overallocation_mean);
	}
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
	int rc = cli_parse(&cmd, argc, argv, &a);
	if (rc)
		return rc;
	if (a.help) {
		cli_help(&cmd, stdout);
		return CO2_EXIT_OK;
	}
	if (a.npos != 1)
		return cli_usage_error(a.npos ? "sacct: one log at a time ('%s' is extra)"
		                              : "sacct: give the log to read (a file, or '-' for standard input)%s",
		                       a.npos ? a.pos[1] : "");
	const char *cluster_path = cli_get(&a, "cluster");
	if (!cluster_path)
		return cli_usage_error("sacct: --cluster FILE is required (the partitions' TDP, PUE and intensity; "
		                       "GreenAlgorithms4HPC's cluster_info.yaml works as it is)");
	out_format fmt = OUT_TEXT;
	const char *fs = cli_get(&a, "format");
	if (fs) {
		if (strcmp(fs, "text") == 0)
			fmt = OUT_TEXT;
		else if (strcmp(fs, "csv") == 0)
			fmt = OUT_CSV;
		else if (strcmp(fs, "json") == 0)
			fmt = OUT_JSON;
		else
			return cli_usage_error("sacct: --format must be text, csv or json, not '%s'", fs);
	}
	int per_job = cli_has(&a, "per-job");
	if (per_job && fs && fmt != OUT_CSV)
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
	ctx c = { NULL, 0, 20, stdout, 0 };
	if (cli_get(&a, "max-problems")) {
		double m;
		if (co2_parse_double(&m, cli_get(&a, "max-problems"), "max-problems", &err) != CO2_OK || m < 0 || m > 1e9)
			return cli_usage_error("sacct: --max-problems expects a whole number >= 0");
		c.max_shown = (size_t)m;
	}

	co2_db *db = NULL;
	co2_cluster *cl = NULL;
	co2_sacct *r = NULL;
	char *cbuf = NULL, *buf = NULL;
	int fd = -1;
	size_t clen;
	const char *input = strcmp(a.pos[0], "-") == 0 ? "<stdin>" : a.pos[0];
	c.input = input;
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
	co2_sacct_on_problem(r, on_problem, &c);
	if (per_job)
		co2_sacct_on_job(r, on_job, &c);
	fd = strcmp(a.pos[0], "-") == 0 ? STDIN_FILENO : open(a.pos[0], O_RDONLY);
	if (fd < 0) {
		rc = cli_usage_error("%s: cannot open: %s", a.pos[0], strerror(errno));
		goto done;
	}
#ifdef POSIX_FADV_SEQUENTIAL
	(void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	const size_t cap = (size_t)1 << 18;
	buf = malloc(cap);
	if (!buf) {
		rc = cli_usage_error("out of memory");
		rc = CO2_EXIT_FAILURE;
		goto done;
	}
	for (;;) {
		ssize_t got = read(fd, buf, cap);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			rc = cli_usage_error("%s: read error: %s", input, strerror(errno));
			goto done;
		}
		if (got == 0)
			break;
		if (co2_sacct_feed(r, buf, (size_t)got, &err) != CO2_OK) {
			rc = cli_fail(&err);
			goto done;
		}
	}
	if (co2_sacct_finish(r, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	double pue = o.pue != CO2_UNSET ? o.pue : co2_cluster_pue(cl);
	double intensity = o.intensity_g_per_kwh != CO2_UNSET ? o.intensity_g_per_kwh : co2_cluster_intensity(cl);
	if (per_job && !c.header_done)
		fputs(per_job_header, stdout);
	if (!per_job) {
		if (fmt == OUT_JSON)
			report_json(stdout, r, cl, input, pue, intensity, o.group_by);
		else if (fmt == OUT_CSV)
			report_csv(stdout, r, o.group_by);
		else
			report_text(stdout, r, cl, input, pue, intensity, o.group_by);
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
	if (fd > STDIN_FILENO)
		close(fd);
	free(buf);
	free(cbuf);
	co2_sacct_free(r);
	co2_cluster_free(cl);
	co2_db_close(db);
	return rc;
}
