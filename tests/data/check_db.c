/* src/data: loading, validation, lookup and the bundled data's provenance. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

static co2_db *db;

static void setup(void)
{
	co2_error err;
	ck_assert_int_eq(co2_db_new(&db, &err), CO2_OK);
}

static void teardown(void)
{
	co2_db_close(db);
}

static const char header[] = "schema: \"1.0\"\nedition: t\nedition_date: 2026-01-01\ntitle: t\n"
                             "source: s\nyear: 2025\nlicense: MIT\n";

static co2_status load(const char *body, co2_error *err)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s%s", header, body);
	co2_error_clear(err);
	return co2_db_load_buffer(db, "t.yaml", buf, strlen(buf), err);
}

START_TEST(a_valid_file_loads_and_entries_are_found_by_alias)
{
	co2_error err;
	ck_assert_msg(load("hardware:\n  - name: X 1\n    kind: gpu\n    power_w: 10\n"
	                   "    aliases: [\"XY-1\"]\n    source: s\n    year: 2020\n", &err) == CO2_OK,
	              "%s", err.message);
	const co2_hardware *h;
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "xy 1", &err), CO2_OK);
	ck_assert_str_eq(h->name, "X 1");
	ck_assert_str_eq(h->power_type, "tdp");
	ck_assert_str_eq(h->file, "t.yaml");
	ck_assert_uint_eq(co2_db_file_count(db), 1);
}
END_TEST

typedef struct bad_file {
	const char *body;
	const char *expect; /* substring of the message */
	int line;
} bad_file;

static const bad_file bad_files[] = {
	{ "hardware:\n  - name: X\n    kind: gpu\n    power_w: 10\n    source: s\n", "missing required key 'year'", 9 },
	{ "hardware:\n  - name: X\n    kind: gpu\n    power_w: 10\n    powr_type: tdp\n    source: s\n    year: 2020\n",
	  "did you mean 'power_type'", 12 },
	{ "hardware:\n  - name: X\n    kind: gpu\n    power_w: ten\n    source: s\n    year: 2020\n", "expected a finite number", 11 },
	{ "hardware:\n  - name: X\n    kind: fpga\n    power_w: 10\n    source: s\n    year: 2020\n", "kind", 9 },
	{ "hardware:\n  - name: X\n    kind: gpu\n    power_w: 10\n    source: s\n    year: 2999\n", "year", 9 },
	{ "hardware:\n  - name: X\n    name: Y\n    kind: gpu\n    power_w: 10\n    source: s\n    year: 2020\n", "duplicate key 'name'", 10 },
	{ "hardwares: []\n", "did you mean 'hardware'", 8 },
	{ "hardware: [1, 2\n", "not valid YAML", 0 },
	{ "regions:\n  - id: nocolon\n    intensity_g_per_kwh: 5\n    source: s\n    year: 2020\n", "provider:region", 9 },
	{ "regions:\n  - id: a:b\n    source: s\n    year: 2020\n", "needs intensity_g_per_kwh or a location", 9 },
	{ "providers:\n  - id: p\n    name: P\n    pue: 0.8\n    pue_source: s\n    pue_year: 2020\n    source: s\n    year: 2020\n", "pue", 9 },
};

START_TEST(bad_files_are_refused_with_file_line_and_column)
{
	const bad_file *c = &bad_files[_i];
	co2_error err;
	ck_assert_int_ne(load(c->body, &err), CO2_OK);
	ck_assert_msg(strstr(err.message, c->expect) != NULL, "'%s' lacks '%s'", err.message, c->expect);
	ck_assert_msg(strncmp(err.message, "t.yaml:", 7) == 0, "%s", err.message);
	if (c->line)
		ck_assert_int_eq(err.line, c->line);
	/* Nothing of a refused file stays in the database. */
	size_t n;
	co2_db_hardware_list(db, &n);
	ck_assert_uint_eq(n, 0);
	ck_assert_uint_eq(co2_db_file_count(db), 0);
}
END_TEST

START_TEST(unknown_data_file_keys_carry_the_nearest_key_as_data)
{
	co2_error err;
	ck_assert_int_eq(load(bad_files[1].body, &err), CO2_ERR_PARSE);
	ck_assert_uint_eq(err.n_suggestions, 1);
	ck_assert_str_eq(err.suggestions[0], "power_type");
	ck_assert_int_eq(load("hardwares: []\n", &err), CO2_ERR_PARSE);
	ck_assert_uint_eq(err.n_suggestions, 1);
	ck_assert_str_eq(err.suggestions[0], "hardware");
}
END_TEST

