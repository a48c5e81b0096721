/* src/io/batch.c: many runs from CSV, a YAML list or JSON Lines. The figures asserted:
 * BERT-base on 4 TPU v2 for 96 h in gcp:asia-east1 by the ML CO2 Impact method is the
 * published 47.52 kg (as in check_estimate); a measured 100 kWh at PUE 1.2 is 120 kWh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

#define DATA CO2_TEST_DATA_DIR "/batch/"

static co2_db *db;

static void open_db(void)
{
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_open_default(&db, &err), CO2_OK);
}

static void close_db(void)
{
	co2_db_close(db);
	db = NULL;
}

typedef struct got {
	size_t n;
	size_t line[16];
	co2_status status[16];
	char name[16][64];
	char message[16][800];
	int column[16];
	double co2[16], energy[16];
} got;

static void on_row(void *ctx, const co2_batch_row *r)
{
	got *g = ctx;
	if (g->n >= 16)
		return;
	size_t i = g->n++;
	ck_assert_uint_eq(r->index, g->n);
	g->line[i] = r->line;
	g->status[i] = r->status;
	snprintf(g->name[i], sizeof g->name[i], "%s", r->run && r->run->name ? r->run->name : "");
	if (r->status == CO2_OK) {
		g->co2[i] = r->result->co2_kg;
		g->energy[i] = r->result->energy_kwh;
	} else {
		snprintf(g->message[i], sizeof g->message[i], "%s", r->error->message);
		g->column[i] = r->error->column;
	}
}

/* Feed text in chunks of `chunk` bytes (0: at once); returns the status of feed/finish. */
static co2_status run_text(const char *text, co2_batch_format fmt, size_t chunk, got *g,
                           co2_batch_totals *t, co2_error *err, const char *const *ov)
{
	co2_batch *b = NULL;
	ck_assert_int_eq(co2_batch_new(&b, db, fmt, "runs", err), CO2_OK);
	co2_batch_on_row(b, on_row, g);
	for (; ov && ov[0]; ov += 2)
		ck_assert_int_eq(co2_batch_override(b, ov[0], ov[1], err), CO2_OK);
	size_t len = strlen(text);
	if (!chunk)
		chunk = len ? len : 1;
	co2_status st = CO2_OK;
	for (size_t off = 0; st == CO2_OK && off < len; off += chunk)
		st = co2_batch_feed(b, text + off, len - off < chunk ? len - off : chunk, err);
	if (st == CO2_OK)
		st = co2_batch_finish(b, err);
	if (t)
		*t = *co2_batch_get_totals(b);
	co2_batch_free(b);
	return st;
}

/* The file's text, valid until the next call. */
static char *slurp(const char *path)
{
	static char *last;
	size_t len;
	free(last);
	last = co2_test_slurp(path, &len);
	return last;
}

#define ck_near(a, b) ck_assert_double_eq_tol((a), (b), 1e-9)

static const char *const same_files[] = { DATA "same.csv", DATA "same.yaml", DATA "same.jsonl" };
static const co2_batch_format same_formats[] = { CO2_BATCH_CSV, CO2_BATCH_YAML, CO2_BATCH_JSONL };

START_TEST(the_same_runs_in_csv_yaml_and_json_lines_give_the_same_results)
{
	for (int autodetect = 0; autodetect < 2; autodetect++) {
		got g;
		memset(&g, 0, sizeof g);
		co2_batch_totals t;
		co2_error err;
		co2_error_clear(&err);
		ck_assert_int_eq(run_text(slurp(same_files[_i]), autodetect ? CO2_BATCH_AUTO : same_formats[_i], 0,
		                          &g, &t, &err, NULL), CO2_OK);
		ck_assert_uint_eq(t.runs, 2);
		ck_assert_uint_eq(t.failed, 0);
		ck_assert_str_eq(g.name[0], "bert-base");
		ck_near(g.co2[0], 47.52);          /* the published BERT-base figure */
		ck_assert_str_eq(g.name[1], "measured");
		ck_near(g.energy[1], 100 * 1.2);   /* measured IT energy x PUE */
		ck_near(t.energy_kwh, g.energy[0] + g.energy[1]);
		ck_near(t.co2_kg, g.co2[0] + g.co2[1]);
	}
}
END_TEST

