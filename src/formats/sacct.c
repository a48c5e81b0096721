/* Slurm accounting (sacct --parsable2) streamed into per-job energy and CO2eq.
 *
 * The reader is fed chunks; the line reader of src/base splits them into lines (a line
 * cut by a chunk boundary is carried over, at most MAX_LINE bytes) while scan_line finds
 * the fields, so it reads its input once and never holds more than one line of it.
 *
 * Folding steps into jobs. sacct prints a job's steps (123.batch, 123.0, ...) right
 * after its job row. The reader keeps the last OPEN_JOBS jobs open in a small ring:
 * a row whose JobID (up to the first '.') is one of them is folded into it; a new JobID
 * opens a job and, when the ring is full, completes the oldest. So steps may come
 * up to OPEN_JOBS - 1 other jobs late and still be folded; a row arriving later than
 * that starts a second occurrence of its job, computed on its own (docs/clusters.md,
 * "Streaming"). Memory is the ring plus the group tables: bounded by the number of
 * groups (users, accounts, partitions, states, days), never by the number of jobs.
 *
 * The per-job arithmetic restates GreenAlgorithms4HPC's (docs/clusters.md, "What is
 * computed, per job"), in the
 * same floating-point operation order, so the totals agree with it to rounding. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "formats/formats.h"
#include "co2calc/sacct.h"

#define MAX_COLS 256
#define OPEN_JOBS 16
#define MAX_LINE (1u << 20)

/* Columns the reader uses; the first N_REQUIRED must be in the header. */
enum {
	C_JOBID, C_SUBMIT, C_ELAPSED, C_PARTITION, C_NNODES, C_NCPUS, C_TOTALCPU, C_CPUTIME,
	C_REQMEM, C_MAXRSS, C_STATE, C_ALLOCTRES,
	N_REQUIRED,
	C_USER = N_REQUIRED, C_ACCOUNT, C_JOBNAME,
	N_COLS
};

static const char *const col_names[N_COLS] = {
	"JobID", "Submit", "Elapsed", "Partition", "NNodes", "NCPUS", "TotalCPU", "CPUTime",
	"ReqMem", "MaxRSS", "State", "AllocTRES", "User", "Account", "JobName"
};

/* Sums over jobs, in the units the per-job arithmetic produces. */
typedef struct acc {
	size_t jobs, failed;
	double e, e_cpu, e_gpu, e_mem, e_failed, e_right;
	double cpu_charged_h, gpu_charged_h, cpu_used_s, gpu_used_s, wall_s;
	double mem_req, mem_needed, over_sum;
	size_t over_n;
} acc;

/* One open job: the job row and the steps folded so far. */
typedef struct job {
	size_t line, rows;
	long long tcpu, cputime, wall; /* ms, maximum over rows */
	double reqmem, rss;            /* GB; rss -1 when no row gives it */
	long long ngpu;
	int code;                      /* worst state code over rows (see state_code) */
	uint64_t id_key;               /* first 8 bytes of id, a quick first comparison */
	size_t id_len;
	char id[64];
	char state[48];
	char submit[32];
	char part[64];
	char user[64];
	char account[96];
	char name[96];
} job;

typedef struct gentry {
	char *key;
	acc a;
} gentry;

/* A string-keyed table of sums; open addressing over indexes into items. */
typedef struct gtable {
	gentry *items;
	size_t n, cap_items;
	uint32_t *slots; /* index + 1; 0 is empty */
	size_t nslots;
	size_t last;     /* index of the last entry found + 1 (a one-entry cache) */
} gtable;

struct co2_sacct {
	const co2_cluster *cluster;
	co2_sacct_options opt;
	char *name;      /* the input, for messages and reports */
	double pue, intensity, gran, mem_w;
	char rss_unit;
	co2_sacct_job_fn job_fn;
	void *job_ctx;
	co2_sacct_problem_fn problem_fn;
	void *problem_ctx;

	/* input */
	int have_header;
	size_t ncols;
	int col[N_COLS]; /* column index of each used field, -1 when absent */
	uint32_t pos[MAX_COLS + 2]; /* field offsets of the current line */
	size_t nf;                  /* ... and their number */
	size_t lineno;
	co2__lines lines;
	co2_status fatal;
	co2_error fatal_err;

	/* custom success states */
	char *custom_buf;
	const char *custom[32];
	size_t custom_len[32];
	size_t n_custom;

	/* open jobs: a ring, oldest at head */
	job ring[OPEN_JOBS];
	size_t head, open;

	/* results */
	acc all;
	gtable groups, days;
	co2_sacct_totals totals;
	co2_sacct_group *sorted;
	size_t n_sorted;
	int finished;
};

/* ---- small parsers (locale-independent, no allocation) --------------------------- */

