/* src/core/estimate.c: the formula, the methods' rounding and the validation of runs. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"
#include "base/base.h"
#include "model/model.h"

static co2_db *mini; /* only tests/data/fixtures/mini.yaml */
static co2_db *builtin;

static void setup(void)
{
	co2_error err;
	ck_assert_int_eq(co2_db_new(&mini, &err), CO2_OK);
	ck_assert_msg(co2_db_load_path(mini, CO2_TEST_DATA_DIR "/fixtures/mini.yaml", &err) == CO2_OK, "%s", err.message);
	ck_assert_msg(co2_db_open_default(&builtin, &err) == CO2_OK, "%s", err.message);
}

static void teardown(void)
{
	co2_db_close(mini);
	co2_db_close(builtin);
}

static co2_run bert(int chips, co2_method m)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "TPU v2", chips, CO2_UNSET);
	run.hours = 96;
	run.region = "gcp:asia-east1";
	run.method = m;
	return run;
}

START_TEST(mlco2_bert_base_on_four_tpu_v2_gives_47_52_kg)
{
	co2_run run = bert(4, CO2_METHOD_MLCO2);
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq(r.energy_kwh, 84.86);
	ck_assert_double_eq(r.co2_kg, 47.52);
	ck_assert_double_eq(r.pue, 1.0);
	ck_assert_double_eq_tol(r.intensity_g_per_kwh, 560, 1e-9);
	ck_assert_str_eq(r.edition, "mlco2-impact");
	ck_assert_double_eq(r.parts[0].unit_power_w, 221);
	ck_assert_double_eq(r.offset_percent, 100);
}
END_TEST

START_TEST(mlco2_bert_base_on_one_tpu_v2_gives_11_88_kg)
{
	co2_run run = bert(1, CO2_METHOD_MLCO2);
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq(r.energy_kwh, 21.22);
	ck_assert_double_eq(r.co2_kg, 11.88);
}
END_TEST

START_TEST(mlco2_equivalents_match_the_paper)
{
	static const struct { int chips; double car, coal, trees; } want[] = {
		{ 1, 48, 5.95, 0.2 }, { 4, 192, 23.8, 0.79 } };
	for (size_t i = 0; i < 2; i++) {
		co2_run run = bert(want[i].chips, CO2_METHOD_MLCO2);
		co2_result r;
		co2_result_init(&r);
		co2_error err;
		ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
		const co2_equivalent *car = co2_result_equivalent(&r, "car_km");
		const co2_equivalent *coal = co2_result_equivalent(&r, "coal_kg");
		const co2_equivalent *trees = co2_result_equivalent(&r, "tree_seedlings");
		ck_assert_ptr_nonnull(car);
		ck_assert_ptr_nonnull(coal);
		ck_assert_ptr_nonnull(trees);
		ck_assert_double_eq_tol(car->value, want[i].car, 1e-9);
		ck_assert_double_eq_tol(coal->value, want[i].coal, 1e-9);
		ck_assert_double_eq_tol(trees->value, want[i].trees, 1e-9);
	}
}
END_TEST

START_TEST(an_equivalent_never_rounds_to_zero)
{
	/* Half an hour of a T4 under ML CO2 Impact: 0.02 kg, 0.000333 tree seedlings at the
	 * seedlings' 2 decimals would be 0. */
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "T4", 1, CO2_UNSET);
	run.hours = 0.5;
	run.region = "gcp:us-central1";
	run.method = CO2_METHOD_MLCO2;
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.co2_kg, 0.02, 1e-12);
	const co2_equivalent *trees = co2_result_equivalent(&r, "tree_seedlings");
	ck_assert_ptr_nonnull(trees);
	ck_assert_double_eq_tol(trees->value, 0.000333, 1e-12);
	/* A figure the rounding keeps stays the method's own. */
	const co2_equivalent *coal = co2_result_equivalent(&r, "coal_kg");
	ck_assert_double_eq_tol(coal->value, 0.01, 1e-12);
}
END_TEST

