/* libFuzzer target: name lookup (normalisation, ambiguity, suggestions) over all data. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co2_error err;
	const co2_db *db = fuzz_db();
	if (!db)
		return 0;
	if (size > 4096)
		return 0;
	char *name = malloc(size + 1);
	if (!name)
		return 0;
	memcpy(name, data, size);
	name[size] = '\0';
	const co2_hardware *h;
	const co2_region *r;
	const co2_location *l;
	const co2_instance *i;
	static const char *const editions[] = { NULL, "mlco2-impact", "green-algorithms-3.0", "nope" };
	const char *ed = editions[size % 4];
	co2_db_find_hardware(&h, db, ed, name, &err);
	co2_db_find_region(&r, db, ed, name, &err);
	co2_db_find_location(&l, db, ed, name, &err);
	co2_db_find_instance(&i, db, ed, name, &err);
	free(name);
	return 0;
}
