/* src/data: what the loaders refuse and say, and lookups and checks over unusual data.
 *
 * Every refused file must name the file, the line and column of the culprit and the
 * key at fault (co2_error.field), and leave the database as it was. Directory loading
 * is exercised on a tree made at run time in a temporary directory (symlinks and a
 * socket cannot live in git); nothing here depends on running as root or not. */
#define _XOPEN_SOURCE 700 /* nftw, getrlimit */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

static co2_db *db;

static void setup(void)
{
	co2_error err;
	ck_assert_int_eq(co2_db_new(&db, &err), CO2_OK);
}

static void teardown(void)
{
	co2_db_close(db);
}

/* Seven lines: a body's first line is line 8. */
static const char header[] = "schema: \"1.0\"\nedition: t\nedition_date: 2026-01-01\ntitle: t\n"
                             "source: s\nyear: 2025\nlicense: MIT\n";

static co2_status load_raw(const char *name, const char *text, co2_error *err)
{
	co2_error_clear(err);
	return co2_db_load_buffer(db, name, text, strlen(text), err);
}

static co2_status load(const char *body, co2_error *err)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s%s", header, body);
	return load_raw("t.yaml", buf, err);
}

/* The same header with another edition. */
static co2_status load_edition(const char *edition, const char *body, co2_error *err)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "schema: \"1.0\"\nedition: %s\nedition_date: 2026-01-01\n"
	         "title: t\nsource: s\nyear: 2025\nlicense: MIT\n%s", edition, body);
	return load_raw("t.yaml", buf, err);
}

static size_t entries_in(const co2_db *d)
{
	size_t n[7];
	co2_db_hardware_list(d, &n[0]);
	co2_db_providers(d, &n[1]);
	co2_db_regions(d, &n[2]);
	co2_db_locations(d, &n[3]);
	co2_db_instances(d, &n[4]);
	co2_db_constants(d, &n[5]);
	co2_db_equivalents(d, &n[6]);
	return n[0] + n[1] + n[2] + n[3] + n[4] + n[5] + n[6];
}

/* ---- refused buffers ------------------------------------------------------------ */

/* One valid entry of each kind that has checks of its own, lines 8-13 (8-12 for the
 * provider, 8-11 for the region); a case appends a line 14 (13, 12) and more. */
#define HW "hardware:\n  - name: X\n    kind: gpu\n    power_w: 10\n    source: s\n    year: 2020\n"
#define PROV "providers:\n  - id: p\n    name: P\n    source: s\n    year: 2020\n"
#define REG "regions:\n  - id: p:r\n    source: s\n    year: 2020\n"
#define EQ "equivalents:\n  - id: e\n    label: e\n    unit: u\n    source: s\n    year: 2020\n"
#define H_SCHEMA "schema: \"1.0\"\n"
#define H_REST "edition: t\nedition_date: d\ntitle: t\nsource: s\nyear: 2025\n"

typedef struct refused {
	const char *text;   /* appended to the header; the whole file when raw */
	int raw;
	co2_status status;
	const char *field;  /* err.field */
	const char *expect; /* what the message says after "t.yaml:LINE:COLUMN: " */
	int line, column;   /* 0: none (an error about the whole file) */
} refused;

