/* Many runs from one file: CSV (a header of run-spec keys), a YAML list of run specs, or
 * JSON Lines. Streamed: the reader holds one line (CSV, JSON Lines) or one list item
 * (YAML) at a time, estimates it and hands the result to a callback.
 *
 * A YAML list is cut into items on the lines that start with "- " at the list's own
 * indentation; each item is parsed alone by co2_spec_parse() (so anchors cannot refer
 * across items) and its error positions are moved back to the file's lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"
#include "co2calc/batch.h"
#if CO2_HAVE_YAML
#include <yaml.h>
#endif

#define MAX_LINE (1u << 20)
#define MAX_COLS 64
#define MAX_OVERRIDES 32

struct co2_batch {
	const co2_db *db;
	co2_batch_format fmt;
	char name[256];
	co2_batch_row_fn fn;
	void *ctx;
	char *ov_key[MAX_OVERRIDES], *ov_val[MAX_OVERRIDES];
	size_t n_ov;
	int strict;     /* a run with a likely mistake fails (co2_batch_set_strict) */

	size_t lineno;
	co2__lines lines;

	/* CSV */
	int have_header;
	char *cols[MAX_COLS];
	size_t ncols;
	char *row;
	size_t row_cap;

	/* YAML */
	char *item;
	size_t item_len, item_cap, item_line;
	int in_item, item_too_long;
	int list_indent;
	int yaml_skip; /* after a line that breaks the list: skip to the next item */
	int yaml_end;

	co2_batch_totals totals;
	co2_status fatal;
	co2_error fatal_err;
	int finished;
};

static const char *const format_names[] = { "auto", "csv", "yaml", "jsonl" };

co2_status co2_batch_format_parse(co2_batch_format *out, const char *name, co2_error *err)
{
	static const struct { const char *n; co2_batch_format f; } names[] = {
		{ "auto", CO2_BATCH_AUTO }, { "csv", CO2_BATCH_CSV }, { "yaml", CO2_BATCH_YAML },
		{ "yml", CO2_BATCH_YAML }, { "jsonl", CO2_BATCH_JSONL }, { "ndjson", CO2_BATCH_JSONL },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (name && strcmp(name, names[i].n) == 0) {
			*out = names[i].f;
			return CO2_OK;
		}
	return co2__fail_field(err, CO2_ERR_INVALID, "input-format",
	                       "input format: expected csv, yaml or jsonl, got '%.40s'", name ? name : "");
}

const char *co2_batch_format_name(co2_batch_format f)
{
	return (unsigned)f < 4 ? format_names[f] : "auto";
}

co2_status co2_batch_new(co2_batch **out, const co2_db *db, co2_batch_format format,
                         const char *name, co2_error *err)
{
	*out = NULL;
	if (!db)
		return co2__fail(err, CO2_ERR_INVALID, "batch: no database");
	if ((unsigned)format > CO2_BATCH_JSONL)
		return co2__fail(err, CO2_ERR_INVALID, "batch: unknown input format %d", (int)format);
	co2_batch *b = calloc(1, sizeof *b);
	if (!b)
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	b->db = db;
	b->fmt = format;
	b->list_indent = -1;
	b->lines.max = MAX_LINE;
	snprintf(b->name, sizeof b->name, "%s", name ? name : "<batch>");
	*out = b;
	return CO2_OK;
}

void co2_batch_on_row(co2_batch *b, co2_batch_row_fn fn, void *ctx)
{
	b->fn = fn;
	b->ctx = ctx;
}

void co2_batch_free(co2_batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n_ov; i++) {
		free(b->ov_key[i]);
		free(b->ov_val[i]);
	}
	for (size_t i = 0; i < b->ncols; i++)
		free(b->cols[i]);
	co2__lines_free(&b->lines);
	free(b->row);
	free(b->item);
	free(b);
}

