/* co2calc — energy and CO2eq of compute work. Umbrella header. */
#ifndef CO2CALC_H
#define CO2CALC_H

#include "co2calc/common.h"
#include "co2calc/version.h"
#include "co2calc/db.h"
#include "co2calc/estimate.h"
#include "co2calc/whatif.h"
#include "co2calc/spec.h"
#include "co2calc/report.h"
#include "co2calc/card.h"
#include "co2calc/sacct.h"
#include "co2calc/batch.h"
#include "co2calc/api.h"

#endif
