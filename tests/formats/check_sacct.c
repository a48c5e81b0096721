/* src/io/sacct.c and src/io/cluster.c: Slurm accounting streamed into energy and CO2eq.
 * Figures are computed by hand (see the comments) or come from GreenAlgorithms4HPC's
 * formula run on frozen logs (tests/data/sacct/ga4hpc). */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

#define DATA CO2_TEST_DATA_DIR "/sacct/"

static co2_cluster *load_cluster(const char *path)
{
	size_t len;
	char *buf = co2_test_slurp(path, &len);
	co2_cluster *c = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_cluster_load_buffer(&c, path, buf, len, NULL, &err) == CO2_OK, "%s", err.message);
	free(buf);
	return c;
}

typedef struct seen {
	size_t problems;
	int lines[16];
	char messages[16][800];
	size_t jobs;
	char ids[16][32];
} seen;

static void on_problem(void *ctx, const co2_error *e)
{
	seen *s = ctx;
	if (s->problems < 16) {
		s->lines[s->problems] = e->line;
		snprintf(s->messages[s->problems], sizeof s->messages[0], "%s", e->message);
	}
	s->problems++;
}

static void on_job(void *ctx, const co2_sacct_job *j)
{
	seen *s = ctx;
	if (s->jobs < 16)
		snprintf(s->ids[s->jobs], sizeof s->ids[0], "%s", j->job_id);
	s->jobs++;
}

/* Run a whole buffer through a reader in chunks of `chunk` bytes (0: all at once). */
static co2_sacct *run_chunked(const co2_cluster *c, const co2_sacct_options *o, const char *buf,
                              size_t len, size_t chunk, seen *sn)
{
	co2_sacct *r = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_sacct_new(&r, c, o, "test.log", &err) == CO2_OK, "%s", err.message);
	if (sn) {
		co2_sacct_on_problem(r, on_problem, sn);
		co2_sacct_on_job(r, on_job, sn);
	}
	if (chunk == 0)
		chunk = len ? len : 1;
	for (size_t off = 0; off < len; off += chunk) {
		size_t n = len - off < chunk ? len - off : chunk;
		ck_assert_msg(co2_sacct_feed(r, buf + off, n, &err) == CO2_OK, "%s", err.message);
	}
	ck_assert_msg(co2_sacct_finish(r, &err) == CO2_OK, "%s", err.message);
	return r;
}

static co2_sacct *run_file(const co2_cluster *c, const co2_sacct_options *o, const char *path,
                           size_t chunk, seen *sn)
{
	size_t len;
	char *buf = co2_test_slurp(path, &len);
	co2_sacct *r = run_chunked(c, o, buf, len, chunk, sn);
	free(buf);
	return r;
}

static void close_to(double got, double want, const char *what)
{
	ck_assert_msg(fabs(got - want) <= 1e-9 * fabs(want) + 1e-12, "%s = %.17g, expected %.17g", what, got, want);
}
#define ck_close(got, want) close_to((double)(got), (double)(want), #got)

/* ---- hand-computed: tests/data/sacct/two-jobs.log on tiny.yaml -------------------
 * PUE 1.5, CI 400 g/kWh, memory 0.3725 W/GB, granularity 2 GB.
 * Job 101 (cpu, 10 W/core, COMPLETED): TotalCPU max 2 h, CPUTime 4 h, Elapsed 1 h,
 *   ReqMem 10G, MaxRSS max 3000000K = 3 GB.
 *   cpu 2 x 10 / 1000 = 0.02 kWh; memory 1 x 10 x 0.3725 / 1000 = 0.003725 kWh;
 *   energy 0.023725 x 1.5 = 0.0355875 kWh; CO2 0.014235 kg.
 *   right-sized: (int(3 / 2) + 1) x 2 = 4 GB -> 0.00149 kWh memory -> 0.032235 kWh.
 * Job 102 (gpu, 300 W/GPU, 5 W/core, FAILED): TotalCPU 0 so CPUTime 4 h counts; Elapsed
 *   0.5 h; 2 GPUs; ReqMem 4000Mc x 8 CPUs = 32 GB; no MaxRSS (right-sized = request).
 *   cpu 4 x 5 / 1000 = 0.02; gpu 0.5 x 2 x 300 / 1000 = 0.3; memory 0.5 x 32 x 0.3725
 *   / 1000 = 0.00596; energy 0.32596 x 1.5 = 0.48894 kWh; CO2 0.195576 kg.
 * Jobs 103 (PENDING) and 104 (RUNNING) are skipped. */

START_TEST(two_hand_computed_jobs_give_the_green_algorithms_figures)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	seen sn;
	memset(&sn, 0, sizeof sn);
	co2_sacct *r = run_file(c, NULL, DATA "two-jobs.log", 0, &sn);
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	ck_assert_uint_eq(t->all.jobs, 2);
	ck_assert_uint_eq(t->all.jobs_failed, 1);
	ck_assert_uint_eq(t->jobs_skipped, 2);
	ck_assert_uint_eq(t->malformed_lines, 0);
	ck_assert_uint_eq(t->lines, 8);
	ck_close(t->all.energy_kwh, 0.0355875 + 0.48894);
	ck_close(t->all.energy_cpu_kwh, 0.04);
	ck_close(t->all.energy_gpu_kwh, 0.3);
	ck_close(t->all.energy_memory_kwh, 0.003725 + 0.00596);
	ck_close(t->all.co2_kg, 0.014235 + 0.195576);
	ck_close(t->all.co2_failed_kg, 0.195576);
	ck_close(t->all.cpu_hours, 4);   /* charged CPUTime on CPU partitions only */
	ck_close(t->all.gpu_hours, 1);   /* 0.5 h x 2 GPUs */
	ck_close(t->all.cpu_used_hours, 2 + 4);
	ck_close(t->all.wallclock_hours, 1.5);
	ck_close(t->all.memory_requested_gb, 42);
	ck_close(t->all.memory_needed_gb, 4 + 32);
	ck_close(t->all.co2_rightsized_kg, (0.032235 + 0.48894) * 0.4);
	ck_close(t->all.overallocation_mean, (10.0 / 4 + 1) / 2);
	ck_close(t->overallocation_daily_mean, (2.5 + 1) / 2);
	ck_assert_uint_eq(sn.jobs, 2);
	ck_assert_str_eq(sn.ids[0], "101");
	ck_assert_str_eq(sn.ids[1], "102");
	co2_sacct_free(r);
	co2_cluster_free(c);
}
END_TEST

START_TEST(columns_in_another_order_extra_columns_and_crlf_change_nothing)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	co2_sacct *r = run_file(c, NULL, DATA "two-jobs-reordered.log", 0, NULL);
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	ck_assert_uint_eq(t->all.jobs, 2);
	ck_assert_uint_eq(t->malformed_lines, 0);
	ck_close(t->all.energy_kwh, 0.0355875 + 0.48894);
	ck_close(t->all.co2_failed_kg, 0.195576);
	co2_sacct_free(r);
	co2_cluster_free(c);
}
END_TEST

