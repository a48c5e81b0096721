/* The bottom layer's internals, shared by every layer of the library (not installed):
 * errors, numbers, name matching, buffers, the line reader and escapers. Uses only
 * co2calc/common.h (libyaml helpers: base/yaml_util.h). */
#ifndef CO2_BASE_H
#define CO2_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include "co2calc/common.h"

/* What this build can read (CMakeLists.txt: CO2_WITH_YAML, CO2_WITH_JSON; both on unless
 * the build says otherwise). Without libyaml, data files, YAML run specs, cluster files,
 * YAML batch lists and model-card updates are refused with CO2_ERR_UNSUPPORTED; without
 * cJSON, JSON run specs and JSON Lines batches. The built-in data, co2_estimate_kv, CSV
 * batches and every report writer need neither. */
#ifndef CO2_HAVE_YAML
#define CO2_HAVE_YAML 1
#endif
#ifndef CO2_HAVE_JSON
#define CO2_HAVE_JSON 1
#endif
/* Refuse what this build cannot read: "NAME: cannot read WHAT: this libco2calc was
 * built without libyaml (CO2_WITH_YAML=OFF)" (cJSON / CO2_WITH_JSON when json), with
 * CO2_ERR_UNSUPPORTED and the file recorded in err. */
co2_status co2__unsupported(co2_error *err, const char *name, const char *what, int json);

