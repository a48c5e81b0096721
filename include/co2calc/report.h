/* co2calc — reports: a result written as text, JSON, ... */
#ifndef CO2CALC_REPORT_H
#define CO2CALC_REPORT_H

#include "co2calc/common.h"
#include "co2calc/estimate.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum co2_format {
	CO2_FORMAT_TEXT = 0,
	CO2_FORMAT_JSON = 1
} co2_format;

/* Report flags. */
#define CO2_REPORT_EXPLAIN 0x1u /* show each step of the formula with its numbers */

/* Parse "text", "json". */
CO2_API co2_status co2_format_parse(co2_format *out, const char *name, co2_error *err);

/* Write a report of one result into a new NUL-terminated string. The caller owns *out
 * and frees it with co2_free(); *len (if not NULL) receives its length. */
CO2_API co2_status co2_report(char **out, size_t *len, const co2_result *res,
                              co2_format format, unsigned flags, co2_error *err);

/* Print a double the way every report does: shortest form that round-trips (%.15g,
 * else %.17g), independent of the locale. buf must hold 32 bytes. */
CO2_API const char *co2_format_double(char buf[32], double value);

/* Round to a number of decimals (half away from zero, on the decimal representation). */
CO2_API double co2_round(double value, int decimals);

#ifdef __cplusplus
}
#endif
#endif
