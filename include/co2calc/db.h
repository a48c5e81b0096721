/* co2calc — the data base: hardware, providers, regions, locations, equivalents.
 *
 * A co2_db is filled by the loaders, then only read: lookups never change it, so one
 * database may be shared between threads once loading is done. Every pointer a lookup
 * returns points into the database and stays valid until co2_db_close(). */
#ifndef CO2CALC_DB_H
#define CO2CALC_DB_H

#include <stdbool.h>
#include "co2calc/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct co2_db co2_db;

/* The edition every method falls back to: the project's curated data. */
#define CO2_EDITION_DEFAULT "co2calc"

typedef struct co2_edition {
	const char *id;     /* "co2calc", "mlco2-impact", "green-algorithms-3.0", ... */
	const char *date;   /* "YYYY-MM-DD" */
	const char *title;  /* of the first file that declared it */
	const char *source;
	const char *license;
} co2_edition;

typedef struct co2_hardware {
	const char *name;
	const char *kind;        /* "gpu", "tpu", "cpu", "npu", "soc" */
	double power_w;          /* per device; per package for CPUs */
	const char *power_type;  /* "tdp", "measured-average", "board-power", "power-limit",
	                          * "estimate" (see data/SCHEMA.md) */
	int cores;               /* 0 when unknown */
	double power_per_core_w; /* CO2_UNSET when the data gives none */
	double memory_gb;        /* CO2_UNSET when unknown */
	const char *const *aliases;
	size_t n_aliases;
	const char *source;
	int year;
	const char *note;        /* NULL when none */
	bool uncertain;
	const char *edition;
	const char *file;        /* "<builtin>/co2calc/accelerators.yaml", or a path */
	int line;                /* of the entry in file (1-based); 0 when unknown */
	int threads;             /* hardware threads per package; 0 when unknown */
	double power_max_w;      /* the vendor's highest figure (maximum turbo power, top of
	                          * the configurable TDP); CO2_UNSET when the data gives none */
} co2_hardware;

typedef struct co2_provider {
	const char *id;          /* "gcp" */
	const char *name;        /* "Google Cloud Platform" */
	double pue;              /* CO2_UNSET when the data gives none */
	const char *pue_source;
	int pue_year;
	double offset_percent;   /* CO2_UNSET when unknown */
	const char *source;
	int year;
	const char *edition;
	const char *file;
	int line;
	/* Appended in schema 1.1. The spread the provider publishes around pue (its best and
	 * least efficient sites), from pue_source in pue_year; CO2_UNSET when not published. */
	double pue_low;
	double pue_high;
	/* Appended in schema 1.2: the share of its electricity use the provider matches with
	 * renewable energy it buys over a year (power purchase agreements, certificates: the
	 * contractual instruments of the market-based method), from renewable_match_source in
	 * renewable_match_year. CO2_UNSET, NULL and 0 when not published. */
	double renewable_match_percent;
	const char *renewable_match_source;
	int renewable_match_year;
} co2_provider;

typedef struct co2_location {
	const char *code;        /* "TW", "US-OR", "WORLD" */
	const char *name;
	double intensity_g_per_kwh;
	const char *const *aliases;
	size_t n_aliases;
	const char *source;
	int year;
	const char *edition;
	const char *file;
	int line;
	/* Appended in schema 1.1: an older sourced figure for the same grid, kept as a second
	 * point for the intensity's spread. CO2_UNSET, 0 and NULL when the data gives none. */
	double previous_intensity_g_per_kwh;
	int previous_year;
	const char *previous_source;
} co2_location;

typedef struct co2_region {
	const char *id;          /* "gcp:asia-east1" */
	const char *provider;    /* "gcp" */
	const char *name;        /* NULL when none */
	const char *location;    /* location code, NULL when none */
	double intensity_g_per_kwh; /* CO2_UNSET: take the location's */
	double pue;              /* CO2_UNSET: take the provider's */
	const char *pue_source;
	int pue_year;
	double offset_percent;   /* CO2_UNSET: take the provider's */
	const char *const *aliases;
	size_t n_aliases;
	const char *source;
	int year;
	const char *edition;
	const char *file;
	int line;
	/* Appended in schema 1.1: the spread the provider publishes for this region's PUE, from
	 * pue_source in pue_year; CO2_UNSET: none given (the provider's may apply). */
	double pue_low;
	double pue_high;
	/* Appended in schema 1.2: the provider's carbon-free energy share of this region,
	 * hour by hour over cfe_year (Google's CFE %: the grid's carbon-free supply and the
	 * provider's contracts in the region), from cfe_source. CO2_UNSET, NULL and 0 when not
	 * published. */
	double cfe_percent;
	const char *cfe_source;
	int cfe_year;
} co2_region;

