/* src/io/spec.c: run specs in YAML and JSON, and co2_run_set. */
#include <locale.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

static co2_spec *parse_ok(const char *text)
{
	co2_spec *s = NULL;
	co2_error err;
	co2_error_clear(&err);
	const char *name = text[0] == '{' ? "run.json" : "run.yaml"; /* the extension decides */
	ck_assert_msg(co2_spec_parse(&s, name, text, strlen(text), &err) == CO2_OK, "%s", err.message);
	return s;
}

START_TEST(a_yaml_spec_sets_every_field)
{
	co2_spec *s = parse_ok("# BERT-base\nhardware: TPU v2\ncount: 4\nhours: 96\nregion: gcp:asia-east1\n"
	                       "method: mlco2\nname: bert-base\ntraining_type: pre-training\npue: 1.1\n"
	                       "repeats: 2\nmemory: 64\ncpu: Xeon Gold 6148\ncores: 8\ncpu_utilization: 0.5\n");
	co2_run *r = co2_spec_run(s);
	ck_assert_uint_eq(r->n_devices, 2);
	ck_assert_str_eq(r->devices[0].name, "TPU v2");
	ck_assert_double_eq(r->devices[0].count, 4);
	ck_assert_int_eq(r->devices[1].role, CO2_ROLE_CPU);
	ck_assert_double_eq(r->devices[1].count, 8);
	ck_assert_double_eq(r->devices[1].utilization, 0.5);
	ck_assert_double_eq(r->hours, 96);
	ck_assert_str_eq(r->region, "gcp:asia-east1");
	ck_assert_int_eq(r->method, CO2_METHOD_MLCO2);
	ck_assert_str_eq(r->training_type, "pre-training");
	ck_assert_double_eq(r->pue, 1.1);
	ck_assert_double_eq(r->repeats, 2);
	ck_assert_double_eq(r->memory_gb, 64);
	co2_spec_free(s);
}
END_TEST

START_TEST(a_json_spec_with_a_devices_list)
{
	co2_spec *s = parse_ok("{\"devices\": [{\"hardware\": \"A\", \"count\": 2}, {\"power\": 300, \"count\": 1}],"
	                       " \"hours\": 10.5, \"location\": \"FR\"}");
	co2_run *r = co2_spec_run(s);
	ck_assert_uint_eq(r->n_devices, 2);
	ck_assert_double_eq(r->devices[0].count, 2);
	ck_assert_double_eq(r->devices[1].power_w, 300);
	ck_assert_double_eq(r->hours, 10.5);
	ck_assert_str_eq(r->location, "FR");
	co2_spec_free(s);
}
END_TEST

START_TEST(spec_times_may_be_durations_and_numbers_may_group_digits)
{
	co2_spec *s = parse_ok("hardware: A\nhours: 3-00:00:00\nlocation: FR\nmemory: 1 024\n");
	ck_assert_double_eq(co2_spec_run(s)->hours, 72);
	ck_assert_double_eq(co2_spec_run(s)->memory_gb, 1024);
	co2_spec_free(s);
	s = parse_ok("devices:\n  - {hardware: A, device_hours: 2d12h}\n  - {hardware: B, device_hours: 82_432}\n");
	ck_assert_double_eq(co2_spec_run(s)->devices[0].device_hours, 60);
	ck_assert_double_eq(co2_spec_run(s)->devices[1].device_hours, 82432);
	co2_spec_free(s);
	s = parse_ok("{\"hardware\": \"A\", \"hours\": \"1.5d\", \"location\": \"FR\"}");
	ck_assert_double_eq(co2_spec_run(s)->hours, 36);
	co2_spec_free(s);
	/* YAML 1.1's base 60 (72:00:00 = 259200) does not apply: libyaml gives the text. */
	s = parse_ok("hours: 72:00:00\n");
	ck_assert_double_eq(co2_spec_run(s)->hours, 72);
	co2_spec_free(s);
}
END_TEST