static const refused refused_files[] = {
	/* the file as a whole and its header */
	{ "", 1, CO2_ERR_PARSE, "schema", "empty file: expected a data file with 'schema: 1.0'", 0, 0 },
	{ "# nothing but a comment\n", 1, CO2_ERR_PARSE, "schema", "empty file", 0, 0 },
	{ "- schema: \"1.0\"\n", 1, CO2_ERR_PARSE, "the file", "the file: expected a mapping of key: value", 1, 1 },
	{ "? [schema]\n: \"1.0\"\n", 1, CO2_ERR_PARSE, "the file", "the file: keys must be plain words", 1, 3 },
	{ H_SCHEMA "edition: \"\"\n", 1, CO2_ERR_PARSE, "edition", "edition: expected a non-empty value", 2, 10 },
	{ H_SCHEMA "title: [a, b]\n", 1, CO2_ERR_PARSE, "title", "title: expected a non-empty value", 2, 8 },
	{ H_REST "license: MIT\n", 1, CO2_ERR_SCHEMA, "schema", "missing 'schema' (expected schema: \"1.0\")", 1, 1 },
	{ "schema: \"1\"\n" H_REST "license: MIT\n", 1, CO2_ERR_SCHEMA, "schema",
	  "schema: expected MAJOR.MINOR like \"1.0\", got '1'", 1, 9 },
	{ "schema: 1.0.2\n" H_REST "license: MIT\n", 1, CO2_ERR_SCHEMA, "schema",
	  "schema: expected MAJOR.MINOR like \"1.0\", got '1.0.2'", 1, 9 },
	{ H_SCHEMA H_REST, 1, CO2_ERR_INVALID, "license", "missing header key 'license'", 1, 1 },
	/* sections */
	{ "widgets: []\n", 0, CO2_ERR_PARSE, "widgets",
	  "unknown key 'widgets' (expected one of hardware, providers, regions, locations, instances, "
	  "constants, equivalents)", 8, 1 },
	{ "hardware: {}\n", 0, CO2_ERR_PARSE, "hardware", "hardware: expected a list of entries", 8, 11 },
	{ "regions:\n  - gcp:us-east1\n", 0, CO2_ERR_PARSE, "regions[0]",
	  "regions[0]: expected a mapping of key: value", 9, 5 },
	/* values of the wrong shape */
	{ HW "    aliases: X1\n", 0, CO2_ERR_PARSE, "aliases", "hardware[0]: aliases: expected a list of names", 14, 14 },
	{ HW "    aliases: [X1, \"\"]\n", 0, CO2_ERR_PARSE, "aliases",
	  "hardware[0]: aliases: each alias must be a non-empty string", 14, 19 },
	{ HW "    aliases: [[X1]]\n", 0, CO2_ERR_PARSE, "aliases",
	  "hardware[0]: aliases: each alias must be a non-empty string", 14, 15 },
	{ HW "    note: [a, b]\n", 0, CO2_ERR_PARSE, "note", "hardware[0]: note: expected a single value", 14, 11 },
	{ HW "    note: \"\"\n", 0, CO2_ERR_INVALID, "note", "hardware[0]: note: must not be empty", 14, 11 },
	{ HW "    cores: 1.5\n", 0, CO2_ERR_INVALID, "cores", "hardware[0]: cores: expected a whole number, got '1.5'", 14, 12 },
	{ HW "    threads: 2.5\n", 0, CO2_ERR_INVALID, "threads",
	  "hardware[0]: threads: expected a whole number, got '2.5'", 14, 14 },
	{ HW "    cores: 3000000000\n", 0, CO2_ERR_INVALID, "cores",
	  "hardware[0]: cores: expected a whole number, got '3000000000'", 14, 12 },
	{ HW "    uncertain: yes\n", 0, CO2_ERR_INVALID, "uncertain",
	  "hardware[0]: uncertain: expected true or false, got 'yes'", 14, 16 },
	/* values that make an entry unusable: reported at the entry's first line */
	{ HW "    power_type: peak\n", 0, CO2_ERR_INVALID, "power_type",
	  "hardware[0]: power_type: expected tdp, measured-average, board-power, power-limit or estimate, got 'peak'", 9, 5 },
	{ HW "    cores: -4\n", 0, CO2_ERR_INVALID, "cores", "hardware[0]: cores: must not be negative", 9, 5 },
	{ HW "    threads: -8\n", 0, CO2_ERR_INVALID, "threads", "hardware[0]: threads: must not be negative", 9, 5 },
	{ HW "    power_max_w: 5\n", 0, CO2_ERR_INVALID, "power_max_w",
	  "hardware[0]: power_max_w: must be at least power_w (10 W)", 9, 5 },
	{ HW "    power_per_core_w: 0\n", 0, CO2_ERR_INVALID, "power_per_core_w",
	  "hardware[0]: power_per_core_w: must be above 0 W", 9, 5 },
	{ PROV "    offset_percent: 150\n", 0, CO2_ERR_INVALID, "offset_percent",
	  "providers[0]: offset_percent: expected 0 to 100", 9, 5 },
	{ REG "    intensity_g_per_kwh: -5\n", 0, CO2_ERR_INVALID, "intensity_g_per_kwh",
	  "regions[0]: intensity_g_per_kwh: must not be negative", 9, 5 },
	{ REG "    location: FR\n    pue: 1.2\n", 0, CO2_ERR_INVALID, "pue",
	  "regions[0]: pue: must be at least 1.0 and come with pue_source and pue_year", 9, 5 },
	{ REG "    location: FR\n    offset_percent: 101\n", 0, CO2_ERR_INVALID, "offset_percent",
	  "regions[0]: offset_percent: expected 0 to 100", 9, 5 },
	{ "locations:\n  - code: XX\n    name: X\n    intensity_g_per_kwh: -1\n    source: s\n    year: 2020\n",
	  0, CO2_ERR_INVALID, "intensity_g_per_kwh", "locations[0]: intensity_g_per_kwh: must not be negative", 9, 5 },
	{ "instances:\n  - id: p:big\n    hardware: X\n    count: 0\n    source: s\n    year: 2020\n",
	  0, CO2_ERR_INVALID, "count", "instances[0]: count: must be above 0", 9, 5 },
	{ EQ "    kg_per_unit: 0\n    decimals: 1\n", 0, CO2_ERR_INVALID, "kg_per_unit",
	  "equivalents[0]: kg_per_unit: must be above 0", 9, 5 },
	{ EQ "    kg_per_unit: 1\n    decimals: 1\n    significant: 2\n", 0, CO2_ERR_INVALID, "decimals",
	  "equivalents[0]: give either decimals (0-6) or significant (1-9)", 9, 5 },
	{ EQ "    kg_per_unit: 1\n", 0, CO2_ERR_INVALID, "decimals",
	  "equivalents[0]: give either decimals (0-6) or significant (1-9)", 9, 5 },
	{ EQ "    kg_per_unit: 1\n    decimals: 7\n", 0, CO2_ERR_INVALID, "decimals",
	  "equivalents[0]: give either decimals (0-6) or significant (1-9)", 9, 5 },
	{ EQ "    kg_per_unit: 1\n    significant: 0\n", 0, CO2_ERR_INVALID, "decimals",
	  "equivalents[0]: give either decimals (0-6) or significant (1-9)", 9, 5 },
	{ HW "    memory_gb: -2\n", 0, CO2_ERR_INVALID, "memory_gb",
	  "hardware[0]: memory_gb: must be above 0 GB", 9, 5 },
	{ PROV "    pue: 1.2\n    pue_source: s\n    pue_year: -2024\n", 0, CO2_ERR_INVALID, "pue_year",
	  "providers[0]: pue_year: expected a year from 1900 to ", 9, 5 },
	{ REG "    location: FR\n    pue: 1.2\n    pue_source: s\n    pue_year: 1066\n", 0, CO2_ERR_INVALID,
	  "pue_year", "regions[0]: pue_year: expected a year from 1900 to ", 9, 5 },
	/* the market-based shares (schema 1.2): percentage, source and year together, 0-100 */
	{ PROV "    renewable_match_percent: 100\n", 0, CO2_ERR_INVALID, "renewable_match_percent",
	  "providers[0]: renewable_match_percent: the percentage, its source and its year go together", 9, 5 },
	{ PROV "    renewable_match_percent: 120\n    renewable_match_source: s\n    renewable_match_year: 2023\n",
	  0, CO2_ERR_INVALID, "renewable_match_percent",
	  "providers[0]: renewable_match_percent: the percentage must be from 0 to 100", 9, 5 },
	{ REG "    location: FR\n    cfe_percent: 50\n    cfe_source: s\n    cfe_year: 1066\n", 0,
	  CO2_ERR_INVALID, "cfe_percent", "regions[0]: cfe_percent: the year must be from 1900 to this year", 9, 5 },
	{ REG "    location: FR\n    cfe_source: s\n", 0, CO2_ERR_INVALID, "cfe_percent",
	  "regions[0]: cfe_percent: the percentage, its source and its year go together", 9, 5 },
	/* -1, which marks an optional figure as not given, cannot be given */
	{ PROV "    pue: -1\n", 0, CO2_ERR_INVALID, "pue", "providers[0]: pue: must not be negative", 13, 10 },
	{ REG "    location: FR\n    intensity_g_per_kwh: -1\n", 0, CO2_ERR_INVALID, "intensity_g_per_kwh",
	  "regions[0]: intensity_g_per_kwh: must not be negative", 13, 26 },
	{ REG "    location: FR\n    offset_percent: -1\n", 0, CO2_ERR_INVALID, "offset_percent",
	  "regions[0]: offset_percent: must not be negative", 13, 21 },
	{ HW "    power_per_core_w: -1\n", 0, CO2_ERR_INVALID, "power_per_core_w",
	  "hardware[0]: power_per_core_w: must not be negative", 14, 23 },
	{ EQ "    kg_per_unit: 1\n    significant: 2\n    decimals: -1\n", 0, CO2_ERR_INVALID, "decimals",
	  "equivalents[0]: decimals: must not be negative", 16, 15 },
	/* bytes that are not UTF-8: the position is counted in the buffer */
	{ "hardware: []\n# caf\xe9\n", 0, CO2_ERR_PARSE, "",
	  "not valid YAML: incomplete UTF-8 octet sequence", 9, 6 },
};

