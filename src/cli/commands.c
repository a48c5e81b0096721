/* The subcommands: what main() dispatches to and 'co2calc --help' lists, and what the
 * man pages and shell completions are generated from (cmake/gendoc.c). */
#include <stddef.h>

#include "cli.h"

const cli_command cli_commands[] = {
	{ "estimate", cmd_estimate, &cli_cmd_estimate, "energy and CO2eq of one run" },
	{ "list", cmd_list, &cli_cmd_list, "list hardware, regions, locations, providers, instances, editions" },
	{ "show", cmd_show, &cli_cmd_show, "show one hardware, region, location or instance entry with its sources" },
	{ "data", cmd_data, &cli_cmd_data, "check data files ('co2calc data check [FILE...]')" },
	{ "sacct", cmd_sacct, &cli_cmd_sacct, "energy and CO2eq of a cluster's jobs from a Slurm sacct dump" },
	{ "batch", cmd_batch, &cli_cmd_batch, "many runs from a CSV, YAML list or JSON Lines file" },
	{ "card", cmd_card, &cli_cmd_card, "the Hugging Face model-card block; --update writes it into a README.md" },
	{ "compare", cmd_compare, &cli_cmd_compare, "a run side by side with what-if changes, or under each method" },
	{ "exercise", cmd_exercise, &cli_cmd_exercise, "teaching exercises: list them, show one, check a student's answers" },
	{ NULL, NULL, NULL, NULL }
};