static int parse_digits(const char *p, const char *e, long long *out)
{
	if (p == e || e - p > 15)
		return -1;
	long long v = 0;
	for (; p < e; p++) {
		unsigned d = (unsigned)(*p - '0');
		if (d > 9)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int co2_sacct_parse_duration(const char *text, size_t len, long long *ms)
{
	const char *p = text, *e = text + len;
	long long v = 0, days = 0, parts[3], frac = 0;
	int nd = 0, np = 0, dash = 0;
	for (; p < e; p++) {
		unsigned d = (unsigned)(*p - '0');
		if (d <= 9) {
			if (++nd > 10)
				return -1;
			v = v * 10 + d;
		} else if (*p == ':') {
			if (nd == 0 || np == 2)
				return -1;
			parts[np++] = v;
			v = 0, nd = 0;
		} else if (*p == '-') {
			if (nd == 0 || dash || np || v > 1000000)
				return -1;
			days = v, dash = 1;
			v = 0, nd = 0;
		} else if (*p == '.') {
			break;
		} else {
			return -1;
		}
	}
	if (nd == 0)
		return -1;
	parts[np++] = v;
	if (p < e) { /* the digits after the dot: milliseconds, as an integer */
		if (++p == e || e - p > 9)
			return -1;
		for (; p < e; p++) {
			unsigned d = (unsigned)(*p - '0');
			if (d > 9)
				return -1;
			frac = frac * 10 + d;
		}
	}
	long long h = 0, m = 0, sec;
	if (np == 3)
		h = parts[0], m = parts[1], sec = parts[2];
	else if (np == 2)
		m = parts[0], sec = parts[1];
	else
		sec = parts[0];
	*ms = (((days * 24 + h) * 60 + m) * 60 + sec) * 1000 + frac;
	return 0;
}

static const double pow10_tab[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };

/* A decimal number "123", "187.50" as Python's float() reads it. The fast path (at most
 * 15 significant digits) is exact: an integer divided by a power of ten, both exact, is
 * correctly rounded. Anything else goes through co2__strtod. */
static int parse_number(const char *p, const char *e, double *out)
{
	size_t n = (size_t)(e - p);
	if (n == 0)
		return -1;
	unsigned long long m = 0;
	int digits = 0, frac = -1;
	const char *q = p;
	for (; q < e; q++) {
		unsigned d = (unsigned)(*q - '0');
		if (d <= 9) {
			m = m * 10 + d;
			if (++digits > 15)
				break;
			if (frac >= 0)
				frac++;
		} else if (*q == '.' && frac < 0) {
			frac = 0;
		} else {
			break;
		}
	}
	if (q == e && digits > 0) {
		*out = frac > 0 ? (double)m / pow10_tab[frac] : (double)m;
		return 0;
	}
	char buf[64];
	if (n >= sizeof buf)
		return -1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	double v;
	if (!co2__strtod(buf, &v) || v < 0)
		return -1;
	*out = v;
	return 0;
}

static int unit_to_gb(double v, char unit, double *out)
{
	switch (unit) {
	case 'K': *out = v / 1e6; return 0;
	case 'M': *out = v / 1e3; return 0;
	case 'G': *out = v; return 0;
	case 'T': *out = v * 1e3; return 0; /* GreenAlgorithms4HPC stops on T; we read it */
	default: return -1;
	}
}

/* ReqMem: "" (0), "9600M", "187.50G", or legacy "4800Mc" (per CPU), "64Gn" (per node). */
static int parse_reqmem(const char *p, size_t n, long long nnodes, long long ncpus, double *gb)
{
	if (n == 0 || (n == 1 && p[0] == '0')) {
		*gb = 0;
		return 0;
	}
	double v;
	char last = p[n - 1];
	if (last == 'n' || last == 'c') {
		if (n < 3 || parse_number(p, p + n - 2, &v) != 0)
			return -1;
		v *= (double)(last == 'n' ? nnodes : ncpus);
		return unit_to_gb(v, p[n - 2], gb);
	}
	if (n < 2 || parse_number(p, p + n - 1, &v) != 0)
		return -1;
	return unit_to_gb(v, last, gb);
}

/* MaxRSS: "" (unknown: -1), "0", "2345676K", "1.50M", or a bare number in unit. */
static int parse_rss(const char *p, size_t n, char unit, double *gb)
{
	if (n == 0) {
		*gb = -1;
		return 0;
	}
	if (n == 1 && p[0] == '0') {
		*gb = 0;
		return 0;
	}
	double v;
	char last = p[n - 1];
	if ((last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z')) {
		if (parse_number(p, p + n - 1, &v) != 0)
			return -1;
		return unit_to_gb(v, last, gb);
	}
	if (parse_number(p, p + n, &v) != 0)
		return -1;
	return unit_to_gb(v, unit, gb);
}

/* The first "gres/gpu=N" in AllocTRES ("gres/gpu:a100=1" does not count). */
static long long gpu_count(const char *p, size_t n)
{
	static const char pat[] = "gres/gpu=";
	const size_t pl = sizeof pat - 1;
	for (size_t i = pl - 1; i + 1 < n; i++) {
		if (p[i] != '=' || memcmp(p + i + 1 - pl, pat, pl) != 0 || (unsigned)(p[i + 1] - '0') > 9)
			continue;
		const char *d = p + i + 1, *de = d, *e = p + n;
		while (de < e && (unsigned)(*de - '0') <= 9)
			de++;
		long long v;
		if (parse_digits(d, de, &v) != 0)
			return -1;
		return v;
	}
	return 0;
}

#define str_is(p, n, lit) ((n) == sizeof(lit) - 1 && memcmp((p), (lit), sizeof(lit) - 1) == 0)

static uint64_t id_key(const char *p, size_t n)
{
	uint64_t k = 0;
	memcpy(&k, p, n < 8 ? n : 8);
	return k;
}

/* GreenAlgorithms4HPC's state code: 1 success, -1 success by --custom-success-states,
 * 0 failed, -2 not finished (the job is skipped). A job takes the minimum over rows. */
static int state_code(const co2_sacct *s, const char *p, size_t n)
{
	int code;
	if (n && p[0] == 'C' && (str_is(p, n, "COMPLETED") || str_is(p, n, "CD"))) {
		code = 1;
	} else {
		code = 0;
		const char *sp = memchr(p, ' ', n);
		size_t word = sp ? (size_t)(sp - p) : n;
		for (size_t i = 0; i < s->n_custom; i++)
			if ((s->custom_len[i] == n && memcmp(s->custom[i], p, n) == 0) ||
			    (s->custom_len[i] && s->custom_len[i] == word && memcmp(s->custom[i], p, word) == 0)) {
				code = -1;
				break;
			}
	}
	if (n <= 8 && (p[0] == 'P' || p[0] == 'R') && (str_is(p, n, "PENDING") || str_is(p, n, "RUNNING") || str_is(p, n, "REQUEUED") ||
	               str_is(p, n, "PD") || str_is(p, n, "R") || str_is(p, n, "RQ")))
		code = -2;
	return code;
}

static void copy_str(char *dst, size_t cap, const char *p, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, p, n);
	dst[n] = '\0';
}

static int str_lt(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c < 0 || (c == 0 && an < bn);
}

/* ---- group tables ------------------------------------------------------------------ */

static uint64_t hash_str(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static void gtable_free(gtable *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->items[i].key);
	free(t->items);
	free(t->slots);
	memset(t, 0, sizeof *t);
}

static int gtable_rehash(gtable *t, size_t nslots)
{
	uint32_t *slots = calloc(nslots, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t i = 0; i < t->n; i++) {
		size_t k = hash_str(t->items[i].key, strlen(t->items[i].key)) & (nslots - 1);
		while (slots[k])
			k = (k + 1) & (nslots - 1);
		slots[k] = (uint32_t)(i + 1);
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = nslots;
	return 0;
}

/* The sums of key, created empty on first use; NULL when out of memory. */
static acc *gtable_get(gtable *t, const char *key, size_t n)
{
	if (t->last) {
		const char *k = t->items[t->last - 1].key;
		if (strncmp(k, key, n) == 0 && k[n] == '\0')
			return &t->items[t->last - 1].a;
	}
	if (t->nslots) {
		size_t k = hash_str(key, n) & (t->nslots - 1);
		while (t->slots[k]) {
			gentry *g = &t->items[t->slots[k] - 1];
			if (strncmp(g->key, key, n) == 0 && g->key[n] == '\0') {
				t->last = t->slots[k];
				return &g->a;
			}
			k = (k + 1) & (t->nslots - 1);
		}
	}
	if ((t->n + 1) * 2 > t->nslots && gtable_rehash(t, t->nslots ? t->nslots * 2 : 64) != 0)
		return NULL;
	if (t->n == t->cap_items) {
		size_t cap = t->cap_items ? t->cap_items * 2 : 32;
		gentry *ni = realloc(t->items, cap * sizeof *ni);
		if (!ni)
			return NULL;
		t->items = ni;
		t->cap_items = cap;
	}
	char *copy = malloc(n + 1);
	if (!copy)
		return NULL;
	memcpy(copy, key, n);
	copy[n] = '\0';
	gentry *g = &t->items[t->n++];
	memset(g, 0, sizeof *g);
	g->key = copy;
	size_t k = hash_str(key, n) & (t->nslots - 1);
	while (t->slots[k])
		k = (k + 1) & (t->nslots - 1);
	t->slots[k] = (uint32_t)t->n;
	t->last = t->n;
	return &g->a;
}

/* ---- options ------------------------------------------------------------------------ */

static const char *const group_names[] = { "none", "user", "account", "partition", "state", "day" };

co2_status co2_sacct_group_by_parse(co2_sacct_group_by *out, const char *name, co2_error *err)
{
	for (size_t i = 0; i < sizeof group_names / sizeof group_names[0]; i++)
		if (name && strcmp(name, group_names[i]) == 0) {
			*out = (co2_sacct_group_by)i;
			return CO2_OK;
		}
	return co2__fail_field(err, CO2_ERR_INVALID, "group-by",
	                       "group-by: expected user, account, partition, state or day, got '%.40s'",
	                       name ? name : "");
}

const char *co2_sacct_group_by_name(co2_sacct_group_by g)
{
	return (unsigned)g < sizeof group_names / sizeof group_names[0] ? group_names[g] : "none";
}

static void options_defaults(co2_sacct_options *o)
{
	memset(o, 0, sizeof *o);
	o->version = CO2_SACCT_OPTIONS_VERSION;
	o->size = sizeof *o;
	o->pue = CO2_UNSET;
	o->intensity_g_per_kwh = CO2_UNSET;
}

void co2_sacct_options_init_v(co2_sacct_options *opts, unsigned version, size_t size)
{
	if (!opts || size < offsetof(co2_sacct_options, group_by))
		return;
	co2_sacct_options o;
	options_defaults(&o);
	o.version = version;
	o.size = size;
	memset(opts, 0, size);
	memcpy(opts, &o, size < sizeof o ? size : sizeof o);
}

/* The caller's options as a whole struct of this library: the first opts->size bytes,
 * the defaults past them. Version 2 (the first with a size) is the smallest taken. */
static co2_status options_read(co2_sacct_options *o, const co2_sacct_options *opts, co2_error *err)
{
	options_defaults(o);
	if (!opts)
		return CO2_OK;
	co2_status st = co2__check_version(err, "sacct options", "co2_sacct_options_init()",
	                                   opts->version, opts->size, CO2__OLDEST_VERSION,
	                                   CO2_SACCT_OPTIONS_VERSION,
	                                   offsetof(co2_sacct_options, intensity_g_per_kwh) + sizeof(double),
	                                   sizeof(co2_sacct_options));
	if (st != CO2_OK)
		return st;
	memcpy(o, opts, opts->size < sizeof *o ? opts->size : sizeof *o);
	return CO2_OK;
}

/* "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS". */
static int valid_time_bound(const char *s)
{
	static const char *const shapes[] = { "dddd-dd-dd", "dddd-dd-ddTdd:dd", "dddd-dd-ddTdd:dd:dd" };
	size_t n = strlen(s);
	for (size_t i = 0; i < 3; i++) {
		if (strlen(shapes[i]) != n)
			continue;
		size_t k = 0;
		for (; k < n; k++) {
			char want = shapes[i][k];
			if (want == 'd' ? (unsigned)(s[k] - '0') > 9 : s[k] != want)
				break;
		}
		if (k == n)
			return 1;
	}
	return 0;
}

/* ---- the reader ------------------------------------------------------------------- */

co2_status co2_sacct_new(co2_sacct **out, const co2_cluster *cluster,
                         const co2_sacct_options *opts, const char *name, co2_error *err)
{
	*out = NULL;
	if (!cluster)
		return co2__fail(err, CO2_ERR_INVALID, "sacct: no cluster description");
	co2_sacct_options o;
	co2_status ost = options_read(&o, opts, err);
	if (ost != CO2_OK)
		return ost;
	if ((unsigned)o.group_by > CO2_SACCT_GROUP_DAY)
		return co2__fail_field(err, CO2_ERR_INVALID, "group-by", "group-by: unknown grouping %d", (int)o.group_by);
	if (o.since && !valid_time_bound(o.since))
		return co2__fail_field(err, CO2_ERR_INVALID, "since",
		                       "since: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], got '%.40s'", o.since);
	if (o.until && !valid_time_bound(o.until))
		return co2__fail_field(err, CO2_ERR_INVALID, "until",
		                       "until: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], got '%.40s'", o.until);
	if (o.pue != CO2_UNSET && !(o.pue >= 1.0 && o.pue <= 5.0))
		return co2__fail_field(err, CO2_ERR_INVALID, "pue", "pue: %g is out of range [1, 5]", o.pue);
	if (o.intensity_g_per_kwh != CO2_UNSET && !(o.intensity_g_per_kwh >= 0 && o.intensity_g_per_kwh <= 2000))
		return co2__fail_field(err, CO2_ERR_INVALID, "intensity", "intensity: %g g/kWh is out of range [0, 2000]",
		                       o.intensity_g_per_kwh);
	co2_sacct *s = calloc(1, sizeof *s);
	if (!s)
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	s->cluster = cluster;
	s->opt = o;
	s->name = strdup(name ? name : "<sacct>");
	if (!s->name) {
		free(s);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	}
	s->lines.max = MAX_LINE;
	s->pue = o.pue != CO2_UNSET ? o.pue : co2_cluster_pue(cluster);
	s->intensity = o.intensity_g_per_kwh != CO2_UNSET ? o.intensity_g_per_kwh : co2_cluster_intensity(cluster);
	s->gran = co2_cluster_granularity_gb(cluster);
	s->mem_w = co2_cluster_memory_w_per_gb(cluster);
	s->rss_unit = co2_cluster_rss_unit(cluster);
	/* As GreenAlgorithms4HPC splits the option: "" gives one empty name. */
	const char *cs = o.custom_success_states ? o.custom_success_states : "";
	s->custom_buf = strdup(cs);
	if (!s->custom_buf) {
		free(s->name);
		free(s);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	}
	for (char *p = s->custom_buf;;) {
		char *c = strchr(p, ',');
		if (s->n_custom == sizeof s->custom / sizeof s->custom[0]) {
			co2_sacct_free(s);
			return co2__fail_field(err, CO2_ERR_INVALID, "custom-success-states",
			                       "custom-success-states: at most 32 states");
		}
		if (c)
			*c = '\0';
		s->custom[s->n_custom] = p;
		s->custom_len[s->n_custom++] = strlen(p);
		if (!c)
			break;
		p = c + 1;
	}
	*out = s;
	return CO2_OK;
}

void co2_sacct_warnings(co2_warnings *w, const co2_sacct *s)
{
	if (!w || !s)
		return;
	if (s->opt.intensity_g_per_kwh != CO2_UNSET)
		co2__warn_low_intensity(w, NULL, "intensity", s->opt.intensity_g_per_kwh);
	else if (!co2_cluster_location(s->cluster))
		co2__warn_low_intensity(w, co2_cluster_file(s->cluster), "CI", s->intensity);
}

void co2_sacct_on_job(co2_sacct *s, co2_sacct_job_fn fn, void *ctx)
{
	s->job_fn = fn;
	s->job_ctx = ctx;
}

void co2_sacct_on_problem(co2_sacct *s, co2_sacct_problem_fn fn, void *ctx)
{
	s->problem_fn = fn;
	s->problem_ctx = ctx;
}

void co2_sacct_free(co2_sacct *s)
{
	if (!s)
		return;
	gtable_free(&s->groups);
	gtable_free(&s->days);
	free(s->sorted);
	co2__lines_free(&s->lines);
	free(s->custom_buf);
	free(s->name);
	free(s);
}

void co2__sacct_get_setup(const co2_sacct *s, co2__sacct_setup *out)
{
	out->name = s->name;
	out->cluster = s->cluster;
	out->group_by = s->opt.group_by;
	out->pue = s->pue;
	out->intensity = s->intensity;
	out->finished = s->finished;
}

static void problem(co2_sacct *s, size_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void problem(co2_sacct *s, size_t line, const char *fmt, ...)
{
	s->totals.malformed_lines++;
	if (!s->problem_fn)
		return;
	co2_error e;
	co2_error_clear(&e);
	e.status = CO2_ERR_PARSE;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e.message, sizeof e.message, fmt, ap);
	va_end(ap);
	snprintf(e.file, sizeof e.file, "%s", s->name);
	e.line = line > (size_t)0x7fffffff ? 0x7fffffff : (int)line;
	s->problem_fn(s->problem_ctx, &e);
}

static void fatal(co2_sacct *s, co2_status st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void fatal(co2_sacct *s, co2_status st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	s->fatal = st;
	s->fatal_err.status = st;
	vsnprintf(s->fatal_err.message, sizeof s->fatal_err.message, fmt, ap);
	va_end(ap);
	snprintf(s->fatal_err.file, sizeof s->fatal_err.file, "%s", s->name);
	s->fatal_err.line = s->lineno > (size_t)0x7fffffff ? 0 : (int)s->lineno;
}

static void add(acc *a, const co2_sacct_job *j, const double *raw)
{
	a->jobs++;
	a->failed += (size_t)j->failed;
	a->e += j->energy_kwh;
	a->e_cpu += j->energy_cpu_kwh;
	a->e_gpu += j->energy_gpu_kwh;
	a->e_mem += j->energy_memory_kwh;
	if (j->failed)
		a->e_failed += j->energy_kwh;
	a->e_right += j->energy_rightsized_kwh;
	a->cpu_charged_h += j->cpu_hours;
	a->gpu_charged_h += j->gpu_hours;
	a->cpu_used_s += raw[0];
	a->gpu_used_s += raw[1];
	a->wall_s += raw[2];
	a->mem_req += j->memory_requested_gb;
	a->mem_needed += j->memory_needed_gb;
	if (j->overallocation != CO2_UNSET) {
		a->over_sum += j->overallocation;
		a->over_n++;
	}
}

/* Complete one job: skip it, filter it, or compute and add it. */
static int complete(co2_sacct *s, job *j)
{
	if (j->code == -2) {
		s->totals.jobs_skipped++;
		return 0;
	}
	const co2_sacct_options *o = &s->opt;
	if ((o->since && strcmp(j->submit, o->since) < 0) || (o->until && strcmp(j->submit, o->until) >= 0) ||
	    (o->user && strcmp(j->user, o->user) != 0) || (o->account && strcmp(j->account, o->account) != 0) ||
	    (o->partition && strcmp(j->part, o->partition) != 0)) {
		s->totals.jobs_filtered++;
		return 0;
	}
	const co2_cluster_partition *p = co2_cluster_find_partition(s->cluster, j->part);
	if (!p) {
		if (j->part[0])
			problem(s, j->line, "job %s: unknown partition '%s': describe it under 'partitions:' in %s",
			        j->id, j->part, co2_cluster_file(s->cluster));
		else
			problem(s, j->line, "job %s: no partition on any of its rows; partitions are described in %s",
			        j->id, co2_cluster_file(s->cluster));
		return 0;
	}
	int gpu = p->gpu;
	/* timedelta.total_seconds(): integer microseconds / 10**6. */
	double tcpu_s = (double)(j->tcpu * 1000) / 1e6;
	double cputime_s = (double)(j->cputime * 1000) / 1e6;
	double wall_s = (double)(j->wall * 1000) / 1e6;
	double cpu_used_s = j->tcpu == 0 ? cputime_s : tcpu_s;
	double gpu_used_s = gpu ? (double)(j->wall * 1000) * (double)j->ngpu / 1e6 : 0.0;
	double tdp_cpu = p->cpu_w_per_core, tdp_gpu = gpu ? p->gpu_w : 0.0;
	double reqmem = j->reqmem;
	double used = j->rss == -1 ? reqmem : j->rss;
	double step = (trunc(used / s->gran) + 1) * s->gran;
	double needed = reqmem < used ? step : (reqmem < step ? reqmem : step);
	double over;
	if (reqmem < needed)
		over = 1.0;
	else if (needed == 0)
		over = CO2_UNSET;
	else
		over = reqmem / needed;

	co2_sacct_job r;
	r.job_id = j->id;
	r.name = j->name;
	r.user = j->user;
	r.account = j->account;
	r.partition = j->part;
	r.state = j->state;
	r.submit = j->submit;
	r.line = j->line;
	r.rows = j->rows;
	r.failed = j->code == 0;
	r.gpu_partition = gpu;
	r.elapsed_hours = wall_s / 3600;
	r.cpu_used_hours = cpu_used_s / 3600;
	r.cpu_hours = gpu ? 0.0 : cputime_s / 3600;
	r.gpus = gpu ? (double)j->ngpu : 0.0;
	r.gpu_hours = gpu ? wall_s * (double)j->ngpu / 3600 : 0.0;
	r.memory_requested_gb = reqmem;
	r.memory_used_gb = j->rss == -1 ? CO2_UNSET : j->rss;
	r.memory_needed_gb = needed;
	r.overallocation = over;
	r.energy_cpu_kwh = cpu_used_s / 3600 * tdp_cpu / 1000;
	r.energy_gpu_kwh = gpu_used_s / 3600 * tdp_gpu / 1000;
	r.energy_memory_kwh = wall_s / 3600 * reqmem * s->mem_w / 1000;
	r.energy_kwh = (r.energy_cpu_kwh + r.energy_gpu_kwh + r.energy_memory_kwh) * s->pue;
	double e_mem_needed = wall_s / 3600 * needed * s->mem_w / 1000;
	r.energy_rightsized_kwh = (r.energy_cpu_kwh + r.energy_gpu_kwh + e_mem_needed) * s->pue;
	r.co2_kg = r.energy_kwh * s->intensity / 1000;
	r.co2_rightsized_kg = r.energy_rightsized_kwh * s->intensity / 1000;

	double raw[3] = { cpu_used_s, gpu_used_s, wall_s };
	add(&s->all, &r, raw);
	size_t dn = strnlen(j->submit, 10);
	acc *day = gtable_get(&s->days, j->submit, dn);
	if (!day)
		return -1;
	if (over != CO2_UNSET) {
		day->over_sum += over;
		day->over_n++;
	}
	if (o->group_by != CO2_SACCT_GROUP_NONE) {
		const char *key = "";
		size_t kn;
		switch (o->group_by) {
		case CO2_SACCT_GROUP_USER: key = j->user; break;
		case CO2_SACCT_GROUP_ACCOUNT: key = j->account; break;
		case CO2_SACCT_GROUP_PARTITION: key = j->part; break;
		case CO2_SACCT_GROUP_STATE: key = j->state; break;
		case CO2_SACCT_GROUP_DAY: key = j->submit; break;
		default: break;
		}
		kn = o->group_by == CO2_SACCT_GROUP_DAY ? dn : strlen(key);
		acc *g = gtable_get(&s->groups, key, kn);
		if (!g)
			return -1;
		add(g, &r, raw);
	}
	if (s->job_fn)
		s->job_fn(s->job_ctx, &r);
	return 0;
}

/* Complete the oldest open job. */
static int complete_oldest(co2_sacct *s)
{
	job *j = &s->ring[s->head];
	s->head = (s->head + 1) % OPEN_JOBS;
	s->open--;
	if (complete(s, j) != 0) {
		fatal(s, CO2_ERR_NOMEM, "out of memory");
		return -1;
	}
	return 0;
}

static int parse_header(co2_sacct *s, const char *p, size_t n)
{
	for (size_t c = 0; c < N_COLS; c++)
		s->col[c] = -1;
	size_t ncols = 0;
	const char *e = p + n;
	while (1) {
		const char *bar = memchr(p, '|', (size_t)(e - p));
		const char *fe = bar ? bar : e;
		if (ncols == MAX_COLS) {
			fatal(s, CO2_ERR_PARSE, "%s:1: header: more than %d columns", s->name, MAX_COLS);
			return -1;
		}
		for (size_t c = 0; c < N_COLS; c++) {
			size_t l = strlen(col_names[c]);
			if (s->col[c] < 0 && (size_t)(fe - p) == l) {
				size_t k = 0;
				while (k < l && (p[k] | 0x20) == (col_names[c][k] | 0x20))
					k++;
				if (k == l)
					s->col[c] = (int)ncols;
			}
		}
		ncols++;
		if (!bar)
			break;
		p = bar + 1;
	}
	char missing[256] = "";
	size_t nmiss = 0;
	for (size_t c = 0; c < N_REQUIRED; c++)
		if (s->col[c] < 0) {
			size_t l = strlen(missing);
			snprintf(missing + l, sizeof missing - l, "%s%s", nmiss ? ", " : "", col_names[c]);
			nmiss++;
		}
	if (nmiss == N_REQUIRED) {
		fatal(s, CO2_ERR_PARSE,
		      "%s:1: no header line: the first line must name the columns (run sacct without --noheader, "
		      "with --parsable2 --format JobID,Submit,Elapsed,Partition,NNodes,NCPUS,TotalCPU,CPUTime,ReqMem,MaxRSS,State,AllocTRES,...)",
		      s->name);
		return -1;
	}
	if (nmiss) {
		fatal(s, CO2_ERR_PARSE, "%s:1: header: missing column%s %s (add %s to sacct --format)", s->name,
		      nmiss > 1 ? "s" : "", missing, nmiss > 1 ? "them" : "it");
		return -1;
	}
	s->ncols = ncols;
	s->have_header = 1;
	return 0;
}

/* Scan one line from p (the data ends at end) for its fields and its end, in one pass.
 * Field i is [pos[i], pos[i+1] - 1) relative to p; *nf is the number of fields, or
 * ncols + 1 when there are more than ncols. Returns the '\n' ending the line, or NULL
 * when the data ends first (pos then describes the bytes up to end). */
static const char *scan_line(const char *p, const char *end, uint32_t *pos, size_t ncols, size_t *nf)
{
	size_t k = 1, n = (size_t)(end - p), i = 0;
	pos[0] = 0;
#if defined(__SSE2__)
	const __m128i bar = _mm_set1_epi8('|'), nl = _mm_set1_epi8('\n');
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		unsigned mb = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, bar));
		unsigned mn = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl));
		if (mn)
			mb &= (1u << __builtin_ctz(mn)) - 1;
		for (; mb; mb &= mb - 1) {
			if (k < ncols)
				pos[k] = (uint32_t)(i + (unsigned)__builtin_ctz(mb) + 1);
			k += k <= ncols;
		}
		if (mn) {
			i += (unsigned)__builtin_ctz(mn);
			goto found;
		}
	}
