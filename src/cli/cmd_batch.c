/* co2calc batch: many runs from a CSV file, a YAML list or JSON Lines. */
#include <errno.h>
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ "input-format", "FMT", "csv, yaml or jsonl (default: from the file name, else from the first line)" },
	{ "format", "FMT", "text (default), csv or json" },
	{ "method", "NAME", "compute every run with this method (mlco2, green-algorithms, default)" },
	{ "region", "PROVIDER:REGION", "set the region of every run" },
	{ "location", "CODE", "set the location of every run" },
	{ "intensity", "G_PER_KWH", "set the carbon intensity of every run" },
	{ "pue", "X", "set the PUE of every run" },
	{ "max-problems", "N", "bad runs to describe on stderr (default 20; all are counted)" },
	{ "strict", NULL, "a run with a likely mistake (0.38 g/kWh, ...) is a bad run, not a warning" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

const cli_cmd cli_cmd_batch = {
	"batch",
	"batch FILE|- [--input-format csv|yaml|jsonl] [--format text|csv|json] [OPTIONS]",
	"Estimate many runs: a CSV file whose header names run-spec keys (hardware, count,\n"
	"hours, region, ...), a YAML list of run specs, or JSON Lines (one spec object per\n"
	"line). One result per run, then the totals. A bad run is described on stderr with\n"
	"its line and the others are still computed; the exit status is then 1. A likely\n"
	"mistake is a warning (a bad run with --strict). Options given here override every\n"
	"run's own value.",
	opts,
	"  co2calc batch runs.csv\n"
	"  co2calc batch runs.yaml --format json\n"
	"  co2calc batch runs.jsonl --method green-algorithms --location FR --format csv\n"
};

typedef struct ctx {
	co2_format fmt;
	const char *input;
	int started;
	size_t shown, max_shown;
	co2_status write_status; /* the first failure to write a piece of output */
	co2_error write_err;
	co2_warnings seen;       /* warnings printed, each once (an override warns on every run) */
	size_t warned;
} ctx;

/* The run's likely mistakes, on stderr with its line; a warning seen before is not
 * repeated, and at most --max-problems are printed. */
static void warn_row(ctx *c, const co2_batch_row *row)
{
	co2_warnings w;
	co2_warnings_clear(&w);
	co2_run_warnings(&w, row->run);
	for (size_t i = 0; i < w.n && i < CO2_MAX_WARNINGS; i++) {
		size_t k = 0;
		while (k < c->seen.n && strcmp(c->seen.items[k].message, w.items[i].message) != 0)
			k++;
		if (k < c->seen.n)
			continue;
		if (c->seen.n < CO2_MAX_WARNINGS)
			c->seen.items[c->seen.n++] = w.items[i];
		if (c->warned++ < c->max_shown)
			fprintf(stderr, "co2calc: %s:%zu: run %zu: warning: %s\n", c->input, row->line,
			        row->index, w.items[i].message);
	}
}

/* Write one library-made piece of output (made with status st) to stdout and free it;
 * write errors are found by the fflush/ferror check at the end. */
static void put(ctx *c, co2_status st, char *s, size_t len)
{
	if (st != CO2_OK) {
		c->write_status = st;
		return;
	}
	fwrite(s, 1, len, stdout);
	co2_free(s);
}

/* The header goes out with the first row (or the totals), so a file refused as a whole
 * prints nothing on stdout. */
static void start(ctx *c)
{
	char *s = NULL;
	size_t len = 0;
	if (c->started)
		return;
	c->started = 1;
	co2_status st = co2_batch_report_header(&s, &len, c->input, c->fmt, &c->write_err);
	put(c, st, s, len);
}

static void on_row(void *p, const co2_batch_row *row)
{
	ctx *c = p;
	if (row->status != CO2_OK) {
		if (c->shown++ < c->max_shown) {
			const char *why = row->strict_refusal ? " (an error with --strict)" : "";
			if (row->error->column > 0)
				fprintf(stderr, "co2calc: %s:%d:%d: run %zu: %s%s\n", row->error->file, row->error->line,
				        row->error->column, row->index, row->error->message, why);
			else
				fprintf(stderr, "co2calc: %s:%d: run %zu: %s%s\n", row->error->file, row->error->line,
				        row->index, row->error->message, why);
		}
	} else {
		warn_row(c, row);
	}
	if (c->write_status != CO2_OK)
		return;
	start(c);
	char *s = NULL;
	size_t len = 0;
	if (c->write_status == CO2_OK) {
		co2_status st = co2_batch_report_row(&s, &len, row, c->fmt, &c->write_err);
		put(c, st, s, len);
	}
}

static co2_status feed(void *reader, const char *data, size_t len, co2_error *err)
{
	return co2_batch_feed(reader, data, len, err);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int cmd_batch(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_cmd_batch, argc, argv, &a);
	if (rc)
		return rc == CLI_HELP_SHOWN ? CO2_EXIT_OK : rc;
	if (a.npos != 1)
		return cli_usage_error(a.npos ? "batch: one file at a time ('%s' is extra)"
		                              : "batch: give the file of runs (CSV, YAML list or JSON Lines; '-' for standard input)%s",
		                       a.npos ? a.pos[1] : "");
	co2_error err;
	co2_error_clear(&err);
	ctx c;
	memset(&c, 0, sizeof c);
	c.fmt = CO2_FORMAT_TEXT;
	c.max_shown = 20;
	const char *fs = cli_get(&a, "format");
	if (fs) {
		if (strcmp(fs, "text") == 0)
			c.fmt = CO2_FORMAT_TEXT;
		else if (strcmp(fs, "csv") == 0)
			c.fmt = CO2_FORMAT_CSV;
		else if (strcmp(fs, "json") == 0)
			c.fmt = CO2_FORMAT_JSON;
		else
			return cli_usage_error("batch: --format must be text, csv or json, not '%s'", fs);
	}
	const char *path = a.pos[0];
	co2_batch_format in = CO2_BATCH_AUTO;
	if (cli_get(&a, "input-format")) {
		if (co2_batch_format_parse(&in, cli_get(&a, "input-format"), &err) != CO2_OK)
			return cli_fail(&err);
	} else if (ends_with(path, ".csv")) {
		in = CO2_BATCH_CSV;
	} else if (ends_with(path, ".yaml") || ends_with(path, ".yml")) {
		in = CO2_BATCH_YAML;
	} else if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) {
		in = CO2_BATCH_JSONL;
	}
	if (cli_get(&a, "max-problems")) {
		double m;
		if (co2_parse_double(&m, cli_get(&a, "max-problems"), "max-problems", &err) != CO2_OK || m < 0 || m > 1e9)
			return cli_usage_error("batch: --max-problems expects a whole number >= 0");
		c.max_shown = (size_t)m;
	}
	c.input = strcmp(path, "-") == 0 ? "<stdin>" : path;

	co2_db *db = NULL;
	co2_batch *b = NULL;
	if ((rc = cli_open_db(&a, &db, &err)) != 0)
		goto done;
	if (co2_batch_new(&b, db, in, c.input, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	static const char *const overrides[] = { "method", "region", "location", "intensity", "pue", NULL };
	for (size_t i = 0; i < a.n; i++)
		for (size_t k = 0; overrides[k]; k++)
			if (strcmp(a.opt[i]->name, overrides[k]) == 0 &&
			    co2_batch_override(b, overrides[k], a.val[i], &err) != CO2_OK) {
				rc = cli_fail(&err);
				goto done;
			}
	if (cli_get(&a, "data-edition") && co2_batch_override(b, "edition", cli_get(&a, "data-edition"), &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	co2_batch_set_strict(b, a.strict);
	co2_batch_on_row(b, on_row, &c);
	if ((rc = cli_feed_file(path, c.input, feed, b, &err)) != 0)
		goto done;
	if (co2_batch_finish(b, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	const co2_batch_totals *t = co2_batch_get_totals(b);
	start(&c);
	if (c.write_status == CO2_OK) {
		char *s = NULL;
		size_t len = 0;
		co2_status st = co2_batch_report_totals(&s, &len, t, c.fmt, &c.write_err);
		put(&c, st, s, len);
	}
	if (c.write_status != CO2_OK) {
		rc = cli_fail(&c.write_err);
		goto done;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "co2calc: cannot write to standard output: %s\n", strerror(errno));
		rc = CO2_EXIT_FAILURE;
		goto done;
	}
	if (t->failed) {
		fprintf(stderr, "co2calc: %s: %zu of %zu runs could not be computed%s\n", c.input, t->failed, t->runs,
		        c.shown > c.max_shown ? " (the first ones are described above)" : "");
		rc = CO2_EXIT_FAILURE;
	}
done:
	co2_batch_free(b);
	co2_db_close(db);
	return rc;
}
