/* Listings of the data: the entries of one kind (hardware, regions, ...), filtered by a
 * name and an edition, as text (one line each) or JSON, with their sources. */
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

typedef struct lister {
	co2__buf out;
	int json;
	size_t count;
	char match[256]; /* normalised (co2__norm); empty: every entry */
	const char *edition;
	int pass;        /* 0: the exact matches, 1: the others */
} lister;

/* How an entry's spelling fits the match: 2 exactly ("CA" is CA), 1 it contains it,
 * 0 not at all (or another edition). Without a match, every entry of the edition: 1. */
static int matches(const lister *l, const char *edition, const char *name,
                   const char *const *aliases, size_t n_aliases)
{
	if (l->edition && strcmp(l->edition, edition) != 0)
		return 0;
	if (!l->match[0])
		return 1;
	char key[512];
	int m = 0;
	for (size_t i = 0; i <= n_aliases && m < 2; i++) {
		co2__norm(key, sizeof key, i == 0 ? name : aliases[i - 1]);
		if (strcmp(key, l->match) == 0)
			m = 2;
		else if (strstr(key, l->match))
			m = 1;
	}
	return m;
}

static int ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int best(int a, int b)
{
	return a > b ? a : b;
}

/* Whether the match starts at a word of text: "iowa" in "Iowa, United States", "united
 * states" too, but not "us" in "Australia". */
static int at_a_word(const lister *l, const char *text)
{
	char key[512];
	for (const char *p = text; p && *p; p++) {
		int start = (p == text || !ascii_alnum(p[-1])) && ascii_alnum(*p);
		if (!start)
			continue;
		co2__norm(key, sizeof key, p);
		if (strncmp(key, l->match, strlen(l->match)) == 0)
			return 1;
	}
	return 0;
}

/* Exact matches first ("list locations --match CA": Canada, then the names with "ca"),
 * then the others, each in the data's order. */
static int in_pass(const lister *l, int m)
{
	return m && (l->pass == 0) == (m == 2);
}

static void begin(lister *l)
{
	if (l->json)
		co2__buf_puts(&l->out, l->count ? ",\n  " : "\n  ");
	l->count++;
}

/* ---- one entry as a JSON object: list --format json and show --format json ---------- */

static void jstr(co2__buf *b, const char *k, const char *v, int first)
{
	co2__buf_printf(b, "%s\"%s\": ", first ? "" : ", ", k);
	co2__buf_json_str(b, v);
}

static void jnum(co2__buf *b, const char *k, double v)
{
	co2__buf_printf(b, ", \"%s\": ", k);
	if (v == CO2_UNSET)
		co2__buf_puts(b, "null");
	else
		co2__buf_num(b, v);
}

/* An integer that is 0 when unknown (a year, a count of cores): null then. */
static void jint(co2__buf *b, const char *k, int v)
{
	if (v)
		co2__buf_printf(b, ", \"%s\": %d", k, v);
	else
		co2__buf_printf(b, ", \"%s\": null", k);
}

static void jaliases(co2__buf *b, const char *const *al, size_t n)
{
	co2__buf_puts(b, ", \"aliases\": [");
	for (size_t i = 0; i < n; i++) {
		if (i)
			co2__buf_puts(b, ", ");
		co2__buf_json_str(b, al[i]);
	}
	co2__buf_puts(b, "]");
}

/* Where the entry comes from, and the closing brace. */
static void jtail(co2__buf *b, const char *source, int year, const char *edition,
                  const char *file, int line)
{
	jstr(b, "source", source, 0);
	co2__buf_printf(b, ", \"year\": %d", year);
	jstr(b, "edition", edition, 0);
	jstr(b, "file", file, 0);
	jint(b, "line", line);
	co2__buf_puts(b, "}");
}

static void json_hardware(co2__buf *b, const co2_hardware *h)
{
	co2__buf_puts(b, "{");
	jstr(b, "name", h->name, 1);
	jstr(b, "kind", h->kind, 0);
	jnum(b, "power_w", h->power_w);
	jstr(b, "power_type", h->power_type, 0);
	jint(b, "cores", h->cores);
	jnum(b, "power_per_core_w", h->power_per_core_w);
	jnum(b, "memory_gb", h->memory_gb);
	jaliases(b, h->aliases, h->n_aliases);
	co2__buf_printf(b, ", \"uncertain\": %s", h->uncertain ? "true" : "false");
	jstr(b, "note", h->note, 0);
	jtail(b, h->source, h->year, h->edition, h->file, h->line);
}

