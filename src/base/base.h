/* The bottom layer's internals, shared by every layer of the library (not installed):
 * errors, numbers, name matching, buffers and escapers. Uses only co2calc/common.h. */
#ifndef CO2_BASE_H
#define CO2_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include "co2calc/common.h"

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
/* As co2_format_double, but never in exponent notation (for text meant for people):
 * 8.42e-05 is "0.0000842". */
const char *co2__format_plain(char buf[32], double value);
/* Round to significant digits. */
double co2__round_significant(double value, int digits);

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
void co2__buf_printf(co2__buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append a JSON string literal (quoted, escaped). NULL prints null. */
void co2__buf_json_str(co2__buf *b, const char *s);
/* Append a number as co2_format_double prints it. */
void co2__buf_num(co2__buf *b, double v);
/* Append a YAML double-quoted scalar (quoted, escaped). */
void co2__buf_yaml_str(co2__buf *b, const char *s);

#endif
