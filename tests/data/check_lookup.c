/* src/data lookup: names as people and tools write them find the right entry. */
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

/* db: the built-in data, opened by setup() and closed by teardown(). */
CO2_TEST_DEFAULT_DB

static void assert_suggested(const co2_error *err, const char *name)
{
	int found = 0;
	for (size_t k = 0; k < err->n_suggestions; k++)
		found |= strcmp(err->suggestions[k], name) == 0;
	ck_assert_msg(found, "%s is not among the suggestions of: %s", name, err->message);
}

typedef struct spelling {
	char kind;          /* h hardware, r region, l location, i instance */
	const char *given;  /* as written by nvidia-smi, /proc/cpuinfo, a console, a paper */
	const char *found;  /* the entry it must find in the co2calc edition */
} spelling;

static const spelling spellings[] = {
	/* nvidia-smi --query-gpu=name */
	{ 'h', "NVIDIA A100-SXM4-80GB", "NVIDIA A100 SXM4 80GB" },
	{ 'h', "NVIDIA A100-SXM4-40GB", "NVIDIA A100 SXM4 40GB" },
	{ 'h', "NVIDIA A100-PCIE-40GB", "NVIDIA A100 PCIe 40GB" },
	{ 'h', "NVIDIA A100 80GB PCIe", "NVIDIA A100 PCIe 80GB" },
	{ 'h', "Tesla V100-SXM2-32GB", "NVIDIA V100 SXM2 32GB" },
	{ 'h', "Tesla V100-SXM2-16GB", "NVIDIA V100 SXM2 16GB" },
	{ 'h', "Tesla V100-PCIE-16GB", "NVIDIA V100 PCIe 16GB" },
	{ 'h', "Tesla V100-PCIE-32GB", "NVIDIA V100 PCIe 32GB" },
	{ 'h', "Tesla T4", "NVIDIA T4" },
	{ 'h', "NVIDIA H100 80GB HBM3", "NVIDIA H100 SXM5" },
	{ 'h', "NVIDIA H100 PCIe", "NVIDIA H100 PCIe" },
	{ 'h', "NVIDIA H100 NVL", "NVIDIA H100 NVL" },
	{ 'h', "NVIDIA H800", "NVIDIA H800 SXM5" },
	{ 'h', "NVIDIA A800-SXM4-80GB", "NVIDIA A800 SXM4 80GB" },
	{ 'h', "Quadro RTX 8000", "NVIDIA Quadro RTX 8000" },
	{ 'h', "NVIDIA A10G", "NVIDIA A10G" },
	{ 'h', "NVIDIA L4", "NVIDIA L4" },
	{ 'h', "L4", "NVIDIA L4" },  /* not L40 or L40S */
	{ 'h', "T4", "NVIDIA T4" },
	{ 'h', "NVIDIA GeForce RTX 4090", "NVIDIA GeForce RTX 4090" },
	{ 'h', "NVIDIA GeForce RTX 3090", "NVIDIA GeForce RTX 3090" },
	{ 'h', "Tesla P100-PCIE-16GB", "NVIDIA Tesla P100 PCIe 16GB" },
	{ 'h', "Tesla K80", "NVIDIA Tesla K80" },
	{ 'h', "NVIDIA L40S", "NVIDIA L40S" },
	{ 'h', "NVIDIA RTX A6000", "NVIDIA RTX A6000" },
	/* papers and vendor pages */
	{ 'h', "a100 sxm4 80gb", "NVIDIA A100 SXM4 80GB" },
	{ 'h', "NVIDIA B200", "NVIDIA B200" },
	{ 'h', "AMD Instinct MI250X", "AMD Instinct MI250X" },
	{ 'h', "MI300X", "AMD Instinct MI300X" },
	{ 'h', "Intel Gaudi 2", "Intel Gaudi 2" },
	{ 'h', "Gaudi3", "Intel Gaudi 3" },
	{ 'h', "TPU v2", "Google TPU v2" },
	{ 'h', "TPUv3", "Google TPU v3" },
	{ 'h', "tpu-v4", "Google TPU v4" },
	{ 'h', "Google TPU v5p", "Google TPU v5p" },
	{ 'h', "AWS Trainium", "AWS Trainium" },
	{ 'h', "Inferentia2", "AWS Inferentia2" },
	{ 'h', "Apple M2 Max", "Apple M2 Max" },
	/* /proc/cpuinfo "model name" */
	{ 'h', "Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz", "Intel Xeon Gold 6148" },
	{ 'h', "AMD EPYC 7742 64-Core Processor", "AMD EPYC 7742" },
	{ 'h', "Intel(R) Xeon(R) Platinum 8280 CPU @ 2.70GHz", "Intel Xeon Platinum 8280" },
	{ 'h', "Intel(R) Core(TM) i7-8700K CPU @ 3.70GHz", "Intel Core i7-8700K" },
	{ 'h', "AMD Ryzen 9 5950X 16-Core Processor", "AMD Ryzen 9 5950X" },
	{ 'h', "Intel(R) Xeon(R) CPU E5-2699 v4 @ 2.20GHz", "Intel Xeon E5-2699 v4" },
	{ 'h', "AMD EPYC 7763 64-Core Processor", "AMD EPYC 7763" },
	{ 'h', "AMD FX(tm)-8350 Eight-Core Processor", "AMD FX-8350" },
	{ 'h', "Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz", "Intel Xeon E5-2680" },
	{ 'h', "Intel(R) Xeon(R) CPU E3-1275 @ 3.40GHz", "Intel Xeon E3-1275" },
	{ 'h', "Intel(R) Xeon(R) CPU E3-1275 v3 @ 3.50GHz", "Intel Xeon E3-1275 v3" },
	{ 'h', "Intel Xeon E5-2680 v4 2.40GHz", "Intel Xeon E5-2680 v4" },
	/* one chip listed twice by CodeCarbon, with and without the vendor: one entry */
	{ 'h', "AMD 6th Gen A10-8700P APU", "AMD 6th Gen A10-8700P APU" },
	{ 'h', "6th Gen A10-8700P APU", "AMD 6th Gen A10-8700P APU" },
	{ 'h', "AMD A10-8700P", "AMD 6th Gen A10-8700P APU" },
	/* merges of different chips under one cleaned name, split (issue 12, item 7) */
	{ 'h', "Intel Celeron 220", "Intel Celeron 220" },
	{ 'h', "Intel Celeron 2.20 GHz", "Intel Celeron 2.20 GHz" },
	{ 'h', "AMD Opteron X2170", "AMD Opteron X2170" },
	{ 'h', "AMD Opteron X2170 APU", "AMD Opteron X2170" },
	{ 'h', "Dual Core AMD Opteron(tm) Processor 170", "AMD Opteron 170" },
	/* CodeCarbon's bare model numbers, with their vendor and family */
	{ 'h', "AMD Opteron(tm) Processor 6140", "AMD Opteron 6140" },
	{ 'h', "AMD Phenom II 1075T", "AMD Phenom II 1075T" },
	/* cloud consoles */
	{ 'r', "asia-east1", "gcp:asia-east1" },
	{ 'r', "aws:us-east-1", "aws:us-east-1" },
	{ 'r', "gcp us-central1", "gcp:us-central1" },
	{ 'r', "eu-west-1", "aws:eu-west-1" },
	{ 'r', "azure:westeurope", "azure:westeurope" },
	{ 'r', "europe-west4", "gcp:europe-west4" },
	{ 'r', "GCP:Asia-East1", "gcp:asia-east1" },
	/* codes that differ only in punctuation: the exact spelling decides */
	{ 'r', "us-east-1", "aws:us-east-1" },
	{ 'r', "us-east1", "gcp:us-east1" },
	{ 'r', "me-central-1", "aws:me-central-1" },
	{ 'r', "ME-CENTRAL1", "gcp:me-central1" },
	{ 'i', "ct5lp-hightpu-8t", "gcp:ct5lp-hightpu-8t" },
	{ 'i', "aws:p4d.24xlarge", "aws:p4d.24xlarge" },
	{ 'i', "p4d.24xlarge", "aws:p4d.24xlarge" },  /* bare instance types */
	{ 'i', "a2-highgpu-8g", "gcp:a2-highgpu-8g" },
	{ 'i', "Standard_ND96asr_v4", "azure:Standard_ND96asr_v4" },
	/* countries and grids */
	{ 'l', "FRA", "FR" },
	{ 'l', "Germany", "DE" },
	{ 'l', "US-CA", "US-CA" },
	{ 'l', "california", "US-CA" },
	{ 'l', "world", "WORLD" },
	{ 'l', "United Kingdom", "GB" },
};