/* Chunk sizes that cut lines, fields and CRLF pairs anywhere give the same totals. */
static const size_t chunk_sizes[] = { 1, 2, 3, 7, 16, 17, 64, 100, 4096 };

START_TEST(any_chunking_of_the_input_gives_the_same_totals)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	const char *files[] = { DATA "two-jobs.log", DATA "two-jobs-reordered.log" };
	for (size_t f = 0; f < 2; f++) {
		co2_sacct *r = run_file(c, NULL, files[f], chunk_sizes[_i], NULL);
		const co2_sacct_totals *t = co2_sacct_get_totals(r);
		ck_assert_uint_eq(t->all.jobs, 2);
		ck_assert_uint_eq(t->lines, 8);
		ck_close(t->all.energy_kwh, 0.0355875 + 0.48894);
		co2_sacct_free(r);
	}
	co2_cluster_free(c);
}
END_TEST

START_TEST(group_by_user_account_partition_state_and_day)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	static const struct { co2_sacct_group_by by; const char *k0, *k1; } cases[] = {
		{ CO2_SACCT_GROUP_USER, "alice", "bob" },
		{ CO2_SACCT_GROUP_ACCOUNT, "acct-a", "acct-b" },
		{ CO2_SACCT_GROUP_PARTITION, "cpu", "gpu" },
		{ CO2_SACCT_GROUP_STATE, "COMPLETED", "FAILED" },
		{ CO2_SACCT_GROUP_DAY, "2024-03-01", "2024-03-02" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		co2_sacct_options o;
		co2_sacct_options_init(&o);
		o.group_by = cases[i].by;
		co2_sacct *r = run_file(c, &o, DATA "two-jobs.log", 0, NULL);
		ck_assert_uint_eq(co2_sacct_group_count(r), 2);
		const co2_sacct_group *g0 = co2_sacct_group_at(r, 0), *g1 = co2_sacct_group_at(r, 1);
		ck_assert_str_eq(g0->key, cases[i].k0);
		ck_assert_str_eq(g1->key, cases[i].k1);
		ck_close(g0->sums.energy_kwh, 0.0355875);
		ck_close(g1->sums.energy_kwh, 0.48894);
		ck_close(g1->sums.co2_failed_kg, 0.195576);
		ck_assert_ptr_null(co2_sacct_group_at(r, 2));
		co2_sacct_free(r);
	}
	co2_cluster_free(c);
}
END_TEST

START_TEST(filters_keep_the_jobs_asked_for)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	static const struct { const char *since, *until, *user, *account, *partition; size_t jobs; double e; } cases[] = {
		{ "2024-03-02", NULL, NULL, NULL, NULL, 1, 0.48894 },
		{ NULL, "2024-03-02", NULL, NULL, NULL, 1, 0.0355875 },            /* until is exclusive */
		{ "2024-03-01T10:00:00", "2024-03-02T08:00:01", NULL, NULL, NULL, 2, 0.5245275 },
		{ NULL, "2024-03-01T10:00", NULL, NULL, NULL, 0, 0 },
		{ NULL, NULL, "bob", NULL, NULL, 1, 0.48894 },
		{ NULL, NULL, NULL, "acct-a", NULL, 1, 0.0355875 },
		{ NULL, NULL, NULL, NULL, "gpu", 1, 0.48894 },
		{ NULL, NULL, "alice", NULL, "gpu", 0, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		co2_sacct_options o;
		co2_sacct_options_init(&o);
		o.since = cases[i].since;
		o.until = cases[i].until;
		o.user = cases[i].user;
		o.account = cases[i].account;
		o.partition = cases[i].partition;
		co2_sacct *r = run_file(c, &o, DATA "two-jobs.log", 0, NULL);
		const co2_sacct_totals *t = co2_sacct_get_totals(r);
		ck_assert_msg(t->all.jobs == cases[i].jobs, "case %zu: %zu jobs", i, t->all.jobs);
		ck_assert_uint_eq(t->jobs_filtered, 2 - cases[i].jobs);
		ck_close(t->all.energy_kwh, cases[i].e);
		co2_sacct_free(r);
	}
	co2_cluster_free(c);
}
END_TEST

START_TEST(options_override_pue_and_intensity_and_custom_states_count_as_success)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	co2_sacct_options o;
	co2_sacct_options_init(&o);
	o.pue = 1.0;
	o.intensity_g_per_kwh = 100;
	o.custom_success_states = "TIMEOUT,FAILED";
	co2_sacct *r = run_file(c, &o, DATA "two-jobs.log", 0, NULL);
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	ck_close(t->all.energy_kwh, 0.023725 + 0.32596);
	ck_close(t->all.co2_kg, (0.023725 + 0.32596) * 0.1);
	ck_assert_uint_eq(t->all.jobs_failed, 0);
	ck_close(t->all.co2_failed_kg, 0);
	co2_sacct_free(r);
	co2_cluster_free(c);
}
END_TEST

START_TEST(malformed_lines_are_reported_with_their_line_and_counted)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	seen sn;
	memset(&sn, 0, sizeof sn);
	co2_sacct *r = run_file(c, NULL, DATA "malformed.log", 5, &sn);
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	ck_assert_uint_eq(t->all.jobs, 1); /* job 201 only */
	ck_assert_uint_eq(t->malformed_lines, 5);
	ck_assert_uint_eq(sn.problems, 5);
	/* Line problems come as lines are read; the unknown partition when job 203 completes. */
	ck_assert_int_eq(sn.lines[0], 3);
	ck_assert_ptr_nonnull(strstr(sn.messages[0], "expected 17 fields"));
	ck_assert_int_eq(sn.lines[1], 4);
	ck_assert_ptr_nonnull(strstr(sn.messages[1], "Elapsed: cannot read duration '1:2:3:4'"));
	ck_assert_int_eq(sn.lines[2], 6);
	ck_assert_ptr_nonnull(strstr(sn.messages[2], "NNodes"));
	ck_assert_int_eq(sn.lines[3], 7);
	ck_assert_ptr_nonnull(strstr(sn.messages[3], "ReqMem: cannot read '12X'"));
	ck_assert_int_eq(sn.lines[4], 5);
	ck_assert_ptr_nonnull(strstr(sn.messages[4], "unknown partition 'debug'"));
	ck_assert_ptr_nonnull(strstr(sn.messages[4], "tiny.yaml"));
	ck_close(t->all.energy_kwh, (1 * 10 / 1000.0 + 1 * 2 * 0.3725 / 1000) * 1.5);
	co2_sacct_free(r);
	co2_cluster_free(c);
}
END_TEST

