/* The CPUs of the co2calc edition (data/co2calc/cpus.yaml): forty chips checked by hand
 * against their vendors' pages, the coverage of core counts, the TDP convention of
 * data/SCHEMA.md and the names item 7 of issue 12 split. */
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

/* db: the built-in data, opened by setup() and closed by teardown(). */
CO2_TEST_DEFAULT_DB

typedef struct checked {
	const char *name;   /* as the entry is named */
	int cores;
	int threads;        /* 0: not checked */
	double tdp_w;       /* the vendor's base/default TDP (Intel: Processor Base Power) */
	double max_w;       /* the vendor's highest figure; 0 when the data gives none */
	int year;           /* launch year */
} checked;

/* Each figure read on the page named beside it (the vendor's own page where there is one;
 * the page was found through the project's search tool, and the figures agree with the
 * vendor tables CodeCarbon scraped, reference-data/codecarbon/cpu_dataset_builder/). */
static const checked cpus[] = {
	/* Xeon Scalable, 1st to 5th generation, and Xeon 6 */
	/* intel.com/content/www/us/en/products/sku/120489/intel-xeon-gold-6148-processor-27-5m-cache-2-40-ghz/specifications.html */
	{ "Intel Xeon Gold 6148", 20, 40, 150, 0, 2017 },
	/* intel.com/content/www/us/en/products/sku/120496/intel-xeon-platinum-8180-processor-38-5m-cache-2-50-ghz/specifications.html */
	{ "Intel Xeon Platinum 8180", 28, 56, 205, 0, 2017 },
	/* intel.com/content/www/us/en/products/sku/192446/intel-xeon-gold-6248-processor-27-5m-cache-2-50-ghz/specifications.html */
	{ "Intel Xeon Gold 6248", 20, 0, 150, 0, 2019 },
	/* intel.com/content/www/us/en/products/sku/192478/intel-xeon-platinum-8280-processor-38-5m-cache-2-70-ghz/specifications.html */
	{ "Intel Xeon Platinum 8280", 28, 56, 205, 0, 2019 },
	/* intel.com/content/www/us/en/products/sku/212287/intel-xeon-platinum-8380-processor-60m-cache-2-30-ghz/specifications.html */
	{ "Intel Xeon Platinum 8380", 40, 80, 270, 0, 2021 },
	/* intel.com/content/www/us/en/products/sku/212285/intel-xeon-gold-6338-processor-48m-cache-2-00-ghz/specifications.html */
	{ "Intel Xeon Gold 6338", 32, 0, 205, 0, 2021 },
	/* intel.com/content/www/us/en/products/sku/215269/intel-xeon-silver-4314-processor-24m-cache-2-40-ghz/specifications.html */
	{ "Intel Xeon Silver 4314", 16, 32, 135, 0, 2021 },
	/* intel.com/content/www/us/en/products/sku/231746/intel-xeon-platinum-8480-processor-105m-cache-2-00-ghz/specifications.html */
	{ "Intel Xeon Platinum 8480+", 56, 112, 350, 0, 2023 },
	/* intel.com/content/www/us/en/products/sku/231737/intel-xeon-gold-6430-processor-60m-cache-2-10-ghz/specifications.html */
	{ "Intel Xeon Gold 6430", 32, 64, 270, 0, 2023 },
	/* ark.intel.com/content/www/us/en/ark/products/237261/intel-xeon-platinum-8592-processor-320m-cache-1-9-ghz.html */
	{ "Intel Xeon Platinum 8592+", 64, 0, 350, 0, 2023 },
	/* intel.com/content/www/us/en/products/sku/240777/intel-xeon-6980p-processor-504m-cache-2-00-ghz/specifications.html */
	{ "Intel Xeon 6980P", 128, 0, 500, 0, 2024 },
	/* intel.com/content/www/us/en/products/sku/240362/intel-xeon-6780e-processor-108m-cache-2-20-ghz/specifications.html */
	{ "Intel Xeon 6780E", 144, 0, 330, 0, 2024 },
	/* EPYC 7001 to 9005 and 4004 */
	/* amd.com/en/products/cpu/amd-epyc-7601 */
	{ "AMD EPYC 7601", 32, 64, 180, 0, 2017 },
	/* amd.com/en/products/cpu/amd-epyc-7742 */
	{ "AMD EPYC 7742", 64, 128, 225, 0, 2019 },
	/* amd.com/en/products/cpu/amd-epyc-7763 */
	{ "AMD EPYC 7763", 64, 128, 280, 0, 2021 },
	/* amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9654.html
	 * (cTDP 320-400 W) */
	{ "AMD EPYC 9654", 96, 192, 360, 400, 2022 },
	/* amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9754.html */
	{ "AMD EPYC 9754", 128, 256, 360, 400, 2023 },
	/* amd.com/en/products/processors/server/epyc/9005-series/amd-epyc-9965.html (cTDP 450-500 W) */
	{ "AMD EPYC 9965", 192, 384, 500, 0, 2024 },
	/* amd.com/en/products/processors/server/epyc/9005-series/amd-epyc-9575f.html */
	{ "AMD EPYC 9575F", 64, 128, 400, 0, 2024 },
	/* amd.com/en/products/processors/server/epyc/4004-series/amd-epyc-4564p.html */
	{ "AMD EPYC 4564P", 16, 32, 170, 0, 2024 },
	/* Core, 8th to 14th generation, and Core Ultra */
	/* intel.com/content/www/us/en/products/sku/126684/intel-core-i78700k-processor-12m-cache-up-to-4-70-ghz/specifications.html */
	{ "Intel Core i7-8700K", 6, 12, 95, 0, 2017 },
	/* intel.com/content/www/us/en/products/sku/186605/intel-core-i99900k-processor-16m-cache-up-to-5-00-ghz/specifications.html */
	{ "Intel Core i9-9900K", 8, 16, 95, 0, 2018 },
	/* intel.com/content/www/us/en/products/sku/199332/intel-core-i910900k-processor-20m-cache-up-to-5-30-ghz/specifications.html */
	{ "Intel Core i9-10900K", 10, 20, 125, 0, 2020 },
	/* intel.com/content/www/us/en/products/sku/212047/intel-core-i711700k-processor-16m-cache-up-to-5-00-ghz/specifications.html */
	{ "Intel Core i7-11700K", 8, 16, 125, 0, 2021 },
	/* intel.com/content/www/us/en/products/sku/134586/intel-core-i512400-processor-18m-cache-up-to-4-40-ghz/specifications.html
	 * (6 performance cores, no efficient cores) */
	{ "Intel Core i5-12400", 6, 12, 65, 0, 2022 },
	/* intel.com/content/www/us/en/products/sku/134594/intel-core-i712700k-processor-25m-cache-up-to-5-00-ghz/specifications.html:
	 * Processor Base Power 125 W, Maximum Turbo Power 190 W (CodeCarbon gave 190 W as its TDP) */
	{ "Intel Core i7-12700K", 12, 20, 125, 190, 2021 },
	/* intel.com/content/www/us/en/products/sku/230496/intel-core-i913900k-processor-36m-cache-up-to-5-80-ghz/specifications.html */
	{ "Intel Core i9-13900K", 24, 32, 125, 253, 2022 },
	/* intel.com/content/www/us/en/products/sku/236773/intel-core-i914900k-processor-36m-cache-up-to-6-00-ghz/specifications.html */
	{ "Intel Core i9-14900K", 24, 32, 125, 253, 2023 },
	/* intel.com/content/www/us/en/products/sku/236847/intel-core-ultra-7-processor-155h-24m-cache-up-to-4-80-ghz/specifications.html */
	{ "Intel Core Ultra 7 155H", 16, 22, 28, 115, 2023 },
	/* intel.com/content/www/us/en/products/sku/241060/intel-core-ultra-9-processor-285k-36m-cache-up-to-5-70-ghz/specifications.html */
	{ "Intel Core Ultra 9 285K", 24, 24, 125, 250, 2024 },
	/* Ryzen 1000 to 9000 and Threadripper */
	/* amd.com/en/products/cpu/amd-ryzen-7-1700 */
	{ "AMD Ryzen 7 1700", 8, 16, 65, 0, 2017 },
	/* amd.com/en/products/cpu/amd-ryzen-9-3900x (Green Algorithms gives 125 W, 10.4 W per core) */
	{ "AMD Ryzen 9 3900X", 12, 24, 105, 0, 2019 },
	/* amd.com/en/products/cpu/amd-ryzen-9-5950x */
	{ "AMD Ryzen 9 5950X", 16, 32, 105, 0, 2020 },
	/* amd.com/en/products/processors/desktops/ryzen/7000-series/amd-ryzen-9-7950x.html */
	{ "AMD Ryzen 9 7950X", 16, 32, 170, 0, 2022 },
	/* amd.com/en/products/processors/desktops/ryzen/9000-series/amd-ryzen-9-9950x.html */
	{ "AMD Ryzen 9 9950X", 16, 32, 170, 0, 2024 },
	/* amd.com/en/products/cpu/amd-ryzen-threadripper-3990x */
	{ "AMD Ryzen Threadripper 3990X", 64, 128, 280, 0, 2020 },
	/* amd.com/en/support/downloads/drivers.html/processors/ryzen-threadripper-pro/ryzen-threadripper-pro-5000wx-series/amd-ryzen-threadripper-pro-5995wx.html */
	{ "AMD Ryzen Threadripper PRO 5995WX", 64, 128, 280, 0, 2022 },
	/* amd.com/en/products/cpu/amd-ryzen-threadripper-7980x */
	{ "AMD Ryzen Threadripper 7980X", 64, 128, 350, 0, 2023 },
	/* Arm server CPUs */
	/* Ampere's SKU list of June 2020, as www.heise.de/news/Ampere-Altra-ARM-Prozessoren-mit-bis-zu-80-Kernen-3-3-GHz-und-PCIe-4-0-4794196.html
	 * reports it (Ampere's own page was not reachable through the search tool) */
	{ "Ampere Altra Q80-30", 80, 80, 210, 0, 2020 },
	/* developer.nvidia.com/blog/nvidia-grace-cpu-superchip-architecture-in-depth/: 144 cores;
	 * 500 W is the module with its LPDDR5X memory (power_type board-power) */
	{ "NVIDIA Grace CPU Superchip", 144, 144, 500, 0, 2023 },
};

