/* libFuzzer target: the YAML data-file loader, then lookups and checks on the result. */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co2_db *db;
	co2_error err;
	if (co2_db_new(&db, &err) != CO2_OK)
		return 0;
	if (co2_db_load_buffer(db, "fuzz.yaml", (const char *)data, size, &err) == CO2_OK) {
		co2_db_check(db, NULL, NULL);
		size_t n;
		const co2_hardware *h = co2_db_hardware_list(db, &n);
		const co2_hardware *found;
		for (size_t i = 0; i < n && i < 8; i++)
			co2_db_find_hardware(&found, db, h[i].edition, h[i].name, &err);
		/* Load the same file again: every entry is replaced, none added. */
		co2_db_load_buffer(db, "fuzz2.yaml", (const char *)data, size, &err);
	}
	co2_db_close(db);
	return 0;
}
