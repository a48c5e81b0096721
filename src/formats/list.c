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
} lister;

static int matches(const lister *l, const char *edition, const char *name,
                   const char *const *aliases, size_t n_aliases)
{
	if (l->edition && strcmp(l->edition, edition) != 0)
		return 0;
	if (!l->match[0])
		return 1;
	char key[512];
	co2__norm(key, sizeof key, name);
	if (strstr(key, l->match))
		return 1;
	for (size_t i = 0; i < n_aliases; i++) {
		co2__norm(key, sizeof key, aliases[i]);
		if (strstr(key, l->match))
			return 1;
	}
	return 0;
}

static void begin(lister *l)
{
	if (l->json)
		co2__buf_puts(&l->out, l->count ? ",\n  {" : "\n  {");
	l->count++;
}

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

static void jtail(co2__buf *b, const char *source, int year, const char *edition)
{
	jstr(b, "source", source, 0);
	co2__buf_printf(b, ", \"year\": %d", year);
	jstr(b, "edition", edition, 0);
	co2__buf_puts(b, "}");
}

static void list_hardware(lister *l, const co2_db *db)
{
	size_t n;
	const co2_hardware *h = co2_db_hardware_list(db, &n);
	char a[32];
	for (size_t i = 0; i < n; i++) {
		if (!matches(l, h[i].edition, h[i].name, h[i].aliases, h[i].n_aliases))
			continue;
		begin(l);
		if (l->json) {
			jstr(&l->out, "name", h[i].name, 1);
			jstr(&l->out, "kind", h[i].kind, 0);
			jnum(&l->out, "power_w", h[i].power_w);
			jstr(&l->out, "power_type", h[i].power_type, 0);
			jnum(&l->out, "cores", h[i].cores ? h[i].cores : CO2_UNSET);
			jnum(&l->out, "power_per_core_w", h[i].power_per_core_w);
			jaliases(&l->out, h[i].aliases, h[i].n_aliases);
			co2__buf_printf(&l->out, ", \"uncertain\": %s", h[i].uncertain ? "true" : "false");
			jtail(&l->out, h[i].source, h[i].year, h[i].edition);
		} else {
			co2__buf_printf(&l->out, "%-44s %-4s %7s W %-16s %-20s %d\n", h[i].name, h[i].kind,
			                co2_format_double(a, h[i].power_w), h[i].power_type, h[i].edition, h[i].year);
		}
	}
}

static void list_regions(lister *l, const co2_db *db)
{
	size_t n;
	const co2_region *r = co2_db_regions(db, &n);
	char a[32], c[32];
	for (size_t i = 0; i < n; i++) {
		if (!matches(l, r[i].edition, r[i].id, r[i].aliases, r[i].n_aliases) &&
		    !(r[i].name && matches(l, r[i].edition, r[i].name, NULL, 0)))
			continue;
		begin(l);
		if (l->json) {
			jstr(&l->out, "id", r[i].id, 1);
			jstr(&l->out, "provider", r[i].provider, 0);
			jstr(&l->out, "name", r[i].name, 0);
			jstr(&l->out, "location", r[i].location, 0);
			jnum(&l->out, "intensity_g_per_kwh", r[i].intensity_g_per_kwh);
			jnum(&l->out, "pue", r[i].pue);
			jnum(&l->out, "offset_percent", r[i].offset_percent);
			jnum(&l->out, "cfe_percent", r[i].cfe_percent);
			jaliases(&l->out, r[i].aliases, r[i].n_aliases);
			jtail(&l->out, r[i].source, r[i].year, r[i].edition);
		} else {
			co2__buf_printf(&l->out, "%-36s %-8s %8s g/kWh  PUE %-5s %-20s %d  %s\n", r[i].id,
			                r[i].location ? r[i].location : "-",
			                r[i].intensity_g_per_kwh == CO2_UNSET ? "(loc)" : co2_format_double(a, r[i].intensity_g_per_kwh),
			                r[i].pue == CO2_UNSET ? "-" : co2_format_double(c, r[i].pue),
			                r[i].edition, r[i].year, r[i].name ? r[i].name : "");
		}
	}
}

