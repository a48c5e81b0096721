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

/* How co2__spec_parse_as reads a spec: as co2_spec_parse decides (the name's extension,
 * then the content), or as the caller knows it is (a batch file's items). */
typedef enum co2__spec_syntax {
	CO2__SPEC_DETECT = 0,
	CO2__SPEC_YAML,
	CO2__SPEC_JSON
} co2__spec_syntax;
/* co2_spec_parse with the syntax given. */
co2_status co2__spec_parse_as(co2_spec **out, const char *name, co2__spec_syntax syntax,
                              const char *buf, size_t len, co2_error *err);

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
