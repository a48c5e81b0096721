/* src/base/duration.c: durations as people and Slurm write them, in hours. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

static const struct { const char *text; double hours; } good[] = {
	{ "72", 72 }, { "1.5", 1.5 }, { "82_432", 82432 }, { "82 432", 82432 }, { "1e3", 1000 },
	{ "3d", 72 }, { "72h", 72 }, { "90m", 1.5 }, { "1.5d", 36 }, { "1w", 168 },
	{ "2d12h", 60 }, { "2d 12h", 60 }, { "1h30m", 1.5 }, { "1h 30m", 1.5 }, { "36s", 0.01 },
	{ ".5d", 12 }, { "3D", 72 }, { "72H", 72 }, { "3 days", 72 }, { "1 day", 24 },
	{ "2 weeks", 336 }, { "90 minutes", 1.5 }, { "1hr", 1 }, { "2hrs 30min", 2.5 },
	{ "1w1d1h1m1s", 168 + 24 + 1 + 1.0 / 60 + 1.0 / 3600 },
	/* Slurm */
	{ "3-00:00:00", 72 }, { "72:00:00", 72 }, { "1:30:00", 1.5 }, { "00:00:36", 0.01 },
	{ "100:00:00", 100 }, { "0-00:01:30", 0.025 }, { "3-12", 84 }, { "3-12:30", 84.5 },
	{ "00:00:18.000", 0.005 }, { "1-1:1:1", 25 + 1.0 / 60 + 1.0 / 3600 },
};

START_TEST(durations_people_and_slurm_write_are_read_in_hours)
{
	double h = -1;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_parse_duration_hours(&h, good[_i].text, "hours", &err) == CO2_OK,
	              "'%s' refused: %s", good[_i].text, err.message);
	ck_assert_msg(fabs(h - good[_i].hours) <= 1e-12 * good[_i].hours,
	              "'%s' = %.17g h, expected %.17g", good[_i].text, h, good[_i].hours);
}
END_TEST

/* Refused, with a message that names the field and says what to write. */
static const struct { const char *text, *message; } bad[] = {
	{ "ten", "hours: expected a finite number (like 96 or 1.5), got 'ten' (durations work "
	         "too: 3d, 72h, 90m, 1.5d, 1w, 2d12h, 3-00:00:00 or 72:00:00)" },
	{ "", "hours: expected a finite number (like 96 or 1.5), got '' (durations work too: 3d, "
	      "72h, 90m, 1.5d, 1w, 2d12h, 3-00:00:00 or 72:00:00)" },
	{ "12:30", "hours: '12:30' is ambiguous (Slurm reads MM:SS): write 12:30:00 or 12h30m for "
	           "hours and minutes, 0:12:30 for minutes and seconds" },
	{ "2h3d", "hours: '2h3d': give the units from the largest down, each once (like 2d12h or "
	          "1h30m)" },
	{ "1h2h", "hours: '1h2h': give the units from the largest down, each once (like 2d12h or "
	          "1h30m)" },
	{ "3-24:00:00", "hours: '3-24:00:00': minutes and seconds go up to 59, and hours up to 23 "
	                "after a day (like 3-00:00:00 or 72:00:00)" },
	{ "1:60:00", "hours: '1:60:00': minutes and seconds go up to 59, and hours up to 23 after a "
	             "day (like 3-00:00:00 or 72:00:00)" },
	{ "1,5", "hours: expected a finite number (like 96 or 1.5), got '1,5': write 1.5 (a '.' "
	         "marks decimals)" },
	{ "1,500", "hours: expected a finite number (like 96 or 1.5), got '1,500': write 1500 or "
	           "1.5 (a comma may group thousands or mark decimals)" },
};

START_TEST(a_duration_that_cannot_be_read_names_the_field_and_the_forms)
{
	double h = 7;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_parse_duration_hours(&h, bad[_i].text, "hours", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, bad[_i].message);
	ck_assert_str_eq(err.field, "hours");
	ck_assert_double_eq(h, 7);
}
END_TEST

/* Neither a number nor a duration; all refused without a crash or a partial value. */
static const char *const junk[] = {
	"-3d", "3d ", " 3d", "d", "3x", "3 d 2", "1h30", "2d  12h", "1.5.2h", "1e3h", "3dd",
	"3-", "-00:00:00", "3-1:00:00:00", "1:2:3:4", "1::00", "1:00:", "1:00:00.", "3-123",
	"2024-01-01", "1:5:00x", "inf", "nan", "0x10h",
	("99999999999999999999999999999999999999999" "999999999999999999999999999999w"), ":", "h",
};

START_TEST(junk_is_refused_without_writing)
{
	double h = 7;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_msg(co2_parse_duration_hours(&h, junk[_i], "device-hours", &err) == CO2_ERR_INVALID,
	              "'%s' accepted as %.17g", junk[_i], h);
	ck_assert_double_eq(h, 7);
	ck_assert_str_eq(err.field, "device-hours");
	ck_assert_ptr_nonnull(strstr(err.message, "device-hours"));
}
END_TEST

START_TEST(a_null_text_and_a_null_field_are_refused_by_name)
{
	double h = 7;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_parse_duration_hours(&h, NULL, NULL, &err), CO2_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err.message, "duration: expected"));
	ck_assert_int_eq(co2_parse_duration_hours(&h, "3x", "hours", NULL), CO2_ERR_INVALID);
	/* A plain number is read as co2_parse_double reads it: negative is the caller's call. */
	ck_assert_int_eq(co2_parse_duration_hours(&h, "-2", "hours", &err), CO2_OK);
	ck_assert_double_eq(h, -2);
	ck_assert_int_eq(co2_parse_duration_hours(&h, "0d", "hours", &err), CO2_OK);
	ck_assert_double_eq(h, 0);
	ck_assert_int_eq(signbit(h), 0);
}
END_TEST

START_TEST(durations_read_the_same_under_a_comma_locale)
{
	if (!setlocale(LC_ALL, "de_DE.UTF-8") && !setlocale(LC_ALL, "fr_FR.UTF-8"))
		return; /* no comma locale here: nothing to show */
	double h = 0;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_parse_duration_hours(&h, "1.5d", "hours", &err), CO2_OK);
	ck_assert_double_eq(h, 36);
	ck_assert_int_eq(co2_parse_duration_hours(&h, "00:00:18.000", "hours", &err), CO2_OK);
	ck_assert_double_eq_tol(h, 0.005, 1e-15);
	ck_assert_int_eq(co2_parse_duration_hours(&h, "1,5d", "hours", &err), CO2_ERR_INVALID);
	setlocale(LC_ALL, "C");
}
END_TEST

static Suite *duration_suite(void)
{
	Suite *s = suite_create("duration");
	TCase *t = tcase_create("duration");
	tcase_add_loop_test(t, durations_people_and_slurm_write_are_read_in_hours, 0,
	                    (int)(sizeof good / sizeof good[0]));
	tcase_add_loop_test(t, a_duration_that_cannot_be_read_names_the_field_and_the_forms, 0,
	                    (int)(sizeof bad / sizeof bad[0]));
	tcase_add_loop_test(t, junk_is_refused_without_writing, 0, (int)(sizeof junk / sizeof junk[0]));
	tcase_add_test(t, a_null_text_and_a_null_field_are_refused_by_name);
	tcase_add_test(t, durations_read_the_same_under_a_comma_locale);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(duration_suite)
