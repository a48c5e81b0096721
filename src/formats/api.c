/* Strings in, strings out (co2calc/api.h): a run spec or KEY=VALUE lines through the
 * calls `co2calc estimate` and `co2calc card` make (read the run, co2_estimate, write
 * the report), to the text they print. The KEY=VALUE reader is here, and uses no parser
 * library: only co2_run_set, as the command line's flags do. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

/* Name of KEY=VALUE text in messages ("<kv>:2:1: ..."). */
#define KV_NAME "<kv>"

typedef enum output {
	OUT_JSON, /* co2calc estimate --format json */
	OUT_CARD  /* co2calc card */
} output;

/* Check the arguments and clear the outputs. */
static co2_status start(char **out, size_t *out_len, const co2_db *db, const char *text,
                        size_t len, co2_error *err)
{
	if (!out)
		return co2__fail(err, CO2_ERR_INVALID, "no place for the output (out is NULL)");
	*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!db)
		return co2__fail(err, CO2_ERR_INVALID,
		                 "no database: open one with co2_db_open_default() (the built-in data)");
	if (!text && len)
		return co2__fail(err, CO2_ERR_INVALID, "no text (NULL) but a length of %zu", len);
	return CO2_OK;
}

/* What the command line does once it has the run: estimate it and write the report. */
static co2_status report(char **out, size_t *out_len, const co2_db *db, const co2_run *run,
                         output what, co2_error *err)
{
	co2_result res;
	co2_result_init(&res);
	co2_status st = co2_estimate(db, run, &res, err);
	if (st != CO2_OK)
		return st;
	size_t len = 0;
	st = what == OUT_CARD ? co2_card_block(out, &len, &res, run, db, err)
	                      : co2_report_run(out, &len, &res, run, db, CO2_FORMAT_JSON, 0, err);
	if (st == CO2_OK && out_len)
		*out_len = len;
	return st;
}

static co2_status from_spec(char **out, size_t *out_len, const co2_db *db, const char *spec,
                            size_t spec_len, output what, co2_error *err)
{
	co2_status st = start(out, out_len, db, spec, spec_len, err);
	if (st != CO2_OK)
		return st;
	co2_spec *parsed = NULL;
	st = co2_spec_parse(&parsed, NULL, spec ? spec : "", spec_len, err);
	if (st != CO2_OK)
		return st;
	st = report(out, out_len, db, co2_spec_run(parsed), what, err);
	co2_spec_free(parsed);
	return st;
}

co2_status co2_estimate_json(char **out, size_t *out_len, const co2_db *db, const char *spec,
                             size_t spec_len, co2_error *err)
{
	return from_spec(out, out_len, db, spec, spec_len, OUT_JSON, err);
}

co2_status co2_card_json(char **out, size_t *out_len, const co2_db *db, const char *spec,
                         size_t spec_len, co2_error *err)
{
	return from_spec(out, out_len, db, spec, spec_len, OUT_CARD, err);
}

/* ---- KEY=VALUE lines ------------------------------------------------------------- */

/* Put "<kv>:LINE:COLUMN: " in front of the message in err and record the position. */
static co2_status kv_fail(co2_error *err, co2_status st, size_t line, size_t column)
{
	int l = line > INT_MAX ? INT_MAX : (int)line, c = column > INT_MAX ? INT_MAX : (int)column;
	char prefix[64];
	snprintf(prefix, sizeof prefix, KV_NAME ":%d:%d: ", l, c);
	co2__error_prefix(err, prefix);
	co2__error_at(err, KV_NAME, l, c);
	err->status = st;
	return st;
}

static int blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Set the run's keys from text (NUL-terminated, modified in place: the run borrows its
 * strings). Keys are compared with '-' as '_' to find a repeated one; a valid text has
 * at most one line per run key, so `seen` never fills. */
static co2_status read_kv(co2_run *run, char *text, size_t len, co2_error *err)
{
	char seen[32][64];
	size_t n_seen = 0, line = 0;
	char *p = text, *end = text + len;
	while (p < end) {
		line++;
		char *eol = memchr(p, '\n', (size_t)(end - p));
		char *next = eol ? eol + 1 : end;
		char *s = p, *e = eol ? eol : end;
		if (e > s && e[-1] == '\r')
			e--;
		while (s < e && blank(*s))
			s++;
		while (e > s && blank(e[-1]))
			e--;
		*e = '\0';
		size_t key_col = (size_t)(s - p) + 1;
		if (s == e || *s == '#') {
			p = next;
			continue;
		}
		char *eq = strchr(s, '=');
		if (!eq) {
			co2__fail(err, CO2_ERR_PARSE, "expected KEY=VALUE, got '%.60s'", s);
			return kv_fail(err, CO2_ERR_PARSE, line, key_col);
		}
		char *key_end = eq;
		while (key_end > s && blank(key_end[-1]))
			key_end--;
		*key_end = '\0';
		char *value = eq + 1;
		while (blank(*value))
			value++;
		if (!*s) {
			co2__fail(err, CO2_ERR_PARSE, "expected a key before '='");
			return kv_fail(err, CO2_ERR_PARSE, line, key_col);
		}
		char norm[64];
		snprintf(norm, sizeof norm, "%s", s);
		for (char *c = norm; *c; c++)
			if (*c == '-')
				*c = '_';
		for (size_t i = 0; i < n_seen; i++)
			if (strcmp(seen[i], norm) == 0) {
				co2__fail_field(err, CO2_ERR_PARSE, s, "duplicate key '%.60s'", s);
				return kv_fail(err, CO2_ERR_PARSE, line, key_col);
			}
		co2_status st = co2_run_set(run, s, value, err);
		if (st != CO2_OK) {
			/* An unknown key at the key, a bad value at the value (as in specs). */
			int at_key = strncmp(err->message, "unknown key", 11) == 0;
			return kv_fail(err, st, line, at_key ? key_col : (size_t)(value - p) + 1);
		}
		if (n_seen < sizeof seen / sizeof seen[0])
			memcpy(seen[n_seen++], norm, sizeof norm);
		p = next;
	}
	return CO2_OK;
}

co2_status co2_estimate_kv(char **out, size_t *out_len, const co2_db *db, const char *kv,
                           size_t kv_len, co2_error *err)
{
	co2_error local;
	if (!err) {
		co2_error_clear(&local);
		err = &local;
	}
	co2_status st = start(out, out_len, db, kv, kv_len, err);
	if (st != CO2_OK)
		return st;
	const char *nul = kv_len ? memchr(kv, '\0', kv_len) : NULL;
	if (nul) {
		int line, col;
		co2__offset_position(kv, kv_len, (size_t)(nul - kv), &line, &col);
		co2__fail(err, CO2_ERR_PARSE, "binary data (a NUL byte): expected KEY=VALUE lines");
		return kv_fail(err, CO2_ERR_PARSE, (size_t)line, (size_t)col);
	}
	char *text = malloc(kv_len + 1);
	if (!text)
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	if (kv_len)
		memcpy(text, kv, kv_len);
	text[kv_len] = '\0';
	co2_run run;
	co2_run_init(&run);
	st = read_kv(&run, text, kv_len, err);
	if (st == CO2_OK)
		st = report(out, out_len, db, &run, OUT_JSON, err);
	free(text);
	return st;
}
