/* src/formats/api.c: strings in, strings out, byte for byte what the command line prints.
 * Each expected text is the real output of the co2calc program built with this library
 * (run here), and also the golden file that tests/cli checks the program against. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

#define SPECS CO2_SOURCE_DIR "/tests/cli/specs/"
#define CASES CO2_SOURCE_DIR "/tests/cli/cases/"

/* db: the built-in data, opened by setup() and closed by teardown(). */
CO2_TEST_DEFAULT_DB

/* Standard output of `co2calc ARGS` on the built-in data, in the C locale. */
static char *cli(const char *args, size_t *len)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "env -u CO2CALC_DATA LC_ALL=C '%s' %s", CO2_CLI_PATH, args);
	FILE *p = popen(cmd, "r");
	ck_assert_msg(p != NULL, "cannot run %s", cmd);
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	ck_assert_ptr_nonnull(buf);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, p)) > 0) {
		n += got;
		if (cap - n - 1 == 0) {
			cap *= 2;
			buf = realloc(buf, cap);
			ck_assert_ptr_nonnull(buf);
		}
	}
	ck_assert_msg(pclose(p) == 0, "%s failed", cmd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* got (from the library) is want (from the program, and the golden file). */
static void assert_same(const char *got, size_t got_len, const char *args, const char *golden)
{
	size_t want_len, gold_len;
	char *want = cli(args, &want_len);
	char *gold = co2_test_slurp(golden, &gold_len);
	ck_assert_msg(want_len == gold_len && memcmp(want, gold, gold_len) == 0,
	              "the program's output for %s is not %s:\n%s", args, golden, want);
	ck_assert_msg(got_len == want_len && memcmp(got, want, want_len) == 0,
	              "co2calc %s printed\n%s\nthe library gave\n%s", args, want, got);
	ck_assert_uint_eq(strlen(got), got_len);
	free(want);
	free(gold);
}

static const char bert_kv[] = "hardware=TPU v2\ncount=4\nhours=96\nregion=gcp:asia-east1\nmethod=mlco2\n";

START_TEST(a_yaml_spec_gives_the_json_that_estimate_prints)
{
	size_t spec_len, len = 0;
	char *spec = co2_test_slurp(SPECS "bert-base.yaml", &spec_len);
	char *out = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_estimate_json(&out, &len, db, spec, spec_len, &err) == CO2_OK, "%s", err.message);
	assert_same(out, len, "estimate --spec '" SPECS "bert-base.yaml' --format json",
	            CASES "report_bert_json.stdout");
	ck_assert_ptr_nonnull(strstr(out, "\"co2_kg\": 47.52,"));
	co2_free(out);
	free(spec);
}
END_TEST

START_TEST(a_json_spec_gives_the_json_that_estimate_prints)
{
	size_t spec_len, len = 0;
	char *spec = co2_test_slurp(SPECS "bert-base.json", &spec_len);
	char *out = NULL;
	co2_error err;
	ck_assert_msg(co2_estimate_json(&out, &len, db, spec, spec_len, &err) == CO2_OK, "%s", err.message);
	assert_same(out, len, "estimate --spec '" SPECS "bert-base.json' --format json",
	            CASES "estimate_bert_spec_json_stdin.stdout");
	co2_free(out);
	free(spec);
}
END_TEST

START_TEST(a_spec_gives_the_model_card_block_that_card_prints)
{
	size_t spec_len, len = 0;
	char *spec = co2_test_slurp(SPECS "bert-base.yaml", &spec_len);
	char *out = NULL;
	co2_error err;
	ck_assert_msg(co2_card_json(&out, &len, db, spec, spec_len, &err) == CO2_OK, "%s", err.message);
	assert_same(out, len, "card --spec '" SPECS "bert-base.yaml'", CASES "card_bert_block.stdout");
	ck_assert_ptr_nonnull(strstr(out, "  emissions: 47520\n"));
	co2_free(out);
	free(spec);
}
END_TEST

START_TEST(key_value_lines_give_the_json_that_estimate_prints_for_the_same_flags)
{
	char *out = NULL;
	size_t len = 0;
	co2_error err;
	ck_assert_msg(co2_estimate_kv(&out, &len, db, bert_kv, strlen(bert_kv), &err) == CO2_OK,
	              "%s", err.message);
	assert_same(out, len,
	            "estimate --hardware 'TPU v2' --count 4 --hours 96 --region gcp:asia-east1 "
	            "--method mlco2 --format json",
	            CASES "estimate_bert_mlco2_json.stdout");
	co2_free(out);
}
END_TEST

/* Spellings of the same run: comments, blank lines, CRLF, blanks around '=', '_' for
 * '-', no final newline. */
