/* The database: storage, the name index, lookups and listings. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "data/db_internal.h"

static const size_t kind_size[K_COUNT] = {
	sizeof(co2_hardware), sizeof(co2_provider), sizeof(co2_region), sizeof(co2_location),
	sizeof(co2_instance), sizeof(co2_constant), sizeof(co2_equivalent_def)
};

/* ---- storage ------------------------------------------------------------------ */

void *co2__arena_alloc(co2_db *db, size_t size)
{
	size = (size + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1);
	co2__block *b = db->arena;
	if (!b || b->cap - b->used < size) {
		size_t cap = size > 65536 ? size : 65536;
		b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->next = db->arena;
		b->used = 0;
		b->cap = cap;
		db->arena = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	return p;
}

const char *co2__arena_strdup(co2_db *db, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *d = co2__arena_alloc(db, n);
	if (d)
		memcpy(d, s, n);
	return d;
}

int co2__vec_own(co2__vec *v)
{
	if (v->cap || !v->n)
		return 1;
	/* Items borrowed from the built-in snapshot: copy before the first change. */
	void *p = malloc(v->n * v->size);
	if (!p)
		return 0;
	memcpy(p, v->items, v->n * v->size);
	v->items = p;
	v->cap = v->n;
	return 1;
}

int co2__vec_push(co2__vec *v, const void *item)
{
	if (!co2__vec_own(v))
		return 0;
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;
		void *p = realloc(v->items, cap * v->size);
		if (!p)
			return 0;
		v->items = p;
		v->cap = cap;
	}
	memcpy((char *)v->items + v->n * v->size, item, v->size);
	v->n++;
	return 1;
}

co2_status co2_db_new(co2_db **out, co2_error *err)
{
	co2_db *db = calloc(1, sizeof *db);
	if (!db)
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory creating the database");
	db->editions.size = sizeof(co2_edition);
	db->files.size = sizeof(const char *);
	db->replaced.size = sizeof(co2__replaced);
	for (int k = 0; k < K_COUNT; k++)
		db->kinds[k].size = kind_size[k];
	*out = db;
	return CO2_OK;
}

void co2_db_close(co2_db *db)
{
	if (!db)
		return;
	while (db->arena) {
		co2__block *next = db->arena->next;
		free(db->arena);
		db->arena = next;
	}
	if (db->editions.cap)
		free(db->editions.items);
	if (db->files.cap)
		free(db->files.items);
	free(db->replaced.items);
	for (int k = 0; k < K_COUNT; k++)
		if (db->kinds[k].cap)
			free(db->kinds[k].items);
	if (!db->slots_static)
		free(db->slots);
	free(db);
}

size_t co2_db_file_count(const co2_db *db)
{
	return db->files.n;
}

const char *co2_db_file_name(const co2_db *db, size_t i)
{
	return i < db->files.n ? ((const char *const *)db->files.items)[i] : NULL;
}

/* ---- the name index -------------------------------------------------------------- */

static uint32_t hash_key(int kind, uint32_t edition, int reduced, const char *key)
{
	uint32_t h = 2166136261u ^ (uint32_t)(kind * 31 + reduced) ^ (edition << 8);
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h ? h : 1;
}

/* Slots borrowed from the built-in snapshot: copy before the first change. */
static int index_own(co2_db *db)
{
	if (!db->slots_static)
		return 1;
	co2__slot *s = malloc(db->nslots * sizeof *s);
	if (!s)
		return 0;
	memcpy(s, db->slots, db->nslots * sizeof *s);
	db->slots = s;
	db->slots_static = 0;
	return 1;
}

static int index_grow(co2_db *db)
{
	if (!index_own(db))
		return 0;
	size_t n = db->nslots ? db->nslots * 2 : 1024;
	co2__slot *s = calloc(n, sizeof *s);
	if (!s)
		return 0;
	for (size_t i = 0; i < db->nslots; i++) {
		co2__slot *o = &db->slots[i];
		if (!o->key)
			continue;
		size_t j = o->hash & (n - 1);
		while (s[j].key)
			j = (j + 1) & (n - 1);
		s[j] = *o;
	}
	free(db->slots);
	db->slots = s;
	db->nslots = n;
	return 1;
}

/* Add key → idx unless that exact mapping is there. Returns 0 on out-of-memory. */
static int index_add(co2_db *db, int kind, uint32_t edition, int reduced, const char *key,
                     uint32_t idx)
{
	if (!*key)
		return 1;
	if (!index_own(db))
		return 0;
	if ((db->used_slots + 1) * 4 >= db->nslots * 3 && !index_grow(db))
		return 0;
	uint32_t h = hash_key(kind, edition, reduced, key);
	size_t j = h & (db->nslots - 1);
	while (db->slots[j].key) {
		co2__slot *s = &db->slots[j];
		if (s->hash == h && s->kind == kind && s->edition == edition &&
		    s->reduced == reduced && s->idx == idx && strcmp(s->key, key) == 0)
			return 1;
		j = (j + 1) & (db->nslots - 1);
	}
	const char *k = co2__arena_strdup(db, key);
	if (!k)
		return 0;
	db->slots[j] = (co2__slot){ k, h, (uint16_t)kind, (uint16_t)reduced, edition, idx };
	db->used_slots++;
	return 1;
}

/* Collect distinct entry indexes for key. Returns how many (at most cap stored). */
static size_t index_find(const co2_db *db, int kind, uint32_t edition, int reduced,
                         const char *key, uint32_t *out, size_t cap)
{
	if (!db->nslots || !*key)
		return 0;
	uint32_t h = hash_key(kind, edition, reduced, key);
	size_t j = h & (db->nslots - 1), n = 0;
	while (db->slots[j].key) {
		const co2__slot *s = &db->slots[j];
		if (s->hash == h && s->kind == kind && s->edition == edition &&
		    s->reduced == reduced && strcmp(s->key, key) == 0) {
			size_t k;
			for (k = 0; k < n && k < cap; k++)
				if (out[k] == s->idx)
					break;
			if (k == n || k == cap) {
				if (n < cap)
					out[n] = s->idx;
				n++;
			}
		}
		j = (j + 1) & (db->nslots - 1);
	}
	return n;
}

