/* co2calc — whole clusters: Slurm accounting (sacct) streamed into per-job energy and
 * CO2eq, with the Green Algorithms method as GreenAlgorithms4HPC applies it.
 *
 *   sacct --parsable2 --delimiter='|' --format UID,User,JobID,...,AllocTRES > jobs.log
 *
 * Per job (a job row plus its steps, "123.batch", "123.0"):
 *   cpu_kWh    = CPU time used (TotalCPU, or CPUTime when TotalCPU is 0) x TDP per core / 1000
 *   gpu_kWh    = Elapsed x GPUs (gres/gpu=N in AllocTRES) x TDP per GPU / 1000
 *   memory_kWh = Elapsed x requested memory (GB) x 0.3725 W/GB / 1000
 *   energy_kWh = (cpu + gpu + memory) x PUE;  co2_kg = energy x intensity / 1000
 *
 * The reader is fed chunks of any size, keeps only aggregates (bounded by the number of
 * groups, never by the number of jobs) and reports each job through a callback. */
#ifndef CO2CALC_SACCT_H
#define CO2CALC_SACCT_H

#include "co2calc/common.h"
#include "co2calc/db.h"
#include "co2calc/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the cluster description --------------------------------------------------- */

/* A cluster: its partitions, PUE, carbon intensity and memory granularity. */
typedef struct co2_cluster co2_cluster;

typedef struct co2_cluster_partition {
	const char *name;        /* "gpu_a100" */
	int gpu;                 /* 1 for "type: GPU" */
	const char *model;       /* CPU model (CPU partition) or GPU model; NULL when not given */
	const char *cpu_model;   /* CPU of GPU nodes (model_CPU); NULL when not given */
	double cpu_w_per_core;   /* TDP per CPU core: TDP (CPU partition) or TDP_CPU (GPU partition) */
	double gpu_w;            /* TDP per GPU; 0 for CPU partitions */
} co2_cluster_partition;

/* Parse a cluster description (YAML) from memory. GreenAlgorithms4HPC's
 * cluster_info.yaml is read as it is:
 *
 *   granularity_memory_request: 6     # GB
 *   partitions:
 *     cpu:      { type: CPU, model: "Xeon Gold 6248", TDP: 7.5 }        # W per core
 *     gpu_a100: { type: GPU, model: "NVIDIA A100", TDP: 300,            # W per GPU
 *                 model_CPU: "AMD EPYC 7763", TDP_CPU: 4.4 }           # W per core
 *   PUE: 1.67
 *   CI: 467                            # g CO2eq/kWh; or `intensity: 467`, or `location: FR`
 *   default_unit_RSS: K                # optional
 *
 * Other keys (institution, energy_cost, texts_intro, ...) are ignored. A missing TDP is
 * looked up from the model in db (db may be NULL: the TDP is then required), as is the
 * intensity of `location:`. name is used in error messages. buf, name and db are read
 * during the call only (the cluster keeps copies of what it needs). The caller owns
 * *out and frees it with co2_cluster_free(); the strings and partitions the functions
 * below return point into it and live until then. */
CO2_API co2_status co2_cluster_load_buffer(co2_cluster **out, const char *name,
                                           const char *buf, size_t len, const co2_db *db,
                                           co2_error *err);
/* NULL is a no-op. */
CO2_API void co2_cluster_free(co2_cluster *cluster);

/* The name given to co2_cluster_load_buffer() (a path). */
CO2_API const char *co2_cluster_file(const co2_cluster *cluster);
/* cluster_name from the file, or NULL. */
CO2_API const char *co2_cluster_name(const co2_cluster *cluster);
CO2_API double co2_cluster_pue(const co2_cluster *cluster);
CO2_API double co2_cluster_intensity(const co2_cluster *cluster); /* g CO2eq/kWh */
/* location code when the intensity came from `location:`, else NULL. */
CO2_API const char *co2_cluster_location(const co2_cluster *cluster);
CO2_API double co2_cluster_granularity_gb(const co2_cluster *cluster);
CO2_API double co2_cluster_memory_w_per_gb(const co2_cluster *cluster);
/* Unit of a MaxRSS value printed without one: 'K' (default), 'M' or 'G'. */
CO2_API char co2_cluster_rss_unit(const co2_cluster *cluster);
CO2_API size_t co2_cluster_partition_count(const co2_cluster *cluster);
/* The i-th partition in file order; NULL when i is out of range. */
CO2_API const co2_cluster_partition *co2_cluster_partition_at(const co2_cluster *cluster,
                                                              size_t i);