void co2_batch_set_strict(co2_batch *b, int strict)
{
	if (b)
		b->strict = strict != 0;
}

co2_status co2_batch_override(co2_batch *b, const char *key, const char *value, co2_error *err)
{
	if (b->n_ov == MAX_OVERRIDES)
		return co2__fail(err, CO2_ERR_INVALID, "batch: at most %d overrides", MAX_OVERRIDES);
	co2_run probe;
	co2_run_init(&probe);
	co2_status st = co2_run_set(&probe, key, value, err);
	if (st != CO2_OK)
		return st;
	char *k = strdup(key), *v = strdup(value);
	if (!k || !v) {
		free(k);
		free(v);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	}
	b->ov_key[b->n_ov] = k;
	b->ov_val[b->n_ov++] = v;
	return CO2_OK;
}

co2_batch_format co2_batch_get_format(const co2_batch *b)
{
	return b->fmt;
}

const co2_batch_totals *co2_batch_get_totals(const co2_batch *b)
{
	return &b->totals;
}

/* ---- errors ------------------------------------------------------------------------ */

static void fatal(co2_batch *b, co2_status st, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void fatal(co2_batch *b, co2_status st, size_t line, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	b->fatal = st;
	co2_error_clear(&b->fatal_err);
	b->fatal_err.status = st;
	if (line)
		snprintf(b->fatal_err.message, sizeof b->fatal_err.message, "%.160s:%zu: %.560s", b->name, line, msg);
	else
		snprintf(b->fatal_err.message, sizeof b->fatal_err.message, "%.160s: %.590s", b->name, msg);
	snprintf(b->fatal_err.file, sizeof b->fatal_err.file, "%s", b->name);
	b->fatal_err.line = line > 0x7fffffff ? 0 : (int)line;
}

/* Drop a leading "name:", "name:L:" or "name:L:C:" from a spec error: the batch puts
 * the file's own line in front. */
static void strip_position(co2_error *e, const char *name)
{
	size_t nl = strlen(name);
	char *m = e->message;
	if (strncmp(m, name, nl) != 0 || m[nl] != ':')
		return;
	char *p = m + nl + 1;
	for (int k = 0; k < 2; k++) {
		char *q = p;
		while (*q >= '0' && *q <= '9')
			q++;
		if (q == p || *q != ':')
			break;
		p = q + 1;
	}
	while (*p == ' ')
		p++;
	memmove(m, p, strlen(p) + 1);
}

/* ---- one run ----------------------------------------------------------------------- */

static void item_flush(co2_batch *b);

/* Estimate run (or report the error that kept it from being read) and tell the caller. */
static void emit(co2_batch *b, co2_run *run, size_t line, co2_error *e, co2_status st)
{
	co2_batch_row row;
	co2_result res;
	co2_result_init(&res);
	memset(&row, 0, sizeof row);
	b->totals.runs++;
	row.index = b->totals.runs;
	row.line = line;
	row.run = run;
	for (size_t i = 0; st == CO2_OK && i < b->n_ov; i++)
		st = co2_run_set(run, b->ov_key[i], b->ov_val[i], e);
	if (st == CO2_OK)
		st = co2_estimate(b->db, run, &res, e);
	if (st == CO2_OK && b->strict) {
		co2_warnings w;
		co2_warnings_clear(&w);
		co2_run_warnings(&w, run);
		if (w.n > 0) {
			*e = w.items[0]; /* status CO2_ERR_INVALID, as every warning */
			st = e->status;
			row.strict_refusal = 1;
		}
	}
	row.status = st;
	if (st != CO2_OK) {
		b->totals.failed++;
		strip_position(e, b->name);
		snprintf(e->file, sizeof e->file, "%s", b->name);
		if (e->line <= 0)
			e->line = line > 0x7fffffff ? 0 : (int)line;
		row.error = e;
	} else {
		row.result = &res;
		b->totals.energy_kwh += res.energy_kwh;
		b->totals.it_energy_kwh += res.it_energy_kwh * res.repeats;
		b->totals.co2_kg += res.co2_kg;
	}
	if (b->fn)
		b->fn(b->ctx, &row);
}

/* A line that cannot be read: fatal before any run (the file is not what it should
 * be), else one failed run so that the rest is still computed. */
static int bad_line(co2_batch *b, const char *msg)
{
	if (b->fmt == CO2_BATCH_YAML)
		item_flush(b);
	if (b->totals.runs == 0) {
		fatal(b, CO2_ERR_PARSE, b->lineno, "%s", msg);
		return -1;
	}
	co2_run empty;
	co2_run_init(&empty);
	co2_error e;
	co2_error_clear(&e);
	emit(b, &empty, b->lineno, &e, co2__fail(&e, CO2_ERR_PARSE, "%s", msg));
	return 0;
}

/* The name of a run whose spec was refused, so that its row is recognisable: the scalar
 * under a top-level "name" key, if the text reads as far as that (JSON is read as YAML
 * here, which a JSON object on one line is). Empty when there is none. */
static void salvage_name(const char *text, size_t len, char *out, size_t cap)
{
#if !CO2_HAVE_YAML
	(void)text, (void)len, (void)cap;
	out[0] = '\0';
#else
	yaml_parser_t parser;
	yaml_event_t ev;
	int depth = 0, want_value = 0, is_key = 0, done = 0;
	out[0] = '\0';
	if (!yaml_parser_initialize(&parser))
		return;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done && yaml_parser_parse(&parser, &ev)) {
		switch (ev.type) {
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_ALIAS_EVENT:
			/* A collection or an alias as a key or its value: not a name. */
			if (depth == 1) {
				done = want_value;
				is_key = !is_key;
			}
			if (ev.type != YAML_ALIAS_EVENT)
				depth++;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			break;
		case YAML_SCALAR_EVENT:
			if (depth != 1)
				break;
			is_key = !is_key;
			if (want_value) {
				if (ev.data.scalar.length < cap) /* never cut inside a character */
					memcpy(out, ev.data.scalar.value, ev.data.scalar.length + 1);
				done = 1;
			} else if (is_key && strcmp((const char *)ev.data.scalar.value, "name") == 0) {
				want_value = 1;
			}
			break;
		case YAML_STREAM_END_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
#endif
}

/* A run written as a spec (a YAML item or a JSON line) starting at file line `line`;
 * the text starts with `extra` lines that are not in the file. */
static void spec_run(co2_batch *b, const char *text, size_t len, size_t line, int extra)
{
	co2_spec *spec = NULL;
	co2_error e;
	co2_error_clear(&e);
	co2_run empty;
	co2_run_init(&empty);
	/* The file's format decides, not its name ("--input-format yaml runs.json"). */
	co2_status st = co2__spec_parse_as(&spec, b->name, b->fmt == CO2_BATCH_JSONL ? CO2__SPEC_JSON
	                                                                            : CO2__SPEC_YAML,
	                                   text, len, &e);
	if (st != CO2_OK) {
		/* Positions inside the item become positions in the file. */
		if (e.line > extra)
			e.line = (int)line + e.line - 1 - extra;
		char name[256];
		salvage_name(text, len, name, sizeof name);
		if (*name)
			empty.name = name;
		emit(b, &empty, line, &e, st);
	} else {
		emit(b, co2_spec_run(spec), line, &e, CO2_OK);
	}
	co2_spec_free(spec);
}

/* ---- CSV --------------------------------------------------------------------------- */

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* Split a CSV line in place (RFC 4180 quotes, "" for a quote). Returns the number of
 * fields, -1 when a quote is not closed on the line, -2 for text after a closing quote. */
static int csv_split(char *s, char **fields, int max)
{
	int n = 0;
	char *p = s;
	for (;;) {
		if (n == max)
			return max + 1;
		char *start = p;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '"') {
			char *w = p, *r = p + 1;
			for (;;) {
				if (*r == '\0')
					return -1;
				if (*r == '"') {
					if (r[1] == '"') {
						*w++ = '"';
						r += 2;
						continue;
					}
					r++;
					break;
				}
				*w++ = *r++;
			}
			fields[n++] = p;
			*w = '\0';
			while (*r == ' ' || *r == '\t')
				r++;
			if (*r == '\0')
				return n;
			if (*r != ',')
				return -2;
			p = r + 1;
			continue;
		}
		char *c = strchr(start, ',');
		fields[n++] = start;
		if (!c)
			return n;
		*c = '\0';
		p = c + 1;
	}
}

static const char *csv_problem(int nf)
{
	return nf == -1 ? "a quoted field is not closed on its line"
	     : nf == -2 ? "text after the closing quote of a field (write \"\" for a quote inside it)"
	                : "more than 64 columns";
}

static int csv_line(co2_batch *b, const char *p, size_t n)
{
	if (n + 1 > b->row_cap) {
		size_t cap = b->row_cap ? b->row_cap : 1024;
		while (cap < n + 1)
			cap *= 2;
		char *nr = realloc(b->row, cap);
		if (!nr) {
			fatal(b, CO2_ERR_NOMEM, 0, "out of memory");
			return -1;
		}
		b->row = nr;
		b->row_cap = cap;
	}
	memcpy(b->row, p, n);
	b->row[n] = '\0';
	char *fields[MAX_COLS + 1];
	int nf = csv_split(b->row, fields, MAX_COLS);
	if (!b->have_header) {
		if (nf < 0 || nf > MAX_COLS) {
			fatal(b, CO2_ERR_PARSE, b->lineno, "CSV header: %s", csv_problem(nf));
			return -1;
		}
		for (int i = 0; i < nf; i++) {
			char *key = trim(fields[i]);
			co2_run probe;
			co2_run_init(&probe);
			co2_error e;
			co2_error_clear(&e);
			if (!*key) {
				fatal(b, CO2_ERR_PARSE, b->lineno, "CSV header: column %d has no name (the header names run-spec keys: hardware, count, hours, region, ...)", i + 1);
				return -1;
			}
			if (co2_run_set(&probe, key, NULL, &e) != CO2_OK && strncmp(e.message, "unknown key", 11) == 0) {
				fatal(b, CO2_ERR_PARSE, b->lineno, "CSV header, column %d: %s (columns are run-spec keys: hardware, count, hours, region, location, method, name, ...)",
				      i + 1, e.message);
				co2__error_suggest_from(&b->fatal_err, &e);
				return -1;
			}
			for (size_t k = 0; k < b->ncols; k++)
				if (strcmp(b->cols[k], key) == 0) {
					fatal(b, CO2_ERR_PARSE, b->lineno, "CSV header: column '%.60s' appears twice", key);
					return -1;
				}
			if (!(b->cols[b->ncols] = strdup(key))) {
				fatal(b, CO2_ERR_NOMEM, 0, "out of memory");
				return -1;
			}
			b->ncols++;
		}
		b->have_header = 1;
		return 0;
	}
	co2_run run;
	co2_run_init(&run);
	co2_error e;
	co2_error_clear(&e);
	co2_status st = CO2_OK;
	if (nf < 0)
		st = co2__fail(&e, CO2_ERR_PARSE, "%s", csv_problem(nf));
	else if ((size_t)nf != b->ncols)
		st = co2__fail(&e, CO2_ERR_PARSE, "expected %zu fields as in the header, found %s%d", b->ncols,
		               nf > MAX_COLS ? "more than " : "", nf > MAX_COLS ? MAX_COLS : nf);
	for (int i = 0; st == CO2_OK && i < nf; i++) {
		char *v = trim(fields[i]);
		if (*v)
			st = co2_run_set(&run, b->cols[i], v, &e);
	}
	emit(b, &run, b->lineno, &e, st);
	return 0;
}

/* ---- YAML list --------------------------------------------------------------------- */

static int item_append(co2_batch *b, const char *p, size_t n)
{
	if (b->item_too_long)
		return 0;
	if (b->item_len + n + 1 > MAX_LINE) {
		b->item_too_long = 1;
		return 0;
	}
	if (b->item_len + n + 1 > b->item_cap) {
		size_t cap = b->item_cap ? b->item_cap : 1024;
		while (cap < b->item_len + n + 1)
			cap *= 2;
		char *ni = realloc(b->item, cap);
		if (!ni) {
			fatal(b, CO2_ERR_NOMEM, 0, "out of memory");
			return -1;
		}
		b->item = ni;
		b->item_cap = cap;
	}
	memcpy(b->item + b->item_len, p, n);
	b->item_len += n;
	b->item[b->item_len++] = '\n';
	return 0;
}

static void item_flush(co2_batch *b)
{
	if (!b->in_item)
		return;
	if (b->item_too_long) {
		co2_run empty;
		co2_run_init(&empty);
		co2_error e;
		co2_error_clear(&e);
		emit(b, &empty, b->item_line, &e, co2__fail(&e, CO2_ERR_PARSE, "list item longer than %u bytes", MAX_LINE));
	} else {
		spec_run(b, b->item, b->item_len, b->item_line, 1);
	}
	b->in_item = 0;
	b->item_len = 0;
	b->item_too_long = 0;
}

static int yaml_line(co2_batch *b, const char *p, size_t n)
{
	if (b->yaml_end)
		return 0;
	size_t ind = 0;
	while (ind < n && p[ind] == ' ')
		ind++;
	int blank = ind == n || p[ind] == '#';
	if (blank) {
		if (b->in_item && !b->yaml_skip)
			return item_append(b, p, n);
		return 0;
	}
	if (ind == 0 && n >= 3 && (memcmp(p, "---", 3) == 0 || memcmp(p, "...", 3) == 0) &&
	    (n == 3 || p[3] == ' ')) {
		if (p[0] == '.' || b->list_indent >= 0) {
			item_flush(b);
			b->yaml_end = 1; /* one document */
		}
		return 0;
	}
	int is_item = p[ind] == '-' && (ind + 1 == n || p[ind + 1] == ' ');
	if (b->list_indent < 0) {
		if (!is_item) {
			fatal(b, CO2_ERR_PARSE, b->lineno,
			      "expected a YAML list of runs, one item per run starting with '- ' (\"- {hardware: A100, hours: 10}\")");
			return -1;
		}
		b->list_indent = (int)ind;
	}
	if (is_item && (int)ind == b->list_indent) {
		item_flush(b);
		b->yaml_skip = 0;
		b->in_item = 1;
		b->item_line = b->lineno;
		/* "- key: v" becomes "  key: v": same columns, one mapping. The comment line in
		 * front keeps "- {key: v}" YAML (a spec starting with '{' is read as JSON). */
		if (item_append(b, "#", 1) != 0 || item_append(b, p, n) != 0)
			return -1;
		if (!b->item_too_long)
			b->item[b->item_len - n - 1 + ind] = ' ';
		return 0;
	}
	if (b->yaml_skip)
		return 0;
	if ((int)ind <= b->list_indent) {
		char msg[120];
		snprintf(msg, sizeof msg, "expected '- ' starting the next run of the list, at column %d", b->list_indent + 1);
		b->yaml_skip = 1;
		return bad_line(b, msg);
	}
	return item_append(b, p, n);
}

/* ---- lines ------------------------------------------------------------------------- */

static int process_line(co2_batch *b, const char *p, size_t n)
{
	b->lineno++;
	if (n && p[n - 1] == '\r')
		n--;
	if (memchr(p, '\0', n))
		return bad_line(b, "binary data (a NUL byte)");
	if (b->fmt == CO2_BATCH_AUTO || (b->fmt == CO2_BATCH_CSV && !b->have_header)) {
		size_t i = 0;
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i == n || p[i] == '#')
			return 0; /* blank and comment lines before the first run or header */
		if (b->fmt == CO2_BATCH_AUTO) {
			if (p[i] == '[') {
				fatal(b, CO2_ERR_PARSE, b->lineno,
				      "a bracketed list is not read: write JSON Lines (one {...} object per line) or a YAML list ('- ' items)");
				return -1;
			}
			b->fmt = p[i] == '{' ? CO2_BATCH_JSONL : p[i] == '-' ? CO2_BATCH_YAML : CO2_BATCH_CSV;
		}
	}
	if ((b->fmt == CO2_BATCH_YAML && !CO2_HAVE_YAML) || (b->fmt == CO2_BATCH_JSONL && !CO2_HAVE_JSON)) {
		int json = b->fmt == CO2_BATCH_JSONL;
		fatal(b, CO2_ERR_UNSUPPORTED, 0, "cannot read %s: this libco2calc was built without %s (%s=OFF)",
		      json ? "JSON Lines" : "a YAML list of runs", json ? "cJSON" : "libyaml",
		      json ? "CO2_WITH_JSON" : "CO2_WITH_YAML");
		return -1;
	}
	switch (b->fmt) {
	case CO2_BATCH_CSV: {
		size_t i = 0;
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i == n)
			return 0;
		return csv_line(b, p, n);
	}
	case CO2_BATCH_JSONL: {
		size_t i = 0;
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i == n)
			return 0;
		spec_run(b, p, n, b->lineno, 0);
		return 0;
	}
	default:
		return yaml_line(b, p, n);
	}
}