START_TEST(refused_files_name_the_place_and_the_key_and_change_nothing)
{
	const refused *c = &refused_files[_i];
	co2_error err;
	co2_status st = c->raw ? load_raw("t.yaml", c->text, &err) : load(c->text, &err);
	ck_assert_msg(st == c->status, "case %d: status %d (%s)", _i, st, err.message);
	ck_assert_int_eq(err.status, c->status);
	char want[700];
	snprintf(want, sizeof want, "t.yaml:%d:%d: %s", c->line, c->column, c->expect);
	ck_assert_msg(strncmp(err.message, want, strlen(want)) == 0, "case %d: '%s' is not '%s'", _i,
	              err.message, want);
	ck_assert_str_eq(err.field, c->field);
	ck_assert_str_eq(err.file, "t.yaml");
	ck_assert_int_eq(err.line, c->line);
	ck_assert_int_eq(err.column, c->column);
	ck_assert_uint_eq(entries_in(db), 0);
	ck_assert_uint_eq(co2_db_file_count(db), 0);
	size_t n;
	co2_db_editions(db, &n);
	ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(uncertain_takes_true_or_false)
{
	co2_error err;
	ck_assert_msg(load("hardware:\n"
	                   "  - {name: X, kind: gpu, power_w: 10, source: s, year: 2020, uncertain: true}\n"
	                   "  - {name: Y, kind: gpu, power_w: 10, source: s, year: 2020, uncertain: false}\n"
	                   "  - {name: Z, kind: gpu, power_w: 10, source: s, year: 2020}\n", &err) == CO2_OK,
	              "%s", err.message);
	const co2_hardware *h;
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "X", &err), CO2_OK);
	ck_assert(h->uncertain);
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "Y", &err), CO2_OK);
	ck_assert(!h->uncertain);
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "Z", &err), CO2_OK);
	ck_assert(!h->uncertain);
	ck_assert_int_eq(h->line, 11);
}
END_TEST

/* ---- files and directories -------------------------------------------------------- */

static char tmp[200];

