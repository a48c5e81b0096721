/* src/model/range.c and the estimate's spreads, sites and assumptions: how sure a result
 * is, and what it assumed. Expected figures are worked out here from the data's
 * constants (read through the public API), not taken from the code under test. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

/* db: the built-in data, opened by setup() and closed by teardown(). */
CO2_TEST_DEFAULT_DB

static double k(const char *name)
{
	const co2_constant *c = co2_db_constant(db, CO2_EDITION_DEFAULT, name);
	ck_assert_msg(c != NULL, "the data has no constant %s", name);
	return c->value;
}

static const co2_assumption *assumed(const co2_result *r, const char *field)
{
	for (size_t i = 0; i < r->n_assumptions; i++)
		if (strcmp(r->assumptions[i].field, field) == 0)
			return &r->assumptions[i];
	return NULL;
}

static const co2_spread *spread(const co2_result *r, const char *factor)
{
	for (size_t i = 0; i < r->n_spreads; i++)
		if (strcmp(r->spreads[i].factor, factor) == 0)
			return &r->spreads[i];
	return NULL;
}

static void estimate(co2_run *run, co2_result *r)
{
	co2_error err;
	ck_assert_msg(co2_estimate(db, run, r, &err) == CO2_OK, "%s", err.message);
}

/* 2 x RTX 4090 (450 W board power), 10 h, Germany: the fine-tune at home. */
static co2_run home_run(co2_site site)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "RTX 4090", 2, CO2_UNSET);
	run.hours = 10;
	run.location = "DE";
	run.site = site;
	return run;
}

START_TEST(a_location_alone_is_a_data_centre_at_the_industry_average_pue)
{
	co2_run run = home_run(CO2_SITE_AUTO);
	co2_result r;
	co2_result_init(&r);
	estimate(&run, &r);
	ck_assert_int_eq(r.site, CO2_SITE_DATACENTER);
	ck_assert_double_eq(r.pue, k("pue_unknown"));
	/* 2 x 450 W x 10 h = 9 kWh, x 1.56 = 14.04 kWh, x 380.95 g/kWh = 5.3485 kg */
	ck_assert_double_eq_tol(r.energy_kwh, 14.04, 1e-9);
	ck_assert_double_eq_tol(r.co2_kg, 14.04 * 0.38095, 1e-9);
	const co2_assumption *a = assumed(&r, "site");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->value, "datacenter");
	a = assumed(&r, "pue");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->value, "1.56");
	ck_assert_ptr_nonnull(assumed(&r, "utilization"));
	ck_assert_ptr_nonnull(assumed(&r, "memory"));
	ck_assert_ptr_nonnull(assumed(&r, "intensity"));
}
END_TEST

START_TEST(a_desktop_has_pue_1_and_no_pue_spread)
{
	co2_run run = home_run(CO2_SITE_DESKTOP);
	co2_result r;
	co2_result_init(&r);
	estimate(&run, &r);
	ck_assert_int_eq(r.site, CO2_SITE_DESKTOP);
	ck_assert_double_eq(r.pue, 1.0);
	/* 9 kWh x 0.38095 kg/kWh = 3.42855 kg: the 3.43 kg */
	ck_assert_double_eq_tol(r.co2_kg, 3.42855, 1e-9);
	ck_assert_ptr_null(spread(&r, "PUE"));
	ck_assert_ptr_null(assumed(&r, "site"));
	ck_assert_ptr_null(assumed(&r, "pue"));
}
END_TEST