/* The partition with this exact name, or NULL. */
CO2_API const co2_cluster_partition *co2_cluster_find_partition(const co2_cluster *cluster,
                                                                const char *name);

/* ---- options --------------------------------------------------------------------- */

typedef enum co2_sacct_group_by {
	CO2_SACCT_GROUP_NONE = 0,
	CO2_SACCT_GROUP_USER = 1,
	CO2_SACCT_GROUP_ACCOUNT = 2,
	CO2_SACCT_GROUP_PARTITION = 3,
	CO2_SACCT_GROUP_STATE = 4,   /* the job's state ("CANCELLED by 123" is "CANCELLED") */
	CO2_SACCT_GROUP_DAY = 5      /* day of the job's Submit, YYYY-MM-DD */
} co2_sacct_group_by;

/* Parse "none", "user", "account", "partition", "state", "day". */
CO2_API co2_status co2_sacct_group_by_parse(co2_sacct_group_by *out, const char *name,
                                            co2_error *err);
/* "none", "user", ... */
CO2_API const char *co2_sacct_group_by_name(co2_sacct_group_by group_by);

#define CO2_SACCT_OPTIONS_VERSION 2

/* Owned by the caller. Fill with co2_sacct_options_init(&opts); new fields are only
 * appended, and the reader reads at most opts.size bytes of it (as co2_run does: see
 * "Versioned structs" in co2calc/estimate.h). Strings are borrowed, not copied: they
 * must stay valid until co2_sacct_free(). */
typedef struct co2_sacct_options {
	unsigned version;      /* CO2_SACCT_OPTIONS_VERSION of the caller's header */
	size_t size;           /* sizeof(co2_sacct_options) in the caller's header */
	co2_sacct_group_by group_by;
	const char *since;     /* keep jobs submitted at or after: "YYYY-MM-DD[THH:MM[:SS]]"; NULL: no bound */
	const char *until;     /* ... and before (exclusive); NULL: no bound */
	const char *user;      /* keep only this user; NULL: all */
	const char *account;   /* keep only this account; NULL: all */
	const char *partition; /* keep only this partition; NULL: all */
	const char *custom_success_states; /* "TIMEOUT,CANCELLED": states counted as successful */
	double pue;                        /* CO2_UNSET: the cluster's */
	double intensity_g_per_kwh;        /* CO2_UNSET: the cluster's */
} co2_sacct_options;

/* Fill *opts with the defaults (no grouping, no filter, the cluster's PUE and intensity)
 * and the caller's version and size; call it through the co2_sacct_options_init() macro.
 * At most size bytes are written. */
CO2_API void co2_sacct_options_init_v(co2_sacct_options *opts, unsigned version, size_t size);
#define co2_sacct_options_init(opts) \
	co2_sacct_options_init_v((opts), CO2_SACCT_OPTIONS_VERSION, sizeof(co2_sacct_options))

/* ---- results --------------------------------------------------------------------- */

/* Sums over a set of jobs (all of them, or one group). */
typedef struct co2_sacct_sums {
	size_t jobs;
	size_t jobs_failed;          /* jobs whose worst state is not a success */
	double energy_kwh;           /* with PUE */
	double energy_cpu_kwh;       /* IT energy of the parts, before PUE */
	double energy_gpu_kwh;
	double energy_memory_kwh;
	double energy_failed_kwh;
	double energy_rightsized_kwh; /* had memory requests been right-sized (see below) */
	double co2_kg;
	double co2_failed_kg;
	double co2_rightsized_kg;
	double cpu_hours;            /* core-hours charged (CPUTime) on CPU partitions */
	double gpu_hours;            /* GPU-hours charged (Elapsed x GPUs) on GPU partitions */
	double cpu_used_hours;       /* CPU time used (TotalCPU, or CPUTime when 0), all partitions */
	double gpu_used_hours;
	double wallclock_hours;
	double memory_requested_gb;  /* sum over jobs of the requested memory */
	double memory_needed_gb;     /* sum over jobs of the right-sized memory */
	double overallocation_mean;  /* mean over jobs of requested / right-sized memory; 0 when none */
	size_t overallocation_jobs;  /* jobs that mean is over */
} co2_sacct_sums;