static const char *const same_runs[] = {
	"# BERT-base\n\nhardware=TPU v2\ncount=4\n  # indented comment\nhours=96\nregion=gcp:asia-east1\nmethod=mlco2",
	"hardware = TPU v2\r\ncount= 4\r\n\r\nhours =96\r\n\tregion=gcp:asia-east1 \r\nmethod=ml-co2\r\n",
	"method=mlco2\nregion=gcp:asia-east1\nhours=96\ncount=4\nhardware=TPU v2\n",
};

START_TEST(comments_blank_lines_and_line_endings_change_nothing)
{
	char *want = NULL, *out = NULL;
	size_t want_len = 0, len = 0;
	co2_error err;
	ck_assert_int_eq(co2_estimate_kv(&want, &want_len, db, bert_kv, strlen(bert_kv), &err), CO2_OK);
	const char *kv = same_runs[_i];
	ck_assert_msg(co2_estimate_kv(&out, &len, db, kv, strlen(kv), &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(len, want_len);
	ck_assert_str_eq(out, want);
	co2_free(out);
	co2_free(want);
}
END_TEST

START_TEST(key_value_lines_and_a_spec_with_the_same_keys_agree)
{
	/* tests/cli/specs/bert-base.yaml as KEY=VALUE lines. */
	const char *kv = "name=bert-base-uncased\ntraining-type=pre-training\nhardware=TPU v2\ncount=4\n"
	                 "hours=96\nregion=gcp:asia-east1\nmethod=mlco2\n";
	size_t spec_len, a_len, b_len;
	char *spec = co2_test_slurp(SPECS "bert-base.yaml", &spec_len);
	char *a = NULL, *b = NULL;
	co2_error err;
	ck_assert_int_eq(co2_estimate_json(&a, &a_len, db, spec, spec_len, &err), CO2_OK);
	ck_assert_int_eq(co2_estimate_kv(&b, &b_len, db, kv, strlen(kv), &err), CO2_OK);
	ck_assert_str_eq(a, b);
	ck_assert_uint_eq(a_len, b_len);
	co2_free(a);
	co2_free(b);
	free(spec);
}
END_TEST

START_TEST(an_unknown_hardware_carries_its_suggestions_as_data)
{
	const char *kv = "hardware=A100-80\ncount=4\nhours=96\nlocation=FR\n";
	char *out = (char *)"untouched";
	size_t len = 99;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_estimate_kv(&out, &len, db, kv, strlen(kv), &err), CO2_ERR_AMBIGUOUS);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(len, 0);
	ck_assert_str_eq(err.field, "hardware");
	ck_assert_uint_eq(err.n_suggestions, 2);
	ck_assert_str_eq(err.suggestions[0], "NVIDIA A100 PCIe 80GB");
	ck_assert_str_eq(err.suggestions[1], "NVIDIA A100 SXM4 80GB");
	kv = "hardware=H1OO SXM\nhours=3\nlocation=FR\n";
	ck_assert_int_eq(co2_estimate_kv(&out, &len, db, kv, strlen(kv), &err), CO2_ERR_NOT_FOUND);
	/* As the program says it (after "co2calc: "). */
	ck_assert_str_eq(err.message, "unknown hardware 'H1OO SXM'; did you mean 'NVIDIA H100 SXM5', "
	                 "'NVIDIA H800 SXM5' or 'NVIDIA H200 SXM'? (see 'co2calc list hardware')");
	ck_assert_uint_eq(err.n_suggestions, 3);
	ck_assert_str_eq(err.suggestions[0], "NVIDIA H100 SXM5");
	ck_assert_str_eq(err.suggestions[2], "NVIDIA H200 SXM");
}
END_TEST

typedef struct bad_kv {
	const char *text;
	co2_status status;
	const char *message;
	int line, column;
	const char *suggestion; /* NULL: none */
} bad_kv;

static const bad_kv bad_kvs[] = {
	{ "hardware=TPU v2\n# fine\ncount 4\n", CO2_ERR_PARSE, "<kv>:3:1: expected KEY=VALUE, got 'count 4'", 3, 1, NULL },
	{ "hardware=TPU v2\n\n  cnt=4\nhours=96\n", CO2_ERR_INVALID, "<kv>:3:3: unknown key 'cnt'; did you mean 'count'?", 3, 3, "count" },
	{ "hours=96\nhours=97\n", CO2_ERR_PARSE, "<kv>:2:1: duplicate key 'hours'", 2, 1, NULL },
	{ "device-hours=9\ndevice_hours=9\n", CO2_ERR_PARSE, "<kv>:2:1: duplicate key 'device_hours'", 2, 1, NULL },
	{ "hardware=TPU v2\nhours = 1,5\n", CO2_ERR_INVALID, "<kv>:2:9: hours: expected a finite number (like 96 or 1.5), got '1,5': write 1.5 (a '.' marks decimals)", 2, 9, NULL },
	{ "hardware=TPU v2\r\nhours=-1\r\n", CO2_ERR_INVALID, "<kv>:2:7: hours: must not be negative, got -1", 2, 7, NULL },
	{ "=4\n", CO2_ERR_PARSE, "<kv>:1:1: expected a key before '='", 1, 1, NULL },
	{ "hardware=\n", CO2_ERR_INVALID, "<kv>:1:10: hardware: expected a non-empty value", 1, 10, NULL },
	{ "method=carbon\n", CO2_ERR_INVALID, "<kv>:1:8: method: expected mlco2, green-algorithms or default, got 'carbon'", 1, 8, NULL },
	{ "# nothing\n\n", CO2_ERR_INVALID, "nothing to estimate: give hardware (or power), a CPU, or a measured energy", 0, 0, NULL },
};

START_TEST(a_bad_line_is_named_by_its_line_and_column)
{
	const bad_kv *c = &bad_kvs[_i];
	char *out = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_estimate_kv(&out, NULL, db, c->text, strlen(c->text), &err), c->status);
	ck_assert_ptr_null(out);
	ck_assert_str_eq(err.message, c->message);
	ck_assert_int_eq(err.line, c->line);
	ck_assert_int_eq(err.column, c->column);
	if (c->line)
		ck_assert_str_eq(err.file, "<kv>");
	ck_assert_uint_eq(err.n_suggestions, c->suggestion ? 1 : 0);
	if (c->suggestion)
		ck_assert_str_eq(err.suggestions[0], c->suggestion);
	/* Without an error to fill, the status alone. */
	ck_assert_int_eq(co2_estimate_kv(&out, NULL, db, c->text, strlen(c->text), NULL), c->status);
}
END_TEST

