/* src/model/market.c: the market-based figure (GHG Protocol Scope 2) beside the
 * location-based one. Expected figures worked out by hand from data/co2calc/regions.yaml
 * (Google's 2024 CFE per region, the providers' yearly renewable matching) and
 * data/co2calc/residual-mixes.yaml (AIB 2023). */
#include <math.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

/* db: the built-in data, opened by setup() and closed by teardown(). */
CO2_TEST_DEFAULT_DB

static co2_result run_in(const char *hardware, double count, double hours, const char *region,
                         const char *location, co2_method method)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, hardware, count, CO2_UNSET);
	run.hours = hours;
	run.region = region;
	run.location = location;
	run.method = method;
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(db, &run, &r, &err) == CO2_OK, "%s", err.message);
	return r;
}

/* BERT-base under the default method in gcp:asia-east1: 4 x 221 W x 96 h x PUE 1.13 =
 * 95.89632 kWh at 439.29 g/kWh (location-based: 42.13 kg). Google's CFE there was 17 % in
 * 2024; Taiwan has no residual mix in the data, so the rest is at 439.29 g/kWh:
 * 95.89632 x 0.83 x 0.43929 = 34.96482 kg. */
START_TEST(a_google_region_counts_its_hourly_carbon_free_share)
{
	co2_result r = run_in("TPU v2", 4, 96, "gcp:asia-east1", NULL, CO2_METHOD_DEFAULT);
	ck_assert_double_eq_tol(r.energy_kwh, 95.89632, 1e-9);
	ck_assert_double_eq_tol(r.co2_kg, 95.89632 * 0.43929, 1e-9);
	ck_assert_double_eq_tol(r.market_co2_kg, 95.89632 * 0.83 * 0.43929, 1e-9);
	ck_assert_double_eq_tol(r.market_co2_kg, 34.96482, 1e-5);
	ck_assert_double_eq(r.market_basis.covered_percent, 17);
	ck_assert_int_eq(r.market_basis.year, 2024);
	ck_assert_ptr_nonnull(strstr(r.market_basis.source, "Google CFE of region asia-east1"));
	ck_assert_double_eq(r.market_basis.uncovered_g_per_kwh, 439.29);
	ck_assert_str_eq(r.market_basis.uncovered_basis,
	                 "location-based intensity: no residual mix in the data");
}
END_TEST

/* gcp:europe-west3 (Frankfurt): CFE 68 % in 2024; the rest at Germany's residual mix,
 * 719.9 g CO2/kWh (AIB 2023). 8 x A100 SXM4 80GB x 400 W x 100 h x PUE 1.1 = 352 kWh:
 * 352 x 0.32 x 0.7199 = 81.089536 kg, against 352 x 0.27582 = 97.08864 kg location-based. */
START_TEST(the_uncovered_share_is_counted_at_the_residual_mix_where_published)
{
	co2_result r = run_in("NVIDIA A100 SXM4 80GB", 8, 100, "gcp:europe-west3", NULL,
	                      CO2_METHOD_DEFAULT);
	ck_assert_double_eq_tol(r.energy_kwh, 352, 1e-9);
	ck_assert_double_eq_tol(r.co2_kg, 97.08864, 1e-9);
	ck_assert_double_eq_tol(r.market_co2_kg, 352 * 0.32 * 0.7199, 1e-9);
	ck_assert_str_eq(r.market_basis.uncovered_basis, "residual mix");
	ck_assert_int_eq(r.market_basis.uncovered_year, 2023);
	ck_assert_ptr_nonnull(strstr(r.market_basis.uncovered_source, "European Residual Mixes 2023"));
}
END_TEST

/* AWS and Azure match 100 % of their electricity over a year (Amazon 2023, Microsoft
 * 2025): market-based 0, the location-based figure unchanged. */
START_TEST(a_provider_matching_all_its_electricity_gives_zero)
{
	co2_result r = run_in("NVIDIA A100 SXM4 80GB", 8, 100, "aws:us-east-1", NULL,
	                      CO2_METHOD_DEFAULT);
	ck_assert_double_eq(r.market_co2_kg, 0);
	ck_assert(r.co2_kg > 0);
	ck_assert_double_eq(r.market_basis.covered_percent, 100);
	ck_assert_int_eq(r.market_basis.year, 2023);
	ck_assert_ptr_nonnull(strstr(r.market_basis.source, "Amazon 2023 Sustainability Report"));
	ck_assert_str_eq(r.market_basis.covers, "the provider's yearly renewable energy matching");
	co2_result z = run_in("NVIDIA A100 SXM4 80GB", 8, 100, "azure:westeurope", NULL,
	                      CO2_METHOD_DEFAULT);
	ck_assert_double_eq(z.market_co2_kg, 0);
	ck_assert_int_eq(z.market_basis.year, 2025);
}
END_TEST