static void tmp_setup(void)
{
	setup();
	const char *base = getenv("TMPDIR");
	snprintf(tmp, sizeof tmp, "%s/co2-load-XXXXXX", base && *base ? base : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

static void tmp_teardown(void)
{
	teardown();
	nftw(tmp, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Path of rel in the temporary directory (one of a few static buffers). */
static const char *at(const char *rel)
{
	static char bufs[4][400];
	static int next;
	char *p = bufs[next++ % 4];
	snprintf(p, sizeof bufs[0], "%s/%s", tmp, rel);
	return p;
}

static void put(const char *rel, const char *text)
{
	FILE *f = fopen(at(rel), "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_ge(fputs(text, f), 0);
	ck_assert_int_eq(fclose(f), 0);
}

static void put_data(const char *rel, const char *body)
{
	char buf[2048];
	snprintf(buf, sizeof buf, "%s%s", header, body);
	put(rel, buf);
}

/* A Unix socket in the file system: stat() sees it, open() cannot open it. */
static int make_socket(const char *path)
{
	struct sockaddr_un sa;
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	ck_assert_uint_lt(strlen(path), sizeof sa.sun_path);
	strcpy(sa.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(bind(fd, (const struct sockaddr *)&sa, sizeof sa), 0);
	return fd;
}

typedef struct diags {
	size_t n;
	char where[4][300];
	char message[4][300];
} diags;

static void collect(void *ctx, const char *file, const char *message)
{
	diags *d = ctx;
	if (d->n < 4) {
		snprintf(d->where[d->n], sizeof d->where[0], "%s", file);
		snprintf(d->message[d->n], sizeof d->message[0], "%s", message);
	}
	d->n++;
}

START_TEST(a_directory_loads_its_yaml_files_in_path_order_and_skips_the_rest)
{
	put_data("b.yaml", "hardware:\n  - {name: Widget, kind: gpu, power_w: 20, source: b, year: 2020}\n");
	put_data("a.yaml", "hardware:\n  - {name: Widget, kind: gpu, power_w: 10, source: a, year: 2020}\n"
	                   "  - {name: Gadget, kind: cpu, power_w: 50, source: a, year: 2020}\n");
	ck_assert_int_eq(mkdir(at("sub"), 0755), 0);
	put_data("sub/c.yml", "hardware:\n  - {name: Sprocket, kind: npu, power_w: 5, source: c, year: 2020}\n");
	/* Not data, hidden, dangling and not a regular file: none is read. */
	put("notes.txt", "hardware: [unclosed\n");
	put(".hidden.yaml", "hardware: [unclosed\n");
	ck_assert_int_eq(symlink(at("missing.yaml"), at("gone.yaml")), 0);
	int fd = make_socket(at("sock.yaml"));

	co2_error err;
	co2_error_clear(&err);
	co2_status st = co2_db_load_path(db, tmp, &err);
	close(fd);
	ck_assert_msg(st == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(co2_db_file_count(db), 3);
	ck_assert_str_eq(co2_db_file_name(db, 0), at("a.yaml"));
	ck_assert_str_eq(co2_db_file_name(db, 1), at("b.yaml"));
	ck_assert_str_eq(co2_db_file_name(db, 2), at("sub/c.yml"));
	ck_assert_ptr_null(co2_db_file_name(db, 3));
	/* b.yaml comes after a.yaml whatever order the directory lists them in. */
	const co2_hardware *h;
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "Widget", &err), CO2_OK);
	ck_assert_double_eq(h->power_w, 20);
	ck_assert_str_eq(h->file, at("b.yaml"));
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "Gadget", &err), CO2_OK);
	ck_assert_str_eq(h->file, at("a.yaml"));
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "Sprocket", &err), CO2_OK);
	ck_assert_str_eq(h->kind, "npu");
	/* data check names the entry given twice, where the later file gives it. */
	diags d = { 0 };
	ck_assert_uint_eq(co2_db_check(db, collect, &d), 1);
	char where[400], message[600];
	snprintf(where, sizeof where, "%s:9", at("b.yaml"));
	snprintf(message, sizeof message, "hardware 'Widget' is also in %s (this file replaces it)", at("a.yaml"));
	ck_assert_str_eq(d.where[0], where);
	ck_assert_str_eq(d.message[0], message);
}
END_TEST

START_TEST(an_error_in_one_file_of_a_directory_names_that_file_and_stops_there)
{
	put_data("a.yaml", "locations:\n  - {code: AA, name: A, intensity_g_per_kwh: 1, source: s, year: 2020}\n");
	put_data("b.yaml", HW "    cores: many\n");
	put_data("c.yaml", "locations:\n  - {code: CC, name: C, intensity_g_per_kwh: 1, source: s, year: 2020}\n");
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_load_path(db, tmp, &err), CO2_ERR_INVALID);
	char want[600];
	snprintf(want, sizeof want, "%s:14:12: hardware[0]: cores: expected a whole number, got 'many'",
	         at("b.yaml"));
	ck_assert_str_eq(err.message, want);
	ck_assert_str_eq(err.file, at("b.yaml"));
	ck_assert_int_eq(err.line, 14);
	ck_assert_str_eq(err.field, "cores");
	/* Each file is taken whole or not at all: a.yaml stays, c.yaml was not reached. */
	ck_assert_uint_eq(co2_db_file_count(db), 1);
	const co2_location *l;
	ck_assert_int_eq(co2_db_find_location(&l, db, "t", "AA", &err), CO2_OK);
	ck_assert_int_eq(co2_db_find_location(&l, db, "t", "CC", &err), CO2_ERR_NOT_FOUND);
	size_t n;
	co2_db_hardware_list(db, &n);
	ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(a_symlink_loop_is_refused_as_nested_too_deep)
{
	put_data("a.yaml", "constants:\n  - {name: k, value: 1, unit: u, source: s, year: 2020}\n");
	ck_assert_int_eq(symlink(".", at("loop")), 0);
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_load_path(db, tmp, &err), CO2_ERR_INVALID);
	/* The 17th level down is refused. */
	char want[800];
	int len = snprintf(want, sizeof want, "%s", tmp);
	for (int i = 0; i < 17; i++)
		len += snprintf(want + len, sizeof want - (size_t)len, "/loop");
	snprintf(want + len, sizeof want - (size_t)len, ": directories nested too deep");
	ck_assert_str_eq(err.message, want);
	ck_assert_str_eq(err.field, "data");
	/* a.yaml was read at each level above, replacing itself: one entry. */
	size_t n;
	const co2_constant *k = co2_db_constants(db, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(k[0].name, "k");
	ck_assert_uint_eq(co2_db_file_count(db), 17);
}
END_TEST

START_TEST(a_path_that_is_neither_file_nor_directory_cannot_be_opened)
{
	const char *sock = at("data.yaml");
	int fd = make_socket(sock);
	co2_error err;
	co2_error_clear(&err);
	co2_status st = co2_db_load_path(db, sock, &err);
	close(fd);
	ck_assert_int_eq(st, CO2_ERR_IO);
	char want[600];
	snprintf(want, sizeof want, "%s: cannot open: ", sock);
	ck_assert_msg(strncmp(err.message, want, strlen(want)) == 0, "%s", err.message);
	ck_assert_str_eq(err.message + strlen(want), strerror(ENXIO));
	ck_assert_str_eq(err.field, "data");
	ck_assert_uint_eq(co2_db_file_count(db), 0);
}
END_TEST

START_TEST(a_missing_path_is_an_io_error_naming_it)
{
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_load_path(db, at("nope.yaml"), &err), CO2_ERR_IO);
	char want[600];
	snprintf(want, sizeof want, "%s: %s", at("nope.yaml"), strerror(ENOENT));
	ck_assert_str_eq(err.message, want);
	ck_assert_str_eq(err.field, "data");
}
END_TEST