#endif
	for (; i < n; i++) {
		if (p[i] == '\n')
			goto found;
		if (p[i] == '|') {
			if (k < ncols)
				pos[k] = (uint32_t)(i + 1);
			k += k <= ncols;
		}
	}
	*nf = k;
	if (k <= ncols)
		pos[k] = (uint32_t)(n + 1);
	return NULL;
found:
	*nf = k;
	if (k <= ncols)
		pos[k] = (uint32_t)(i + 1);
	return p + i;
}

/* The fields of one data line that a job keeps, read and checked. */
typedef struct row {
	const char *id, *st, *sub, *part, *user, *account, *name;
	size_t idn, stn, subn, partn, usern, accountn, namen;
	long long tcpu, cputime, wall, nnodes, ncpus, ngpu;
	double reqmem, rss;
	int code;
} row;

#define FP(c) (p + pos[s->col[c]])
#define FN(c) ((size_t)(pos[s->col[c] + 1] - pos[s->col[c]] - 1))

/* An optional column's text, or empty when the header has no such column. */
static void optional(const co2_sacct *s, const char *p, const uint32_t *pos, int c,
                     const char **text, size_t *n)
{
	*text = s->col[c] >= 0 ? FP(c) : "";
	*n = s->col[c] >= 0 ? FN(c) : 0;
}

