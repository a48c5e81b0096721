/* libFuzzer target: the sacct reader, with a fixed two-partition cluster, fed in two
 * chunks (the first byte picks the grouping and the split point). */
#include <string.h>

#include "fuzz.h"

static const char cluster_yaml[] =
	"granularity_memory_request: 2\n"
	"partitions:\n"
	"  cpu: {type: CPU, model: \"Test CPU\", TDP: 10}\n"
	"  gpu: {type: GPU, model: \"Test GPU\", TDP: 300, model_CPU: \"Test CPU\", TDP_CPU: 5}\n"
	"PUE: 1.5\n"
	"CI: 400\n";

static co2_cluster *cluster;

static void job(void *ctx, const co2_sacct_job *j)
{
	(void)ctx;
	(void)j;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co2_error err;
	if (!cluster && co2_cluster_load_buffer(&cluster, "cluster.yaml", cluster_yaml,
	                                        strlen(cluster_yaml), NULL, &err) != CO2_OK)
		__builtin_trap();
	if (size < 1)
		return 0;
	co2_sacct_options o;
	co2_sacct_options_init(&o);
	o.group_by = (co2_sacct_group_by)(data[0] % 6);
	if (data[0] & 0x80)
		o.since = "2024-01-01", o.custom_success_states = "TIMEOUT,CANCELLED";
	data++, size--;
	size_t split = size ? (size_t)(data[0] * 7919u) % (size + 1) : 0;
	co2_sacct *r = NULL;
	if (co2_sacct_new(&r, cluster, &o, "fuzz.log", &err) != CO2_OK)
		return 0;
	co2_sacct_on_job(r, job, NULL);
	if (co2_sacct_feed(r, (const char *)data, split, &err) == CO2_OK &&
	    co2_sacct_feed(r, (const char *)data + split, size - split, &err) == CO2_OK &&
	    co2_sacct_finish(r, &err) == CO2_OK) {
		const co2_sacct_totals *t = co2_sacct_get_totals(r);
		if (!fuzz_finite(t->all.energy_kwh) || !fuzz_finite(t->all.co2_kg) || t->all.energy_kwh < 0 ||
		    t->all.jobs_failed > t->all.jobs)
			__builtin_trap();
		for (size_t i = 0; i < co2_sacct_group_count(r); i++)
			if (!fuzz_finite(co2_sacct_group_at(r, i)->sums.co2_kg))
				__builtin_trap();
	}
	co2_sacct_free(r);
	return 0;
}