START_TEST(spreads_combine_in_log_space_not_as_worst_cases)
{
	co2_run run = home_run(CO2_SITE_AUTO);
	co2_result r;
	co2_result_init(&r);
	estimate(&run, &r);
	/* The four sources of spread of a board-power GPU alone in an unknown data centre. */
	double pue = k("pue_unknown");
	double dl = k("power_tdp_low"), dh = k("power_tdp_high");
	double hh = k("host_overhead_high");
	double pl = k("pue_unknown_low") / pue, ph = k("pue_unknown_high") / pue;
	double il = k("intensity_spread_low"), ih = k("intensity_spread_high");
	/* and three of the embodied figure, which the ranges above leave out */
	ck_assert_uint_eq(r.n_spreads, 4 + 3);
	ck_assert_ptr_nonnull(spread(&r, "manufacturing"));
	const co2_spread *s = spread(&r, "device power");
	ck_assert_ptr_nonnull(s);
	ck_assert_double_eq_tol(s->low, dl, 1e-12);
	ck_assert_double_eq_tol(s->high, dh, 1e-12);
	s = spread(&r, "host");
	ck_assert_ptr_nonnull(s);
	ck_assert_double_eq_tol(s->high, hh, 1e-12);
	double l2 = log(dl) * log(dl), h2 = log(dh) * log(dh) + log(hh) * log(hh);
	ck_assert_double_eq_tol(r.power_range_w.low, 900 * exp(-sqrt(l2)), 1e-9);
	ck_assert_double_eq_tol(r.power_range_w.high, 900 * exp(sqrt(h2)), 1e-9);
	l2 += log(pl) * log(pl);
	h2 += log(ph) * log(ph);
	ck_assert_double_eq_tol(r.energy_range_kwh.low, 14.04 * exp(-sqrt(l2)), 1e-9);
	ck_assert_double_eq_tol(r.energy_range_kwh.high, 14.04 * exp(sqrt(h2)), 1e-9);
	l2 += log(il) * log(il);
	h2 += log(ih) * log(ih);
	ck_assert_double_eq_tol(r.co2_range_kg.low, r.co2_kg * exp(-sqrt(l2)), 1e-9);
	ck_assert_double_eq_tol(r.co2_range_kg.high, r.co2_kg * exp(sqrt(h2)), 1e-9);
	ck_assert_double_eq(r.co2_range_kg.central, r.co2_kg);
	/* Narrower than the product of the worst cases; the README's widest case (chip,
	 * count, hours and location only): a factor 6.0 from low to high. */
	ck_assert(r.co2_range_kg.high < r.co2_kg * dh * hh * ph * ih);
	ck_assert(r.co2_range_kg.low > r.co2_kg * dl * pl * il);
	ck_assert_double_eq_tol(r.co2_range_kg.high / r.co2_range_kg.low, 6.04, 0.005);
	/* Declaring the utilization narrows it to a factor 3 or less. */
	run.devices[0].utilization = 0.6;
	estimate(&run, &r);
	ck_assert(r.co2_range_kg.high / r.co2_range_kg.low <= 3.0);
	ck_assert_ptr_null(assumed(&r, "utilization"));
}
END_TEST

START_TEST(a_run_that_declares_everything_assumes_nothing)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "RTX 4090", 2, 0.7);
	run.devices[0].power_w = 400;
	run.hours = 10;
	run.memory_gb = 64;
	run.intensity_g_per_kwh = 300;
	run.pue = 1.2;
	run.lifetime_years = 5;
	run.use_share = 0.9;
	run.embodied_kg = 300;
	co2_result r;
	co2_result_init(&r);
	estimate(&run, &r);
	ck_assert_uint_eq(r.n_assumptions, 0);
	ck_assert_uint_eq(r.n_spreads, 0);
	ck_assert_double_eq(r.co2_range_kg.low, r.co2_kg);
	ck_assert_double_eq(r.co2_range_kg.high, r.co2_kg);
	/* (2 x 400 x 0.7 + 64 x 0.3725) W x 10 h x 1.2 x 0.3 kg/kWh */
	ck_assert_double_eq_tol(r.co2_kg, (560 + 64 * 0.3725) * 10 / 1000 * 1.2 * 0.3, 1e-9);
	/* 300 kg x 20 device-hours / (5 x 8760 x 0.9) h, with no spread */
	ck_assert_double_eq_tol(r.embodied_kg, 300.0 * 20 / (5 * 8760 * 0.9), 1e-12);
	ck_assert_double_eq(r.embodied_range_kg.low, r.embodied_kg);
	ck_assert_double_eq(r.embodied_range_kg.high, r.embodied_kg);
}
END_TEST