START_TEST(green_algorithms_bert_base_uses_280_w_pue_1_13_and_taiwan_509_g)
{
	/* By hand: 4 x 280 W x 96 h = 107.52 kWh; x PUE 1.13 = 121.4976 kWh;
	 * x 0.509 kg/kWh = 61.8422784 kg. */
	co2_run run = bert(4, CO2_METHOD_GREEN_ALGORITHMS);
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.it_energy_kwh, 107.52, 1e-9);
	ck_assert_double_eq_tol(r.pue, 1.13, 1e-12);
	ck_assert_double_eq_tol(r.energy_kwh, 121.4976, 1e-9);
	ck_assert_double_eq_tol(r.intensity_g_per_kwh, 509, 1e-12);
	ck_assert_double_eq_tol(r.co2_kg, 61.8422784, 1e-9);
	ck_assert_str_eq(r.location, "TW");
}
END_TEST

START_TEST(default_bert_base_uses_measured_221_w_region_pue_and_google_2024_intensity)
{
	/* By hand: 4 x 221 W x 96 h = 84.864 kWh; x PUE 1.13 (asia-east1) = 95.89632 kWh;
	 * x 0.43929 kg/kWh (Google's 2024 grid figure for asia-east1) = 42.1262944128 kg. */
	co2_run run = bert(4, CO2_METHOD_DEFAULT);
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_str_eq(r.edition, "co2calc");
	ck_assert_double_eq_tol(r.it_energy_kwh, 84.864, 1e-9);
	ck_assert_double_eq_tol(r.pue, 1.13, 1e-12);
	ck_assert_double_eq_tol(r.energy_kwh, 95.89632, 1e-9);
	ck_assert_double_eq_tol(r.intensity_g_per_kwh, 439.29, 1e-12);
	ck_assert_double_eq_tol(r.co2_kg, 42.1262944128, 1e-9);
	ck_assert_double_eq_tol(r.overhead_energy_kwh, 84.864 * 0.13, 1e-9);
}
END_TEST

START_TEST(formula_sums_devices_cpu_and_memory_then_applies_pue_and_repeats)
{
	/* 2 x 100 W x 0.5 = 100 W; 4 cores x 10 W = 40 W; 10 GB x 0.5 W = 5 W: 145 W.
	 * x 10 h = 1.45 kWh; x region PUE 1.2 x 3 repeats = 5.22 kWh; x 20 g = 0.1044 kg. */
	co2_run run;
	co2_run_init(&run);
	co2_error err;
	ck_assert_int_eq(co2_run_set(&run, "hardware", "TG100", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&run, "count", "2", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&run, "utilization", "0.5", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&run, "cpu", "Test CPU 16", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&run, "cores", "4", &err), CO2_OK);
	run.memory_gb = 10;
	run.hours = 10;
	run.repeats = 3;
	run.region = "tc:north-1";
	co2_result r;
	co2_result_init(&r);
	ck_assert_msg(co2_estimate(mini, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(r.n_parts, 3);
	ck_assert_double_eq_tol(r.power_w, 145, 1e-9);
	ck_assert_double_eq_tol(r.it_energy_kwh, 1.45, 1e-12);
	ck_assert_double_eq_tol(r.energy_kwh, 5.22, 1e-12);
	ck_assert_double_eq_tol(r.overhead_energy_kwh, 1.45 * 0.2 * 3, 1e-12);
	ck_assert_double_eq_tol(r.co2_kg, 0.1044, 1e-12);
	ck_assert_double_eq(r.offset_percent, 50); /* from the provider */
	ck_assert_str_eq(r.location, "NO");
	const co2_equivalent *w = co2_result_equivalent(&r, "widgets");
	ck_assert_double_eq_tol(w->value, 0.1, 1e-12); /* 0.0522 rounded to 1 decimal */
}
END_TEST

START_TEST(pue_falls_back_from_region_to_provider_to_unknown_default)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "Test GPU 100", 1, CO2_UNSET);
	run.hours = 10;
	run.region = "tc:south-1"; /* no region PUE: provider's 1.5 */
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_int_eq(co2_estimate(mini, &run, &r, &err), CO2_OK);
	ck_assert_double_eq(r.pue, 1.5);
	ck_assert_double_eq_tol(r.co2_kg, 1.0 * 1.5 * 0.5, 1e-12);
	run.region = NULL;
	run.location = "NOR"; /* alias; no provider: 1.6 */
	ck_assert_int_eq(co2_estimate(mini, &run, &r, &err), CO2_OK);
	ck_assert_double_eq(r.pue, 1.6);
	ck_assert_double_eq_tol(r.co2_kg, 1.0 * 1.6 * 0.02, 1e-12);
	run.pue = 1.1; /* declared wins */
	run.intensity_g_per_kwh = 100;
	ck_assert_int_eq(co2_estimate(mini, &run, &r, &err), CO2_OK);
	ck_assert_double_eq_tol(r.co2_kg, 1.0 * 1.1 * 0.1, 1e-12);
}
END_TEST