START_TEST(real_world_spellings_find_the_right_entry)
{
	const spelling *s = &spellings[_i];
	co2_error err;
	co2_error_clear(&err);
	const char *got = NULL;
	co2_status st = CO2_ERR_INVALID;
	if (s->kind == 'h') {
		const co2_hardware *h;
		if ((st = co2_db_find_hardware(&h, db, NULL, s->given, &err)) == CO2_OK)
			got = h->name;
	} else if (s->kind == 'r') {
		const co2_region *r;
		if ((st = co2_db_find_region(&r, db, NULL, s->given, &err)) == CO2_OK)
			got = r->id;
	} else if (s->kind == 'i') {
		const co2_instance *i;
		if ((st = co2_db_find_instance(&i, db, NULL, s->given, &err)) == CO2_OK)
			got = i->id;
	} else {
		const co2_location *l;
		if ((st = co2_db_find_location(&l, db, NULL, s->given, &err)) == CO2_OK)
			got = l->code;
	}
	ck_assert_msg(st == CO2_OK, "'%s': %s", s->given, err.message);
	ck_assert_str_eq(got, s->found);
}
END_TEST

typedef struct unclear {
	char kind;
	const char *given;
	co2_status status;
	const char *candidates[3]; /* each must appear in the message */
	const char *absent;        /* must not appear (another vendor's part) */
} unclear;

