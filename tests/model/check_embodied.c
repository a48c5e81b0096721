/* src/model/embodied.c: the hardware's manufacturing emissions, amortised over its life,
 * beside the operational figure. Every expected figure is worked out by hand in the
 * comment above it from data/co2calc/embodied.yaml (and embodied-instances.yaml). */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"
#include "model/model.h"
#include "formats/report_internal.h"

/* db: the built-in data, opened by setup() and closed by teardown(). */
CO2_TEST_DEFAULT_DB

/* Hours of use in the default life: 6 years x 8760 h x 0.85. */
#define LIFE_H (6 * 8760.0 * 0.85) /* 44676 */

static co2_run gpus(const char *name, double count, double hours, const char *location)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, name, count, CO2_UNSET);
	run.hours = hours;
	run.location = location;
	return run;
}

static co2_result estimate(const co2_run *run)
{
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(db, run, &r, &err) == CO2_OK, "%s", err.message);
	return r;
}

static const co2_assumption *assumed(const co2_result *r, const char *field)
{
	for (size_t i = 0; i < r->n_assumptions; i++)
		if (strcmp(r->assumptions[i].field, field) == 0)
			return &r->assumptions[i];
	return NULL;
}

static size_t embodied_spreads(const co2_result *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_spreads; i++)
		n += r->spreads[i].stage == CO2_STAGE_EMBODIED;
	return n;
}

/* Luccioni, Viguier, Ligozat 2022: BLOOM's final training, 1,082,990 A100 GPU-hours on
 * 8-GPU servers; 150 kg per GPU, 2,500 kg per server, 6 years, 85 % use: 11.2 t.
 * (150 + 2500 / 8) x 1082990 / 44676 = 462.5 x 1082990 / 44676 = 11211.45 kg. */
START_TEST(bloom_published_inputs_give_the_papers_11_2_t)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "NVIDIA A100-SXM4-80GB", CO2_UNSET, CO2_UNSET);
	run.devices[0].count = CO2_UNSET;
	run.devices[0].device_hours = 1082990;
	run.location = "FR";
	co2_result r = estimate(&run);
	ck_assert_double_eq_tol(r.embodied_kg, 462.5 * 1082990 / LIFE_H, 1e-6);
	ck_assert_double_eq_tol(r.embodied_kg, 11211.45, 0.01);
	/* The check: within a factor of two of the paper's 11.2 t. */
	ck_assert(r.embodied_kg > 11200.0 / 2 && r.embodied_kg < 11200.0 * 2);
	ck_assert_uint_eq(r.n_embodied_parts, 1);
	ck_assert_double_eq(r.embodied_parts[0].unit_kg, 150);
	ck_assert_double_eq(r.embodied_parts[0].host_kg, 2500);
	ck_assert_double_eq(r.embodied_parts[0].hosts_per_unit, 0.125);
	ck_assert_double_eq(r.embodied_parts[0].unit_hours, 1082990);
	ck_assert_str_eq(r.embodied_parts[0].unit, "device");
	ck_assert_double_eq(r.lifetime_years, 6);
	ck_assert_double_eq(r.use_share, 0.85);
	/* The device has its own figure: nothing assumed about it; lifetime and use share
	 * were not given. */
	ck_assert_ptr_null(assumed(&r, "embodied"));
	ck_assert_str_eq(assumed(&r, "lifetime")->value, "6 years");
	ck_assert_str_eq(assumed(&r, "use_share")->value, "0.85");
	/* Three spreads: manufacturing x0.625-x1.6, lifetime x1-x1.5 (6 / 4 years), use share
	 * x0.85-x1.7 (0.85 / 1, 0.85 / 0.5). ln high: sqrt(ln1.6^2 + ln1.5^2 + ln1.7^2). */
	ck_assert_uint_eq(embodied_spreads(&r), 3);
	double hi = exp(sqrt(pow(log(1.6), 2) + pow(log(1.5), 2) + pow(log(1.7), 2)));
	double lo = exp(-sqrt(pow(log(0.625), 2) + pow(log(0.85), 2)));
	ck_assert_double_eq_tol(r.embodied_range_kg.high, r.embodied_kg * hi, 1e-6);
	ck_assert_double_eq_tol(r.embodied_range_kg.low, r.embodied_kg * lo, 1e-6);
	ck_assert_double_eq(r.embodied_range_kg.central, r.embodied_kg);
}
END_TEST

