/* --method mlco2 against the ML CO2 Impact page's own arithmetic: tests/data/mlco2-oracle.csv,
 * written by node running scripts/mlco2-oracle.js (the page's parseInt and toFixed(2)).
 * Every figure must be the same double. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"
#include "base/base.h"

#define ORACLE CO2_TEST_DATA_DIR "/mlco2-oracle.csv"
#define EDITION "mlco2-impact"

enum { F_HARDWARE, F_REGION, F_COUNT, F_HOURS, F_PAGE_HOURS, F_WATTS, F_IMPACT, F_ENERGY, F_KG,
       F_CO2, F_CASE, N_FIELDS };

static const char *const header =
	"hardware,region,count,hours,page_hours,watts,impact_g_per_kwh,energy_kwh,kg_per_kwh,co2_kg,case";

/* db: the built-in data, opened by setup() and closed by teardown(). */
CO2_TEST_DEFAULT_DB

/* The rows of the table: fields point into buf (commas and newlines become NULs). */
typedef struct row {
	char *f[N_FIELDS];
	int line;
} row;

static row *read_rows(char **buf, size_t *n)
{
	size_t len;
	*buf = co2_test_slurp(ORACLE, &len);
	row *rows = NULL;
	size_t cap = 0;
	*n = 0;
	int line = 0, seen_header = 0;
	for (char *p = *buf; *p;) {
		char *eol = strchr(p, '\n');
		if (eol)
			*eol = '\0';
		line++;
		if (*p == '#' || *p == '\0') {
		} else if (!seen_header) {
			ck_assert_str_eq(p, header);
			seen_header = 1;
		} else {
			if (*n == cap) {
				cap = cap ? 2 * cap : 256;
				rows = realloc(rows, cap * sizeof *rows);
				ck_assert_ptr_nonnull(rows);
			}
			row *r = &rows[(*n)++];
			r->line = line;
			int k = 0;
			for (char *q = p; k < N_FIELDS; k++) {
				r->f[k] = q;
				char *c = strchr(q, ',');
				if (!c)
					break;
				*c = '\0';
				q = c + 1;
			}
			ck_assert_msg(k == N_FIELDS - 1, "%s:%d: %d fields, expected %d", ORACLE, line,
			              k + 1, N_FIELDS);
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	ck_assert_msg(seen_header, "%s: no header", ORACLE);
	return rows;
}

static double num(const row *r, int k)
{
	double v;
	ck_assert_msg(co2__strtod(r->f[k], &v), "%s:%d: field %d is no number: '%s'", ORACLE,
	              r->line, k + 1, r->f[k]);
	return v;
}

/* Every row, in the "C" locale (_i 0) and under a decimal comma (_i 1). */
START_TEST(every_row_gives_the_page_figures_to_the_last_bit)
{
	if (_i == 1 && !setlocale(LC_ALL, "de_DE.UTF-8") && !setlocale(LC_ALL, "fr_FR.UTF-8"))
		return; /* no comma locale here */
	char *buf;
	size_t n;
	row *rows = read_rows(&buf, &n);
	ck_assert_uint_ge(n, 200);
	for (size_t i = 0; i < n; i++) {
		const row *w = &rows[i];
		co2_run run;
		co2_run_init(&run);
		ck_assert_int_eq(co2_run_add_device(&run, w->f[F_HARDWARE], num(w, F_COUNT), CO2_UNSET), CO2_OK);
		run.hours = num(w, F_HOURS);
		run.region = w->f[F_REGION];
		run.method = CO2_METHOD_MLCO2;
		co2_result r;
		co2_result_init(&r);
		co2_error err;
		ck_assert_msg(co2_estimate(db, &run, &r, &err) == CO2_OK, "%s:%d: %s", ORACLE, w->line,
		              err.message);
		/* The inputs the oracle took are the ones co2calc found. */
		ck_assert_str_eq(r.edition, EDITION);
		ck_assert_uint_eq(r.n_parts, 1);
		ck_assert_msg(r.parts[0].unit_power_w == num(w, F_WATTS), "%s:%d: %s is %.17g W here",
		              ORACLE, w->line, w->f[F_HARDWARE], r.parts[0].unit_power_w);
		ck_assert_msg(r.parts[0].device_hours == num(w, F_PAGE_HOURS), "%s:%d: %.17g device-hours",
		              ORACLE, w->line, r.parts[0].device_hours);
		ck_assert_double_eq(r.pue, 1.0);
		/* The figures, exactly. */
		ck_assert_msg(r.energy_kwh == num(w, F_ENERGY), "%s:%d (%s): energy %.17g kWh, the page %s",
		              ORACLE, w->line, w->f[F_CASE], r.energy_kwh, w->f[F_ENERGY]);
		ck_assert_msg(r.intensity_g_per_kwh / 1000.0 == num(w, F_KG),
		              "%s:%d (%s): %.17g kg/kWh, the page %s", ORACLE, w->line, w->f[F_CASE],
		              r.intensity_g_per_kwh / 1000.0, w->f[F_KG]);
		ck_assert_msg(r.co2_kg == num(w, F_CO2), "%s:%d (%s): %.17g kg CO2eq, the page %s",
		              ORACLE, w->line, w->f[F_CASE], r.co2_kg, w->f[F_CO2]);
	}
	free(rows);
	free(buf);
	setlocale(LC_ALL, "C");
}
END_TEST

START_TEST(the_table_has_every_region_and_hardware_row_of_the_edition)
{
	char *buf;
	size_t n;
	row *rows = read_rows(&buf, &n);
	size_t nr, nh, regions = 0, hardware = 0;
	const co2_region *rg = co2_db_regions(db, &nr);
	for (size_t i = 0; i < nr; i++) {
		if (strcmp(rg[i].edition, EDITION) != 0)
			continue;
		regions++;
		size_t j = 0;
		while (j < n && strcmp(rows[j].f[F_REGION], rg[i].id) != 0)
			j++;
		ck_assert_msg(j < n, "%s: no row for region %s (re-run scripts/mlco2-oracle.js)", ORACLE,
		              rg[i].id);
		/* The page reads the intensity with parseInt. */
		ck_assert_double_eq(trunc(rg[i].intensity_g_per_kwh), num(&rows[j], F_IMPACT));
	}
	const co2_hardware *hw = co2_db_hardware_list(db, &nh);
	for (size_t i = 0; i < nh; i++) {
		if (strcmp(hw[i].edition, EDITION) != 0)
			continue;
		hardware++;
		size_t j = 0;
		while (j < n && strcmp(rows[j].f[F_HARDWARE], hw[i].name) != 0)
			j++;
		ck_assert_msg(j < n, "%s: no row for hardware %s (re-run scripts/mlco2-oracle.js)", ORACLE,
		              hw[i].name);
		ck_assert_double_eq(hw[i].power_w, num(&rows[j], F_WATTS));
	}
	ck_assert_uint_gt(regions, 0);
	ck_assert_uint_gt(hardware, 0);
	free(rows);
	free(buf);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("mlco2_oracle");
	TCase *t = tcase_create("oracle");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 120);
	tcase_add_loop_test(t, every_row_gives_the_page_figures_to_the_last_bit, 0, 2);
	tcase_add_test(t, the_table_has_every_region_and_hardware_row_of_the_edition);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(make_suite)
