/* src/io/report*.c: every format, --explain, the cleanest region, what-if and compare.
 * Figures are computed by hand from the data: BERT-base on 4 TPU v2 for 96 h in
 * gcp:asia-east1 under ML CO2 Impact is 884 W x 96 h = 84.864 kWh -> 84.86 kWh,
 * x 0.56 kg/kWh = 47.52 kg; per chip 221 W x 96 h = 21.216 -> 21.22 kWh, x 0.56 = 11.88 kg. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

static co2_db *db;
static co2_run run;
static co2_result res;

static void setup(void)
{
	co2_error err;
	ck_assert_int_eq(co2_db_open_default(&db, &err), CO2_OK);
	co2_run_init(&run);
	co2_run_add_device(&run, "TPU v2", 4, CO2_UNSET);
	run.hours = 96;
	run.region = "gcp:asia-east1";
	run.method = CO2_METHOD_MLCO2;
	run.name = "bert-base-uncased";
	run.training_type = "pre-training";
	co2_result_init(&res);
	ck_assert_int_eq(co2_estimate(db, &run, &res, &err), CO2_OK);
}

static void teardown(void)
{
	co2_db_close(db);
}

static char *report(co2_format f, unsigned flags)
{
	char *out = NULL;
	co2_error err;
	ck_assert_msg(co2_report_run(&out, NULL, &res, &run, db, f, flags, &err) == CO2_OK, "%s", err.message);
	return out;
}

static void assert_has(const char *text, const char *want)
{
	ck_assert_msg(strstr(text, want) != NULL, "missing '%s' in:\n%s", want, text);
}

START_TEST(every_format_name_parses_back)
{
	for (int f = CO2_FORMAT_TEXT; f <= CO2_FORMAT_CSV; f++) {
		co2_format got;
		ck_assert_int_eq(co2_format_parse(&got, co2_format_name((co2_format)f), NULL), CO2_OK);
		ck_assert_int_eq(got, f);
	}
	co2_format got;
	co2_error err;
	ck_assert_int_eq(co2_format_parse(&got, "docx", &err), CO2_ERR_INVALID);
	assert_has(err.message, "model-card");
}
END_TEST

START_TEST(explain_shows_each_step_for_bert_base)
{
	char *t = report(CO2_FORMAT_TEXT, CO2_REPORT_EXPLAIN);
	assert_has(t, "4 x 221 W = 884 W");
	assert_has(t, "884 W x 96 h / 1000 = 84.864 kWh");
	assert_has(t, "rounds the energy to 2 decimals: 84.86 kWh");
	assert_has(t, "557 g CO2eq/kWh = 0.557 kg CO2eq/kWh");
	assert_has(t, "84.86 kWh x 0.56 kg CO2eq/kWh = 47.52 kg CO2eq");
	assert_has(t, "221 W x 96 h = 21.22 kWh");
	assert_has(t, "x 0.56 = 11.88 kg");
	assert_has(t, "source: measured average power, not TDP; Patterson et al. 2021");
	assert_has(t, "Total: 84.86 kWh, 47.52 kg CO2eq");
	co2_free(t);
}
END_TEST

START_TEST(json_carries_the_run_and_with_explain_the_steps)
{
	char *j = report(CO2_FORMAT_JSON, 0);
	assert_has(j, "{\"co2calc_version\": \"" CO2_VERSION_STRING "\", \"name\": \"bert-base-uncased\", "
	              "\"training_type\": \"pre-training\", \"method\": \"mlco2\"");
	ck_assert_ptr_null(strstr(j, "\"steps\""));
	co2_free(j);
	/* Without a run, the keys are there with null. */
	char *out = NULL;
	co2_error err;
	ck_assert_int_eq(co2_report(&out, NULL, &res, CO2_FORMAT_JSON, 0, &err), CO2_OK);
	assert_has(out, "\"name\": null, \"training_type\": null,");
	co2_free(out);
	/* The steps of the text --explain, each with its figure, unit and source. */
	j = report(CO2_FORMAT_JSON, CO2_REPORT_EXPLAIN);
	char *t = report(CO2_FORMAT_TEXT, CO2_REPORT_EXPLAIN);
	assert_has(j, "\"steps\": [{\"step\": 1, \"text\": \"Power of TPUv2 Chip: 4 x 221 W = 884 W\", \"value\": 884, "
	              "\"unit\": \"W\", \"source\": \"measured average power, not TDP; Patterson et al. 2021");
	assert_has(t, "  1. Power of TPUv2 Chip: 4 x 221 W = 884 W\n     source: measured average power, not TDP; Patterson");
	assert_has(j, "{\"step\": 1, \"text\": \"energy: 884 W x 96 h / 1000 = 84.864 kWh\", \"value\": 84.864, "
	              "\"unit\": \"kWh\", \"source\": null}");
	assert_has(t, "\n     energy: 884 W x 96 h / 1000 = 84.864 kWh\n");
	assert_has(j, "{\"step\": 3, \"text\": \"ML CO2 Impact rounds it to 2 decimals: 0.56 kg CO2eq/kWh\", "
	              "\"value\": 0.56, \"unit\": \"kg CO2eq/kWh\", \"source\": null}");
	assert_has(j, "{\"step\": 4, \"text\": \"Emissions: 84.86 kWh x 0.56 kg CO2eq/kWh = 47.52 kg CO2eq (rounded to 2 "
	              "decimals)\", \"value\": 47.52, \"unit\": \"kg CO2eq\", \"source\": null}");
	assert_has(t, "  4. Emissions: 84.86 kWh x 0.56 kg CO2eq/kWh = 47.52 kg CO2eq (rounded to 2 decimals)\n");
	assert_has(j, "{\"step\": 4, \"text\": \"per device: 221 W x 96 h = 21.22 kWh, x 0.56 = 11.88 kg CO2eq; x 4 devices "
	              "= 47.52 kg CO2eq\", \"value\": 11.88, \"unit\": \"kg CO2eq\", \"source\": null}]}\n");
	co2_free(t);
	co2_free(j);
}
END_TEST