static const unclear unclears[] = {
	{ 'h', "A100 80GB", CO2_ERR_AMBIGUOUS, { "NVIDIA A100 PCIe 80GB", "NVIDIA A100 SXM4 80GB", NULL }, NULL },
	{ 'h', "A100-80", CO2_ERR_AMBIGUOUS, { "NVIDIA A100 PCIe 80GB", "NVIDIA A100 SXM4 80GB", NULL }, NULL },
	{ 'h', "H100", CO2_ERR_AMBIGUOUS, { "NVIDIA H100 PCIe", "NVIDIA H100 SXM5", "NVIDIA H100 NVL" }, NULL },
	{ 'h', "H800", CO2_ERR_AMBIGUOUS, { "NVIDIA H800 SXM5", "NVIDIA H800 PCIe", NULL }, NULL },
	{ 'h', "V100", CO2_ERR_AMBIGUOUS, { "NVIDIA V100 SXM2 32GB", "NVIDIA V100 PCIe 16GB", NULL }, NULL },
	{ 'h', "A100 SXM4", CO2_ERR_AMBIGUOUS, { "NVIDIA A100 SXM4 40GB", "NVIDIA A100 SXM4 80GB", NULL }, NULL },
	{ 'h', "Xeon Gold", CO2_ERR_AMBIGUOUS, { "Intel Xeon Gold 5115", NULL, NULL }, NULL },
	{ 'r', "useast1", CO2_ERR_AMBIGUOUS, { "aws:us-east-1", "gcp:us-east1", NULL }, NULL },
	/* Intel's A100 (an old Atom-class part) must not be picked for the GPU. */
	{ 'h', "A100", CO2_ERR_AMBIGUOUS, { "Intel A100", "NVIDIA A100 SXM4 80GB", "NVIDIA A100 PCIe 40GB" }, NULL },
	{ 'h', "NVIDIA A100", CO2_ERR_AMBIGUOUS, { "NVIDIA A100 SXM4 40GB", "NVIDIA A100 PCIe 80GB", NULL }, "Intel A100" },
	/* cpuinfo does not print "EE": the low-power part has another TDP */
	{ 'h', "AMD Athlon(tm) 64 X2 3800+ CPU", CO2_ERR_AMBIGUOUS, { "AMD Athlon 64 X2 3800+", "AMD Athlon 64 X2 3800+ EE", NULL }, NULL },
	{ 'h', "H1OO SXM", CO2_ERR_NOT_FOUND, { "NVIDIA H100 SXM5", NULL, NULL }, NULL },
	/* suggestions keep to the vendor named */
	{ 'h', "AMD H100", CO2_ERR_NOT_FOUND, { NULL, NULL, NULL }, "NVIDIA" },
	{ 'h', "TPU v9", CO2_ERR_NOT_FOUND, { "Google TPU v2", NULL, NULL }, NULL },
	{ 'h', "Gaudi 5", CO2_ERR_NOT_FOUND, { "Intel Gaudi 2", "Intel Gaudi 3", NULL }, NULL },
	{ 'r', "gcp:asia-eastt1", CO2_ERR_NOT_FOUND, { "gcp:asia-east1", NULL, NULL }, NULL },
	{ 'l', "Frnace", CO2_ERR_NOT_FOUND, { "FR", NULL, NULL }, NULL },
};