typedef struct co2_sacct_totals {
	size_t lines;                /* data lines read (without the header) */
	size_t malformed_lines;      /* lines (or jobs, for an unknown partition) left out */
	size_t jobs_skipped;         /* PENDING, RUNNING, REQUEUED jobs (not finished) */
	size_t jobs_filtered;        /* jobs left out by since/until/user/account/partition */
	co2_sacct_sums all;
	/* GreenAlgorithms4HPC's figure: the mean over days (of Submit) of each day's mean
	 * over-allocation factor; 0 when no job has one. */
	double overallocation_daily_mean;
} co2_sacct_totals;

typedef struct co2_sacct_group {
	const char *key;             /* user, account, partition, state or day */
	co2_sacct_sums sums;
} co2_sacct_group;

/* One finished job, given to the job callback. Strings are valid during the call only.
 *
 * Right-sized memory is GreenAlgorithms4HPC's: the peak memory used (MaxRSS; the
 * request when unknown) rounded up to the next multiple of the cluster's granularity,
 * capped at the request; energy_rightsized_kwh counts memory power on it instead. */
typedef struct co2_sacct_job {
	const char *job_id;          /* "4140891", "4140891_3" */
	const char *name;            /* JobName of the job row */
	const char *user;
	const char *account;
	const char *partition;
	const char *state;           /* worst state, "CANCELLED by 123" shortened to "CANCELLED" */
	const char *submit;          /* earliest Submit of its rows */
	size_t line;                 /* 1-based line of its first row */
	size_t rows;                 /* rows folded into it (job row + steps) */
	int failed;
	int gpu_partition;
	double elapsed_hours;
	double cpu_used_hours;
	double cpu_hours;            /* charged: CPUTime, CPU partitions only */
	double gpus;
	double gpu_hours;            /* Elapsed x GPUs, GPU partitions only */
	double memory_requested_gb;
	double memory_used_gb;       /* MaxRSS; CO2_UNSET when unknown */
	double memory_needed_gb;     /* right-sized */
	double overallocation;       /* requested / right-sized; CO2_UNSET when undefined */
	double energy_cpu_kwh;
	double energy_gpu_kwh;
	double energy_memory_kwh;
	double energy_kwh;
	double energy_rightsized_kwh;
	double co2_kg;
	double co2_rightsized_kg;
} co2_sacct_job;

/* Receives each job as it is completed (in input order). */
typedef void (*co2_sacct_job_fn)(void *ctx, const co2_sacct_job *job);
/* Receives each malformed line: problem->line is its 1-based line number and
 * problem->message says what is wrong (without the line number). problem is valid during
 * the call only. */
typedef void (*co2_sacct_problem_fn)(void *ctx, const co2_error *problem);

/* ---- the streaming reader -------------------------------------------------------- */

typedef struct co2_sacct co2_sacct;

/* A reader for one log. cluster must outlive it; opts may be NULL (defaults), else it
 * must have been filled by co2_sacct_options_init() (a version newer than the library's
 * is refused); the options are copied, their strings borrowed. name names the input in
 * messages ("<stdin>" or a path; copied). The caller owns *out and frees it with
 * co2_sacct_free(). */
CO2_API co2_status co2_sacct_new(co2_sacct **out, const co2_cluster *cluster,
                                 const co2_sacct_options *opts, const char *name,
                                 co2_error *err);