/* Beside, never added: the operational figure and its range do not move. */
START_TEST(the_embodied_figure_is_never_in_the_emissions)
{
	co2_run run = gpus("NVIDIA H100 SXM5", 8, 10, "US");
	co2_result r = estimate(&run);
	double co2 = r.co2_kg;
	co2_range rg = r.co2_range_kg;
	/* 8 x 700 W x 10 h x PUE 1.56 = 87.36 kWh */
	ck_assert_double_eq_tol(r.energy_kwh, 87.36, 1e-9);
	ck_assert_double_eq_tol(co2, r.energy_kwh * r.intensity_g_per_kwh / 1000.0, 1e-9);
	run.embodied_kg = 10000;
	co2_result r2 = estimate(&run);
	ck_assert_double_eq(r2.co2_kg, co2);
	ck_assert_double_eq(r2.co2_range_kg.low, rg.low);
	ck_assert_double_eq(r2.co2_range_kg.high, rg.high);
	ck_assert(r2.embodied_kg > r.embodied_kg);
}
END_TEST

/* NVIDIA's HGX H100 footprint: 1,312 kg per 8-GPU baseboard, 164 kg per GPU; the host
 * 2,500 kg per 8 devices. 8 GPUs for 10 h: (164 + 312.5) x 80 / 44676 = 0.853255 kg. */
START_TEST(h100_takes_nvidias_baseboard_footprint)
{
	co2_run run = gpus("H100 SXM5", 8, 10, "US");
	co2_result r = estimate(&run);
	ck_assert_double_eq_tol(r.embodied_kg, 476.5 * 80 / LIFE_H, 1e-9);
	ck_assert_double_eq(r.embodied_parts[0].unit_kg, 164);
	ck_assert_ptr_nonnull(strstr(r.embodied_parts[0].unit_source, "HGX-H100-PCF"));
}
END_TEST

/* A device without its own figure: the generic one stands in, and is assumed. An L4 for
 * 100 h: (150 + 312.5) x 100 / 44676 = 1.035231 kg. */
START_TEST(a_device_without_a_figure_takes_the_generic_one_and_says_so)
{
	co2_run run = gpus("NVIDIA L4", 1, 100, "DE");
	co2_result r = estimate(&run);
	ck_assert_double_eq_tol(r.embodied_kg, 462.5 * 100 / LIFE_H, 1e-9);
	const co2_assumption *a = assumed(&r, "embodied");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->value, "150 kg per device");
}
END_TEST

/* Declared: lifetime 4 years, use share 1, 500 kg per device (host included): no
 * assumption and no spread. 2 devices x 10 h: 500 x 20 / (4 x 8760) = 0.285388 kg. */
START_TEST(declared_lifetime_use_share_and_figure_replace_the_data)
{
	co2_run run = gpus("NVIDIA A100 SXM4 80GB", 2, 10, "FR");
	co2_error err;
	ck_assert_int_eq(co2_run_set(&run, "lifetime-years", "4", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&run, "use_share", "1", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&run, "embodied-kg", "500", &err), CO2_OK);
	co2_result r = estimate(&run);
	ck_assert_double_eq_tol(r.embodied_kg, 500.0 * 20 / (4 * 8760.0), 1e-12);
	ck_assert_double_eq(r.embodied_parts[0].host_kg, 0);
	ck_assert_str_eq(r.embodied_parts[0].unit_source, "declared by the user");
	ck_assert_str_eq(r.lifetime_source, "declared by the user");
	ck_assert_ptr_null(assumed(&r, "lifetime"));
	ck_assert_ptr_null(assumed(&r, "use_share"));
	ck_assert_ptr_null(assumed(&r, "embodied"));
	ck_assert_uint_eq(embodied_spreads(&r), 0);
	ck_assert_double_eq(r.embodied_range_kg.low, r.embodied_kg);
	ck_assert_double_eq(r.embodied_range_kg.high, r.embodied_kg);
	/* Only the lifetime declared: the use share's and the figure's spreads stay. */
	co2_run run2 = gpus("NVIDIA A100 SXM4 80GB", 2, 10, "FR");
	run2.lifetime_years = 5;
	co2_result r2 = estimate(&run2);
	ck_assert_uint_eq(embodied_spreads(&r2), 2);
	/* (150 + 312.5) x 20 / (5 x 8760 x 0.85) */
	ck_assert_double_eq_tol(r2.embodied_kg, 462.5 * 20 / (5 * 8760 * 0.85), 1e-12);
}
END_TEST

