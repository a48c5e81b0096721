/* libFuzzer target: run specs (YAML and JSON) through parsing and estimating. */
#include <stddef.h>
#include <stdint.h>

#include "co2calc/co2calc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static co2_db *db;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co2_error err;
	if (!db && co2_db_open_default(&db, &err) != CO2_OK)
		return 0;
	co2_spec *spec = NULL;
	if (co2_spec_parse(&spec, "fuzz", (const char *)data, size, &err) != CO2_OK)
		return 0;
	co2_result res;
	if (co2_estimate(db, co2_spec_run(spec), &res, &err) == CO2_OK) {
		char *text = NULL;
		if (co2_report(&text, NULL, &res, CO2_FORMAT_JSON, 0, &err) == CO2_OK)
			co2_free(text);
		if (co2_report(&text, NULL, &res, CO2_FORMAT_TEXT, CO2_REPORT_EXPLAIN, &err) == CO2_OK)
			co2_free(text);
		/* Results are never NaN or infinite. */
		if (res.co2_kg != res.co2_kg || res.co2_kg - res.co2_kg != 0)
			__builtin_trap();
	}
	co2_spec_free(spec);
	return 0;
}