static void list_locations(lister *l, const co2_db *db)
{
	size_t n;
	const co2_location *x = co2_db_locations(db, &n);
	char a[32];
	for (size_t i = 0; i < n; i++) {
		if (!matches(l, x[i].edition, x[i].code, x[i].aliases, x[i].n_aliases) &&
		    !matches(l, x[i].edition, x[i].name, NULL, 0))
			continue;
		begin(l);
		if (l->json) {
			jstr(&l->out, "code", x[i].code, 1);
			jstr(&l->out, "name", x[i].name, 0);
			jnum(&l->out, "intensity_g_per_kwh", x[i].intensity_g_per_kwh);
			jaliases(&l->out, x[i].aliases, x[i].n_aliases);
			jtail(&l->out, x[i].source, x[i].year, x[i].edition);
		} else {
			co2__buf_printf(&l->out, "%-10s %-36s %8s g/kWh  %-20s %d\n", x[i].code, x[i].name,
			                co2_format_double(a, x[i].intensity_g_per_kwh), x[i].edition, x[i].year);
		}
	}
}

static void list_providers(lister *l, const co2_db *db)
{
	size_t n;
	const co2_provider *p = co2_db_providers(db, &n);
	char a[32], c[32];
	for (size_t i = 0; i < n; i++) {
		if (!matches(l, p[i].edition, p[i].id, NULL, 0) && !matches(l, p[i].edition, p[i].name, NULL, 0))
			continue;
		begin(l);
		if (l->json) {
			jstr(&l->out, "id", p[i].id, 1);
			jstr(&l->out, "name", p[i].name, 0);
			jnum(&l->out, "pue", p[i].pue);
			jnum(&l->out, "offset_percent", p[i].offset_percent);
			jnum(&l->out, "renewable_match_percent", p[i].renewable_match_percent);
			jtail(&l->out, p[i].source, p[i].year, p[i].edition);
		} else {
			co2__buf_printf(&l->out, "%-12s %-32s PUE %-5s offset %-4s %-20s %d\n", p[i].id, p[i].name,
			                p[i].pue == CO2_UNSET ? "-" : co2_format_double(a, p[i].pue),
			                p[i].offset_percent == CO2_UNSET ? "-" : co2_format_double(c, p[i].offset_percent),
			                p[i].edition, p[i].year);
		}
	}
}

static void list_instances(lister *l, const co2_db *db)
{
	size_t n;
	const co2_instance *x = co2_db_instances(db, &n);
	char a[32];
	for (size_t i = 0; i < n; i++) {
		if (!matches(l, x[i].edition, x[i].id, NULL, 0) && !matches(l, x[i].edition, x[i].hardware, NULL, 0))
			continue;
		begin(l);
		if (l->json) {
			jstr(&l->out, "id", x[i].id, 1);
			jstr(&l->out, "hardware", x[i].hardware, 0);
			jnum(&l->out, "count", x[i].count);
			jtail(&l->out, x[i].source, x[i].year, x[i].edition);
		} else {
			co2__buf_printf(&l->out, "%-32s %3s x %-36s %-20s %d\n", x[i].id, co2_format_double(a, x[i].count),
			                x[i].hardware, x[i].edition, x[i].year);
		}
	}
}

static void list_editions(lister *l, const co2_db *db)
{
	size_t n;
	const co2_edition *e = co2_db_editions(db, &n);
	for (size_t i = 0; i < n; i++) {
		if (l->edition && strcmp(l->edition, e[i].id) != 0)
			continue;
		begin(l);
		if (l->json) {
			jstr(&l->out, "id", e[i].id, 1);
			jstr(&l->out, "date", e[i].date, 0);
			jstr(&l->out, "title", e[i].title, 0);
			jstr(&l->out, "source", e[i].source, 0);
			jstr(&l->out, "license", e[i].license, 0);
			co2__buf_puts(&l->out, "}");
		} else {
			co2__buf_printf(&l->out, "%-22s %-10s %s\n", e[i].id, e[i].date, e[i].title ? e[i].title : "");
		}
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