START_TEST(small_figures_keep_three_significant_digits)
{
	/* 2 h of a T4 in France: 70 W x 2 h x PUE 1.56 = 0.2184 kWh, x 56.039 g/kWh =
	 * 0.01224 kg: 0.0122 kg, not 0.01. */
	co2_run small;
	co2_run_init(&small);
	co2_run_add_device(&small, "T4", 1, CO2_UNSET);
	small.hours = 2;
	small.location = "FR";
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_int_eq(co2_estimate(db, &small, &r, &err), CO2_OK);
	char *out = NULL;
	ck_assert_int_eq(co2_report_run(&out, NULL, &r, &small, db, CO2_FORMAT_TEXT, 0, &err), CO2_OK);
	assert_has(out, "  Energy       0.218 kWh");
	assert_has(out, "  Emissions    0.0122 kg CO2eq");
	ck_assert_ptr_null(strstr(out, "unrounded"));
	co2_free(out);
	ck_assert_int_eq(co2_report_run(&out, NULL, &r, &small, db, CO2_FORMAT_MARKDOWN, 0, &err), CO2_OK);
	assert_has(out, "| **Emissions** | **0.0122 kg CO2eq**");
	co2_free(out);
	/* From 1 up, as before: BERT-base's 47.52. */
	out = report(CO2_FORMAT_TEXT, 0);
	assert_has(out, "  Emissions    47.52 kg CO2eq");
	ck_assert_ptr_null(strstr(out, "unrounded"));
	co2_free(out);
	/* ML CO2 Impact's own 2 decimals, with the unrounded figures beside them:
	 * 70 W x 0.5 h = 0.035 kWh, x 566.3 g/kWh = 0.0198 kg; the method's 0.04 kWh x
	 * 0.57 kg/kWh = 0.02 kg. */
	small.hours = 0.5;
	small.location = NULL;
	small.region = "gcp:us-central1";
	small.method = CO2_METHOD_MLCO2;
	ck_assert_int_eq(co2_estimate(db, &small, &r, &err), CO2_OK);
	ck_assert_int_eq(co2_report_run(&out, NULL, &r, &small, db, CO2_FORMAT_TEXT, 0, &err), CO2_OK);
	assert_has(out, "  Emissions    0.02 kg CO2eq");
	assert_has(out, "rounded as ML CO2 Impact does (2 decimals); unrounded 0.035 kWh, 0.0198 kg CO2eq\n");
	co2_free(out);
	ck_assert_int_eq(co2_report_run(&out, NULL, &r, &small, db, CO2_FORMAT_LATEX, 0, &err), CO2_OK);
	assert_has(out, "0.02~kg\\,CO$_2$eq (ML CO2 Impact's figures, rounded to 2 decimals: 0.035~kWh and 0.0198~kg unrounded; likely");
	co2_free(out);
}
END_TEST