_Static_assert(sizeof cpus / sizeof *cpus == 40, "forty hand-checked CPUs");

/* The CPU c names, found by that name, with c's core and thread counts. */
static const co2_hardware *find_cpu(const checked *c)
{
	const co2_hardware *h = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_db_find_hardware(&h, db, NULL, c->name, &err) == CO2_OK, "%s: %s", c->name,
	              err.message);
	ck_assert_str_eq(h->name, c->name);
	ck_assert_str_eq(h->kind, "cpu");
	ck_assert_msg(h->cores == c->cores, "%s: %d cores, expected %d", c->name, h->cores, c->cores);
	if (c->threads)
		ck_assert_msg(h->threads == c->threads, "%s: %d threads, expected %d", c->name, h->threads,
		              c->threads);
	return h;
}

START_TEST(forty_hand_checked_cpus_have_their_vendor_figures)
{
	const checked *c = &cpus[_i];
	const co2_hardware *h = find_cpu(c);
	ck_assert_str_eq(h->edition, "co2calc");
	ck_assert_msg(h->power_w == c->tdp_w, "%s: %g W, expected %g", c->name, h->power_w, c->tdp_w);
	if (c->max_w > 0)
		ck_assert_msg(h->power_max_w == c->max_w, "%s: max %g W, expected %g", c->name, h->power_max_w,
		              c->max_w);
	else
		ck_assert_msg(h->power_max_w == CO2_UNSET, "%s: max %g W, expected none", c->name,
		              h->power_max_w);
	ck_assert_msg(h->year == c->year, "%s: year %d, expected %d", c->name, h->year, c->year);
	ck_assert_msg(strcmp(h->power_type, strstr(c->name, "Grace") ? "board-power" : "tdp") == 0,
	              "%s: power_type %s", c->name, h->power_type);
	ck_assert_double_eq(h->power_per_core_w, CO2_UNSET);
}
END_TEST

