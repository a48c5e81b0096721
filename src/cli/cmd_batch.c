/* co2calc batch: many runs from a CSV file, a YAML list or JSON Lines. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/base.h"

static const cli_opt opts[] = {
	{ "input-format", "FMT", "csv, yaml or jsonl (default: from the file name, else from the first line)" },
	{ "format", "FMT", "text (default), csv or json" },
	{ "method", "NAME", "compute every run with this method (mlco2, green-algorithms, default)" },
	{ "region", "PROVIDER:REGION", "set the region of every run" },
	{ "location", "CODE", "set the location of every run" },
	{ "intensity", "G_PER_KWH", "set the carbon intensity of every run" },
	{ "pue", "X", "set the PUE of every run" },
	{ "max-problems", "N", "bad runs to describe on stderr (default 20; all are counted)" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

static const cli_cmd cmd = {
	"batch",
	"batch FILE|- [--input-format csv|yaml|jsonl] [--format text|csv|json] [OPTIONS]",
	"Estimate many runs: a CSV file whose header names run-spec keys (hardware, count,\n"
	"hours, region, ...), a YAML list of run specs, or JSON Lines (one spec object per\n"
	"line). One result per run, then the totals. A bad run is described on stderr with\n"
	"its line and the others are still computed; the exit status is then 1. Options\n"
	"given here override every run's own value.",
	opts,
	"  co2calc batch runs.csv\n"
	"  co2calc batch runs.yaml --format json\n"
	"  co2calc batch runs.jsonl --method green-algorithms --location FR --format csv\n"
};

typedef enum { OUT_TEXT, OUT_CSV, OUT_JSON } out_format;

typedef struct ctx {
	out_format fmt;
	FILE *out;
	const char *input;
	int started;
	size_t shown, max_shown;
} ctx;

static void num(FILE *f, double v)
{
	char b[32];
	fputs(co2_format_double(b, v), f);
}

/* CSV is read by people and spreadsheets: 10 significant digits drop the binary noise
 * (1.092, not 1.0919999999999999) and keep every figure that means anything. */
static void num_csv(FILE *f, double v)
{
	num(f, co2__round_significant(v, 10));
}

static void csv_str(FILE *f, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\n\r")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void json_str(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

/* What a run is called in the text report: its name, else its first device, else "-".
 * CSV and JSON give the name alone (empty or null when the run has none). */
static const char *label(const co2_run *r)
{
	if (r->name)
		return r->name;
	for (size_t i = 0; i < r->n_devices; i++)
		if (r->devices[i].name)
			return r->devices[i].name;
	return "-";
}

static void start(ctx *c)
{
	if (c->started)
		return;
	c->started = 1;
	if (c->fmt == OUT_TEXT)
		fprintf(c->out, "%5s %6s  %-32s %-17s %10s %12s %14s\n", "run", "line", "name", "method", "hours",
		        "energy kWh", "CO2eq kg");
	else if (c->fmt == OUT_CSV)
		fputs("run,line,name,method,edition,hours,power_w,pue,intensity_g_per_kwh,energy_kwh,co2_kg,region,location\n", c->out);
	else {
		fputs("{\n  \"input\": ", c->out);
		json_str(c->out, c->input);
		fputs(",\n  \"runs\": [", c->out);
	}
}

static void on_row(void *p, const co2_batch_row *row)
{
	ctx *c = p;
	FILE *f = c->out;
	if (row->status != CO2_OK) {
		if (c->shown++ < c->max_shown) {
			if (row->error->column > 0)
				fprintf(stderr, "co2calc: %s:%d:%d: run %zu: %s\n", row->error->file, row->error->line,
				        row->error->column, row->index, row->error->message);
			else
				fprintf(stderr, "co2calc: %s:%d: run %zu: %s\n", row->error->file, row->error->line,
				        row->index, row->error->message);
		}
	}
	start(c);
	const co2_result *r = row->result;
	if (c->fmt == OUT_TEXT) {
		if (!r)
			fprintf(f, "%5zu %6zu  %-32.32s %s\n", row->index, row->line, label(row->run), "(error: see above)");
		else if (r->hours > 0)
			fprintf(f, "%5zu %6zu  %-32.32s %-17s %10.2f %12.3f %14.4f\n", row->index, row->line,
			        label(row->run), r->method_name, r->hours, r->energy_kwh, r->co2_kg);
		else /* device-hours or a declared energy: no wall-clock time to show */
			fprintf(f, "%5zu %6zu  %-32.32s %-17s %10s %12.3f %14.4f\n", row->index, row->line,
			        label(row->run), r->method_name, "-", r->energy_kwh, r->co2_kg);
	} else if (c->fmt == OUT_CSV) {
		if (!r)
			return; /* described on stderr; the CSV holds computed runs only */
		fprintf(f, "%zu,%zu,", row->index, row->line);
		csv_str(f, row->run->name); /* for programs: the name given, or nothing */
		fprintf(f, ",%s,", r->method_name);
		csv_str(f, r->edition);
		const double v[] = { r->hours, r->power_w, r->pue, r->intensity_g_per_kwh, r->energy_kwh, r->co2_kg };
		for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
			fputc(',', f);
			if (i > 1 || v[i] > 0) /* hours and power are empty when not known */
				num_csv(f, v[i]);
		}
		fputc(',', f);
		csv_str(f, r->region);
		fputc(',', f);
		csv_str(f, r->location);
		fputc('\n', f);
	} else {
		fprintf(f, "%s\n    {\"run\": %zu, \"line\": %zu, \"name\": ", row->index > 1 ? "," : "", row->index, row->line);
		json_str(f, row->run->name);
		if (!r) {
			fputs(", \"error\": ", f);
			json_str(f, row->error->message);
			fputs("}", f);
			return;
		}
		fprintf(f, ", \"method\": \"%s\", \"edition\": ", r->method_name);
		json_str(f, r->edition);
		fputs(", \"region\": ", f);
		json_str(f, r->region);
		fputs(", \"location\": ", f);
		json_str(f, r->location);
		const struct { const char *k; double v; } m[] = {
			{ "hours", r->hours }, { "power_w", r->power_w }, { "pue", r->pue },
			{ "intensity_g_per_kwh", r->intensity_g_per_kwh }, { "energy_kwh", r->energy_kwh },
			{ "co2_kg", r->co2_kg },
		};
		for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
			fprintf(f, ", \"%s\": ", m[i].k);
			if (i > 1 || m[i].v > 0) /* hours and power are null when not known */
				num(f, m[i].v);
			else
				fputs("null", f);
		}
		fputs("}", f);
	}
}