/* Out of range: named by the flag. */
START_TEST(bad_lifetime_use_share_and_figure_are_refused)
{
	co2_error err;
	co2_result r;
	co2_result_init(&r);
	co2_run run = gpus("NVIDIA A100 SXM4 80GB", 2, 10, "FR");
	run.lifetime_years = 0;
	ck_assert_int_eq(co2_estimate(db, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "lifetime-years");
	run.lifetime_years = CO2_UNSET;
	run.use_share = 1.5;
	ck_assert_int_eq(co2_estimate(db, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "use-share");
	run.use_share = CO2_UNSET;
	run.embodied_kg = 2e6;
	ck_assert_int_eq(co2_estimate(db, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "embodied-kg");
	ck_assert_int_eq(co2_run_set(&run, "use-share", "-0.5", &err), CO2_ERR_INVALID);
	ck_assert_int_eq(co2_run_set(&run, "include-embodied", "perhaps", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "include_embodied: expected true or false, got 'perhaps'");
	ck_assert_int_eq(co2_run_set(&run, "include-embodied", NULL, &err), CO2_OK);
	ck_assert_int_eq(run.include_embodied, 1);
	ck_assert_int_eq(co2_run_set(&run, "include_embodied", "false", &err), CO2_OK);
	ck_assert_int_eq(run.include_embodied, 0);
}
END_TEST

/* A cloud instance type Cloud Carbon Footprint covers: its vCPUs' share of the whole
 * host. p4d.24xlarge is the whole host (96 of 96 vCPUs), 4,676.79 kg; 10 h:
 * 4676.79 x 10 / 44676 = 1.046824 kg. */
START_TEST(an_instance_takes_its_share_of_the_whole_host)
{
	co2_run run = gpus("aws:p4d.24xlarge", CO2_UNSET, 10, NULL);
	run.location = NULL;
	run.region = "aws:us-east-1";
	co2_result r = estimate(&run);
	ck_assert_double_eq_tol(r.embodied_kg, 4676.79 * 10 / LIFE_H, 1e-9);
	ck_assert_str_eq(r.embodied_parts[0].unit, "instance");
	ck_assert_str_eq(r.embodied_parts[0].label, "aws:p4d.24xlarge");
	ck_assert_double_eq(r.embodied_parts[0].hosts_per_unit, 1);
	/* p3.2xlarge: 8 of the host's 72 vCPUs (instances.yaml), 3,543.79 kg; 2 instances
	 * for 5 h: 3543.79 x 8 / 72 x 10 / 44676 = 0.088136 kg. */
	co2_run run2 = gpus("aws:p3.2xlarge", 2, 5, NULL);
	run2.region = "aws:us-east-1";
	co2_result r2 = estimate(&run2);
	ck_assert_double_eq_tol(r2.embodied_kg, 3543.79 * 8.0 / 72 * 10 / LIFE_H, 1e-9);
	ck_assert_double_eq(r2.embodied_parts[0].unit_hours, 10);
}
END_TEST

/* CPU cores alone: their share of a two-socket server (1,610.79 kg, Cloud Carbon
 * Footprint's m5.metal). 32 of an EPYC 7763's 64 cores for 10 h: 320 core-hours x
 * 1610.79 / 128 / 44676 = 0.090131 kg. With accelerators, the accelerators' host holds
 * the CPUs and memory: nothing more. */
START_TEST(cpu_cores_take_their_share_of_a_server_unless_accelerators_hold_them)
{
	co2_run run;
	co2_run_init(&run);
	co2_error err;
	ck_assert_int_eq(co2_run_set(&run, "cpu", "AMD EPYC 7763", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&run, "cores", "32", &err), CO2_OK);
	run.hours = 10;
	run.location = "DE";
	co2_result r = estimate(&run);
	ck_assert_double_eq_tol(r.embodied_kg, 320 * 1610.79 / 128 / LIFE_H, 1e-12);
	ck_assert_str_eq(r.embodied_parts[0].unit, "core");
	ck_assert_int_eq(co2_run_set(&run, "hardware", "NVIDIA A100 SXM4 80GB", &err), CO2_OK);
	ck_assert_int_eq(co2_run_set(&run, "count", "8", &err), CO2_OK);
	run.memory_gb = 512;
	co2_result r2 = estimate(&run);
	ck_assert_uint_eq(r2.n_embodied_parts, 1);
	ck_assert_double_eq_tol(r2.embodied_kg, 462.5 * 80 / LIFE_H, 1e-12);
}
END_TEST

/* At home: the desktop (277 kg) around the GPUs, one machine for the group, and the
 * generic GPU figure. 2 x RTX 4090 for 10 h: (150 + 277 / 2) x 20 / 44676 =
 * 0.129152 kg. */
START_TEST(a_desktop_counts_one_desktop_around_its_gpus)
{
	co2_run run = gpus("RTX 4090", 2, 10, "DE");
	run.site = CO2_SITE_DESKTOP;
	co2_result r = estimate(&run);
	ck_assert_double_eq_tol(r.embodied_kg, (150 + 277 / 2.0) * 20 / LIFE_H, 1e-12);
	ck_assert_double_eq(r.embodied_parts[0].host_kg, 277);
}
END_TEST

/* Repeats: the hardware was used as many times longer. 3 repeats of 1 L4 for 100 h. */
START_TEST(repeats_multiply_the_embodied_figure)
{
	co2_run run = gpus("NVIDIA L4", 1, 100, "DE");
	run.repeats = 3;
	co2_result r = estimate(&run);
	ck_assert_double_eq_tol(r.embodied_kg, 462.5 * 300 / LIFE_H, 1e-9);
}
END_TEST

/* No figure at all: a device given by its power alone, or a measured energy without
 * hours. The figure is unknown (CO2_UNSET, JSON null), not 0. */
START_TEST(no_figure_leaves_the_embodied_figure_unknown)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, NULL, 2, CO2_UNSET);
	run.devices[0].power_w = 300;
	run.hours = 10;
	run.location = "FR";
	co2_result r = estimate(&run);
	ck_assert_double_eq(r.embodied_kg, CO2_UNSET);
	ck_assert_double_eq(r.embodied_range_kg.central, CO2_UNSET);
	ck_assert_uint_eq(r.n_embodied_parts, 0);
	ck_assert_ptr_null(assumed(&r, "lifetime"));
	char *json = NULL;
	co2_error err;
	ck_assert_int_eq(co2_report(&json, NULL, &r, CO2_FORMAT_JSON, 0, &err), CO2_OK);
	ck_assert_ptr_nonnull(strstr(json, "\"embodied_kg\": null, \"embodied_range_kg\": null"));
	co2_free(json);
	/* A measured energy: no device-hours to spread the figure over. */
	co2_run e;
	co2_run_init(&e);
	e.energy_kwh = 100;
	e.location = "FR";
	co2_result r2 = estimate(&e);
	ck_assert_double_eq(r2.embodied_kg, CO2_UNSET);
}
END_TEST

/* The model card's emissions are operational unless asked; then the source says so.
 * 8 x H100 SXM5, 10 h, US: embodied 38120 / 44676 = 0.85325499 kg = 853.25 g. */
START_TEST(the_model_card_adds_the_embodied_figure_only_when_asked)
{
	co2_run run = gpus("NVIDIA H100 SXM5", 8, 10, "US");
	co2_result r = estimate(&run);
	char *block = NULL;
	co2_error err;
	char want[64], g[32];
	ck_assert_int_eq(co2_card_block(&block, NULL, &r, &run, db, &err), CO2_OK);
	snprintf(want, sizeof want, "emissions: %s\n", co2_format_double(g, co2__card_grams(r.co2_kg)));
	ck_assert_msg(strstr(block, want), "%s", block);
	ck_assert_ptr_null(strstr(block, "embodied"));
	co2_free(block);
	run.include_embodied = 1;
	ck_assert_int_eq(co2_card_block(&block, NULL, &r, &run, db, &err), CO2_OK);
	snprintf(want, sizeof want, "emissions: %s\n",
	         co2_format_double(g, co2__card_grams(r.co2_kg + r.embodied_kg)));
	ck_assert_msg(strstr(block, want), "%s", block);
	ck_assert_msg(strstr(block, "plus embodied 853.25 g (making the hardware, amortised over 6 "
	                            "years at a use share of 0.85)"), "%s", block);
	co2_free(block);
}
END_TEST

static Suite *embodied_suite(void)
{
	Suite *s = suite_create("embodied");
	TCase *t = tcase_create("embodied");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, bloom_published_inputs_give_the_papers_11_2_t);
	tcase_add_test(t, the_embodied_figure_is_never_in_the_emissions);
	tcase_add_test(t, h100_takes_nvidias_baseboard_footprint);
	tcase_add_test(t, a_device_without_a_figure_takes_the_generic_one_and_says_so);
	tcase_add_test(t, declared_lifetime_use_share_and_figure_replace_the_data);
	tcase_add_test(t, bad_lifetime_use_share_and_figure_are_refused);
	tcase_add_test(t, an_instance_takes_its_share_of_the_whole_host);
	tcase_add_test(t, cpu_cores_take_their_share_of_a_server_unless_accelerators_hold_them);
	tcase_add_test(t, a_desktop_counts_one_desktop_around_its_gpus);
	tcase_add_test(t, repeats_multiply_the_embodied_figure);
	tcase_add_test(t, no_figure_leaves_the_embodied_figure_unknown);
	tcase_add_test(t, the_model_card_adds_the_embodied_figure_only_when_asked);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(embodied_suite)