/* Issue 12, item 1, second pass: chips the reference tables gave no core count, checked by
 * hand on the page cpus-curated.csv names for each (tdp_w 0: the TDP is CodeCarbon's and was
 * not checked on that page). */
static const checked later_cpus[] = {
	/* multiplayer.it/notizie/cpu-intel-di-quattordicesima-generazione-i-chip-mobile-raptor-lake-hx-e-u-annunciati-al-ces-2024.html
	 * (8 P + 16 E cores, 32 threads); 55 W base power: cnews.cz/clanky/takt-5-8-ghz-v-notebooku-intel-vydava-sve-dosud-nejvykonnejsi-mobilni-procesory */
	{ "Intel Core i9-14900HX", 24, 32, 55, 0, 2024 },
	/* www.notebookcheck.net/The-elusive-10-nm-Core-i7-1068G7-will-be-Intel-s-short-term-response-to-the-impending-7-nm-AMD-Ryzen-7-4700U.458772.0.html */
	{ "Intel Core i7-1068G7", 4, 8, 28, 0, 2019 },
	/* heise.de/-4689484 (Apple's MacBook Air 2020: quad-core at 10 W, dual-core at 9 W) */
	{ "Intel Core i5-1030NG7", 4, 0, 10, 0, 2020 },
	{ "Intel Core i3-1000NG4", 2, 0, 9, 0, 2020 },
	/* tomsguide.com/news/imac-2020-specs-leak-reveals-powerful-new-upgrades (Apple-only, no public ARK page) */
	{ "Intel Core i9-10910", 10, 20, 0, 0, 2020 },
};

