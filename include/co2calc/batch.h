/* co2calc — many runs at once: a CSV file, a YAML list or JSON Lines of run specs, each
 * estimated like `co2calc estimate` does, streamed (one run in memory at a time).
 *
 *   CSV         a header of run-spec keys, then one run per line:
 *                 name,hardware,count,hours,region
 *                 bert,TPU v2,4,96,gcp:asia-east1
 *   YAML list   one run-spec mapping per item:
 *                 - {name: bert, hardware: TPU v2, count: 4, hours: 96, region: gcp:asia-east1}
 *   JSON Lines  one run-spec object per line:
 *                 {"name": "bert", "hardware": "TPU v2", "count": 4, "hours": 96}
 *
 * A bad run is reported (with its line) and the others are still computed. */
#ifndef CO2CALC_BATCH_H
#define CO2CALC_BATCH_H

#include "co2calc/common.h"
#include "co2calc/db.h"
#include "co2calc/estimate.h"
#include "co2calc/report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum co2_batch_format {
	CO2_BATCH_AUTO = 0,  /* from the first line: '{' JSON Lines, '-' YAML, else CSV */
	CO2_BATCH_CSV = 1,
	CO2_BATCH_YAML = 2,
	CO2_BATCH_JSONL = 3
} co2_batch_format;

/* Parse "auto", "csv", "yaml", "jsonl" (also "yml", "ndjson"). */
CO2_API co2_status co2_batch_format_parse(co2_batch_format *out, const char *name, co2_error *err);
/* "auto", "csv", "yaml", "jsonl". */
CO2_API const char *co2_batch_format_name(co2_batch_format format);

/* One run's outcome, given to the row callback; everything is valid during the call only. */
typedef struct co2_batch_row {
	size_t index;              /* 1-based number of the run in the file */
	size_t line;               /* 1-based line where it starts */
	const co2_run *run;        /* as read (and overridden) */
	co2_status status;         /* CO2_OK, or why the run could not be computed */
	const co2_error *error;    /* when status != CO2_OK: message without file or line */
	const co2_result *result;  /* when status == CO2_OK */
	int strict_refusal;        /* computed, but refused for a likely mistake
	                            * (co2_batch_set_strict): error is the warning */
} co2_batch_row;

typedef void (*co2_batch_row_fn)(void *ctx, const co2_batch_row *row);

typedef struct co2_batch_totals {
	size_t runs;               /* runs read */
	size_t failed;             /* runs that could not be computed */
	double energy_kwh;         /* sums over the computed runs */
	double it_energy_kwh;      /* before PUE, times repeats */
	double co2_kg;
} co2_batch_totals;

typedef struct co2_batch co2_batch;

/* A reader of one file. db must outlive it. name names the input in messages (copied).
 * The caller owns *out and frees it with co2_batch_free(). */
CO2_API co2_status co2_batch_new(co2_batch **out, const co2_db *db, co2_batch_format format,
                                 const char *name, co2_error *err);
/* Called once per run, in file order (fn may be NULL). */
CO2_API void co2_batch_on_row(co2_batch *batch, co2_batch_row_fn fn, void *ctx);
/* A spec key and value set on every run after its own values (the command line's flags
 * override the file, as with `co2calc estimate --spec`). The strings are copied. The
 * pair is checked once here: an unknown key or bad value fails. */
CO2_API co2_status co2_batch_override(co2_batch *batch, const char *key, const char *value,
                                      co2_error *err);

/* Strict (non-zero): a run with a likely mistake (what co2_run_warnings() finds, e.g. an
 * intensity of 0.38 g/kWh) is a failed run, its first warning the error (status
 * CO2_ERR_INVALID, strict_refusal set), left out of the totals. Off by default: such a
 * run is computed and the caller may look for warnings itself. Set before feeding. */
CO2_API void co2_batch_set_strict(co2_batch *batch, int strict);

/* Feed the next bytes (any chunk size; data is read during the call only). Fails only when the file cannot be used at all
 * (CO2_ERR_PARSE: a CSV header naming an unknown key, a YAML document that is not a list)
 * or on CO2_ERR_NOMEM; err then names the file and line. */
CO2_API co2_status co2_batch_feed(co2_batch *batch, const char *data, size_t len, co2_error *err);
/* End of input: the last run is computed. */
CO2_API co2_status co2_batch_finish(co2_batch *batch, co2_error *err);
/* The format in use (after the first line when CO2_BATCH_AUTO was given). */
CO2_API co2_batch_format co2_batch_get_format(const co2_batch *batch);
/* Points into the reader: valid until co2_batch_free(). */
CO2_API const co2_batch_totals *co2_batch_get_totals(const co2_batch *batch);
/* NULL is a no-op. */
CO2_API void co2_batch_free(co2_batch *batch);

/* ---- writing the results ------------------------------------------------------------- */

/* The results stream in three pieces, each a new string the caller owns and frees with
 * co2_free() (*len, if not NULL, receives its length): the header, then one row from
 * each call of the row callback (in the order the reader gives them, index 1, 2, ...),
 * then the totals after co2_batch_finish(). Formats: CO2_FORMAT_TEXT (a table for
 * people), CO2_FORMAT_CSV (figures to 10 significant digits) or CO2_FORMAT_JSON (one
 * object: "input", "runs", "totals"); others fail with CO2_ERR_INVALID. */

/* The table's header line (text, CSV), or the opening of the object naming input (JSON). */
CO2_API co2_status co2_batch_report_header(char **out, size_t *len, const char *input,
                                           co2_format format, co2_error *err);
/* One run. A run that could not be computed is a text row saying "(error: see above)"
 * (describe row->error before it), nothing in CSV, and an object with its "error" in
 * JSON. In JSON, rows after the first (row->index > 1) begin with the comma between
 * them. */
CO2_API co2_status co2_batch_report_row(char **out, size_t *len, const co2_batch_row *row,
                                        co2_format format, co2_error *err);
/* The totals line (text, CSV), or the "totals" member and the object's end (JSON). */
CO2_API co2_status co2_batch_report_totals(char **out, size_t *len,
                                           const co2_batch_totals *totals, co2_format format,
                                           co2_error *err);

#ifdef __cplusplus
}
#endif
#endif
