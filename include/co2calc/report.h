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
/* The name co2_format_parse() accepts for a format ("model-card", ...): a static string. */
CO2_API const char *co2_format_name(co2_format format);

/* Write a report of one result into a new NUL-terminated string. The caller owns *out
 * and frees it with co2_free(); *len (if not NULL) receives its length. Same as
 * co2_report_run() without a run or a database. */
CO2_API co2_status co2_report(char **out, size_t *len, const co2_result *res,
                              co2_format format, unsigned flags, co2_error *err);

/* As co2_report(), with the run and the database the result came from (either may be
 * NULL). The run gives the model name and training type (model card, LaTeX, YAML);
 * run and database together let the text report name the provider's cleanest region
 * and what the run would emit there, and let reports name the region. res, run and db
 * are only read, during the call; res must come from co2_estimate() (or carry its
 * version and size as co2_result_init() sets them). */
CO2_API co2_status co2_report_run(char **out, size_t *len, const co2_result *res,
                                  const co2_run *run, const co2_db *db, co2_format format,
                                  unsigned flags, co2_error *err);

/* ---- comparison --------------------------------------------------------------------- */

/* Several results side by side: one column per result, the first is the baseline and
 * each other column shows its change in kg and %. labels[i] names column i. Formats:
 * text, json, markdown, csv. The caller owns *out (co2_free). */
CO2_API co2_status co2_report_compare(char **out, size_t *len, const co2_result *results,
                                      const char *const *labels, size_t n,
                                      co2_format format, co2_error *err);

/* ---- listings of the data ---------------------------------------------------------- */

/* The entries of one kind of the database, in its order: kind is "hardware", "regions",
 * "locations", "providers", "instances" or "editions". match (NULL: all) keeps the
 * entries whose name, id or an alias contains it, compared on lowercase letters and
 * digits only ("a100" finds "NVIDIA A100-SXM4-80GB"); edition (NULL: all) keeps that
 * data edition's entries. CO2_FORMAT_TEXT: one line per entry (an empty string when
 * none matches); CO2_FORMAT_JSON: {"kind": ..., "entries": [...], "count": N} with every
 * field of each entry (with the file and line it was read from). *count (if not NULL)
 * receives the number of entries listed.
 * Fails with CO2_ERR_INVALID for another kind or format, CO2_ERR_NOT_FOUND for an
 * unknown edition. The caller owns *out (co2_free). */
CO2_API co2_status co2_list_report(char **out, size_t *len, size_t *count, const co2_db *db,
                                   const char *kind, const char *match, const char *edition,
                                   co2_format format, co2_error *err);

/* One entry, looked up by name as co2_db_find_hardware() and the others do (edition is
 * searched first, NULL: CO2_EDITION_DEFAULT): kind is "hardware", "region", "location",
 * "provider" or "instance" (or the plural co2_list_report() takes). CO2_FORMAT_TEXT:
 * the entry with its figures, aliases, source and file, one field a line;
 * CO2_FORMAT_JSON: one object with the same fields as an entry of co2_list_report()'s
 * JSON (written by the same code). A name that is unknown or fits several entries
 * fails as the lookup does (CO2_ERR_NOT_FOUND, CO2_ERR_AMBIGUOUS, with suggestions);
 * another kind or format fails with CO2_ERR_INVALID. The caller owns *out (co2_free). */
CO2_API co2_status co2_show_report(char **out, size_t *len, const co2_db *db,
                                   const char *kind, const char *name, const char *edition,
                                   co2_format format, co2_error *err);

#ifdef __cplusplus
}
#endif
#endif