/* ---- generic entry access ------------------------------------------------------- */

static const void *entry(const co2_db *db, int kind, size_t i)
{
	return (const char *)db->kinds[kind].items + i * db->kinds[kind].size;
}

/* Name, aliases and edition of any entry. */
static const char *entry_names(const co2_db *db, int kind, size_t i,
                               const char *const **aliases, size_t *n_aliases,
                               const char **edition)
{
	const void *e = entry(db, kind, i);
	*aliases = NULL;
	*n_aliases = 0;
	switch (kind) {
	case K_HARDWARE: {
		const co2_hardware *h = e;
		*aliases = h->aliases, *n_aliases = h->n_aliases, *edition = h->edition;
		return h->name;
	}
	case K_PROVIDER: *edition = ((const co2_provider *)e)->edition; return ((const co2_provider *)e)->id;
	case K_REGION: {
		const co2_region *r = e;
		*aliases = r->aliases, *n_aliases = r->n_aliases, *edition = r->edition;
		return r->id;
	}
	case K_LOCATION: {
		const co2_location *l = e;
		*aliases = l->aliases, *n_aliases = l->n_aliases, *edition = l->edition;
		return l->code;
	}
	case K_INSTANCE: *edition = ((const co2_instance *)e)->edition; return ((const co2_instance *)e)->id;
	case K_CONSTANT: *edition = ((const co2_constant *)e)->edition; return ((const co2_constant *)e)->name;
	default: *edition = ((const co2_equivalent_def *)e)->edition; return ((const co2_equivalent_def *)e)->id;
	}
}

static uint32_t edition_index(const co2_db *db, const char *id)
{
	const co2_edition *e = db->editions.items;
	for (size_t i = 0; i < db->editions.n; i++)
		if (strcmp(e[i].id, id) == 0)
			return (uint32_t)i;
	return UINT32_MAX;
}

const co2_edition *co2_db_edition(const co2_db *db, const char *id)
{
	uint32_t i = edition_index(db, id);
	return i == UINT32_MAX ? NULL : (const co2_edition *)db->editions.items + i;
}

/* Index one committed entry under its name, aliases (and for locations, its name). */
int co2__index_entry(co2_db *db, int kind, size_t i)
{
	const char *const *aliases;
	size_t n_aliases;
	const char *ed;
	const char *name = entry_names(db, kind, i, &aliases, &n_aliases, &ed);
	uint32_t e = edition_index(db, ed);
	char key[512];
	const char *extra = kind == K_LOCATION ? ((const co2_location *)entry(db, kind, i))->name
	                  : kind == K_PROVIDER ? ((const co2_provider *)entry(db, kind, i))->name
	                  : NULL;
	for (size_t a = 0; a <= n_aliases + 1; a++) {
		const char *s = a == 0 ? name : a <= n_aliases ? aliases[a - 1] : extra;
		if (!s)
			continue;
		co2__norm(key, sizeof key, s);
		if (!index_add(db, kind, e, 0, key, (uint32_t)i))
			return 0;
		if (kind == K_HARDWARE) {
			co2__norm_reduced(key, sizeof key, s);
			if (!index_add(db, kind, e, 1, key, (uint32_t)i))
				return 0;
		}
	}
	if (kind == K_REGION || kind == K_INSTANCE) {
		/* The bare region code ("us-east-1") or instance type ("p4d.24xlarge"), which
		 * several providers may share. */
		const char *colon = strchr(name, ':');
		co2__norm(key, sizeof key, colon ? colon + 1 : name);
		if (!index_add(db, kind, e, 1, key, (uint32_t)i))
			return 0;
	}
	if (kind == K_LOCATION && extra) {
		/* "California, United States" is also found as "California". */
		char part[256];
		size_t n = strcspn(extra, ",(");
		if (n < strlen(extra) && n < sizeof part) {
			memcpy(part, extra, n);
			part[n] = '\0';
			co2__norm(key, sizeof key, part);
			if (!index_add(db, kind, e, 1, key, (uint32_t)i))
				return 0;
		}
	}
	return 1;
}

/* Index of an entry with exactly this (normalised) name in this edition, or -1: used
 * by the loader to replace an entry rather than add a second one. */
long co2__find_same(const co2_db *db, int kind, const char *edition, const char *name)
{
	uint32_t e = edition_index(db, edition);
	if (e == UINT32_MAX)
		return -1;
	char key[512];
	co2__norm(key, sizeof key, name);
	uint32_t hits[8];
	size_t n = index_find(db, kind, e, 0, key, hits, 8);
	for (size_t k = 0; k < n && k < 8; k++) {
		const char *const *al;
		size_t nal;
		const char *ed;
		const char *nm = entry_names(db, kind, hits[k], &al, &nal, &ed);
		char other[512];
		co2__norm(other, sizeof other, nm);
		if (strcmp(other, key) == 0)
			return (long)hits[k];
	}
	return -1;
}

/* ---- lookup ---------------------------------------------------------------------- */

static const char *kind_word(int kind)
{
	static const char *const w[K_COUNT] = { "hardware", "provider", "region", "location",
		"instance", "constant", "equivalent" };
	return w[kind];
}

/* The argument of `co2calc list` for a kind. */
static const char *list_word(int kind)
{
	return kind == K_REGION ? "regions" : kind == K_LOCATION ? "locations"
	     : kind == K_INSTANCE ? "instances" : kind == K_PROVIDER ? "providers" : kind_word(kind);
}

typedef struct cand {
	size_t idx;
	size_t tokens;
	size_t dist;
	int numbers;  /* hardware: the name has every number of the query */
} cand;

/* Total length of the query's letter/digit runs that occur in key. */
static size_t token_hits(const char *query, const char *key)
{
	size_t hits = 0;
	const char *p = query;
	while (*p) {
		const char *s = p;
		int digit = *p >= '0' && *p <= '9';
		while (*p && ((*p >= '0' && *p <= '9') == digit))
			p++;
		char tok[64];
		size_t n = (size_t)(p - s) < sizeof tok - 1 ? (size_t)(p - s) : sizeof tok - 1;
		memcpy(tok, s, n);
		tok[n] = '\0';
		if (strstr(key, tok))
			hits += n;
	}
	return hits;
}

