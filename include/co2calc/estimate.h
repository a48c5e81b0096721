/* co2calc — the estimate: a declared run in, energy and CO2eq with every factor out.
 *
 *   power_W    = sum_g count_g * power_g * utilization_g + memory_GB * memory_W_per_GB
 *   energy_kWh = power_W * hours * PUE * repeats / 1000
 *   co2_kg     = energy_kWh * intensity_kg_per_kWh
 *
 * and beside it, never added to it, the hardware's manufacturing emissions amortised over
 * its life (embodied_kg; docs/methods.md, "Embodied carbon").
 */
#ifndef CO2CALC_ESTIMATE_H
#define CO2CALC_ESTIMATE_H

#include "co2calc/common.h"
#include "co2calc/db.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum co2_method {
	CO2_METHOD_DEFAULT = 0,          /* the formula on the project's newest data, with PUE */
	CO2_METHOD_MLCO2 = 1,            /* ML CO2 Impact (Lacoste et al. 2019) */
	CO2_METHOD_GREEN_ALGORITHMS = 2  /* Green Algorithms v3.0 (Lannelongue et al. 2021) */
} co2_method;

typedef enum co2_role {
	CO2_ROLE_AUTO = 0,    /* from the hardware's kind */
	CO2_ROLE_ACCELERATOR, /* GPU, TPU, ...: count devices */
	CO2_ROLE_CPU          /* count = cores; power per core */
} co2_role;

#define CO2_MAX_DEVICES 8

/* Where the run's machines stood; it decides the PUE when none is declared. */
typedef enum co2_site {
	CO2_SITE_AUTO = 0,       /* cloud with a region, else datacenter */
	CO2_SITE_CLOUD = 1,      /* a cloud provider's data centre (implied by a region) */
	CO2_SITE_DATACENTER = 2, /* a data centre of unknown efficiency: the industry average PUE */
	CO2_SITE_DESKTOP = 3     /* a workstation, desktop or laptop at home or in an office: PUE 1 */
} co2_site;

/* One group of identical devices. */
typedef struct co2_device {
	const char *name;      /* hardware or instance name; NULL with power_w alone */
	double count;          /* devices (cores for a CPU group); CO2_UNSET: 1, or from the instance */
	double utilization;    /* (0, 1]; CO2_UNSET: 1 */
	double power_w;        /* per device (per core for CPUs); CO2_UNSET: from the data */
	double device_hours;   /* in place of count x hours; CO2_UNSET when not given */
	co2_role role;
} co2_device;

/* Versioned structs. co2_run and co2_result (and co2_sacct_options) open with the
 * version and the size of the header the caller was compiled against; their init macros
 * fill both in. New fields are only ever appended, and the version goes up with them.
 * The library reads at most `size` bytes of a struct the caller passes in and writes at
 * most `size` bytes of one it fills (fields past the caller's size take their defaults),
 * so a program built against an older header keeps working with a newer library. A
 * version newer than the library's is refused (CO2_ERR_INVALID, field "version": rebuild
 * against the installed headers), and so is a struct never initialised (version 0).
 * Version 2 is the first layout with a size: a struct smaller than version 2's is refused. */
#define CO2_RUN_VERSION 4

/* A declared run, owned by the caller. Fill with co2_run_init(&run), then set fields
 * (or use co2_run_add_device() and co2_run_set()). String pointers are borrowed, never
 * copied or freed by the library: they must stay valid while the run is used (through
 * co2_estimate() and the reports of its result). */
typedef struct co2_run {
	unsigned version;           /* CO2_RUN_VERSION of the caller's header (co2_run_init) */
	size_t size;                /* sizeof(co2_run) in the caller's header (co2_run_init) */
	co2_device devices[CO2_MAX_DEVICES];
	size_t n_devices;           /* devices in use, at most CO2_MAX_DEVICES */
	double hours;               /* wall-clock hours; CO2_UNSET with device_hours/energy */
	double memory_gb;           /* CO2_UNSET: none counted */
	const char *region;         /* "gcp:asia-east1" */
	const char *location;       /* "FR", "US-CA" */
	double intensity_g_per_kwh; /* overrides region/location intensity */
	double pue;                 /* overrides the data centre's PUE */
	double repeats;             /* times the run was done; CO2_UNSET: 1 */
	double energy_kwh;          /* measured IT energy, in place of power x time */
	co2_method method;
	const char *edition;        /* NULL: the method's own edition */
	const char *name;           /* label of the run (model name); may be NULL */
	const char *training_type;  /* "pre-training", "fine-tuning", ...; may be NULL */
	co2_site site;              /* CO2_SITE_AUTO: from the region, else datacenter */
	/* Version 4. */
	int devices_only;           /* nonzero: an instance counts its accelerators alone */
	double sockets;             /* CPU packages for --cpu without --cores; CO2_UNSET: 1 */
	/* The embodied carbon of the hardware (co2_result.embodied_kg). */
	double lifetime_years;      /* service life of the hardware in years; CO2_UNSET: the data's */
	double use_share;           /* share of that life it is in use, (0, 1]; CO2_UNSET: the data's */
	double embodied_kg;         /* manufacturing kg CO2eq of one device (one core of a CPU
	                             * group), its share of the host included; CO2_UNSET: the data's */
	int include_embodied;       /* non-zero: the model card's emissions add the embodied figure */
} co2_run;