/* Read the fields of a data line into r; nonzero when the line is malformed (the problem
 * is reported). */
static int read_row(co2_sacct *s, const char *p, const uint32_t *pos, row *r)
{
	r->id = FP(C_JOBID);
	r->idn = FN(C_JOBID);
	const char *dot = memchr(r->id, '.', r->idn);
	if (dot)
		r->idn = (size_t)(dot - r->id);
	if (r->idn == 0) {
		problem(s, s->lineno, "empty JobID");
		return 1;
	}
	if (r->idn >= sizeof s->ring[0].id)
		r->idn = sizeof s->ring[0].id - 1;
	static const int dcols[3] = { C_TOTALCPU, C_CPUTIME, C_ELAPSED };
	long long *dvals[3] = { &r->tcpu, &r->cputime, &r->wall };
	for (int d = 0; d < 3; d++)
		if (co2_sacct_parse_duration(FP(dcols[d]), FN(dcols[d]), dvals[d]) != 0) {
			problem(s, s->lineno, "%s: cannot read duration '%.*s' (expected [D-][HH:]MM:SS[.mmm])",
			        col_names[dcols[d]], (int)(FN(dcols[d]) > 40 ? 40 : FN(dcols[d])), FP(dcols[d]));
			return 1;
		}
	if (parse_digits(FP(C_NNODES), FP(C_NNODES) + FN(C_NNODES), &r->nnodes) != 0 ||
	    parse_digits(FP(C_NCPUS), FP(C_NCPUS) + FN(C_NCPUS), &r->ncpus) != 0) {
		int c = parse_digits(FP(C_NNODES), FP(C_NNODES) + FN(C_NNODES), &r->nnodes) != 0 ? C_NNODES : C_NCPUS;
		problem(s, s->lineno, "%s: expected a whole number, got '%.*s'", col_names[c],
		        (int)(FN(c) > 40 ? 40 : FN(c)), FP(c));
		return 1;
	}
	if (parse_reqmem(FP(C_REQMEM), FN(C_REQMEM), r->nnodes, r->ncpus, &r->reqmem) != 0) {
		problem(s, s->lineno, "ReqMem: cannot read '%.*s' (expected a size such as 9600M, 16G, 4800Mc or 64Gn)",
		        (int)(FN(C_REQMEM) > 40 ? 40 : FN(C_REQMEM)), FP(C_REQMEM));
		return 1;
	}
	if (parse_rss(FP(C_MAXRSS), FN(C_MAXRSS), s->rss_unit, &r->rss) != 0) {
		problem(s, s->lineno, "MaxRSS: cannot read '%.*s' (expected a size such as 2345676K or 1.50M)",
		        (int)(FN(C_MAXRSS) > 40 ? 40 : FN(C_MAXRSS)), FP(C_MAXRSS));
		return 1;
	}
	r->ngpu = gpu_count(FP(C_ALLOCTRES), FN(C_ALLOCTRES));
	if (r->ngpu < 0) {
		problem(s, s->lineno, "AllocTRES: cannot read the GPU count in '%.*s'",
		        (int)(FN(C_ALLOCTRES) > 60 ? 60 : FN(C_ALLOCTRES)), FP(C_ALLOCTRES));
		return 1;
	}
	r->st = FP(C_STATE);
	r->stn = FN(C_STATE);
	r->code = state_code(s, r->st, r->stn);
	r->sub = FP(C_SUBMIT);
	r->subn = FN(C_SUBMIT);
	r->part = FP(C_PARTITION);
	r->partn = FN(C_PARTITION);
	const char *comma = memchr(r->part, ',', r->partn);
	if (comma)
		r->partn = (size_t)(comma - r->part);
	optional(s, p, pos, C_USER, &r->user, &r->usern);
	optional(s, p, pos, C_ACCOUNT, &r->account, &r->accountn);
	optional(s, p, pos, C_JOBNAME, &r->name, &r->namen);
	return 0;
}