START_TEST(a_run_reads_the_same_as_estimate_with_the_same_fields)
{
	/* The CSV row goes through co2_run_set like the command-line flags. */
	co2_run r;
	co2_run_init(&r);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_run_set(&r, "hardware", "A100 SXM4 80GB", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&r, "count", "8", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&r, "hours", "12.5", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&r, "location", "US", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&r, "method", "green-algorithms", &err), CO2_OK);
	co2_result want;
	co2_result_init(&want);
	ck_assert_int_eq(co2_estimate(db, &r, &want, &err), CO2_OK);
	got g;
	memset(&g, 0, sizeof g);
	ck_assert_int_eq(run_text("hardware,count,hours,location,method\n"
	                          "A100 SXM4 80GB, 8 ,12.5,US,green-algorithms\n", CO2_BATCH_CSV, 0, &g, NULL, &err, NULL),
	                 CO2_OK);
	ck_assert_uint_eq(g.n, 1);
	ck_near(g.co2[0], want.co2_kg);
	ck_near(g.energy[0], want.energy_kwh);
}
END_TEST

START_TEST(a_bad_row_is_reported_with_its_line_and_the_rest_computed)
{
	got g;
	memset(&g, 0, sizeof g);
	co2_batch_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(run_text(slurp(DATA "runs.csv"), CO2_BATCH_AUTO, 7, &g, &t, &err, NULL), CO2_OK);
	ck_assert_uint_eq(t.runs, 4);
	ck_assert_uint_eq(t.failed, 2);
	ck_assert_int_eq(g.status[0], CO2_OK);
	ck_assert_str_eq(g.name[1], "resnet, small"); /* a quoted field with a comma */
	ck_assert_int_eq(g.status[1], CO2_OK);
	ck_assert_uint_eq(g.line[2], 4);
	ck_assert_int_ne(g.status[2], CO2_OK);
	ck_assert_str_eq(g.message[2], "hours: expected a finite number (like 96 or 1.5), got 'ten' "
	                                "(durations work too: 3d, 72h, 90m, 1.5d, 1w, 2d12h, 3-00:00:00 or 72:00:00)");
	ck_assert_uint_eq(g.line[3], 5);
	ck_assert_ptr_nonnull(strstr(g.message[3], "give a region"));
	ck_near(t.co2_kg, g.co2[0] + g.co2[1]);
}
END_TEST

START_TEST(yaml_errors_point_at_the_line_and_column_in_the_file)
{
	got g;
	memset(&g, 0, sizeof g);
	co2_batch_totals t;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(run_text(slurp(DATA "runs.yaml"), CO2_BATCH_AUTO, 0, &g, &t, &err, NULL), CO2_OK);
	ck_assert_uint_eq(t.runs, 3);
	ck_assert_uint_eq(t.failed, 1);
	ck_assert_uint_eq(g.line[0], 2);
	ck_assert_uint_eq(g.line[1], 8);  /* a flow mapping "- {...}" is YAML, not JSON */
	ck_assert_int_eq(g.status[1], CO2_OK);
	ck_assert_str_eq(g.name[1], "two-devices");
	ck_assert_uint_eq(g.line[2], 9);
	ck_assert_str_eq(g.message[2], "unknown key 'hardwre'; did you mean 'hardware'?");
	ck_assert_int_eq(g.column[2], 3);
}
END_TEST

