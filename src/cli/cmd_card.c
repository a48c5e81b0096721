/* co2calc card: the Hugging Face co2_eq_emissions block of a run, printed or written
 * into the front matter of a model card (README.md) in place. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "run_args.h"

static const cli_opt opts[] = {
	CLI_RUN_OPTS,
	{ "update", "README", "write the block into this model card's YAML front matter (in place)" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

const cli_cmd cli_cmd_card = {
	"card",
	"card --spec FILE [--update README.md] [OPTIONS]",
	"Print the Hugging Face model-card block co2_eq_emissions (emissions in grams of CO2eq,\n"
	"source, training_type, geographical_location, hardware_used) for a run, or with --update\n"
	"write it into the YAML front matter of a model card: an existing co2_eq_emissions entry\n"
	"is replaced, or one is added, or a front matter is created; every other byte of the file\n"
	"is kept. The file is replaced atomically (temporary file, fsync, rename) and keeps its\n"
	"mode. A file that is not a text model card, or whose front matter is not valid YAML, is\n"
	"refused (exit 2) and left untouched.",
	opts,
	"  co2calc card --spec bert-base.yaml\n"
	"  co2calc card --spec bert-base.yaml --update README.md\n"
};

int cmd_card(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_cmd_card, argc, argv, &a);
	if (rc)
		return rc == CLI_HELP_SHOWN ? CO2_EXIT_OK : rc;
	if (a.npos)
		return cli_usage_error("card: unexpected argument '%s' (use --update %s to edit a model card)",
		                       a.pos[0], a.pos[0]);
	co2_error err;
	co2_error_clear(&err);
	char *block = NULL;
	size_t block_len = 0;
	cli_run cr;
	rc = cli_run_load(&cr, &a, &err);
	if (rc)
		goto done;
	co2_result res; co2_result_init(&res);
	if (co2_estimate(cr.db, cr.run, &res, &err) != CO2_OK ||
	    co2_card_block(&block, &block_len, &res, cr.run, cr.db, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	const char *path = cli_get(&a, "update");
	if (!path) {
		rc = cli_write_stdout(block, block_len);
		goto done;
	}
	if (strcmp(path, "-") == 0) {
		rc = cli_usage_error("card: --update needs a file to edit in place, not standard input");
		goto done;
	}
	co2_card_change change;
	co2_status st = co2_card_update_file(&change, path, block, &err);
	if (st != CO2_OK) {
		/* Exit 1 when the card could not be written (read-only, disk full), else 2:
		 * the file given is not a card that can be edited. */
		fprintf(stderr, "co2calc: %s\n", err.message);
		rc = st == CO2_ERR_IO ? CO2_EXIT_FAILURE : cli_exit_status(st);
		goto done;
	}
	char g[32];
	double kg = res.co2_kg;
	if (cr.run->include_embodied && res.embodied_kg != CO2_UNSET)
		kg += res.embodied_kg;
	co2_format_double(g, co2_round(kg * 1000.0, 2));
	if (change == CO2_CARD_UNCHANGED)
		printf("%s: co2_eq_emissions already up to date (%s g CO2eq)\n", path, g);
	else
		printf("%s: co2_eq_emissions %s (%s g CO2eq)\n", path,
		       change == CO2_CARD_REPLACED ? "replaced" : change == CO2_CARD_ADDED ? "added to the front matter"
		                                                                         : "added in a new front matter",
		       g);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "co2calc: cannot write to standard output: %s\n", strerror(errno));
		rc = CO2_EXIT_FAILURE;
	}
done:
	co2_free(block);
	cli_run_free(&cr);
	return rc;
}