#undef FP
#undef FN

/* The open job a row belongs to, newest first, or NULL. */
static job *find_open(co2_sacct *s, const row *r, uint64_t key)
{
	for (size_t k = s->open; k-- > 0;) {
		job *c = &s->ring[(s->head + k) % OPEN_JOBS];
		if (c->id_key == key && c->id_len == r->idn && memcmp(c->id, r->id, r->idn) == 0)
			return c;
	}
	return NULL;
}

/* The state's first word ("CANCELLED by 123" is CANCELLED). */
static void copy_state(job *j, const row *r)
{
	const char *sp = memchr(r->st, ' ', r->stn);
	copy_str(j->state, sizeof j->state, r->st, sp ? (size_t)(sp - r->st) : r->stn);
}

/* A job's first row opens it (completing the oldest open job when the ring is full). */
static int open_job(co2_sacct *s, const row *r, uint64_t key)
{
	if (s->open == OPEN_JOBS && complete_oldest(s) != 0)
		return -1;
	job *j = &s->ring[(s->head + s->open) % OPEN_JOBS];
	s->open++;
	j->line = s->lineno;
	j->rows = 1;
	j->tcpu = r->tcpu;
	j->cputime = r->cputime;
	j->wall = r->wall;
	j->reqmem = r->reqmem;
	j->rss = r->rss;
	j->ngpu = r->ngpu;
	j->code = r->code;
	j->id_len = r->idn;
	j->id_key = key;
	copy_str(j->id, sizeof j->id, r->id, r->idn);
	copy_str(j->submit, sizeof j->submit, r->sub, r->subn);
	copy_str(j->part, sizeof j->part, r->part, r->partn);
	copy_state(j, r);
	copy_str(j->user, sizeof j->user, r->user, r->usern);
	copy_str(j->account, sizeof j->account, r->account, r->accountn);
	copy_str(j->name, sizeof j->name, r->name, r->namen);
	return 0;
}