START_TEST(a_refused_spec_keeps_its_name_when_the_name_was_readable)
{
	/* YAML items and JSON lines are parsed whole, so a bad field refuses the whole spec;
	 * the row still carries the name given before or after the bad field. */
	static const struct { const char *text; const char *names[4]; } cases[] = {
		{ "- name: ok\n  hardware: TPU v2\n  hours: 1\n  location: FR\n"
		  "- hours: x\n  name: late name\n"
		  "- name: [a, b]\n  hours: 1\n"
		  "- name: broken\n  hardware: [\n",
		  { "ok", "late name", "", "broken" } },
		{ "{\"name\":\"ok\",\"hardware\":\"TPU v2\",\"hours\":1,\"location\":\"FR\"}\n"
		  "{\"hours\":\"x\",\"name\":\"bad hours\"}\n"
		  "{\"tags\":{\"name\":\"inner\"},\"hours\":1}\n"
		  "{\"name\":\"cut\", oops\n",
		  { "ok", "bad hours", "", "cut" } },
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		got g;
		memset(&g, 0, sizeof g);
		co2_batch_totals t;
		co2_error err;
		co2_error_clear(&err);
		ck_assert_int_eq(run_text(cases[c].text, CO2_BATCH_AUTO, 0, &g, &t, &err, NULL), CO2_OK);
		ck_assert_uint_eq(t.runs, 4);
		ck_assert_uint_eq(t.failed, 3);
		for (size_t i = 0; i < 4; i++)
			ck_assert_msg(strcmp(g.name[i], cases[c].names[i]) == 0, "case %zu run %zu: '%s'", c,
			              i + 1, g.name[i]);
	}
}
END_TEST

START_TEST(overrides_apply_to_every_run)
{
	static const char *const ov[] = { "location", "FR", "pue", "1.5", NULL };
	got g;
	memset(&g, 0, sizeof g);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(run_text("{\"energy\": 10, \"location\": \"US\", \"pue\": 1.1}\n{\"energy\": 20}\n",
	                          CO2_BATCH_JSONL, 0, &g, NULL, &err, ov), CO2_OK);
	ck_assert_uint_eq(g.n, 2);
	ck_near(g.energy[0], 15);
	ck_near(g.energy[1], 30);
	ck_near(g.co2[1] / g.energy[1], g.co2[0] / g.energy[0]); /* both at FR's intensity */
	co2_batch *b = NULL;
	ck_assert_int_eq(co2_batch_new(&b, db, CO2_BATCH_AUTO, "x", &err), CO2_OK);
	ck_assert_int_eq(co2_batch_override(b, "hours", "many", &err), CO2_ERR_INVALID);
	co2_batch_free(b);
}
END_TEST

typedef struct strict_got {
	size_t n, refused;
	char message[4][800];
	char file[4][256];
	int line[4];
} strict_got;

static void on_strict_row(void *ctx, const co2_batch_row *r)
{
	strict_got *g = ctx;
	size_t i = g->n++;
	ck_assert_uint_lt(i, 4);
	if (r->strict_refusal) {
		ck_assert_int_ne(r->status, CO2_OK);
		ck_assert_ptr_null(r->result);
		g->refused++;
	}
	if (r->status != CO2_OK) {
		snprintf(g->message[i], sizeof g->message[i], "%s", r->error->message);
		snprintf(g->file[i], sizeof g->file[i], "%s", r->error->file);
		g->line[i] = r->error->line;
	}
}

/* A run with a likely mistake (0.38 g/kWh: kg/kWh meant?) is computed and counted by
 * default; strict, it is a failed run with the warning as its error, out of the totals. */
