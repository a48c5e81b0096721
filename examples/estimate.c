/* Using libco2calc from C: the BERT-base estimate of the ML CO2 Impact paper.
 * Build on an installed co2calc: cc estimate.c $(pkg-config --cflags --libs co2calc), or
 * with CMake see examples/cmake/CMakeLists.txt (this build makes it as example_estimate). */
#include <stdio.h>

#include "co2calc/co2calc.h"

int main(void)
{
	co2_db *db = NULL;
	co2_error err;
	co2_error_clear(&err);
	if (co2_db_open_default(&db, &err) != CO2_OK) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "TPU v2", 4, CO2_UNSET);
	run.hours = 96;
	run.region = "gcp:asia-east1";
	run.method = CO2_METHOD_MLCO2;
	co2_result res;
	co2_result_init(&res);
	if (co2_estimate(db, &run, &res, &err) != CO2_OK) {
		fprintf(stderr, "%s\n", err.message);
		co2_db_close(db);
		return 1;
	}
	printf("%.2f kWh, %.2f kg CO2eq (method %s, edition %s)\n", res.energy_kwh, res.co2_kg,
	       res.method_name, res.edition);
	for (size_t i = 0; i < res.n_factors; i++)
		printf("  %s = %g %s (%s)\n", res.factors[i].name, res.factors[i].value,
		       res.factors[i].unit, res.factors[i].source);
	co2_db_close(db);
	return res.co2_kg == 47.52 ? 0 : 1;
}