START_TEST(mlco2_keeps_its_figure_and_its_range_spans_the_pue_it_leaves_out)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "TPU v2", 4, CO2_UNSET);
	run.hours = 96;
	run.region = "gcp:asia-east1";
	run.method = CO2_METHOD_MLCO2;
	co2_result r;
	co2_result_init(&r);
	estimate(&run, &r);
	ck_assert_double_eq(r.energy_kwh, 84.86);
	ck_assert_double_eq(r.co2_kg, 47.52);
	ck_assert_int_eq(r.site, CO2_SITE_CLOUD);
	const co2_spread *s = spread(&r, "PUE");
	ck_assert_ptr_nonnull(s);
	ck_assert_double_eq(s->low, 1.0);
	ck_assert(s->high > 1.0);
	/* TPU v2's figure is a measured average with the host: no host spread. */
	ck_assert_ptr_null(spread(&r, "host"));
	ck_assert(r.co2_range_kg.low < 47.52 && r.co2_range_kg.high > 47.52);
	const co2_assumption *a = assumed(&r, "pue");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->value, "1");
}
END_TEST

START_TEST(a_declared_energy_has_no_power_spread)
{
	co2_run run;
	co2_run_init(&run);
	run.energy_kwh = 100;
	run.location = "FR";
	run.pue = 1.1;
	co2_result r;
	co2_result_init(&r);
	estimate(&run, &r);
	double il = k("intensity_spread_low"), ih = k("intensity_spread_high");
	ck_assert_double_eq(r.energy_range_kwh.low, r.energy_kwh);
	ck_assert_double_eq(r.energy_range_kwh.high, r.energy_kwh);
	ck_assert_double_eq_tol(r.co2_range_kg.low, r.co2_kg * il, 1e-9);
	ck_assert_double_eq_tol(r.co2_range_kg.high, r.co2_kg * ih, 1e-9);
}
END_TEST

START_TEST(a_site_that_contradicts_a_region_is_refused)
{
	co2_run run = home_run(CO2_SITE_DESKTOP);
	run.location = NULL;
	run.region = "gcp:europe-west4";
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_int_eq(co2_estimate(db, &run, &r, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.field, "site");
	ck_assert_str_eq(err.message, "site: desktop contradicts the cloud region 'gcp:europe-west4'; "
	                              "a region means site cloud (drop the region and give a location "
	                              "instead)");
}
END_TEST

START_TEST(site_names_parse)
{
	co2_site s;
	co2_error err;
	ck_assert_int_eq(co2_site_parse(&s, "Data-Centre", &err), CO2_OK);
	ck_assert_int_eq(s, CO2_SITE_DATACENTER);
	ck_assert_int_eq(co2_site_parse(&s, "laptop", &err), CO2_OK);
	ck_assert_int_eq(s, CO2_SITE_DESKTOP);
	ck_assert_int_eq(co2_site_parse(&s, "garage", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "site: expected cloud, datacenter or desktop, got 'garage'");
	ck_assert_str_eq(co2_site_name(CO2_SITE_CLOUD), "cloud");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("range");
	TCase *tc = tcase_create("range");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_location_alone_is_a_data_centre_at_the_industry_average_pue);
	tcase_add_test(tc, a_desktop_has_pue_1_and_no_pue_spread);
	tcase_add_test(tc, spreads_combine_in_log_space_not_as_worst_cases);
	tcase_add_test(tc, a_run_that_declares_everything_assumes_nothing);
	tcase_add_test(tc, mlco2_keeps_its_figure_and_its_range_spans_the_pue_it_leaves_out);
	tcase_add_test(tc, a_declared_energy_has_no_power_spread);
	tcase_add_test(tc, a_site_that_contradicts_a_region_is_refused);
	tcase_add_test(tc, site_names_parse);
	suite_add_tcase(s, tc);
	return s;
}

CO2_CHECK_MAIN(make_suite)