/* Fill *run with every field unset, method CO2_METHOD_DEFAULT, no devices, and the
 * caller's version and size. Call it through the co2_run_init() macro, which passes the
 * version and size of the header the caller is compiled against. At most size bytes of
 * *run are written. */
CO2_API void co2_run_init_v(co2_run *run, unsigned version, size_t size);
#define co2_run_init(run) co2_run_init_v((run), CO2_RUN_VERSION, sizeof(co2_run))

/* Append a device group (count CO2_UNSET means 1). CO2_ERR_INVALID when full. name is
 * borrowed (see co2_run). */
CO2_API co2_status co2_run_add_device(co2_run *run, const char *name, double count,
                                      double utilization);

/* Set one field of a run from its spec key and text value ("hours", "96"), as the
 * spec parser and the command line do. Strings are borrowed from value. field names
 * the key in errors. */
CO2_API co2_status co2_run_set(co2_run *run, const char *key, const char *value,
                               co2_error *err);

/* The run key that a word people write for it means, as the spec reader's "did you
 * mean" takes it: "gpu", "num_gpus", "tdp", "country" give "hardware", "count", "power",
 * "location"; '-' and '_' are the same. A static string (spec spelling, with '_'), or
 * NULL when the word is no known synonym. Words one edit from another key ("gpu" from
 * "cpu") are here so that a program's own "did you mean" can prefer them too. */
CO2_API const char *co2_run_key_synonym(const char *word);

/* Check a run before estimating: its version and size, n_devices at most
 * CO2_MAX_DEVICES, the values' ranges and conflicts. co2_estimate() calls it. */
CO2_API co2_status co2_run_validate(const co2_run *run, co2_error *err);

/* Add to *w (co2calc/common.h) the declared values of a run that are allowed but likely
 * mistakes: an intensity above 0 and below 5 g CO2eq/kWh ("did you give kg/kWh? 0.38
 * kg/kWh is 380 g/kWh"; suggestion "380"). Only what the run declares is looked at,
 * never the data (a location with a low yearly average gives no warning). A run that
 * co2_run_validate() would refuse for its version or size adds nothing. Fractional
 * device counts are not warned about (MIG slices, shared GPUs). */
CO2_API void co2_run_warnings(co2_warnings *w, const co2_run *run);

/* ---- the result ---------------------------------------------------------------- */

#define CO2_MAX_FACTORS 24
#define CO2_MAX_PARTS (CO2_MAX_DEVICES + 1)
#define CO2_MAX_EQUIVALENTS 16

/* One input of the computation and where it came from. Strings are static or point
 * into the database (they live as long as the database). */
typedef struct co2_factor {
	const char *name;    /* "power:Google TPU v2", "pue", "intensity", "memory_w_per_gb" */
	double value;
	const char *unit;    /* "W", "g/kWh", "", "W/GB", "h" */
	const char *source;  /* a URL or citation; "user" for a declared value */
	int year;            /* 0 for a declared value */
	const char *note;    /* NULL or a remark (e.g. "measured average, not TDP") */
} co2_factor;

typedef enum co2_part_kind { CO2_PART_DEVICE = 0, CO2_PART_CPU, CO2_PART_MEMORY } co2_part_kind;

/* One line of the power budget. */
typedef struct co2_part {
	co2_part_kind kind;
	const char *label;     /* hardware name, "custom device", "memory" */
	double count;          /* devices, cores or GB */
	double unit_power_w;   /* per device, core or GB */
	double utilization;
	double power_w;        /* count * unit_power_w * utilization */
	double device_hours;   /* count * hours (or the declared device-hours) */
	double energy_kwh;     /* IT energy of this part, before PUE and repeats */
} co2_part;