START_TEST(where_says_what_was_declared)
{
	/* A region with a location of another grid: that grid, as given, for a run there. */
	co2_run moved;
	co2_run_init(&moved);
	co2_run_add_device(&moved, "T4", 1, CO2_UNSET);
	moved.hours = 10;
	moved.region = "aws:us-east-1";
	moved.location = "FR";
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_int_eq(co2_estimate(db, &moved, &r, &err), CO2_OK);
	char *out = NULL;
	ck_assert_int_eq(co2_report_run(&out, NULL, &r, &moved, db, CO2_FORMAT_TEXT, 0, &err), CO2_OK);
	assert_has(out, "  Where        the grid of France (FR), as given, for a run in aws:us-east-1 (Amazon Web Services)\n");
	co2_free(out);
	ck_assert_int_eq(co2_report_run(&out, NULL, &r, &moved, db, CO2_FORMAT_YAML, 0, &err), CO2_OK);
	assert_has(out, "where: \"the grid of France, as given, for a run in Amazon Web Services us-east-1\"");
	co2_free(out);
	/* The region's own location reads as before. */
	out = report(CO2_FORMAT_TEXT, 0);
	assert_has(out, "  Where        gcp:asia-east1 (Google Cloud Platform, Taiwan (Changhua County))\n");
	co2_free(out);
	/* Only an intensity: the comparison says it was declared. */
	co2_run bare;
	co2_run_init(&bare);
	co2_run_add_device(&bare, "T4", 1, CO2_UNSET);
	bare.hours = 10;
	bare.intensity_g_per_kwh = 300;
	co2_result two[2];
	co2_result_init(&two[0]);
	co2_result_init(&two[1]);
	ck_assert_int_eq(co2_estimate(db, &bare, &two[0], &err), CO2_OK);
	ck_assert_int_eq(co2_estimate(db, &bare, &two[1], &err), CO2_OK);
	const char *labels[] = { "a", "b" };
	ck_assert_int_eq(co2_report_compare(&out, NULL, two, labels, 2, CO2_FORMAT_TEXT, &err), CO2_OK);
	assert_has(out, "Where                   declared intensity  declared intensity\n");
	co2_free(out);
}
END_TEST

START_TEST(the_text_report_names_the_cleanest_region)
{
	const co2_region *reg;
	co2_result alt;
	co2_result_init(&alt);
	co2_error err;
	ck_assert_int_eq(co2_cleanest_region(&reg, &alt, db, &run, &res, &err), CO2_OK);
	/* gcp:europe-west6 at 20 g/kWh is the lowest of ML CO2 Impact's GCP regions. */
	ck_assert_str_eq(reg->id, "gcp:europe-west6");
	ck_assert_double_eq_tol(alt.co2_kg, 1.70, 1e-9); /* 84.86 kWh x 0.02 */
	char *t = report(CO2_FORMAT_TEXT, 0);
	assert_has(t, "cleanest region is gcp:europe-west6");
	assert_has(t, "1.7 kg CO2eq there (-96.4 %)");
	co2_free(t);
	/* A declared location decides the intensity: no cleanest region then. */
	co2_run here = run;
	here.location = "FR";
	ck_assert_int_eq(co2_cleanest_region(&reg, &alt, db, &here, &res, &err), CO2_ERR_NOT_FOUND);
}
END_TEST

