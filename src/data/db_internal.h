/* The database's private layout (src/data only). */
#ifndef CO2_DB_INTERNAL_H
#define CO2_DB_INTERNAL_H

#include <stdint.h>
#include "base/base.h"
#include "co2calc/db.h"

typedef enum co2__kind {
	K_HARDWARE = 0, K_PROVIDER, K_REGION, K_LOCATION, K_INSTANCE, K_CONSTANT,
	K_EQUIVALENT, K_COUNT
} co2__kind;

typedef struct co2__vec {
	void *items;
	size_t n, cap, size;
} co2__vec;

typedef struct co2__slot {
	const char *key;     /* normalised name; NULL when the slot is empty */
	uint32_t hash;
	uint16_t kind;
	uint16_t reduced;    /* 1 for a key with vendor words dropped */
	uint32_t edition;    /* index into editions */
	uint32_t idx;        /* index into the kind's vector */
} co2__slot;

typedef struct co2__block {
	struct co2__block *next;
	size_t used, cap;
	_Alignas(max_align_t) char data[];
} co2__block;

/* An entry that a later file replaced (same kind, edition and name). */
typedef struct co2__replaced {
	int kind;
	const char *name, *old_file, *new_file;
	int new_line;
} co2__replaced;

struct co2_db {
	co2__block *arena;
	co2__vec editions;   /* co2_edition */
	co2__vec kinds[K_COUNT];
	co2__vec files;      /* const char * */
	co2__vec replaced;   /* co2__replaced, for `data check` */
	co2__slot *slots;
	size_t nslots, used_slots;
	int slots_static;    /* slots point into the built-in snapshot (read-only) */
};

void *co2__arena_alloc(co2_db *db, size_t size);
const char *co2__arena_strdup(co2_db *db, const char *s);
int co2__vec_push(co2__vec *v, const void *item);
/* A vector whose items are borrowed (cap 0) gets its own copy; 0 on out-of-memory. */
int co2__vec_own(co2__vec *v);
/* Index a committed entry under its name and aliases; 0 on out-of-memory. */
int co2__index_entry(co2_db *db, int kind, size_t i);
/* Index of the entry with this exact (normalised) name in an edition, or -1. */
long co2__find_same(const co2_db *db, int kind, const char *edition, const char *name);
/* Set an entry's edition / file pointer. */
void co2__set_edition(int kind, void *obj, const char *edition);
void co2__set_file(int kind, void *obj, const char *file, int line);
/* The file of an entry, and its line there (0 when unknown). */
const char *co2__entry_file(int kind, const void *obj);
int co2__entry_line(int kind, const void *obj);
/* Add an entry, replacing one of the same name and edition; 0 on out-of-memory. */
int co2__commit(co2_db *db, int kind, const void *obj);
/* Record a loaded file's name (not copied). */
int co2__add_file(co2_db *db, const char *name);
/* Whether entries i and j of a kind share a spelling of this lookup key (ignoring
 * case), so that no lookup can tell them apart. */
int co2__same_spelling(const co2_db *db, int kind, size_t i, size_t j, const char *key);
/* Index of an edition by id, adding it when absent; -1 on out-of-memory. */
long co2__edition_add(co2_db *db, const co2_edition *e);

/* The one hardware entry of an edition spelled exactly as name (or an alias), or NULL;
 * no fuzzy matching (see db.c). */
const co2_hardware *co2__hardware_exact(const co2_db *db, const char *edition, const char *name);

#endif