START_TEST(an_endless_file_is_refused_after_64_mb)
{
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_load_path(db, "/dev/zero", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "/dev/zero: larger than 64 MB, not a data file");
	ck_assert_str_eq(err.field, "data");
	ck_assert_uint_eq(co2_db_file_count(db), 0);
}
END_TEST

START_TEST(a_file_that_fails_to_read_is_an_io_error)
{
	/* Reading a process's memory at offset 0 (never mapped) fails with EIO. */
	const char *mem = "/proc/self/mem";
	if (access(mem, R_OK) != 0)
		return; /* no procfs here */
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_load_path(db, mem, &err), CO2_ERR_IO);
	ck_assert_str_eq(err.message, "/proc/self/mem: cannot read: read error");
	ck_assert_str_eq(err.field, "data");
}
END_TEST

/* Lower the open-file limit so that the next open() fails with EMFILE, even for root
 * (who reads any file whatever its mode); restored before asserting. */
static rlim_t fd_limit_now(void)
{
	int fd = open("/dev/null", O_RDONLY);
	ck_assert_int_ge(fd, 0);
	close(fd);
	return (rlim_t)fd; /* the lowest free descriptor */
}

START_TEST(a_directory_or_file_that_cannot_be_opened_is_an_io_error)
{
	put_data("a.yaml", "constants:\n  - {name: k, value: 1, unit: u, source: s, year: 2020}\n");
	struct rlimit saved, low;
	ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &saved), 0);
	co2_error err1, err2;
	co2_error_clear(&err1);
	co2_error_clear(&err2);
	low = saved;
	low.rlim_cur = fd_limit_now();
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &low), 0);
	co2_status st1 = co2_db_load_path(db, tmp, &err1);
	low.rlim_cur++; /* the directory opens, its file does not */
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &low), 0);
	co2_status st2 = co2_db_load_path(db, tmp, &err2);
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &saved), 0);

	ck_assert_int_eq(st1, CO2_ERR_IO);
	char want[600];
	snprintf(want, sizeof want, "%s: cannot open directory: %s", tmp, strerror(EMFILE));
	ck_assert_str_eq(err1.message, want);
	ck_assert_str_eq(err1.field, "data");
	ck_assert_int_eq(st2, CO2_ERR_IO);
	snprintf(want, sizeof want, "%s: cannot open: %s", at("a.yaml"), strerror(EMFILE));
	ck_assert_str_eq(err2.message, want);
	ck_assert_uint_eq(co2_db_file_count(db), 0);
	/* With descriptors to spare, the same directory loads. */
	ck_assert_int_eq(co2_db_load_path(db, tmp, &err1), CO2_OK);
	ck_assert_uint_eq(co2_db_file_count(db), 1);
}
END_TEST