/* Likely mistakes in what the reader was given, added to w (see co2_warnings in
 * co2calc/common.h): a carbon intensity typed by hand, in the options or as the cluster
 * file's CI, above 0 and below 5 g CO2eq/kWh (kg/kWh meant?). An intensity the cluster
 * file takes from its location (Quebec's is about 1.2) is not one. */
CO2_API void co2_sacct_warnings(co2_warnings *w, const co2_sacct *reader);
/* Callbacks (either may be NULL); set them before the first co2_sacct_feed(). */
CO2_API void co2_sacct_on_job(co2_sacct *reader, co2_sacct_job_fn fn, void *ctx);
CO2_API void co2_sacct_on_problem(co2_sacct *reader, co2_sacct_problem_fn fn, void *ctx);

/* Feed the next bytes of the log (any chunk size; lines may span chunks). The first
 * line is the header naming the columns (any order; extra columns are ignored).
 * Malformed lines are counted and reported, not fatal. Fails only when the log cannot
 * be used at all (CO2_ERR_PARSE: a header without the needed columns) or on
 * CO2_ERR_NOMEM. */
CO2_API co2_status co2_sacct_feed(co2_sacct *reader, const char *data, size_t len,
                                  co2_error *err);
/* End of input: completes the last jobs, sorts the groups by key. CO2_ERR_PARSE when
 * there was no header line. */
CO2_API co2_status co2_sacct_finish(co2_sacct *reader, co2_error *err);

/* Valid after co2_sacct_finish() until co2_sacct_free(): the totals, the groups and their
 * keys point into the reader. */
CO2_API const co2_sacct_totals *co2_sacct_get_totals(const co2_sacct *reader);
CO2_API size_t co2_sacct_group_count(const co2_sacct *reader);
/* Groups sorted by key; NULL when i is out of range. */
CO2_API const co2_sacct_group *co2_sacct_group_at(const co2_sacct *reader, size_t i);

/* NULL is a no-op. */
CO2_API void co2_sacct_free(co2_sacct *reader);

/* ---- writing rows and reports ------------------------------------------------------ */

/* The first line of per-job rows: for CO2_FORMAT_CSV the column names ("job_id,user,
 * account,...,co2_rightsized_kg\n"); for CO2_FORMAT_JSON an empty string (the rows are
 * JSON Lines). Other formats fail with CO2_ERR_INVALID. The caller owns *out and frees
 * it with co2_free(); *len (if not NULL) receives its length. */
CO2_API co2_status co2_sacct_job_header(char **out, size_t *len, co2_format format,
                                        co2_error *err);

/* One job, as the job callback receives it, as a line ending in "\n" (stream them:
 * header, then a row from each callback). CO2_FORMAT_CSV: the columns of the header,
 * figures to 10 significant digits, an empty cell for an unknown value (memory used),
 * fields quoted when they must be. CO2_FORMAT_JSON: one object holding every field of
 * co2_sacct_job, figures as co2_format_double() prints them, null for unknown values.
 * Other formats fail with CO2_ERR_INVALID. The caller owns *out (co2_free). */
CO2_API co2_status co2_sacct_job_row(char **out, size_t *len, const co2_sacct_job *job,
                                     co2_format format, co2_error *err);

/* The report of a reader after co2_sacct_finish(): the input's name, the cluster, the
 * PUE and intensity in use, the totals and (with a group_by) one entry per group.
 * CO2_FORMAT_TEXT: for people; CO2_FORMAT_CSV: a row per group, then "(all)", figures
 * to 10 significant digits; CO2_FORMAT_JSON: an object with "totals" and "groups".
 * Fails with CO2_ERR_INVALID before co2_sacct_finish() or for another format. The
 * caller owns *out (co2_free). */
CO2_API co2_status co2_sacct_report(char **out, size_t *len, const co2_sacct *reader,
                                    co2_format format, co2_error *err);

/* Parse a sacct duration, [D-][HH:]MM:SS[.mmm], into milliseconds (the digits after
 * the dot count milliseconds, as GreenAlgorithms4HPC reads them). 0 on success, -1
 * when the text is not a duration. */
CO2_API int co2_sacct_parse_duration(const char *text, size_t len, long long *ms);

#ifdef __cplusplus
}
#endif
#endif
