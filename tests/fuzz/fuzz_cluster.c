/* libFuzzer target: cluster files (co2calc's and GreenAlgorithms4HPC's
 * cluster_info.yaml), with model and location lookups in the built-in data. */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co2_error err;
	const co2_db *db = fuzz_db();
	if (!db)
		return 0;
	co2_cluster *c = NULL;
	if (co2_cluster_load_buffer(&c, "fuzz.yaml", (const char *)data, size, db, &err) == CO2_OK) {
		double pue = co2_cluster_pue(c), ci = co2_cluster_intensity(c);
		if (!(pue >= 1) || !(ci >= 0) || ci - ci != 0 || pue - pue != 0)
			__builtin_trap(); /* a loaded cluster has usable figures */
		for (size_t i = 0; i < co2_cluster_partition_count(c); i++)
			if (!co2_cluster_partition_at(c, i)->name)
				__builtin_trap();
		co2_cluster_free(c);
	}
	return 0;
}