static void json_region(co2__buf *b, const co2_region *r)
{
	co2__buf_puts(b, "{");
	jstr(b, "id", r->id, 1);
	jstr(b, "provider", r->provider, 0);
	jstr(b, "name", r->name, 0);
	jstr(b, "location", r->location, 0);
	jnum(b, "intensity_g_per_kwh", r->intensity_g_per_kwh);
	jnum(b, "pue", r->pue);
	jstr(b, "pue_source", r->pue_source, 0);
	jint(b, "pue_year", r->pue_year);
	jnum(b, "pue_low", r->pue_low);
	jnum(b, "pue_high", r->pue_high);
	jnum(b, "offset_percent", r->offset_percent);
	jnum(b, "cfe_percent", r->cfe_percent);
	jaliases(b, r->aliases, r->n_aliases);
	jtail(b, r->source, r->year, r->edition, r->file, r->line);
}

static void json_location(co2__buf *b, const co2_location *x)
{
	co2__buf_puts(b, "{");
	jstr(b, "code", x->code, 1);
	jstr(b, "name", x->name, 0);
	jnum(b, "intensity_g_per_kwh", x->intensity_g_per_kwh);
	jnum(b, "previous_intensity_g_per_kwh", x->previous_intensity_g_per_kwh);
	jint(b, "previous_year", x->previous_year);
	jstr(b, "previous_source", x->previous_source, 0);
	jaliases(b, x->aliases, x->n_aliases);
	jtail(b, x->source, x->year, x->edition, x->file, x->line);
}

static void json_provider(co2__buf *b, const co2_provider *p)
{
	co2__buf_puts(b, "{");
	jstr(b, "id", p->id, 1);
	jstr(b, "name", p->name, 0);
	jnum(b, "pue", p->pue);
	jstr(b, "pue_source", p->pue_source, 0);
	jint(b, "pue_year", p->pue_year);
	jnum(b, "pue_low", p->pue_low);
	jnum(b, "pue_high", p->pue_high);
	jnum(b, "offset_percent", p->offset_percent);
	jnum(b, "renewable_match_percent", p->renewable_match_percent);
	jtail(b, p->source, p->year, p->edition, p->file, p->line);
}

/* The four loads of Cloud Carbon Footprint's table, or null. */
static void jwatts(co2__buf *b, const char *k, int given, double idle, double w10, double w50,
                   double w100)
{
	co2__buf_printf(b, ", \"%s\": ", k);
	if (!given) {
		co2__buf_puts(b, "null");
		return;
	}
	co2__buf_puts(b, "{\"idle\": ");
	co2__buf_num(b, idle);
	co2__buf_puts(b, ", \"10\": ");
	co2__buf_num(b, w10);
	co2__buf_puts(b, ", \"50\": ");
	co2__buf_num(b, w50);
	co2__buf_puts(b, ", \"100\": ");
	co2__buf_num(b, w100);
	co2__buf_puts(b, "}");
}

static void json_instance(co2__buf *b, const co2_instance *x)
{
	co2__buf_puts(b, "{");
	jstr(b, "id", x->id, 1);
	jstr(b, "hardware", x->hardware, 0);
	jnum(b, "count", x->count);
	jint(b, "vcpus", x->vcpus);
	jnum(b, "memory_gb", x->memory_gb);
	jstr(b, "host_cpu", x->host_cpu, 0);
	jint(b, "host_vcpus", x->host_vcpus);
	int w = x->watts_source != NULL;
	jwatts(b, "package_w", w, x->package_w_idle, x->package_w_10, x->package_w_50, x->package_w_100);
	jwatts(b, "ram_w", w, x->ram_w_idle, x->ram_w_10, x->ram_w_50, x->ram_w_100);
	jstr(b, "watts_source", x->watts_source, 0);
	jint(b, "watts_year", x->watts_year);
	jstr(b, "note", x->note, 0);
	jtail(b, x->source, x->year, x->edition, x->file, x->line);
}

