/* The data compiled into the library (generated embedded_data.c), parsed like any file. */
#include <string.h>

#include "data/db_internal.h"

struct co2_embedded {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct co2_embedded co2_embedded_files[];
extern const size_t co2_embedded_count;

size_t co2_builtin_count(void)
{
	return co2_embedded_count;
}

const char *co2_builtin_name(size_t i)
{
	return i < co2_embedded_count ? co2_embedded_files[i].name : NULL;
}

const unsigned char *co2_builtin_data(size_t i, size_t *len)
{
	if (i >= co2_embedded_count)
		return NULL;
	if (len)
		*len = co2_embedded_files[i].len;
	return co2_embedded_files[i].data;
}

co2_status co2_db_load_builtin(co2_db *db, co2_error *err)
{
	for (size_t i = 0; i < co2_embedded_count; i++) {
		const struct co2_embedded *f = &co2_embedded_files[i];
		co2_status st = co2_db_load_buffer(db, f->name, (const char *)f->data, f->len, err);
		if (st != CO2_OK)
			return st;
	}
	return CO2_OK;
}
