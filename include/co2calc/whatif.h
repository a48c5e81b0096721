/* co2calc — what-if changes to a run, and the provider's cleanest region. */
#ifndef CO2CALC_WHATIF_H
#define CO2CALC_WHATIF_H

#include "co2calc/common.h"
#include "co2calc/db.h"
#include "co2calc/estimate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Apply one what-if change to a run. key is a run key (region, location, hardware,
 * count, hours, utilization, pue, repeats, intensity, method, memory, power,
 * device-hours, energy, edition) or a practice factor:
 *   mixed-precision=SPEEDUP  time (hours, device-hours, measured energy) / SPEEDUP
 *   early-stopping=FRACTION  time x FRACTION, FRACTION in (0, 1]
 *   random-search=TRIALS     repeats = TRIALS (random search instead of the spec's grid)
 * region clears the run's location and intensity (the run moves there), location
 * clears the intensity, hardware clears a declared power. Strings are borrowed from
 * value: it must outlive the run's use. */
CO2_API co2_status co2_whatif_apply(co2_run *run, const char *key, const char *value,
                                    co2_error *err);

/* Apply a scenario: changes "KEY=VALUE" separated by commas, applied in order
 * ("region=gcp:europe-north1,mixed-precision=2"). text is modified in place (commas
 * and '=' become NULs) and borrowed by the run. */
CO2_API co2_status co2_whatif_apply_list(co2_run *run, char *text, co2_error *err);

/* co2_whatif_apply() and co2_whatif_apply_list() that also add to *warnings (if not
 * NULL; co2calc/common.h) the changes that are allowed but likely mistakes: a
 * mixed-precision speed-up below 1 ("mixed-precision=0.5": the run would take twice as
 * long; suggestion "2"). A declared intensity the change sets is the run's:
 * co2_run_warnings() on the changed run finds it. */
CO2_API co2_status co2_whatif_apply_warn(co2_run *run, const char *key, const char *value,
                                         co2_warnings *warnings, co2_error *err);
CO2_API co2_status co2_whatif_apply_list_warn(co2_run *run, char *text, co2_warnings *warnings,
                                              co2_error *err);

/* The provider's cleanest region: the region with the lowest carbon intensity among
 * those of the same provider in the edition the result's region came from, and *alt,
 * the run estimated there. CO2_ERR_NOT_FOUND when the result has no region, when the
 * run names its own location or intensity (the region does not decide the intensity),
 * or when the provider has no region with an intensity. *region points into db; *alt is
 * the caller's, filled by co2_result_init() beforehand (as for co2_estimate()). */
CO2_API co2_status co2_cleanest_region(const co2_region **region, co2_result *alt,
                                       const co2_db *db, const co2_run *run,
                                       const co2_result *res, co2_error *err);

#ifdef __cplusplus
}
#endif
#endif