START_TEST(bad_specs_and_arguments_are_refused_with_nothing_to_free)
{
	char *out = NULL;
	size_t len = 5;
	co2_error err;
	co2_error_clear(&err);
	const char *spec = "hardware: TPU v2\ncnt: 4\nhours: 96\nregion: gcp:asia-east1\n";
	ck_assert_int_eq(co2_estimate_json(&out, &len, db, spec, strlen(spec), &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "<spec>:2:1: unknown key 'cnt'; did you mean 'count'?");
	ck_assert_uint_eq(err.n_suggestions, 1);
	ck_assert_str_eq(err.suggestions[0], "count");
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(len, 0);
	spec = "{\"hardware\": \"TPU v9\", \"hours\": 1, \"location\": \"FR\"}";
	ck_assert_int_eq(co2_card_json(&out, &len, db, spec, strlen(spec), &err), CO2_ERR_NOT_FOUND);
	ck_assert_str_eq(err.suggestions[0], "Google TPU v2");
	ck_assert_ptr_null(out);
	ck_assert_int_eq(co2_estimate_json(&out, &len, db, NULL, 0, &err), CO2_ERR_PARSE);
	ck_assert_int_eq(co2_estimate_json(&out, &len, db, NULL, 3, &err), CO2_ERR_INVALID);
	ck_assert_int_eq(co2_estimate_json(&out, &len, NULL, "hours: 1", 8, &err), CO2_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err.message, "co2_db_open_default"));
	ck_assert_int_eq(co2_estimate_kv(NULL, &len, db, bert_kv, strlen(bert_kv), &err), CO2_ERR_INVALID);
	ck_assert_int_eq(co2_estimate_kv(&out, &len, db, "hours=1\n\0x", 10, &err), CO2_ERR_PARSE);
	ck_assert_str_eq(err.message, "<kv>:2:1: binary data (a NUL byte): expected KEY=VALUE lines");
	ck_assert_int_eq(co2_estimate_kv(&out, &len, db, NULL, 0, &err), CO2_ERR_INVALID);
	ck_assert_ptr_null(out);
}
END_TEST