START_TEST(strict_refuses_a_run_with_a_likely_mistake)
{
	const char *csv = "name,energy,intensity\na,10,380\nb,10,0.38\nc,10,0\n";
	for (int strict = 0; strict <= 1; strict++) {
		co2_error err;
		co2_error_clear(&err);
		strict_got g;
		memset(&g, 0, sizeof g);
		co2_batch *b = NULL;
		ck_assert_int_eq(co2_batch_new(&b, db, CO2_BATCH_CSV, "runs.csv", &err), CO2_OK);
		co2_batch_set_strict(b, strict);
		co2_batch_on_row(b, on_strict_row, &g);
		ck_assert_int_eq(co2_batch_feed(b, csv, strlen(csv), &err), CO2_OK);
		ck_assert_int_eq(co2_batch_finish(b, &err), CO2_OK);
		const co2_batch_totals *t = co2_batch_get_totals(b);
		ck_assert_uint_eq(t->runs, 3);
		ck_assert_uint_eq(g.n, 3);
		if (!strict) {
			ck_assert_uint_eq(g.refused, 0);
			ck_assert_uint_eq(t->failed, 0);
			/* 10 kWh at the default PUE: 380 + 0.38 + 0 g/kWh */
			ck_near(t->co2_kg, t->energy_kwh / 3 * (380 + 0.38) / 1000);
		} else {
			ck_assert_uint_eq(g.refused, 1);
			ck_assert_uint_eq(t->failed, 1);
			ck_assert_str_eq(g.message[1], "intensity: 0.38 g CO2eq/kWh is below 5: did you give kg/kWh? "
			                              "0.38 kg/kWh is 380 g/kWh");
			ck_assert_str_eq(g.file[1], "runs.csv");
			ck_assert_int_eq(g.line[1], 3);
			ck_near(t->co2_kg, t->energy_kwh / 2 * 380 / 1000); /* run b left out */
		}
		co2_batch_free(b);
	}
	co2_batch_set_strict(NULL, 1); /* a no-op */
}
END_TEST

static const size_t chunks[] = { 1, 2, 5, 13, 64 };

START_TEST(any_chunking_gives_the_same_runs)
{
	for (size_t f = 0; f < 3; f++) {
		got g;
		memset(&g, 0, sizeof g);
		co2_batch_totals t;
		co2_error err;
		co2_error_clear(&err);
		ck_assert_int_eq(run_text(slurp(same_files[f]), CO2_BATCH_AUTO, chunks[_i], &g, &t, &err, NULL), CO2_OK);
		ck_assert_uint_eq(t.runs, 2);
		ck_assert_uint_eq(t.failed, 0);
		ck_near(g.co2[0], 47.52);
	}
}
END_TEST

typedef struct unusable {
	const char *text;
	co2_batch_format fmt;
	const char *expect;
} unusable;

static const unusable unusables[] = {
	{ "", CO2_BATCH_AUTO, "runs: no runs: expected a CSV header" },
	{ "\n# only a comment\n\n", CO2_BATCH_CSV, "no runs" },
	{ "name,hardwre,hours\nx,A100,1\n", CO2_BATCH_CSV, "runs:1: CSV header, column 2: unknown key 'hardwre'; did you mean 'hardware'?" },
	{ "name,,hours\n", CO2_BATCH_CSV, "column 2 has no name" },
	{ "hours,hours\n", CO2_BATCH_CSV, "column 'hours' appears twice" },
	{ "runs:\n  - hardware: A100\n", CO2_BATCH_YAML, "runs:1: expected a YAML list of runs" },
	{ "[{\"hours\": 1}]\n", CO2_BATCH_AUTO, "a bracketed list is not read" },
	{ "\"name,hours\n", CO2_BATCH_CSV, "a quoted field is not closed" },
};

START_TEST(a_file_that_cannot_be_used_at_all_is_refused)
{
	const unusable *u = &unusables[_i];
	got g;
	memset(&g, 0, sizeof g);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(run_text(u->text, u->fmt, 0, &g, NULL, &err, NULL), CO2_ERR_PARSE);
	ck_assert_msg(strstr(err.message, u->expect) != NULL, "'%s' lacks '%s'", err.message, u->expect);
	ck_assert_uint_eq(g.n, 0);
}
END_TEST

