/* What the fuzz targets share: the entry point's declaration and the built-in data,
 * opened once per process (libFuzzer calls the entry point millions of times). */
#ifndef CO2CALC_FUZZ_H
#define CO2CALC_FUZZ_H
#include <stddef.h>
#include <stdint.h>

#include "co2calc/co2calc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The built-in database, or NULL when it cannot be opened (out of memory). */
static inline const co2_db *fuzz_db(void)
{
	static co2_db *db;
	co2_error err;
	if (!db && co2_db_open_default(&db, &err) != CO2_OK)
		db = NULL;
	return db;
}

/* A result is never NaN or infinite. */
static inline int fuzz_finite(double v)
{
	return v == v && v - v == 0;
}
#endif