typedef struct co2_instance {
	const char *id;          /* "aws:p4d.24xlarge" */
	const char *hardware;    /* hardware name: the accelerator */
	double count;            /* accelerators, as nvidia-smi / rocm-smi / the provider count them */
	const char *source;
	int year;
	const char *edition;
	const char *file;
	int line;
	/* The machine around the accelerators, all optional (0, NULL or CO2_UNSET when the
	 * data gives none). No estimate reads them yet. */
	int vcpus;               /* the instance's vCPUs */
	double memory_gb;        /* the instance's memory, as the provider states it */
	const char *host_cpu;    /* the host's CPU model, as the provider or the table names it */
	int host_vcpus;          /* vCPUs of the whole host */
	/* Measured watts of the CPU package and of RAM for this instance's share of the
	 * host, at idle and at 10, 50 and 100 % load (Cloud Carbon Footprint's table). */
	double package_w_idle, package_w_10, package_w_50, package_w_100;
	double ram_w_idle, ram_w_10, ram_w_50, ram_w_100;
	const char *watts_source; /* where those watts come from; NULL when none */
	int watts_year;
	const char *note;        /* NULL when none */
} co2_instance;

typedef struct co2_constant {
	const char *name;        /* "memory_w_per_gb", "pue_unknown", ... */
	double value;
	const char *unit;
	const char *source;
	int year;
	const char *edition;
	const char *file;
	int line;
} co2_constant;

typedef struct co2_equivalent_def {
	const char *id;          /* "car_km" */
	const char *label;       /* "km driven by an average car" */
	const char *unit;
	double kg_per_unit;
	int decimals;            /* -1 when rounding is by significant digits */
	int significant;         /* -1 when rounding is by decimals */
	const char *source;
	int year;
	const char *note;
	const char *edition;
	const char *file;
	int line;
} co2_equivalent_def;

/* ---- opening and loading ------------------------------------------------------- */

/* A new, empty database. The caller owns *out and frees it with co2_db_close(). */
CO2_API co2_status co2_db_new(co2_db **out, co2_error *err);

/* Parse one YAML data file held in memory. name is what errors call it
 * ("<builtin>/co2calc/regions.yaml" or a path). Entries whose name already exists in
 * the same edition replace the earlier ones, so later files override. On failure the
 * database is left as it was before the call. buf and name are read during the call
 * only: the database keeps its own copies. */
CO2_API co2_status co2_db_load_buffer(co2_db *db, const char *name, const char *buf,
                                      size_t len, co2_error *err);

/* Load one file, or every *.yaml file under a directory (sorted by path, recursively). */
CO2_API co2_status co2_db_load_path(co2_db *db, const char *path, co2_error *err);

/* Load the data compiled into the library: the files of data/, loaded and checked at
 * build time with co2_db_load_buffer() and co2_db_check(), then stored ready to use. */
CO2_API co2_status co2_db_load_builtin(co2_db *db, co2_error *err);

/* co2_db_new() + co2_db_load_builtin(). */
CO2_API co2_status co2_db_open_default(co2_db **out, co2_error *err);

/* Free a database. NULL is a no-op. */
CO2_API void co2_db_close(co2_db *db);

/* Names of the files loaded, in load order (for "what was loaded" messages); they point
 * into the database (valid until co2_db_close()). */
CO2_API size_t co2_db_file_count(const co2_db *db);
CO2_API const char *co2_db_file_name(const co2_db *db, size_t i);

/* Names of the built-in data files ("<builtin>/co2calc/regions.yaml", ...): static
 * strings. */
CO2_API size_t co2_builtin_count(void);
CO2_API const char *co2_builtin_name(size_t i);

/* ---- lookup --------------------------------------------------------------------
 * edition: the edition to search first (NULL means CO2_EDITION_DEFAULT); a name not in
 * it is then searched in CO2_EDITION_DEFAULT. Names are matched ignoring case, spaces
 * and punctuation, through aliases, and with vendor words ("NVIDIA", "Tesla", "(R)",
 * "CPU @ 2.40GHz") optional. An unknown name fails with CO2_ERR_NOT_FOUND and a message
 * naming the closest entries; a name matching several fails with CO2_ERR_AMBIGUOUS and
 * lists them. *out points into the database (valid until co2_db_close()). */