START_TEST(ambiguous_and_unknown_names_list_candidates_and_never_guess)
{
	const unclear *u = &unclears[_i];
	co2_error err;
	co2_error_clear(&err);
	co2_status st;
	if (u->kind == 'h') {
		const co2_hardware *h = NULL;
		st = co2_db_find_hardware(&h, db, NULL, u->given, &err);
	} else if (u->kind == 'r') {
		const co2_region *r = NULL;
		st = co2_db_find_region(&r, db, NULL, u->given, &err);
	} else {
		const co2_location *l = NULL;
		st = co2_db_find_location(&l, db, NULL, u->given, &err);
	}
	ck_assert_msg(st == u->status, "'%s': status %d, message %s", u->given, st, err.message);
	for (int k = 0; k < 3 && u->candidates[k]; k++) {
		char quoted[128];
		snprintf(quoted, sizeof quoted, "'%s'", u->candidates[k]);
		ck_assert_msg(strstr(err.message, quoted), "'%s': %s lacks %s", u->given, err.message, quoted);
	}
	if (u->absent)
		ck_assert_msg(!strstr(err.message, u->absent), "'%s': %s names %s", u->given, err.message, u->absent);
	/* The same names as data: each candidate is a suggestion (unless the message names
	 * more than the data holds), each suggestion is quoted in the message. */
	for (int k = 0; k < 3 && u->candidates[k]; k++) {
		int found = 0;
		for (size_t j = 0; j < err.n_suggestions; j++)
			found |= strcmp(err.suggestions[j], u->candidates[k]) == 0;
		ck_assert_msg(found || err.n_suggestions == CO2_MAX_SUGGESTIONS,
		              "'%s': '%s' is not among the %zu suggestions", u->given,
		              u->candidates[k], err.n_suggestions);
	}
	ck_assert_uint_le(err.n_suggestions, CO2_MAX_SUGGESTIONS);
	for (size_t j = 0; j < err.n_suggestions; j++) {
		char quoted[160];
		snprintf(quoted, sizeof quoted, "'%s'", err.suggestions[j]);
		ck_assert_msg(strstr(err.message, quoted), "'%s': %s lacks %s", u->given, err.message, quoted);
	}
}
END_TEST

