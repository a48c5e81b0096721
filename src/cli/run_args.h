/* The run options estimate, card and compare share: a spec file, flags that override
 * it, and the data options. */
#ifndef CO2_CLI_RUN_ARGS_H
#define CO2_CLI_RUN_ARGS_H

#include "cli.h"

#define CLI_RUN_OPTS                                                                          \
	{ "spec", "FILE", "read the run from a YAML or JSON spec ('-' for standard input); flags override it" }, \
	{ "hardware", "NAME", "accelerator (GPU, TPU, ...) or cloud instance type, e.g. \"A100 SXM4 80GB\"" }, \
	{ "count", "N", "number of devices (default 1)" },                                    \
	{ "hours", "H", "wall-clock hours of the run, or a duration: 3d, 2d12h, 90m, 3-00:00:00" }, \
	{ "device-hours", "H", "device-hours (e.g. GPU-hours), in place of --count x --hours" }, \
	{ "utilization", "U", "average utilization of the devices, in (0, 1] (default 1)" },  \
	{ "power", "W", "power per device in W (overrides the data, or a device not in it)" }, \
	{ "cpu", "NAME", "CPU model; its power per core is counted" },                        \
	{ "cores", "N", "CPU cores used (default: the whole package, at its TDP)" },           \
	{ "cpu-utilization", "U", "average CPU core utilization, in (0, 1]" },                \
	{ "cpu-power", "W", "power per CPU core in W (with --cores)" },                       \
	{ "sockets", "N", "CPU packages, for --cpu without --cores (default 1)" },              \
	{ "memory", "GB", "memory allocated, in GB (counted at the method's W/GB)" },         \
	{ "region", "PROVIDER:REGION", "cloud region, e.g. gcp:asia-east1, aws:us-east-1" },  \
	{ "location", "CODE", "country or grid, e.g. FR, US-CA (overrides the region's intensity)" }, \
	{ "intensity", "G_PER_KWH", "carbon intensity in g CO2eq/kWh (overrides region and location)" }, \
	{ "pue", "X", "power usage effectiveness of the data centre (>= 1)" },                \
	{ "devices-only", NULL, "an instance type counts its accelerators alone, not its CPUs and memory" }, \
	{ "site", "SITE", "cloud (implied by --region), datacenter (default with --location) or desktop (PUE 1)" }, \
	{ "repeats", "N", "times the run was done (trials, restarts); default 1" },           \
	{ "energy", "KWH", "measured IT energy in kWh, in place of power x time" },           \
	{ "lifetime-years", "Y", "service life of the hardware, for its embodied carbon (default: the data's, 6)" }, \
	{ "use-share", "S", "share of its life the hardware is in use, in (0, 1] (default: the data's, 0.85)" }, \
	{ "embodied-kg", "KG", "manufacturing kg CO2eq per device (per core for CPUs), host share included" }, \
	{ "include-embodied", NULL, "the model card's emissions add the embodied figure (its source says so)" }, \
	{ "method", "NAME", "mlco2, green-algorithms or default" },                           \
	{ "name", "TEXT", "name of the run or model, for reports" },                          \
	{ "training-type", "TEXT", "pre-training, fine-tuning, ..., for reports" },             \
	{ "strict", NULL, "likely mistakes (0.38 g/kWh, a flag given twice, ...) are errors, not warnings" }

/* A run read from --spec and the flags, and the database. */
typedef struct cli_run {
	co2_spec *spec;
	char *buf;
	co2_run plain;
	co2_run *run;  /* the spec's run, or &plain */
	co2_db *db;
	co2_warnings warnings; /* the run's likely mistakes, printed by cli_run_load */
} cli_run;

/* Read the spec (if any), apply the run flags in order, pin --data-edition, print the
 * run's warnings (with --strict, fail on them), open the database. Returns 0 or an exit
 * status after printing the error. Free with cli_run_free() in both cases. The cli_run
 * must not move after this call. */
int cli_run_load(cli_run *cr, const cli_args *a, co2_error *err);
void cli_run_free(cli_run *cr);

#endif