/* A later row of an open job (a step): the largest figures, the worst state, the
 * earliest submission, and the names the first row left empty. */
static void merge_row(job *j, const row *r)
{
	j->rows++;
	if (r->tcpu > j->tcpu)
		j->tcpu = r->tcpu;
	if (r->cputime > j->cputime)
		j->cputime = r->cputime;
	if (r->wall > j->wall)
		j->wall = r->wall;
	if (r->reqmem > j->reqmem)
		j->reqmem = r->reqmem;
	if (r->rss > j->rss)
		j->rss = r->rss;
	if (r->ngpu > j->ngpu)
		j->ngpu = r->ngpu;
	if (r->code < j->code) {
		j->code = r->code;
		copy_state(j, r);
	}
	if (str_lt(r->sub, r->subn, j->submit, strlen(j->submit)))
		copy_str(j->submit, sizeof j->submit, r->sub, r->subn);
	if (!j->part[0] && r->partn)
		copy_str(j->part, sizeof j->part, r->part, r->partn);
	if (!j->user[0] && r->usern)
		copy_str(j->user, sizeof j->user, r->user, r->usern);
	if (!j->account[0] && r->accountn)
		copy_str(j->account, sizeof j->account, r->account, r->accountn);
	if (!j->name[0] && r->namen)
		copy_str(j->name, sizeof j->name, r->name, r->namen);
}

