/* The built-in data as the build-time loader left it (generated snapshot.c). */
#ifndef CO2_SNAPSHOT_H
#define CO2_SNAPSHOT_H

#include "data/db_internal.h"

typedef struct co2__snapshot {
	const co2_edition *editions;
	size_t n_editions;
	const void *items[7];   /* one array per kind, in co2__kind order */
	size_t counts[7];
	const char *const *files;
	size_t n_files;
	const co2__slot *slots;  /* the name index, as built at build time */
	size_t nslots, used_slots;
} co2__snapshot;

extern const co2__snapshot co2__builtin_snapshot;

#endif