/* ---- lookups and checks over unusual data -------------------------------------------- */

START_TEST(a_lookup_needs_a_name_and_a_known_edition)
{
	co2_error err;
	ck_assert_int_eq(load("locations:\n  - {code: FR, name: France, intensity_g_per_kwh: 50, source: s, year: 2020}\n",
	                      &err), CO2_OK);
	const co2_hardware *h = NULL;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", NULL, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "hardware: a name is required");
	ck_assert_str_eq(err.field, "hardware");
	const co2_region *r = NULL;
	ck_assert_int_eq(co2_db_find_region(&r, db, "t", "", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "region: a name is required");
	const co2_location *l = NULL;
	ck_assert_int_eq(co2_db_find_location(&l, db, "tt", "FR", &err), CO2_ERR_NOT_FOUND);
	ck_assert_str_eq(err.message, "unknown data edition 'tt' (see 'co2calc list editions')");
	ck_assert_str_eq(err.field, "edition");
	ck_assert_ptr_null(l);
	ck_assert_int_eq(co2_db_find_location(&l, db, "t", "FR", &err), CO2_OK);
	ck_assert_str_eq(l->name, "France");
}
END_TEST

START_TEST(providers_and_constants_are_found_by_exact_id_or_not_at_all)
{
	/* Nothing loaded, not even the default edition. */
	ck_assert_ptr_null(co2_db_provider(db, NULL, "tc"));
	ck_assert_ptr_null(co2_db_constant(db, "co2calc", "pue_unknown"));
	co2_error err;
	ck_assert_msg(co2_db_load_path(db, CO2_TEST_DATA_DIR "/fixtures/mini.yaml", &err) == CO2_OK,
	              "%s", err.message);
	const co2_provider *p = co2_db_provider(db, NULL, "tc");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->name, "Test Cloud");
	ck_assert_ptr_null(co2_db_provider(db, NULL, NULL));
	ck_assert_ptr_null(co2_db_provider(db, "co2calc", "aws"));
	/* An unknown edition falls back to the default one. */
	const co2_constant *c = co2_db_constant(db, "no-such-edition", "pue_unknown");
	ck_assert_ptr_nonnull(c);
	ck_assert_double_eq(c->value, 1.6);
	size_t n;
	const co2_constant *all = co2_db_constants(db, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(all[0].name, "memory_w_per_gb");
	ck_assert_str_eq(all[0].unit, "W/GB");
	ck_assert_str_eq(all[1].name, "pue_unknown");
	ck_assert_int_eq(all[1].line, 72);
}
END_TEST

START_TEST(names_that_share_a_key_are_told_apart_by_their_exact_spelling)
{
	co2_error err;
	ck_assert_msg(load("hardware:\n"
	                   "  - {name: Alpha, kind: gpu, power_w: 10, aliases: [A-1], source: s, year: 2020}\n"
	                   "  - {name: Beta, kind: gpu, power_w: 20, aliases: [A1], source: s, year: 2020}\n"
	                   "  - {name: Z-80, kind: cpu, power_w: 5, source: s, year: 2020}\n"
	                   "  - {name: Zeta, kind: cpu, power_w: 8, aliases: [Z80], source: s, year: 2020}\n"
	                   "providers:\n"
	                   "  - {id: aws, name: AWS, source: s, year: 2020}\n"
	                   "  - {id: gcp, name: GCP, source: s, year: 2020}\n"
	                   "regions:\n"
	                   "  - {id: \"aws:us-east-1\", intensity_g_per_kwh: 400, source: s, year: 2020}\n"
	                   "  - {id: \"gcp:us-east1\", intensity_g_per_kwh: 300, source: s, year: 2020}\n",
	                   &err) == CO2_OK, "%s", err.message);
	const co2_hardware *h;
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "A-1", &err), CO2_OK);
	ck_assert_str_eq(h->name, "Alpha");
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "a1", &err), CO2_OK);
	ck_assert_str_eq(h->name, "Beta");
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "A 1", &err), CO2_ERR_AMBIGUOUS);
	ck_assert_str_eq(err.message, "hardware 'A 1' is ambiguous: it matches 'Alpha', 'Beta'; give the full name");
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "z-80", &err), CO2_OK);
	ck_assert_double_eq(h->power_w, 5);
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "Z80", &err), CO2_OK);
	ck_assert_double_eq(h->power_w, 8);
	const co2_region *r;
	ck_assert_int_eq(co2_db_find_region(&r, db, "t", "us-east-1", &err), CO2_OK);
	ck_assert_str_eq(r->id, "aws:us-east-1");
	ck_assert_int_eq(co2_db_find_region(&r, db, "t", "US-EAST1", &err), CO2_OK);
	ck_assert_str_eq(r->id, "gcp:us-east1");
	/* Different spellings of one key are no problem for data check. */
	ck_assert_uint_eq(co2_db_check(db, NULL, NULL), 0);
}
END_TEST

