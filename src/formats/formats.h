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

/* What the sacct report writers (sacct_report.c) need of a reader (sacct.c): the
 * input's name, the cluster, the grouping, the PUE and intensity in use (the options'
 * or the cluster's), and whether co2_sacct_finish() has run. */
typedef struct co2__sacct_setup {
	const char *name;
	const co2_cluster *cluster;
	co2_sacct_group_by group_by;
	double pue, intensity;
	int finished;
} co2__sacct_setup;
void co2__sacct_get_setup(const co2_sacct *reader, co2__sacct_setup *out);

#endif
