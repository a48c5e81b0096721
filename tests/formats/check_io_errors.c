/* src/io: the paths a well-formed input does not take. What each reader says about bad
 * input (the line, the column, the field), the value forms it accepts besides the usual
 * ones, lines longer than the 1 MiB the readers hold, and the calls made out of order.
 * Readers: sacct.c (with cluster.c), batch.c, spec.c, report_compare.c.
 *
 * Hand-computed figures use tests/data/sacct/tiny.yaml (PUE 1.5, CI 400 g/kWh, memory
 * 0.3725 W/GB, granularity 2 GB; partition cpu 10 W/core; partition gpu 300 W/GPU and
 * 5 W/core) and tests/data/fixtures/mini.yaml (Test CPU 16: 160 W / 16 cores; TG100:
 * 100 W; tc:north-1 in NO at 20 g/kWh, tc:south-1 at 500 g/kWh). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

#define TINY CO2_TEST_DATA_DIR "/sacct/tiny.yaml"
#define MINI CO2_TEST_DATA_DIR "/fixtures/mini.yaml"
#define MIB (1u << 20)

static co2_db *builtin; /* the embedded data */
static co2_db *mini;    /* only mini.yaml */
static co2_cluster *tiny;

static void open_data(void)
{
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_db_open_default(&builtin, &err) == CO2_OK, "%s", err.message);
	ck_assert_int_eq(co2_db_new(&mini, &err), CO2_OK);
	ck_assert_msg(co2_db_load_path(mini, MINI, &err) == CO2_OK, "%s", err.message);
	size_t len;
	char *buf = co2_test_slurp(TINY, &len);
	ck_assert_msg(co2_cluster_load_buffer(&tiny, TINY, buf, len, NULL, &err) == CO2_OK, "%s", err.message);
	free(buf);
}

static void close_data(void)
{
	co2_cluster_free(tiny);
	co2_db_close(mini);
	co2_db_close(builtin);
	tiny = NULL;
	mini = builtin = NULL;
}

static void assert_has(const char *text, const char *want)
{
	ck_assert_msg(strstr(text, want) != NULL, "'%s' lacks '%s'", text, want);
}

static void close_to(double got, double want, const char *what)
{
	ck_assert_msg(fabs(got - want) <= 1e-9 * fabs(want) + 1e-12, "%s = %.17g, expected %.17g", what, got, want);
}
#define ck_close(got, want) close_to((double)(got), (double)(want), #got)

/* A buffer of n copies of c (NUL-terminated), freed by the caller. */
static char *filled(size_t n, char c)
{
	char *b = malloc(n + 1);
	ck_assert_ptr_nonnull(b);
	memset(b, c, n);
	b[n] = '\0';
	return b;
}

/* ==== sacct ======================================================================= */

#define SACCT_HEADER "JobID|Submit|Elapsed|Partition|NNodes|NCPUS|TotalCPU|CPUTime|ReqMem|MaxRSS|State|AllocTRES"
#define SACCT_HEADER_NAMES SACCT_HEADER "|User|Account|JobName"

typedef struct job_seen {
	char id[80], user[80], account[80], name[128], partition[80], state[48], submit[32];
	size_t line, rows;
	int failed;
	double elapsed_h, cpu_used_h, cpu_h, gpus, gpu_h;
	double mem_req, mem_used, mem_needed, over;
	double e_cpu, e_gpu, e_mem, e, e_right;
} job_seen;

typedef struct seen {
	size_t problems, jobs;
	int line[8];
	char message[8][800];
	char file[8][256];
	job_seen job[8];
} seen;

static void on_problem(void *ctx, const co2_error *e)
{
	seen *s = ctx;
	if (s->problems < 8) {
		s->line[s->problems] = e->line;
		snprintf(s->message[s->problems], sizeof s->message[0], "%s", e->message);
		snprintf(s->file[s->problems], sizeof s->file[0], "%s", e->file);
	}
	s->problems++;
}

static void on_job(void *ctx, const co2_sacct_job *j)
{
	seen *s = ctx;
	if (s->jobs < 8) {
		job_seen *o = &s->job[s->jobs];
		snprintf(o->id, sizeof o->id, "%s", j->job_id);
		snprintf(o->user, sizeof o->user, "%s", j->user);
		snprintf(o->account, sizeof o->account, "%s", j->account);
		snprintf(o->name, sizeof o->name, "%s", j->name);
		snprintf(o->partition, sizeof o->partition, "%s", j->partition);
		snprintf(o->state, sizeof o->state, "%s", j->state);
		snprintf(o->submit, sizeof o->submit, "%s", j->submit);
		o->line = j->line;
		o->rows = j->rows;
		o->failed = j->failed;
		o->elapsed_h = j->elapsed_hours;
		o->cpu_used_h = j->cpu_used_hours;
		o->cpu_h = j->cpu_hours;
		o->gpus = j->gpus;
		o->gpu_h = j->gpu_hours;
		o->mem_req = j->memory_requested_gb;
		o->mem_used = j->memory_used_gb;
		o->mem_needed = j->memory_needed_gb;
		o->over = j->overallocation;
		o->e_cpu = j->energy_cpu_kwh;
		o->e_gpu = j->energy_gpu_kwh;
		o->e_mem = j->energy_memory_kwh;
		o->e = j->energy_kwh;
		o->e_right = j->energy_rightsized_kwh;
	}
	s->jobs++;
}

/* Feed len bytes in chunks (0: at once) and finish. The reader is returned in *keep
 * (freed by the caller) or freed here; *t gets the totals when all went well. */
static co2_status sacct_run(const co2_cluster *c, const co2_sacct_options *o, const char *text, size_t len,
                            size_t chunk, seen *sn, co2_sacct_totals *t, co2_error *err, co2_sacct **keep)
{
	co2_sacct *r = NULL;
	ck_assert_msg(co2_sacct_new(&r, c, o, "x.log", err) == CO2_OK, "%s", err->message);
	if (sn) {
		co2_sacct_on_problem(r, on_problem, sn);
		co2_sacct_on_job(r, on_job, sn);
	}
	if (!chunk)
		chunk = len ? len : 1;
	co2_status st = CO2_OK;
	for (size_t off = 0; st == CO2_OK && off < len; off += chunk)
		st = co2_sacct_feed(r, text + off, len - off < chunk ? len - off : chunk, err);
	if (st == CO2_OK)
		st = co2_sacct_finish(r, err);
	if (st == CO2_OK && t)
		*t = *co2_sacct_get_totals(r);
	if (keep)
		*keep = r;
	else
		co2_sacct_free(r);
	return st;
}

static co2_status sacct_text(const char *text, seen *sn, co2_sacct_totals *t, co2_error *err)
{
	return sacct_run(tiny, NULL, text, strlen(text), 0, sn, t, err, NULL);
}

typedef struct bad_row {
	const char *row;    /* the second line, after SACCT_HEADER */
	const char *expect; /* the whole problem message */
} bad_row;

#define ROW_HEAD "1|2024-01-01T00:00:00|01:00:00|cpu|"

static const bad_row bad_rows[] = {
	{ ROW_HEAD "|1|00:10:00|01:00:00|1G||COMPLETED|", "NNodes: expected a whole number, got ''" },
	{ ROW_HEAD "1|1234567890123456|00:10:00|01:00:00|1G||COMPLETED|",
	  "NCPUS: expected a whole number, got '1234567890123456'" },
	{ ROW_HEAD "1|1|00:10:00.5x|01:00:00|1G||COMPLETED|",
	  "TotalCPU: cannot read duration '00:10:00.5x' (expected [D-][HH:]MM:SS[.mmm])" },
	{ ROW_HEAD "1|1|00:10:00|01:00:00|M||COMPLETED|",
	  "ReqMem: cannot read 'M' (expected a size such as 9600M, 16G, 4800Mc or 64Gn)" },
	{ ROW_HEAD "1|1|00:10:00|01:00:00|Mc||COMPLETED|",
	  "ReqMem: cannot read 'Mc' (expected a size such as 9600M, 16G, 4800Mc or 64Gn)" },
	{ ROW_HEAD "1|1|00:10:00|01:00:00|-5G||COMPLETED|", "ReqMem: cannot read '-5G'" },
	{ ROW_HEAD "1|1|00:10:00|01:00:00|1.2.3G||COMPLETED|", "ReqMem: cannot read '1.2.3G'" },
	{ ROW_HEAD "1|1|00:10:00|01:00:00|12P||COMPLETED|", "ReqMem: cannot read '12P'" },
	/* 70 digits: too long to be a size; the message shows the first 40 characters. */
	{ ROW_HEAD "1|1|00:10:00|01:00:00|1234567890123456789012345678901234567890123456789012345678901234567890G||COMPLETED|",
	  "ReqMem: cannot read '1234567890123456789012345678901234567890' (expected" },
	{ ROW_HEAD "1|1|00:10:00|01:00:00|1G|K|COMPLETED|",
	  "MaxRSS: cannot read 'K' (expected a size such as 2345676K or 1.50M)" },
	{ ROW_HEAD "1|1|00:10:00|01:00:00|1G|x1K|COMPLETED|", "MaxRSS: cannot read 'x1K'" },
	{ ROW_HEAD "1|1|00:10:00|01:00:00|1G|1.2.3|COMPLETED|", "MaxRSS: cannot read '1.2.3'" },
	{ ROW_HEAD "1|1|00:10:00|01:00:00|1G||COMPLETED|cpu=1,gres/gpu=1234567890123456",
	  "AllocTRES: cannot read the GPU count in 'cpu=1,gres/gpu=1234567890123456'" },
	{ "|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:10:00|01:00:00|1G||COMPLETED|", "empty JobID" },
	{ ".batch|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:10:00|01:00:00|1G||COMPLETED|", "empty JobID" },
	{ ROW_HEAD "1|1|00:10:00|01:00:00|1G||COMPLETED||extra",
	  "expected 12 fields as in the header, found more" },
};

