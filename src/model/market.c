/* Market-based beside location-based (the GHG Protocol's two Scope 2 methods). The
 * headline co2_kg is location-based: the grid's average intensity. The market-based
 * figure counts the contractual instruments the run's provider reports for its region
 * (Google's hourly carbon-free energy share per region) or for its whole electricity use
 * (AWS's and Microsoft's yearly renewable matching), and the share they leave uncovered at
 * the residual mix of the country where one is published, else at the location-based
 * intensity (market_basis says which). Offsets are not contractual instruments of
 * electricity and are not subtracted.
 *
 *   market_co2_kg = energy_kWh x (1 - covered_percent / 100) x uncovered g/kWh / 1000
 *
 * The figures are the co2calc edition's, whatever the method. Pure: no I/O. */
#include <string.h>

#include "model/model.h"

/* The run's region in the co2calc edition (a method's edition has no such figures). */
static const co2_region *own_region(const co2_db *db, const co2_result *res)
{
	const co2_region *r;
	if (!res->region || co2_db_find_region(&r, db, CO2_EDITION_DEFAULT, res->region, NULL) != CO2_OK)
		return NULL;
	return r;
}

/* residual_mix:CC for the country of a location code ("DE", "SE-SE3" -> "SE"). */
static const co2_constant *residual_mix(const co2_db *db, const char *location)
{
	char key[48];
	size_t n = strcspn(location, "-");
	if (n == 0 || n > 8)
		return NULL;
	memcpy(key, "residual_mix:", 13);
	memcpy(key + 13, location, n);
	key[13 + n] = '\0';
	return co2_db_constant(db, CO2_EDITION_DEFAULT, key);
}

/* The factor the estimate used for the intensity (its source). */
static const co2_factor *intensity_factor(const co2_result *res)
{
	for (size_t i = 0; i < res->n_factors; i++)
		if (strcmp(res->factors[i].name, "carbon intensity") == 0)
			return &res->factors[i];
	return NULL;
}

co2_status co2__market(const co2_db *db, co2_result *res, co2_error *err)
{
	(void)err;
	co2_market_basis *m = &res->market_basis;
	memset(m, 0, sizeof *m);
	res->market_co2_kg = CO2_UNSET;
	const co2_region *region = own_region(db, res);
	if (!region)
		return CO2_OK;
	const co2_provider *prov = co2_db_provider(db, CO2_EDITION_DEFAULT, region->provider);
	if (region->cfe_percent != CO2_UNSET) {
		m->covered_percent = region->cfe_percent;
		m->source = region->cfe_source;
		m->year = region->cfe_year;
		m->covers = "the provider's hourly carbon-free energy share of the region";
	} else if (prov && prov->renewable_match_percent != CO2_UNSET) {
		m->covered_percent = prov->renewable_match_percent;
		m->source = prov->renewable_match_source;
		m->year = prov->renewable_match_year;
		m->covers = "the provider's yearly renewable energy matching";
	} else {
		return CO2_OK;
	}
	const co2_constant *rm = res->location ? residual_mix(db, res->location) : NULL;
	if (rm) {
		m->uncovered_g_per_kwh = rm->value;
		m->uncovered_basis = "residual mix";
		m->uncovered_source = rm->source;
		m->uncovered_year = rm->year;
	} else {
		const co2_factor *f = intensity_factor(res);
		m->uncovered_g_per_kwh = res->intensity_g_per_kwh;
		m->uncovered_basis = "location-based intensity: no residual mix in the data";
		m->uncovered_source = f ? f->source : NULL;
		m->uncovered_year = f ? f->year : 0;
	}
	res->market_co2_kg = res->energy_kwh * (1.0 - m->covered_percent / 100.0) *
	                     m->uncovered_g_per_kwh / 1000.0;
	return CO2_OK;
}