START_TEST(broken_lines_after_the_first_run_fail_one_run_only)
{
	got g;
	memset(&g, 0, sizeof g);
	co2_batch_totals t;
	co2_error err;
	co2_error_clear(&err);
	const char *yaml = "- {energy: 1, location: FR}\nstray: line\n  more: stray\n- {energy: 2, location: FR}\n";
	ck_assert_int_eq(run_text(yaml, CO2_BATCH_AUTO, 0, &g, &t, &err, NULL), CO2_OK);
	ck_assert_uint_eq(t.runs, 3);
	ck_assert_uint_eq(t.failed, 1);
	ck_assert_uint_eq(g.line[1], 2);
	ck_assert_ptr_nonnull(strstr(g.message[1], "expected '- '"));
	ck_assert_uint_eq(g.line[2], 4);
	ck_assert_int_eq(g.status[2], CO2_OK);
	memset(&g, 0, sizeof g);
	const char *csv = "energy,location\n1,FR\n1,FR,extra\n\"1,FR\n";
	ck_assert_int_eq(run_text(csv, CO2_BATCH_AUTO, 0, &g, &t, &err, NULL), CO2_OK);
	ck_assert_uint_eq(t.runs, 3);
	ck_assert_uint_eq(t.failed, 2);
	ck_assert_str_eq(g.message[1], "expected 2 fields as in the header, found 3");
	ck_assert_str_eq(g.message[2], "a quoted field is not closed on its line");
}
END_TEST

