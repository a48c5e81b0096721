/* co2calc — run specs: a run declared in a YAML or JSON file.
 *
 *   hardware: TPU v2          # or a list of {hardware, count, utilization, power_w}
 *   count: 4
 *   hours: 96
 *   region: gcp:asia-east1
 *   method: mlco2
 */
#ifndef CO2CALC_SPEC_H
#define CO2CALC_SPEC_H

#include "co2calc/common.h"
#include "co2calc/estimate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A parsed spec: owns the strings its run points to. */
typedef struct co2_spec co2_spec;

/* Parse a spec from memory. The format is JSON when the first non-blank byte is '{',
 * YAML otherwise. name is used in error messages (a path, or "<stdin>"). Unknown keys
 * are rejected with the nearest known key suggested. The caller owns *out and frees it
 * with co2_spec_free(). */
CO2_API co2_status co2_spec_parse(co2_spec **out, const char *name, const char *buf,
                                  size_t len, co2_error *err);

/* The run the spec declares; valid until co2_spec_free(). Callers may change fields of
 * the returned run (command-line flags override spec values). */
CO2_API co2_run *co2_spec_run(co2_spec *spec);

/* Copy a string into the spec's storage, so it lives as long as the spec. NULL on
 * out-of-memory. */
CO2_API const char *co2_spec_strdup(co2_spec *spec, const char *s);

/* NULL is a no-op. */
CO2_API void co2_spec_free(co2_spec *spec);

/* Set one field of a run from its spec key and text value ("hours", "96"), as the
 * spec parser and the command line do. Strings are borrowed from value. field names
 * the key in errors. */
CO2_API co2_status co2_run_set(co2_run *run, const char *key, const char *value,
                               co2_error *err);

/* Check a run's values before estimating (ranges, conflicts). co2_estimate() calls it. */
CO2_API co2_status co2_run_validate(const co2_run *run, co2_error *err);

/* Locale-independent number parsing: the whole string must be a finite decimal number
 * ("1.5", "2e3"); "1,5", "0x10", "nan", "inf" and trailing text are refused. */
CO2_API co2_status co2_parse_double(double *out, const char *text, const char *field,
                                    co2_error *err);

#ifdef __cplusplus
}
#endif
#endif