/* One run of a batch file: the row `co2calc batch --format json` prints for it. */
START_TEST(a_batch_row_gives_the_json_row_that_batch_prints)
{
	const char *row = "{\"hardware\": \"TPU v2\", \"count\": 4, \"hours\": 96, "
	                  "\"region\": \"gcp:asia-east1\", \"method\": \"mlco2\"}\n";
	char path[] = "/tmp/co2calc-check-api-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, row, strlen(row)), (int)strlen(row));
	close(fd);
	char args[256];
	snprintf(args, sizeof args, "batch '%s' --format json", path);
	size_t want_len;
	char *want = cli(args, &want_len);
	unlink(path);
	/* The program's report holds the row on its own line (indented in its list). */
	const char *line = strstr(want, "{\"run\": 1,");
	ck_assert_ptr_nonnull(line);
	size_t line_len = strcspn(line, "\n") + 1;
	char *got = NULL;
	size_t got_len = 0;
	co2_error err;
	ck_assert_msg(co2_batch_row_json(&got, &got_len, db, row, strlen(row), &err) == CO2_OK, "%s",
	              err.message);
	ck_assert_uint_eq(got_len, line_len);
	ck_assert_msg(memcmp(got, line, line_len) == 0, "%s", got);
	ck_assert_ptr_nonnull(strstr(got, "\"energy_kwh\": 84.86, \"co2_kg\": 47.52}"));
	co2_free(got);
	free(want);
	/* A run that cannot be computed fails with its own message and suggestions. */
	const char *bad = "{\"hardware\": \"A100-80\", \"hours\": 1, \"location\": \"FR\"}";
	ck_assert_int_eq(co2_batch_row_json(&got, NULL, db, bad, strlen(bad), &err), CO2_ERR_AMBIGUOUS);
	ck_assert_ptr_null(got);
	ck_assert_uint_ge(err.n_suggestions, 1);
	/* Two runs are not one row. */
	const char *two = "{\"hardware\": \"T4\", \"hours\": 1, \"location\": \"FR\"}\n"
	                  "{\"hardware\": \"T4\", \"hours\": 2, \"location\": \"FR\"}\n";
	ck_assert_int_eq(co2_batch_row_json(&got, NULL, db, two, strlen(two), &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "<row>: expected one run (a JSON object), got 2");
}
END_TEST

/* The jobs of an sacct dump: one JSON line each, the library's per-job rows. */
START_TEST(an_sacct_dump_gives_one_json_line_per_job)
{
	size_t cl_len, log_len;
	char *cl_text = co2_test_slurp(CO2_TEST_DATA_DIR "/sacct/tiny.yaml", &cl_len);
	char *log = co2_test_slurp(CO2_TEST_DATA_DIR "/sacct/two-jobs.log", &log_len);
	co2_cluster *cl = NULL;
	co2_error err;
	ck_assert_msg(co2_cluster_load_buffer(&cl, "tiny.yaml", cl_text, cl_len, db, &err) == CO2_OK, "%s",
	              err.message);
	char *got = NULL;
	size_t got_len = 0;
	ck_assert_msg(co2_sacct_jobs_json(&got, &got_len, cl, log, log_len, &err) == CO2_OK, "%s",
	              err.message);
	ck_assert_uint_eq(strlen(got), got_len);
	/* Jobs 101 and 102 are complete; 103 is pending (no energy) and 104 still running. */
	size_t lines = 0;
	for (const char *p = got; *p; p++)
		lines += *p == '\n';
	ck_assert_uint_eq(lines, 2);
	/* Job 101 as check_sacct.c works it out by hand: 4 CPU-hours at 10 W/core... */
	ck_assert_ptr_nonnull(strstr(got, "{\"job_id\": \"101\", \"name\": \"sim\", \"user\": \"alice\""));
	ck_assert_ptr_nonnull(strstr(got, "\"energy_kwh\": 0.0355875, "));
	ck_assert_ptr_nonnull(strstr(got, "\"job_id\": \"102\""));
	co2_free(got);
	/* A dump without its header line is refused. */
	const char *headless = "1|alice|101|sim\n";
	ck_assert_int_eq(co2_sacct_jobs_json(&got, NULL, cl, headless, strlen(headless), &err),
	                 CO2_ERR_PARSE);
	ck_assert_ptr_null(got);
	co2_cluster_free(cl);
	free(cl_text);
	free(log);
}
END_TEST

static Suite *api_suite(void)
{
	Suite *s = suite_create("api");
	TCase *t = tcase_create("strings");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, a_yaml_spec_gives_the_json_that_estimate_prints);
	tcase_add_test(t, a_json_spec_gives_the_json_that_estimate_prints);
	tcase_add_test(t, a_spec_gives_the_model_card_block_that_card_prints);
	tcase_add_test(t, key_value_lines_give_the_json_that_estimate_prints_for_the_same_flags);
	tcase_add_loop_test(t, comments_blank_lines_and_line_endings_change_nothing, 0,
	                    (int)(sizeof same_runs / sizeof same_runs[0]));
	tcase_add_test(t, key_value_lines_and_a_spec_with_the_same_keys_agree);
	tcase_add_test(t, an_unknown_hardware_carries_its_suggestions_as_data);
	tcase_add_loop_test(t, a_bad_line_is_named_by_its_line_and_column, 0,
	                    (int)(sizeof bad_kvs / sizeof bad_kvs[0]));
	tcase_add_test(t, bad_specs_and_arguments_are_refused_with_nothing_to_free);
	tcase_add_test(t, a_batch_row_gives_the_json_row_that_batch_prints);
	tcase_add_test(t, an_sacct_dump_gives_one_json_line_per_job);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(api_suite)