/* ---- tie-breaks between entries that share a lookup key ----------------------------- */

static int ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Vendors named in a string, as a bit set: a name that says "NVIDIA" must not find an
 * Intel part through the key with vendor words dropped. With first_only, stop at the
 * first vendor word (an entry's name names one vendor). */
static unsigned vendors_until(const char *s, int first_only)
{
	static const struct { const char *word; unsigned bit; } t[] = {
		{ "nvidia", 1 }, { "tesla", 1 }, { "geforce", 1 }, { "quadro", 1 },
		{ "amd", 2 }, { "radeon", 2 }, { "instinct", 2 },
		{ "intel", 4 }, { "habana", 4 }, { "google", 8 }, { "apple", 16 },
		{ "aws", 32 }, { "amazon", 32 },
	};
	/* Called for every entry when suggesting names: ASCII tests, no locale calls. */
	unsigned mask = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		while (*p && !ascii_alnum(*p))
			p++;
		char w[16];
		size_t n = 0, len = 0;
		while (ascii_alnum(*p)) {
			if (n + 1 < sizeof w)
				w[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p);
			p++, len++;
		}
		w[n] = '\0';
		if (len != n || n < 3)
			continue;
		for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
			if (w[0] == t[i].word[0] && strcmp(w, t[i].word) == 0)
				mask |= t[i].bit;
		if (mask && first_only)
			break;
	}
	return mask;
}

static unsigned vendors_in(const char *s)
{
	return vendors_until(s, 0);
}

static unsigned entry_vendors(const co2_db *db, int kind, size_t i)
{
	const char *const *al;
	size_t nal;
	const char *ed;
	/* The vendor its name gives; else those of its aliases. Read for every entry when
	 * suggesting names, so it stops as soon as it knows. */
	unsigned mask = vendors_until(entry_names(db, kind, i, &al, &nal, &ed), 1);
	for (size_t a = 0; a < nal && !mask; a++)
		mask |= vendors_until(al[a], 1);
	return mask;
}

/* Whether the entry's name, an alias or (for a region or instance) its bare code is the query as
 * written, ignoring case: "us-east-1" is AWS's, "us-east1" Google's. */
static int literal_match(const co2_db *db, int kind, size_t i, const char *query)
{
	const char *const *al;
	size_t nal;
	const char *ed;
	const char *nm = entry_names(db, kind, i, &al, &nal, &ed);
	if (strcasecmp(nm, query) == 0)
		return 1;
	const char *colon = (kind == K_REGION || kind == K_INSTANCE) ? strchr(nm, ':') : NULL;
	if (colon && strcasecmp(colon + 1, query) == 0)
		return 1;
	for (size_t a = 0; a < nal; a++)
		if (strcasecmp(al[a], query) == 0)
			return 1;
	return 0;
}

/* Whether entries i and j both have a spelling (name, alias, bare region code) whose
 * key is key and that is the same ignoring case: then no lookup can tell them apart. */
int co2__same_spelling(const co2_db *db, int kind, size_t i, size_t j, const char *key)
{
	const char *si[34], *sj[34];
	size_t ni = 0, nj = 0;
	char k2[512];
	for (int side = 0; side < 2; side++) {
		const char *const *al;
		size_t nal;
		const char *ed;
		const char *nm = entry_names(db, kind, side ? j : i, &al, &nal, &ed);
		const char **out = side ? sj : si;
		size_t *n = side ? &nj : &ni;
		const char *colon = (kind == K_REGION || kind == K_INSTANCE) ? strchr(nm, ':') : NULL;
		for (size_t a = 0; a <= nal + 1 && *n < 34; a++) {
			const char *sp = a == 0 ? nm : a <= nal ? al[a - 1] : colon ? colon + 1 : NULL;
			if (!sp)
				continue;
			co2__norm(k2, sizeof k2, sp);
			if (strcmp(k2, key) == 0)
				out[(*n)++] = sp;
		}
	}
	if (!ni || !nj)
		return 1; /* matched through another form (reduced key): count it as shared */
	for (size_t a = 0; a < ni; a++)
		for (size_t b = 0; b < nj; b++)
			if (strcasecmp(si[a], sj[b]) == 0)
				return 1;
	return 0;
}

/* Whether s contains w (lowercase letters and digits) ignoring ASCII case. */
static int contains_ci(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (; *s; s++) {
		size_t k = 0;
		while (k < n && s[k] && tolower((unsigned char)s[k]) == w[k])
			k++;
		if (k == n)
			return 1;
	}
	return n == 0;
}

/* Hardware of an edition whose name or an alias, vendor words dropped, starts with
 * every word of the query and has more: "A100" is Intel's A100 and the start of
 * "NVIDIA A100 SXM4 80GB", so it must not pick the first silently. */
static size_t longer_names(const co2_db *db, uint32_t edition, const char *query, size_t skip,
                           unsigned qvendors, size_t *out, size_t cap)
{
	char q[256], key[512];
	size_t qn = co2__norm_reduced_sep(q, sizeof q - 1, query, ' ');
	if (!qn)
		return 0;
	/* Its longest word is in every name that could match, as written (a key's words are
	 * the name's letter and digit runs, lowercased): a cheap test before normalising. */
	const char *lw = q;
	size_t lwn = 0;
	for (const char *w = q; *w;) {
		size_t k = strcspn(w, " ");
		if (k > lwn)
			lw = w, lwn = k;
		w += k + (w[k] == ' ');
	}
	char longest[256];
	memcpy(longest, lw, lwn);
	longest[lwn] = '\0';
	q[qn++] = ' ';
	q[qn] = '\0';
	size_t found = 0;
	const co2__vec *v = &db->kinds[K_HARDWARE];
	for (size_t i = 0; i < v->n; i++) {
		if (i == skip)
			continue;
		const char *const *al;
		size_t nal;
		const char *ed;
		const char *nm = entry_names(db, K_HARDWARE, i, &al, &nal, &ed);
		if (edition_index(db, ed) != edition)
			continue;
		for (size_t a = 0; a <= nal; a++) {
			const char *s = a == 0 ? nm : al[a - 1];
			if (!contains_ci(s, longest))
				continue;
			co2__norm_reduced_sep(key, sizeof key, s, ' ');
			if (strncmp(key, q, qn) == 0) {
				/* "E3-1275" is not "E3-1275 v2": the version is always printed,
				 * so a name without one is the first generation. */
				const char *rest = key + qn;
				if (rest[0] == 'v' && isdigit((unsigned char)rest[1])) {
					size_t d = 1;
					while (isdigit((unsigned char)rest[d]))
						d++;
					if (!rest[d] || rest[d] == ' ')
						break;
				}
				unsigned ev = entry_vendors(db, K_HARDWARE, i);
				if (qvendors && ev && !(qvendors & ev))
					break;
				if (found < cap)
					out[found] = i;
				found++;
				break;
			}
		}
	}
	return found;
}