/* A line from the reader; NULL: longer than MAX_LINE. */
static int on_line(void *ctx, const char *p, size_t n)
{
	co2_batch *b = ctx;
	if (!p) {
		b->lineno++;
		return bad_line(b, "line longer than 1 MiB");
	}
	return process_line(b, p, n);
}

/* What the line reader returned: nonzero is fatal (fatal_err already says why, but for
 * memory). */
static int lines_done(co2_batch *b, int rc)
{
	if (rc == CO2__LINES_NOMEM)
		fatal(b, CO2_ERR_NOMEM, 0, "out of memory");
	return rc;
}

static co2_status fail_fatal(co2_batch *b, co2_error *err)
{
	if (err)
		*err = b->fatal_err;
	return b->fatal;
}

co2_status co2_batch_feed(co2_batch *b, const char *data, size_t len, co2_error *err)
{
	if (b->fatal)
		return fail_fatal(b, err);
	if (b->finished)
		return co2__fail(err, CO2_ERR_INVALID, "batch: fed after co2_batch_finish()");
	if (lines_done(b, co2__lines_feed(&b->lines, data, len, NULL, on_line, b)) != 0)
		return fail_fatal(b, err);
	return CO2_OK;
}

co2_status co2_batch_finish(co2_batch *b, co2_error *err)
{
	if (b->fatal)
		return fail_fatal(b, err);
	if (b->finished)
		return CO2_OK;
	if (lines_done(b, co2__lines_finish(&b->lines, NULL, on_line, b)) != 0)
		return fail_fatal(b, err);
	if (b->fmt == CO2_BATCH_YAML)
		item_flush(b);
	b->finished = 1;
	if (b->fmt == CO2_BATCH_AUTO || (b->fmt == CO2_BATCH_CSV && !b->have_header)) {
		fatal(b, CO2_ERR_PARSE, 0,
		      "no runs: expected a CSV header of run-spec keys (hardware,count,hours,...), a YAML list or JSON Lines");
		return fail_fatal(b, err);
	}
	return CO2_OK;
}
