/* The model layer's internals (src/model and the layers above; not installed): the
 * run's keys as the spec reader needs them, and the region of a result. */
#ifndef CO2_MODEL_H
#define CO2_MODEL_H

#include "base/base.h"
#include "co2calc/db.h"
#include "co2calc/estimate.h"
#include "co2calc/whatif.h"

/* Whether key (with '-' or '_') is a top-level run key ("hours", "cpu-power"). */
int co2__run_known_key(const char *key);
/* Fail with "unknown key 'KEY'", naming the nearest run key when one is close. */
co2_status co2__run_unknown_key(co2_error *err, const char *key);
/* Set one key of a `devices:` entry of a spec ("hardware", "count", "kind", ...). */
co2_status co2__run_device_set(co2_device *d, const char *key, const char *value,
                               co2_error *err);

/* The region entry of a result, or NULL (no region, or no database). */
const co2_region *co2__result_region(const co2_result *r, const co2_db *db);

#endif