/* Whether every number of the query (a run of two digits or more: "6000" of "a6000") is
 * a whole digit run of key: "rtxa6000" has the query's number, "a67000" has not. A
 * single digit says too little ("h1oo" is no "m1"): a query without a number gives 0. */
static int has_numbers(const char *query, const char *key)
{
	int any = 0;
	for (const char *p = query; *p;) {
		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		const char *s = p;
		while (*p >= '0' && *p <= '9')
			p++;
		size_t n = (size_t)(p - s);
		if (n < 2)
			continue;
		any = 1;
		int found = 0;
		for (const char *k = key; *k && !found;) {
			if (*k < '0' || *k > '9') {
				k++;
				continue;
			}
			const char *ks = k;
			while (*k >= '0' && *k <= '9')
				k++;
			found = (size_t)(k - ks) == n && memcmp(ks, s, n) == 0;
		}
		if (!found)
			return 0;
	}
	return any;
}

/* Whether candidate a ranks before b: with the query's numbers first (hardware: an
 * "A6000" is an RTX A6000 before an A6-7000), then fewer edits, then more shared runs. */
static int better(const cand *a, const cand *b)
{
	if (a->numbers != b->numbers)
		return a->numbers > b->numbers;
	if (a->dist != b->dist)
		return a->dist < b->dist;
	return a->tokens > b->tokens;
}

/* The entries whose names are closest to query (at most 3, best first); returns how
 * many, stored in out. */
static size_t suggest(const co2_db *db, int kind, uint32_t e1, uint32_t e2, const char *query,
                      size_t out[3])
{
	char q[256], key[512];
	co2__norm_reduced(q, sizeof q, query);
	if (!*q)
		co2__norm(q, sizeof q, query);
	if (!*q)
		return 0; /* only punctuation or spaces: no name is near it */
	size_t qlen = strlen(q);
	cand best[3] = { { 0, 0, (size_t)-1, 0 }, { 0, 0, (size_t)-1, 0 }, { 0, 0, (size_t)-1, 0 } };
	size_t nbest = 0;
	const co2__vec *v = &db->kinds[kind];
	unsigned qvendors = kind == K_HARDWARE ? vendors_in(query) : 0;
	for (size_t i = 0; i < v->n; i++) {
		const char *const *al;
		size_t nal;
		const char *ed;
		const char *name = entry_names(db, kind, i, &al, &nal, &ed);
		uint32_t e = edition_index(db, ed);
		if (e != e1 && e != e2)
			continue;
		if (qvendors) {
			unsigned ev = entry_vendors(db, kind, i);
			if (ev && !(ev & qvendors))
				continue;
		}
		cand c = { i, 0, (size_t)-1, 0 };
		/* The name, its aliases, and the bare code of a region or instance type or
		 * the name of a location or provider: every spelling that lookup takes. */
		const char *colon = (kind == K_REGION || kind == K_INSTANCE) ? strchr(name, ':') : NULL;
		const char *extra = colon ? colon + 1
		                  : kind == K_LOCATION ? ((const co2_location *)entry(db, kind, i))->name
		                  : kind == K_PROVIDER ? ((const co2_provider *)entry(db, kind, i))->name
		                                       : NULL;
		for (size_t a = 0; a <= nal + 1; a++) {
			const char *s = a == 0 ? name : a <= nal ? al[a - 1] : extra;
			if (!s)
				continue;
			if (kind == K_HARDWARE)
				co2__norm_reduced(key, sizeof key, s);
			else
				co2__norm(key, sizeof key, s);
			/* Hardware: a name with the query's numbers ranks first. */
			if (kind == K_HARDWARE && has_numbers(q, key))
				c.numbers = 1;
			/* Closeness: the edit distance to the whole key, or to its start (plus
			 * one) so that "H1OO" is near "h100sxm5"; shared letter and digit runs
			 * break ties. The distance is only computed as far as the third best's
			 * unless this name has numbers the third best lacks. */
			size_t limit = nbest == 3 && c.numbers <= best[2].numbers ? best[2].dist : 64;
			size_t d = co2__distance(q, key, limit);
			if (strlen(key) > qlen) {
				char start[256];
				memcpy(start, key, qlen);
				start[qlen] = '\0';
				size_t ds = co2__distance(q, start, limit) + 1;
				if (ds < d)
					d = ds;
			}
			if (nbest == 3 && c.numbers <= best[2].numbers && d > best[2].dist)
				continue;
			size_t t = token_hits(q, key);
			if (d < c.dist || (d == c.dist && t > c.tokens))
				c.tokens = t, c.dist = d;
		}
		if (c.dist > 2 + qlen / 2 && c.tokens * 2 < qlen)
			continue;
		/* No better than the third best: it would not be kept. */
		if (nbest == 3 && !better(&c, &best[2]))
			continue;
		/* Skip a second entry with the same name (another edition). */
		int dup = 0;
		for (size_t k = 0; k < nbest; k++) {
			const char *const *al2;
			size_t nal2;
			const char *ed2;
			if (strcmp(entry_names(db, kind, best[k].idx, &al2, &nal2, &ed2), name) == 0)
				dup = 1;
		}
		if (dup)
			continue;
		size_t pos = nbest;
		while (pos > 0 && better(&c, &best[pos - 1]))
			pos--;
		if (pos >= 3)
			continue;
		for (size_t k = (nbest < 3 ? nbest : 2); k > pos; k--)
			best[k] = best[k - 1];
		best[pos] = c;
		if (nbest < 3)
			nbest++;
	}
	/* Only names about as good as the best: with the query's numbers when it has them,
	 * of the best's kind (hardware: a GPU's name suggests GPUs), and about as close. */
	size_t kept = 0;
	for (size_t k = 0; k < nbest; k++) {
		if (k > 0 && best[k].numbers < best[0].numbers)
			continue;
		if (k > 0 && best[k].dist > best[0].dist + 1)
			continue;
		if (k > 0 && kind == K_HARDWARE &&
		    strcmp(((const co2_hardware *)entry(db, kind, best[k].idx))->kind,
		           ((const co2_hardware *)entry(db, kind, best[0].idx))->kind) != 0)
			continue;
		out[kept++] = best[k].idx;
	}
	return kept;
}