CO2_API co2_status co2_db_find_hardware(const co2_hardware **out, const co2_db *db,
                                        const char *edition, const char *name,
                                        co2_error *err);
CO2_API co2_status co2_db_find_region(const co2_region **out, const co2_db *db,
                                      const char *edition, const char *name, co2_error *err);
CO2_API co2_status co2_db_find_location(const co2_location **out, const co2_db *db,
                                        const char *edition, const char *name,
                                        co2_error *err);
CO2_API co2_status co2_db_find_instance(const co2_instance **out, const co2_db *db,
                                        const char *edition, const char *name,
                                        co2_error *err);
/* A provider by its id ("gcp") or its name ("Google Cloud Platform"), matched and
 * failing as the lookups above do. co2_db_provider() takes the exact id alone. */
CO2_API co2_status co2_db_find_provider(const co2_provider **out, const co2_db *db,
                                        const char *edition, const char *name,
                                        co2_error *err);
/* A Google Cloud TPU slice named by its accelerator type ("v2-8", "v3-8", "v4-32",
 * "v5p-128", "v5litepod-16", "v6e-8", "tpu7x-8"; "gcp:" before it is allowed): the chip,
 * looked up like co2_db_find_hardware() in the edition, and how many chips the slice
 * has. For v2, v3, v4, v5p and TPU7x the number counts TensorCores, two per chip (v3-8
 * is 4 chips); for v5e (v5litepod) and v6e it counts chips. A name that is not of that
 * form fails with CO2_ERR_NOT_FOUND; a slice name with a number that is not a whole
 * count of chips fails with CO2_ERR_INVALID. */
typedef struct co2_tpu_slice {
	const co2_hardware *hardware; /* the chip */
	double chips;                 /* chips in the slice */
	int number;                   /* the number in the name */
	int per_chip;                 /* what the number counts per chip: 2 TensorCores or 1 chip */
	const char *rule;             /* "the number counts TensorCores, 2 per chip" */
	const char *source;           /* Google's page for the version */
	int year;
} co2_tpu_slice;
CO2_API co2_status co2_db_find_tpu_slice(co2_tpu_slice *out, const co2_db *db,
                                         const char *edition, const char *name,
                                         co2_error *err);
/* Exact id ("gcp") in the edition, then in the default one; NULL when absent. */
CO2_API const co2_provider *co2_db_provider(const co2_db *db, const char *edition,
                                            const char *id);
/* Exact name ("memory_w_per_gb") in the edition, then in the default one; NULL when absent. */
CO2_API const co2_constant *co2_db_constant(const co2_db *db, const char *edition,
                                            const char *name);
/* The edition with this id, or NULL. */
CO2_API const co2_edition *co2_db_edition(const co2_db *db, const char *id);

/* ---- listing: every entry of one kind, all editions, in load order ------------- */
CO2_API const co2_edition *co2_db_editions(const co2_db *db, size_t *n);
CO2_API const co2_hardware *co2_db_hardware_list(const co2_db *db, size_t *n);
CO2_API const co2_provider *co2_db_providers(const co2_db *db, size_t *n);
CO2_API const co2_region *co2_db_regions(const co2_db *db, size_t *n);
CO2_API const co2_location *co2_db_locations(const co2_db *db, size_t *n);
CO2_API const co2_instance *co2_db_instances(const co2_db *db, size_t *n);
CO2_API const co2_constant *co2_db_constants(const co2_db *db, size_t *n);
/* Comparison figures of every edition (each method uses its own edition's set). */
CO2_API const co2_equivalent_def *co2_db_equivalents(const co2_db *db, size_t *n);

/* ---- checking ------------------------------------------------------------------ */

/* Receives one problem found by co2_db_check(): the file it is in and a message, both
 * valid during the call only. */
typedef void (*co2_diag_fn)(void *ctx, const char *file, const char *message);

/* Look for figures outside plausible ranges (power 1-2000 W, intensity 0-1500 g/kWh,
 * PUE 1.0-3.0), references to entries that do not exist, and names or aliases shared
 * by two entries. Returns the number of problems; fn (may be NULL) gets each one. */
CO2_API size_t co2_db_check(const co2_db *db, co2_diag_fn fn, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
