/* libFuzzer target: run specs (YAML and JSON) through parsing and estimating. */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co2_error err;
	const co2_db *db = fuzz_db();
	if (!db)
		return 0;
	co2_spec *spec = NULL;
	if (co2_spec_parse(&spec, "fuzz", (const char *)data, size, &err) != CO2_OK)
		return 0;
	co2_result res;
	co2_result_init(&res);
	if (co2_estimate(db, co2_spec_run(spec), &res, &err) == CO2_OK) {
		char *text = NULL;
		if (co2_report(&text, NULL, &res, CO2_FORMAT_JSON, 0, &err) == CO2_OK)
			co2_free(text);
		if (co2_report(&text, NULL, &res, CO2_FORMAT_TEXT, CO2_REPORT_EXPLAIN, &err) == CO2_OK)
			co2_free(text);
		/* Results are never NaN or infinite. */
		if (!fuzz_finite(res.co2_kg))
			__builtin_trap();
	}
	co2_spec_free(spec);
	return 0;
}