START_TEST(suggestions_come_as_data_with_the_exact_names)
{
	co2_error err;
	co2_error_clear(&err);
	const co2_hardware *h = NULL;
	ck_assert_int_eq(co2_db_find_hardware(&h, db, NULL, "A100-80", &err), CO2_ERR_AMBIGUOUS);
	ck_assert_uint_eq(err.n_suggestions, 2);
	ck_assert_str_eq(err.suggestions[0], "NVIDIA A100 PCIe 80GB");
	ck_assert_str_eq(err.suggestions[1], "NVIDIA A100 SXM4 80GB");
	ck_assert_int_eq(co2_db_find_hardware(&h, db, NULL, "H1OO SXM", &err), CO2_ERR_NOT_FOUND);
	ck_assert_str_eq(err.message, "unknown hardware 'H1OO SXM'; did you mean 'NVIDIA H100 SXM5', "
	                 "'NVIDIA H800 SXM5' or 'NVIDIA H200 SXM'? (see 'co2calc list hardware')");
	ck_assert_uint_eq(err.n_suggestions, 3);
	ck_assert_str_eq(err.suggestions[0], "NVIDIA H100 SXM5");
	ck_assert_str_eq(err.suggestions[1], "NVIDIA H800 SXM5");
	ck_assert_str_eq(err.suggestions[2], "NVIDIA H200 SXM");
	/* Five matches: the message lists them all, the data keeps the first four. */
	ck_assert_int_eq(co2_db_find_hardware(&h, db, NULL, "A100", &err), CO2_ERR_AMBIGUOUS);
	ck_assert_uint_eq(err.n_suggestions, CO2_MAX_SUGGESTIONS);
	ck_assert_str_eq(err.suggestions[0], "Intel A100");
	const co2_region *r = NULL;
	ck_assert_int_eq(co2_db_find_region(&r, db, NULL, "gcp:asia-eastt1", &err), CO2_ERR_NOT_FOUND);
	ck_assert_uint_eq(err.n_suggestions, 2);
	ck_assert_str_eq(err.suggestions[0], "gcp:asia-east1");
	ck_assert_str_eq(err.suggestions[1], "gcp:asia-east2");
	const co2_location *l = NULL;
	ck_assert_int_eq(co2_db_find_location(&l, db, NULL, "Frnace", &err), CO2_ERR_NOT_FOUND);
	ck_assert_uint_eq(err.n_suggestions, 2);
	ck_assert_str_eq(err.suggestions[0], "FR");
	ck_assert_str_eq(err.suggestions[1], "GR");
	/* Nothing near: no suggestion, and none left from the error before. */
	ck_assert_int_eq(co2_db_find_location(&l, db, NULL, "Qqqqqqqqqqqqqqq", &err), CO2_ERR_NOT_FOUND);
	ck_assert_uint_eq(err.n_suggestions, 0);
	/* Through co2_estimate, as a program meets them. */
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "A100-80", 1, CO2_UNSET);
	run.hours = 1;
	run.location = "FR";
	co2_result res;
	co2_result_init(&res);
	ck_assert_int_eq(co2_estimate(db, &run, &res, &err), CO2_ERR_AMBIGUOUS);
	ck_assert_str_eq(err.field, "hardware");
	ck_assert_uint_eq(err.n_suggestions, 2);
	ck_assert_str_eq(err.suggestions[1], "NVIDIA A100 SXM4 80GB");
	co2_error_clear(&err);
	ck_assert_uint_eq(err.n_suggestions, 0);
	ck_assert_str_eq(err.suggestions[0], "");
}
END_TEST

START_TEST(counts_meet_the_coverage_targets)
{
	size_t n, cpus = 0, accel = 0;
	const co2_hardware *h = co2_db_hardware_list(db, &n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(h[i].edition, "co2calc") != 0)
			continue;
		if (strcmp(h[i].kind, "cpu") == 0)
			cpus++;
		else
			accel++;
	}
	ck_assert_uint_ge(cpus, 4800);
	ck_assert_uint_ge(accel, 80);
	size_t countries = 0;
	const co2_location *l = co2_db_locations(db, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(l[i].edition, "co2calc") == 0 && strlen(l[i].code) == 2)
			countries++;
	ck_assert_uint_ge(countries, 200);
}
END_TEST