START_TEST(later_cpus_have_their_sourced_core_counts)
{
	const checked *c = &later_cpus[_i];
	const co2_hardware *h = find_cpu(c);
	if (c->tdp_w > 0)
		ck_assert_msg(h->power_w == c->tdp_w, "%s: %g W, expected %g", c->name, h->power_w, c->tdp_w);
	ck_assert_msg(h->year == c->year, "%s: year %d, expected %d", c->name, h->year, c->year);
	ck_assert_ptr_nonnull(strstr(h->source, "cores"));
}
END_TEST

typedef struct soc {
	const char *name;
	int cores;
	const char *split; /* as the note gives it */
} soc;

/* Apple's SoCs (accelerators.yaml): every core, performance and efficiency ones alike. */
static const soc apple[] = {
	/* www.macrumors.com/2020/11/10/apple-announces-m1-chip-for-the-mac/ */
	{ "Apple M1", 8, "4 performance + 4 efficiency" },
	/* pcextreme.com.br/apple-announces-m3-soc-family-m3-m3-pro-and-m3-max-make-their-marks/ (AnandTech's table) */
	{ "Apple M3 Max", 16, "12 performance + 4 efficiency" },
	/* www.hindustantimes.com/business/apple-refreshes-macbook-pro-which-also-marks-arrival-of-m4-pro-and-m4-max-chips-101730304836430.html;
	 * the binned 12-core part: support.apple.com/en-sg/121555 (Mac mini (2024) tech specs) */
	{ "Apple M4 Pro", 14, "10 performance + 4 efficiency" },
};