START_TEST(schema_major_2_is_refused_and_minor_1_9_accepted)
{
	co2_error err;
	const char *v2 = "schema: \"2.0\"\nedition: t\nedition_date: d\ntitle: t\nsource: s\nyear: 2025\nlicense: MIT\n";
	ck_assert_int_eq(co2_db_load_buffer(db, "v2.yaml", v2, strlen(v2), &err), CO2_ERR_SCHEMA);
	const char *v19 = "schema: \"1.9\"\nedition: t\nedition_date: d\ntitle: t\nsource: s\nyear: 2025\nlicense: MIT\n";
	ck_assert_int_eq(co2_db_load_buffer(db, "v19.yaml", v19, strlen(v19), &err), CO2_OK);
}
END_TEST

static void last_where(void *ctx, const char *file, const char *message)
{
	(void)message;
	snprintf(ctx, 64, "%s", file);
}

START_TEST(a_later_file_replaces_an_entry_of_the_same_name)
{
	co2_error err;
	ck_assert_int_eq(load("locations:\n  - code: FR\n    name: France\n    intensity_g_per_kwh: 50\n    source: a\n    year: 2020\n", &err), CO2_OK);
	ck_assert_int_eq(load("locations:\n  - code: fr\n    name: France\n    intensity_g_per_kwh: 40\n    source: b\n    year: 2024\n", &err), CO2_OK);
	size_t n;
	const co2_location *l = co2_db_locations(db, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_double_eq(l[0].intensity_g_per_kwh, 40);
	ck_assert_str_eq(l[0].source, "b");
	/* data check names the entry given twice, at its line in the file that replaced it
	 * (the header is 7 lines, "locations:" the 8th). */
	ck_assert_int_eq(l[0].line, 9);
	char where[64] = "";
	ck_assert_uint_eq(co2_db_check(db, last_where, where), 1);
	ck_assert_str_eq(where, "t.yaml:9");
}
END_TEST

/* ---- the bundled data ----------------------------------------------------------- */

START_TEST(every_bundled_entry_has_a_source_a_year_and_a_plausible_value)
{
	co2_db *b;
	co2_error err;
	ck_assert_msg(co2_db_open_default(&b, &err) == CO2_OK, "%s", err.message);
	time_t now = time(NULL);
	int this_year = gmtime(&now)->tm_year + 1900;
	size_t n;
	const co2_hardware *h = co2_db_hardware_list(b, &n);
	ck_assert_uint_gt(n, 100);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(h[i].source && *h[i].source, "%s has no source", h[i].name);
		ck_assert_msg(h[i].year >= 1990 && h[i].year <= this_year, "%s: year %d", h[i].name, h[i].year);
		ck_assert_msg(h[i].power_w >= 1 && h[i].power_w <= 2000, "%s: %g W", h[i].name, h[i].power_w);
	}
	const co2_location *l = co2_db_locations(b, &n);
	ck_assert_uint_gt(n, 100);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(l[i].source && *l[i].source, "%s has no source", l[i].code);
		ck_assert_msg(l[i].year >= 1990 && l[i].year <= this_year, "%s: year %d", l[i].code, l[i].year);
		ck_assert_msg(l[i].intensity_g_per_kwh >= 0 && l[i].intensity_g_per_kwh <= 1500, "%s", l[i].code);
	}
	const co2_region *r = co2_db_regions(b, &n);
	ck_assert_uint_gt(n, 50);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(r[i].source && *r[i].source, "%s has no source", r[i].id);
		ck_assert_msg(r[i].year >= 1990 && r[i].year <= this_year, "%s: year %d", r[i].id, r[i].year);
		if (r[i].pue != CO2_UNSET)
			ck_assert_msg(r[i].pue >= 1.0 && r[i].pue <= 3.0, "%s: PUE %g", r[i].id, r[i].pue);
	}
	ck_assert_uint_eq(co2_db_check(b, NULL, NULL), 0);
	co2_db_close(b);
}
END_TEST

START_TEST(bundled_editions_include_the_reproduced_calculators)
{
	co2_db *b;
	co2_error err;
	ck_assert_int_eq(co2_db_open_default(&b, &err), CO2_OK);
	ck_assert_ptr_nonnull(co2_db_edition(b, "co2calc"));
	ck_assert_ptr_nonnull(co2_db_edition(b, "mlco2-impact"));
	ck_assert_ptr_nonnull(co2_db_edition(b, "green-algorithms-3.0"));
	ck_assert_ptr_nonnull(co2_db_edition(b, "green-algorithms-2.2"));
	const co2_hardware *h;
	ck_assert_int_eq(co2_db_find_hardware(&h, b, "mlco2-impact", "TPU v2", &err), CO2_OK);
	ck_assert_double_eq(h->power_w, 221);
	ck_assert_str_eq(h->power_type, "measured-average");
	ck_assert_int_eq(co2_db_find_hardware(&h, b, "green-algorithms-3.0", "TPU v2", &err), CO2_OK);
	ck_assert_double_eq(h->power_w, 280);
	const co2_region *r;
	ck_assert_int_eq(co2_db_find_region(&r, b, "mlco2-impact", "gcp:asia-east1", &err), CO2_OK);
	ck_assert_double_eq(r->intensity_g_per_kwh, 557);
	const co2_constant *c = co2_db_constant(b, "green-algorithms-3.0", "memory_w_per_gb");
	ck_assert_ptr_nonnull(c);
	ck_assert_double_eq(c->value, 0.3725);
	co2_db_close(b);
}
END_TEST

