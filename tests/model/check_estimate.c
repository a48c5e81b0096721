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
	static const char *const bad[] = { "nan", "inf", "-inf", "1,5", "0x10", "1e999", "", "12x", " 3" };
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

START_TEST(times_are_read_as_durations_and_other_numbers_are_not)
{
	co2_run run;
	co2_run_init(&run);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_run_set(&run, "hours", "3d", &err), CO2_OK);
	ck_assert_double_eq(run.hours, 72);
	ck_assert_int_eq(co2_run_set(&run, "hours", "3-00:00:00", &err), CO2_OK);
	ck_assert_double_eq(run.hours, 72);
	ck_assert_int_eq(co2_run_set(&run, "device_hours", "2d12h", &err), CO2_OK);
	ck_assert_double_eq(run.devices[0].device_hours, 60);
	ck_assert_int_eq(co2_run_set(&run, "device-hours", "90m", &err), CO2_OK);
	ck_assert_double_eq(run.devices[0].device_hours, 1.5);
	ck_assert_int_eq(co2_run_set(&run, "hours", "-1", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "hours: must not be negative, got -1");
	ck_assert_int_eq(co2_run_set(&run, "hours", "12:30", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "hours");
	ck_assert_ptr_nonnull(strstr(err.message, "ambiguous"));
	/* A count or a power is no duration. */
	ck_assert_int_eq(co2_run_set(&run, "count", "3d", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "count: expected a finite number (like 96 or 1.5), got '3d'");
	/* A `devices:` entry of a spec: device_hours is a duration too. */
	co2_device d = { NULL, CO2_UNSET, CO2_UNSET, CO2_UNSET, CO2_UNSET, CO2_ROLE_AUTO };
	ck_assert_int_eq(co2__run_device_set(&d, "device_hours", "1w", &err), CO2_OK);
	ck_assert_double_eq(d.device_hours, 168);
	ck_assert_int_eq(co2__run_device_set(&d, "device-hours", "3-00:00:00", &err), CO2_OK);
	ck_assert_double_eq(d.device_hours, 72);
	ck_assert_int_eq(co2__run_device_set(&d, "device_hours", "soon", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "device_hours");
}
END_TEST

START_TEST(run_keys_read_digit_groups_and_refuse_a_comma_with_both_readings)
{
	co2_run run;
	co2_run_init(&run);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_run_set(&run, "device-hours", "82_432", &err), CO2_OK);
	ck_assert_double_eq(run.devices[0].device_hours, 82432);
	ck_assert_int_eq(co2_run_set(&run, "memory", "1 024", &err), CO2_OK);
	ck_assert_double_eq(run.memory_gb, 1024);
	ck_assert_int_eq(co2_run_set(&run, "energy", "1_500.5", &err), CO2_OK);
	ck_assert_double_eq(run.energy_kwh, 1500.5);
	ck_assert_int_eq(co2_run_set(&run, "count", "1,500", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "count");
	ck_assert_str_eq(err.message, "count: expected a finite number (like 96 or 1.5), got '1,500': "
	                              "write 1500 or 1.5 (a comma may group thousands or mark decimals)");
	ck_assert_int_eq(co2_run_set(&run, "count", "8_2432", &err), CO2_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err.message, "group digits by three"));
	/* A `devices:` entry of a spec reads them the same way. */
	co2_device d = { NULL, CO2_UNSET, CO2_UNSET, CO2_UNSET, CO2_UNSET, CO2_ROLE_AUTO };
	ck_assert_int_eq(co2__run_device_set(&d, "count", "1 000", &err), CO2_OK);
	ck_assert_double_eq(d.count, 1000);
	ck_assert_int_eq(co2__run_device_set(&d, "power", "1,5", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "power: expected a finite number, got '1,5': write 1.5 (a '.' "
	                              "marks decimals)");
}
END_TEST

START_TEST(a_declared_intensity_below_5_warns_and_the_datas_own_never_does)
{
	co2_warnings w;
	co2_warnings_clear(&w);
	co2_run run;
	co2_run_init(&run);
	run.intensity_g_per_kwh = 0.38;
	co2_run_warnings(&w, &run);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_int_eq(w.items[0].status, CO2_ERR_INVALID);
	ck_assert_str_eq(w.items[0].field, "intensity");
	ck_assert_str_eq(w.items[0].message, "intensity: 0.38 g CO2eq/kWh is below 5: did you give "
	                                     "kg/kWh? 0.38 kg/kWh is 380 g/kWh");
	ck_assert_uint_eq(w.items[0].n_suggestions, 1);
	ck_assert_str_eq(w.items[0].suggestions[0], "380");
	/* The same warning is held once. */
	co2_run_warnings(&w, &run);
	ck_assert_uint_eq(w.n, 1);
	/* Nothing for 0 (declared as meant), 5 and up, or no intensity at all. */
	static const double fine[] = { 0, 5, 56.04, 2000, CO2_UNSET };
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
		co2_warnings none;
		co2_warnings_clear(&none);
		run.intensity_g_per_kwh = fine[i];
		co2_run_warnings(&none, &run);
		ck_assert_msg(none.n == 0, "%g: %s", fine[i], none.items[0].message);
	}
	/* A grid whose yearly average is that low (Quebec, 1.5 g/kWh in Green Algorithms) is
	 * the data's figure: no warning, and half a T4 (a MIG-like slice) is no mistake. */
	co2_run qc;
	co2_run_init(&qc);
	co2_run_add_device(&qc, "T4", 0.5, CO2_UNSET);
	qc.hours = 1;
	qc.location = "CA-QC";
	qc.method = CO2_METHOD_GREEN_ALGORITHMS;
	co2_warnings none;
	co2_warnings_clear(&none);
	co2_run_warnings(&none, &qc);
	ck_assert_uint_eq(none.n, 0);
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &qc, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_lt(r.intensity_g_per_kwh, 5);
	/* NULL is a no-op, and so is a run never initialised. */
	co2_run_warnings(NULL, &run);
	co2_run_warnings(&none, NULL);
	co2_run zero;
	memset(&zero, 0, sizeof zero);
	zero.intensity_g_per_kwh = 0.5;
	co2_run_warnings(&none, &zero);
	ck_assert_uint_eq(none.n, 0);
	co2_warnings_clear(NULL);
}
END_TEST

START_TEST(warnings_past_the_limit_are_counted_not_kept)
{
	co2_warnings w;
	co2_warnings_clear(&w);
	co2_run run;
	co2_run_init(&run);
	for (int i = 1; i <= CO2_MAX_WARNINGS + 3; i++) {
		run.intensity_g_per_kwh = i * 0.25;
		co2_run_warnings(&w, &run);
	}
	ck_assert_uint_eq(w.n, CO2_MAX_WARNINGS);
	ck_assert_uint_eq(w.dropped, 3);
	ck_assert_str_eq(w.items[0].suggestions[0], "250");
}
END_TEST

START_TEST(a_mixed_precision_speed_up_below_1_warns)
{
	co2_run run = bert(4, CO2_METHOD_MLCO2);
	co2_warnings w;
	co2_warnings_clear(&w);
	co2_error err;
	co2_error_clear(&err);
	char text[] = "mixed-precision=0.5,region=gcp:europe-west6";
	ck_assert_int_eq(co2_whatif_apply_list_warn(&run, text, &w, &err), CO2_OK);
	ck_assert_double_eq(run.hours, 192); /* applied all the same */
	ck_assert_uint_eq(w.n, 1);
	ck_assert_str_eq(w.items[0].field, "mixed-precision");
	ck_assert_str_eq(w.items[0].message, "mixed-precision: a speed-up of 0.5 is below 1: the run "
	                                     "would take 2 times as long; did you mean "
	                                     "mixed-precision=2 (old time / new time)?");
	ck_assert_str_eq(w.items[0].suggestions[0], "2");
	/* 1 and up: nothing; without a warnings array, the same change. */
	co2_warnings none;
	co2_warnings_clear(&none);
	ck_assert_int_eq(co2_whatif_apply_warn(&run, "mixed-precision", "1", &none, &err), CO2_OK);
	ck_assert_int_eq(co2_whatif_apply_warn(&run, "mixed-precision", "2", &none, &err), CO2_OK);
	ck_assert_uint_eq(none.n, 0);
	ck_assert_double_eq(run.hours, 96);
	ck_assert_int_eq(co2_whatif_apply(&run, "mixed-precision", "0.25", &err), CO2_OK);
	ck_assert_double_eq(run.hours, 384);
	/* An intensity set by a what-if is the run's: co2_run_warnings finds it. */
	ck_assert_int_eq(co2_whatif_apply_warn(&run, "intensity", "0.4", &none, &err), CO2_OK);
	ck_assert_uint_eq(none.n, 0);
	co2_run_warnings(&none, &run);
	ck_assert_uint_eq(none.n, 1);
	ck_assert_str_eq(none.items[0].suggestions[0], "400");
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
	char want[200];
	snprintf(want, sizeof want, "run: version %u is newer than this library (%u); rebuild "
	         "against the installed co2calc headers", CO2_RUN_VERSION + 1, CO2_RUN_VERSION);
	ck_assert_str_eq(err.message, want);
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
	ck_assert_str_eq(err.message, "result: version 5 is newer than this library (4); rebuild "
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

/* As a caller built against an older header does it: run and result of that version
 * and size inside canary-filled buffers, the BERT-base run estimated (47.52 kg). */
static void old_caller_bert(run_buf *ub, result_buf *rb, unsigned version, size_t run_size,
                            size_t res_size, co2_error *err)
{
	memset(ub->bytes, CANARY, sizeof ub->bytes);
	memset(rb->bytes, CANARY, sizeof rb->bytes);
	co2_run_init_v(&ub->r, version, run_size);
	ck_assert_int_eq(co2_run_add_device(&ub->r, "TPU v2", 4, CO2_UNSET), CO2_OK);
	ub->r.hours = 96;
	ub->r.region = "gcp:asia-east1";
	ub->r.method = CO2_METHOD_MLCO2;
	co2_result_init_v(&rb->r, version, res_size);
	ck_assert_msg(co2_estimate(builtin, &ub->r, &rb->r, err) == CO2_OK, "%s", err->message);
	ck_assert_double_eq(rb->r.co2_kg, 47.52);
}

/* Version 3 appended the site to the run and the ranges, site and assumptions to the
 * result: a program built against the version-2 headers keeps working, and nothing past
 * its structs is written. */
START_TEST(a_caller_of_version_2_still_works_with_version_3)
{
	run_buf ub;
	result_buf rb;
	size_t run2 = offsetof(co2_run, site), res2 = offsetof(co2_result, site);
	co2_error err;
	old_caller_bert(&ub, &rb, 2, run2, res2, &err);
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

/* A cloud instance under the default method is the whole machine. aws:p4d.24xlarge in the
 * data: 8 x A100 SXM4 40GB at 400 W; Cloud Carbon Footprint's measured watts for the
 * instance at half load: CPU package 448.31 W, RAM 830.22 W (idle 57.93 and 219.3, full
 * load 626.76 and 1262.88). */
START_TEST(an_instance_counts_its_whole_machine_under_the_default_method)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "aws:p4d.24xlarge", CO2_UNSET, CO2_UNSET);
	run.hours = 10;
	run.intensity_g_per_kwh = 400;
	run.pue = 1.1;
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(r.n_parts, 3);
	ck_assert_int_eq(r.parts[1].kind, CO2_PART_CPU);
	ck_assert_double_eq_tol(r.parts[1].power_w, 448.31, 1e-9);
	ck_assert_int_eq(r.parts[2].kind, CO2_PART_MEMORY);
	ck_assert_double_eq_tol(r.parts[2].power_w, 830.22, 1e-9);
	/* 3200 + 448.31 + 830.22 = 4478.53 W; x 10 h x 1.1 = 49.26383 kWh; x 0.4 = 19.705532 kg */
	ck_assert_double_eq_tol(r.power_w, 4478.53, 1e-9);
	ck_assert_double_eq_tol(r.energy_kwh, 49.26383, 1e-9);
	ck_assert_double_eq_tol(r.co2_kg, 19.705532, 1e-9);
	ck_assert_str_eq(r.assumptions[0].field, "instance_scope");
	ck_assert_str_eq(r.assumptions[0].value, "whole machine");
	/* Two instances for 10 h count twice the machine. */
	run.devices[0].count = 2;
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.power_w, 2 * 4478.53, 1e-9);
	/* --devices-only: the accelerators alone, as before. */
	run.devices[0].count = CO2_UNSET;
	ck_assert_int_eq(co2_run_set(&run, "devices-only", NULL, &err), CO2_OK);
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(r.n_parts, 1);
	ck_assert_double_eq(r.power_w, 3200);
	/* ML CO2 Impact keeps its GPU-only figure, and says so. */
	run.devices_only = 0;
	run.method = CO2_METHOD_MLCO2;
	run.devices[0].name = "p3.2xlarge";
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(r.n_parts, 1);
	ck_assert_str_eq(r.assumptions[0].field, "instance_scope");
	ck_assert_str_eq(r.assumptions[0].value, "accelerators only");
}
END_TEST

/* --cpu alone counts the whole package at its TDP, times the sockets; --cores N counts N
 * cores at TDP / cores; --cpu-power needs --cores; a GPU is not a CPU. EPYC 7763: 280 W,
 * 64 cores (AMD's specifications); Xeon Platinum 8480+: 350 W, 56 cores (Intel ARK). */
START_TEST(a_cpu_counts_its_whole_package_or_the_cores_given)
{
	co2_run run;
	co2_run_init(&run);
	ck_assert_int_eq(co2_run_set(&run, "cpu", "AMD EPYC 7763", NULL), CO2_OK);
	run.hours = 1;
	run.intensity_g_per_kwh = 100;
	run.pue = 1;
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.power_w, 280, 1e-9);
	ck_assert_str_eq(r.assumptions[0].field, "cpu_package");
	ck_assert_int_eq(co2_run_set(&run, "sockets", "2", &err), CO2_OK);
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.power_w, 560, 1e-9);
	ck_assert_int_eq(co2_run_set(&run, "cpu", "Intel Xeon Platinum 8480+", NULL), CO2_OK);
	ck_assert_int_eq(co2_run_set(&run, "cores", "56", NULL), CO2_OK);
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.power_w, 350, 1e-9); /* 56 x 350 / 56 */
	ck_assert_int_eq(co2_run_set(&run, "cores", "8", NULL), CO2_OK);
	ck_assert_msg(co2_estimate(builtin, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.power_w, 50, 1e-9); /* 8 x 6.25 W */
	/* --cpu-power without --cores */
	co2_run_init(&run);
	co2_run_set(&run, "cpu", "AMD EPYC 7763", NULL);
	co2_run_set(&run, "cpu-power", "4", NULL);
	run.hours = 1;
	run.location = "FR";
	ck_assert_int_eq(co2_estimate(builtin, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "cpu-power");
	/* a GPU named as a CPU */
	co2_run_init(&run);
	co2_run_set(&run, "cpu", "RTX 4090", NULL);
	run.hours = 1;
	run.location = "FR";
	ck_assert_int_eq(co2_estimate(builtin, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "cpu: 'NVIDIA GeForce RTX 4090' is a gpu, not a CPU: give it "
	                              "with --hardware (spec key hardware)");
}
END_TEST

/* Version 4 appended the embodied settings to the run and the embodied range and parts
 * to the result: a program built against the version-3 headers keeps working (its
 * embodied_kg, a field of version 2, is filled), and nothing past its structs is
 * written. */
START_TEST(a_caller_of_version_3_still_works_with_version_4)
{
	run_buf ub;
	result_buf rb;
	size_t run3 = CO2__RUN_V3_SIZE, res3 = CO2__RESULT_V3_SIZE;
	ck_assert_uint_ge(run3, offsetof(co2_run, site) + sizeof(co2_site));
	ck_assert_uint_ge(res3, offsetof(co2_result, n_assumptions) + sizeof(size_t));
	co2_error err;
	old_caller_bert(&ub, &rb, 3, run3, res3, &err);
	/* 4 chips x 96 h x (150 + 2500 / 8) kg / (6 x 8760 x 0.85) h = 3.97529 kg */
	ck_assert_double_eq_tol(rb.r.embodied_kg, 384 * 462.5 / 44676.0, 1e-9);
	ck_assert_int_eq(rb.r.site, CO2_SITE_CLOUD);
	ck_assert_uint_eq(rb.r.version, 3);
	ck_assert_uint_eq(rb.r.size, res3);
	ck_assert(untouched(rb.bytes, res3, sizeof rb.bytes));
	ck_assert(untouched(ub.bytes, run3, sizeof ub.bytes));
	/* The keys the old layout has no room for are refused, not written past its end. */
	static const char *const keys[] = { "devices-only", "sockets", "lifetime-years",
		"use-share", "embodied-kg", "include-embodied" };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		ck_assert_int_eq(co2_run_set(&ub.r, keys[i], "1", &err), CO2_ERR_INVALID);
		ck_assert_ptr_nonnull(strstr(err.message, "version 3"));
	}
	ck_assert(untouched(ub.bytes, run3, sizeof ub.bytes));
	/* Its reports read the fields it lacks as none: no embodied range. */
	char *out = NULL;
	ck_assert_int_eq(co2_report(&out, NULL, &rb.r, CO2_FORMAT_TEXT, 0, &err), CO2_OK);
	co2_free(out);
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
	tcase_add_test(t, run_keys_read_digit_groups_and_refuse_a_comma_with_both_readings);
	tcase_add_test(t, times_are_read_as_durations_and_other_numbers_are_not);
	tcase_add_test(t, a_declared_intensity_below_5_warns_and_the_datas_own_never_does);
	tcase_add_test(t, warnings_past_the_limit_are_counted_not_kept);
	tcase_add_test(t, a_mixed_precision_speed_up_below_1_warns);
	tcase_add_test(t, conflicts_and_missing_inputs_are_named);
	tcase_add_test(t, unknown_and_ambiguous_names_suggest_candidates);
	tcase_add_test(t, method_names_parse);
	tcase_add_test(t, a_run_from_a_newer_header_is_refused_naming_the_version);
	tcase_add_test(t, a_run_or_result_never_initialised_is_refused);
	tcase_add_test(t, more_devices_than_the_array_holds_are_refused);
	tcase_add_test(t, initialisers_and_results_write_no_more_than_the_callers_size);
	tcase_add_test(t, a_caller_of_version_2_still_works_with_version_3);
	tcase_add_test(t, an_instance_counts_its_whole_machine_under_the_default_method);
	tcase_add_test(t, a_cpu_counts_its_whole_package_or_the_cores_given);
	tcase_add_test(t, a_caller_of_version_3_still_works_with_version_4);
	tcase_add_test(t, a_current_result_is_computed_whole);
	tcase_add_test(t, version_macros_agree_with_the_library);
	tcase_add_test(t, numbers_for_people_are_never_in_exponent_notation);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(estimate_suite)