static void json_edition(co2__buf *b, const co2_edition *e)
{
	co2__buf_puts(b, "{");
	jstr(b, "id", e->id, 1);
	jstr(b, "date", e->date, 0);
	jstr(b, "title", e->title, 0);
	jstr(b, "source", e->source, 0);
	jstr(b, "license", e->license, 0);
	co2__buf_puts(b, "}");
}

/* ---- the listings -------------------------------------------------------------------- */

static void list_hardware(lister *l, const co2_db *db)
{
	size_t n;
	const co2_hardware *h = co2_db_hardware_list(db, &n);
	char a[32];
	for (size_t i = 0; i < n; i++) {
		if (!in_pass(l, matches(l, h[i].edition, h[i].name, h[i].aliases, h[i].n_aliases)))
			continue;
		begin(l);
		if (l->json)
			json_hardware(&l->out, &h[i]);
		else
			co2__buf_printf(&l->out, "%-44s %-4s %7s W %-16s %-20s %d\n", h[i].name, h[i].kind,
			                co2_format_double(a, h[i].power_w), h[i].power_type, h[i].edition, h[i].year);
	}
}

/* One line of `list regions`. A region without an intensity of its own takes its
 * location's: that figure, marked "(location's)". */
static void text_region_line(lister *l, const co2_db *db, const co2_region *r)
{
	char a[32], c[32];
	const char *g = "-", *whose = "";
	const co2_location *loc = NULL;
	if (r->intensity_g_per_kwh != CO2_UNSET) {
		g = co2_format_double(a, r->intensity_g_per_kwh);
	} else {
		whose = "(location's)";
		if (r->location && co2_db_find_location(&loc, db, r->edition, r->location, NULL) == CO2_OK)
			g = co2_format_double(a, loc->intensity_g_per_kwh);
	}
	co2__buf_printf(&l->out, "%-36s %-8s %8s g/kWh %-12s  PUE %-5s %-20s %d  %s\n", r->id,
	                r->location ? r->location : "-", g, whose,
	                r->pue == CO2_UNSET ? "-" : co2_format_double(c, r->pue), r->edition, r->year,
	                r->name ? r->name : "");
}

static void list_regions(lister *l, const co2_db *db)
{
	size_t n;
	const co2_region *r = co2_db_regions(db, &n);
	for (size_t i = 0; i < n; i++) {
		int m = matches(l, r[i].edition, r[i].id, r[i].aliases, r[i].n_aliases);
		if (r[i].name)
			m = best(m, matches(l, r[i].edition, r[i].name, NULL, 0));
		const co2_location *loc = NULL;
		if (!m && l->match[0] && r[i].location && (!l->edition || strcmp(l->edition, r[i].edition) == 0) &&
		    co2_db_find_location(&loc, db, r[i].edition, r[i].location, NULL) == CO2_OK &&
		    at_a_word(l, loc->name))
			m = 1; /* in the place: "iowa" finds gcp:us-central1 (USA (Council Bluffs)) */
		if (!in_pass(l, m))
			continue;
		begin(l);
		if (l->json)
			json_region(&l->out, &r[i]);
		else
			text_region_line(l, db, &r[i]);
	}
}

static void list_locations(lister *l, const co2_db *db)
{
	size_t n;
	const co2_location *x = co2_db_locations(db, &n);
	char a[32];
	for (size_t i = 0; i < n; i++) {
		if (!in_pass(l, best(matches(l, x[i].edition, x[i].code, x[i].aliases, x[i].n_aliases),
		                  matches(l, x[i].edition, x[i].name, NULL, 0))))
			continue;
		begin(l);
		if (l->json)
			json_location(&l->out, &x[i]);
		else
			co2__buf_printf(&l->out, "%-10s %-36s %8s g/kWh  %-20s %d\n", x[i].code, x[i].name,
			                co2_format_double(a, x[i].intensity_g_per_kwh), x[i].edition, x[i].year);
	}
}

static void list_providers(lister *l, const co2_db *db)
{
	size_t n;
	const co2_provider *p = co2_db_providers(db, &n);
	char a[32], c[32];
	for (size_t i = 0; i < n; i++) {
		if (!in_pass(l, best(matches(l, p[i].edition, p[i].id, NULL, 0),
		                     matches(l, p[i].edition, p[i].name, NULL, 0))))
			continue;
		begin(l);
		if (l->json)
			json_provider(&l->out, &p[i]);
		else
			co2__buf_printf(&l->out, "%-12s %-32s PUE %-5s offset %-4s %-20s %d\n", p[i].id, p[i].name,
			                p[i].pue == CO2_UNSET ? "-" : co2_format_double(a, p[i].pue),
			                p[i].offset_percent == CO2_UNSET ? "-" : co2_format_double(c, p[i].offset_percent),
			                p[i].edition, p[i].year);
	}
}

