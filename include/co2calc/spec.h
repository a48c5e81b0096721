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

/* Parse a spec from memory. The format comes from name's extension: YAML for .yaml and
 * .yml (a flow mapping "{hardware: T4, hours: 2}" included), JSON for .json (any case);
 * with another name, JSON when the first non-blank byte is '{', YAML otherwise. name is
 * also used in error messages (a path, or "<stdin>"; NULL: "<spec>").
 * Unknown keys are rejected with the nearest known key suggested. buf and name are read
 * during the call only: the spec keeps copies of its strings. The caller owns *out and
 * frees it with co2_spec_free(). */
CO2_API co2_status co2_spec_parse(co2_spec **out, const char *name, const char *buf,
                                  size_t len, co2_error *err);

/* The run the spec declares, owned by the spec: valid until co2_spec_free(). Callers
 * may change fields of the returned run (command-line flags override spec values); the
 * strings they point it to must then outlive the run's use. */
CO2_API co2_run *co2_spec_run(co2_spec *spec);

/* Copy a string into the spec's storage, so it lives as long as the spec (the spec
 * owns the copy). NULL on out-of-memory. */
CO2_API const char *co2_spec_strdup(co2_spec *spec, const char *s);

/* NULL is a no-op. */
CO2_API void co2_spec_free(co2_spec *spec);

#ifdef __cplusplus
}
#endif
#endif