typedef struct co2_equivalent {
	const char *id;        /* "car_km" */
	const char *label;
	const char *unit;
	double value;          /* rounded as the data says */
	double kg_per_unit;    /* the factor: kg CO2eq per unit (value = co2_kg / kg_per_unit) */
	const char *source;    /* of the factor */
	int year;
} co2_equivalent;

/* A figure with the span of what was likely emitted around it: central is the method's
 * figure; low and high combine every source of spread (see co2_spread). */
typedef struct co2_range {
	double low, central, high;
} co2_range;

/* What a spread multiplies. */
typedef enum co2_stage {
	CO2_STAGE_POWER = 0,     /* the power draw (device power, utilization, host) */
	CO2_STAGE_PUE = 1,       /* the facility overhead */
	CO2_STAGE_INTENSITY = 2, /* the grid's carbon intensity */
	CO2_STAGE_EMBODIED = 3   /* the embodied figure: its own range, never the ones above */
} co2_stage;

/* One source of spread: the true value of a factor lies between low and high times the
 * figure the method used (low <= 1 <= high). Strings are static or point into the
 * database. */
typedef struct co2_spread {
	const char *factor;   /* "device power", "host", "PUE", "carbon intensity" */
	co2_stage stage;
	double low, high;     /* multipliers of the central figure */
	const char *source;   /* where the spread comes from */
	int year;
	const char *note;     /* why it applies to this run; may be NULL */
} co2_spread;

/* A default the estimate applied because the run did not say. field is one of:
 * "site", "utilization", "power", "pue", "intensity", "memory", "lifetime", "use_share",
 * "embodied" (docs/uncertainty.md lists what each means). Strings are static or point into the database; value is the result's own. */
typedef struct co2_assumption {
	const char *field;
	char value[48];
	const char *reason;
} co2_assumption;

#define CO2_MAX_SPREADS 12
#define CO2_MAX_ASSUMPTIONS 12

/* One device group's share of the manufacturing ("embodied") emissions of the hardware it
 * ran on: kg = (unit_kg + host_kg x hosts_per_unit) x unit_hours / (lifetime in hours x
 * use share). Strings are static or point into the database. */
typedef struct co2_embodied_part {
	const char *label;       /* hardware or instance type */
	const char *unit;        /* what unit_hours count: "device", "instance", "core" */
	double unit_hours;       /* device-hours (instance-hours, core-hours), repeats included */
	double unit_kg;          /* manufacturing kg CO2eq of one unit; 0 when a host figure alone */
	const char *unit_source; /* NULL when unit_kg is 0 */
	int unit_year;           /* 0 for a declared figure */
	double host_kg;          /* manufacturing kg CO2eq of the host machine; 0 when none */
	double hosts_per_unit;   /* the share of a host one unit takes */
	const char *host_source; /* NULL when host_kg is 0 */
	int host_year;
	double kg;               /* this group's embodied figure */
} co2_embodied_part;

/* What the market-based figure (GHG Protocol Scope 2) counts: the share of the run's
 * electricity the provider's contractual instruments cover, and what the rest is counted
 * at. Offsets are not such instruments and are never subtracted. Strings are static or
 * point into the database; source is NULL when there is no market-based figure. */
typedef struct co2_market_basis {
	const char *source;           /* of the provider's figure */
	int year;                     /* the year it covers */
	double covered_percent;       /* share of the electricity covered, 0 to 100 */
	const char *covers;           /* what covers it: "the provider's hourly carbon-free
	                               * energy share of the region", "the provider's yearly
	                               * renewable energy matching" */
	double uncovered_g_per_kwh;   /* the intensity the rest is counted at */
	const char *uncovered_basis;  /* "residual mix", or "location-based intensity: no
	                               * residual mix in the data" */
	const char *uncovered_source;
	int uncovered_year;           /* 0 for a declared intensity */
} co2_market_basis;

#define CO2_RESULT_VERSION 4

/* The result: a plain struct the caller owns. Fill with co2_result_init(&res) before
 * co2_estimate() (see "Versioned structs" above): the library writes at most res.size
 * bytes of it. Its strings are static or point into the database (never into the run),
 * so it must not outlive the database. */