static void list_instances(lister *l, const co2_db *db)
{
	size_t n;
	const co2_instance *x = co2_db_instances(db, &n);
	char a[32];
	for (size_t i = 0; i < n; i++) {
		if (!in_pass(l, best(matches(l, x[i].edition, x[i].id, NULL, 0),
		                     matches(l, x[i].edition, x[i].hardware, NULL, 0))))
			continue;
		begin(l);
		if (l->json)
			json_instance(&l->out, &x[i]);
		else
			co2__buf_printf(&l->out, "%-32s %3s x %-36s %-20s %d\n", x[i].id, co2_format_double(a, x[i].count),
			                x[i].hardware, x[i].edition, x[i].year);
	}
}

static void list_editions(lister *l, const co2_db *db)
{
	size_t n;
	const co2_edition *e = co2_db_editions(db, &n);
	for (size_t i = 0; i < n; i++) {
		if (!in_pass(l, 1) || (l->edition && strcmp(l->edition, e[i].id) != 0))
			continue;
		begin(l);
		if (l->json)
			json_edition(&l->out, &e[i]);
		else
			co2__buf_printf(&l->out, "%-22s %-10s %s\n", e[i].id, e[i].date, e[i].title ? e[i].title : "");
	}
}

static const struct {
	const char *kind;
	void (*fn)(lister *, const co2_db *);
} kinds[] = {
	{ "hardware", list_hardware }, { "regions", list_regions }, { "locations", list_locations },
	{ "providers", list_providers }, { "instances", list_instances }, { "editions", list_editions },
};

co2_status co2_list_report(char **out, size_t *len, size_t *count, const co2_db *db, const char *kind,
                           const char *match, const char *edition, co2_format format, co2_error *err)
{
	*out = NULL;
	if (count)
		*count = 0;
	size_t k;
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (kind && strcmp(kinds[k].kind, kind) == 0)
			break;
	if (k == sizeof kinds / sizeof kinds[0])
		return co2__fail(err, CO2_ERR_INVALID,
		                 "list: unknown kind '%.40s' (expected hardware, regions, locations, providers, "
		                 "instances or editions)", kind ? kind : "");
	if (format != CO2_FORMAT_TEXT && format != CO2_FORMAT_JSON)
		return co2__fail(err, CO2_ERR_INVALID, "list: the listing is written as text or json, not %s",
		                 co2_format_name(format));
	if (!db)
		return co2__fail(err, CO2_ERR_INVALID, "list: no database");
	if (edition && !co2_db_edition(db, edition))
		return co2__fail_field(err, CO2_ERR_NOT_FOUND, "edition", "edition: unknown data edition '%.60s'",
		                       edition);
	lister l;
	memset(&l, 0, sizeof l);
	l.json = format == CO2_FORMAT_JSON;
	if (match)
		co2__norm(l.match, sizeof l.match, match);
	l.edition = edition;
	if (l.json)
		co2__buf_printf(&l.out, "{\"kind\": \"%s\", \"entries\": [", kinds[k].kind);
	for (l.pass = 0; l.pass < 2; l.pass++)
		kinds[k].fn(&l, db);
	if (l.json)
		co2__buf_printf(&l.out, "%s], \"count\": %zu}\n", l.count ? "\n" : "", l.count);
	if (!l.out.data)
		co2__buf_puts(&l.out, ""); /* nothing matched: an empty text listing */
	if (l.out.failed) {
		free(l.out.data);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory writing the listing");
	}
	*out = l.out.data;
	if (len)
		*len = l.out.len;
	if (count)
		*count = l.count;
	return CO2_OK;
}

/* ---- one entry: show ----------------------------------------------------------------- */

static void text_aliases(co2__buf *b, const char *const *al, size_t n)
{
	if (!n)
		return;
	co2__buf_puts(b, "  aliases      ");
	for (size_t i = 0; i < n; i++)
		co2__buf_printf(b, "%s%s", i ? ", " : "", al[i]);
	co2__buf_puts(b, "\n");
}