/* No provider figure (Oracle), or no provider at all (a location): no market-based
 * figure, not 0; JSON null. */
START_TEST(no_provider_figure_means_no_market_based_figure)
{
	co2_result r = run_in("NVIDIA A100 SXM4 80GB", 8, 100, "oracle:eu-frankfurt-1", NULL,
	                      CO2_METHOD_DEFAULT);
	ck_assert_double_eq(r.market_co2_kg, CO2_UNSET);
	ck_assert_ptr_null(r.market_basis.source);
	co2_result l = run_in("NVIDIA A100 SXM4 80GB", 8, 100, NULL, "DE", CO2_METHOD_DEFAULT);
	ck_assert_double_eq(l.market_co2_kg, CO2_UNSET);
	char *json = NULL;
	co2_error err;
	ck_assert_int_eq(co2_report(&json, NULL, &l, CO2_FORMAT_JSON, 0, &err), CO2_OK);
	ck_assert_ptr_nonnull(strstr(json, "\"market_co2_kg\": null, \"market_basis\": null"));
	co2_free(json);
}
END_TEST

/* Offsets are not market-based instruments: ML CO2 Impact's table says Google offsets
 * 100 % of asia-east1, and the market-based figure still counts the 83 % Google's CFE
 * leaves uncovered. Under ML CO2 Impact the energy (84.86 kWh) and intensity (0.56 kg/kWh)
 * are the method's: 84.86 x 0.83 x 0.56 = 39.443 kg; the headline stays 47.52 kg. */
START_TEST(offsets_are_not_subtracted)
{
	co2_result r = run_in("TPU v2", 4, 96, "gcp:asia-east1", NULL, CO2_METHOD_MLCO2);
	ck_assert_double_eq(r.offset_percent, 100);
	ck_assert_double_eq(r.co2_kg, 47.52);
	ck_assert_double_eq_tol(r.market_co2_kg, 84.86 * 0.83 * 0.56, 1e-9);
	char *text = NULL;
	co2_error err;
	ck_assert_int_eq(co2_report(&text, NULL, &r, CO2_FORMAT_TEXT, 0, &err), CO2_OK);
	ck_assert_ptr_null(strstr(text, "offset by the provider"));
	ck_assert_ptr_nonnull(strstr(text, "  Market-based 39.44 kg CO2eq"));
	co2_free(text);
}
END_TEST

/* A declared location under a region: its country's residual mix. gcp:us-central1 (CFE
 * 87 %, PUE 1.11) with --location FR: 1 x A100 SXM4 80GB, 400 W x 10 h x 1.11 = 4.44 kWh;
 * the rest at France's residual mix 40.74 g/kWh: 4.44 x 0.13 x 0.04074 = 0.023515 kg. */
START_TEST(the_residual_mix_is_the_grid_the_run_is_on)
{
	co2_result r = run_in("NVIDIA A100 SXM4 80GB", 1, 10, "gcp:us-central1", "FR",
	                      CO2_METHOD_DEFAULT);
	ck_assert_double_eq_tol(r.energy_kwh, 4.44, 1e-12);
	ck_assert_double_eq_tol(r.market_co2_kg, 4.44 * 0.13 * 0.04074, 1e-12);
	ck_assert_double_eq(r.market_basis.uncovered_g_per_kwh, 40.74);
}
END_TEST

static Suite *market_suite(void)
{
	Suite *s = suite_create("market");
	TCase *t = tcase_create("market");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, a_google_region_counts_its_hourly_carbon_free_share);
	tcase_add_test(t, the_uncovered_share_is_counted_at_the_residual_mix_where_published);
	tcase_add_test(t, a_provider_matching_all_its_electricity_gives_zero);
	tcase_add_test(t, no_provider_figure_means_no_market_based_figure);
	tcase_add_test(t, offsets_are_not_subtracted);
	tcase_add_test(t, the_residual_mix_is_the_grid_the_run_is_on);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(market_suite)