START_TEST(a_bad_field_is_reported_with_its_column_and_line)
{
	const bad_row *b = &bad_rows[_i];
	char log[1024];
	snprintf(log, sizeof log, SACCT_HEADER "\n%s\n", b->row);
	seen sn;
	memset(&sn, 0, sizeof sn);
	co2_sacct_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(sacct_text(log, &sn, &t, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(sn.problems, 1);
	ck_assert_int_eq(sn.line[0], 2);
	ck_assert_str_eq(sn.file[0], "x.log");
	assert_has(sn.message[0], b->expect);
	ck_assert_uint_eq(t.malformed_lines, 1);
	ck_assert_uint_eq(t.lines, 1);
	ck_assert_uint_eq(t.all.jobs, 0);
	ck_assert_uint_eq(sn.jobs, 0);
}
END_TEST

START_TEST(memory_sizes_in_every_form_sacct_may_print)
{
	/* Elapsed 1 h and no CPU time: the energy is memory only, GB x 0.3725 / 1000 per job.
	 *   1024.0000000000000M  17 digits (past the exact fast path)  1.024 GB
	 *   1T                   read, though GreenAlgorithms4HPC stops on T  1000 GB
	 *   2e3M                 2000 MB                                  2 GB
	 *   1G, MaxRSS 2048      a bare MaxRSS is in the cluster's unit (K): 0.002048 GB used;
	 *                        right-sized (int(0.002048 / 2) + 1) x 2 = 2 GB, capped at 1 GB
	 *   PD, R, RQ            not finished: skipped
	 *   REVOKED              a finished state that is not a success: failed, 1 GB */
	const char *log =
		SACCT_HEADER "\n"
		"1|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:00:00|00:00:00|1024.0000000000000M||COMPLETED|\n"
		"2|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:00:00|00:00:00|1T||COMPLETED|\n"
		"3|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:00:00|00:00:00|2e3M||COMPLETED|\n"
		"4|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:00:00|00:00:00|1G|2048|COMPLETED|\n"
		"5|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:00:00|00:00:00|1G||PD|\n"
		"6|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:00:00|00:00:00|1G||R|\n"
		"7|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:00:00|00:00:00|1G||RQ|\n"
		"8|2024-01-01T00:00:00|01:00:00|cpu|1|1|00:00:00|00:00:00|1G||REVOKED|\n";
	seen sn;
	memset(&sn, 0, sizeof sn);
	co2_sacct_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(sacct_text(log, &sn, &t, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(t.malformed_lines, 0);
	ck_assert_uint_eq(t.jobs_skipped, 3);
	ck_assert_uint_eq(t.all.jobs, 5);
	ck_assert_uint_eq(t.all.jobs_failed, 1);
	ck_assert_uint_eq(sn.jobs, 5);
	ck_close(sn.job[0].mem_req, 1.024);
	ck_close(sn.job[1].mem_req, 1000);
	ck_close(sn.job[2].mem_req, 2);
	ck_close(sn.job[3].mem_used, 0.002048);
	ck_close(sn.job[3].mem_needed, 1);
	ck_close(sn.job[3].over, 1);
	ck_assert_double_eq(sn.job[0].mem_used, CO2_UNSET);
	ck_assert_str_eq(sn.job[4].id, "8");
	ck_assert_str_eq(sn.job[4].state, "REVOKED");
	ck_assert_int_eq(sn.job[4].failed, 1);
	ck_close(t.all.memory_requested_gb, 1.024 + 1000 + 2 + 1 + 1);
	ck_close(t.all.energy_memory_kwh, 1005.024 * 0.3725 / 1000);
	ck_close(t.all.energy_kwh, 1005.024 * 0.3725 / 1000 * 1.5);
	ck_close(t.all.energy_failed_kwh, 1 * 0.3725 / 1000 * 1.5);
}
END_TEST

START_TEST(a_bare_maxrss_is_in_the_unit_the_cluster_names)
{
	/* default_unit_RSS: M, so MaxRSS 2048 is 2.048 GB; right-sized (int(2.048 / 2) + 1) x 2
	 * = 4 GB of the 8 GB asked for: over-allocation 2. Memory at 0.5 W/GB from the file. */
	const char *y = "PUE: 1.0\nCI: 100\ndefault_unit_RSS: M\nmemory_w_per_gb: 0.5\ngranularity_memory_request: 2\n"
	                "partitions:\n  cpu: {type: CPU, TDP: 10}\n";
	co2_cluster *c = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_cluster_load_buffer(&c, "m.yaml", y, strlen(y), NULL, &err) == CO2_OK, "%s", err.message);
	ck_assert_int_eq(co2_cluster_rss_unit(c), 'M');
	ck_close(co2_cluster_memory_w_per_gb(c), 0.5);
	const char *log = SACCT_HEADER "\n1|2024-01-01T00:00:00|02:00:00|cpu|1|1|00:00:00|00:00:00|8G|2048|COMPLETED|\n";
	seen sn;
	memset(&sn, 0, sizeof sn);
	co2_sacct_totals t;
	ck_assert_msg(sacct_run(c, NULL, log, strlen(log), 0, &sn, &t, &err, NULL) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(sn.jobs, 1);
	ck_close(sn.job[0].mem_used, 2.048);
	ck_close(sn.job[0].mem_needed, 4);
	ck_close(sn.job[0].over, 2);
	ck_close(t.all.energy_memory_kwh, 2 * 8 * 0.5 / 1000);   /* 2 h x 8 GB x 0.5 W */
	ck_close(t.all.energy_rightsized_kwh, 2 * 4 * 0.5 / 1000);
	ck_close(t.all.co2_kg, 0.008 * 0.1);
	co2_cluster_free(c);
}
END_TEST

START_TEST(steps_raise_the_maxima_and_fill_what_the_job_row_lacks)
{
	/* The job row has no partition, user, account or name and smaller figures than its
	 * step; the step was submitted earlier. Folded: TotalCPU 10 min (job row), CPUTime
	 * 2 h, Elapsed 1 h, ReqMem 4 GB, MaxRSS 1 GB, 2 GPUs, on partition gpu.
	 *   cpu    600 s / 3600 x 5 W / 1000           = 0.000833333 kWh
	 *   gpu    1 h x 2 x 300 W / 1000              = 0.6 kWh
	 *   memory 1 h x 4 GB x 0.3725 / 1000          = 0.00149 kWh
	 *   energy (0.000833333 + 0.6 + 0.00149) x 1.5 = 0.903485 kWh
	 *   right-sized memory (int(1 / 2) + 1) x 2 = 2 GB: 0.000745 kWh instead. */
	const char *log =
		SACCT_HEADER_NAMES "\n"
		"5|2024-01-02T00:00:00|00:30:00||1|2|00:10:00|01:00:00|2G||COMPLETED|cpu=2|||\n"
		"5.batch|2024-01-01T23:00:00|01:00:00|gpu|1|2|00:05:00|02:00:00|4G|1000000K|COMPLETED|gres/gpu=2|carol|acct-c|train\n";
	co2_sacct_options o;
	co2_sacct_options_init(&o);
	o.group_by = CO2_SACCT_GROUP_DAY;
	seen sn;
	memset(&sn, 0, sizeof sn);
	co2_sacct_totals t;
	co2_error err;
	co2_error_clear(&err);
	co2_sacct *r = NULL;
	ck_assert_msg(sacct_run(tiny, &o, log, strlen(log), 0, &sn, &t, &err, &r) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(sn.jobs, 1);
	const job_seen *j = &sn.job[0];
	ck_assert_str_eq(j->id, "5");
	ck_assert_uint_eq(j->rows, 2);
	ck_assert_uint_eq(j->line, 2);
	ck_assert_str_eq(j->partition, "gpu");
	ck_assert_str_eq(j->user, "carol");
	ck_assert_str_eq(j->account, "acct-c");
	ck_assert_str_eq(j->name, "train");
	ck_assert_str_eq(j->submit, "2024-01-01T23:00:00");
	ck_close(j->elapsed_h, 1);
	ck_close(j->cpu_used_h, 10.0 / 60);
	ck_close(j->cpu_h, 0); /* charged core-hours count on CPU partitions only */
	ck_close(j->gpus, 2);
	ck_close(j->gpu_h, 2);
	ck_close(j->mem_req, 4);
	ck_close(j->mem_used, 1);
	ck_close(j->mem_needed, 2);
	ck_close(j->over, 2);
	ck_close(j->e_cpu, 600.0 / 3600 * 5 / 1000);
	ck_close(j->e_gpu, 0.6);
	ck_close(j->e_mem, 0.00149);
	ck_close(j->e, (600.0 / 3600 * 5 / 1000 + 0.6 + 0.00149) * 1.5);
	ck_close(j->e_right, (600.0 / 3600 * 5 / 1000 + 0.6 + 0.000745) * 1.5);
	ck_assert_uint_eq(co2_sacct_group_count(r), 1);
	ck_assert_str_eq(co2_sacct_group_at(r, 0)->key, "2024-01-01"); /* the earliest Submit */
	ck_close(co2_sacct_group_at(r, 0)->sums.energy_kwh, j->e);
	co2_sacct_free(r);
}
END_TEST

START_TEST(long_ids_and_names_are_cut_to_what_the_reader_keeps)
{
	char *id = filled(70, '9'), *user = filled(100, 'u');
	char log[1024];
	snprintf(log, sizeof log,
	         SACCT_HEADER_NAMES "\n%s|2024-01-01T00:00:00|01:00:00|cpu|1|1|01:00:00|01:00:00|1G||COMPLETED||%s|a|n\n",
	         id, user);
	seen sn;
	memset(&sn, 0, sizeof sn);
	co2_sacct_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(sacct_text(log, &sn, &t, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(sn.jobs, 1);
	ck_assert_uint_eq(strlen(sn.job[0].id), 63);
	ck_assert_int_eq(strncmp(sn.job[0].id, id, 63), 0);
	ck_assert_uint_eq(strlen(sn.job[0].user), 63);
	ck_assert_str_eq(sn.job[0].account, "a");
	ck_close(t.all.energy_cpu_kwh, 0.01); /* 1 h x 10 W: the row is read in full */
	free(id);
	free(user);
}
END_TEST

START_TEST(a_job_without_a_partition_on_any_row_is_reported_when_complete)
{
	const char *log = SACCT_HEADER "\n"
	                  "9|2024-01-01T00:00:00|01:00:00||1|1|00:10:00|01:00:00|1G||COMPLETED|\n"
	                  "9.batch|2024-01-01T00:00:00|01:00:00||1|1|00:10:00|01:00:00||1G|COMPLETED|\n";
	seen sn;
	memset(&sn, 0, sizeof sn);
	co2_sacct_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(sacct_text(log, &sn, &t, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(sn.problems, 1);
	ck_assert_int_eq(sn.line[0], 2);
	ck_assert_str_eq(sn.message[0], "job 9: no partition on any of its rows; partitions are described in " TINY);
	ck_assert_uint_eq(t.malformed_lines, 1);
	ck_assert_uint_eq(t.all.jobs, 0);
}
END_TEST

START_TEST(blank_lines_are_not_data_and_problems_count_without_a_callback)
{
	const char *log = SACCT_HEADER "\n\n"
	                  "1|2024-01-01T00:00:00|01:00:00|cpu|1|1|01:00:00|01:00:00|1G||COMPLETED|\n\n"
	                  "2|2024-01-01T00:00:00|01:00:00|cpu|x|1|01:00:00|01:00:00|1G||COMPLETED|\n";
	co2_sacct_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(sacct_text(log, NULL, &t, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(t.lines, 2);
	ck_assert_uint_eq(t.malformed_lines, 1);
	ck_assert_uint_eq(t.all.jobs, 1);
	ck_close(t.all.energy_cpu_kwh, 0.01);
}
END_TEST

START_TEST(a_line_over_1_mib_in_one_chunk_is_left_out)
{
	/* "1|" and 1 MiB + 10 bytes of 'x', then a good job. */
	const char *good = "2|2024-01-01T00:00:00|01:00:00|cpu|1|1|01:00:00|01:00:00|1G||COMPLETED|\n";
	size_t hl = strlen(SACCT_HEADER "\n"), ll = MIB + 12, gl = strlen(good);
	char *log = malloc(hl + ll + 1 + gl + 1);
	ck_assert_ptr_nonnull(log);
	memcpy(log, SACCT_HEADER "\n", hl);
	memcpy(log + hl, "1|", 2);
	memset(log + hl + 2, 'x', ll - 2);
	log[hl + ll] = '\n';
	memcpy(log + hl + ll + 1, good, gl + 1);
	seen sn;
	memset(&sn, 0, sizeof sn);
	co2_sacct_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(sacct_run(tiny, NULL, log, strlen(log), 0, &sn, &t, &err, NULL) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(sn.problems, 1);
	ck_assert_int_eq(sn.line[0], 2);
	ck_assert_str_eq(sn.message[0], "line longer than 1048576 bytes");
	ck_assert_uint_eq(t.lines, 2);
	ck_assert_uint_eq(t.all.jobs, 1);
	ck_assert_str_eq(sn.job[0].id, "2");
	free(log);
}
END_TEST

START_TEST(a_line_over_1_mib_across_chunks_is_left_out)
{
	/* The long line arrives in 64 KiB chunks: carried, then skipped once over 1 MiB. */
	const char *head = SACCT_HEADER "\n1|2024-01-01T00:00:00|01:00:00|cpu|1|1|01:00:00|01:00:00|1G||COMPLETED|\n";
	const char *tail = "\n2|2024-01-01T00:00:00|02:00:00|cpu|1|1|02:00:00|02:00:00|1G||COMPLETED|\n";
	char *chunk = filled(64 * 1024, 'x');
	co2_sacct *r = NULL;
	co2_error err;
	co2_error_clear(&err);
	seen sn;
	memset(&sn, 0, sizeof sn);
	ck_assert_int_eq(co2_sacct_new(&r, tiny, NULL, "x.log", &err), CO2_OK);
	co2_sacct_on_problem(r, on_problem, &sn);
	co2_sacct_on_job(r, on_job, &sn);
	ck_assert_int_eq(co2_sacct_feed(r, head, strlen(head), &err), CO2_OK);
	for (int i = 0; i < 20; i++) /* 1.25 MiB */
		ck_assert_int_eq(co2_sacct_feed(r, chunk, 64 * 1024, &err), CO2_OK);
	ck_assert_int_eq(co2_sacct_feed(r, tail, strlen(tail), &err), CO2_OK);
	ck_assert_int_eq(co2_sacct_finish(r, &err), CO2_OK);
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	ck_assert_uint_eq(sn.problems, 1);
	ck_assert_int_eq(sn.line[0], 3);
	ck_assert_str_eq(sn.message[0], "line longer than 1048576 bytes");
	ck_assert_uint_eq(t->lines, 3);
	ck_assert_uint_eq(t->malformed_lines, 1);
	ck_assert_uint_eq(t->all.jobs, 2);
	ck_close(t->all.energy_cpu_kwh, 0.01 + 0.02); /* 1 h and 2 h at 10 W */
	co2_sacct_free(r);
	free(chunk);
}
END_TEST

START_TEST(a_line_under_1_mib_across_chunks_is_read)
{
	/* A job row with a 200 KB JobName, in 50 KB chunks: carried and read whole. */
	char *name = filled(200 * 1000, 'n');
	size_t cap = strlen(SACCT_HEADER_NAMES) + 200 * 1000 + 256;
	char *log = malloc(cap);
	ck_assert_ptr_nonnull(log);
	snprintf(log, cap, SACCT_HEADER_NAMES "\n7|2024-01-01T00:00:00|01:00:00|cpu|1|1|01:00:00|01:00:00|1G||COMPLETED||bob|acct|%s\n",
	         name);
	seen sn;
	memset(&sn, 0, sizeof sn);
	co2_sacct_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(sacct_run(tiny, NULL, log, strlen(log), 50 * 1000, &sn, &t, &err, NULL) == CO2_OK, "%s",
	              err.message);
	ck_assert_uint_eq(sn.problems, 0);
	ck_assert_uint_eq(sn.jobs, 1);
	ck_assert_str_eq(sn.job[0].user, "bob");
	ck_assert_uint_eq(strlen(sn.job[0].name), 95); /* what the reader keeps of the 200000 */
	ck_assert_int_eq(sn.job[0].name[94], 'n');
	ck_close(t.all.energy_cpu_kwh, 0.01);
	free(log);
	free(name);
}
END_TEST

START_TEST(a_header_over_1_mib_stops_the_reader)
{
	char *chunk = filled(64 * 1024, 'A');
	co2_sacct *r = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_sacct_new(&r, tiny, NULL, "big.log", &err), CO2_OK);
	for (int i = 0; i < 17; i++)
		ck_assert_int_eq(co2_sacct_feed(r, chunk, 64 * 1024, &err), CO2_OK);
	ck_assert_int_eq(co2_sacct_feed(r, "\nmore\n", 6, &err), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "big.log:1: header line longer than 1048576 bytes");
	ck_assert_str_eq(err.file, "big.log");
	ck_assert_int_eq(err.line, 1);
	/* Stopped for good: the next calls say the same. */
	co2_error_clear(&err);
	ck_assert_int_eq(co2_sacct_feed(r, "x\n", 2, &err), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "big.log:1: header line longer than 1048576 bytes");
	co2_error_clear(&err);
	ck_assert_int_eq(co2_sacct_finish(r, &err), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "big.log:1: header line longer than 1048576 bytes");
	co2_sacct_free(r);
	free(chunk);
}
END_TEST

START_TEST(a_header_with_more_than_256_columns_is_refused)
{
	char header[4096] = SACCT_HEADER;
	for (int i = 0; i < 250; i++)
		strcat(header, "|c");
	strcat(header, "\n"); /* 262 columns */
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(sacct_text(header, NULL, NULL, &err), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "x.log:1: header: more than 256 columns");
	ck_assert_int_eq(err.line, 1);
}
END_TEST

START_TEST(a_header_without_a_newline_is_checked_at_the_end)
{
	co2_sacct *r = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_sacct_new(&r, tiny, NULL, "x.log", &err), CO2_OK);
	const char *h = "JobID|Submit|Elapsed|Partition|NNodes|NCPUS|TotalCPU|CPUTime|ReqMem|MaxRSS|State";
	ck_assert_int_eq(co2_sacct_feed(r, h, strlen(h), &err), CO2_OK);
	ck_assert_int_eq(co2_sacct_finish(r, &err), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "x.log:1: header: missing column AllocTRES (add it to sacct --format)");
	co2_sacct_free(r);
}
END_TEST

START_TEST(feeding_after_finish_is_refused_and_finish_twice_is_harmless)
{
	const char *log = SACCT_HEADER "\n1|2024-01-01T00:00:00|01:00:00|cpu|1|1|01:00:00|01:00:00|1G||COMPLETED|\n";
	co2_sacct *r = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_sacct_new(&r, tiny, NULL, "x.log", &err), CO2_OK);
	ck_assert_int_eq(co2_sacct_feed(r, log, strlen(log), &err), CO2_OK);
	ck_assert_int_eq(co2_sacct_finish(r, &err), CO2_OK);
	ck_assert_int_eq(co2_sacct_feed(r, log, strlen(log), &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "sacct: fed after co2_sacct_finish()");
	ck_assert_int_eq(co2_sacct_finish(r, &err), CO2_OK);
	ck_assert_uint_eq(co2_sacct_get_totals(r)->all.jobs, 1); /* counted once */
	ck_close(co2_sacct_get_totals(r)->all.energy_cpu_kwh, 0.01);
	co2_sacct_free(r);
}
END_TEST

START_TEST(bad_reader_options_name_the_option)
{
	co2_sacct *r = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_sacct_new(&r, NULL, NULL, "x", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "sacct: no cluster description");
	ck_assert_ptr_null(r);

	co2_sacct_options o;
	co2_sacct_options_init(&o);
	o.group_by = (co2_sacct_group_by)9;
	ck_assert_int_eq(co2_sacct_new(&r, tiny, &o, "x", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "group-by: unknown grouping 9");
	ck_assert_str_eq(err.field, "group-by");
	ck_assert_str_eq(co2_sacct_group_by_name((co2_sacct_group_by)9), "none");

	co2_sacct_options_init(&o);
	o.until = "2024/01/01"; /* the right length, the wrong separators */
	ck_assert_int_eq(co2_sacct_new(&r, tiny, &o, "x", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "until: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], got '2024/01/01'");
	ck_assert_str_eq(err.field, "until");

	co2_sacct_options_init(&o);
	o.intensity_g_per_kwh = 2500;
	ck_assert_int_eq(co2_sacct_new(&r, tiny, &o, "x", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "intensity: 2500 g/kWh is out of range [0, 2000]");
	ck_assert_str_eq(err.field, "intensity");

	char states[256] = "S0";
	for (int i = 1; i < 33; i++)
		snprintf(states + strlen(states), sizeof states - strlen(states), ",S%d", i);
	co2_sacct_options_init(&o);
	o.custom_success_states = states; /* 33 states */
	ck_assert_int_eq(co2_sacct_new(&r, tiny, &o, "x", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "custom-success-states: at most 32 states");
	ck_assert_ptr_null(r);
	*strrchr(states, ',') = '\0'; /* 32 states: accepted */
	ck_assert_int_eq(co2_sacct_new(&r, tiny, &o, "x", &err), CO2_OK);
	co2_sacct_free(r);

	co2_sacct_group_by g = CO2_SACCT_GROUP_USER;
	ck_assert_int_eq(co2_sacct_group_by_parse(&g, NULL, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "group-by: expected user, account, partition, state or day, got ''");
	ck_assert_int_eq(g, CO2_SACCT_GROUP_USER);
}
END_TEST

START_TEST(a_custom_success_state_matches_its_first_word)
{
	/* "CANCELLED by 123" is a success when CANCELLED is named; TIMEOUT is not. */
	const char *log = SACCT_HEADER "\n"
	                  "1|2024-01-01T00:00:00|01:00:00|cpu|1|1|01:00:00|01:00:00|1G||CANCELLED by 123|\n"
	                  "2|2024-01-01T00:00:00|01:00:00|cpu|1|1|01:00:00|01:00:00|1G||TIMEOUT|\n";
	co2_sacct_options o;
	co2_sacct_options_init(&o);
	o.custom_success_states = "CANCELLED";
	o.group_by = CO2_SACCT_GROUP_STATE;
	co2_sacct_totals t;
	co2_error err;
	co2_error_clear(&err);
	co2_sacct *r = NULL;
	ck_assert_msg(sacct_run(tiny, &o, log, strlen(log), 0, NULL, &t, &err, &r) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(t.all.jobs, 2);
	ck_assert_uint_eq(t.all.jobs_failed, 1);
	ck_assert_uint_eq(co2_sacct_group_count(r), 2);
	ck_assert_str_eq(co2_sacct_group_at(r, 0)->key, "CANCELLED");
	ck_assert_uint_eq(co2_sacct_group_at(r, 0)->sums.jobs_failed, 0);
	ck_assert_str_eq(co2_sacct_group_at(r, 1)->key, "TIMEOUT");
	ck_assert_uint_eq(co2_sacct_group_at(r, 1)->sums.jobs_failed, 1);
	co2_sacct_free(r);
}
END_TEST

/* ==== cluster ===================================================================== */

#define CL_HEAD "PUE: 1.5\nCI: 400\npartitions:\n"

typedef struct bad_cluster {
	const char *text;
	int with_db; /* 0: no data, 1: mini.yaml */
	const char *expect;
} bad_cluster;

static const bad_cluster bad_clusters[] = {
	{ CL_HEAD "  cpu: 10\n", 0, "c.yaml:4:8: partition 'cpu': expected a mapping (type, model, TDP, ...)" },
	{ CL_HEAD "  cpu: {TDP: 10}\n", 0, "c.yaml:4:8: partition 'cpu': missing 'type' (CPU or GPU)" },
	{ CL_HEAD "  g: {type: GPU, TDP: 9000, TDP_CPU: 5}\n", 0, "c.yaml:4:23: partitions.g.TDP: 9000 is out of range [0.01, 5000]" },
	{ CL_HEAD "  g: {type: GPU, model: TG100, TDP_CPU: 5}\n", 0, "c.yaml:4:6: partition 'g': give the GPU's TDP (W)" },
	{ CL_HEAD "  g: {type: GPU, model: Nonesuch 9000, TDP_CPU: 5}\n", 1, "c.yaml:4:6: partition 'g': " },
	{ CL_HEAD "  cpu: {type: CPU, model: Nonesuch 9000}\n", 1, "c.yaml:4:8: partition 'cpu': " },
	{ CL_HEAD "  cpu: {type: CPU, model: TG100}\n", 1,
	  "c.yaml:4:8: partition 'cpu': the data has no power per core for 'TG100'; give TDP" },
	{ CL_HEAD "  g: {type: GPU, TDP: 300, TDP_CPU: 2000}\n", 0, "partitions.g.TDP_CPU: 2000 is out of range [0, 1000]" },
	{ CL_HEAD "  g: {type: GPU, TDP: 300, model_CPU: Nonesuch 9000}\n", 1, "c.yaml:4:6: partition 'g': " },
	{ "PUE: 1.5\nCI: 400\ngranularity_memory_request: 0\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", 0,
	  "c.yaml:3:29: granularity_memory_request: 0 is out of range [0.001, 1e+06]" },
	{ "PUE: 1.5\nCI: 400\nmemory_w_per_gb: 200\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", 0,
	  "c.yaml:3:18: memory_w_per_gb: 200 is out of range [0, 100]" },
	{ "PUE: 1.5\nCI: 400\ndefault_unit_RSS: X\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", 0,
	  "c.yaml:3:19: default_unit_RSS: expected K, M or G" },
	{ "PUE: 1.5\nCI: 400\ndefault_unit_RSS: KB\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", 0,
	  "default_unit_RSS: expected K, M or G" },
	{ "PUE: 1.5\nlocation: XX\npartitions:\n  cpu: {type: CPU, TDP: 10}\n", 1, "c.yaml:2:11: location: " },
	{ "PUE: 1.5\nCI: 400\npartitions: [cpu]\n", 0, "c.yaml:3:13: partitions: expected a mapping of partition names" },
	{ "PUE: 1.5\nCI: 400\npartitions: {}\n", 0, "c.yaml:3:13: partitions: no partition described" },
	{ CL_HEAD "  '': {type: CPU, TDP: 2}\n", 0, "c.yaml:4:3: partitions: a partition name must be a string" },
	{ CL_HEAD "  ? [a]\n  : {type: CPU, TDP: 2}\n", 0, "c.yaml:4:5: partitions: a partition name must be a string" },
	{ CL_HEAD "  cpu: {type: CPU, TDP: 1}\n  cpu: {type: CPU, TDP: 2}\n", 0, "c.yaml:5:3: partition 'cpu' is described twice" },
};

START_TEST(bad_cluster_files_point_at_the_line_and_column)
{
	const bad_cluster *b = &bad_clusters[_i];
	co2_cluster *c = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_ne(co2_cluster_load_buffer(&c, "c.yaml", b->text, strlen(b->text), b->with_db ? mini : NULL, &err),
	                 CO2_OK);
	ck_assert_ptr_null(c);
	assert_has(err.message, b->expect);
	ck_assert_str_eq(err.file, "c.yaml");
	ck_assert_int_gt(err.line, 0);
}
END_TEST

/* A key given twice is refused, as in a run spec (the last one would silently win): at
 * the second key, in either spelling of PUE and CI, and also for the keys left unread. */
static const struct {
	const char *text;
	const char *message;
	int line, column;
} twice_clusters[] = {
	{ "PUE: 1.5\nCI: 400\nPUE: 1.2\npartitions:\n  cpu: {type: CPU, TDP: 10}\n",
	  "c.yaml:3:1: duplicate key 'PUE'", 3, 1 },
	{ "PUE: 1.5\nCI: 400\npue: 1.2\npartitions:\n  cpu: {type: CPU, TDP: 10}\n",
	  "c.yaml:3:1: duplicate key 'pue' (the same as 'PUE')", 3, 1 },
	{ "intensity: 300\nPUE: 1.5\nCI: 400\npartitions:\n  cpu: {type: CPU, TDP: 10}\n",
	  "c.yaml:3:1: duplicate key 'CI' (the same as 'intensity')", 3, 1 },
	{ "institution: a\nPUE: 1.5\nCI: 400\ninstitution: b\npartitions:\n  cpu: {type: CPU, TDP: 10}\n",
	  "c.yaml:4:1: duplicate key 'institution'", 4, 1 },
	{ CL_HEAD "  cpu:\n    type: CPU\n    TDP: 10\n    TDP: 12\n",
	  "c.yaml:7:5: partition 'cpu': duplicate key 'TDP'", 7, 5 },
	{ CL_HEAD "  g: {type: GPU, TDP: 300, TDP_CPU: 5, type: CPU}\n",
	  "c.yaml:4:40: partition 'g': duplicate key 'type'", 4, 40 },
};

START_TEST(a_key_given_twice_in_a_cluster_file_is_refused)
{
	co2_cluster *c = NULL;
	co2_error err;
	co2_error_clear(&err);
	const char *y = twice_clusters[_i].text;
	ck_assert_int_eq(co2_cluster_load_buffer(&c, "c.yaml", y, strlen(y), NULL, &err), CO2_ERR_PARSE);
	ck_assert_ptr_null(c);
	ck_assert_str_eq(err.message, twice_clusters[_i].message);
	ck_assert_str_eq(err.file, "c.yaml");
	ck_assert_int_eq(err.line, twice_clusters[_i].line);
	ck_assert_int_eq(err.column, twice_clusters[_i].column);
}
END_TEST

START_TEST(the_tiny_cluster_with_its_pue_given_twice_is_refused)
{
	size_t len;
	char *text = co2_test_slurp(CO2_TEST_DATA_DIR "/sacct/tiny.yaml", &len);
	const char more[] = "PUE: 1.2\n";
	char *twice = malloc(len + sizeof more);
	ck_assert_ptr_nonnull(twice);
	memcpy(twice, text, len);
	memcpy(twice + len, more, sizeof more);
	int lines = 0;
	for (size_t i = 0; twice[i]; i++)
		lines += twice[i] == '\n';
	co2_cluster *c = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_cluster_load_buffer(&c, "tiny.yaml", twice, strlen(twice), NULL, &err), CO2_ERR_PARSE);
	char expect[64];
	snprintf(expect, sizeof expect, "tiny.yaml:%d:1: duplicate key 'PUE'", lines);
	ck_assert_str_eq(err.message, expect);
	/* Once, it is read. */
	ck_assert_msg(co2_cluster_load_buffer(&c, "tiny.yaml", text, len, NULL, &err) == CO2_OK, "%s", err.message);
	co2_cluster_free(c);
	free(twice);
	free(text);
}
END_TEST

START_TEST(unknown_hardware_in_a_cluster_file_gives_the_data_s_reason)
{
	co2_cluster *c = NULL;
	co2_error err, want;
	co2_error_clear(&err);
	co2_error_clear(&want);
	const co2_hardware *hw = NULL;
	co2_status st = co2_db_find_hardware(&hw, mini, NULL, "Nonesuch 9000", &want);
	ck_assert_int_ne(st, CO2_OK);
	const char *y = CL_HEAD "  cpu: {type: CPU, model: Nonesuch 9000}\n";
	ck_assert_int_eq(co2_cluster_load_buffer(&c, "c.yaml", y, strlen(y), mini, &err), st);
	char expect[1100];
	snprintf(expect, sizeof expect, "c.yaml:4:8: partition 'cpu': %s", want.message);
	ck_assert_str_eq(err.message, expect);
}
END_TEST

START_TEST(partitions_take_missing_power_figures_from_the_data)
{
	/* Test CPU 16: 160 W / 16 cores = 10 W per core; TG100: 100 W. */
	const char *y = "PUE: 1.2\nCI: 300\n"
	                "? [not, a, name]\n: ignored\n"
	                "partitions:\n"
	                "  cpu: {type: cpu, model: Test CPU 16}\n"
	                "  g: {type: gpu, model: TG100, TDP_CPU: 5, [x]: ignored}\n"
	                "  h: {type: GPU, TDP: 250, model_CPU: Test CPU 16}\n";
	co2_cluster *c = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_cluster_load_buffer(&c, NULL, y, strlen(y), mini, &err) == CO2_OK, "%s", err.message);
	ck_assert_str_eq(co2_cluster_file(c), "<cluster>");
	ck_assert_ptr_null(co2_cluster_name(c));
	ck_assert_uint_eq(co2_cluster_partition_count(c), 3);
	const co2_cluster_partition *p = co2_cluster_find_partition(c, "cpu");
	ck_assert_int_eq(p->gpu, 0);
	ck_close(p->cpu_w_per_core, 10);
	ck_assert_str_eq(p->model, "Test CPU 16");
	p = co2_cluster_find_partition(c, "g");
	ck_assert_int_eq(p->gpu, 1);
	ck_close(p->gpu_w, 100);
	ck_close(p->cpu_w_per_core, 5);
	p = co2_cluster_find_partition(c, "h");
	ck_close(p->gpu_w, 250);
	ck_close(p->cpu_w_per_core, 10);
	ck_assert_str_eq(p->cpu_model, "Test CPU 16");
	co2_cluster_free(c);

	/* A CPU of the data: its TDP / cores (Xeon Gold 6142: 150 W / 16 = 9.375 W). */
	const co2_hardware *hw = NULL;
	ck_assert_int_eq(co2_db_find_hardware(&hw, builtin, NULL, "Xeon Gold 6142", &err), CO2_OK);
	ck_assert_int_gt(hw->cores, 0);
	y = CL_HEAD "  cpu: {type: CPU, model: Xeon Gold 6142}\n";
	ck_assert_msg(co2_cluster_load_buffer(&c, "x.yaml", y, strlen(y), builtin, &err) == CO2_OK, "%s", err.message);
	ck_close(co2_cluster_find_partition(c, "cpu")->cpu_w_per_core, hw->power_w / hw->cores);
	co2_cluster_free(c);
}
END_TEST

START_TEST(a_cluster_bad_as_yaml_names_the_default_name)
{
	co2_cluster *c = NULL;
	co2_error err;
	co2_error_clear(&err);
	const char *y = "PUE: [1\n";
	ck_assert_int_eq(co2_cluster_load_buffer(&c, NULL, y, strlen(y), NULL, &err), CO2_ERR_PARSE);
	ck_assert_int_eq(strncmp(err.message, "<cluster>:", 10), 0);
	ck_assert_str_eq(err.file, "<cluster>");
}
END_TEST

/* ==== batch ======================================================================= */

typedef struct rows {
	size_t n;
	size_t line[8];
	co2_status status[8];
	char message[8][800];
	char name[8][128];
	size_t name_len[8];
	double energy[8];
} rows;

static void on_row(void *ctx, const co2_batch_row *r)
{
	rows *g = ctx;
	if (g->n >= 8)
		return;
	size_t i = g->n++;
	g->line[i] = r->line;
	g->status[i] = r->status;
	const char *name = r->run && r->run->name ? r->run->name : "";
	snprintf(g->name[i], sizeof g->name[i], "%s", name);
	g->name_len[i] = strlen(name);
	if (r->status == CO2_OK)
		g->energy[i] = r->result->energy_kwh;
	else
		snprintf(g->message[i], sizeof g->message[i], "%s", r->error->message);
}

/* Feed len bytes (chunk 0: at once) and finish; the status of the first call that failed. */
static co2_status batch_run(const char *text, size_t len, co2_batch_format fmt, size_t chunk, rows *g,
                            co2_batch_totals *t, co2_error *err, co2_batch_format *detected)
{
	co2_batch *b = NULL;
	ck_assert_int_eq(co2_batch_new(&b, builtin, fmt, "runs", err), CO2_OK);
	co2_batch_on_row(b, on_row, g);
	if (!chunk)
		chunk = len ? len : 1;
	co2_status st = CO2_OK;
	for (size_t off = 0; st == CO2_OK && off < len; off += chunk)
		st = co2_batch_feed(b, text + off, len - off < chunk ? len - off : chunk, err);
	if (st == CO2_OK)
		st = co2_batch_finish(b, err);
	if (t)
		*t = *co2_batch_get_totals(b);
	if (detected)
		*detected = co2_batch_get_format(b);
	co2_batch_free(b);
	return st;
}

START_TEST(a_batch_needs_data_and_a_known_format)
{
	static int sentinel;
	co2_batch *b = (co2_batch *)(void *)&sentinel; /* overwritten with NULL on failure */
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_batch_new(&b, NULL, CO2_BATCH_CSV, "x", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "batch: no database");
	ck_assert_ptr_null(b);
	ck_assert_int_eq(co2_batch_new(&b, builtin, (co2_batch_format)7, "x", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "batch: unknown input format 7");
	ck_assert_ptr_null(b);
	ck_assert_str_eq(co2_batch_format_name((co2_batch_format)7), "auto");
	ck_assert_int_eq(co2_batch_new(&b, builtin, CO2_BATCH_YAML, NULL, &err), CO2_OK);
	ck_assert_int_eq(co2_batch_get_format(b), CO2_BATCH_YAML);
	ck_assert_int_eq(co2_batch_finish(b, &err), CO2_OK); /* an empty list: no runs, no error */
	ck_assert_uint_eq(co2_batch_get_totals(b)->runs, 0);
	co2_batch_free(b);
}
END_TEST

START_TEST(at_most_32_overrides)
{
	co2_batch *b = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_batch_new(&b, builtin, CO2_BATCH_CSV, "x", &err), CO2_OK);
	for (int i = 0; i < 32; i++)
		ck_assert_int_eq(co2_batch_override(b, "pue", i % 2 ? "1.5" : "1.25", &err), CO2_OK);
	ck_assert_int_eq(co2_batch_override(b, "pue", "1.1", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "batch: at most 32 overrides");
	/* The 32 kept apply in order: the last is pue 1.5, so 2 kWh measured is 3 kWh. */
	rows g;
	memset(&g, 0, sizeof g);
	co2_batch_on_row(b, on_row, &g);
	const char *csv = "energy,location\n2,FR\n";
	ck_assert_int_eq(co2_batch_feed(b, csv, strlen(csv), &err), CO2_OK);
	ck_assert_int_eq(co2_batch_finish(b, &err), CO2_OK);
	ck_assert_uint_eq(g.n, 1);
	ck_close(g.energy[0], 3);
	co2_batch_free(b);
}
END_TEST

START_TEST(csv_quotes_follow_rfc_4180)
{
	/* Measured energy x PUE: 1, 2 and 3 kWh at PUE 1. */
	const char *csv = "name,energy,location,pue\n"
	                  "\"a \"\"quoted\"\" name\",1,FR,1\n"
	                  "\"spaced\"  ,2,FR,1\n"
	                  "plain,3,FR,\"1\"\n"
	                  "\"x\"y,4,FR,1\n";
	rows g;
	memset(&g, 0, sizeof g);
	co2_batch_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(batch_run(csv, strlen(csv), CO2_BATCH_CSV, 0, &g, &t, &err, NULL), CO2_OK);
	ck_assert_uint_eq(t.runs, 4);
	ck_assert_uint_eq(t.failed, 1);
	ck_assert_str_eq(g.name[0], "a \"quoted\" name");
	ck_close(g.energy[0], 1);
	ck_assert_str_eq(g.name[1], "spaced");
	ck_close(g.energy[1], 2);
	ck_assert_str_eq(g.name[2], "plain");
	ck_close(g.energy[2], 3);
	/* Text after a closing quote is refused. */
	ck_assert_uint_eq(g.line[3], 5);
	ck_assert_str_eq(g.message[3], "text after the closing quote of a field (write \"\" for a quote inside it)");
	ck_close(t.energy_kwh, 6);
}
END_TEST

START_TEST(csv_rows_and_headers_over_64_fields)
{
	char csv[1024] = "energy,location\n1,FR";
	for (int i = 0; i < 70; i++)
		strcat(csv, ",x");
	strcat(csv, "\n");
	rows g;
	memset(&g, 0, sizeof g);
	co2_batch_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(batch_run(csv, strlen(csv), CO2_BATCH_CSV, 0, &g, &t, &err, NULL), CO2_OK);
	ck_assert_uint_eq(t.failed, 1);
	ck_assert_str_eq(g.message[0], "expected 2 fields as in the header, found more than 64");
	ck_assert_uint_eq(g.line[0], 2);

	char header[1024] = "energy";
	for (int i = 0; i < 64; i++)
		strcat(header, ",energy");
	strcat(header, "\n"); /* 65 columns */
	memset(&g, 0, sizeof g);
	ck_assert_int_eq(batch_run(header, strlen(header), CO2_BATCH_CSV, 0, &g, NULL, &err, NULL), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "runs:1: CSV header: more than 64 columns");
	ck_assert_uint_eq(g.n, 0);
}
END_TEST

START_TEST(a_csv_row_longer_than_the_row_buffer_is_read_whole)
{
	char *name = filled(3000, 'n');
	char *csv = malloc(3100);
	ck_assert_ptr_nonnull(csv);
	snprintf(csv, 3100, "name,energy,location,pue\n%s,5,FR,1\n", name);
	rows g;
	memset(&g, 0, sizeof g);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(batch_run(csv, strlen(csv), CO2_BATCH_CSV, 0, &g, NULL, &err, NULL), CO2_OK);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_int_eq(g.status[0], CO2_OK);
	ck_assert_uint_eq(g.name_len[0], 3000);
	ck_close(g.energy[0], 5);
	free(csv);
	free(name);
}
END_TEST

START_TEST(crlf_blank_lines_and_comments_are_skipped_in_every_format)
{
	rows g;
	memset(&g, 0, sizeof g);
	co2_batch_totals t;
	co2_error err;
	co2_error_clear(&err);
	co2_batch_format f;
	/* CSV with CRLF (the pue would not read as "1.5\r") and a blank line after the header. */
	const char *csv = "energy,location,pue\r\n \t \r\n2,FR,1.5\r\n";
	ck_assert_int_eq(batch_run(csv, strlen(csv), CO2_BATCH_AUTO, 0, &g, &t, &err, &f), CO2_OK);
	ck_assert_int_eq(f, CO2_BATCH_CSV);
	ck_assert_uint_eq(t.runs, 1);
	ck_assert_uint_eq(t.failed, 0);
	ck_close(g.energy[0], 3);
	/* JSON Lines found after indented comment and blank lines, and blank lines between. */
	memset(&g, 0, sizeof g);
	const char *jsonl = "\n  # runs\n\t\n  {\"energy\": 2, \"location\": \"FR\", \"pue\": 1.5}\n   \n"
	                    "{\"energy\": 4, \"location\": \"FR\", \"pue\": 1}\n";
	ck_assert_int_eq(batch_run(jsonl, strlen(jsonl), CO2_BATCH_AUTO, 0, &g, &t, &err, &f), CO2_OK);
	ck_assert_int_eq(f, CO2_BATCH_JSONL);
	ck_assert_uint_eq(t.runs, 2);
	ck_assert_uint_eq(g.line[0], 4);
	ck_assert_uint_eq(g.line[1], 6);
	ck_close(t.energy_kwh, 3 + 4);
}
END_TEST

START_TEST(a_yaml_list_ends_at_its_document_end)
{
	rows g;
	memset(&g, 0, sizeof g);
	co2_batch_totals t;
	co2_error err;
	co2_error_clear(&err);
	co2_batch_format f;
	/* "---" before the list starts it; "..." ends it: the last item is not read. */
	const char *y1 = "---\n- {energy: 1, location: FR, pue: 1}\n- {energy: 2, location: FR, pue: 1}\n...\n- {energy: 30}\n";
	ck_assert_int_eq(batch_run(y1, strlen(y1), CO2_BATCH_AUTO, 0, &g, &t, &err, &f), CO2_OK);
	ck_assert_int_eq(f, CO2_BATCH_YAML);
	ck_assert_uint_eq(t.runs, 2);
	ck_close(t.energy_kwh, 3);
	/* "--- " after the list has started begins a second document: not read. */
	memset(&g, 0, sizeof g);
	const char *y2 = "- {energy: 1, location: FR, pue: 1}\n--- # next\n- {energy: 20, location: FR, pue: 1}\n";
	ck_assert_int_eq(batch_run(y2, strlen(y2), CO2_BATCH_YAML, 0, &g, &t, &err, NULL), CO2_OK);
	ck_assert_uint_eq(t.runs, 1);
	ck_close(t.energy_kwh, 1);
}
END_TEST

START_TEST(a_yaml_item_over_1_mib_fails_that_run_only)
{
	/* An item with twelve 100 KiB comment lines, then a good item. */
	char *comment = filled(100 * 1024, 'c');
	memcpy(comment, "  # ", 4);
	size_t cl = strlen(comment);
	const char *first = "- energy: 1\n", *last = "- {energy: 2, location: FR, pue: 1}\n";
	size_t cap = strlen(first) + 12 * (cl + 1) + strlen(last) + 1;
	char *y = malloc(cap);
	ck_assert_ptr_nonnull(y);
	strcpy(y, first);
	size_t n = strlen(y);
	for (int i = 0; i < 12; i++) {
		memcpy(y + n, comment, cl);
		n += cl;
		y[n++] = '\n';
	}
	strcpy(y + n, last);
	rows g;
	memset(&g, 0, sizeof g);
	co2_batch_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(batch_run(y, strlen(y), CO2_BATCH_YAML, 0, &g, &t, &err, NULL), CO2_OK);
	ck_assert_uint_eq(t.runs, 2);
	ck_assert_uint_eq(t.failed, 1);
	ck_assert_uint_eq(g.line[0], 1);
	ck_assert_str_eq(g.message[0], "list item longer than 1048576 bytes");
	ck_assert_uint_eq(g.line[1], 14);
	ck_assert_int_eq(g.status[1], CO2_OK);
	ck_close(g.energy[1], 2);
	free(y);
	free(comment);
}
END_TEST

START_TEST(a_nul_byte_fails_the_file_before_any_run_and_one_run_after)
{
	rows g;
	memset(&g, 0, sizeof g);
	co2_batch_totals t;
	co2_error err;
	co2_error_clear(&err);
	static const char first[] = "ener\0gy,location\n1,FR\n";
	ck_assert_int_eq(batch_run(first, sizeof first - 1, CO2_BATCH_CSV, 0, &g, NULL, &err, NULL), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "runs:1: binary data (a NUL byte)");
	ck_assert_int_eq(err.line, 1);
	ck_assert_uint_eq(g.n, 0);
	static const char later[] = "energy,location,pue\n1,FR,1\n2,\0FR,1\n3,FR,1\n";
	ck_assert_int_eq(batch_run(later, sizeof later - 1, CO2_BATCH_CSV, 0, &g, &t, &err, NULL), CO2_OK);
	ck_assert_uint_eq(t.runs, 3);
	ck_assert_uint_eq(t.failed, 1);
	ck_assert_uint_eq(g.line[1], 3);
	ck_assert_str_eq(g.message[1], "binary data (a NUL byte)");
	ck_close(t.energy_kwh, 1 + 3);
}
END_TEST

START_TEST(a_batch_line_over_1_mib_fails_one_run_or_the_file)
{
	char *chunk = filled(64 * 1024, 'x');
	co2_error err;
	co2_error_clear(&err);
	/* After a run: that line is one failed run, the others are computed. */
	co2_batch *b = NULL;
	rows g;
	memset(&g, 0, sizeof g);
	ck_assert_int_eq(co2_batch_new(&b, builtin, CO2_BATCH_CSV, "runs", &err), CO2_OK);
	co2_batch_on_row(b, on_row, &g);
	const char *head = "energy,location,pue\n1,FR,1\n";
	ck_assert_int_eq(co2_batch_feed(b, head, strlen(head), &err), CO2_OK);
	for (int i = 0; i < 20; i++)
		ck_assert_int_eq(co2_batch_feed(b, chunk, 64 * 1024, &err), CO2_OK);
	ck_assert_int_eq(co2_batch_feed(b, "\n2,FR,1\n", 8, &err), CO2_OK);
	ck_assert_int_eq(co2_batch_finish(b, &err), CO2_OK);
	ck_assert_uint_eq(co2_batch_get_totals(b)->runs, 3);
	ck_assert_uint_eq(co2_batch_get_totals(b)->failed, 1);
	ck_assert_uint_eq(g.line[1], 3);
	ck_assert_str_eq(g.message[1], "line longer than 1 MiB");
	ck_assert_uint_eq(g.line[2], 4);
	ck_close(co2_batch_get_totals(b)->energy_kwh, 3);
	co2_batch_free(b);

	/* Before any run: the file is refused, and stays refused. */
	ck_assert_int_eq(co2_batch_new(&b, builtin, CO2_BATCH_CSV, "runs", &err), CO2_OK);
	ck_assert_int_eq(co2_batch_feed(b, "energy,location\n", 16, &err), CO2_OK);
	for (int i = 0; i < 20; i++)
		ck_assert_int_eq(co2_batch_feed(b, chunk, 64 * 1024, &err), CO2_OK);
	ck_assert_int_eq(co2_batch_feed(b, "\n1,FR\n", 6, &err), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "runs:2: line longer than 1 MiB");
	ck_assert_int_eq(err.line, 2);
	co2_error_clear(&err);
	ck_assert_int_eq(co2_batch_feed(b, "1,FR\n", 5, &err), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "runs:2: line longer than 1 MiB");
	co2_error_clear(&err);
	ck_assert_int_eq(co2_batch_finish(b, &err), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "runs:2: line longer than 1 MiB");
	ck_assert_uint_eq(co2_batch_get_totals(b)->runs, 0);
	co2_batch_free(b);
	free(chunk);
}
END_TEST

START_TEST(a_batch_refuses_feeding_after_finish_and_checks_a_last_unended_line)
{
	co2_batch *b = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_batch_new(&b, builtin, CO2_BATCH_CSV, "runs", &err), CO2_OK);
	ck_assert_int_eq(co2_batch_feed(b, "energy,location\n2,FR", 20, &err), CO2_OK);
	ck_assert_int_eq(co2_batch_finish(b, &err), CO2_OK);
	ck_assert_uint_eq(co2_batch_get_totals(b)->runs, 1); /* the last line had no newline */
	ck_assert_int_eq(co2_batch_feed(b, "3,FR\n", 5, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "batch: fed after co2_batch_finish()");
	ck_assert_int_eq(co2_batch_finish(b, &err), CO2_OK);
	ck_assert_uint_eq(co2_batch_get_totals(b)->runs, 1);
	co2_batch_free(b);

	/* A header without a newline is checked by finish. */
	ck_assert_int_eq(co2_batch_new(&b, builtin, CO2_BATCH_CSV, "runs", &err), CO2_OK);
	ck_assert_int_eq(co2_batch_feed(b, "energy,locaton", 14, &err), CO2_OK);
	ck_assert_int_eq(co2_batch_finish(b, &err), CO2_ERR_PARSE);
	assert_has(err.message, "runs:1: CSV header, column 2: unknown key 'locaton'; did you mean 'location'?");
	ck_assert_uint_eq(err.n_suggestions, 1);
	ck_assert_str_eq(err.suggestions[0], "location");
	co2_batch_free(b);
}
END_TEST

START_TEST(an_alias_before_the_name_of_a_refused_item_does_not_hide_the_name)
{
	/* The item is refused (hours: x, and 'alias' is no key); its name is still found after
	 * an alias used as a value. */
	const char *y = "- {hours: &h x, alias: *h, name: later}\n- {energy: 1, location: FR, pue: 1}\n";
	rows g;
	memset(&g, 0, sizeof g);
	co2_batch_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(batch_run(y, strlen(y), CO2_BATCH_AUTO, 0, &g, &t, &err, NULL), CO2_OK);
	ck_assert_uint_eq(t.runs, 2);
	ck_assert_uint_eq(t.failed, 1);
	ck_assert_int_ne(g.status[0], CO2_OK);
	ck_assert_str_eq(g.name[0], "later");
	ck_close(g.energy[1], 1);
}
END_TEST

/* ==== run specs ===================================================================== */

typedef struct bad_spec {
	const char *text;
	const char *expect; /* the whole message */
	int line, column;
} bad_spec;

#define EIGHT_DEVICES                                                                       \
	"devices: [{hardware: a}, {hardware: b}, {hardware: c}, {hardware: d}, {hardware: e}, " \
	"{hardware: f}, {hardware: g}, {hardware: h}"
#define EIGHT_JSON_DEVICES                                                                  \
	"{\"devices\": [{\"hardware\": \"a\"}, {\"hardware\": \"b\"}, {\"hardware\": \"c\"}, "    \
	"{\"hardware\": \"d\"}, {\"hardware\": \"e\"}, {\"hardware\": \"f\"}, {\"hardware\": \"g\"}, " \
	"{\"hardware\": \"h\"}"

static const bad_spec bad_specs[] = {
	{ "devices:\n  - {hardware: TG100, gpu: 2}\n", "s.yaml:2:23: unknown key 'gpu'; did you mean 'hardware'?", 2, 23 },
	{ "devices:\n  - {hardware: TG100, count: lots}\n", "s.yaml:2:30: count: expected a finite number, got 'lots'", 2, 30 },
	{ "devices:\n  - {hardware: TG100, count: -1}\n", "s.yaml:2:30: count: must not be negative, got -1", 2, 30 },
	{ "devices:\n  - {hardware: ''}\n", "s.yaml:2:16: hardware: expected a non-empty value", 2, 16 },
	{ "devices:\n  - {hardware: TG100, kind: tpu}\n", "s.yaml:2:29: kind: expected cpu or accelerator, got 'tpu'", 2, 29 },
	{ "devices:\n  - {hardware: [a, b]}\n", "s.yaml:2:16: hardware: expected a single value", 2, 16 },
	{ "devices: {hardware: TG100}\n", "s.yaml:1:10: devices: expected a list of device groups", 1, 10 },
	{ "devices: [TG100]\n", "s.yaml:1:11: devices[]: expected a mapping of key: value", 1, 11 },
	{ EIGHT_DEVICES ", {hardware: i}]\n", "s.yaml:1:131: devices: at most 8 groups", 1, 131 },
	{ EIGHT_DEVICES "]\ncpu: Test CPU 16\n", "s.yaml:2:6: too many device groups (at most 8)", 2, 6 },
	{ "? [a]\n: 1\n", "s.yaml:1:3: run spec: keys must be plain words", 1, 3 },
	{ "hours: 1\nhours: 2\n", "s.yaml:2:1: duplicate key 'hours'", 2, 1 },
	{ "{\"hours\": 1e999}", "s.json:1:11: hours: number out of range", 1, 11 },
	{ "{\"hours\": [1]}", "s.json:1:11: hours: expected a string or a number", 1, 11 },
	{ "{\"devices\": {\"hardware\": \"TG100\"}}", "s.json:1:13: devices: expected a list", 1, 13 },
	{ "{\"devices\": [1]}", "s.json:1:14: devices[]: expected an object", 1, 14 },
	{ "{\"devices\": [{\"hardware\": \"TG100\", \"hardware\": \"x\"}]}", "s.json:1:36: duplicate key 'hardware'", 1, 36 },
	{ EIGHT_JSON_DEVICES ", {\"hardware\": \"i\"}]}", "s.json:1:166: devices: at most 8 groups", 1, 166 },
	{ "{\n  \"hours\": 1,\n  \"region\": \n}", "s.json:4:1: not valid JSON", 4, 1 },
	{ "\n\n  {\"hours\": }", "s.json:3:13: not valid JSON", 3, 13 }, /* JSON after blank lines */
	/* positions found again in the text: an unknown key at the key, a bad value at the value */
	{ "{\"hours\": 1,\n \"devices\": [{\"hardware\": \"a\"},\n  {\"hardware\": \"b\", \"cnt\": 2}]}",
	  "s.json:3:21: unknown key 'cnt'; did you mean 'count'?", 3, 21 },
	{ "{\"hours\": 1,\n \"devices\": [{\"hardware\": \"a\", \"count\": \"x\"}]}",
	  "s.json:2:41: count: expected a finite number, got 'x'", 2, 41 },
	{ "{\"hours\": 1,\n \"utilisation\": 0.5}", "s.json:2:2: unknown key 'utilisation'; did you mean 'utilization'?", 2, 2 },
	{ "{\"hours\": 1, \"hours\": 2}", "s.json:1:14: duplicate key 'hours'", 1, 14 },
};

START_TEST(bad_specs_name_the_place_and_the_problem)
{
	const bad_spec *b = &bad_specs[_i];
	co2_spec *s = NULL;
	co2_error err;
	co2_error_clear(&err);
	/* The extension decides the format: JSON texts are given as s.json. */
	const char *name = strncmp(b->expect, "s.json", 6) == 0 ? "s.json" : "s.yaml";
	ck_assert_int_ne(co2_spec_parse(&s, name, b->text, strlen(b->text), &err), CO2_OK);
	ck_assert_ptr_null(s);
	ck_assert_str_eq(err.message, b->expect);
	ck_assert_str_eq(err.file, name);
	ck_assert_int_eq(err.line, b->line);
	ck_assert_int_eq(err.column, b->column);
}
END_TEST

START_TEST(device_entries_take_kind_and_device_hours)
{
	/* TG100 (100 W) for 10 device-hours and Test GPU 100 SXM (200 W) for 5: 1 kWh + 1 kWh;
	 * intensity 500 g/kWh and PUE 1 declared. */
	const char *y = "devices:\n"
	                "  - {hardware: TG100, kind: gpu, device_hours: 10}\n"
	                "  - {hardware: Test GPU 100 SXM, kind: accelerator, device-hours: 5}\n"
	                "intensity: 500\npue: 1\n";
	co2_spec *s = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_spec_parse(&s, NULL, y, strlen(y), &err) == CO2_OK, "%s", err.message);
	const co2_run *run = co2_spec_run(s);
	ck_assert_uint_eq(run->n_devices, 2);
	ck_assert_int_eq(run->devices[0].role, CO2_ROLE_ACCELERATOR);
	ck_close(run->devices[0].device_hours, 10);
	ck_assert_int_eq(run->devices[1].role, CO2_ROLE_ACCELERATOR);
	ck_close(run->devices[1].device_hours, 5);
	co2_result res;
	co2_result_init(&res);
	ck_assert_msg(co2_estimate(mini, run, &res, &err) == CO2_OK, "%s", err.message);
	ck_close(res.it_energy_kwh, 1 + 1);
	ck_close(res.co2_kg, 2 * 0.5);
	co2_spec_free(s);
}
END_TEST

START_TEST(a_spec_without_a_name_is_called_spec)
{
	co2_spec *s = NULL;
	co2_error err;
	co2_error_clear(&err);
	const char *y = "hours: x\n";
	ck_assert_int_eq(co2_spec_parse(&s, NULL, y, strlen(y), &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "<spec>:1:8: hours: expected a finite number (like 96 or 1.5), got 'x' "
	                              "(durations work too: 3d, 72h, 90m, 1.5d, 1w, 2d12h, 3-00:00:00 or 72:00:00)");
	ck_assert_str_eq(err.file, "<spec>");
	ck_assert_str_eq(err.field, "hours");
}
END_TEST

/* ==== what-if and compare =========================================================== */

START_TEST(what_if_values_are_checked_and_name_the_key)
{
	static const struct { const char *key, *value, *expect; } bad[] = {
		{ "", "1", "what-if: expected KEY=VALUE, like region=gcp:europe-north1" },
		{ NULL, "1", "what-if: expected KEY=VALUE, like region=gcp:europe-north1" },
		{ "region", NULL, "region: expected a non-empty value" },
		{ "mixed-precision", "0", "mixed-precision: expected a speed-up above 0 and at most 100 (typically 1.5 to 3), got 0" },
		{ "mixed_precision", "101", "mixed-precision: expected a speed-up above 0 and at most 100 (typically 1.5 to 3), got 101" },
		{ "random-search", "0.5", "random-search: expected a number of trials from 1 to 1e6, got 0.5" },
		{ "hardware", "", "hardware: expected a non-empty value" },
		{ "count", "many", "count: expected a finite number (like 96 or 1.5), got 'many'" },
		{ "count", "-2", "count: must not be negative, got -2" },
		{ "colour", "blue", "unknown key 'colour'" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		co2_run r;
		co2_run_init(&r);
		co2_run_add_device(&r, "TG100", 1, CO2_UNSET);
		co2_error err;
		co2_error_clear(&err);
		ck_assert_int_eq(co2_whatif_apply(&r, bad[i].key, bad[i].value, &err), CO2_ERR_INVALID);
		assert_has(err.message, bad[i].expect);
	}
	co2_run r;
	co2_run_init(&r);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_whatif_apply(&r, "colour", "blue", &err), CO2_ERR_INVALID);
	assert_has(err.message, "(what-if keys: region, location, hardware,");
}
END_TEST

START_TEST(what_if_changes_reach_every_field_they_name)
{
	/* Scaling time reaches hours, device-hours and measured energy alike. */
	co2_run r;
	co2_run_init(&r);
	co2_run_add_device(&r, "TG100", 2, CO2_UNSET);
	r.devices[0].device_hours = 30;
	r.hours = 12;
	r.energy_kwh = 9;
	r.intensity_g_per_kwh = 100;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_whatif_apply(&r, "mixed-precision", "3", &err), CO2_OK);
	ck_close(r.hours, 4);
	ck_close(r.devices[0].device_hours, 10);
	ck_close(r.energy_kwh, 3);
	ck_assert_int_eq(co2_whatif_apply(&r, "power", "250", &err), CO2_OK);
	ck_close(r.devices[0].power_w, 250);
	ck_assert_int_eq(co2_whatif_apply(&r, "utilization", "0.5", &err), CO2_OK);
	ck_close(r.devices[0].utilization, 0.5);
	ck_assert_int_eq(co2_whatif_apply(&r, "hardware", "Test GPU 100 SXM", &err), CO2_OK);
	ck_assert_str_eq(r.devices[0].name, "Test GPU 100 SXM");
	ck_assert_double_eq(r.devices[0].power_w, CO2_UNSET); /* a declared power goes with the old hardware */
	ck_assert_int_eq(co2_whatif_apply(&r, "location", "NO", &err), CO2_OK);
	ck_assert_str_eq(r.location, "NO");
	ck_assert_double_eq(r.intensity_g_per_kwh, CO2_UNSET);

	/* A run with a CPU only: "count" is the run key, which sets an accelerator's count. */
	co2_run c;
	co2_run_init(&c);
	ck_assert_int_eq(co2_run_set(&c, "cpu", "Test CPU 16", &err), CO2_OK);
	ck_assert_int_eq(co2_whatif_apply(&c, "count", "3", &err), CO2_OK);
	ck_assert_uint_eq(c.n_devices, 2);
	ck_assert_int_eq(c.devices[0].role, CO2_ROLE_CPU);
	ck_assert_int_eq(c.devices[1].role, CO2_ROLE_ACCELERATOR);
	ck_close(c.devices[1].count, 3);
}
END_TEST

static co2_result estimate_mini(const char *region, double intensity)
{
	/* TG100 (100 W) for 10 h: 1 kWh before PUE. */
	co2_run r;
	co2_run_init(&r);
	co2_run_add_device(&r, "TG100", 1, CO2_UNSET);
	r.hours = 10;
	r.region = region;
	r.intensity_g_per_kwh = intensity;
	r.pue = 1;
	co2_result res;
	co2_result_init(&res);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_estimate(mini, &r, &res, &err) == CO2_OK, "%s", err.message);
	return res;
}

START_TEST(compare_with_a_zero_baseline_shows_no_percentage)
{
	co2_result rs[2] = { estimate_mini("tc:south-1", 0), estimate_mini("tc:south-1", CO2_UNSET) };
	ck_close(rs[0].co2_kg, 0);
	ck_close(rs[1].co2_kg, 0.5); /* 1 kWh x 500 g */
	const char *labels[] = { "clean \"power\"", "a|b, c" };
	char *out = NULL;
	size_t len = 0;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_report_compare(&out, &len, rs, labels, 2, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_uint_eq(len, strlen(out));
	assert_has(out, "Change (kg)");
	assert_has(out, "+0.5\n");
	assert_has(out, "n/a\n");
	co2_free(out);
	ck_assert_int_eq(co2_report_compare(&out, NULL, rs, labels, 2, CO2_FORMAT_CSV, &err), CO2_OK);
	assert_has(out, "\n\"clean \"\"power\"\"\",");
	assert_has(out, ",0,0,\n");      /* co2, change and no percentage for the baseline */
	assert_has(out, ",0.5,0.5,\n");
	assert_has(out, "\n\"a|b, c\",");
	co2_free(out);
	ck_assert_int_eq(co2_report_compare(&out, NULL, rs, labels, 2, CO2_FORMAT_JSON, &err), CO2_OK);
	assert_has(out, "{\"label\": \"clean \\\"power\\\"\", \"change_kg\": 0, \"change_percent\": null");
	assert_has(out, "{\"label\": \"a|b, c\", \"change_kg\": 0.5, \"change_percent\": null");
	co2_free(out);
	ck_assert_int_eq(co2_report_compare(&out, NULL, rs, labels, 2, CO2_FORMAT_MARKDOWN, &err), CO2_OK);
	assert_has(out, "| | clean \"power\" | a\\|b, c |\n|---|---:|---:|\n");
	assert_has(out, "| Change (%) |  | n/a |\n");
	co2_free(out);
}
END_TEST

START_TEST(compare_of_one_result_has_no_trailing_blanks)
{
	co2_result rs[1] = { estimate_mini("tc:south-1", CO2_UNSET) };
	const char *labels[] = { "only" };
	char *out = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_report_compare(&out, NULL, rs, labels, 1, CO2_FORMAT_TEXT, &err), CO2_OK);
	assert_has(out, "\nChange (kg)\nChange (%)\n");
	assert_has(out, "\nWhere                   tc:south-1\n");
	ck_assert_ptr_null(strstr(out, " \n"));
	co2_free(out);
	ck_assert_int_eq(co2_report_compare(&out, NULL, rs, labels, 0, CO2_FORMAT_TEXT, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "compare: between 1 and 64 results, got 0");
	ck_assert_int_eq(co2_report_compare(&out, NULL, rs, labels, 65, CO2_FORMAT_TEXT, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "compare: between 1 and 64 results, got 65");
}
END_TEST

START_TEST(the_cleanest_region_skips_a_region_whose_location_is_unknown)
{
	/* A provider with one region in a location the data lacks (no intensity), one at 900 g
	 * and one in NO (20 g): 1 kWh at PUE 1 moves from 0.9 kg to 0.02 kg. */
	static const char extra[] =
		"schema: \"1.0\"\nedition: \"co2calc\"\nedition_date: \"2026-01-01\"\ntitle: \"t\"\n"
		"source: \"unit tests\"\nyear: 2025\nlicense: \"CC0-1.0\"\n"
		"providers:\n  - {id: \"tx\", name: \"Test X\", pue: 1.0, pue_source: \"t\", pue_year: 2024, source: \"t\", year: 2024}\n"
		"regions:\n"
		"  - {id: \"tx:nowhere\", location: \"ZZ\", source: \"t\", year: 2024}\n"
		"  - {id: \"tx:dirty\", intensity_g_per_kwh: 900, source: \"t\", year: 2024}\n"
		"  - {id: \"tx:nordic\", location: \"NO\", source: \"t\", year: 2024}\n";
	co2_db *db = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_new(&db, &err), CO2_OK);
	ck_assert_msg(co2_db_load_path(db, MINI, &err) == CO2_OK, "%s", err.message);
	ck_assert_msg(co2_db_load_buffer(db, "extra.yaml", extra, sizeof extra - 1, &err) == CO2_OK, "%s", err.message);
	co2_run r;
	co2_run_init(&r);
	co2_run_add_device(&r, "TG100", 1, CO2_UNSET);
	r.hours = 10;
	r.region = "tx:dirty";
	co2_result res, alt;
	co2_result_init(&res);
	co2_result_init(&alt);
	ck_assert_msg(co2_estimate(db, &r, &res, &err) == CO2_OK, "%s", err.message);
	ck_close(res.co2_kg, 0.9);
	const co2_region *best = NULL;
	ck_assert_msg(co2_cleanest_region(&best, &alt, db, &r, &res, &err) == CO2_OK, "%s", err.message);
	ck_assert_str_eq(best->id, "tx:nordic");
	ck_close(alt.co2_kg, 0.02);
	co2_db_close(db);
}
END_TEST

static Suite *io_errors_suite(void)
{
	Suite *s = suite_create("io_errors");
	TCase *sa = tcase_create("sacct");
	tcase_add_unchecked_fixture(sa, open_data, close_data);
	tcase_set_timeout(sa, 60);
	tcase_add_loop_test(sa, a_bad_field_is_reported_with_its_column_and_line, 0,
	                    (int)(sizeof bad_rows / sizeof bad_rows[0]));
	tcase_add_test(sa, memory_sizes_in_every_form_sacct_may_print);
	tcase_add_test(sa, a_bare_maxrss_is_in_the_unit_the_cluster_names);
	tcase_add_test(sa, steps_raise_the_maxima_and_fill_what_the_job_row_lacks);
	tcase_add_test(sa, long_ids_and_names_are_cut_to_what_the_reader_keeps);
	tcase_add_test(sa, a_job_without_a_partition_on_any_row_is_reported_when_complete);
	tcase_add_test(sa, blank_lines_are_not_data_and_problems_count_without_a_callback);
	tcase_add_test(sa, a_line_over_1_mib_in_one_chunk_is_left_out);
	tcase_add_test(sa, a_line_over_1_mib_across_chunks_is_left_out);
	tcase_add_test(sa, a_line_under_1_mib_across_chunks_is_read);
	tcase_add_test(sa, a_header_over_1_mib_stops_the_reader);
	tcase_add_test(sa, a_header_with_more_than_256_columns_is_refused);
	tcase_add_test(sa, a_header_without_a_newline_is_checked_at_the_end);
	tcase_add_test(sa, feeding_after_finish_is_refused_and_finish_twice_is_harmless);
	tcase_add_test(sa, bad_reader_options_name_the_option);
	tcase_add_test(sa, a_custom_success_state_matches_its_first_word);
	suite_add_tcase(s, sa);
	TCase *cl = tcase_create("cluster");
	tcase_add_unchecked_fixture(cl, open_data, close_data);
	tcase_add_loop_test(cl, bad_cluster_files_point_at_the_line_and_column, 0,
	                    (int)(sizeof bad_clusters / sizeof bad_clusters[0]));
	tcase_add_loop_test(cl, a_key_given_twice_in_a_cluster_file_is_refused, 0,
	                    (int)(sizeof twice_clusters / sizeof twice_clusters[0]));
	tcase_add_test(cl, the_tiny_cluster_with_its_pue_given_twice_is_refused);
	tcase_add_test(cl, unknown_hardware_in_a_cluster_file_gives_the_data_s_reason);
	tcase_add_test(cl, partitions_take_missing_power_figures_from_the_data);
	tcase_add_test(cl, a_cluster_bad_as_yaml_names_the_default_name);
	suite_add_tcase(s, cl);
	TCase *ba = tcase_create("batch");
	tcase_add_unchecked_fixture(ba, open_data, close_data);
	tcase_set_timeout(ba, 60);
	tcase_add_test(ba, a_batch_needs_data_and_a_known_format);
	tcase_add_test(ba, at_most_32_overrides);
	tcase_add_test(ba, csv_quotes_follow_rfc_4180);
	tcase_add_test(ba, csv_rows_and_headers_over_64_fields);
	tcase_add_test(ba, a_csv_row_longer_than_the_row_buffer_is_read_whole);
	tcase_add_test(ba, crlf_blank_lines_and_comments_are_skipped_in_every_format);
	tcase_add_test(ba, a_yaml_list_ends_at_its_document_end);
	tcase_add_test(ba, a_yaml_item_over_1_mib_fails_that_run_only);
	tcase_add_test(ba, a_nul_byte_fails_the_file_before_any_run_and_one_run_after);
	tcase_add_test(ba, a_batch_line_over_1_mib_fails_one_run_or_the_file);
	tcase_add_test(ba, a_batch_refuses_feeding_after_finish_and_checks_a_last_unended_line);
	tcase_add_test(ba, an_alias_before_the_name_of_a_refused_item_does_not_hide_the_name);
	suite_add_tcase(s, ba);
	TCase *sp = tcase_create("spec");
	tcase_add_unchecked_fixture(sp, open_data, close_data);
	tcase_add_loop_test(sp, bad_specs_name_the_place_and_the_problem, 0, (int)(sizeof bad_specs / sizeof bad_specs[0]));
	tcase_add_test(sp, device_entries_take_kind_and_device_hours);
	tcase_add_test(sp, a_spec_without_a_name_is_called_spec);
	suite_add_tcase(s, sp);
	TCase *cm = tcase_create("compare");
	tcase_add_unchecked_fixture(cm, open_data, close_data);
	tcase_add_test(cm, what_if_values_are_checked_and_name_the_key);
	tcase_add_test(cm, what_if_changes_reach_every_field_they_name);
	tcase_add_test(cm, compare_with_a_zero_baseline_shows_no_percentage);
	tcase_add_test(cm, compare_of_one_result_has_no_trailing_blanks);
	tcase_add_test(cm, the_cleanest_region_skips_a_region_whose_location_is_unknown);
	suite_add_tcase(s, cm);
	return s;
}

CO2_CHECK_MAIN(io_errors_suite)
