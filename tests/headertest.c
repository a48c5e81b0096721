/* Every public header compiles alone under -std=c11 -pedantic. */
#include "co2calc/common.h"
#include "co2calc/version.h"
#include "co2calc/db.h"
#include "co2calc/estimate.h"
#include "co2calc/whatif.h"
#include "co2calc/spec.h"
#include "co2calc/report.h"
#include "co2calc/card.h"
#include "co2calc/sacct.h"
#include "co2calc/batch.h"
#include "co2calc/api.h"
#include "co2calc/co2calc.h"

int co2_headertest_dummy(void);
int co2_headertest_dummy(void)
{
	return CO2_OK;
}