START_TEST(a_name_shared_by_seven_entries_lists_six_and_says_there_are_more)
{
	co2_error err;
	char body[2048] = "regions:\n";
	size_t len = strlen(body);
	for (int i = 1; i <= 7; i++)
		len += (size_t)snprintf(body + len, sizeof body - len,
		                        "  - {id: \"p%d:x1\", intensity_g_per_kwh: %d, source: s, year: 2020}\n",
		                        i, 100 * i);
	ck_assert_msg(load(body, &err) == CO2_OK, "%s", err.message);
	const co2_region *r = NULL;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_find_region(&r, db, "t", "x1", &err), CO2_ERR_AMBIGUOUS);
	ck_assert_str_eq(err.message, "region 'x1' is ambiguous: it matches 'p1:x1', 'p2:x1', 'p3:x1', "
	                              "'p4:x1', 'p5:x1', 'p6:x1', ...; give the full name");
	ck_assert_str_eq(err.field, "region");
	ck_assert_int_eq(co2_db_find_region(&r, db, "t", "p7:x1", &err), CO2_OK);
	ck_assert_double_eq(r->intensity_g_per_kwh, 700);
}
END_TEST

START_TEST(longer_names_of_another_edition_or_vendor_leave_a_name_unambiguous)
{
	co2_error err;
	ck_assert_int_eq(load("hardware:\n"
	                      "  - {name: Foo 7, kind: gpu, power_w: 70, source: s, year: 2020}\n"
	                      "  - {name: Intel Foo 7 Max, kind: gpu, power_w: 90, source: s, year: 2020}\n",
	                      &err), CO2_OK);
	ck_assert_int_eq(load_edition("u", "hardware:\n"
	                      "  - {name: Foo 7 Ultra, kind: gpu, power_w: 80, source: s, year: 2020}\n",
	                      &err), CO2_OK);
	const co2_hardware *h = NULL;
	/* Found with the vendor word dropped; "Intel Foo 7 Max" is another vendor's and
	 * "Foo 7 Ultra" another edition's, so neither makes it ambiguous. */
	ck_assert_msg(co2_db_find_hardware(&h, db, "t", "NVIDIA Foo 7", &err) == CO2_OK, "%s", err.message);
	ck_assert_str_eq(h->name, "Foo 7");
	/* Named as Intel's, the longer Intel name is a candidate too. */
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "Intel Foo 7", &err), CO2_ERR_AMBIGUOUS);
	ck_assert_str_eq(err.message, "hardware 'Intel Foo 7' is ambiguous: it matches 'Foo 7', "
	                              "'Intel Foo 7 Max'; give the full name");
}
END_TEST

START_TEST(queries_with_stray_separators_or_no_words)
{
	co2_error err;
	ck_assert_msg(co2_db_load_path(db, CO2_TEST_DATA_DIR "/fixtures/mini.yaml", &err) == CO2_OK,
	              "%s", err.message);
	const co2_hardware *h = NULL;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_find_hardware(&h, db, NULL, "GPU 100 ", &err), CO2_ERR_AMBIGUOUS);
	ck_assert_str_eq(err.message, "hardware 'GPU 100 ' is ambiguous: it matches 'Test GPU 100', "
	                              "'Test GPU 100 SXM'; give the full name");
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_find_hardware(&h, db, NULL, "---", &err), CO2_ERR_NOT_FOUND);
	/* No letter or digit: no name is near it, so none is suggested. */
	ck_assert_str_eq(err.message, "unknown hardware '---' (see 'co2calc list hardware')");
	ck_assert_ptr_null(h);
}
END_TEST

START_TEST(a_name_of_vendor_words_only_is_found_by_its_full_spelling)
{
	/* "Intel CPU" has no key with vendor words dropped, "--" no key at all. */
	co2_error err;
	ck_assert_int_eq(load("hardware:\n"
	                      "  - {name: Intel CPU, kind: cpu, power_w: 65, aliases: [\"--\"], source: s, year: 2020}\n",
	                      &err), CO2_OK);
	const co2_hardware *h = NULL;
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "INTEL-CPU", &err), CO2_OK);
	ck_assert_double_eq(h->power_w, 65);
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "AMD CPU", &err), CO2_ERR_NOT_FOUND);
	ck_assert_msg(strncmp(err.message, "unknown hardware 'AMD CPU'", 26) == 0, "%s", err.message);
	ck_assert_uint_eq(co2_db_check(db, NULL, NULL), 0);
}
END_TEST

START_TEST(a_long_word_finds_every_entry_containing_it)
{
	co2_error err;
	ck_assert_int_eq(load("hardware:\n"
	                      "  - {name: Hyperaccelerator 5, kind: npu, power_w: 50, source: s, year: 2020}\n"
	                      "  - {name: Hyperaccelerator 6, kind: npu, power_w: 60, source: s, year: 2020}\n"
	                      "  - {name: Accelerator 7, kind: npu, power_w: 70, source: s, year: 2020}\n",
	                      &err), CO2_OK);
	/* Longer than any vendor word: read as a word of the name, not as a vendor. */
	const co2_hardware *h = NULL;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "hyperaccelerator", &err), CO2_ERR_AMBIGUOUS);
	ck_assert_str_eq(err.message, "hardware 'hyperaccelerator' is ambiguous: it matches "
	                              "'Hyperaccelerator 5', 'Hyperaccelerator 6'; give the full name");
	ck_assert_int_eq(co2_db_find_hardware(&h, db, "t", "hyperaccelerator-6", &err), CO2_OK);
	ck_assert_double_eq(h->power_w, 60);
}
END_TEST