/* One line: the header, or a data line checked, read and added to its job. */
static int process_line(co2_sacct *s, const char *p, size_t n, uint32_t *pos, size_t nf)
{
	s->lineno++;
	if (n && p[n - 1] == '\r') {
		n--;
		if (nf <= s->ncols)
			pos[nf] = (uint32_t)(n + 1);
	}
	if (!s->have_header)
		return parse_header(s, p, n);
	if (n == 0)
		return 0;
	s->totals.lines++;
	if (n > MAX_LINE) { /* also keeps the 32-bit field offsets valid */
		problem(s, s->lineno, "line longer than %u bytes", MAX_LINE);
		return 0;
	}
	if (nf != s->ncols) {
		if (nf > s->ncols)
			problem(s, s->lineno, "expected %zu fields as in the header, found more", s->ncols);
		else
			problem(s, s->lineno, "expected %zu fields as in the header, found %zu", s->ncols, nf);
		return 0;
	}
	row r;
	if (read_row(s, p, pos, &r) != 0)
		return 0;
	uint64_t key = id_key(r.id, r.idn);
	job *j = find_open(s, &r, key);
	if (!j)
		return open_job(s, &r, key);
	merge_row(j, &r);
	return 0;
}

/* The line reader's end-of-line search: the fields of the line are found in the same
 * pass. */