START_TEST(apple_socs_count_every_core)
{
	const soc *a = &apple[_i];
	const co2_hardware *h = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_db_find_hardware(&h, db, NULL, a->name, &err) == CO2_OK, "%s", err.message);
	ck_assert_str_eq(h->name, a->name);
	ck_assert_str_eq(h->kind, "soc");
	ck_assert_str_eq(h->power_type, "estimate");
	ck_assert_int_eq(h->cores, a->cores);
	ck_assert_msg(h->note && strstr(h->note, a->split), "%s: the note lacks '%s'", a->name, a->split);
	/* counted as a CPU, a core is the package estimate divided by the cores */
	co2_run run;
	co2_run_init(&run);
	ck_assert_int_eq(co2_run_add_device(&run, a->name, CO2_UNSET, CO2_UNSET), CO2_OK);
	run.devices[0].role = CO2_ROLE_CPU;
	run.hours = 1;
	run.location = "FR";
	co2_result r;
	co2_result_init(&r);
	ck_assert_msg(co2_estimate(db, &run, &r, &err) == CO2_OK, "%s: %s", a->name, err.message);
	ck_assert_double_eq_tol(r.parts[0].unit_power_w, h->power_w / a->cores, 1e-9);
	ck_assert_double_eq_tol(r.parts[0].power_w, h->power_w, 1e-9);
}
END_TEST

START_TEST(every_apple_m_chip_has_its_cores)
{
	size_t n, found = 0;
	const co2_hardware *hw = co2_db_hardware_list(db, &n);
	for (size_t i = 0; i < n; i++) {
		if (strncmp(hw[i].name, "Apple M", 7) != 0 || strcmp(hw[i].edition, "co2calc") != 0)
			continue;
		found++;
		ck_assert_msg(hw[i].cores > 0, "%s has no core count", hw[i].name);
	}
	ck_assert_uint_ge(found, 15);
}
END_TEST

/* `co2calc estimate --cpu NAME --cores N --hours 1 --location FR` through the library:
 * every core at TDP / cores, so the CPU part is the whole TDP for an hour. */
START_TEST(forty_hand_checked_cpus_estimate_in_france)
{
	const checked *c = &cpus[_i];
	co2_run run;
	co2_run_init(&run);
	ck_assert_int_eq(co2_run_add_device(&run, c->name, c->cores, CO2_UNSET), CO2_OK);
	run.devices[0].role = CO2_ROLE_CPU;
	run.hours = 1;
	run.location = "FR";
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_estimate(db, &run, &r, &err) == CO2_OK, "%s: %s", c->name, err.message);
	ck_assert_uint_eq(r.n_parts, 1);
	ck_assert_int_eq(r.parts[0].kind, CO2_PART_CPU);
	ck_assert_double_eq_tol(r.parts[0].unit_power_w, c->tdp_w / c->cores, 1e-9);
	ck_assert_double_eq_tol(r.parts[0].power_w, c->tdp_w, 1e-9);
	ck_assert_double_eq_tol(r.it_energy_kwh, c->tdp_w / 1000.0, 1e-12);
	ck_assert_double_eq_tol(r.energy_kwh, r.it_energy_kwh * r.pue, 1e-12);
	ck_assert_msg(r.co2_kg > 0, "%s: %g kg", c->name, r.co2_kg);
	ck_assert_double_eq_tol(r.co2_kg, r.energy_kwh * r.intensity_g_per_kwh / 1000.0, 1e-12);
}
END_TEST