START_TEST(device_hours_and_instances_and_measured_energy)
{
	co2_run run;
	co2_run_init(&run);
	co2_error err;
	ck_assert_int_eq(co2_run_set(&run, "hardware", "tc:big.8x", &err), CO2_OK);
	run.hours = 2;
	run.intensity_g_per_kwh = 1000;
	run.pue = 1;
	co2_result r;
	co2_result_init(&r);
	ck_assert_msg(co2_estimate(mini, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.energy_kwh, 8 * 200 * 2 / 1000.0, 1e-12); /* 3.2 kWh */
	co2_run dh;
	co2_run_init(&dh);
	co2_run_set(&dh, "hardware", "Test GPU 100", &err);
	co2_run_set(&dh, "device-hours", "1000", &err);
	dh.intensity_g_per_kwh = 1000;
	dh.pue = 1;
	ck_assert_int_eq(co2_estimate(mini, &dh, &r, &err), CO2_OK);
	ck_assert_double_eq_tol(r.energy_kwh, 100.0, 1e-12);
	co2_run me;
	co2_run_init(&me);
	me.energy_kwh = 42;
	me.intensity_g_per_kwh = 500;
	me.pue = 1.25;
	ck_assert_int_eq(co2_estimate(mini, &me, &r, &err), CO2_OK);
	ck_assert_double_eq_tol(r.co2_kg, 42 * 1.25 * 0.5, 1e-12);
}
END_TEST

typedef struct bad_case {
	const char *key, *value, *field;
} bad_case;

static const bad_case bad_cases[] = {
	{ "hours", "0", "hours" }, { "hours", "1e12", "hours" },
	{ "count", "0", "count" }, { "count", "1e30", "count" },
	{ "utilization", "1.5", "utilization" }, { "utilization", "0", "utilization" },
	{ "pue", "0.9", "pue" }, { "repeats", "0", "repeats" }, { "intensity", "5000", "intensity" },
	{ "memory", "1e9", "memory" }, { "power", "1e9", "power" },
};

START_TEST(out_of_range_values_are_refused_naming_the_field)
{
	const bad_case *c = &bad_cases[_i];
	co2_run run;
	co2_run_init(&run);
	co2_error err;
	co2_run_set(&run, "hardware", "Test GPU 100", &err);
	run.hours = 1;
	run.location = "NO";
	ck_assert_int_eq(co2_run_set(&run, c->key, c->value, &err), CO2_OK);
	co2_result r;
	co2_result_init(&r);
	co2_error_clear(&err);
	ck_assert_int_eq(co2_estimate(mini, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, c->field);
	ck_assert_ptr_nonnull(strstr(err.message, c->field));
}
END_TEST

START_TEST(negative_values_are_refused_by_run_set)
{
	static const char *const keys[] = { "hours", "count", "memory", "intensity", "power", "repeats" };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		co2_run run;
		co2_run_init(&run);
		co2_error err;
		co2_error_clear(&err);
		ck_assert_int_eq(co2_run_set(&run, keys[i], "-1", &err), CO2_ERR_INVALID);
		ck_assert_str_eq(err.field, keys[i]);
	}
}
END_TEST

START_TEST(non_numbers_are_refused_by_run_set)
{
	static const char *const bad[] = { "nan", "inf", "-inf", "1,5", "0x10", "1e999", "", "12h", " 3" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		co2_run run;
		co2_run_init(&run);
		co2_error err;
		co2_error_clear(&err);
		ck_assert_int_eq(co2_run_set(&run, "hours", bad[i], &err), CO2_ERR_INVALID);
		ck_assert_str_eq(err.field, "hours");
	}
}
END_TEST

START_TEST(conflicts_and_missing_inputs_are_named)
{
	co2_run run;
	co2_run_init(&run);
	co2_error err;
	co2_result r;
	co2_result_init(&r);
	co2_run_set(&run, "hardware", "Test GPU 100", &err);
	run.location = "NO";
	ck_assert_int_eq(co2_estimate(mini, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "hours");
	run.hours = 3;
	co2_run_set(&run, "device-hours", "5", &err);
	ck_assert_int_eq(co2_estimate(mini, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "hours");
	co2_run nowhere;
	co2_run_init(&nowhere);
	co2_run_add_device(&nowhere, "Test GPU 100", 1, CO2_UNSET);
	nowhere.hours = 1;
	ck_assert_int_eq(co2_estimate(mini, &nowhere, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "region");
}
END_TEST

START_TEST(unknown_and_ambiguous_names_suggest_candidates)
{
	co2_run run;
	co2_run_init(&run);
	co2_error err;
	co2_result r;
	co2_result_init(&r);
	co2_run_add_device(&run, "Tset GPU 100", 1, CO2_UNSET);
	run.hours = 1;
	run.location = "NO";
	ck_assert_int_eq(co2_estimate(mini, &run, &r, &err), CO2_ERR_NOT_FOUND);
	ck_assert_str_eq(err.field, "hardware");
	ck_assert_ptr_nonnull(strstr(err.message, "did you mean 'Test GPU 100'"));
	run.devices[0].name = "Test GPU"; /* two entries contain every word */
	ck_assert_int_eq(co2_estimate(mini, &run, &r, &err), CO2_ERR_AMBIGUOUS);
	ck_assert_ptr_nonnull(strstr(err.message, "'Test GPU 100', 'Test GPU 100 SXM'"));
	run.devices[0].name = "Test GPU 100";
	run.location = "Norwy";
	ck_assert_int_eq(co2_estimate(mini, &run, &r, &err), CO2_ERR_NOT_FOUND);
	ck_assert_str_eq(err.field, "location");
	run.location = NULL;
	run.region = "tc:nowhere";
	ck_assert_int_eq(co2_estimate(mini, &run, &r, &err), CO2_ERR_NOT_FOUND);
	ck_assert_ptr_nonnull(strstr(err.message, "tc:north-1"));
}
END_TEST

/* ---- versioned structs ---------------------------------------------------------- */

START_TEST(a_run_from_a_newer_header_is_refused_naming_the_version)
{
	co2_run run = bert(4, CO2_METHOD_MLCO2);
	run.version = CO2_RUN_VERSION + 1;
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_estimate(builtin, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "version");
	ck_assert_str_eq(err.message, "run: version 4 is newer than this library (3); rebuild "
	                              "against the installed co2calc headers");
	ck_assert_int_eq(co2_run_validate(&run, NULL), CO2_ERR_INVALID);
	/* As co2_run_init_v() records it from a newer header's macro. */
	co2_run_init_v(&run, CO2_RUN_VERSION + 1, sizeof run);
	ck_assert_uint_eq(run.version, CO2_RUN_VERSION + 1);
	ck_assert_int_eq(co2_run_validate(&run, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "version");
}
END_TEST

START_TEST(a_run_or_result_never_initialised_is_refused)
{
	co2_run run = bert(4, CO2_METHOD_MLCO2);
	co2_result r;
	co2_error err;
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(co2_estimate(builtin, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "result: not initialised (version 0): fill it with "
	                              "co2_result_init() first");
	co2_result_init(&r);
	memset(&run, 0, sizeof run);
	ck_assert_int_eq(co2_estimate(builtin, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "run: not initialised (version 0): fill it with "
	                              "co2_run_init() first");
	/* Version 1 (by-value init, no size) and sizes that fit no version. */
	run = bert(4, CO2_METHOD_MLCO2);
	run.version = 1;
	ck_assert_int_eq(co2_estimate(builtin, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "version");
	run = bert(4, CO2_METHOD_MLCO2);
	run.size = offsetof(co2_run, training_type); /* shorter than the oldest layout (2) */
	ck_assert_int_eq(co2_estimate(builtin, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "size");
	run.size = sizeof run + 8;
	ck_assert_int_eq(co2_estimate(builtin, &run, &r, &err), CO2_ERR_INVALID);
	run.size = sizeof run;
	r.version = CO2_RESULT_VERSION + 1;
	ck_assert_int_eq(co2_estimate(builtin, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "result: version 4 is newer than this library (3); rebuild "
	                              "against the installed co2calc headers");
	/* Reports refuse what co2_estimate refuses. */
	char *out = NULL;
	ck_assert_int_eq(co2_report(&out, NULL, &r, CO2_FORMAT_JSON, 0, &err), CO2_ERR_INVALID);
	ck_assert_ptr_null(out);
}
END_TEST

START_TEST(more_devices_than_the_array_holds_are_refused)
{
	co2_run run = bert(4, CO2_METHOD_MLCO2);
	co2_error err;
	ck_assert_int_eq(co2_run_validate(&run, &err), CO2_OK);
	run.n_devices = CO2_MAX_DEVICES + 1;
	ck_assert_int_eq(co2_run_validate(&run, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "devices");
	ck_assert_str_eq(err.message, "devices: 9 device groups, at most 8");
	co2_result r;
	co2_result_init(&r);
	ck_assert_int_eq(co2_estimate(builtin, &run, &r, &err), CO2_ERR_INVALID);
	run.n_devices = CO2_MAX_DEVICES;
	for (size_t i = 1; i < CO2_MAX_DEVICES; i++)
		run.devices[i] = run.devices[0];
	ck_assert_int_eq(co2_run_validate(&run, &err), CO2_OK);
	ck_assert_int_eq(co2_run_add_device(&run, "TPU v2", 1, CO2_UNSET), CO2_ERR_INVALID);
}
END_TEST

/* A struct as an older header declared it: only its first `size` bytes are the
 * caller's; the bytes after them (0xAB here) must never be written. */
#define CANARY 0xAB
typedef union {
	co2_result r;
	unsigned char bytes[sizeof(co2_result) + 64];
} result_buf;
typedef union {
	co2_run r;
	unsigned char bytes[sizeof(co2_run) + 64];
} run_buf;

static int untouched(const unsigned char *bytes, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (bytes[i] != CANARY)
			return 0;
	return 1;
}

START_TEST(initialisers_and_results_write_no_more_than_the_callers_size)
{
	result_buf rb;
	size_t small = offsetof(co2_result, co2_kg) + sizeof(double);
	memset(rb.bytes, CANARY, sizeof rb.bytes);
	co2_result_init_v(&rb.r, CO2_RESULT_VERSION, small);
	ck_assert_uint_eq(rb.r.size, small);
	ck_assert(untouched(rb.bytes, small, sizeof rb.bytes));
	/* The whole result computed, only `small` bytes of it stored. */
	co2_run run = bert(4, CO2_METHOD_MLCO2);
	co2_result full;
	co2_result_init(&full);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &run, &full, &err) == CO2_OK, "%s", err.message);
	co2__result_store(&rb.r, &full);
	ck_assert_double_eq(rb.r.co2_kg, 47.52);
	ck_assert_uint_eq(rb.r.size, small);
	ck_assert(untouched(rb.bytes, small, sizeof rb.bytes));
	/* Read back (as a report would): the missing fields are zero. */
	co2_result wide;
	co2__result_widen(&wide, &rb.r);
	ck_assert_double_eq(wide.co2_kg, 47.52);
	ck_assert_uint_eq(wide.n_parts, 0);
	ck_assert_uint_eq(wide.size, sizeof wide);
	/* A run: defaults only as far as the caller's struct goes; the rest unset when read. */
	run_buf ub;
	size_t rsmall = offsetof(co2_run, name);
	memset(ub.bytes, CANARY, sizeof ub.bytes);
	co2_run_init_v(&ub.r, CO2_RUN_VERSION, rsmall);
	ck_assert_double_eq(ub.r.hours, CO2_UNSET);
	ck_assert(untouched(ub.bytes, rsmall, sizeof ub.bytes));
	ub.r.hours = 96;
	co2_run wrun;
	co2__run_widen(&wrun, &ub.r);
	ck_assert_double_eq(wrun.hours, 96);
	ck_assert_ptr_null(wrun.name);
	ck_assert_ptr_null(wrun.training_type);
	ck_assert_uint_eq(wrun.size, sizeof wrun);
	/* Too small to hold even the version and size: nothing written. */
	memset(ub.bytes, CANARY, sizeof ub.bytes);
	co2_run_init_v(&ub.r, CO2_RUN_VERSION, 4);
	ck_assert(untouched(ub.bytes, 0, sizeof ub.bytes));
}
END_TEST

/* Version 3 appended the site to the run and the ranges, site and assumptions to the
 * result: a program built against the version-2 headers keeps working, and nothing past
 * its structs is written. */
START_TEST(a_caller_of_version_2_still_works_with_version_3)
{
	run_buf ub;
	result_buf rb;
	size_t run2 = offsetof(co2_run, site), res2 = offsetof(co2_result, site);
	memset(ub.bytes, CANARY, sizeof ub.bytes);
	memset(rb.bytes, CANARY, sizeof rb.bytes);
	co2_run_init_v(&ub.r, 2, run2);
	ck_assert_int_eq(co2_run_add_device(&ub.r, "TPU v2", 4, CO2_UNSET), CO2_OK);
	ub.r.hours = 96;
	ub.r.region = "gcp:asia-east1";
	ub.r.method = CO2_METHOD_MLCO2;
	co2_result_init_v(&rb.r, 2, res2);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &ub.r, &rb.r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq(rb.r.co2_kg, 47.52);
	ck_assert_double_eq(rb.r.energy_kwh, 84.86);
	ck_assert_uint_eq(rb.r.version, 2);
	ck_assert_uint_eq(rb.r.size, res2);
	ck_assert(untouched(rb.bytes, res2, sizeof rb.bytes));
	ck_assert(untouched(ub.bytes, run2, sizeof ub.bytes));
	/* The key the old layout has no room for is refused, not written past its end. */
	ck_assert_int_eq(co2_run_set(&ub.r, "site", "desktop", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "site");
	ck_assert(untouched(ub.bytes, run2, sizeof ub.bytes));
}
END_TEST

START_TEST(a_current_result_is_computed_whole)
{
	co2_run run = bert(4, CO2_METHOD_MLCO2);
	co2_result r;
	co2_result_init(&r);
	ck_assert_uint_eq(r.version, CO2_RESULT_VERSION);
	ck_assert_uint_eq(r.size, sizeof r);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(r.version, CO2_RESULT_VERSION);
	ck_assert_uint_eq(r.size, sizeof r);
	ck_assert_uint_eq(r.n_equivalents, 3);
	ck_assert_double_eq(r.co2_range_kg.central, 47.52);
	ck_assert_int_eq(r.site, CO2_SITE_CLOUD); /* a field of version 3 */
	ck_assert_uint_eq(run.version, CO2_RUN_VERSION);
	ck_assert_uint_eq(run.size, sizeof run);
}
END_TEST

START_TEST(method_names_parse)
{
	co2_method m;
	ck_assert_int_eq(co2_method_parse(&m, "mlco2", NULL), CO2_OK);
	ck_assert_int_eq(m, CO2_METHOD_MLCO2);
	ck_assert_int_eq(co2_method_parse(&m, "Green-Algorithms", NULL), CO2_OK);
	ck_assert_int_eq(m, CO2_METHOD_GREEN_ALGORITHMS);
	ck_assert_int_eq(co2_method_parse(&m, "default", NULL), CO2_OK);
	ck_assert_int_eq(m, CO2_METHOD_DEFAULT);
	ck_assert_int_eq(co2_method_parse(&m, "mlco3", NULL), CO2_ERR_INVALID);
	ck_assert_str_eq(co2_method_name(CO2_METHOD_GREEN_ALGORITHMS), "green-algorithms");
}
END_TEST

START_TEST(numbers_for_people_are_never_in_exponent_notation)
{
	char buf[32];
	ck_assert_str_eq(co2__format_plain(buf, 8.42e-05), "0.0000842");
	ck_assert_str_eq(co2__format_plain(buf, -1.5e-07), "-0.00000015");
	ck_assert_str_eq(co2__format_plain(buf, 0.0001), "0.0001");
	ck_assert_str_eq(co2__format_plain(buf, 47.52), "47.52");
	ck_assert_str_eq(co2__format_plain(buf, 0), "0");
	/* Rounding to significant digits is exact at any magnitude. */
	ck_assert_str_eq(co2_format_double(buf, co2__round_significant(1.5600000000000002e-30, 3)), "1.56e-30");
	ck_assert_str_eq(co2_format_double(buf, co2__round_significant(8.742084000000002e-303, 3)), "8.74e-303");
	ck_assert_str_eq(co2_format_double(buf, co2__round_significant(192.15, 3)), "192");
	/* Machines get the shortest exact form. */
	ck_assert_str_eq(co2_format_double(buf, 8.42e-05), "8.42e-05");
}
END_TEST

START_TEST(version_macros_agree_with_the_library)
{
	char v[32];
	snprintf(v, sizeof v, "%d.%d.%d", CO2_VERSION_MAJOR, CO2_VERSION_MINOR, CO2_VERSION_PATCH);
	ck_assert_str_eq(v, CO2_VERSION_STRING);
	ck_assert_str_eq(co2_version(), CO2_VERSION_STRING);
}
END_TEST

static Suite *estimate_suite(void)
{
	Suite *s = suite_create("estimate");
	TCase *t = tcase_create("estimate");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, mlco2_bert_base_on_four_tpu_v2_gives_47_52_kg);
	tcase_add_test(t, mlco2_bert_base_on_one_tpu_v2_gives_11_88_kg);
	tcase_add_test(t, mlco2_equivalents_match_the_paper);
	tcase_add_test(t, an_equivalent_never_rounds_to_zero);
	tcase_add_test(t, green_algorithms_bert_base_uses_280_w_pue_1_13_and_taiwan_509_g);
	tcase_add_test(t, default_bert_base_uses_measured_221_w_region_pue_and_google_2024_intensity);
	tcase_add_test(t, formula_sums_devices_cpu_and_memory_then_applies_pue_and_repeats);
	tcase_add_test(t, pue_falls_back_from_region_to_provider_to_unknown_default);
	tcase_add_test(t, device_hours_and_instances_and_measured_energy);
	tcase_add_loop_test(t, out_of_range_values_are_refused_naming_the_field, 0,
	                    (int)(sizeof bad_cases / sizeof *bad_cases));
	tcase_add_test(t, negative_values_are_refused_by_run_set);
	tcase_add_test(t, non_numbers_are_refused_by_run_set);
	tcase_add_test(t, conflicts_and_missing_inputs_are_named);
	tcase_add_test(t, unknown_and_ambiguous_names_suggest_candidates);
	tcase_add_test(t, method_names_parse);
	tcase_add_test(t, a_run_from_a_newer_header_is_refused_naming_the_version);
	tcase_add_test(t, a_run_or_result_never_initialised_is_refused);
	tcase_add_test(t, more_devices_than_the_array_holds_are_refused);
	tcase_add_test(t, initialisers_and_results_write_no_more_than_the_callers_size);
	tcase_add_test(t, a_caller_of_version_2_still_works_with_version_3);
	tcase_add_test(t, a_current_result_is_computed_whole);
	tcase_add_test(t, version_macros_agree_with_the_library);
	tcase_add_test(t, numbers_for_people_are_never_in_exponent_notation);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(estimate_suite)