/* The format: the name's extension first, then the content. */
static const struct { const char *name, *text, *error; } formats[] = {
	/* YAML flow style opens with '{' but is no JSON */
	{ "run.yaml", "{hardware: T4, hours: 2, location: FR}\n", NULL },
	{ "RUN.YML", "  {hardware: T4, hours: 2, location: FR}", NULL },
	{ "<stdin>", "{hardware: T4, hours: 2, location: FR}", NULL },
	{ NULL, "{hardware: T4, hours: 2, location: FR}", NULL },
	{ "run.json", "{hardware: T4, hours: 2, location: FR}", "run.json:1:3: not valid JSON" },
	/* JSON is YAML too; JSON by its content */
	{ "run.yaml", "{\"hardware\": \"T4\", \"hours\": 2, \"location\": \"FR\"}", NULL },
	{ "run.Json", "{\"hardware\": \"T4\", \"hours\": 2, \"location\": \"FR\"}", NULL },
	{ "<stdin>", "{\"hardware\": \"T4\", \"hours\": 2, \"location\": \"FR\"}", NULL },
	/* neither: JSON's error when it opens with '{' */
	{ "<stdin>", "{\"hours\": 2", "<stdin>:1:11: not valid JSON" },
	{ "run.yaml", "{hardware: T4", "run.yaml:2:1: not valid YAML" },
	/* a .json file that is YAML block style is not read as YAML */
	{ "run.json", "hours: 2\n", "run.json:1:1: not valid JSON" },
};

START_TEST(the_extension_decides_the_format_then_the_content)
{
	co2_spec *s = NULL;
	co2_error err;
	co2_error_clear(&err);
	const char *text = formats[_i].text;
	co2_status st = co2_spec_parse(&s, formats[_i].name, text, strlen(text), &err);
	if (!formats[_i].error) {
		ck_assert_msg(st == CO2_OK, "%s", err.message);
		co2_run *r = co2_spec_run(s);
		ck_assert_str_eq(r->devices[0].name, "T4");
		ck_assert_double_eq(r->hours, 2);
		ck_assert_str_eq(r->location, "FR");
		co2_spec_free(s);
		return;
	}
	ck_assert_int_eq(st, CO2_ERR_PARSE);
	ck_assert_ptr_null(s);
	ck_assert_msg(strncmp(err.message, formats[_i].error, strlen(formats[_i].error)) == 0,
	              "'%s' does not start with '%s'", err.message, formats[_i].error);
}
END_TEST

typedef struct bad_spec {
	const char *text;
	const char *expect;
	int line, column;
} bad_spec;

static const bad_spec bad_specs[] = {
	{ "hours: 96\nutilisation: 0.5\n", "unknown key 'utilisation'; did you mean 'utilization'?", 2, 1 },
	/* words for a key that the edit distance would miss or send elsewhere */
	{ "gpu: A100\nhours: 1\n", "unknown key 'gpu'; did you mean 'hardware'?", 1, 1 },
	{ "hours: 1\nnum_gpus: 8\n", "unknown key 'num_gpus'; did you mean 'count'?", 2, 1 },
	{ "hours: 1\ncountry: FR\n", "unknown key 'country'; did you mean 'location'?", 2, 1 },
	{ "{\"tdp\": 300}", "unknown key 'tdp'; did you mean 'power'?", 0, 0 },
	{ "hours: 96\nhours: 97\n", "duplicate key 'hours'", 2, 1 },
	{ "hours: [1, 2\n", "not valid YAML", 2, 1 },
	{ "hours: 1,5\n", "hours: expected a finite number", 1, 8 },
	{ "hours: 12:30\n", "hours: '12:30' is ambiguous", 1, 8 },
	{ "{\"hours\": \"2h3d\"}", "give the units from the largest down", 0, 0 },
	{ "hours: .nan\n", "hours: expected a finite number", 1, 8 },
	{ "hours: 0x10\n", "hours: expected a finite number", 1, 8 },
	{ "count: 1e999\n", "count: expected a finite number", 1, 8 },
	{ "- 1\n- 2\n", "expected a mapping", 1, 1 },
	{ "hours:\n  a: 1\n", "hours: expected a single value", 2, 3 },
	{ "method: carbon\n", "method: expected mlco2", 1, 9 },
	{ "{\"hours\": 96,}", "not valid JSON", 1, 14 },
	{ "{\"hours\": true}", "hours: expected a finite number", 0, 0 },
	{ "{\"hours\": null}", "hours: expected a string or a number", 0, 0 },
	{ "{\"hours\": 1, \"hours\": 2}", "duplicate key 'hours'", 0, 0 },
	{ "", "empty run spec", 0, 0 },
	{ "hours: 1\n\0garbage", "binary data", 0, 0 },
};

