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

#ifdef __cplusplus
}
#endif
#endif
