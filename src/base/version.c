#include "co2calc/version.h"

const char *co2_version(void)
{
	return CO2_VERSION_STRING;
}