START_TEST(bad_specs_name_the_file_line_column_and_field)
{
	const bad_spec *c = &bad_specs[_i];
	size_t len = strlen(c->text);
	if (strcmp(c->expect, "binary data") == 0) /* the text goes on after its NUL */
		len += 1 + strlen(c->text + len + 1);
	co2_spec *s = NULL;
	co2_error err;
	co2_error_clear(&err);
	const char *name = c->text[0] == '{' ? "run.json" : "run.yaml"; /* the extension decides */
	ck_assert_int_ne(co2_spec_parse(&s, name, c->text, len, &err), CO2_OK);
	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(err.message, c->expect) != NULL, "'%s' lacks '%s'", err.message, c->expect);
	ck_assert_msg(strncmp(err.message, name, 8) == 0, "%s", err.message);
	if (c->line) {
		ck_assert_int_eq(err.line, c->line);
		ck_assert_int_eq(err.column, c->column);
	}
}
END_TEST

typedef struct key_typo {
	const char *text;
	const char *suggestion; /* NULL: nothing is near */
} key_typo;

static const key_typo key_typos[] = {
	{ "hardware: TPU v2\ncnt: 4\n", "count" },
	{ "hours: 96\nutilisation: 0.5\n", "utilization" },
	{ "gpu: A100\nhours: 1\n", "hardware" },
	{ "devices:\n  - {hardware: A, cuont: 2}\n", "count" },
	{ "{\"hours\": 1, \"tdp\": 300}", "power" },
	{ "{\"devices\": [{\"hardwre\": \"A\"}]}", "hardware" },
	{ "hours: 1\nzzzzzzzz: 1\n", NULL },
};

START_TEST(unknown_keys_carry_the_nearest_key_as_data)
{
	const key_typo *c = &key_typos[_i];
	co2_spec *s = NULL;
	co2_error err;
	co2_error_clear(&err);
	const char *name = c->text[0] == '{' ? "run.json" : "run.yaml";
	ck_assert_int_eq(co2_spec_parse(&s, name, c->text, strlen(c->text), &err), CO2_ERR_INVALID);
	ck_assert_ptr_null(s);
	if (!c->suggestion) {
		ck_assert_uint_eq(err.n_suggestions, 0);
		return;
	}
	ck_assert_uint_eq(err.n_suggestions, 1);
	ck_assert_str_eq(err.suggestions[0], c->suggestion);
	char quoted[64];
	snprintf(quoted, sizeof quoted, "did you mean '%s'?", c->suggestion);
	ck_assert_msg(strstr(err.message, quoted), "%s", err.message);
}
END_TEST

START_TEST(numbers_parse_the_same_under_a_comma_locale)
{
	/* de_DE writes 1,5; our parser must still read "1.5" and refuse "1,5". */
	if (!setlocale(LC_ALL, "de_DE.UTF-8"))
		setlocale(LC_ALL, "fr_FR.UTF-8");
	double v = 0;
	ck_assert_int_eq(co2_parse_double(&v, "1.5", "x", NULL), CO2_OK);
	ck_assert_double_eq(v, 1.5);
	ck_assert_int_eq(co2_parse_double(&v, "1,5", "x", NULL), CO2_ERR_INVALID);
	char buf[32];
	ck_assert_str_eq(co2_format_double(buf, 47.52), "47.52");
	ck_assert_str_eq(co2_format_double(buf, 0.1 + 0.2), "0.30000000000000004");
	setlocale(LC_ALL, "C");
}
END_TEST

START_TEST(rounding_is_half_away_from_zero)
{
	ck_assert_double_eq(co2_round(21.216, 2), 21.22);
	ck_assert_double_eq(co2_round(47.5216, 2), 47.52);
	ck_assert_double_eq(co2_round(0.125, 2), 0.13);
	ck_assert_double_eq(co2_round(-0.125, 2), -0.13);
	ck_assert_double_eq(co2_round(192.16, 0), 192);
}
END_TEST

static Suite *spec_suite(void)
{
	Suite *s = suite_create("spec");
	TCase *t = tcase_create("spec");
	tcase_add_test(t, a_yaml_spec_sets_every_field);
	tcase_add_test(t, a_json_spec_with_a_devices_list);
	tcase_add_test(t, spec_times_may_be_durations_and_numbers_may_group_digits);
	tcase_add_loop_test(t, the_extension_decides_the_format_then_the_content, 0,
	                    (int)(sizeof formats / sizeof formats[0]));
	tcase_add_loop_test(t, bad_specs_name_the_file_line_column_and_field, 0,
	                    (int)(sizeof bad_specs / sizeof *bad_specs));
	tcase_add_loop_test(t, unknown_keys_carry_the_nearest_key_as_data, 0,
	                    (int)(sizeof key_typos / sizeof key_typos[0]));
	tcase_add_test(t, numbers_parse_the_same_under_a_comma_locale);
	tcase_add_test(t, rounding_is_half_away_from_zero);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(spec_suite)
