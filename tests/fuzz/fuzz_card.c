/* libFuzzer target: putting the co2_eq_emissions block into a model card. A card that
 * was updated once must update again to the very same bytes (the edit is stable and
 * only ever touches the block). */
#include <string.h>

#include "fuzz.h"

static const char block[] =
	"co2_eq_emissions:\n"
	"  emissions: 47520\n"
	"  source: \"co2calc\"\n"
	"  training_type: \"pre-training\"\n"
	"  geographical_location: \"Changhua County, Taiwan\"\n"
	"  hardware_used: \"4 x TPU v2\"\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co2_error err;
	char *once = NULL, *twice = NULL;
	size_t n1 = 0, n2 = 0;
	co2_card_change c1, c2;
	if (co2_card_update(&once, &n1, &c1, "README.md", (const char *)data, size, block, &err) != CO2_OK)
		return 0;
	if (co2_card_update(&twice, &n2, &c2, "README.md", once, n1, block, &err) != CO2_OK)
		__builtin_trap(); /* our own output must be accepted */
	if (c2 != CO2_CARD_REPLACED || n1 != n2 || memcmp(once, twice, n1) != 0)
		__builtin_trap();
	if (c1 == CO2_CARD_REPLACED && n1 == 0)
		__builtin_trap();
	co2_free(once);
	co2_free(twice);
	return 0;
}