START_TEST(the_model_card_format_is_the_block_in_grams)
{
	char *t = report(CO2_FORMAT_MODEL_CARD, 0);
	ck_assert(strncmp(t, "co2_eq_emissions:\n  emissions: 47520\n", 37) == 0);
	assert_has(t, "  training_type: \"pre-training\"\n");
	assert_has(t, "  hardware_used: \"4 x TPUv2 Chip\"\n");
	co2_free(t);
}
END_TEST

START_TEST(latex_states_the_figures_and_cites_the_method)
{
	char *t = report(CO2_FORMAT_LATEX, 0);
	assert_has(t, "Google Cloud Platform in region asia-east1");
	assert_has(t, "0.56~kg\\,CO$_2$eq/kWh");
	assert_has(t, "A cumulative of 384 hours");
	assert_has(t, "221~W each");
	/* The range, by hand: TPU v2's measured average x0.8 to x1.2, the PUE the method leaves
	 * out 1 to 1.12 x 1.116 = 1.25, the grid x0.892 to x1.121; in log space
	 * low = exp(-sqrt(ln(0.8)^2 + ln(0.892)^2)) = 0.778, 47.52 x 0.778 = 37;
	 * high = exp(sqrt(ln(1.2)^2 + ln(1.25)^2 + ln(1.121)^2)) = 1.363, 47.52 x 1.363 = 65. */
	assert_has(t, "47.52~kg\\,CO$_2$eq (likely between 37 and 65~kg), of which 100\\,\\% were "
	              "directly offset");
	assert_has(t, "\\cite{lacoste2019quantifying}");
	assert_has(t, "@article{lacoste2019quantifying,");
	assert_has(t, "arXiv:1910.09700");
	ck_assert_ptr_null(strstr(t, "lannelongue2021green"));
	co2_free(t);
	run.method = CO2_METHOD_DEFAULT;
	co2_error err;
	ck_assert_int_eq(co2_estimate(db, &run, &res, &err), CO2_OK);
	t = report(CO2_FORMAT_LATEX, 0);
	assert_has(t, "@article{lannelongue2021green,");
	assert_has(t, "10.1002/advs.202100707");
	assert_has(t, "@article{lacoste2019quantifying,");
	assert_has(t, "@misc{co2calc,");
	co2_free(t);
}
END_TEST

START_TEST(markdown_yaml_and_csv_carry_the_figures_and_equivalents)
{
	char *t = report(CO2_FORMAT_MARKDOWN, 0);
	assert_has(t, "| **Emissions** | **47.52 kg CO2eq** (likely 37 to 65 kg) |\n");
	/* x0.8 (measured average) to exp(sqrt(ln(1.2)^2 + ln(1.25)^2)) = x1.334 */
	assert_has(t, "| Energy | 84.86 kWh (likely 68 to 110 kWh) |\n");
	assert_has(t, "| As much CO2eq as | 192 km driven by an average passenger car |\n");
	co2_free(t);
	t = report(CO2_FORMAT_YAML, 0);
	assert_has(t, "\nco2_kg: 47.52\n");
	assert_has(t, "\nequivalents:\n  car_km: 192\n  coal_kg: 23.8\n  tree_seedlings: 0.79\n");
	co2_free(t);
	t = report(CO2_FORMAT_CSV, 0);
	char *nl = strchr(t, '\n');
	ck_assert_ptr_nonnull(nl);
	size_t header_commas = 0, row_commas = 0;
	for (char *p = t; p < nl; p++)
		header_commas += *p == ',';
	for (char *p = nl + 1; *p && *p != '\n'; p++)
		row_commas += *p == ',';
	ck_assert_uint_eq(header_commas, row_commas);
	assert_has(t, ",84.86,47.52,100,cloud,67.888,113.1947544,36.98237966,64.78495598,3.975288746,39.442928,192,23.8,0.79\n");
	co2_free(t);
}
END_TEST