START_TEST(data_check_reports_names_shared_by_two_entries)
{
	co2_error err;
	ck_assert_msg(load("hardware:\n"
	                   "  - {name: X, kind: gpu, power_w: 10, aliases: [Z9], source: s, year: 2020}\n"
	                   "  - {name: Y, kind: gpu, power_w: 10, aliases: [z9], source: s, year: 2020}\n"
	                   "locations:\n"
	                   "  - {code: AA, name: Foo, intensity_g_per_kwh: 10, source: s, year: 2020}\n"
	                   "  - {code: BB, name: Bar, aliases: [foo], intensity_g_per_kwh: 10, source: s, year: 2020}\n",
	                   &err) == CO2_OK, "%s", err.message);
	diags d = { 0 };
	ck_assert_uint_eq(co2_db_check(db, collect, &d), 2);
	/* Reported at the second entry, whichever order the index holds them in. */
	int hw = strstr(d.message[0], "'X'") ? 0 : 1;
	ck_assert_str_eq(d.message[hw], "'X' and 'Y' share the name or alias 'z9'");
	ck_assert_str_eq(d.where[hw], "t.yaml:10");
	ck_assert_str_eq(d.message[1 - hw], "'AA' and 'BB' share the name or alias 'foo'");
	ck_assert_str_eq(d.where[1 - hw], "t.yaml:13");
}
END_TEST

START_TEST(data_check_reports_references_to_missing_entries)
{
	co2_error err;
	ck_assert_msg(load("hardware:\n"
	                   "  - {name: X, kind: gpu, power_w: 10, source: s, year: 2020}\n"
	                   "regions:\n"
	                   "  - {id: \"zz:r1\", intensity_g_per_kwh: 10, source: s, year: 2020}\n"
	                   "instances:\n"
	                   "  - {id: \"zz:big\", hardware: Nope, count: 2, source: s, year: 2020}\n"
	                   "  - {id: \"zz:small\", hardware: X, count: 1, source: s, year: 2020}\n",
	                   &err) == CO2_OK, "%s", err.message);
	diags d = { 0 };
	ck_assert_uint_eq(co2_db_check(db, collect, &d), 2);
	ck_assert_str_eq(d.message[0], "region 'zz:r1': provider 'zz' is not in the data");
	ck_assert_str_eq(d.where[0], "t.yaml:11");
	ck_assert_str_eq(d.message[1], "instance 'zz:big': hardware 'Nope' is not in the data (or ambiguous)");
	ck_assert_str_eq(d.where[1], "t.yaml:13");
	/* Without a callback the problems are only counted. */
	ck_assert_uint_eq(co2_db_check(db, NULL, NULL), 2);
}
END_TEST

static Suite *load_errors_suite(void)
{
	Suite *s = suite_create("load_errors");
	TCase *b = tcase_create("buffer");
	tcase_add_checked_fixture(b, setup, teardown);
	tcase_add_loop_test(b, refused_files_name_the_place_and_the_key_and_change_nothing, 0,
	                    (int)(sizeof refused_files / sizeof *refused_files));
	tcase_add_test(b, uncertain_takes_true_or_false);
	suite_add_tcase(s, b);
	TCase *p = tcase_create("path");
	tcase_add_checked_fixture(p, tmp_setup, tmp_teardown);
	tcase_add_test(p, a_directory_loads_its_yaml_files_in_path_order_and_skips_the_rest);
	tcase_add_test(p, an_error_in_one_file_of_a_directory_names_that_file_and_stops_there);
	tcase_add_test(p, a_symlink_loop_is_refused_as_nested_too_deep);
	tcase_add_test(p, a_path_that_is_neither_file_nor_directory_cannot_be_opened);
	tcase_add_test(p, a_missing_path_is_an_io_error_naming_it);
	tcase_add_test(p, an_endless_file_is_refused_after_64_mb);
	tcase_add_test(p, a_file_that_fails_to_read_is_an_io_error);
	tcase_add_test(p, a_directory_or_file_that_cannot_be_opened_is_an_io_error);
	suite_add_tcase(s, p);
	TCase *l = tcase_create("lookup");
	tcase_add_checked_fixture(l, setup, teardown);
	tcase_add_test(l, a_lookup_needs_a_name_and_a_known_edition);
	tcase_add_test(l, providers_and_constants_are_found_by_exact_id_or_not_at_all);
	tcase_add_test(l, names_that_share_a_key_are_told_apart_by_their_exact_spelling);
	tcase_add_test(l, a_name_shared_by_seven_entries_lists_six_and_says_there_are_more);
	tcase_add_test(l, longer_names_of_another_edition_or_vendor_leave_a_name_unambiguous);
	tcase_add_test(l, queries_with_stray_separators_or_no_words);
	tcase_add_test(l, a_name_of_vendor_words_only_is_found_by_its_full_spelling);
	tcase_add_test(l, a_long_word_finds_every_entry_containing_it);
	tcase_add_test(l, data_check_reports_names_shared_by_two_entries);
	tcase_add_test(l, data_check_reports_references_to_missing_entries);
	suite_add_tcase(s, l);
	return s;
}

CO2_CHECK_MAIN(load_errors_suite)
