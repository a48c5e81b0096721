/* The model layer's internals (src/model and the layers above; not installed): the
 * run's keys as the spec reader needs them, and the region of a result. */
#ifndef CO2_MODEL_H
#define CO2_MODEL_H

#include <stddef.h>

#include "base/base.h"
#include "co2calc/db.h"
#include "co2calc/estimate.h"
#include "co2calc/whatif.h"

/* ---- versioned structs (co2calc/estimate.h) ----------------------------------------
 * Version 2 is the first layout with a size, and the smallest accepted: every struct the
 * library takes has all of version 2's fields, so the setters (co2_run_set, ...), which
 * write only those, stay inside the caller's struct. A setter of a field appended later
 * must check run->size first. */
#define CO2__OLDEST_VERSION 2u
#define CO2__RUN_V2_SIZE (offsetof(co2_run, training_type) + sizeof(const char *))
#define CO2__RESULT_V2_SIZE (offsetof(co2_result, market_co2_kg) + sizeof(double))
/* Version 3 ended with the site (run) and the assumptions (result): its size, padding
 * included, is where version 4's first field starts. */
#define CO2__RUN_V3_SIZE offsetof(co2_run, devices_only)
#define CO2__RESULT_V3_SIZE offsetof(co2_result, embodied_range_kg)

/* Check a caller's run (version, size) and give it with every field of this library:
 * *full is run itself when it holds them all, else scratch (co2__run_widen). */
co2_status co2__run_full(const co2_run **full, const co2_run *run, co2_run *scratch,
                         co2_error *err);
/* Warn in w when g (g CO2eq/kWh, declared by hand) is above 0 and below 5: kg/kWh was
 * likely meant. field names the value ("intensity", "CI"); where, if not NULL, goes
 * before it ("cluster.yaml"). CO2_UNSET and 0 are not warned about. */
void co2__warn_low_intensity(co2_warnings *w, const char *where, const char *field, double g);
/* Fill *full with the defaults and the first run->size bytes of run; full gets this
 * library's version and size. */
void co2__run_widen(co2_run *full, const co2_run *run);
/* The same for a result given to a report: the fields past res->size are zero. */
co2_status co2__result_full(const co2_result **full, const co2_result *res,
                            co2_result *scratch, co2_error *err);
void co2__result_widen(co2_result *full, const co2_result *res);
/* Check a result the caller will have filled (co2_estimate's out parameter). */
co2_status co2__result_check(const co2_result *res, co2_error *err);
/* Copy a whole computed result into the caller's: at most res->size bytes; res->version
 * and res->size keep the caller's values. */
void co2__result_store(co2_result *res, const co2_result *full);

/* Whether key (with '-' or '_') is a top-level run key ("hours", "cpu-power"). */
int co2__run_known_key(const char *key);
/* Fail with "unknown key 'KEY'", naming the nearest run key when one is close. */
co2_status co2__run_unknown_key(co2_error *err, const char *key);
/* Set one key of a `devices:` entry of a spec ("hardware", "count", "kind", ...). */
co2_status co2__run_device_set(co2_device *d, const char *key, const char *value,
                               co2_error *err);

/* The region entry of a result, or NULL (no region, or no database). */
const co2_region *co2__result_region(const co2_result *r, const co2_db *db);

/* ---- how sure (range.c) ---- */

/* Record a source of spread (nothing when low == high == 1); CO2_ERR_INVALID when
 * [low, high] does not contain 1 or the result is full. Strings are borrowed. */
co2_status co2__spread_add(co2_result *res, const char *factor, co2_stage stage, double low,
                           double high, const char *source, int year, const char *note,
                           co2_error *err);
/* Record a default the estimate applied; value is copied, field and reason borrowed. */
co2_status co2__assume(co2_result *res, const char *field, const char *value,
                       const char *reason, co2_error *err);
/* Fill the power, energy and CO2 ranges from the spreads, around the central figures.
 * energy_declared: the energy was measured, so the power draw's spread does not apply. */
void co2__ranges_combine(co2_result *res, int energy_declared);
/* The embodied range from the spreads of CO2_STAGE_EMBODIED, around res->embodied_kg. */
void co2__embodied_range(co2_result *res);

/* ---- market-based (market.c) ---- */

/* The market-based figure (GHG Protocol Scope 2) beside the location-based co2_kg, into
 * market_co2_kg and market_basis, from the run's region in the co2calc edition: its
 * carbon-free energy share, else its provider's yearly renewable matching; the rest at
 * the residual mix of the run's country (residual_mix:CODE), else at the location-based
 * intensity used. CO2_UNSET when the data has no figure of the provider. */
co2_status co2__market(const co2_db *db, co2_result *res, co2_error *err);

/* ---- embodied carbon (embodied.c) ---- */

/* The hardware's manufacturing emissions amortised over the run, into embodied_kg,
 * embodied_parts, embodied_range_kg and the lifetime and use share, with their spreads
 * and assumptions. hw[i] is the hardware of run->devices[i] (NULL for a custom device),
 * as the estimate resolved it in edition. Leaves embodied_kg CO2_UNSET when the data has
 * no figure for any device. */
co2_status co2__embodied(const co2_db *db, const co2_run *run, const char *edition,
                         const co2_hardware *const *hw, co2_result *res, co2_error *err);

#endif
