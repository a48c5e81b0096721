/* co2calc — reports: a result written as text, JSON, a model-card block, LaTeX,
 * Markdown, YAML or CSV; and side-by-side comparisons of several results. */
#ifndef CO2CALC_REPORT_H
#define CO2CALC_REPORT_H

#include "co2calc/common.h"
#include "co2calc/db.h"
#include "co2calc/estimate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Values are never renumbered; new formats are appended. */
typedef enum co2_format {
	CO2_FORMAT_TEXT = 0,
	CO2_FORMAT_JSON = 1,
	CO2_FORMAT_MODEL_CARD = 2, /* Hugging Face model-card metadata: the co2_eq_emissions block */
	CO2_FORMAT_LATEX = 3,      /* a paragraph for a paper, with BibTeX entries */
	CO2_FORMAT_MARKDOWN = 4,   /* a table */
	CO2_FORMAT_YAML = 5,
	CO2_FORMAT_CSV = 6         /* a header line and one row */
} co2_format;

/* Report flags. */
#define CO2_REPORT_EXPLAIN 0x1u /* show each step of the formula with its numbers */

/* Parse "text", "json", "model-card", "latex", "markdown", "yaml", "csv". */
CO2_API co2_status co2_format_parse(co2_format *out, const char *name, co2_error *err);
/* The name co2_format_parse() accepts for a format ("model-card", ...). */
CO2_API const char *co2_format_name(co2_format format);

/* Write a report of one result into a new NUL-terminated string. The caller owns *out
 * and frees it with co2_free(); *len (if not NULL) receives its length. Same as
 * co2_report_run() without a run or a database. */
CO2_API co2_status co2_report(char **out, size_t *len, const co2_result *res,
                              co2_format format, unsigned flags, co2_error *err);

/* As co2_report(), with the run and the database the result came from (either may be
 * NULL). The run gives the model name and training type (model card, LaTeX, YAML);
 * run and database together let the text report name the provider's cleanest region
 * and what the run would emit there, and let reports name the region. */
CO2_API co2_status co2_report_run(char **out, size_t *len, const co2_result *res,
                                  const co2_run *run, const co2_db *db, co2_format format,
                                  unsigned flags, co2_error *err);

/* The provider's cleanest region: the region with the lowest carbon intensity among
 * those of the same provider in the edition the result's region came from, and *alt,
 * the run estimated there. CO2_ERR_NOT_FOUND when the result has no region, when the
 * run names its own location or intensity (the region does not decide the intensity),
 * or when the provider has no region with an intensity. *region points into db. */
CO2_API co2_status co2_cleanest_region(const co2_region **region, co2_result *alt,
                                       const co2_db *db, const co2_run *run,
                                       const co2_result *res, co2_error *err);

/* ---- what-if and comparison ------------------------------------------------------- */

/* Apply one what-if change to a run. key is a run key (region, location, hardware,
 * count, hours, utilization, pue, repeats, intensity, method, memory, power,
 * device-hours, energy, edition) or a practice factor:
 *   mixed-precision=SPEEDUP  time (hours, device-hours, measured energy) / SPEEDUP
 *   early-stopping=FRACTION  time x FRACTION, FRACTION in (0, 1]
 *   random-search=TRIALS     repeats = TRIALS (random search instead of the spec's grid)
 * region clears the run's location and intensity (the run moves there), location
 * clears the intensity, hardware clears a declared power. Strings are borrowed from
 * value: it must outlive the run's use. */
CO2_API co2_status co2_whatif_apply(co2_run *run, const char *key, const char *value,
                                    co2_error *err);

/* Apply a scenario: changes "KEY=VALUE" separated by commas, applied in order
 * ("region=gcp:europe-north1,mixed-precision=2"). text is modified in place (commas
 * and '=' become NULs) and borrowed by the run. */
CO2_API co2_status co2_whatif_apply_list(co2_run *run, char *text, co2_error *err);

/* Several results side by side: one column per result, the first is the baseline and
 * each other column shows its change in kg and %. labels[i] names column i. Formats:
 * text, json, markdown, csv. The caller owns *out (co2_free). */
CO2_API co2_status co2_report_compare(char **out, size_t *len, const co2_result *results,
                                      const char *const *labels, size_t n,
                                      co2_format format, co2_error *err);

/* Print a double the way every report does: shortest form that round-trips (%.15g,
 * else %.17g), independent of the locale. buf must hold 32 bytes. */
CO2_API const char *co2_format_double(char buf[32], double value);

/* Round to a number of decimals (half away from zero, on the decimal representation). */
CO2_API double co2_round(double value, int decimals);

#ifdef __cplusplus
}
#endif
#endif