static co2_status feed_text(const char *text, co2_error *err, co2_sacct_totals *out)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	co2_sacct *r = NULL;
	co2_status st = co2_sacct_new(&r, c, NULL, "x.log", err);
	ck_assert_int_eq(st, CO2_OK);
	st = co2_sacct_feed(r, text, strlen(text), err);
	if (st == CO2_OK)
		st = co2_sacct_finish(r, err);
	if (st == CO2_OK && out)
		*out = *co2_sacct_get_totals(r);
	co2_sacct_free(r);
	co2_cluster_free(c);
	return st;
}

START_TEST(a_log_without_header_or_needed_columns_is_refused)
{
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(feed_text("", &err, NULL), CO2_ERR_PARSE);
	ck_assert_ptr_nonnull(strstr(err.message, "empty log"));
	ck_assert_int_eq(feed_text("1|alice|101|sim|2024-03-01T10:00:00|01:00:00|cpu\n", &err, NULL), CO2_ERR_PARSE);
	ck_assert_ptr_nonnull(strstr(err.message, "no header line"));
	ck_assert_int_eq(feed_text("JobID|Submit|Elapsed|Partition|NNodes|NCPUS|TotalCPU|ReqMem|MaxRSS|State\n", &err, NULL),
	                 CO2_ERR_PARSE);
	ck_assert_ptr_nonnull(strstr(err.message, "missing columns CPUTime, AllocTRES"));
}
END_TEST

START_TEST(steps_out_of_order_fold_while_their_job_is_open)
{
	/* Two jobs interleaved: 7's step arrives after 8's job row. Both fold. */
	const char *log =
		"JobID|Submit|Elapsed|Partition|NNodes|NCPUS|TotalCPU|CPUTime|ReqMem|MaxRSS|State|AllocTRES\n"
		"7|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:10:00|01:00:00|1G||COMPLETED|\n"
		"8|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:10:00|01:00:00|1G||COMPLETED|\n"
		"7.batch|2024-01-01T00:00:00|01:00:00||1|1|00:20:00|01:00:00||500M|FAILED|\n"
		"8.batch|2024-01-01T00:00:00|01:00:00||1|1|00:10:00|01:00:00||500M|COMPLETED|\n";
	co2_error err;
	co2_sacct_totals t;
	co2_error_clear(&err);
	ck_assert_int_eq(feed_text(log, &err, &t), CO2_OK);
	ck_assert_uint_eq(t.all.jobs, 2);
	ck_assert_uint_eq(t.all.jobs_failed, 1);
	ck_close(t.all.cpu_used_hours, (20 + 10) / 60.0); /* max TotalCPU per job */
}
END_TEST

START_TEST(a_job_seen_again_after_many_others_counts_as_a_second_occurrence)
{
	/* Documented limit: the reader keeps 16 jobs open; a step arriving after 16 other
	 * jobs opens its job again. */
	char log[8192];
	size_t n = (size_t)snprintf(log, sizeof log,
	                            "JobID|Submit|Elapsed|Partition|NNodes|NCPUS|TotalCPU|CPUTime|ReqMem|MaxRSS|State|AllocTRES\n");
	for (int id = 1; id <= 17; id++)
		n += (size_t)snprintf(log + n, sizeof log - n,
		                      "%d|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:10:00|01:00:00|1G||COMPLETED|\n", id);
	snprintf(log + n, sizeof log - n, "1.batch|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:10:00|01:00:00||500M|COMPLETED|\n");
	co2_error err;
	co2_sacct_totals t;
	co2_error_clear(&err);
	ck_assert_int_eq(feed_text(log, &err, &t), CO2_OK);
	ck_assert_uint_eq(t.all.jobs, 18);
}
END_TEST

START_TEST(reqmem_and_maxrss_units)
{
	/* One job per row: ReqMem in each form Slurm prints; Elapsed 1 h so memory energy
	 * (before PUE) is GB x 0.3725 / 1000. */
	const char *log =
		"JobID|Submit|Elapsed|Partition|NNodes|NCPUS|TotalCPU|CPUTime|ReqMem|MaxRSS|State|AllocTRES\n"
		"1|2024-01-01T00:00:00|01:00:00|cpu|2|8|00:00:00|00:00:00|9600M|0|COMPLETED|\n"   /* 9.6 GB */
		"2|2024-01-01T00:00:00|01:00:00|cpu|2|8|00:00:00|00:00:00|187.50G||COMPLETED|\n"  /* 187.5 */
		"3|2024-01-01T00:00:00|01:00:00|cpu|2|8|00:00:00|00:00:00|4800Mc||COMPLETED|\n"   /* 38.4 */
		"4|2024-01-01T00:00:00|01:00:00|cpu|2|8|00:00:00|00:00:00|64Gn||COMPLETED|\n"     /* 128 */
		"5|2024-01-01T00:00:00|01:00:00|cpu|2|8|00:00:00|00:00:00|1000000K|1.50M|COMPLETED|\n" /* 1 */
		"6|2024-01-01T00:00:00|01:00:00|cpu|2|8|00:00:00|00:00:00|||COMPLETED|\n";       /* 0 */
	co2_error err;
	co2_sacct_totals t;
	co2_error_clear(&err);
	ck_assert_int_eq(feed_text(log, &err, &t), CO2_OK);
	ck_assert_uint_eq(t.malformed_lines, 0);
	ck_close(t.all.memory_requested_gb, 9.6 + 187.5 + 38.4 + 128 + 1);
	ck_close(t.all.energy_memory_kwh, (9.6 + 187.5 + 38.4 + 128 + 1) * 0.3725 / 1000);
}
END_TEST

typedef struct dur_case {
	const char *text;
	long long ms; /* -1: refused */
} dur_case;

static const dur_case durations[] = {
	{ "00:00:00", 0 }, { "01:02:03", 3723000 }, { "1-00:00:00", 86400000 },
	{ "12-01:00:00", 1040400000 }, { "05:07.250", 307250 }, { "00:01.5", 1005 },
	{ "59", 59000 }, { "3:04", 184000 }, { "", -1 }, { "1:2:3:4", -1 }, { "1-", -1 },
	{ "01:0a:00", -1 }, { "INVALID", -1 }, { "01:00:00.", -1 }, { "1--01:00:00", -1 },
	{ "-01:00", -1 }, { "01::00", -1 }, { "99999999999:00", -1 },
};

START_TEST(durations_are_read_as_sacct_prints_them)
{
	const dur_case *d = &durations[_i];
	long long ms = -1;
	int rc = co2_sacct_parse_duration(d->text, strlen(d->text), &ms);
	if (d->ms < 0) {
		ck_assert_msg(rc != 0, "'%s' accepted as %lld ms", d->text, ms);
	} else {
		ck_assert_msg(rc == 0, "'%s' refused", d->text);
		ck_assert_msg(ms == d->ms, "'%s' = %lld ms, expected %lld", d->text, ms, d->ms);
	}
}
END_TEST