static void finish(ctx *c, const co2_batch_totals *t)
{
	FILE *f = c->out;
	start(c);
	size_t ok = t->runs - t->failed;
	if (c->fmt == OUT_TEXT) {
		fprintf(f, "\ntotal: %zu run%s computed", ok, ok == 1 ? "" : "s");
		if (t->failed)
			fprintf(f, ", %zu failed", t->failed);
		fprintf(f, "; %.3f kWh, %.3f kg CO2eq\n", t->energy_kwh, t->co2_kg);
	} else if (c->fmt == OUT_CSV) {
		fprintf(f, "total,,(%zu run%s),,,,,,,", ok, ok == 1 ? "" : "s");
		num_csv(f, t->energy_kwh);
		fputc(',', f);
		num_csv(f, t->co2_kg);
		fputs(",,\n", f);
	} else {
		fprintf(f, "%s],\n  \"totals\": {\"runs\": %zu, \"computed\": %zu, \"failed\": %zu, \"energy_kwh\": ",
		        t->runs ? "\n  " : "", t->runs, ok, t->failed);
		num(f, t->energy_kwh);
		fputs(", \"it_energy_kwh\": ", f);
		num(f, t->it_energy_kwh);
		fputs(", \"co2_kg\": ", f);
		num(f, t->co2_kg);
		fputs("}\n}\n", f);
	}
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int cmd_batch(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cmd, argc, argv, &a);
	if (rc)
		return rc;
	if (a.help) {
		cli_help(&cmd, stdout);
		return CO2_EXIT_OK;
	}
	if (a.npos != 1)
		return cli_usage_error(a.npos ? "batch: one file at a time ('%s' is extra)"
		                              : "batch: give the file of runs (CSV, YAML list or JSON Lines; '-' for standard input)%s",
		                       a.npos ? a.pos[1] : "");
	co2_error err;
	co2_error_clear(&err);
	ctx c = { OUT_TEXT, stdout, NULL, 0, 0, 20 };
	const char *fs = cli_get(&a, "format");
	if (fs) {
		if (strcmp(fs, "text") == 0)
			c.fmt = OUT_TEXT;
		else if (strcmp(fs, "csv") == 0)
			c.fmt = OUT_CSV;
		else if (strcmp(fs, "json") == 0)
			c.fmt = OUT_JSON;
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
	char *buf = NULL;
	int fd = -1;
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
	co2_batch_on_row(b, on_row, &c);
	fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	if (fd < 0) {
		rc = cli_usage_error("%s: cannot open: %s", path, strerror(errno));
		goto done;
	}
	const size_t cap = (size_t)1 << 16;
	buf = malloc(cap);
	if (!buf) {
		fprintf(stderr, "co2calc: out of memory\n");
		rc = CO2_EXIT_FAILURE;
		goto done;
	}
	for (;;) {
		ssize_t got = read(fd, buf, cap);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			rc = cli_usage_error("%s: read error: %s", c.input, strerror(errno));
			goto done;
		}
		if (got == 0)
			break;
		if (co2_batch_feed(b, buf, (size_t)got, &err) != CO2_OK) {
			rc = cli_fail(&err);
			goto done;
		}
	}
	if (co2_batch_finish(b, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	const co2_batch_totals *t = co2_batch_get_totals(b);
	finish(&c, t);
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
	if (fd > STDIN_FILENO)
		close(fd);
	free(buf);
	co2_batch_free(b);
	co2_db_close(db);
	return rc;
}