/* Entries of one edition whose name or an alias contains every word of the query
 * (lowercase letters and digits; vendor words dropped for hardware). Returns how many
 * (at most cap stored). */
static size_t partial_matches(const co2_db *db, int kind, uint32_t edition, const char *query,
                              size_t *out, size_t cap)
{
	char words[8][64];
	size_t nw = 0;
	char q[64];
	/* Split the query into words first, then reduce each. */
	const char *p = query;
	while (*p && nw < 8) {
		while (*p && (*p == ' ' || *p == '-' || *p == '_' || *p == '/' || *p == ','))
			p++;
		size_t n = 0;
		char raw[64];
		while (*p && !(*p == ' ' || *p == '-' || *p == '_' || *p == '/' || *p == ',') && n + 1 < sizeof raw)
			raw[n++] = *p++;
		raw[n] = '\0';
		if (!n)
			continue;
		if (kind == K_HARDWARE)
			co2__norm_reduced(q, sizeof q, raw);
		else
			co2__norm(q, sizeof q, raw);
		if (*q)
			memcpy(words[nw++], q, sizeof q);
	}
	if (nw == 0)
		return 0;
	size_t found = 0;
	const co2__vec *v = &db->kinds[kind];
	char key[512];
	unsigned qvendors = kind == K_HARDWARE ? vendors_in(query) : 0;
	for (size_t i = 0; i < v->n; i++) {
		const char *const *al;
		size_t nal;
		const char *ed;
		const char *nm = entry_names(db, kind, i, &al, &nal, &ed);
		if (edition_index(db, ed) != edition)
			continue;
		if (qvendors) {
			unsigned ev = entry_vendors(db, kind, i);
			if (ev && !(ev & qvendors))
				continue;
		}
		for (size_t a = 0; a <= nal; a++) {
			const char *s = a == 0 ? nm : al[a - 1];
			if (kind == K_HARDWARE)
				co2__norm_reduced(key, sizeof key, s);
			else
				co2__norm(key, sizeof key, s);
			size_t w;
			for (w = 0; w < nw && strstr(key, words[w]); w++)
				;
			if (w == nw) {
				if (found < cap)
					out[found] = i;
				found++;
				break;
			}
		}
	}
	return found;
}

/* The error for a name that fits several entries: the first six (of n) are listed. */
static co2_status ambiguous(const co2_db *db, int kind, const char *name, const size_t *hits,
                            size_t n, co2_error *err)
{
	char list[512] = "";
	size_t len = 0;
	for (size_t k = 0; k < n && k < 6; k++) {
		const char *const *al;
		size_t nal;
		const char *ed;
		const char *nm = entry_names(db, kind, hits[k], &al, &nal, &ed);
		int w = snprintf(list + len, sizeof list - len, "%s'%s'", k ? ", " : "", nm);
		if (w < 0 || (size_t)w >= sizeof list - len)
			break;
		len += (size_t)w;
	}
	co2__fail_field(err, CO2_ERR_AMBIGUOUS, kind_word(kind),
	                "%s '%s' is ambiguous: it matches %s%s; give the full name",
	                kind_word(kind), name, list, n > 6 ? ", ..." : "");
	for (size_t k = 0; k < n && k < CO2_MAX_SUGGESTIONS; k++) {
		const char *const *al;
		size_t nal;
		const char *ed;
		co2__error_suggest(err, entry_names(db, kind, hits[k], &al, &nal, &ed));
	}
	return CO2_ERR_AMBIGUOUS;
}

static const void *find_exact(const co2_db *db, int kind, const char *edition, const char *id);

/* ---- regions by place ------------------------------------------------------------- */

/* Whether every word of query (ASCII letter and digit runs, case ignored) is a word of
 * text. */
static int words_in(const char *query, const char *text)
{
	int any = 0;
	for (const char *q = query; *q;) {
		while (*q && !ascii_alnum((unsigned char)*q))
			q++;
		if (!*q)
			break;
		const char *qs = q;
		while (ascii_alnum((unsigned char)*q))
			q++;
		size_t qn = (size_t)(q - qs);
		any = 1;
		int found = 0;
		for (const char *t = text; *t && !found;) {
			while (*t && !ascii_alnum((unsigned char)*t))
				t++;
			const char *ts = t;
			while (ascii_alnum((unsigned char)*t))
				t++;
			found = (size_t)(t - ts) == qn && strncasecmp(ts, qs, qn) == 0;
		}
		if (!found)
			return 0;
	}
	return any;
}

static int contains_index(const size_t *list, size_t n, size_t i)
{
	for (size_t k = 0; k < n; k++)
		if (list[k] == i)
			return 1;
	return 0;
}

/* The location a region points at, in its edition or the default one; NULL when none. */
static const co2_location *region_location(const co2_db *db, const co2_region *r)
{
	return r->location ? find_exact(db, K_LOCATION, r->edition, r->location) : NULL;
}

/* Regions of an edition in the place query names: every word of it in the region's
 * name ("Germany (Frankfurt)") and its location's name taken together ("Iowa, United
 * States"), or the query the location's code or an alias ("JP", "UK"). Returns how many
 * (at most cap stored), in the data's order. */