/* ---- the cluster file ------------------------------------------------------------- */

START_TEST(greenalgorithms4hpc_cluster_info_is_read_as_it_is)
{
	co2_cluster *c = load_cluster(DATA "ga4hpc/cluster_info.yaml");
	ck_assert_str_eq(co2_cluster_name(c), "bench-cluster");
	ck_close(co2_cluster_pue(c), 1.67);
	ck_close(co2_cluster_intensity(c), 467);
	ck_close(co2_cluster_granularity_gb(c), 6);
	ck_close(co2_cluster_memory_w_per_gb(c), 0.3725);
	ck_assert_int_eq(co2_cluster_rss_unit(c), 'K');
	ck_assert_uint_eq(co2_cluster_partition_count(c), 4);
	const co2_cluster_partition *p = co2_cluster_find_partition(c, "gpu_v100");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->gpu, 1);
	ck_close(p->gpu_w, 300);
	ck_close(p->cpu_w_per_core, 9.4);
	ck_assert_str_eq(p->cpu_model, "Xeon Gold 6142");
	p = co2_cluster_partition_at(c, 0);
	ck_assert_str_eq(p->name, "cpu");
	ck_assert_int_eq(p->gpu, 0);
	ck_close(p->cpu_w_per_core, 7.5);
	ck_assert_ptr_null(co2_cluster_partition_at(c, 4));
	ck_assert_ptr_null(co2_cluster_find_partition(c, "debug"));
	co2_cluster_free(c);
}
END_TEST

START_TEST(a_location_takes_its_intensity_from_the_data)
{
	const char *y = "PUE: 1.2\nlocation: FR\npartitions:\n  cpu: {type: CPU, TDP: 10}\n";
	co2_db *db = NULL;
	co2_cluster *c = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_open_default(&db, &err), CO2_OK);
	ck_assert_msg(co2_cluster_load_buffer(&c, "fr.yaml", y, strlen(y), db, &err) == CO2_OK, "%s", err.message);
	const co2_location *fr = NULL;
	ck_assert_int_eq(co2_db_find_location(&fr, db, NULL, "FR", &err), CO2_OK);
	ck_close(co2_cluster_intensity(c), fr->intensity_g_per_kwh);
	ck_assert_str_eq(co2_cluster_location(c), fr->code);
	ck_close(co2_cluster_granularity_gb(c), 1);
	co2_cluster_free(c);
	c = NULL;
	/* A misspelt place or model: the lookup's suggestions come through as data. */
	const char *typo = "PUE: 1.2\nlocation: Frnace\npartitions:\n  cpu: {type: CPU, TDP: 10}\n";
	ck_assert_int_eq(co2_cluster_load_buffer(&c, "fr.yaml", typo, strlen(typo), db, &err), CO2_ERR_NOT_FOUND);
	ck_assert_uint_eq(err.n_suggestions, 2);
	ck_assert_str_eq(err.suggestions[0], "FR");
	const char *gpu = "PUE: 1.2\nCI: 400\npartitions:\n  g: {type: GPU, model: H1OO SXM, TDP_CPU: 5}\n";
	ck_assert_int_eq(co2_cluster_load_buffer(&c, "g.yaml", gpu, strlen(gpu), db, &err), CO2_ERR_NOT_FOUND);
	ck_assert_msg(strstr(err.message, "partition 'g': unknown hardware 'H1OO SXM'"), "%s", err.message);
	ck_assert_uint_eq(err.n_suggestions, 3);
	ck_assert_str_eq(err.suggestions[0], "NVIDIA H100 SXM5");
	ck_assert_ptr_null(c);
	co2_db_close(db);
}
END_TEST

/* A carbon intensity typed by hand below 5 g/kWh is likely kg/kWh: warned, in the
 * options or as the cluster file's CI; one the file takes from its location is not. */
START_TEST(an_intensity_below_5_typed_by_hand_is_warned_about)
{
	const char *ci = "PUE: 1.2\nCI: 0.42\npartitions:\n  cpu: {type: CPU, TDP: 10}\n";
	const char *ok = "PUE: 1.2\nCI: 420\npartitions:\n  cpu: {type: CPU, TDP: 10}\n";
	const char *at = "PUE: 1.2\nlocation: QC\npartitions:\n  cpu: {type: CPU, TDP: 10}\n";
	const char *loc = "schema: \"1.0\"\nedition: co2calc\nedition_date: \"2026-01-01\"\ntitle: fixture\nsource: tests\nyear: 2025\nlicense: CC0-1.0\n"
	                  "locations:\n  - {code: QC, name: Quebec, intensity_g_per_kwh: 1.5, source: fixture, year: 2023}\n";
	co2_error err;
	co2_error_clear(&err);
	co2_db *db = NULL;
	ck_assert_int_eq(co2_db_new(&db, &err), CO2_OK);
	ck_assert_msg(co2_db_load_buffer(db, "qc.yaml", loc, strlen(loc), &err) == CO2_OK, "%s", err.message);
	struct { const char *file, *text; double opt; const char *want; } cases[] = {
		{ "ci.yaml", ci, CO2_UNSET, "ci.yaml: CI: 0.42 g CO2eq/kWh is below 5: did you give kg/kWh? 0.42 kg/kWh is 420 g/kWh" },
		{ "ci.yaml", ci, 420, NULL },   /* the option replaces the file's CI */
		{ "ok.yaml", ok, 0.4, "intensity: 0.4 g CO2eq/kWh is below 5: did you give kg/kWh? 0.4 kg/kWh is 400 g/kWh" },
		{ "ok.yaml", ok, CO2_UNSET, NULL },
		{ "ok.yaml", ok, 0, NULL },     /* zero: a carbon-free supply, declared */
		{ "ok.yaml", ok, 5, NULL },
		{ "at.yaml", at, CO2_UNSET, NULL }, /* 1.5 from the data */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		co2_cluster *c = NULL;
		co2_sacct *r = NULL;
		ck_assert_msg(co2_cluster_load_buffer(&c, cases[i].file, cases[i].text, strlen(cases[i].text), db, &err) ==
		              CO2_OK, "%s", err.message);
		co2_sacct_options o;
		co2_sacct_options_init(&o);
		o.intensity_g_per_kwh = cases[i].opt;
		ck_assert_int_eq(co2_sacct_new(&r, c, &o, "log", &err), CO2_OK);
		co2_warnings w;
		co2_warnings_clear(&w);
		co2_sacct_warnings(&w, r);
		if (!cases[i].want) {
			ck_assert_msg(w.n == 0, "case %zu: %s", i, w.n ? w.items[0].message : "");
		} else {
			ck_assert_uint_eq(w.n, 1);
			ck_assert_str_eq(w.items[0].message, cases[i].want);
			ck_assert_int_eq(w.items[0].status, CO2_ERR_INVALID);
			ck_assert_uint_eq(w.items[0].n_suggestions, 1);
			ck_assert_str_eq(w.items[0].suggestions[0], cases[i].opt == 0.4 ? "400" : "420");
		}
		co2_sacct_warnings(NULL, r); /* no-ops */
		co2_sacct_warnings(&w, NULL);
		co2_sacct_free(r);
		co2_cluster_free(c);
	}
	co2_db_close(db);
}
END_TEST