START_TEST(builtin_files_are_named_builtin)
{
	ck_assert_uint_gt(co2_builtin_count(), 5);
	for (size_t i = 0; i < co2_builtin_count(); i++)
		ck_assert_msg(strncmp(co2_builtin_name(i), "<builtin>/", 10) == 0, "%s", co2_builtin_name(i));
}
END_TEST

START_TEST(builtin_data_loads_after_another_file_and_overrides_it)
{
	/* The built-in snapshot is borrowed only by an empty database; here it goes
	 * through the general path and replaces the same-named entry. */
	co2_error err;
	ck_assert_int_eq(co2_db_load_path(db, CO2_TEST_DATA_DIR "/fixtures/mini.yaml", &err), CO2_OK);
	ck_assert_msg(co2_db_load_buffer(db, "fr.yaml",
	              "schema: \"1.0\"\nedition: co2calc\nedition_date: d\ntitle: t\nsource: s\nyear: 2025\nlicense: MIT\n"
	              "locations:\n  - {code: FR, name: France, intensity_g_per_kwh: 999, source: s, year: 2020}\n",
	              strlen("schema: \"1.0\"\nedition: co2calc\nedition_date: d\ntitle: t\nsource: s\nyear: 2025\nlicense: MIT\n"
	              "locations:\n  - {code: FR, name: France, intensity_g_per_kwh: 999, source: s, year: 2020}\n"), &err) == CO2_OK, "%s", err.message);
	ck_assert_msg(co2_db_load_builtin(db, &err) == CO2_OK, "%s", err.message);
	const co2_location *l;
	ck_assert_int_eq(co2_db_find_location(&l, db, NULL, "FR", &err), CO2_OK);
	ck_assert_double_lt(l->intensity_g_per_kwh, 999);  /* the built-in figure won */
	const co2_hardware *h;
	ck_assert_int_eq(co2_db_find_hardware(&h, db, NULL, "TG100", &err), CO2_OK); /* fixture kept */
	ck_assert_int_eq(co2_db_find_hardware(&h, db, NULL, "NVIDIA A100-SXM4-80GB", &err), CO2_OK);
	ck_assert_uint_eq(co2_db_file_count(db), 2 + co2_builtin_count());
	ck_assert_uint_eq(co2_db_check(db, NULL, NULL), 0);
}
END_TEST

START_TEST(a_file_on_top_of_builtin_data_copies_before_changing_it)
{
	co2_db *b, *c;
	co2_error err;
	ck_assert_int_eq(co2_db_open_default(&b, &err), CO2_OK);
	ck_assert_int_eq(co2_db_open_default(&c, &err), CO2_OK);
	ck_assert_int_eq(co2_db_load_path(b, CO2_TEST_DATA_DIR "/fixtures/mini.yaml", &err), CO2_OK);
	const co2_hardware *h;
	ck_assert_int_eq(co2_db_find_hardware(&h, b, NULL, "TG100", &err), CO2_OK);
	/* The other database, sharing the same built-in arrays, did not change. */
	ck_assert_int_eq(co2_db_find_hardware(&h, c, NULL, "TG100", &err), CO2_ERR_NOT_FOUND);
	size_t nb, nc;
	co2_db_hardware_list(b, &nb);
	co2_db_hardware_list(c, &nc);
	ck_assert_uint_eq(nb, nc + 3);
	co2_db_close(b);
	co2_db_close(c);
}
END_TEST

static Suite *db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *t = tcase_create("load");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, a_valid_file_loads_and_entries_are_found_by_alias);
	tcase_add_loop_test(t, bad_files_are_refused_with_file_line_and_column, 0,
	                    (int)(sizeof bad_files / sizeof *bad_files));
	tcase_add_test(t, unknown_data_file_keys_carry_the_nearest_key_as_data);
	tcase_add_test(t, schema_major_2_is_refused_and_minor_1_9_accepted);
	tcase_add_test(t, a_later_file_replaces_an_entry_of_the_same_name);
	tcase_add_test(t, builtin_data_loads_after_another_file_and_overrides_it);
	tcase_add_test(t, a_file_on_top_of_builtin_data_copies_before_changing_it);
	suite_add_tcase(s, t);
	TCase *d = tcase_create("bundled");
	tcase_set_timeout(d, 60);
	tcase_add_test(d, every_bundled_entry_has_a_source_a_year_and_a_plausible_value);
	tcase_add_test(d, bundled_editions_include_the_reproduced_calculators);
	tcase_add_test(d, builtin_files_are_named_builtin);
	suite_add_tcase(s, d);
	return s;
}

CO2_CHECK_MAIN(db_suite)