START_TEST(cpuinfo_model_names_find_their_cpu)
{
	/* Every CPU of the co2calc edition, written as /proc/cpuinfo would ("NAME CPU @
	 * 2.00GHz"), finds an entry with its very figures, or is refused as ambiguous; at
	 * most 100 of the 4,804 are (92 today: EE, HE and Mobile variants, whose TDPs
	 * differ, and cpuinfo does not name them; chips split from one CodeCarbon key, such
	 * as the Celeron 220 and a 2.20 GHz Celeron). None is found wrong or not at all. */
	size_t n, cpus = 0, ambiguous = 0;
	const co2_hardware *hw = co2_db_hardware_list(db, &n);
	for (size_t i = 0; i < n; i++) {
		const co2_hardware *h = &hw[i];
		if (strcmp(h->kind, "cpu") != 0 || strcmp(h->edition, "co2calc") != 0)
			continue;
		cpus++;
		char name[300];
		snprintf(name, sizeof name, "%s CPU @ 2.00GHz", h->name);
		const co2_hardware *got = NULL;
		co2_error err;
		co2_error_clear(&err);
		co2_status st = co2_db_find_hardware(&got, db, NULL, name, &err);
		if (st == CO2_ERR_AMBIGUOUS) {
			ck_assert_msg(strstr(err.message, h->name) != NULL, "'%s': %s", name, err.message);
			ambiguous++;
			continue;
		}
		ck_assert_msg(st == CO2_OK, "'%s': %s", name, err.message);
		ck_assert_msg(got->power_w == h->power_w && strcmp(got->source, h->source) == 0,
		              "'%s' found '%s' (%g W)", name, got->name, got->power_w);
	}
	ck_assert_uint_ge(cpus, 4800);
	ck_assert_msg(ambiguous <= 100, "%zu cpuinfo names are ambiguous", ambiguous);
}
END_TEST

START_TEST(a_provider_is_found_by_its_id_or_its_name)
{
	co2_error err;
	co2_error_clear(&err);
	const co2_provider *p = NULL;
	ck_assert_int_eq(co2_db_find_provider(&p, db, NULL, "gcp", &err), CO2_OK);
	ck_assert_str_eq(p->name, "Google Cloud Platform");
	ck_assert_int_eq(co2_db_find_provider(&p, db, NULL, "Amazon Web Services", &err), CO2_OK);
	ck_assert_str_eq(p->id, "aws");
	ck_assert_int_eq(co2_db_find_provider(&p, db, "green-algorithms-3.0", "azure", &err), CO2_OK);
	ck_assert_str_eq(p->edition, "green-algorithms-3.0");
	ck_assert_int_eq(co2_db_find_provider(&p, db, NULL, "awss", &err), CO2_ERR_NOT_FOUND);
	ck_assert_str_eq(err.message, "unknown provider 'awss'; did you mean 'aws'? (see 'co2calc list providers')");
	/* The exact-id lookup is unchanged: a name is not an id. */
	ck_assert_ptr_null(co2_db_provider(db, NULL, "Google Cloud Platform"));
}
END_TEST