/* Fill err (if not NULL) with a status and a printf-style message; returns status. */
co2_status co2__fail(co2_error *err, co2_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Same, also naming the field. */
co2_status co2__fail_field(co2_error *err, co2_status status, const char *field,
                           const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Record the file and 1-based position in err (after a co2__fail*). */
void co2__error_at(co2_error *err, const char *file, int line, int column);
/* Add a name the message in err suggests (after a co2__fail*, which clears them): kept
 * as data in err->suggestions, up to CO2_MAX_SUGGESTIONS, each once. NULL err or
 * suggestion is a no-op. */
void co2__error_suggest(co2_error *err, const char *suggestion);
/* Add the suggestions of from to err (an error that wraps another's message). */
void co2__error_suggest_from(co2_error *err, const co2_error *from);
/* Add a warning to w (if not NULL) naming field, unless one with the same message is
 * there: returns the item (to add suggestions to), or NULL when none was added. */
co2_error *co2__warn(co2_warnings *w, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Put prefix ("file:1:2: ") in front of the message already in err. */
void co2__error_prefix(co2_error *err, const char *prefix);

/* Check the version and size a caller's versioned struct carries (co2calc/estimate.h,
 * "Versioned structs"): what names it ("run"), init the call that fills it
 * ("co2_run_init()"). Refuses version 0 (never initialised), a version older than
 * oldest or newer than current, and a size outside [min_size, full_size]; CO2_ERR_INVALID
 * with field "version" or "size". */
co2_status co2__check_version(co2_error *err, const char *what, const char *init,
                              unsigned version, size_t size, unsigned oldest, unsigned current,
                              size_t min_size, size_t full_size);

/* 1-based line and column of a byte offset in a buffer. */
void co2__offset_position(const char *buf, size_t len, size_t offset, int *line, int *column);

/* Number text → double, locale-independent, strict; false when not a finite number. */
int co2__strtod(const char *text, double *out);
/* As co2__strtod, also reading digit groups of three in the integer part, separated by
 * '_' or ' ' ("82_432", "82 432", "1_000_000.5"), the same separator throughout. */
int co2__strtod_grouped(const char *text, double *out);
/* Why a text is not a number, for the end of a message: for a comma, what it may have
 * meant (": write 1500 or 1.5 (...)" for '1,500', a thousands separator or a decimal
 * comma; ": write 1.5 (...)" for '1,5'); for '_' or ' ' not in groups of three, how to
 * group digits; "" otherwise. Returns buf. */
const char *co2__number_hint(char buf[192], const char *text);
/* As co2_format_double, but never in exponent notation (for text meant for people):
 * 8.42e-05 is "0.0000842". */
const char *co2__format_plain(char buf[32], double value);
/* Round to significant digits. */
double co2__round_significant(double value, int digits);
/* Number(value.toFixed(decimals)) as JavaScript computes it: the exact binary value
 * rounded to nearest, ties to the larger magnitude (0.205 gives 0.2, 0.125 gives 0.13);
 * ML CO2 Impact rounds so. Locale-independent. */
double co2__round_js(double value, int decimals);

/* Lowercase letters and digits only: "NVIDIA A100-SXM4-80GB" → "nvidiaa100sxm480gb".
 * Writes at most cap bytes including NUL; returns the length. */
size_t co2__norm(char *dst, size_t cap, const char *src);
/* As co2__norm, also dropping vendor words and decorations ("(R)", "CPU @ 2.40GHz",
 * "64-Core Processor"). */
size_t co2__norm_reduced(char *dst, size_t cap, const char *src);
/* As co2__norm_reduced, with sep between the words kept (unless sep is '\0'). */
size_t co2__norm_reduced_sep(char *dst, size_t cap, const char *src, char sep);
/* Levenshtein distance, bounded: returns limit+1 when larger. */
size_t co2__distance(const char *a, const char *b, size_t limit);

/* Growable string buffer. On allocation failure it sets failed and drops output. */
typedef struct co2__buf {
	char *data;
	size_t len, cap;
	int failed;
} co2__buf;
void co2__buf_puts(co2__buf *b, const char *s);
void co2__buf_putn(co2__buf *b, const char *s, size_t n);
/* printf into the buffer; numbers in the "C" locale (a '.' decimal point) whatever the
 * program's locale. */
void co2__buf_printf(co2__buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append a number as co2_format_double prints it. */
void co2__buf_num(co2__buf *b, double v);

/* Lines from chunks of any size (lines.c). The part of a chunk after its last '\n' is
 * carried over to the next chunk, at most max bytes: a line cut by a chunk boundary that
 * is longer than that is skipped and handed over as too long. Zero-initialise, set max. */
typedef struct co2__lines {
	size_t max;
	char *carry;
	size_t carry_len, carry_cap;
	int skipping;
} co2__lines;
/* One line, without its '\n' (a '\r' before it is kept); line is NULL for a line that
 * was too long. Nonzero stops the reading. */
typedef int (*co2__line_fn)(void *ctx, const char *line, size_t n);
/* Optional: the '\n' that ends the first line in [p, end), or NULL when there is none.
 * A reader that looks at each byte anyway (sacct splits fields) finds the end of the
 * line in the same pass; it is also called over a carried line (which has no '\n')
 * just before fn is. NULL: memchr. */
typedef const char *(*co2__eol_fn)(void *ctx, const char *p, const char *end);
enum { CO2__LINES_OK = 0, CO2__LINES_STOPPED = -1, CO2__LINES_NOMEM = -2 };
/* Hand each complete line of the chunk to fn. Returns CO2__LINES_OK, CO2__LINES_STOPPED
 * when fn returned nonzero, or CO2__LINES_NOMEM when the carry could not grow. */
int co2__lines_feed(co2__lines *lr, const char *data, size_t len, co2__eol_fn eol,
                    co2__line_fn fn, void *ctx);
/* At the end of the input: hand over the last line when it has no '\n'. */
int co2__lines_finish(co2__lines *lr, co2__eol_fn eol, co2__line_fn fn, void *ctx);
/* Free the carry; the reader may be fed again. */
void co2__lines_free(co2__lines *lr);

/* Escapers (escape.c). */
/* Append a JSON string literal (quoted, escaped). NULL prints null. */
void co2__buf_json_str(co2__buf *b, const char *s);
/* Append a YAML double-quoted scalar (quoted, escaped). */
void co2__buf_yaml_str(co2__buf *b, const char *s);
/* Append a CSV field (RFC 4180): as it is, or quoted with each '"' doubled when it has
 * a comma, a quote, a CR or a LF. NULL appends nothing (an empty field). */
void co2__buf_csv_str(co2__buf *b, const char *s);

#endif