START_TEST(csv_keeps_ten_significant_digits_of_a_tiny_run)
{
	/* 1 mW for 3.6 s in France: 1e-3 W x 1e-3 h = 1e-9 kWh of IT energy, x 1.56 PUE =
	 * 1.56e-9 kWh, x 56.039 g/kWh = 8.742084e-11 kg. Rounded to 6 decimals these were 0. */
	co2_run r;
	co2_run_init(&r);
	co2_result tiny;
	co2_result_init(&tiny);
	co2_error err;
	ck_assert_int_eq(co2_run_add_device(&r, NULL, 1, CO2_UNSET), CO2_OK);
	r.devices[0].power_w = 0.001;
	r.hours = 0.001;
	r.location = "FR";
	ck_assert_msg(co2_estimate(db, &r, &tiny, &err) == CO2_OK, "%s", err.message);
	char *out = NULL;
	ck_assert_msg(co2_report_run(&out, NULL, &tiny, &r, db, CO2_FORMAT_CSV, 0, &err) == CO2_OK, "%s", err.message);
	assert_has(out, ",FR,0.001,1.56,1,56.039,1e-09,1.56e-09,8.742084e-11,");
	co2_free(out);
}
END_TEST

START_TEST(what_if_changes_apply_in_order)
{
	co2_run r = run;
	co2_error err;
	ck_assert_int_eq(co2_whatif_apply(&r, "mixed-precision", "2", &err), CO2_OK);
	ck_assert_double_eq(r.hours, 48);
	ck_assert_int_eq(co2_whatif_apply(&r, "early_stopping", "0.25", &err), CO2_OK);
	ck_assert_double_eq(r.hours, 12);
	ck_assert_int_eq(co2_whatif_apply(&r, "random-search", "5", &err), CO2_OK);
	ck_assert_double_eq(r.repeats, 5);
	r.location = "FR";
	ck_assert_int_eq(co2_whatif_apply(&r, "region", "gcp:europe-west6", &err), CO2_OK);
	ck_assert_ptr_null(r.location);
	ck_assert_int_eq(co2_whatif_apply(&r, "hardware", "V100", &err), CO2_OK);
	ck_assert_str_eq(r.devices[0].name, "V100");
	ck_assert_uint_eq(r.n_devices, 1);
	ck_assert_int_eq(co2_whatif_apply(&r, "colour", "blue", &err), CO2_ERR_INVALID);
	ck_assert_int_eq(co2_whatif_apply(&r, "early-stopping", "0", &err), CO2_ERR_INVALID);
	ck_assert_int_eq(co2_whatif_apply(&r, "mixed-precision", "fast", &err), CO2_ERR_INVALID);

	char list[] = "region=gcp:europe-west6, count = 8";
	co2_run s = run;
	ck_assert_int_eq(co2_whatif_apply_list(&s, list, &err), CO2_OK);
	ck_assert_str_eq(s.region, "gcp:europe-west6");
	ck_assert_double_eq(s.devices[0].count, 8);
	char bad[] = "region";
	ck_assert_int_eq(co2_whatif_apply_list(&s, bad, &err), CO2_ERR_INVALID);
}
END_TEST

START_TEST(compare_shows_the_change_in_kg_and_percent)
{
	co2_result rs[2];
	rs[0] = res;
	co2_result_init(&rs[1]);
	co2_run r = run;
	co2_error err;
	ck_assert_int_eq(co2_whatif_apply(&r, "mixed-precision", "2", &err), CO2_OK);
	ck_assert_int_eq(co2_estimate(db, &r, &rs[1], &err), CO2_OK);
	/* 42.432 kWh -> 42.43, x 0.56 = 23.7608 -> 23.76 kg; -23.76 kg, -50 %. */
	ck_assert_double_eq_tol(rs[1].co2_kg, 23.76, 1e-9);
	const char *labels[] = { "baseline", "mixed-precision=2" };
	char *t = NULL;
	ck_assert_int_eq(co2_report_compare(&t, NULL, rs, labels, 2, CO2_FORMAT_TEXT, &err), CO2_OK);
	assert_has(t, "Emissions (kg CO2eq)    47.52");
	assert_has(t, "-23.76");
	assert_has(t, "-50 %");
	co2_free(t);
	ck_assert_int_eq(co2_report_compare(&t, NULL, rs, labels, 2, CO2_FORMAT_JSON, &err), CO2_OK);
	assert_has(t, "\"label\": \"mixed-precision=2\", \"change_kg\": -23.76, \"change_percent\": -50");
	co2_free(t);
	ck_assert_int_eq(co2_report_compare(&t, NULL, rs, labels, 2, CO2_FORMAT_LATEX, &err), CO2_ERR_INVALID);
}
END_TEST

