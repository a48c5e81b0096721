/* The data compiled into the library. At build time co2_snapshot loads the YAML files of data/
 * with this same loader and checks, and writes the result as C initialisers; here the
 * entries are copied into the database and indexed, with no YAML to parse at start-up. */
#include <stdlib.h>
#include <string.h>

#include "data/db_internal.h"
#include "data/snapshot.h"

_Static_assert(K_COUNT == 7, "snapshot.h holds one array per kind");

size_t co2_builtin_count(void)
{
	return co2__builtin_snapshot.n_files;
}

const char *co2_builtin_name(size_t i)
{
	return i < co2__builtin_snapshot.n_files ? co2__builtin_snapshot.files[i] : NULL;
}

static int db_is_empty(const co2_db *db)
{
	if (db->editions.n || db->files.n || db->used_slots)
		return 0;
	for (int k = 0; k < K_COUNT; k++)
		if (db->kinds[k].n)
			return 0;
	return 1;
}

co2_status co2_db_load_builtin(co2_db *db, co2_error *err)
{
	const co2__snapshot *s = &co2__builtin_snapshot;
	if (db_is_empty(db)) {
		/* The common case: borrow the snapshot's arrays and index as they are; they
		 * are copied only if another file is loaded on top. */
		for (int kind = 0; kind < K_COUNT; kind++) {
			db->kinds[kind].items = (void *)s->items[kind];
			db->kinds[kind].n = s->counts[kind];
			db->kinds[kind].cap = 0;
		}
		db->editions.items = (void *)s->editions;
		db->editions.n = s->n_editions;
		db->files.items = (void *)s->files;
		db->files.n = s->n_files;
		free(db->slots);
		db->slots = (co2__slot *)s->slots;
		db->nslots = s->nslots;
		db->used_slots = s->used_slots;
		db->slots_static = 1;
		return CO2_OK;
	}
	for (size_t i = 0; i < s->n_editions; i++)
		if (co2__edition_add(db, &s->editions[i]) < 0)
			return co2__fail(err, CO2_ERR_NOMEM, "out of memory loading the built-in data");
	for (int kind = 0; kind < K_COUNT; kind++) {
		const char *items = s->items[kind];
		for (size_t i = 0; i < s->counts[kind]; i++)
			if (!co2__commit(db, kind, items + i * db->kinds[kind].size))
				return co2__fail(err, CO2_ERR_NOMEM, "out of memory loading the built-in data");
	}
	for (size_t i = 0; i < s->n_files; i++)
		if (!co2__add_file(db, s->files[i]))
			return co2__fail(err, CO2_ERR_NOMEM, "out of memory loading the built-in data");
	return CO2_OK;
}

co2_status co2_db_open_default(co2_db **out, co2_error *err)
{
	co2_db *db = NULL;
	co2_status st = co2_db_new(&db, err);
	if (st != CO2_OK)
		return st;
	st = co2_db_load_builtin(db, err);
	if (st != CO2_OK) {
		co2_db_close(db);
		return st;
	}
	*out = db;
	return CO2_OK;
}