static size_t place_matches(const co2_db *db, uint32_t edition, const char *query, size_t *out,
                            size_t cap)
{
	char q[256], k[256];
	co2__norm(q, sizeof q, query);
	if (!*q)
		return 0;
	size_t found = 0;
	const co2__vec *v = &db->kinds[K_REGION];
	for (size_t i = 0; i < v->n; i++) {
		const co2_region *r = entry(db, K_REGION, i);
		if (edition_index(db, r->edition) != edition)
			continue;
		const co2_location *l = region_location(db, r);
		char text[768];
		snprintf(text, sizeof text, "%s %s", r->name ? r->name : "", l ? l->name : "");
		int hit = words_in(query, text);
		for (size_t a = 0; l && !hit && a <= l->n_aliases; a++) {
			co2__norm(k, sizeof k, a == 0 ? l->code : l->aliases[a - 1]);
			hit = strcmp(k, q) == 0;
		}
		if (!hit)
			continue;
		if (found < cap)
			out[found] = i;
		found++;
	}
	return found;
}

/* The error for a place given as a region: the regions there as candidates (and the
 * location, when they share one, for the grid alone). */
static co2_status regions_there(const co2_db *db, const char *name, const size_t *hits, size_t n,
                                co2_error *err)
{
	char list[512] = "";
	size_t len = 0, shown = 0;
	const char *loc = ((const co2_region *)entry(db, K_REGION, hits[0]))->location;
	for (size_t k = 0; k < n; k++) {
		const co2_region *r = entry(db, K_REGION, hits[k]);
		if (!loc || !r->location || strcmp(loc, r->location) != 0)
			loc = NULL;
		if (k >= 6)
			continue;
		int w = snprintf(list + len, sizeof list - len, "%s'%s'",
		                 k == 0 ? "" : k + 1 == n ? " and " : ", ", r->id);
		if (w < 0 || (size_t)w >= sizeof list - len)
			continue;
		len += (size_t)w;
		shown++;
	}
	char grid[96] = "";
	if (loc)
		snprintf(grid, sizeof grid, "%s--location %s for its grid alone", n == 1 ? " (or " : ", or ",
		         loc);
	if (n == 1) {
		co2__fail_field(err, CO2_ERR_NOT_FOUND, "region",
		                "unknown region '%s'; did you mean %s, the region there?%s%s", name, list,
		                grid, loc ? ")" : "");
	} else {
		char more[64] = "";
		if (n > shown)
			snprintf(more, sizeof more, ", ... (%zu in all)", n);
		co2__fail_field(err, CO2_ERR_AMBIGUOUS, "region",
		                "region '%s' is a place, not a region: the regions there are %s%s; give "
		                "one%s", name, list, more, grid);
	}
	for (size_t k = 0; k < n && k < CO2_MAX_SUGGESTIONS; k++)
		co2__error_suggest(err, ((const co2_region *)entry(db, K_REGION, hits[k]))->id);
	return n == 1 ? CO2_ERR_NOT_FOUND : CO2_ERR_AMBIGUOUS;
}

static int same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether hardware entries give the very same figures, those an estimate uses (one may
 * leave the core and thread counts and power per core unknown where another gives them):
 * then the estimate is the same whichever is taken, and the caller takes the one its
 * name fits best, with that entry's source. */
static int one_chip(const co2_db *db, const uint32_t *hits, size_t n)
{
	const co2_hardware *a = entry(db, K_HARDWARE, hits[0]);
	for (size_t j = 1; j < n; j++) {
		const co2_hardware *b = entry(db, K_HARDWARE, hits[j]);
		if (!same_text(a->kind, b->kind) || a->power_w != b->power_w ||
		    !same_text(a->power_type, b->power_type) ||
		    (a->cores && b->cores && a->cores != b->cores) ||
		    (a->threads && b->threads && a->threads != b->threads) ||
		    (a->power_per_core_w != CO2_UNSET && b->power_per_core_w != CO2_UNSET &&
		     a->power_per_core_w != b->power_per_core_w) ||
		    a->power_max_w != b->power_max_w || a->memory_gb != b->memory_gb ||
		    !same_text(a->edition, b->edition) || a->uncertain != b->uncertain)
			return 0;
	}
	return 1;
}

/* How well a hardware entry fits a query (its vendors qv, its normalised key), in this
 * order: its name names a vendor the query names; the query starts with its name (normalised key), the longer the better;
 * it gives its core count. */
static size_t chip_score(const co2_db *db, uint32_t i, unsigned qv, const char *key)
{
	const co2_hardware *h = entry(db, K_HARDWARE, i);
	char k[512];
	size_t n = co2__norm(k, sizeof k, h->name);
	size_t vendor = qv && (qv & vendors_in(h->name));
	size_t prefix = n && strncmp(key, k, n) == 0 ? n : 0;
	return (vendor << 12) + 2 * prefix + (h->cores != 0);
}

/* The one hardware entry of an edition whose name or alias is spelled as name (letters
 * and digits compared), or NULL: no fuzzy matching, no suggestions. For mapping an entry
 * of a method's edition onto the project's, where a guess would be worse than none. */
const co2_hardware *co2__hardware_exact(const co2_db *db, const char *edition, const char *name)
{
	uint32_t e = edition_index(db, edition ? edition : CO2_EDITION_DEFAULT);
	if (e == UINT32_MAX || !name)
		return NULL;
	char key[512];
	co2__norm(key, sizeof key, name);
	uint32_t hits[2];
	if (index_find(db, K_HARDWARE, e, 0, key, hits, 2) != 1)
		return NULL;
	return entry(db, K_HARDWARE, hits[0]);
}