static void text_tail(co2__buf *b, const char *source, int year, const char *edition,
                      const char *file, int line)
{
	co2__buf_printf(b, "  source       %s (%d)\n  edition      %s\n  file         %s:%d\n", source,
	                year, edition, file, line);
}

static void text_hardware(co2__buf *b, const co2_hardware *h)
{
	char x[32];
	co2__buf_printf(b, "%s\n  kind         %s\n  power        %s W (%s)\n", h->name, h->kind,
	                co2_format_double(x, h->power_w), h->power_type);
	if (h->cores)
		co2__buf_printf(b, "  cores        %d\n", h->cores);
	if (h->power_per_core_w != CO2_UNSET)
		co2__buf_printf(b, "  per core     %s W\n", co2_format_double(x, h->power_per_core_w));
	if (h->memory_gb != CO2_UNSET)
		co2__buf_printf(b, "  memory       %s GB\n", co2_format_double(x, h->memory_gb));
	text_aliases(b, h->aliases, h->n_aliases);
	if (h->note)
		co2__buf_printf(b, "  note         %s\n", h->note);
	if (h->uncertain)
		co2__buf_puts(b, "  uncertain    yes: the figure is an estimate\n");
	text_tail(b, h->source, h->year, h->edition, h->file, h->line);
}

static void text_region(co2__buf *b, const co2_region *r)
{
	char x[32], y[32];
	co2__buf_printf(b, "%s\n", r->id);
	if (r->name)
		co2__buf_printf(b, "  name         %s\n", r->name);
	if (r->location)
		co2__buf_printf(b, "  location     %s\n", r->location);
	if (r->intensity_g_per_kwh != CO2_UNSET)
		co2__buf_printf(b, "  intensity    %s g CO2eq/kWh\n", co2_format_double(x, r->intensity_g_per_kwh));
	else
		co2__buf_puts(b, "  intensity    that of its location\n");
	if (r->pue != CO2_UNSET)
		co2__buf_printf(b, "  PUE          %s (%s, %d)\n", co2_format_double(x, r->pue), r->pue_source,
		                r->pue_year);
	if (r->offset_percent != CO2_UNSET)
		co2__buf_printf(b, "  offset       %s %%\n", co2_format_double(y, r->offset_percent));
	if (r->cfe_percent != CO2_UNSET)
		co2__buf_printf(b, "  carbon-free  %s %% (%s, %d)\n", co2_format_double(y, r->cfe_percent),
		                r->cfe_source, r->cfe_year);
	text_aliases(b, r->aliases, r->n_aliases);
	text_tail(b, r->source, r->year, r->edition, r->file, r->line);
}

static void text_location(co2__buf *b, const co2_location *l)
{
	char x[32];
	co2__buf_printf(b, "%s\n  name         %s\n  intensity    %s g CO2eq/kWh\n", l->code, l->name,
	                co2_format_double(x, l->intensity_g_per_kwh));
	text_aliases(b, l->aliases, l->n_aliases);
	text_tail(b, l->source, l->year, l->edition, l->file, l->line);
}

static void text_provider(co2__buf *b, const co2_provider *p)
{
	char x[32], y[32];
	co2__buf_printf(b, "%s\n  name         %s\n", p->id, p->name);
	if (p->pue != CO2_UNSET) {
		co2__buf_printf(b, "  PUE          %s", co2_format_double(x, p->pue));
		if (p->pue_source)
			co2__buf_printf(b, " (%s, %d)", p->pue_source, p->pue_year);
		co2__buf_puts(b, "\n");
		if (p->pue_low != CO2_UNSET && p->pue_high != CO2_UNSET)
			co2__buf_printf(b, "  PUE spread   %s to %s across its sites\n",
			                co2_format_double(x, p->pue_low), co2_format_double(y, p->pue_high));
		else if (p->pue_low != CO2_UNSET)
			co2__buf_printf(b, "  PUE spread   %s at its best sites\n", co2_format_double(x, p->pue_low));
		else if (p->pue_high != CO2_UNSET)
			co2__buf_printf(b, "  PUE spread   up to %s at its least efficient sites\n",
			                co2_format_double(x, p->pue_high));
	} else {
		co2__buf_puts(b, "  PUE          not published in this data\n");
	}
	if (p->offset_percent != CO2_UNSET)
		co2__buf_printf(b, "  offset       %s %%\n", co2_format_double(y, p->offset_percent));
	text_tail(b, p->source, p->year, p->edition, p->file, p->line);
}