START_TEST(names_people_type_find_or_suggest_what_they_mean)
{
	co2_error err;
	co2_error_clear(&err);
	/* The number of the query first, then the kind of the best: a GPU, not the A6-7000. */
	const co2_hardware *h = NULL;
	ck_assert_int_eq(co2_db_find_hardware(&h, db, NULL, "A6000", &err), CO2_ERR_NOT_FOUND);
	ck_assert_uint_ge(err.n_suggestions, 1);
	ck_assert_str_eq(err.suggestions[0], "NVIDIA RTX A6000");
	for (size_t k = 0; k < err.n_suggestions; k++)
		ck_assert_msg(!strstr(err.suggestions[k], "A6-7000"), "%s", err.message);
	/* A single digit is no number to go by: "H1OO" is still an H100. */
	ck_assert_int_eq(co2_db_find_hardware(&h, db, NULL, "H1OO SXM", &err), CO2_ERR_NOT_FOUND);
	ck_assert_str_eq(err.suggestions[0], "NVIDIA H100 SXM5");
	/* UK is GB, in the editions that have GB. */
	const co2_location *l = NULL;
	ck_assert_int_eq(co2_db_find_location(&l, db, NULL, "UK", &err), CO2_OK);
	ck_assert_str_eq(l->code, "GB");
	ck_assert_int_eq(co2_db_find_location(&l, db, "green-algorithms-3.0", "uk", &err), CO2_OK);
	ck_assert_str_eq(l->edition, "green-algorithms-3.0");
	/* A city, state or country: the regions there, as candidates. */
	const co2_region *r = NULL;
	ck_assert_int_eq(co2_db_find_region(&r, db, NULL, "iowa", &err), CO2_ERR_AMBIGUOUS);
	ck_assert_str_eq(err.message, "region 'iowa' is a place, not a region: the regions there are "
	                 "'gcp:us-central1' and 'azure:centralus'; give one, or --location US-IA for its grid alone");
	ck_assert_uint_eq(err.n_suggestions, 2);
	ck_assert_str_eq(err.suggestions[0], "gcp:us-central1");
	ck_assert_int_eq(co2_db_find_region(&r, db, NULL, "Frankfurt", &err), CO2_ERR_AMBIGUOUS);
	assert_suggested(&err, "gcp:europe-west3");
	assert_suggested(&err, "aws:eu-central-1");
	ck_assert_int_eq(co2_db_find_region(&r, db, NULL, "Tokyo", &err), CO2_ERR_AMBIGUOUS);
	assert_suggested(&err, "gcp:asia-northeast1");
	assert_suggested(&err, "aws:ap-northeast-1");
	/* One region there: not taken, suggested. */
	ck_assert_int_eq(co2_db_find_region(&r, db, NULL, "Council Bluffs", &err), CO2_ERR_NOT_FOUND);
	ck_assert_uint_eq(err.n_suggestions, 1);
	ck_assert_str_eq(err.suggestions[0], "gcp:us-central1");
	/* Words that are not all places keep the ids' ambiguity, and typos their suggestions. */
	ck_assert_int_eq(co2_db_find_region(&r, db, NULL, "east", &err), CO2_ERR_AMBIGUOUS);
	ck_assert_msg(strstr(err.message, "is ambiguous: it matches"), "%s", err.message);
	ck_assert_int_eq(co2_db_find_region(&r, db, NULL, "gcp:asia-est1", &err), CO2_ERR_NOT_FOUND);
	ck_assert_str_eq(err.suggestions[0], "gcp:asia-east1");
	/* The words of spec keys, for a program's own "did you mean". */
	ck_assert_str_eq(co2_run_key_synonym("gpu"), "hardware");
	ck_assert_str_eq(co2_run_key_synonym("num-gpus"), "count");
	ck_assert_str_eq(co2_run_key_synonym("tdp"), "power");
	ck_assert_ptr_null(co2_run_key_synonym("cpu"));
	ck_assert_ptr_null(co2_run_key_synonym(NULL));
}
END_TEST

static Suite *lookup_suite(void)
{
	Suite *s = suite_create("lookup");
	TCase *t = tcase_create("lookup");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_loop_test(t, real_world_spellings_find_the_right_entry, 0,
	                    (int)(sizeof spellings / sizeof *spellings));
	tcase_add_loop_test(t, ambiguous_and_unknown_names_list_candidates_and_never_guess, 0,
	                    (int)(sizeof unclears / sizeof *unclears));
	tcase_add_test(t, suggestions_come_as_data_with_the_exact_names);
	tcase_add_test(t, counts_meet_the_coverage_targets);
	tcase_add_test(t, cpuinfo_model_names_find_their_cpu);
	tcase_add_test(t, a_provider_is_found_by_its_id_or_its_name);
	tcase_add_test(t, names_people_type_find_or_suggest_what_they_mean);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(lookup_suite)