static int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Issue 12, item 1: cores for at least 3,000 CPUs, every family named there included. */
START_TEST(core_counts_cover_every_family)
{
	static const char *const families[] = {
		"Intel Xeon Bronze 3", "Intel Xeon Silver 4", "Intel Xeon Gold 5", "Intel Xeon Gold 6",
		"Intel Xeon Platinum 8", "Intel Xeon 6", "AMD EPYC 7", "AMD EPYC 9", "AMD EPYC 4",
		"AMD EPYC 8", "Intel Core i3-1", "Intel Core i5-1", "Intel Core i7-8", "Intel Core i9-1",
		"Intel Core Ultra", "AMD Ryzen 3 ", "AMD Ryzen 5 ", "AMD Ryzen 7 ", "AMD Ryzen 9 ",
		"AMD Ryzen Threadripper", "AWS Graviton2", "AWS Graviton3", "AWS Graviton4",
		"NVIDIA Grace", "Ampere Altra Q", "Ampere Altra Max", "AmpereOne",
	};
	size_t nf = sizeof families / sizeof *families;
	size_t found[sizeof families / sizeof *families] = { 0 };
	size_t n, with_cores = 0, with_threads = 0;
	const co2_hardware *hw = co2_db_hardware_list(db, &n);
	for (size_t i = 0; i < n; i++) {
		const co2_hardware *h = &hw[i];
		if (strcmp(h->kind, "cpu") != 0 || strcmp(h->edition, "co2calc") != 0)
			continue;
		ck_assert_msg(h->threads == 0 || h->threads >= h->cores, "%s: %d threads, %d cores",
		              h->name, h->threads, h->cores);
		ck_assert_msg(h->power_max_w == CO2_UNSET || h->power_max_w > h->power_w,
		              "%s: power_max_w %g <= power_w %g", h->name, h->power_max_w, h->power_w);
		/* the default method divides the TDP by the cores (SCHEMA.md) */
		ck_assert_msg(h->power_per_core_w == CO2_UNSET, "%s has power_per_core_w", h->name);
		if (!h->cores)
			continue;
		with_cores++;
		with_threads += h->threads > 0;
		for (size_t f = 0; f < nf; f++)
			found[f] += starts(h->name, families[f]);
	}
	ck_assert_uint_ge(with_cores, 3000);
	ck_assert_uint_ge(with_threads, 1500);
	for (size_t f = 0; f < nf; f++)
		ck_assert_msg(found[f] > 0, "no CPU of the family '%s' has a core count", families[f]);
}
END_TEST

/* A figure no vendor published is an estimate, never a TDP. */
START_TEST(graviton_power_is_an_estimate)
{
	static const char *const gravitons[] = { "AWS Graviton2", "AWS Graviton3", "AWS Graviton4" };
	static const int cores[] = { 64, 64, 96 };
	for (size_t i = 0; i < 3; i++) {
		const co2_hardware *h = NULL;
		co2_error err;
		ck_assert_msg(co2_db_find_hardware(&h, db, NULL, gravitons[i], &err) == CO2_OK, "%s",
		              err.message);
		ck_assert_str_eq(h->name, gravitons[i]);
		ck_assert_int_eq(h->cores, cores[i]);
		ck_assert_str_eq(h->power_type, "estimate");
		ck_assert_ptr_nonnull(h->note);
	}
}
END_TEST

/* Green Algorithms' per-core figure stays in its own edition; the default method takes
 * TDP / cores (Ryzen 9 3900X: 105 W / 12 = 8.75 W, where Green Algorithms has 10.4 W). */