static co2_status find(const co2_db *db, int kind, const char *edition, const char *name,
                       size_t *idx, co2_error *err)
{
	const char *word = kind_word(kind);
	if (!name || !*name)
		return co2__fail_field(err, CO2_ERR_INVALID, word, "%s: a name is required", word);
	if (!edition)
		edition = CO2_EDITION_DEFAULT;
	uint32_t e1 = edition_index(db, edition);
	uint32_t e2 = edition_index(db, CO2_EDITION_DEFAULT);
	if (e1 == UINT32_MAX && strcmp(edition, CO2_EDITION_DEFAULT) != 0)
		return co2__fail_field(err, CO2_ERR_NOT_FOUND, "edition",
		                       "unknown data edition '%s' (see 'co2calc list editions')",
		                       edition);
	char key[512], red[512];
	co2__norm(key, sizeof key, name);
	co2__norm_reduced(red, sizeof red, name);
	uint32_t eds[2] = { e1, e2 };
	for (int pass = 0; pass < 2; pass++) {
		uint32_t e = eds[pass];
		if (e == UINT32_MAX || (pass == 1 && e == e1))
			continue;
		int passes = (kind == K_HARDWARE || kind == K_REGION || kind == K_LOCATION ||
		              kind == K_INSTANCE) ? 2 : 1;
		for (int reduced = 0; reduced < passes; reduced++) {
			uint32_t hits[6];
			size_t n = index_find(db, kind, e, reduced,
			                      reduced && kind == K_HARDWARE ? red : key, hits, 6);
			if (n > 6)
				n = 6 + 1; /* only the first six are stored; keep "more" known */
			size_t stored = n < 6 ? n : 6;
			if (kind == K_HARDWARE && reduced) {
				/* Drop parts of another vendor than the one the name gives. */
				unsigned qv = vendors_in(name);
				size_t k = 0;
				for (size_t j = 0; j < stored; j++) {
					unsigned ev = entry_vendors(db, kind, hits[j]);
					if (!qv || !ev || (qv & ev))
						hits[k++] = hits[j];
				}
				n = n > stored ? k + (n - stored) : k;
				stored = k;
			}
			if (n > 1 && n == stored) {
				/* The one entry spelled exactly so wins the tie. */
				size_t lit = 0, which = 0;
				for (size_t j = 0; j < stored; j++)
					if (literal_match(db, kind, hits[j], name))
						lit++, which = hits[j];
				if (lit == 1) {
					*idx = which;
					return CO2_OK;
				}
			}
			if (n == 1 && kind == K_HARDWARE && reduced) {
				size_t more[5];
				size_t m = longer_names(db, e, name, hits[0], vendors_in(name), more, 5);
				for (size_t j = 0; j < m && j < 5; j++)
					hits[1 + j] = (uint32_t)more[j];
				n += m;
				/* Longer names with the same figures ("... (OEM Only)"): the
				 * name as given is the one. */
				if (n > 1 && n <= 6 && one_chip(db, hits, n)) {
					*idx = hits[0];
					return CO2_OK;
				}
			}
			if (n == 1) {
				*idx = hits[0];
				return CO2_OK;
			}
			if (n > 1 && n == stored && kind == K_HARDWARE && one_chip(db, hits, n)) {
				/* One chip under two spellings of the source ("AMD FX-8350" and
				 * "FX-8350"): the figures are the same, so is the estimate. Take
				 * the spelling that fits the name best (chip_score), then the
				 * first. */
				unsigned qv = vendors_in(name);
				uint32_t best = hits[0];
				size_t best_score = chip_score(db, hits[0], qv, key);
				for (size_t j = 1; j < n; j++) {
					size_t sc = chip_score(db, hits[j], qv, key);
					if (sc > best_score || (sc == best_score && hits[j] < best))
						best = hits[j], best_score = sc;
				}
				*idx = best;
				return CO2_OK;
			}
			if (n > 1) {
				size_t listed[6];
				for (size_t k = 0; k < n && k < 6; k++)
					listed[k] = hits[k];
				return ambiguous(db, kind, name, listed, n, err);
			}
		}
	}
	/* Several entries containing every word of the name: ambiguous, list them. A region
	 * named by a city, state or country ("Frankfurt", "iowa", "Japan") lists the regions
	 * there instead, when they include every region the words find in the ids
	 * ("Germany": azure:germanynorth, ... and gcp:europe-west3). */
	for (int pass = 0; pass < 2; pass++) {
		uint32_t e = eds[pass];
		if (e == UINT32_MAX || (pass == 1 && e == e1))
			continue;
		size_t hits[64], places[64];
		size_t n = partial_matches(db, kind, e, name, hits, 64);
		size_t np = kind == K_REGION ? place_matches(db, e, name, places, 64) : 0;
		if (np && np <= 64 && n <= 64) {
			size_t k = 0;
			while (k < n && contains_index(places, np, hits[k]))
				k++;
			if (k == n)
				return regions_there(db, name, places, np, err);
		}
		if (n < 2)
			continue;
		return ambiguous(db, kind, name, hits, n, err);
	}
	/* Not found. The nearest names are for the message: a caller that asked for none
	 * (err NULL, a lookup that only wants to know) does not pay for the search. */
	if (!err)
		return CO2_ERR_NOT_FOUND;
	size_t near[3];
	size_t nnear = suggest(db, kind, e1, e2, name, near);
	const char *names[3];
	char sugg[600];
	size_t len = 0;
	sugg[0] = '\0';
	for (size_t k = 0; k < nnear; k++) {
		const char *const *al;
		size_t nal;
		const char *ed;
		names[k] = entry_names(db, kind, near[k], &al, &nal, &ed);
		int w = snprintf(sugg + len, sizeof sugg - len, "%s'%s'",
		                 k == 0 ? "" : k + 1 == nnear ? " or " : ", ", names[k]);
		if (w < 0 || (size_t)w >= sizeof sugg - len) {
			nnear = k; /* the message keeps what fitted; the data only whole names */
			break;
		}
		len += (size_t)w;
	}
	if (*sugg) {
		co2__fail_field(err, CO2_ERR_NOT_FOUND, word,
		                "unknown %s '%s'; did you mean %s? (see 'co2calc list %s')", word,
		                name, sugg, list_word(kind));
		for (size_t k = 0; k < nnear; k++)
			co2__error_suggest(err, names[k]);
		return CO2_ERR_NOT_FOUND;
	}
	return co2__fail_field(err, CO2_ERR_NOT_FOUND, word,
	                       "unknown %s '%s' (see 'co2calc list %s')", word, name,
	                       list_word(kind));
}

