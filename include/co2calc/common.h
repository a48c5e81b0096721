/* co2calc — common definitions: export macro, status codes, error detail. */
#ifndef CO2CALC_COMMON_H
#define CO2CALC_COMMON_H

#include <stddef.h>

#if defined(CO2_BUILDING_LIBRARY) && defined(__GNUC__)
#define CO2_API __attribute__((visibility("default")))
#else
#define CO2_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Status of every fallible call. Values are never renumbered; new ones are appended. */
typedef enum co2_status {
	CO2_OK = 0,
	CO2_ERR_INVALID = 1,   /* a value is out of range or inconsistent with another */
	CO2_ERR_NOT_FOUND = 2, /* a named entry (hardware, region, ...) does not exist */
	CO2_ERR_AMBIGUOUS = 3, /* a name matches several entries */
	CO2_ERR_PARSE = 4,     /* a file or buffer is not well-formed */
	CO2_ERR_IO = 5,        /* reading or writing a file failed */
	CO2_ERR_NOMEM = 6,     /* out of memory */
	CO2_ERR_SCHEMA = 7,    /* a data file has an unsupported schema version */
	CO2_ERR_UNSUPPORTED = 8 /* this build of the library cannot do it: built without libyaml
	                         * (CO2_WITH_YAML=OFF) or cJSON (CO2_WITH_JSON=OFF) */
} co2_status;

/* Most names one error suggests. */
#define CO2_MAX_SUGGESTIONS 4

/* Caller-owned error detail (no pointers: it holds its own text). Fill with
 * co2_error_clear(); every fallible call writes it on failure. line and column are
 * 1-based; 0 when they do not apply.
 *
 * suggestions: the names the message proposes, as data, best first, so that a program
 * can offer them without parsing the message: the closest names of an unknown hardware,
 * region, location or instance ("did you mean 'NVIDIA H100 SXM5'?"), the entries an
 * ambiguous name matches, the nearest key of an unknown run-spec, device or data-file
 * key ("did you mean 'count'?"). Each is the exact text the message quotes (cut to 127
 * bytes); n_suggestions is 0 when the message suggests nothing. */
typedef struct co2_error {
	co2_status status;
	char message[768];
	char file[256];
	char field[96];
	int line;
	int column;
	char suggestions[CO2_MAX_SUGGESTIONS][128];
	size_t n_suggestions;
} co2_error;

/* Declared values the library accepts but that are likely mistakes: an intensity of 0.38
 * g/kWh (kg/kWh meant?), a mixed-precision speed-up of 0.5. Caller-owned, no pointers;
 * fill with co2_warnings_clear(). The functions that look for them (co2_run_warnings(),
 * co2_whatif_apply_warn()) add to it; nothing prints: the caller decides what to do with
 * them (the command line prints them, and --strict makes them errors). Each item is a
 * co2_error: status CO2_ERR_INVALID (what a strict caller makes of it), field the key
 * ("intensity"), message what looks wrong and what was likely meant, suggestions the
 * likely value ("380"). A warning whose message is already held is not added again;
 * past CO2_MAX_WARNINGS, warnings are dropped and counted in dropped. */
#define CO2_MAX_WARNINGS 8
typedef struct co2_warnings {
	size_t n;                               /* items in use */
	size_t dropped;                         /* warnings that did not fit */
	co2_error items[CO2_MAX_WARNINGS];
} co2_warnings;

/* Empty *w. NULL is accepted. */
CO2_API void co2_warnings_clear(co2_warnings *w);

/* A double field left unset in a co2_run: the library chooses the value. */
#define CO2_UNSET (-1.0)

/* Short English name of a status ("invalid value", ...): a static string, never NULL. */
CO2_API const char *co2_status_str(co2_status status);

/* Reset an error to CO2_OK with empty strings and no suggestions. NULL is accepted. */
CO2_API void co2_error_clear(co2_error *err);

/* Free memory the library returned to the caller (report text, ...). NULL is a no-op. */
CO2_API void co2_free(void *ptr);

/* ---- numbers ------------------------------------------------------------------------ */

/* Locale-independent number parsing: the whole string must be a finite decimal number
 * ("1.5", "2e3"), whose integer digits may be grouped by three with '_' or ' ' ("82_432",
 * "82 432", one kind of separator throughout); "0x10", "nan", "inf" and trailing text are
 * refused. A comma is refused with what it may have meant, since it may be a thousands
 * separator or a decimal comma: "hours: expected a finite number (like 96 or 1.5), got
 * '1,500': write 1500 or 1.5 (...)". */
CO2_API co2_status co2_parse_double(double *out, const char *text, const char *field,
                                    co2_error *err);

/* A duration in hours, as people and Slurm write it, locale-independent:
 *   a number of hours      "72", "1.5", "82_432" (read as co2_parse_double reads it)
 *   numbers with units     "3d", "72h", "90m", "1.5d", "1w", "2d12h", "1h 30m", "45s"
 *                          (w, d, h, m, s or the words: weeks, days, hours, minutes,
 *                          seconds; from the largest unit down, each once)
 *   Slurm's clock          "3-00:00:00", "72:00:00" ([D-]HH:MM:SS[.fff]), "3-12:30", "3-12"
 * "12:30" is refused as ambiguous (Slurm reads minutes:seconds). CO2_ERR_INVALID
 * otherwise, naming field ("hours") and the accepted forms. Only a plain number can be
 * negative; the caller checks the range. */
CO2_API co2_status co2_parse_duration_hours(double *hours, const char *text, const char *field,
                                            co2_error *err);

/* Print a double the way every report does: shortest form that round-trips (%.15g,
 * else %.17g), independent of the locale. buf (the caller's, 32 bytes) receives the
 * text; the return value is buf. */
CO2_API const char *co2_format_double(char buf[32], double value);

/* Round to a number of decimals (half away from zero, on the decimal representation). */
CO2_API double co2_round(double value, int decimals);

/* ---- names -------------------------------------------------------------------------- */

/* The name closest to word by edit distance (insertions, deletions, substitutions), for
 * "did you mean" messages: at most max_edits edits away, the first of equally close
 * ones; NULL when none is that close. names is a NULL-terminated list of string
 * pointers stride bytes apart (0: sizeof(char *)), so a table of structs whose member
 * is the name can be searched in place: co2_closest_name(w, &opts[0].name,
 * sizeof opts[0], 3). The result points into the list. */
CO2_API const char *co2_closest_name(const char *word, const char *const *names,
                                     size_t stride, size_t max_edits);

#ifdef __cplusplus
}
#endif
#endif
