/* Pieces shared by the report writers (report*.c, card.c). Not installed. The writers
 * of single formats (report_paper.c, card.c) use only report_common.c and report_json.c;
 * report.c dispatches to them. */
#ifndef CO2_REPORT_INTERNAL_H
#define CO2_REPORT_INTERNAL_H

#include "formats/formats.h"

/* A figure for people: 2 decimals from 1 up ("47.52"), 3 significant digits below 1
 * ("0.0238"), so that a small figure keeps its digits. */
const char *co2__human(char buf[32], double v);
/* ML CO2 Impact rounds its energy and CO2eq to 2 decimals, which below 1 hides digits
 * (0.02 kg for 0.0195): for such a result, its figures before that rounding (and before
 * the intensity's) and 1; else 0. The reports print them beside the method's. */
int co2__mlco2_unrounded(const co2_result *r, double *energy_kwh, double *co2_kg);
/* "ML CO2 Impact (Lacoste et al. 2019)", ... */
const char *co2__method_title(co2_method m);
/* The place of the run's region ("Taiwan (Changhua County)") or location, or NULL. */
const char *co2__result_place(const co2_result *r, const co2_db *db);
/* Whether the run's declared location is not its region's (--region aws:us-east-1
 * --location FR): the grid as given decides the intensity, not the region's. Needs the
 * database (0 without). */
int co2__declared_grid(const co2_result *r, const co2_db *db);
/* Where the run was, for people: "Google Cloud Platform asia-east1, Taiwan (Changhua
 * County)", "France", or nothing when only an intensity was declared. */
void co2__put_where(co2__buf *b, const co2_result *r, const co2_db *db);
/* The hardware, for people: "4 x TPUv2 Chip", "8 cores of Xeon Gold 6148". */
void co2__put_hardware(co2__buf *b, const co2_result *r);
/* Grams of CO2eq as the model card prints them: 2 decimals from 1 g up, 3 significant
 * digits below. */
double co2__card_grams(double kg);
/* The steps of the calculation (explain.c), as --explain writes them in text and JSON:
 * each numbered step of the formula, and the lines under a step (detail 1: the energy of
 * a part, ML CO2 Impact's rounding, the figure per device), in order. value is the
 * step's figure in unit (unrounded; text shows it rounded); source the factor it uses,
 * or NULL. */
#define CO2__MAX_STEPS 40
typedef struct co2__step {
	int number;      /* the step's number (1, 2, ...); a detail line has its step's */
	int detail;
	char text[512];  /* without the number */
	double value;
	const char *unit;
	const co2_factor *source;
} co2__step;
typedef struct co2__steps {
	co2__step s[CO2__MAX_STEPS];
	size_t n;
} co2__steps;
void co2__explain_steps(co2__steps *out, const co2_result *r);
/* A step's source as one text: "note; source, year". */
void co2__put_step_source(co2__buf *b, const co2_factor *f);

/* The JSON object of one result (report_json.c). With run (NULL for a comparison's
 * scenarios), it opens with the run's name and training type (null when not given); with steps (NULL: none),
 * it closes with them (--explain). */
void co2__json_result(co2__buf *b, const co2_result *r, const co2_run *run,
                      const co2__steps *steps);

/* An end of a range, for people: 2 significant digits ("40", "0.0084"). */
const char *co2__range_end(char buf[32], double v);
/* Whether a range is wider than its central point. */
int co2__has_range(const co2_range *r);
/* " (likely LOW to HIGH UNIT)", or nothing when the range is a point. */
void co2__put_likely(co2__buf *b, const co2_range *r, const char *unit);

/* The writers of report_paper.c, one per format. */
void co2__latex_report(co2__buf *b, const co2_result *r, const co2_run *run, const co2_db *db);
void co2__markdown_report(co2__buf *b, const co2_result *r, const co2_run *run, const co2_db *db);
void co2__yaml_report(co2__buf *b, const co2_result *r, const co2_run *run, const co2_db *db);
void co2__csv_report(co2__buf *b, const co2_result *r, const co2_run *run, const co2_db *db);

#endif