typedef struct co2_result {
	unsigned version;            /* CO2_RESULT_VERSION of the caller's header (co2_result_init) */
	size_t size;                 /* sizeof(co2_result) in the caller's header (co2_result_init) */
	co2_method method;
	const char *method_name;     /* "default", "mlco2", "green-algorithms" */
	const char *edition;         /* edition the run used */
	const char *edition_date;

	double hours;                /* wall-clock hours; 0 when only device-hours or energy */
	double power_w;              /* IT power draw */
	double it_energy_kwh;        /* power x time (or declared), one repeat */
	double pue;
	double repeats;
	double overhead_energy_kwh;  /* facility overhead: (PUE - 1) x IT energy x repeats */
	double energy_kwh;           /* total, what co2 is computed from */
	double intensity_g_per_kwh;  /* as used (after the method's rounding) */
	double co2_kg;
	double offset_percent;       /* the provider's offset share; CO2_UNSET when unknown */

	const char *provider;        /* provider id or NULL */
	const char *provider_name;
	const char *region;          /* region id or NULL */
	const char *location;        /* location code or NULL */
	const char *location_name;

	co2_part parts[CO2_MAX_PARTS];
	size_t n_parts;
	co2_factor factors[CO2_MAX_FACTORS];
	size_t n_factors;
	co2_equivalent equivalents[CO2_MAX_EQUIVALENTS];
	size_t n_equivalents;

	co2_range co2_range_kg;      /* central == co2_kg */
	double embodied_kg;          /* the hardware's manufacturing emissions amortised over the
	                              * run (embodied_parts), beside co2_kg and never in it;
	                              * CO2_UNSET when the data has no figure for any device */
	double market_co2_kg;        /* market-based (GHG Protocol Scope 2), beside the
	                              * location-based co2_kg (market_basis); CO2_UNSET when the
	                              * data has no figure of the run's provider */

	/* How sure: the ranges, each source of spread, and every default applied. */
	co2_site site;               /* where the run was taken to be (never CO2_SITE_AUTO) */
	co2_range power_range_w;     /* central == power_w */
	co2_range energy_range_kwh;  /* central == energy_kwh */
	co2_spread spreads[CO2_MAX_SPREADS];
	size_t n_spreads;
	co2_assumption assumptions[CO2_MAX_ASSUMPTIONS];
	size_t n_assumptions;

	/* Version 4: the embodied figure's range and how it was amortised. When embodied_kg
	 * is CO2_UNSET, so are the range's three figures, and the parts are none. */
	co2_range embodied_range_kg;  /* central == embodied_kg (spreads of CO2_STAGE_EMBODIED) */
	double lifetime_years;        /* service life the figure is spread over */
	const char *lifetime_source;  /* "declared by the user", or the data's source */
	int lifetime_year;
	double use_share;             /* share of that life the hardware is in use */
	const char *use_share_source;
	int use_share_year;
	co2_embodied_part embodied_parts[CO2_MAX_PARTS];
	size_t n_embodied_parts;
	/* Version 4: what the market-based figure counts (market_co2_kg). */
	co2_market_basis market_basis;
} co2_result;

/* Zero *res and record the caller's version and size. Call it through the
 * co2_result_init() macro. At most size bytes of *res are written. */
CO2_API void co2_result_init_v(co2_result *res, unsigned version, size_t size);
#define co2_result_init(res) co2_result_init_v((res), CO2_RESULT_VERSION, sizeof(co2_result))

/* Compute a run into *res, which must have been filled by co2_result_init(): a result
 * that was not (version 0: a zeroed or never-initialised struct) is refused with
 * CO2_ERR_INVALID rather than taken for the current size, since an uninitialised struct
 * holds no size to trust. The whole result is computed inside the library and at most
 * res->size bytes are copied out; res->version and res->size keep the caller's values.
 * db and run are only read. On failure the fields of *res past version and size are
 * unspecified and err says which field is wrong. */
CO2_API co2_status co2_estimate(const co2_db *db, const co2_run *run, co2_result *res,
                                co2_error *err);

/* "default", "mlco2", "green-algorithms" (static strings; so are the editions below). */
CO2_API const char *co2_method_name(co2_method method);
/* Parse a method name (also "ml-co2", "ga", "green_algorithms"); CO2_ERR_INVALID otherwise. */
CO2_API co2_status co2_method_parse(co2_method *out, const char *name, co2_error *err);
/* The edition a method uses unless the run pins one. */
CO2_API const char *co2_method_edition(co2_method method);

/* "cloud", "datacenter", "desktop" ("auto" for CO2_SITE_AUTO). */
CO2_API const char *co2_site_name(co2_site site);
/* Parse a site name ("cloud", "datacenter" or "data-centre", "desktop", also "laptop",
 * "workstation", "home"); CO2_ERR_INVALID otherwise, naming the field "site". */
CO2_API co2_status co2_site_parse(co2_site *out, const char *name, co2_error *err);

/* The comparison figure with this id in the result (a pointer into *res), or NULL. */
CO2_API const co2_equivalent *co2_result_equivalent(const co2_result *res, const char *id);

#ifdef __cplusplus
}
#endif
#endif