START_TEST(equivalents_carry_their_factor_and_source)
{
	/* ML CO2 Impact's car factor: 47.52 kg / 0.247305735 kg per km = 192.15 -> 192 km. */
	ck_assert_uint_eq(res.n_equivalents, 3);
	ck_assert_str_eq(res.equivalents[0].id, "car_km");
	ck_assert_double_eq_tol(res.equivalents[0].kg_per_unit, 0.247305735, 1e-12);
	ck_assert_double_eq(res.equivalents[0].value, 192);
	ck_assert_ptr_nonnull(strstr(res.equivalents[0].source, "epa.gov"));
	ck_assert_int_eq(res.equivalents[0].year, 2019);
	char *json = report(CO2_FORMAT_JSON, 0);
	assert_has(json, "\"equivalent_factors\": [{\"id\": \"car_km\"");
	assert_has(json, "\"kg_per_unit\": 0.247305735");
	co2_free(json);
	char *text = report(CO2_FORMAT_TEXT, CO2_REPORT_EXPLAIN);
	assert_has(text, "47.52 kg / 60 kg per seedling = 0.79 tree seedlings");
	co2_free(text);
}
END_TEST

START_TEST(every_format_prints_the_same_under_a_comma_locale)
{
	/* A program that sets LC_NUMERIC to de_DE must still get "47.52", not "47,52".
	 * scripts/test.sh generates de_DE.UTF-8. */
	char *plain[CO2_FORMAT_CSV + 1];
	for (int f = CO2_FORMAT_TEXT; f <= CO2_FORMAT_CSV; f++)
		plain[f] = report((co2_format)f, CO2_REPORT_EXPLAIN);
	ck_assert_msg(setlocale(LC_ALL, "de_DE.UTF-8") != NULL, "the de_DE.UTF-8 locale is missing (scripts/test.sh generates it)");
	for (int f = CO2_FORMAT_TEXT; f <= CO2_FORMAT_CSV; f++) {
		char *de = report((co2_format)f, CO2_REPORT_EXPLAIN);
		ck_assert_msg(strcmp(de, plain[f]) == 0, "format %s differs under de_DE:\n%s", co2_format_name((co2_format)f), de);
		co2_free(de);
		co2_free(plain[f]);
	}
	setlocale(LC_ALL, "C");
}
END_TEST


/* ---- listings ------------------------------------------------------------------------ */

/* tests/data/fixtures/mini.yaml alone: three hardware entries, two regions, one
 * provider, one edition. */
static co2_db *open_mini(void)
{
	co2_db *m = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_new(&m, &err), CO2_OK);
	ck_assert_msg(co2_db_load_path(m, CO2_TEST_DATA_DIR "/fixtures/mini.yaml", &err) == CO2_OK, "%s",
	              err.message);
	return m;
}