START_TEST(format_names)
{
	co2_batch_format f;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_batch_format_parse(&f, "ndjson", &err), CO2_OK);
	ck_assert_int_eq(f, CO2_BATCH_JSONL);
	ck_assert_int_eq(co2_batch_format_parse(&f, "yml", &err), CO2_OK);
	ck_assert_int_eq(f, CO2_BATCH_YAML);
	ck_assert_int_eq(co2_batch_format_parse(&f, "xlsx", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(co2_batch_format_name(CO2_BATCH_CSV), "csv");
	co2_batch_free(NULL);
}
END_TEST


/* ---- writing the results ------------------------------------------------------------- */

/* The two runs of same.csv (the first renamed to need CSV quoting) and a run whose
 * hours are negative, streamed in one format: header, a row per run, totals. */
static const char stream_input[] =
	"name,hardware,count,hours,region,location,method,energy,pue\n"
	"\"bert, base\",TPU v2,4,96,gcp:asia-east1,,mlco2,,\n"
	"measured,,,,,FR,,100,1.2\n"
	"bad,TPU v2,4,-5,gcp:asia-east1,,mlco2,,\n";

typedef struct written {
	co2_format format;
	char text[4096];
	size_t len;
} written;

static void append(written *w, co2_status st, char *s, size_t len, const co2_error *err)
{
	ck_assert_msg(st == CO2_OK, "%s", err->message);
	ck_assert_uint_eq(strlen(s), len);
	ck_assert_uint_lt(w->len + len, sizeof w->text);
	memcpy(w->text + w->len, s, len);
	w->len += len;
	w->text[w->len] = '\0';
	co2_free(s);
}

static void on_row_write(void *ctx, const co2_batch_row *row)
{
	written *w = ctx;
	char *s = NULL;
	size_t len = 0;
	co2_error err;
	co2_error_clear(&err);
	co2_status st = co2_batch_report_row(&s, &len, row, w->format, &err);
	append(w, st, s, len, &err);
}

static void write_stream(written *w)
{
	co2_error err;
	co2_error_clear(&err);
	char *s = NULL;
	size_t len = 0;
	co2_status st = co2_batch_report_header(&s, &len, "runs.csv", w->format, &err);
	append(w, st, s, len, &err);
	co2_batch *b = NULL;
	ck_assert_int_eq(co2_batch_new(&b, db, CO2_BATCH_CSV, "runs.csv", &err), CO2_OK);
	co2_batch_on_row(b, on_row_write, w);
	ck_assert_int_eq(co2_batch_feed(b, stream_input, strlen(stream_input), &err), CO2_OK);
	ck_assert_int_eq(co2_batch_finish(b, &err), CO2_OK);
	st = co2_batch_report_totals(&s, &len, co2_batch_get_totals(b), w->format, &err);
	append(w, st, s, len, &err);
	co2_batch_free(b);
}

/* BERT-base: 4 x 221 W = 884 W for 96 h is 84.86 kWh and 47.52 kg (ML CO2 Impact's
 * rounding); measured: 100 kWh x PUE 1.2 = 120 kWh at FR's 56.039 g/kWh = 6.72468 kg. */
START_TEST(results_stream_as_a_text_table)
{
	written w = { CO2_FORMAT_TEXT, "", 0 };
	write_stream(&w);
	ck_assert_str_eq(w.text,
		"  run   line  name                             method                 hours   energy kWh       CO2eq kg\n"
		"    1      2  bert, base                       mlco2                  96.00       84.860        47.5200\n"
		"    2      3  measured                         default                    -      120.000         6.7247\n"
		"    3      4  bad                              (error: see above)\n"
		"\n"
		"total: 2 runs computed, 1 failed; 204.860 kWh, 54.245 kg CO2eq\n");
}
END_TEST

START_TEST(results_stream_as_csv_with_computed_runs_only)
{
	written w = { CO2_FORMAT_CSV, "", 0 };
	write_stream(&w);
	ck_assert_str_eq(w.text,
		"run,line,name,method,edition,hours,power_w,pue,intensity_g_per_kwh,energy_kwh,co2_kg,region,location\n"
		"1,2,\"bert, base\",mlco2,mlco2-impact,96,884,1,560,84.86,47.52,gcp:asia-east1,\n"
		"2,3,measured,default,co2calc,,,1.2,56.039,120,6.72468,,FR\n"
		"total,,(2 runs),,,,,,,204.86,54.24468,,\n");
}
END_TEST

/* it_energy_kwh sums the IT energy before ML CO2 Impact's rounding: 884 W x 96 h =
 * 84.864 kWh, plus the measured 100 kWh. */
START_TEST(results_stream_as_one_json_object)
{
	written w = { CO2_FORMAT_JSON, "", 0 };
	write_stream(&w);
	ck_assert_str_eq(w.text,
		"{\n  \"input\": \"runs.csv\",\n  \"runs\": [\n"
		"    {\"run\": 1, \"line\": 2, \"name\": \"bert, base\", \"method\": \"mlco2\", \"edition\": \"mlco2-impact\", "
		"\"region\": \"gcp:asia-east1\", \"location\": null, \"hours\": 96, \"power_w\": 884, \"pue\": 1, "
		"\"intensity_g_per_kwh\": 560, \"energy_kwh\": 84.86, \"co2_kg\": 47.52},\n"
		"    {\"run\": 2, \"line\": 3, \"name\": \"measured\", \"method\": \"default\", \"edition\": \"co2calc\", "
		"\"region\": null, \"location\": \"FR\", \"hours\": null, \"power_w\": null, \"pue\": 1.2, "
		"\"intensity_g_per_kwh\": 56.039, \"energy_kwh\": 120, \"co2_kg\": 6.72468},\n"
		"    {\"run\": 3, \"line\": 4, \"name\": \"bad\", \"error\": \"hours: must not be negative, got -5\"}\n"
		"  ],\n  \"totals\": {\"runs\": 3, \"computed\": 2, \"failed\": 1, \"energy_kwh\": 204.86, "
		"\"it_energy_kwh\": 184.864, \"co2_kg\": 54.24468}\n}\n");
}
END_TEST

/* No runs: the header and the totals still make a whole table and a whole object. */
START_TEST(no_runs_still_make_a_whole_report)
{
	co2_batch_totals t;
	memset(&t, 0, sizeof t);
	co2_error err;
	co2_error_clear(&err);
	char *h = NULL, *e = NULL;
	ck_assert_int_eq(co2_batch_report_header(&h, NULL, NULL, CO2_FORMAT_JSON, &err), CO2_OK);
	ck_assert_int_eq(co2_batch_report_totals(&e, NULL, &t, CO2_FORMAT_JSON, &err), CO2_OK);
	ck_assert_str_eq(h, "{\n  \"input\": null,\n  \"runs\": [");
	ck_assert_str_eq(e, "],\n  \"totals\": {\"runs\": 0, \"computed\": 0, \"failed\": 0, \"energy_kwh\": 0, "
	                    "\"it_energy_kwh\": 0, \"co2_kg\": 0}\n}\n");
	co2_free(h);
	co2_free(e);
	ck_assert_int_eq(co2_batch_report_totals(&e, NULL, &t, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_str_eq(e, "\ntotal: 0 runs computed; 0.000 kWh, 0.000 kg CO2eq\n");
	co2_free(e);
}
END_TEST

START_TEST(writers_refuse_other_formats)
{
	co2_batch_totals t;
	memset(&t, 0, sizeof t);
	co2_error err;
	co2_error_clear(&err);
	char *s = (char *)"untouched";
	ck_assert_int_eq(co2_batch_report_header(&s, NULL, "x", CO2_FORMAT_YAML, &err), CO2_ERR_INVALID);
	ck_assert_ptr_null(s);
	ck_assert_str_eq(err.message, "batch: the report is written as text, csv or json, not yaml");
	ck_assert_int_eq(co2_batch_report_totals(&s, NULL, &t, CO2_FORMAT_MARKDOWN, &err), CO2_ERR_INVALID);
	ck_assert_int_eq(co2_batch_report_row(&s, NULL, NULL, CO2_FORMAT_CSV, &err), CO2_ERR_INVALID);
	ck_assert_int_eq(co2_batch_report_totals(&s, NULL, NULL, CO2_FORMAT_CSV, &err), CO2_ERR_INVALID);
}
END_TEST

static Suite *batch_suite(void)
{
	Suite *s = suite_create("batch");
	TCase *t = tcase_create("runs");
	tcase_add_unchecked_fixture(t, open_db, close_db);
	tcase_add_loop_test(t, the_same_runs_in_csv_yaml_and_json_lines_give_the_same_results, 0, 3);
	tcase_add_test(t, a_run_reads_the_same_as_estimate_with_the_same_fields);
	tcase_add_test(t, a_bad_row_is_reported_with_its_line_and_the_rest_computed);
	tcase_add_test(t, yaml_errors_point_at_the_line_and_column_in_the_file);
	tcase_add_test(t, a_refused_spec_keeps_its_name_when_the_name_was_readable);
	tcase_add_test(t, overrides_apply_to_every_run);
	tcase_add_test(t, strict_refuses_a_run_with_a_likely_mistake);
	tcase_add_loop_test(t, any_chunking_gives_the_same_runs, 0, (int)(sizeof chunks / sizeof chunks[0]));
	tcase_add_loop_test(t, a_file_that_cannot_be_used_at_all_is_refused, 0,
	                    (int)(sizeof unusables / sizeof unusables[0]));
	tcase_add_test(t, broken_lines_after_the_first_run_fail_one_run_only);
	tcase_add_test(t, format_names);
	tcase_add_test(t, results_stream_as_a_text_table);
	tcase_add_test(t, results_stream_as_csv_with_computed_runs_only);
	tcase_add_test(t, results_stream_as_one_json_object);
	tcase_add_test(t, no_runs_still_make_a_whole_report);
	tcase_add_test(t, writers_refuse_other_formats);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(batch_suite)
