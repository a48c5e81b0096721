/* The formats layer's view of the library (not installed): the model below it and the
 * public headers of its own layer. */
#ifndef CO2_FORMATS_H
#define CO2_FORMATS_H

#include "model/model.h"
#include "co2calc/spec.h"
#include "co2calc/report.h"
#include "co2calc/card.h"
#include "co2calc/sacct.h"
#include "co2calc/batch.h"
#include "co2calc/api.h"
#include "co2calc/version.h"

#endif