START_TEST(a_listing_has_a_line_or_an_object_per_entry)
{
	co2_db *m = open_mini();
	co2_error err;
	co2_error_clear(&err);
	char *out = NULL;
	size_t len = 0, count = 0;
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "hardware", NULL, NULL, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_uint_eq(count, 3);
	ck_assert_uint_eq(strlen(out), len);
	ck_assert_str_eq(out,
		"Test GPU 100                                 gpu      100 W tdp              co2calc              2024\n"
		"Test GPU 100 SXM                             gpu      200 W tdp              co2calc              2024\n"
		"Test CPU 16                                  cpu      160 W tdp              co2calc              2024\n");
	co2_free(out);
	/* "tg100" is in the aliases "TG100" and "Testco TG-100 80GB" (punctuation ignored),
	 * not in "Test GPU 100 SXM". */
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "hardware", "TG-100", "co2calc", CO2_FORMAT_JSON, &err),
	                 CO2_OK);
	ck_assert_uint_eq(count, 1);
	ck_assert_str_eq(out,
		"{\"kind\": \"hardware\", \"entries\": [\n"
		"  {\"name\": \"Test GPU 100\", \"kind\": \"gpu\", \"power_w\": 100, \"power_type\": \"tdp\", \"cores\": null, "
		"\"power_per_core_w\": null, \"memory_gb\": null, \"aliases\": [\"TG100\", \"Testco TG-100 80GB\"], "
		"\"uncertain\": false, \"note\": null, \"source\": \"fixture\", \"year\": 2024, \"edition\": \"co2calc\", "
		"\"file\": \"" CO2_TEST_DATA_DIR "/fixtures/mini.yaml\", \"line\": 10}\n"
		"], \"count\": 1}\n");
	co2_free(out);
	/* The exact match first, then the others in the data's order. */
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "hardware", "Test GPU 100 SXM", NULL, CO2_FORMAT_TEXT, &err),
	                 CO2_OK);
	ck_assert_uint_eq(count, 1);
	co2_free(out);
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "locations", "no", NULL, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_uint_eq(count, 1);
	co2_free(out);
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "hardware", "TG100", NULL, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_uint_eq(count, 1);
	co2_free(out);
	/* A region is found by the name of its location's place, from a word's start. */
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "regions", "norway", NULL, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_uint_eq(count, 1);
	ck_assert_int_eq(strncmp(out, "tc:north-1 ", 11), 0);
	co2_free(out);
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "regions", "way", NULL, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_uint_eq(count, 0);
	co2_free(out);
	ck_assert_int_eq(co2_list_report(&out, NULL, NULL, m, "regions", "south", NULL, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_str_eq(out, "tc:south-1                           -             500 g/kWh               PUE -     co2calc              2024  \n");
	co2_free(out);
	/* A region without a figure of its own shows its location's, saying so. */
	ck_assert_int_eq(co2_list_report(&out, NULL, NULL, m, "regions", "north", NULL, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_str_eq(out, "tc:north-1                           NO             20 g/kWh (location's)  PUE 1.2   co2calc              2024  \n");
	co2_free(out);
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "editions", NULL, NULL, CO2_FORMAT_JSON, &err), CO2_OK);
	ck_assert_str_eq(out, "{\"kind\": \"editions\", \"entries\": [\n"
	                      "  {\"id\": \"co2calc\", \"date\": \"2026-01-01\", \"title\": \"test fixture\", "
	                      "\"source\": \"unit tests\", \"license\": \"CC0-1.0\"}\n], \"count\": 1}\n");
	co2_free(out);
	co2_db_close(m);
}
END_TEST

START_TEST(an_empty_listing_and_bad_requests)
{
	co2_db *m = open_mini();
	co2_error err;
	co2_error_clear(&err);
	char *out = NULL;
	size_t len = 99, count = 99;
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "providers", "zzz", NULL, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_str_eq(out, "");
	ck_assert_uint_eq(len, 0);
	ck_assert_uint_eq(count, 0);
	co2_free(out);
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "providers", "zzz", NULL, CO2_FORMAT_JSON, &err), CO2_OK);
	ck_assert_str_eq(out, "{\"kind\": \"providers\", \"entries\": [], \"count\": 0}\n");
	co2_free(out);
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "gpus", NULL, NULL, CO2_FORMAT_TEXT, &err),
	                 CO2_ERR_INVALID);
	ck_assert_ptr_null(out);
	ck_assert_str_eq(err.message, "list: unknown kind 'gpus' (expected hardware, regions, locations, providers, "
	                              "instances or editions)");
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "hardware", NULL, "nope", CO2_FORMAT_TEXT, &err),
	                 CO2_ERR_NOT_FOUND);
	ck_assert_str_eq(err.message, "edition: unknown data edition 'nope'");
	ck_assert_int_eq(co2_list_report(&out, &len, &count, m, "hardware", NULL, NULL, CO2_FORMAT_CSV, &err),
	                 CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "list: the listing is written as text or json, not csv");
	co2_db_close(m);
}
END_TEST