typedef struct bad_cluster {
	const char *text;
	const char *expect;
} bad_cluster;

static const bad_cluster bad_clusters[] = {
	{ "CI: 400\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", "missing 'PUE'" },
	{ "PUE: 1.5\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", "missing 'CI'" },
	{ "PUE: 1.5\nCI: 400\n", "missing 'partitions'" },
	{ "PUE: 1.5\nCI: 400\npartitions:\n  cpu: {type: TPU, TDP: 10}\n", "b.yaml:4:15: partition 'cpu': type must be CPU or GPU" },
	{ "PUE: 1.5\nCI: 400\npartitions:\n  cpu: {type: CPU}\n", "partition 'cpu': give the CPU's TDP per core" },
	{ "PUE: 1.5\nCI: 400\npartitions:\n  g: {type: GPU, TDP: 300}\n", "partition 'g': give the CPU's TDP per core" },
	{ "PUE: 0.5\nCI: 400\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", "PUE: 0.5 is out of range" },
	{ "PUE: 1.5\nCI: lots\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", "CI: expected a number" },
	{ "PUE: 1.5\nCI: 400\nlocation: FR\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", "either CI" },
	{ "PUE: 1.5\nlocation: FR\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", "no data loaded" },
	{ "PUE: [1\n", "b.yaml:" },
	{ "", "empty cluster file" },
	{ "- a\n- b\n", "expected a mapping" },
};

START_TEST(bad_cluster_files_say_what_to_fix)
{
	const bad_cluster *b = &bad_clusters[_i];
	co2_cluster *c = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_ne(co2_cluster_load_buffer(&c, "b.yaml", b->text, strlen(b->text), NULL, &err), CO2_OK);
	ck_assert_ptr_null(c);
	ck_assert_msg(strstr(err.message, b->expect) != NULL, "'%s' lacks '%s'", err.message, b->expect);
}
END_TEST

