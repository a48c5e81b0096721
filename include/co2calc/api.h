/* co2calc — strings in, strings out: the whole estimate in one call, for programs that
 * would rather not fill structs (other languages through a foreign-function interface,
 * services, scripts).
 *
 *   co2_db *db = NULL;
 *   char *json = NULL;
 *   size_t len = 0;
 *   co2_error err;
 *   co2_error_clear(&err);
 *   const char *kv = "hardware=TPU v2\ncount=4\nhours=96\nregion=gcp:asia-east1\nmethod=mlco2\n";
 *   if (co2_db_open_default(&db, &err) == CO2_OK &&
 *       co2_estimate_kv(&json, &len, db, kv, strlen(kv), &err) == CO2_OK)
 *       fwrite(json, 1, len, stdout);        // {"co2calc_version": ..., "co2_kg": 47.52, ...}
 *   else
 *       fprintf(stderr, "%s\n", err.message); // err.suggestions: the names it proposes
 *   co2_free(json);
 *   co2_db_close(db);
 *
 * Every function: the caller owns *out (NUL-terminated; *out_len, when out_len is not
 * NULL, is its length without the NUL) and frees it with co2_free(); on failure *out is
 * NULL and err says what is wrong, with the spec's line and column and the suggested
 * names as data (co2_error.suggestions). db (required: co2_db_open_default() for the
 * built-in data, as the command line uses) is only read, and may be shared between
 * threads calling these at once. The text is read during the call only. */
#ifndef CO2CALC_API_H
#define CO2CALC_API_H

#include "co2calc/common.h"
#include "co2calc/db.h"
#include "co2calc/sacct.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A run spec in YAML or JSON (co2_spec_parse(); errors call it "<spec>") in, the
 * estimate's JSON report out: byte for byte what `co2calc estimate --spec FILE --format
 * json` prints for the same spec and data. */
CO2_API co2_status co2_estimate_json(char **out, size_t *out_len, const co2_db *db,
                                     const char *spec, size_t spec_len, co2_error *err);

/* The same shape for a model card: a run spec in YAML or JSON in, the Hugging Face
 * co2_eq_emissions block out, byte for byte what `co2calc card --spec FILE` prints (YAML
 * lines, the first "co2_eq_emissions:"; see co2calc/card.h). */
CO2_API co2_status co2_card_json(char **out, size_t *out_len, const co2_db *db,
                                 const char *spec, size_t spec_len, co2_error *err);

/* A run as KEY=VALUE lines in, the JSON report out, with no parser library involved:
 *
 *   # BERT-base, Lacoste et al. 2019
 *   hardware=TPU v2
 *   count=4
 *   hours=96
 *   region=gcp:asia-east1
 *   method=mlco2
 *
 * The keys are the run-spec keys (co2_run_set(): hardware, count, hours, device-hours,
 * utilization, power, cpu, cores, cpu-utilization, cpu-power, memory, region, location,
 * intensity, pue, repeats, energy, method, edition, name, training-type; '-' or '_').
 * Blanks around keys and values are dropped; blank lines and lines starting with '#' are
 * skipped; lines end in LF or CRLF. A line without '=', an unknown or repeated key, or a
 * bad value fails naming the line ("<kv>:2:1: unknown key 'cnt'; did you mean
 * 'count'?", err.line 2). The output is what `co2calc estimate --format json` prints
 * with the same keys given as flags (or in a spec). */
CO2_API co2_status co2_estimate_kv(char **out, size_t *out_len, const co2_db *db,
                                   const char *kv, size_t kv_len, co2_error *err);

/* One run of a batch file in (a JSON object, as a line of a JSON Lines batch file: see
 * co2calc/batch.h), its row of `co2calc batch --format json` out, ending in a newline. A
 * run that cannot be computed fails with its own status and message. */
CO2_API co2_status co2_batch_row_json(char **out, size_t *out_len, const co2_db *db,
                                      const char *row, size_t row_len, co2_error *err);

/* A Slurm accounting dump in (`sacct --parsable2` with its header line, as `co2calc
 * sacct` reads it; the steps of each job with it), one JSON line per job out: the row of
 * co2_sacct_job_row(), JSON Lines. cluster describes the partitions (co2calc/sacct.h) and
 * must outlive the call. Malformed lines are left out, as `co2calc sacct` leaves them. */
CO2_API co2_status co2_sacct_jobs_json(char **out, size_t *out_len, const co2_cluster *cluster,
                                       const char *log, size_t log_len, co2_error *err);

#ifdef __cplusplus
}
#endif
#endif