START_TEST(show_writes_one_entry_as_the_listing_does)
{
	co2_db *m = open_mini();
	co2_error err;
	co2_error_clear(&err);
	char *out = NULL, *list = NULL;
	size_t len = 0;
	/* The JSON object is the listing's entry, byte for byte. */
	static const char *const kinds[][3] = { { "hardware", "hardware", "TG100" },
		{ "region", "regions", "tc:north-1" }, { "location", "locations", "NO" },
		{ "provider", "providers", "tc" }, { "instance", "instances", "tc:big.8x" } };
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		ck_assert_msg(co2_show_report(&out, &len, m, kinds[k][0], kinds[k][2], NULL, CO2_FORMAT_JSON, &err) == CO2_OK,
		              "%s", err.message);
		ck_assert_uint_eq(strlen(out), len);
		ck_assert_int_eq(out[0], '{');
		ck_assert_int_eq(out[len - 1], '\n');
		out[len - 1] = '\0';
		ck_assert_int_eq(co2_list_report(&list, NULL, NULL, m, kinds[k][1], kinds[k][2], NULL, CO2_FORMAT_JSON, &err),
		                 CO2_OK);
		ck_assert_msg(strstr(list, out) != NULL, "%s:\n%s\nnot in\n%s", kinds[k][0], out, list);
		co2_free(out);
		co2_free(list);
	}
	ck_assert_int_eq(co2_show_report(&out, &len, m, "provider", "Test Cloud", NULL, CO2_FORMAT_TEXT, &err), CO2_OK);
	ck_assert_str_eq(out, "tc\n  name         Test Cloud\n  PUE          1.5 (fixture, 2024)\n  offset       50 %\n"
	                      "  source       fixture (2024)\n  edition      co2calc\n"
	                      "  file         " CO2_TEST_DATA_DIR "/fixtures/mini.yaml:28\n");
	co2_free(out);
	/* Failures are the lookup's, with its suggestions; and bad requests. */
	ck_assert_int_eq(co2_show_report(&out, &len, m, "provider", "tcc", NULL, CO2_FORMAT_TEXT, &err), CO2_ERR_NOT_FOUND);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(err.n_suggestions, 1);
	ck_assert_str_eq(err.suggestions[0], "tc");
	ck_assert_int_eq(co2_show_report(&out, &len, m, "gpu", "TG100", NULL, CO2_FORMAT_TEXT, &err), CO2_ERR_INVALID);
	ck_assert_int_eq(co2_show_report(&out, &len, m, "hardware", "TG100", NULL, CO2_FORMAT_CSV, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "show: an entry is written as text or json, not csv");
	co2_db_close(m);
}
END_TEST

static Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, every_format_name_parses_back);
	tcase_add_test(tc, explain_shows_each_step_for_bert_base);
	tcase_add_test(tc, json_carries_the_run_and_with_explain_the_steps);
	tcase_add_test(tc, small_figures_keep_three_significant_digits);
	tcase_add_test(tc, where_says_what_was_declared);
	tcase_add_test(tc, the_text_report_names_the_cleanest_region);
	tcase_add_test(tc, the_model_card_format_is_the_block_in_grams);
	tcase_add_test(tc, latex_states_the_figures_and_cites_the_method);
	tcase_add_test(tc, markdown_yaml_and_csv_carry_the_figures_and_equivalents);
	tcase_add_test(tc, csv_keeps_ten_significant_digits_of_a_tiny_run);
	tcase_add_test(tc, what_if_changes_apply_in_order);
	tcase_add_test(tc, compare_shows_the_change_in_kg_and_percent);
	tcase_add_test(tc, every_format_prints_the_same_under_a_comma_locale);
	tcase_add_test(tc, equivalents_carry_their_factor_and_source);
	tcase_add_test(tc, a_listing_has_a_line_or_an_object_per_entry);
	tcase_add_test(tc, an_empty_listing_and_bad_requests);
	tcase_add_test(tc, show_writes_one_entry_as_the_listing_does);
	suite_add_tcase(s, tc);
	return s;
}

CO2_CHECK_MAIN(report_suite)