START_TEST(bad_options_are_refused)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	co2_sacct *r = NULL;
	co2_error err;
	co2_error_clear(&err);
	co2_sacct_options o;
	co2_sacct_options_init(&o);
	o.since = "March";
	ck_assert_int_eq(co2_sacct_new(&r, c, &o, "x", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "since");
	co2_sacct_options_init(&o);
	o.pue = 0.9;
	ck_assert_int_eq(co2_sacct_new(&r, c, &o, "x", &err), CO2_ERR_INVALID);
	co2_sacct_options_init(&o);
	ck_assert_uint_eq(o.size, sizeof o);
	o.version = CO2_SACCT_OPTIONS_VERSION + 1;
	ck_assert_int_eq(co2_sacct_new(&r, c, &o, "x", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "version");
	ck_assert_str_eq(err.message, "sacct options: version 3 is newer than this library (2); "
	                              "rebuild against the installed co2calc headers");
	memset(&o, 0, sizeof o);
	ck_assert_int_eq(co2_sacct_new(&r, c, &o, "x", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "version");
	co2_sacct_group_by g;
	ck_assert_int_eq(co2_sacct_group_by_parse(&g, "users", &err), CO2_ERR_INVALID);
	ck_assert_int_eq(co2_sacct_group_by_parse(&g, "day", &err), CO2_OK);
	ck_assert_int_eq(g, CO2_SACCT_GROUP_DAY);
	ck_assert_str_eq(co2_sacct_group_by_name(CO2_SACCT_GROUP_ACCOUNT), "account");
	ck_assert_ptr_null(r);
	co2_sacct_free(NULL);
	co2_cluster_free(NULL);
	co2_cluster_free(c);
}
END_TEST

/* ---- GreenAlgorithms4HPC's totals on frozen logs --------------------------------- */

typedef struct expected {
	char key[64];
	double value;
} expected;

static size_t read_expected(const char *path, expected *out, size_t cap)
{
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char line[64];
	size_t n = 0;
	while (fgets(line, sizeof line, f) && n < cap) {
		char *eq = strchr(line, '=');
		if (!eq)
			continue;
		*eq = '\0';
		snprintf(out[n].key, sizeof out[n].key, "%s", line);
		out[n].value = strtod(eq + 1, NULL); /* test code: the C locale is in force */
		n++;
	}
	fclose(f);
	return n;
}

static double ours(const co2_sacct_totals *t, const char *key, int *known)
{
	const co2_sacct_sums *a = &t->all;
	*known = 1;
	if (strcmp(key, "n_jobs") == 0) return (double)a->jobs;
	if (strcmp(key, "n_success") == 0) return (double)(a->jobs - a->jobs_failed);
	if (strcmp(key, "energy_kwh") == 0) return a->energy_kwh;
	if (strcmp(key, "energy_cpu_kwh") == 0) return a->energy_cpu_kwh;
	if (strcmp(key, "energy_gpu_kwh") == 0) return a->energy_gpu_kwh;
	if (strcmp(key, "energy_memory_kwh") == 0) return a->energy_memory_kwh;
	if (strcmp(key, "co2_kg") == 0) return a->co2_kg;
	if (strcmp(key, "co2_failed_jobs_kg") == 0) return a->co2_failed_kg;
	if (strcmp(key, "co2_memory_needed_only_kg") == 0) return a->co2_rightsized_kg;
	if (strcmp(key, "cpu_hours_charged") == 0) return a->cpu_hours;
	if (strcmp(key, "gpu_hours_charged") == 0) return a->gpu_hours;
	if (strcmp(key, "cpu_time_used_hours") == 0) return a->cpu_used_hours;
	if (strcmp(key, "gpu_time_used_hours") == 0) return a->gpu_used_hours;
	if (strcmp(key, "wallclock_hours") == 0) return a->wallclock_hours;
	if (strcmp(key, "memory_requested_gb") == 0) return a->memory_requested_gb;
	if (strcmp(key, "memory_overallocation_factor_mean") == 0) return t->overallocation_daily_mean;
	*known = 0;
	return 0;
}

START_TEST(totals_match_greenalgorithms4hpc_within_0_01_percent)
{
	co2_cluster *c = load_cluster(DATA "ga4hpc/cluster_info.yaml");
	FILE *m = fopen(DATA "ga4hpc/MANIFEST", "r");
	ck_assert_ptr_nonnull(m);
	char line[512];
	size_t logs = 0;
	double worst = 0;
	while (fgets(line, sizeof line, m)) {
		char log[128], exp[128], custom[128];
		if (line[0] == '#' || sscanf(line, "%127s %127s %127s", log, exp, custom) != 3)
			continue;
		char path[512];
		co2_sacct_options o;
		co2_sacct_options_init(&o);
		o.custom_success_states = strcmp(custom, "-") == 0 ? NULL : custom;
		snprintf(path, sizeof path, DATA "ga4hpc/%s", log);
		co2_sacct *r = run_file(c, &o, path, 65536, NULL);
		const co2_sacct_totals *t = co2_sacct_get_totals(r);
		ck_assert_uint_eq(t->malformed_lines, 0);
		expected e[32];
		snprintf(path, sizeof path, DATA "ga4hpc/%s", exp);
		size_t n = read_expected(path, e, 32);
		ck_assert_uint_ge(n, 16);
		for (size_t i = 0; i < n; i++) {
			int known;
			double v = ours(t, e[i].key, &known);
			ck_assert_msg(known, "%s: no figure for %s", exp, e[i].key);
			double rel = e[i].value == 0 ? fabs(v) : fabs(v - e[i].value) / fabs(e[i].value);
			if (rel > worst)
				worst = rel;
			ck_assert_msg(rel <= 1e-4, "%s: %s = %.17g, GreenAlgorithms4HPC %.17g (%.2g relative)", exp,
			              e[i].key, v, e[i].value, rel);
		}
		co2_sacct_free(r);
		logs++;
	}
	fclose(m);
	ck_assert_uint_ge(logs, 6);
	/* In practice they agree to rounding, far inside the 0.01 % asked for. */
	ck_assert_msg(worst < 1e-12, "worst relative difference %.3g", worst);
	co2_cluster_free(c);
}
END_TEST

START_TEST(numbers_are_read_the_same_under_a_comma_locale)
{
	if (!setlocale(LC_ALL, "fr_FR.UTF-8") && !setlocale(LC_ALL, "de_DE.UTF-8"))
		return; /* no such locale here: nothing to show */
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	ck_close(co2_cluster_pue(c), 1.5);
	co2_sacct *r = run_file(c, NULL, DATA "two-jobs.log", 0, NULL);
	ck_close(co2_sacct_get_totals(r)->all.energy_kwh, 0.0355875 + 0.48894);
	co2_sacct_free(r);
	co2_cluster_free(c);
	setlocale(LC_ALL, "C");
}
END_TEST


/* ---- writing rows and reports ------------------------------------------------------ */

/* The per-job rows of a log, in one format, as a program streaming them would write. */
typedef struct rows {
	co2_format format;
	char text[4096];
	size_t len;
} rows;

static void append(rows *w, char *s, size_t len)
{
	ck_assert_uint_lt(w->len + len, sizeof w->text);
	memcpy(w->text + w->len, s, len);
	w->len += len;
	w->text[w->len] = '\0';
	co2_free(s);
}

static void on_job_row(void *ctx, const co2_sacct_job *j)
{
	rows *w = ctx;
	char *s = NULL;
	size_t len = 0;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_sacct_job_row(&s, &len, j, w->format, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(strlen(s), len);
	append(w, s, len);
}

static co2_sacct *write_rows(const co2_cluster *c, const co2_sacct_options *o, rows *w)
{
	co2_error err;
	co2_error_clear(&err);
	char *s = NULL;
	size_t len = 0;
	ck_assert_msg(co2_sacct_job_header(&s, &len, w->format, &err) == CO2_OK, "%s", err.message);
	append(w, s, len);
	co2_sacct *r = NULL;
	ck_assert(co2_sacct_new(&r, c, o, "two-jobs.log", &err) == CO2_OK);
	co2_sacct_on_job(r, on_job_row, w);
	size_t n;
	char *buf = co2_test_slurp(DATA "two-jobs.log", &n);
	ck_assert(co2_sacct_feed(r, buf, n, &err) == CO2_OK);
	ck_assert(co2_sacct_finish(r, &err) == CO2_OK);
	free(buf);
	return r;
}

/* The figures of the two hand-computed jobs above, to 10 significant digits; job 102
 * has no MaxRSS, so its memory_used_gb cell is empty. */
START_TEST(per_job_rows_in_csv_are_the_hand_computed_figures)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	rows w = { CO2_FORMAT_CSV, "", 0 };
	co2_sacct_free(write_rows(c, NULL, &w));
	ck_assert_str_eq(w.text,
		"job_id,user,account,partition,state,submit,failed,elapsed_hours,cpu_used_hours,cpu_hours,"
		"gpus,gpu_hours,memory_requested_gb,memory_used_gb,memory_needed_gb,energy_cpu_kwh,"
		"energy_gpu_kwh,energy_memory_kwh,energy_kwh,co2_kg,co2_rightsized_kg\n"
		"101,alice,acct-a,cpu,COMPLETED,2024-03-01T10:00:00,0,1,2,4,0,0,10,3,4,0.02,0,0.003725,"
		"0.0355875,0.014235,0.012894\n"
		"102,bob,acct-b,gpu,FAILED,2024-03-02T08:00:00,1,0.5,4,0,2,1,32,,32,0.02,0.3,0.00596,"
		"0.48894,0.195576,0.195576\n");
	co2_cluster_free(c);
}
END_TEST

/* JSON Lines: no header, one object per job with every field at full precision. The
 * CO2 figures are the doubles of the hand formula: 0.0355875 x 400 / 1000 is
 * 0.014235000000000001 in binary floating point, 0.032235 x 400 / 1000 is
 * 0.012894000000000001, (0.02 + 0.3 + 0.00596) x 1.5 is 0.48894000000000004. */
START_TEST(a_job_row_in_json_holds_every_field)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	rows w = { CO2_FORMAT_JSON, "", 0 };
	co2_sacct_free(write_rows(c, NULL, &w));
	const char *second = strchr(w.text, '\n');
	ck_assert_ptr_nonnull(second);
	ck_assert_str_eq(second + 1 + strcspn(second + 1, "\n"), "\n"); /* two lines, no more */
	char first[1024];
	snprintf(first, sizeof first, "%.*s", (int)(second - w.text + 1), w.text);
	ck_assert_str_eq(first,
		"{\"job_id\": \"101\", \"name\": \"sim\", \"user\": \"alice\", \"account\": \"acct-a\", "
		"\"partition\": \"cpu\", \"state\": \"COMPLETED\", \"submit\": \"2024-03-01T10:00:00\", "
		"\"line\": 2, \"rows\": 3, \"failed\": false, \"gpu_partition\": false, "
		"\"elapsed_hours\": 1, \"cpu_used_hours\": 2, \"cpu_hours\": 4, \"gpus\": 0, \"gpu_hours\": 0, "
		"\"memory_requested_gb\": 10, \"memory_used_gb\": 3, \"memory_needed_gb\": 4, "
		"\"overallocation\": 2.5, \"energy_cpu_kwh\": 0.02, \"energy_gpu_kwh\": 0, "
		"\"energy_memory_kwh\": 0.003725, \"energy_kwh\": 0.0355875, \"energy_rightsized_kwh\": 0.032235, "
		"\"co2_kg\": 0.014235000000000001, \"co2_rightsized_kg\": 0.012894000000000001}\n");
	ck_assert_ptr_nonnull(strstr(second, "\"job_id\": \"102\""));
	ck_assert_ptr_nonnull(strstr(second, "\"failed\": true, \"gpu_partition\": true"));
	ck_assert_ptr_nonnull(strstr(second, "\"memory_used_gb\": null, \"memory_needed_gb\": 32"));
	ck_assert_ptr_nonnull(strstr(second, "\"energy_kwh\": 0.48894000000000004,"));
	co2_cluster_free(c);
}
END_TEST

/* A job whose fields need quoting in CSV and escaping in JSON. */
START_TEST(job_fields_are_quoted_in_csv_and_escaped_in_json)
{
	co2_sacct_job j;
	memset(&j, 0, sizeof j);
	j.job_id = "7";
	j.name = "say \"hi\"\tnow";
	j.user = "a,b";
	j.account = "x\"y";
	j.partition = "p";
	j.state = "COMPLETED";
	j.submit = "2024-01-01T00:00:00";
	j.memory_used_gb = CO2_UNSET;
	j.overallocation = CO2_UNSET;
	j.energy_kwh = 0.1 + 0.2; /* 0.30000000000000004: CSV keeps 10 digits */
	char *s = NULL;
	size_t len = 0;
	co2_error err;
	ck_assert(co2_sacct_job_row(&s, &len, &j, CO2_FORMAT_CSV, &err) == CO2_OK);
	ck_assert_str_eq(s, "7,\"a,b\",\"x\"\"y\",p,COMPLETED,2024-01-01T00:00:00,0,0,0,0,0,0,0,,0,0,0,0,0.3,0,0\n");
	co2_free(s);
	ck_assert(co2_sacct_job_row(&s, &len, &j, CO2_FORMAT_JSON, &err) == CO2_OK);
	ck_assert_ptr_nonnull(strstr(s, "{\"job_id\": \"7\", \"name\": \"say \\\"hi\\\"\\tnow\", \"user\": \"a,b\", "
	                                "\"account\": \"x\\\"y\""));
	ck_assert_ptr_nonnull(strstr(s, "\"overallocation\": null"));
	ck_assert_ptr_nonnull(strstr(s, "\"energy_kwh\": 0.30000000000000004,"));
	co2_free(s);
}
END_TEST

/* The report of the two jobs grouped by user, as `co2calc sacct --group-by user` prints
 * it: the totals above, alice's 0.0355875 kWh is 6.8 % of the CO2, bob's 93.2 %. */
START_TEST(the_report_in_text_csv_and_json)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	co2_sacct_options o;
	co2_sacct_options_init(&o);
	o.group_by = CO2_SACCT_GROUP_USER;
	rows w = { CO2_FORMAT_CSV, "", 0 };
	co2_sacct *r = write_rows(c, &o, &w);
	char *s = NULL;
	size_t len = 0;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_sacct_report(&s, &len, r, CO2_FORMAT_TEXT, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(strlen(s), len);
	ck_assert_str_eq(s,
		"Cluster accounting: two-jobs.log\n"
		"cluster tiny (" DATA "tiny.yaml): PUE 1.5, carbon intensity 400 g CO2eq/kWh, memory 0.3725 W/GB\n"
		"\n"
		"  jobs                       2 (2 pending or running skipped)\n"
		"  failed jobs                1 (50.0 %)\n"
		"  energy                     0.525 kWh\n"
		"    CPU                      0.040 kWh before PUE\n"
		"    GPU                      0.300 kWh before PUE\n"
		"    memory                   0.010 kWh before PUE\n"
		"  CO2eq                      0.210 kg\n"
		"    of failed jobs           0.196 kg (93.2 %)\n"
		"  CPU core-hours charged     4.0 (CPU time used 6.0 h)\n"
		"  GPU-hours                  1.0\n"
		"  wall-clock                 1.5 h\n"
		"  memory requested           42.0 GB; right-sized 36.0 GB\n"
		"  memory over-allocation     x1.75 per job (GA4HPC daily mean x1.75)\n"
		"  right-sized memory saves   0.003 kWh, 0.001 kg CO2eq (0.6 %)\n"
		"  malformed lines            0 of 8 lines\n"
		"\n"
		"  user      jobs  failed    energy kWh     CO2eq kg    share       CPU h      GPU h  mem over\n"
		"  alice        1       0         0.036        0.014     6.8%         4.0        0.0     2.50x\n"
		"  bob          1       1         0.489        0.196    93.2%         0.0        1.0     1.00x\n");
	co2_free(s);
	ck_assert(co2_sacct_report(&s, &len, r, CO2_FORMAT_CSV, &err) == CO2_OK);
	ck_assert_str_eq(s,
		"user,jobs,jobs_failed,energy_kwh,energy_cpu_kwh,energy_gpu_kwh,energy_memory_kwh,co2_kg,"
		"co2_failed_kg,co2_rightsized_kg,cpu_hours,gpu_hours,cpu_used_hours,gpu_used_hours,"
		"wallclock_hours,memory_requested_gb,memory_needed_gb,memory_overallocation_mean\n"
		"alice,1,0,0.0355875,0.02,0,0.003725,0.014235,0,0.012894,4,0,2,0,1,10,4,2.5\n"
		"bob,1,1,0.48894,0.02,0.3,0.00596,0.195576,0.195576,0.195576,0,1,4,1,0.5,32,32,1\n"
		"(all),2,1,0.5245275,0.04,0.3,0.009685,0.209811,0.195576,0.20847,4,1,6,1,1.5,42,36,1.75\n");
	co2_free(s);
	ck_assert(co2_sacct_report(&s, &len, r, CO2_FORMAT_JSON, &err) == CO2_OK);
	ck_assert_ptr_nonnull(strstr(s, "{\n  \"input\": \"two-jobs.log\",\n  \"cluster_file\": \"" DATA "tiny.yaml\",\n"
	                                "  \"cluster\": \"tiny\",\n  \"pue\": 1.5,\n  \"intensity_g_per_kwh\": 400,\n"
	                                "  \"totals\": {\n    \"jobs\": 2,\n    \"jobs_failed\": 1,\n"
	                                "    \"energy_kwh\": 0.5245275,\n"));
	ck_assert_ptr_nonnull(strstr(s, "    \"jobs_filtered\": 0\n  },\n  \"group_by\": \"user\",\n  \"groups\": [\n"
	                                "    {\n      \"key\": \"alice\",\n      \"jobs\": 1,\n"));
	ck_assert_ptr_nonnull(strstr(s, "      \"co2_failed_share\": 1,\n"));
	ck_assert_str_eq(s + len - 7, "\n  ]\n}\n");
	co2_free(s);
	co2_sacct_free(r);
	co2_cluster_free(c);
}
END_TEST

START_TEST(writers_refuse_other_formats_and_an_unfinished_reader)
{
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	co2_sacct *r = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert(co2_sacct_new(&r, c, NULL, "x.log", &err) == CO2_OK);
	char *s = (char *)"untouched";
	ck_assert_int_eq(co2_sacct_report(&s, NULL, r, CO2_FORMAT_TEXT, &err), CO2_ERR_INVALID);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(err.message, "co2_sacct_finish"));
	const char *header = "JobID|Submit|Elapsed|Partition|NNodes|NCPUS|TotalCPU|CPUTime|ReqMem|MaxRSS|State|AllocTRES\n";
	ck_assert(co2_sacct_feed(r, header, strlen(header), &err) == CO2_OK);
	ck_assert(co2_sacct_finish(r, &err) == CO2_OK);
	ck_assert_int_eq(co2_sacct_report(&s, NULL, r, CO2_FORMAT_LATEX, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "sacct: the report is written as text, csv or json, not latex");
	ck_assert_int_eq(co2_sacct_job_header(&s, NULL, CO2_FORMAT_TEXT, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "sacct: per-job rows are written as csv or json, not text");
	ck_assert_int_eq(co2_sacct_job_row(&s, NULL, NULL, CO2_FORMAT_CSV, &err), CO2_ERR_INVALID);
	/* No jobs: the header alone in CSV, nothing in JSON; the report has zero totals. */
	size_t len = 99;
	ck_assert(co2_sacct_job_header(&s, &len, CO2_FORMAT_JSON, &err) == CO2_OK);
	ck_assert_str_eq(s, "");
	ck_assert_uint_eq(len, 0);
	co2_free(s);
	ck_assert(co2_sacct_report(&s, &len, r, CO2_FORMAT_CSV, &err) == CO2_OK);
	ck_assert_ptr_nonnull(strstr(s, "\n(all),0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n"));
	co2_free(s);
	co2_sacct_free(r);
	co2_cluster_free(c);
}
END_TEST

/* The text report prints with %.3f: the library must print a '.' whatever the
 * program's locale (the CLI sets LC_NUMERIC to "C"; another program may not). */
START_TEST(the_text_report_is_the_same_under_a_comma_locale)
{
	if (!setlocale(LC_ALL, "de_DE.UTF-8") && !setlocale(LC_ALL, "fr_FR.UTF-8"))
		return; /* no such locale here: nothing to show */
	co2_cluster *c = load_cluster(DATA "tiny.yaml");
	co2_sacct *r = run_file(c, NULL, DATA "two-jobs.log", 0, NULL);
	char *s = NULL;
	co2_error err;
	ck_assert(co2_sacct_report(&s, NULL, r, CO2_FORMAT_TEXT, &err) == CO2_OK);
	setlocale(LC_ALL, "C");
	ck_assert_ptr_nonnull(strstr(s, "PUE 1.5, carbon intensity 400 g CO2eq/kWh, memory 0.3725 W/GB\n"));
	ck_assert_ptr_nonnull(strstr(s, "  energy                     0.525 kWh\n"));
	ck_assert_ptr_nonnull(strstr(s, "  failed jobs                1 (50.0 %)\n"));
	co2_free(s);
	co2_sacct_free(r);
	co2_cluster_free(c);
}
END_TEST

static Suite *sacct_suite(void)
{
	Suite *s = suite_create("sacct");
	TCase *t = tcase_create("jobs");
	tcase_add_test(t, two_hand_computed_jobs_give_the_green_algorithms_figures);
	tcase_add_test(t, columns_in_another_order_extra_columns_and_crlf_change_nothing);
	tcase_add_loop_test(t, any_chunking_of_the_input_gives_the_same_totals, 0,
	                    (int)(sizeof chunk_sizes / sizeof chunk_sizes[0]));
	tcase_add_test(t, group_by_user_account_partition_state_and_day);
	tcase_add_test(t, filters_keep_the_jobs_asked_for);
	tcase_add_test(t, options_override_pue_and_intensity_and_custom_states_count_as_success);
	tcase_add_test(t, malformed_lines_are_reported_with_their_line_and_counted);
	tcase_add_test(t, a_log_without_header_or_needed_columns_is_refused);
	tcase_add_test(t, steps_out_of_order_fold_while_their_job_is_open);
	tcase_add_test(t, a_job_seen_again_after_many_others_counts_as_a_second_occurrence);
	tcase_add_test(t, reqmem_and_maxrss_units);
	tcase_add_loop_test(t, durations_are_read_as_sacct_prints_them, 0,
	                    (int)(sizeof durations / sizeof durations[0]));
	tcase_add_test(t, bad_options_are_refused);
	tcase_add_test(t, numbers_are_read_the_same_under_a_comma_locale);
	suite_add_tcase(s, t);
	TCase *cl = tcase_create("cluster");
	tcase_add_test(cl, greenalgorithms4hpc_cluster_info_is_read_as_it_is);
	tcase_add_test(cl, a_location_takes_its_intensity_from_the_data);
	tcase_add_test(cl, an_intensity_below_5_typed_by_hand_is_warned_about);
	tcase_add_loop_test(cl, bad_cluster_files_say_what_to_fix, 0,
	                    (int)(sizeof bad_clusters / sizeof bad_clusters[0]));
	suite_add_tcase(s, cl);
	TCase *w = tcase_create("writing");
	tcase_add_test(w, per_job_rows_in_csv_are_the_hand_computed_figures);
	tcase_add_test(w, a_job_row_in_json_holds_every_field);
	tcase_add_test(w, job_fields_are_quoted_in_csv_and_escaped_in_json);
	tcase_add_test(w, the_report_in_text_csv_and_json);
	tcase_add_test(w, writers_refuse_other_formats_and_an_unfinished_reader);
	tcase_add_test(w, the_text_report_is_the_same_under_a_comma_locale);
	suite_add_tcase(s, w);
	TCase *ga = tcase_create("ga4hpc");
	tcase_set_timeout(ga, 120);
	tcase_add_test(ga, totals_match_greenalgorithms4hpc_within_0_01_percent);
	suite_add_tcase(s, ga);
	return s;
}

CO2_CHECK_MAIN(sacct_suite)