START_TEST(default_method_divides_the_tdp_green_algorithms_keeps_its_figure)
{
	const co2_hardware *h = NULL;
	co2_error err;
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "green-algorithms-3.0", "Ryzen 9 3900X", &err), CO2_OK);
	ck_assert_str_eq(h->edition, "green-algorithms-3.0");
	ck_assert_double_eq(h->power_per_core_w, 10.4);
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "AMD Ryzen 9 3900X", 12, CO2_UNSET);
	run.devices[0].role = CO2_ROLE_CPU;
	run.hours = 1;
	run.location = "FR";
	co2_result r;
	co2_result_init(&r);
	ck_assert_msg(co2_estimate(db, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.parts[0].unit_power_w, 8.75, 1e-12);
	run.method = CO2_METHOD_GREEN_ALGORITHMS;
	run.devices[0].name = "Ryzen 9 3900X";
	ck_assert_msg(co2_estimate(db, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.parts[0].unit_power_w, 10.4, 1e-12);
}
END_TEST

typedef struct split {
	const char *given;
	const char *found;
	double power_w;
} split;

/* Issue 12, item 7: different chips merged under one cleaned name are apart again, and
 * CodeCarbon's bare model numbers carry their vendor. */
static const split splits[] = {
	{ "Intel Celeron 220", "Intel Celeron 220", 19 },           /* Conroe-L, 2007 */
	{ "Intel Celeron 2.20 GHz", "Intel Celeron 2.20 GHz", 73 }, /* a Celeron at 2.20 GHz */
	{ "AMD Opteron X2170", "AMD Opteron X2170", 25 },           /* the Kyoto APU */
	{ "AMD Opteron 170", "AMD Opteron 170", 110 },              /* CodeCarbon's "Opteron X2 170" */
	{ "AMD Opteron 6140", "AMD Opteron 6140", 115 },            /* CodeCarbon's "6140" */
	{ "AMD Phenom II 1075T", "AMD Phenom II 1075T", 95 },       /* CodeCarbon's "1075T" */
	{ "TL-52", "AMD Turion 64 X2 TL-52", 31 },
};

START_TEST(merged_chips_are_split_and_bare_names_have_a_vendor)
{
	const split *s = &splits[_i];
	const co2_hardware *h = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_db_find_hardware(&h, db, NULL, s->given, &err) == CO2_OK, "%s: %s", s->given,
	              err.message);
	ck_assert_str_eq(h->name, s->found);
	ck_assert_double_eq(h->power_w, s->power_w);
}
END_TEST

START_TEST(no_entry_is_named_by_a_bare_number)
{
	static const char *const vendors[] = { "Intel", "AMD", "Apple", "AWS", "NVIDIA", "Ampere", "ARM" };
	size_t n;
	const co2_hardware *hw = co2_db_hardware_list(db, &n);
	for (size_t i = 0; i < n; i++) {
		const co2_hardware *h = &hw[i];
		if (strcmp(h->kind, "cpu") != 0 || strcmp(h->edition, "co2calc") != 0)
			continue;
		int named = h->name[0] < '0' || h->name[0] > '9'; /* "6140", "1075T" were not */
		for (size_t v = 0; v < sizeof vendors / sizeof *vendors; v++)
			named |= strstr(h->name, vendors[v]) != NULL;
		ck_assert_msg(named, "'%s' names no vendor", h->name);
	}
	/* "6140" alone is not taken for one of the chips that carry the number */
	const co2_hardware *h = NULL;
	co2_error err;
	ck_assert_int_ne(co2_db_find_hardware(&h, db, NULL, "6140", &err), CO2_OK);
}
END_TEST

static Suite *cpus_suite(void)
{
	Suite *s = suite_create("cpus");
	TCase *t = tcase_create("cpus");
	tcase_add_checked_fixture(t, setup, teardown);
	int n = (int)(sizeof cpus / sizeof *cpus);
	tcase_add_loop_test(t, forty_hand_checked_cpus_have_their_vendor_figures, 0, n);
	tcase_add_loop_test(t, forty_hand_checked_cpus_estimate_in_france, 0, n);
	tcase_add_test(t, core_counts_cover_every_family);
	tcase_add_loop_test(t, later_cpus_have_their_sourced_core_counts, 0,
	                    (int)(sizeof later_cpus / sizeof *later_cpus));
	tcase_add_loop_test(t, apple_socs_count_every_core, 0, (int)(sizeof apple / sizeof *apple));
	tcase_add_test(t, every_apple_m_chip_has_its_cores);
	tcase_add_test(t, graviton_power_is_an_estimate);
	tcase_add_test(t, default_method_divides_the_tdp_green_algorithms_keeps_its_figure);
	tcase_add_loop_test(t, merged_chips_are_split_and_bare_names_have_a_vendor, 0,
	                    (int)(sizeof splits / sizeof *splits));
	tcase_add_test(t, no_entry_is_named_by_a_bare_number);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(cpus_suite)