static const char *find_eol(void *ctx, const char *p, const char *end)
{
	co2_sacct *s = ctx;
	return scan_line(p, end, s->pos, s->have_header ? s->ncols : MAX_COLS, &s->nf);
}

/* A line from the reader (its fields found by find_eol); NULL: longer than MAX_LINE. */
static int on_line(void *ctx, const char *p, size_t n)
{
	co2_sacct *s = ctx;
	if (p)
		return process_line(s, p, n, s->pos, s->nf);
	s->lineno++;
	if (!s->have_header) {
		fatal(s, CO2_ERR_PARSE, "%s:1: header line longer than %u bytes", s->name, MAX_LINE);
	} else {
		s->totals.lines++;
		problem(s, s->lineno, "line longer than %u bytes", MAX_LINE);
	}
	return s->fatal ? -1 : 0;
}

/* What the line reader returned: nonzero is fatal (fatal_err already says why, but for
 * memory). */
static int lines_done(co2_sacct *s, int rc)
{
	if (rc == CO2__LINES_NOMEM)
		fatal(s, CO2_ERR_NOMEM, "out of memory");
	return rc;
}

static co2_status fail_fatal(co2_sacct *s, co2_error *err)
{
	if (err)
		*err = s->fatal_err;
	return s->fatal;
}

co2_status co2_sacct_feed(co2_sacct *s, const char *data, size_t len, co2_error *err)
{
	if (s->fatal)
		return fail_fatal(s, err);
	if (s->finished)
		return co2__fail(err, CO2_ERR_INVALID, "sacct: fed after co2_sacct_finish()");
	if (lines_done(s, co2__lines_feed(&s->lines, data, len, find_eol, on_line, s)) != 0)
		return fail_fatal(s, err);
	return CO2_OK;
}

static void to_sums(co2_sacct_sums *o, const acc *a, double intensity)
{
	memset(o, 0, sizeof *o);
	o->jobs = a->jobs;
	o->jobs_failed = a->failed;
	o->energy_kwh = a->e;
	o->energy_cpu_kwh = a->e_cpu;
	o->energy_gpu_kwh = a->e_gpu;
	o->energy_memory_kwh = a->e_mem;
	o->energy_failed_kwh = a->e_failed;
	o->energy_rightsized_kwh = a->e_right;
	o->co2_kg = a->e * intensity / 1000;
	o->co2_failed_kg = a->e_failed * intensity / 1000;
	o->co2_rightsized_kg = a->e_right * intensity / 1000;
	o->cpu_hours = a->cpu_charged_h;
	o->gpu_hours = a->gpu_charged_h;
	o->cpu_used_hours = a->cpu_used_s / 3600;
	o->gpu_used_hours = a->gpu_used_s / 3600;
	o->wallclock_hours = a->wall_s / 3600;
	o->memory_requested_gb = a->mem_req;
	o->memory_needed_gb = a->mem_needed;
	o->overallocation_mean = a->over_n ? a->over_sum / (double)a->over_n : 0.0;
	o->overallocation_jobs = a->over_n;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const co2_sacct_group *)a)->key, ((const co2_sacct_group *)b)->key);
}

co2_status co2_sacct_finish(co2_sacct *s, co2_error *err)
{
	if (s->fatal)
		return fail_fatal(s, err);
	if (s->finished)
		return CO2_OK;
	if (lines_done(s, co2__lines_finish(&s->lines, find_eol, on_line, s)) != 0)
		return fail_fatal(s, err);
	if (!s->have_header)
		return co2__fail(err, CO2_ERR_PARSE,
		                 "%s: empty log: expected a header line naming the columns (sacct --parsable2 without --noheader)",
		                 s->name);
	while (s->open)
		if (complete_oldest(s) != 0)
			return fail_fatal(s, err);
	to_sums(&s->totals.all, &s->all, s->intensity);
	double sum = 0;
	size_t ndays = 0;
	for (size_t i = 0; i < s->days.n; i++) {
		const acc *d = &s->days.items[i].a;
		if (d->over_n) {
			sum += d->over_sum / (double)d->over_n;
			ndays++;
		}
	}
	s->totals.overallocation_daily_mean = ndays ? sum / (double)ndays : 0.0;
	if (s->groups.n) {
		s->sorted = calloc(s->groups.n, sizeof *s->sorted);
		if (!s->sorted)
			return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
		for (size_t i = 0; i < s->groups.n; i++) {
			s->sorted[i].key = s->groups.items[i].key;
			to_sums(&s->sorted[i].sums, &s->groups.items[i].a, s->intensity);
		}
		s->n_sorted = s->groups.n;
		qsort(s->sorted, s->n_sorted, sizeof *s->sorted, by_key);
	}
	s->finished = 1;
	return CO2_OK;
}

const co2_sacct_totals *co2_sacct_get_totals(const co2_sacct *s)
{
	return &s->totals;
}

size_t co2_sacct_group_count(const co2_sacct *s)
{
	return s->n_sorted;
}

const co2_sacct_group *co2_sacct_group_at(const co2_sacct *s, size_t i)
{
	return i < s->n_sorted ? &s->sorted[i] : NULL;
}
