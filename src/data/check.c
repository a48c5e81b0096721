/* Plausibility checks over a loaded database (`co2calc data check`). The loader
 * already refuses what cannot be used; this flags what is probably wrong. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "data/db_internal.h"

typedef struct checker {
	const co2_db *db;
	co2_diag_fn fn;
	void *ctx;
	size_t problems;
} checker;

static void problem(checker *c, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* One problem, reported at "file:line" (the entry's first line) when the line is known. */
static void problem(checker *c, const char *file, int line, const char *fmt, ...)
{
	char msg[700], where[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	c->problems++;
	if (line > 0)
		snprintf(where, sizeof where, "%s:%d", file ? file : "", line);
	else
		snprintf(where, sizeof where, "%s", file ? file : "");
	if (c->fn)
		c->fn(c->ctx, where, msg);
}

static void range(checker *c, const char *file, int line, const char *what, const char *name,
                  double v, double lo, double hi)
{
	if (v < lo || v > hi)
		problem(c, file, line, "%s '%s': %g is outside the plausible range %g to %g", what, name,
		        v, lo, hi);
}

static const char *slot_name(const co2_db *db, const co2__slot *s)
{
	const char *base = (const char *)db->kinds[s->kind].items + s->idx * db->kinds[s->kind].size;
	return *(const char *const *)base;
}

static const void *slot_entry(const co2_db *db, const co2__slot *s)
{
	return (const char *)db->kinds[s->kind].items + s->idx * db->kinds[s->kind].size;
}


static const char *kind_word_of(int kind)
{
	static const char *const w[K_COUNT] = { "hardware", "provider", "region", "location",
		"instance", "constant", "equivalent" };
	return kind >= 0 && kind < K_COUNT ? w[kind] : "entry";
}

size_t co2_db_check(const co2_db *db, co2_diag_fn fn, void *ctx)
{
	checker c = { db, fn, ctx, 0 };
	time_t now = time(NULL);
	struct tm tmv;
	int this_year = gmtime_r(&now, &tmv) ? tmv.tm_year + 1900 : 2100;
	size_t n;
	const co2_hardware *hw = co2_db_hardware_list(db, &n);
	for (size_t i = 0; i < n; i++) {
		range(&c, hw[i].file, hw[i].line, "hardware power_w", hw[i].name, hw[i].power_w, 1, 2000);
		if (hw[i].power_per_core_w != CO2_UNSET)
			range(&c, hw[i].file, hw[i].line, "hardware power_per_core_w", hw[i].name, hw[i].power_per_core_w, 0.1, 100);
		if (hw[i].power_max_w != CO2_UNSET)
			range(&c, hw[i].file, hw[i].line, "hardware power_max_w", hw[i].name, hw[i].power_max_w, 1, 2000);
		if (hw[i].threads && hw[i].threads < hw[i].cores)
			problem(&c, hw[i].file, hw[i].line, "hardware '%s': %d threads for %d cores", hw[i].name,
			        hw[i].threads, hw[i].cores);
		if (hw[i].year > this_year)
			problem(&c, hw[i].file, hw[i].line, "hardware '%s': year %d is in the future", hw[i].name, hw[i].year);
	}
	const co2_region *rg = co2_db_regions(db, &n);
	for (size_t i = 0; i < n; i++) {
		if (rg[i].intensity_g_per_kwh != CO2_UNSET)
			range(&c, rg[i].file, rg[i].line, "region intensity_g_per_kwh", rg[i].id, rg[i].intensity_g_per_kwh, 0, 1500);
		if (rg[i].pue != CO2_UNSET)
			range(&c, rg[i].file, rg[i].line, "region pue", rg[i].id, rg[i].pue, 1.0, 3.0);
		if (rg[i].pue_low != CO2_UNSET)
			range(&c, rg[i].file, rg[i].line, "region pue_low", rg[i].id, rg[i].pue_low, 1.0, 3.0);
		if (rg[i].pue_high != CO2_UNSET)
			range(&c, rg[i].file, rg[i].line, "region pue_high", rg[i].id, rg[i].pue_high, 1.0, 3.0);
		if (rg[i].location) {
			const co2_location *l;
			if (co2_db_find_location(&l, db, rg[i].edition, rg[i].location, NULL) != CO2_OK)
				problem(&c, rg[i].file, rg[i].line, "region '%s': location '%s' is not in the data",
				        rg[i].id, rg[i].location);
		}
		if (!co2_db_provider(db, rg[i].edition, rg[i].provider))
			problem(&c, rg[i].file, rg[i].line, "region '%s': provider '%s' is not in the data", rg[i].id,
			        rg[i].provider);
	}
	const co2_provider *pv = co2_db_providers(db, &n);
	for (size_t i = 0; i < n; i++) {
		if (pv[i].pue != CO2_UNSET)
			range(&c, pv[i].file, pv[i].line, "provider pue", pv[i].id, pv[i].pue, 1.0, 3.0);
		if (pv[i].pue_low != CO2_UNSET)
			range(&c, pv[i].file, pv[i].line, "provider pue_low", pv[i].id, pv[i].pue_low, 1.0, 3.0);
		if (pv[i].pue_high != CO2_UNSET)
			range(&c, pv[i].file, pv[i].line, "provider pue_high", pv[i].id, pv[i].pue_high, 1.0, 3.0);
	}
	const co2_location *lc = co2_db_locations(db, &n);
	for (size_t i = 0; i < n; i++) {
		range(&c, lc[i].file, lc[i].line, "location intensity_g_per_kwh", lc[i].code, lc[i].intensity_g_per_kwh, 0, 1500);
		if (lc[i].previous_intensity_g_per_kwh != CO2_UNSET)
			range(&c, lc[i].file, lc[i].line, "location previous_intensity_g_per_kwh", lc[i].code,
			      lc[i].previous_intensity_g_per_kwh, 0, 1500);
	}
	const co2_instance *in = co2_db_instances(db, &n);
	for (size_t i = 0; i < n; i++) {
		const co2_hardware *h;
		if (co2_db_find_hardware(&h, db, in[i].edition, in[i].hardware, NULL) != CO2_OK)
			problem(&c, in[i].file, in[i].line, "instance '%s': hardware '%s' is not in the data (or ambiguous)",
			        in[i].id, in[i].hardware);
	}
	/* An entry given twice: in two built-in files, or in two of the files being
	 * checked. A file replacing a built-in entry (or the other way round) is how
	 * corrections are made. */
	const co2__replaced *rp = db->replaced.items;
	for (size_t i = 0; i < db->replaced.n; i++) {
		int old_builtin = rp[i].old_file && strncmp(rp[i].old_file, "<builtin>", 9) == 0;
		int new_builtin = rp[i].new_file && strncmp(rp[i].new_file, "<builtin>", 9) == 0;
		if (old_builtin != new_builtin)
			continue;
		problem(&c, rp[i].new_file, rp[i].new_line, "%s '%s' is also in %s (this file replaces it)",
		        kind_word_of(rp[i].kind), rp[i].name, rp[i].old_file ? rp[i].old_file : "an earlier file");
	}
	/* Names and aliases that lead to two entries of the same kind and edition. Two
	 * spellings with one key ("us-east-1", "us-east1") are told apart by lookup. */
	for (size_t i = 0; i < db->nslots; i++) {
		const co2__slot *s = &db->slots[i];
		if (!s->key || s->reduced)
			continue;
		for (size_t j = (i + 1) & (db->nslots - 1); db->slots[j].key; j = (j + 1) & (db->nslots - 1)) {
			const co2__slot *t = &db->slots[j];
			if (t->hash == s->hash && t->kind == s->kind && t->edition == s->edition &&
			    !t->reduced && t->idx != s->idx && strcmp(t->key, s->key) == 0 &&
			    co2__same_spelling(db, s->kind, s->idx, t->idx, s->key))
				problem(&c, co2__entry_file(t->kind, slot_entry(db, t)), co2__entry_line(t->kind, slot_entry(db, t)),
				        "'%s' and '%s' share the name or alias '%s'",
				        slot_name(db, s), slot_name(db, t), s->key);
		}
	}
	return c.problems;
}