static void text_instance(co2__buf *b, const co2_instance *i)
{
	char x[32];
	co2__buf_printf(b, "%s\n  hardware     %s x %s\n", i->id, co2_format_double(x, i->count), i->hardware);
	if (i->vcpus)
		co2__buf_printf(b, "  vCPUs        %d\n", i->vcpus);
	if (i->memory_gb != CO2_UNSET)
		co2__buf_printf(b, "  memory       %s GB\n", co2_format_double(x, i->memory_gb));
	if (i->host_cpu || i->host_vcpus)
		co2__buf_printf(b, "  host         %s, %d vCPUs\n", i->host_cpu ? i->host_cpu : "CPU not named",
		                i->host_vcpus);
	if (i->watts_source) {
		char w[8][32];
		const double v[8] = { i->package_w_idle, i->package_w_10, i->package_w_50, i->package_w_100,
		                      i->ram_w_idle, i->ram_w_10, i->ram_w_50, i->ram_w_100 };
		for (int k = 0; k < 8; k++)
			co2_format_double(w[k], v[k]);
		co2__buf_printf(b, "  package W    idle %s, 10%% %s, 50%% %s, 100%% %s\n"
		                   "  RAM W        idle %s, 10%% %s, 50%% %s, 100%% %s\n"
		                   "  watts from   %s (%d)\n",
		                w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], i->watts_source, i->watts_year);
	}
	if (i->note)
		co2__buf_printf(b, "  note         %s\n", i->note);
	text_tail(b, i->source, i->year, i->edition, i->file, i->line);
}

co2_status co2_show_report(char **out, size_t *len, const co2_db *db, const char *kind,
                           const char *name, const char *edition, co2_format format,
                           co2_error *err)
{
	*out = NULL;
	if (format != CO2_FORMAT_TEXT && format != CO2_FORMAT_JSON)
		return co2__fail(err, CO2_ERR_INVALID, "show: an entry is written as text or json, not %s",
		                 co2_format_name(format));
	if (!db)
		return co2__fail(err, CO2_ERR_INVALID, "show: no database");
	if (!kind)
		kind = "";
	int json = format == CO2_FORMAT_JSON;
	co2__buf b = { 0 };
	co2_status st;
	/* The singular, or the plural that `list` takes. */
	if (strcmp(kind, "hardware") == 0) {
		const co2_hardware *h;
		if ((st = co2_db_find_hardware(&h, db, edition, name, err)) != CO2_OK)
			return st;
		json ? json_hardware(&b, h) : text_hardware(&b, h);
	} else if (strcmp(kind, "region") == 0 || strcmp(kind, "regions") == 0) {
		const co2_region *r;
		if ((st = co2_db_find_region(&r, db, edition, name, err)) != CO2_OK)
			return st;
		json ? json_region(&b, r) : text_region(&b, r);
	} else if (strcmp(kind, "location") == 0 || strcmp(kind, "locations") == 0) {
		const co2_location *l;
		if ((st = co2_db_find_location(&l, db, edition, name, err)) != CO2_OK)
			return st;
		json ? json_location(&b, l) : text_location(&b, l);
	} else if (strcmp(kind, "provider") == 0 || strcmp(kind, "providers") == 0) {
		const co2_provider *p;
		if ((st = co2_db_find_provider(&p, db, edition, name, err)) != CO2_OK)
			return st;
		json ? json_provider(&b, p) : text_provider(&b, p);
	} else if (strcmp(kind, "instance") == 0 || strcmp(kind, "instances") == 0) {
		const co2_instance *i;
		if ((st = co2_db_find_instance(&i, db, edition, name, err)) != CO2_OK)
			return st;
		json ? json_instance(&b, i) : text_instance(&b, i);
	} else {
		return co2__fail(err, CO2_ERR_INVALID,
		                 "show: unknown kind '%.40s' (expected hardware, region, location, "
		                 "provider or instance)", kind);
	}
	if (json)
		co2__buf_puts(&b, "\n");
	if (b.failed) {
		free(b.data);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory writing the entry");
	}
	*out = b.data;
	if (len)
		*len = b.len;
	return CO2_OK;
}