#define DEFINE_FIND(fn, type, kind)                                                     \
	co2_status fn(const type **out, const co2_db *db, const char *edition,          \
	              const char *name, co2_error *err)                                 \
	{                                                                               \
		size_t i;                                                                \
		co2_status st = find(db, kind, edition, name, &i, err);                  \
		if (st == CO2_OK)                                                        \
			*out = entry(db, kind, i);                                       \
		return st;                                                               \
	}

DEFINE_FIND(co2_db_find_hardware, co2_hardware, K_HARDWARE)
DEFINE_FIND(co2_db_find_region, co2_region, K_REGION)
DEFINE_FIND(co2_db_find_location, co2_location, K_LOCATION)
DEFINE_FIND(co2_db_find_instance, co2_instance, K_INSTANCE)
DEFINE_FIND(co2_db_find_provider, co2_provider, K_PROVIDER)

static const void *find_exact(const co2_db *db, int kind, const char *edition, const char *id)
{
	if (!id)
		return NULL;
	const char *eds[2] = { edition ? edition : CO2_EDITION_DEFAULT, CO2_EDITION_DEFAULT };
	for (int pass = 0; pass < 2; pass++) {
		long i = co2__find_same(db, kind, eds[pass], id);
		if (i >= 0)
			return entry(db, kind, (size_t)i);
	}
	return NULL;
}

const co2_provider *co2_db_provider(const co2_db *db, const char *edition, const char *id)
{
	return find_exact(db, K_PROVIDER, edition, id);
}

const co2_constant *co2_db_constant(const co2_db *db, const char *edition, const char *name)
{
	return find_exact(db, K_CONSTANT, edition, name);
}

/* ---- listings ---------------------------------------------------------------------- */

#define DEFINE_LIST(fn, type, vec)                                                      \
	const type *fn(const co2_db *db, size_t *n)                                     \
	{                                                                               \
		*n = (vec).n;                                                            \
		return (const type *)(vec).items;                                        \
	}

DEFINE_LIST(co2_db_editions, co2_edition, db->editions)
DEFINE_LIST(co2_db_hardware_list, co2_hardware, db->kinds[K_HARDWARE])
DEFINE_LIST(co2_db_providers, co2_provider, db->kinds[K_PROVIDER])
DEFINE_LIST(co2_db_regions, co2_region, db->kinds[K_REGION])
DEFINE_LIST(co2_db_locations, co2_location, db->kinds[K_LOCATION])
DEFINE_LIST(co2_db_instances, co2_instance, db->kinds[K_INSTANCE])
DEFINE_LIST(co2_db_constants, co2_constant, db->kinds[K_CONSTANT])
DEFINE_LIST(co2_db_equivalents, co2_equivalent_def, db->kinds[K_EQUIVALENT])

long co2__edition_add(co2_db *db, const co2_edition *e)
{
	uint32_t i = edition_index(db, e->id);
	if (i != UINT32_MAX)
		return (long)i;
	if (!co2__vec_push(&db->editions, e))
		return -1;
	return (long)db->editions.n - 1;
}

/* Where an entry of each kind keeps its edition and file pointers. */
static size_t edition_offset(int kind)
{
	switch (kind) {
	case K_HARDWARE: return offsetof(co2_hardware, edition);
	case K_PROVIDER: return offsetof(co2_provider, edition);
	case K_REGION: return offsetof(co2_region, edition);
	case K_LOCATION: return offsetof(co2_location, edition);
	case K_INSTANCE: return offsetof(co2_instance, edition);
	case K_CONSTANT: return offsetof(co2_constant, edition);
	default: return offsetof(co2_equivalent_def, edition);
	}
}

void co2__set_edition(int kind, void *obj, const char *edition)
{
	*(const char **)((char *)obj + edition_offset(kind)) = edition;
}

#define FILE_AFTER_EDITION(T)                                                                \
	_Static_assert(offsetof(T, file) == offsetof(T, edition) + sizeof(const char *) &&       \
	               offsetof(T, line) == offsetof(T, file) + sizeof(const char *), #T)
FILE_AFTER_EDITION(co2_hardware);
FILE_AFTER_EDITION(co2_provider);
FILE_AFTER_EDITION(co2_region);
FILE_AFTER_EDITION(co2_location);
FILE_AFTER_EDITION(co2_instance);
FILE_AFTER_EDITION(co2_constant);
FILE_AFTER_EDITION(co2_equivalent_def);

void co2__set_file(int kind, void *obj, const char *file, int line)
{
	/* In every entry struct, file follows edition, and line follows file. */
	char *at = (char *)obj + edition_offset(kind) + sizeof(const char *);
	*(const char **)at = file;
	*(int *)(at + sizeof(const char *)) = line;
}

const char *co2__entry_file(int kind, const void *obj)
{
	return *(const char *const *)((const char *)obj + edition_offset(kind) + sizeof(const char *));
}

int co2__entry_line(int kind, const void *obj)
{
	const char *at = (const char *)obj + edition_offset(kind) + 2 * sizeof(const char *);
	return *(const int *)at;
}

int co2__commit(co2_db *db, int kind, const void *obj)
{
	co2__vec *dv = &db->kinds[kind];
	const char *name = *(const char *const *)obj; /* first member: name or id */
	const char *edition = *(const char *const *)((const char *)obj + edition_offset(kind));
	long same = co2__find_same(db, kind, edition, name);
	size_t at;
	if (same >= 0) {
		if (!co2__vec_own(dv))
			return 0;
		at = (size_t)same;
		size_t file_at = edition_offset(kind) + sizeof(const char *);
		co2__replaced r = { kind, name,
			*(const char *const *)((const char *)dv->items + at * dv->size + file_at),
			*(const char *const *)((const char *)obj + file_at), co2__entry_line(kind, obj) };
		if (!co2__vec_push(&db->replaced, &r))
			return 0;
		memcpy((char *)dv->items + at * dv->size, obj, dv->size);
	} else {
		if (!co2__vec_push(dv, obj))
			return 0;
		at = dv->n - 1;
	}
	return co2__index_entry(db, kind, at);
}

int co2__add_file(co2_db *db, const char *name)
{
	return co2__vec_push(&db->files, &name);
}
