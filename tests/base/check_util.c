/* src/core/util.c: status names, error detail, strict numbers, rounding, printing for
 * machines and for people, name normalisation and the growable string buffer. */
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"
#include "base/base.h"

/* ---- status and errors ------------------------------------------------------------ */

static const struct { co2_status st; const char *name; } status_names[] = {
	{ CO2_OK, "ok" },
	{ CO2_ERR_INVALID, "invalid value" },
	{ CO2_ERR_NOT_FOUND, "not found" },
	{ CO2_ERR_AMBIGUOUS, "ambiguous name" },
	{ CO2_ERR_PARSE, "parse error" },
	{ CO2_ERR_IO, "input/output error" },
	{ CO2_ERR_NOMEM, "out of memory" },
	{ CO2_ERR_SCHEMA, "unsupported schema" },
	{ CO2_ERR_UNSUPPORTED, "not supported by this build" },
	{ (co2_status)42, "unknown status" },
	{ (co2_status)9, "unknown status" },
};

START_TEST(every_status_has_a_short_english_name)
{
	ck_assert_str_eq(co2_status_str(status_names[_i].st), status_names[_i].name);
}
END_TEST

START_TEST(errors_record_message_field_and_position_and_accept_null)
{
	co2_error err;
	co2_error_clear(&err);
	co2_error_clear(NULL);
	ck_assert_int_eq(co2__fail(NULL, CO2_ERR_PARSE, "ignored %d", 1), CO2_ERR_PARSE);
	ck_assert_int_eq(co2__fail_field(NULL, CO2_ERR_INVALID, "f", "ignored"), CO2_ERR_INVALID);
	co2__error_at(NULL, "x.yaml", 3, 4); /* no error to fill: nothing happens */

	ck_assert_int_eq(co2__fail_field(&err, CO2_ERR_INVALID, "hours", "hours: %s", "bad"), CO2_ERR_INVALID);
	ck_assert_int_eq(err.status, CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "hours: bad");
	ck_assert_str_eq(err.field, "hours");
	co2__error_at(&err, "run.yaml", 7, 12);
	ck_assert_str_eq(err.file, "run.yaml");
	ck_assert_int_eq(err.line, 7);
	ck_assert_int_eq(err.column, 12);
	/* A new failure forgets the old field and position. */
	ck_assert_int_eq(co2__fail(&err, CO2_ERR_NOT_FOUND, "no %s", "such thing"), CO2_ERR_NOT_FOUND);
	ck_assert_str_eq(err.message, "no such thing");
	ck_assert_str_eq(err.field, "");
	ck_assert_str_eq(err.file, "");
	ck_assert_int_eq(err.line, 0);
	ck_assert_int_eq(err.column, 0);
	co2__fail_field(&err, CO2_ERR_INVALID, NULL, "m");
	ck_assert_str_eq(err.field, "");
	co2__error_at(&err, NULL, 1, 1);
	ck_assert_str_eq(err.file, "");
	ck_assert_int_eq(err.line, 1);
}
END_TEST

START_TEST(suggestions_are_kept_once_up_to_the_limit_and_cleared_by_a_new_failure)
{
	co2_error err;
	co2_error_clear(&err);
	co2__error_suggest(NULL, "x"); /* no error: nothing happens */
	co2__fail_field(&err, CO2_ERR_INVALID, "k", "unknown key 'cnt'; did you mean 'count'?");
	ck_assert_uint_eq(err.n_suggestions, 0);
	co2__error_suggest(&err, "count");
	co2__error_suggest(&err, "count"); /* once */
	co2__error_suggest(&err, NULL);
	ck_assert_uint_eq(err.n_suggestions, 1);
	ck_assert_str_eq(err.suggestions[0], "count");
	char longname[300];
	memset(longname, 'n', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	co2__error_suggest(&err, longname);
	ck_assert_uint_eq(strlen(err.suggestions[1]), sizeof err.suggestions[1] - 1);
	co2__error_suggest(&err, "c");
	co2__error_suggest(&err, "d");
	co2__error_suggest(&err, "e"); /* past CO2_MAX_SUGGESTIONS: dropped */
	ck_assert_uint_eq(err.n_suggestions, CO2_MAX_SUGGESTIONS);
	ck_assert_str_eq(err.suggestions[3], "d");
	/* An error wrapping another keeps its suggestions. */
	co2_error outer;
	co2__fail(&outer, CO2_ERR_INVALID, "partition 'p': %s", err.message);
	co2__error_suggest_from(&outer, &err);
	ck_assert_uint_eq(outer.n_suggestions, CO2_MAX_SUGGESTIONS);
	ck_assert_str_eq(outer.suggestions[0], "count");
	/* A new failure, and co2_error_clear, forget them. */
	co2__fail(&err, CO2_ERR_PARSE, "other");
	ck_assert_uint_eq(err.n_suggestions, 0);
	ck_assert_str_eq(err.suggestions[0], "");
	co2__error_suggest(&outer, "x");
	co2_error_clear(&outer);
	ck_assert_uint_eq(outer.n_suggestions, 0);
	ck_assert_str_eq(err.message, "other");
}
END_TEST

START_TEST(a_prefix_goes_in_front_of_the_message_and_both_are_cut_to_fit)
{
	co2_error err;
	co2_error_clear(&err);
	co2__error_prefix(NULL, "x: "); /* accepted */
	co2__fail(&err, CO2_ERR_PARSE, "bad value");
	co2__error_prefix(&err, "run.yaml:3:9: ");
	ck_assert_str_eq(err.message, "run.yaml:3:9: bad value");

	/* Message and prefix together longer than the message: the end of the message goes. */
	char long_msg[1000];
	memset(long_msg, 'm', sizeof long_msg - 1);
	long_msg[sizeof long_msg - 1] = '\0';
	co2__fail(&err, CO2_ERR_PARSE, "%s", long_msg);
	ck_assert_uint_eq(strlen(err.message), sizeof err.message - 1);
	co2__error_prefix(&err, "pre: ");
	ck_assert_uint_eq(strlen(err.message), sizeof err.message - 1);
	ck_assert_int_eq(strncmp(err.message, "pre: mmm", 8), 0);
	ck_assert_int_eq(err.message[sizeof err.message - 2], 'm');

	/* A prefix longer than the message itself: only the prefix, cut. */
	char long_prefix[1000];
	memset(long_prefix, 'p', sizeof long_prefix - 1);
	long_prefix[sizeof long_prefix - 1] = '\0';
	co2__fail(&err, CO2_ERR_PARSE, "lost");
	co2__error_prefix(&err, long_prefix);
	ck_assert_uint_eq(strlen(err.message), sizeof err.message - 1);
	ck_assert_ptr_null(strchr(err.message, 'l'));
	ck_assert_int_eq(err.message[0], 'p');
}
END_TEST

START_TEST(offsets_become_one_based_lines_and_columns)
{
	const char *text = "ab\ncd\n\nef";
	int line = 0, col = 0;
	co2__offset_position(text, strlen(text), 0, &line, &col);
	ck_assert_int_eq(line, 1);
	ck_assert_int_eq(col, 1);
	co2__offset_position(text, strlen(text), 4, &line, &col); /* 'd' */
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 2);
	co2__offset_position(text, strlen(text), 7, &line, &col); /* 'e' after the empty line */
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(col, 1);
	/* An offset past the end stops at the end: line 4, after "ef". */
	co2__offset_position(text, strlen(text), 100, &line, &col);
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(col, 3);
}
END_TEST

/* ---- numbers ----------------------------------------------------------------------- */

typedef struct num_case {
	const char *text;
	int ok;
	double value;
} num_case;

static const num_case numbers[] = {
	{ "96", 1, 96 }, { "1.5", 1, 1.5 }, { "+2", 1, 2 }, { "-0.25", 1, -0.25 }, { ".5", 1, 0.5 },
	{ "5.", 1, 5 }, { "1e3", 1, 1000 }, { "2.5E-2", 1, 0.025 }, { "1e+2", 1, 100 },
	{ "", 0, 0 }, { ".", 0, 0 }, { "-", 0, 0 }, { "e5", 0, 0 }, { "1e", 0, 0 }, { "1e+", 0, 0 },
	{ "0x10", 0, 0 }, { " 1", 0, 0 }, { "1 ", 0, 0 }, { "1,5", 0, 0 }, { "inf", 0, 0 },
	{ "nan", 0, 0 }, { "1e999", 0, 0 }, { "1.2.3", 0, 0 },
};

START_TEST(numbers_follow_a_strict_grammar)
{
	const num_case *c = &numbers[_i];
	double v = -12345;
	int ok = co2__strtod(c->text, &v);
	ck_assert_msg(ok == c->ok, "'%s': %s", c->text, ok ? "accepted" : "refused");
	if (c->ok)
		ck_assert_msg(v == c->value, "'%s' = %.17g, expected %.17g", c->text, v, c->value);
	else
		ck_assert_msg(v == -12345, "'%s' refused but wrote %.17g", c->text, v);
}
END_TEST

START_TEST(parse_double_names_the_field_and_null_is_no_number)
{
	double v = 7;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2__strtod(NULL, &v), 0);
	ck_assert_int_eq(co2_parse_double(&v, NULL, NULL, &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "value: expected a finite number (like 96 or 1.5), got ''");
	ck_assert_str_eq(err.field, "");
	ck_assert_int_eq(co2_parse_double(&v, "12h", "hours", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, "hours: expected a finite number (like 96 or 1.5), got '12h'");
	ck_assert_str_eq(err.field, "hours");
	ck_assert_double_eq(v, 7);
	ck_assert_int_eq(co2_parse_double(&v, "-0", "x", &err), CO2_OK);
	ck_assert_double_eq(v, 0);
	ck_assert_int_eq(signbit(v), 0); /* no negative zero */
}
END_TEST

/* Digit groups as people write them: three digits after each '_' or ' ', one kind. */
static const num_case grouped[] = {
	{ "82_432", 1, 82432 }, { "82 432", 1, 82432 }, { "1_000_000", 1, 1e6 },
	{ "1 000 000.5", 1, 1000000.5 }, { "-1_500", 1, -1500 }, { "+999_999e-3", 1, 999.999 },
	{ "96", 1, 96 }, { "1.5", 1, 1.5 },
	{ "8_2432", 0, 0 }, { "1234_567", 0, 0 }, { "1_00", 0, 0 }, { "1_000 000", 0, 0 },
	{ "_100", 0, 0 }, { "100_", 0, 0 }, { "1__000", 0, 0 }, { "1.000_5", 0, 0 },
	{ "1_000,5", 0, 0 }, { "1,500", 0, 0 }, { " 1_000", 0, 0 }, { "1_000 ", 0, 0 },
};

START_TEST(digit_groups_of_three_are_read_with_one_separator)
{
	const num_case *c = &grouped[_i];
	double v = -12345;
	int ok = co2__strtod_grouped(c->text, &v);
	ck_assert_msg(ok == c->ok, "'%s': %s", c->text, ok ? "accepted" : "refused");
	if (c->ok)
		ck_assert_msg(v == c->value, "'%s' = %.17g, expected %.17g", c->text, v, c->value);
	else
		ck_assert_msg(v == -12345, "'%s' refused but wrote %.17g", c->text, v);
	/* co2_parse_double reads the same. */
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_parse_double(&v, c->text, "x", &err) == CO2_OK, c->ok);
}
END_TEST

/* A comma is refused with what it may have meant; bad groups say how to group. */
static const struct { const char *text, *message; } hints[] = {
	{ "1,500", "hours: expected a finite number (like 96 or 1.5), got '1,500': write 1500 or "
	           "1.5 (a comma may group thousands or mark decimals)" },
	{ "82,432", "hours: expected a finite number (like 96 or 1.5), got '82,432': write 82432 or "
	            "82.432 (a comma may group thousands or mark decimals)" },
	{ "1,5", "hours: expected a finite number (like 96 or 1.5), got '1,5': write 1.5 (a '.' "
	         "marks decimals)" },
	{ "2,50", "hours: expected a finite number (like 96 or 1.5), got '2,50': write 2.5 (a '.' "
	          "marks decimals)" },
	{ "1,234,567", "hours: expected a finite number (like 96 or 1.5), got '1,234,567': write "
	               "1234567 or 1_234_567" },
	{ "1,2,3", "hours: expected a finite number (like 96 or 1.5), got '1,2,3'" },
	{ "8_2432", "hours: expected a finite number (like 96 or 1.5), got '8_2432' (group digits "
	            "by three with '_' or ' ', one kind throughout: 82_432, 1 000 000)" },
	{ "ten", "hours: expected a finite number (like 96 or 1.5), got 'ten'" },
};

START_TEST(a_comma_is_refused_with_both_readings)
{
	double v = 7;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_parse_double(&v, hints[_i].text, "hours", &err), CO2_ERR_INVALID);
	ck_assert_str_eq(err.message, hints[_i].message);
	ck_assert_str_eq(err.field, "hours");
	ck_assert_double_eq(v, 7);
}
END_TEST

START_TEST(rounding_is_half_away_from_zero_and_keeps_what_it_cannot_scale)
{
	ck_assert_double_eq(co2_round(2.5, 0), 3);
	ck_assert_double_eq(co2_round(-2.5, 0), -3);
	ck_assert_double_eq(co2_round(47.5249, 2), 47.52);
	double z = co2_round(-0.001, 2);
	ck_assert_double_eq(z, 0);
	ck_assert_int_eq(signbit(z), 0);
	/* Not finite, or finite but 1e300 x 1e10 overflows: returned as given. */
	ck_assert(isnan(co2_round(NAN, 2)));
	ck_assert(isinf(co2_round(INFINITY, 2)));
	ck_assert_double_eq(co2_round(1e300, 10), 1e300);
	ck_assert_double_eq(co2_round(-1e300, 10), -1e300);
}
END_TEST

/* Number(x.toFixed(d)) as node prints it: the exact binary value, ties to the larger n. */
static const struct { double x; int d; double js; } tofixed[] = {
	{ 0.205, 2, 0.2 },                  /* 0.20499999999999998... */
	{ 221.0 * 5 / 1000, 2, 1.1 },       /* 1.105, stored below */
	{ 1.005, 2, 1 },
	{ 0.615, 2, 0.61 },
	{ 9.995, 2, 9.99 },
	{ 350 * 1439.1 / 1000, 2, 503.68 }, /* 503.68499999999995 */
	{ 503.685, 2, 503.69 },             /* stored above */
	{ 8.345, 2, 8.35 },
	{ 0.125, 2, 0.13 },                 /* exact ties: the larger n (printf: even) */
	{ 0.375, 2, 0.38 },
	{ -0.125, 2, -0.13 },
	{ 2.5, 0, 3 },
	{ -2.5, 0, -3 },
	{ 1.45, 1, 1.4 },
	{ 99.995, 2, 100 },                 /* carry into a new digit */
	{ 999.995, 2, 1000 },
	{ 0.005, 2, 0.01 },
	{ 5e-324, 2, 0 },
	{ 1.0000000000000002, 15, 1 },
	{ 123456789012345680000.0, 2, 123456789012345680000.0 },
	{ 1e21, 2, 1e21 },                  /* from 1e21 up, toFixed gives the number */
};

START_TEST(js_tofixed_rounds_the_exact_binary_value_ties_to_the_larger)
{
	double r = co2__round_js(tofixed[_i].x, tofixed[_i].d);
	ck_assert_msg(r == tofixed[_i].js, "%.17g to %d: %.17g, want %.17g", tofixed[_i].x,
	              tofixed[_i].d, r, tofixed[_i].js);
}
END_TEST

START_TEST(js_tofixed_keeps_what_is_not_finite_and_gives_no_negative_zero)
{
	ck_assert(isnan(co2__round_js(NAN, 2)));
	ck_assert(isinf(co2__round_js(-INFINITY, 2)));
	double z = co2__round_js(-0.001, 2);
	ck_assert_double_eq(z, 0);
	ck_assert_int_eq(signbit(z), 0);
	ck_assert_double_eq(co2__round_js(1e300, 2), 1e300);
}
END_TEST

START_TEST(significant_digits_are_clamped_to_1_and_17)
{
	ck_assert_double_eq(co2__round_significant(0, 3), 0);
	ck_assert(isinf(co2__round_significant(INFINITY, 3)));
	ck_assert_double_eq(co2__round_significant(123456, 3), 123000);
	ck_assert_double_eq(co2__round_significant(0.000123456, 2), 0.00012);
	/* Fewer than 1 digit means 1; more than 17 means 17 (all a double holds). */
	ck_assert_double_eq(co2__round_significant(1789, 0), 2000);
	ck_assert_double_eq(co2__round_significant(1789, -5), 2000);
	ck_assert_double_eq(co2__round_significant(0.1 + 0.2, 40), 0.1 + 0.2);
	ck_assert_double_eq(co2__round_significant(0.1 + 0.2, 15), 0.3);
}
END_TEST

typedef struct fmt_case {
	double value;
	const char *json, *plain;
} fmt_case;

static const fmt_case formats[] = {
	{ 47.52, "47.52", "47.52" },
	{ 0.1 + 0.2, "0.30000000000000004", "0.30000000000000004" }, /* %.15g would not round-trip */
	{ -0.0, "0", "0" },
	{ 8.42e-05, "8.42e-05", "0.0000842" },
	{ -3e-07, "-3e-07", "-0.0000003" },
	{ 1.5e20, "1.5e+20", "1.5e+20" },     /* >= 1: the exponent stays */
	{ 1e-30, "1e-30", "1e-30" },          /* more than 24 decimals: left as it is */
	{ 1.25e-24, "1.25e-24", "1.25e-24" }, /* 26 decimals */
	{ 1e-24, "1e-24", "0.000000000000000000000001" },
};

START_TEST(numbers_print_for_machines_and_for_people)
{
	const fmt_case *c = &formats[_i];
	char buf[32];
	ck_assert_str_eq(co2_format_double(buf, c->value), c->json);
	ck_assert_str_eq(co2__format_plain(buf, c->value), c->plain);
}
END_TEST

START_TEST(numbers_that_are_not_finite_print_as_zero)
{
	char buf[32];
	ck_assert_str_eq(co2_format_double(buf, NAN), "0");
	ck_assert_str_eq(co2_format_double(buf, INFINITY), "0");
	ck_assert_str_eq(co2_format_double(buf, -INFINITY), "0");
	co2__buf b = { 0 };
	co2__buf_num(&b, NAN);
	co2__buf_puts(&b, " ");
	co2__buf_num(&b, 2.5);
	ck_assert_str_eq(b.data, "0 2.5");
	free(b.data);
}
END_TEST

START_TEST(numbers_read_and_print_the_same_under_a_comma_locale)
{
	if (!setlocale(LC_ALL, "de_DE.UTF-8") && !setlocale(LC_ALL, "fr_FR.UTF-8"))
		return; /* no comma locale here: nothing to show */
	char buf[32];
	double v = 0;
	ck_assert_int_eq(co2__strtod("1.5", &v), 1);
	ck_assert_double_eq(v, 1.5);
	ck_assert_int_eq(co2__strtod("1,5", &v), 0);
	ck_assert_str_eq(co2_format_double(buf, 2.25), "2.25");
	ck_assert_str_eq(co2__format_plain(buf, 8.42e-05), "0.0000842");
	ck_assert_double_eq(co2__round_significant(1.23456, 3), 1.23);
	ck_assert_double_eq(co2__round_js(0.205, 2), 0.2);
	ck_assert_double_eq(co2__round_js(84.864, 2), 84.86);
	/* Text reports print with %.3f and %g through the buffer. */
	co2__buf b = { 0 };
	co2__buf_printf(&b, "%.3f %g %5.1f%%", 0.0355875, 1.5, 42.0);
	ck_assert_str_eq(b.data, "0.036 1.5  42.0%");
	free(b.data);
	setlocale(LC_ALL, "C");
}
END_TEST

/* ---- names -------------------------------------------------------------------------- */

START_TEST(names_normalise_to_lowercase_letters_and_digits)
{
	char out[64];
	ck_assert_uint_eq(co2__norm(out, sizeof out, "NVIDIA A100-SXM4-80GB"), 18);
	ck_assert_str_eq(out, "nvidiaa100sxm480gb");
	ck_assert_uint_eq(co2__norm(out, 5, "Tesla V100"), 4); /* cut to fit, NUL included */
	ck_assert_str_eq(out, "tesl");
	out[0] = 'x';
	ck_assert_uint_eq(co2__norm(out, 0, "abc"), 0);         /* no room: nothing written */
	ck_assert_int_eq(out[0], 'x');
	ck_assert_uint_eq(co2__norm(out, sizeof out, "Caf\xc3\xa9 9"), 4); /* non-ASCII dropped */
	ck_assert_str_eq(out, "caf9");
}
END_TEST

typedef struct reduce_case {
	const char *in, *out;
} reduce_case;

static const reduce_case reductions[] = {
	{ "Intel(R) Xeon(R) Gold 6142 CPU @ 2.60GHz", "xeon gold 6142" },
	{ "AMD EPYC 7763 64-Core Processor", "epyc 7763" },
	{ "AMD Ryzen 9 5950X 16 cores", "ryzen 9 5950x" },
	{ "Apple M1 Max core", "m1 max" },
	{ "Xeon Platinum 8380 3GHz", "xeon platinum 8380" },       /* a trailing clock */
	{ "NVIDIA Tesla V100-SXM2-16GB", "v100 sxm2 16gb" },
	{ "The Graphics Chip", "" },
	/* clocks without '@', counts in words, cpuinfo's "0" of first-generation Xeons */
	{ "Intel Xeon E5-2680 v4 2.40GHz", "xeon e5 2680 v4" },
	{ "Intel Xeon Gold 6148 2.4 GHz", "xeon gold 6148" },
	{ "Xeon Gold 6142 3GHz", "xeon gold 6142" },                /* not the model number */
	{ "Pentium 4 2800 MHz", "pentium 4" },
	{ "AMD FX-8350 Eight-Core Processor", "fx 8350" },
	{ "AMD Phenom II X4 Quad-Core", "phenom ii x4" },
	{ "Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz", "xeon e5 2680" },
	{ "Core 2 Duo E8400 0", "2 duo e8400" },
	{ "0", "0" },                                               /* a lone 0 stays */
};

START_TEST(reduced_names_drop_vendor_words_core_counts_and_clocks)
{
	const reduce_case *c = &reductions[_i];
	char out[128], flat[128];
	size_t n = co2__norm_reduced_sep(out, sizeof out, c->in, ' ');
	ck_assert_str_eq(out, c->out);
	ck_assert_uint_eq(n, strlen(c->out));
	/* Without a separator the words run together. */
	char want[128];
	size_t k = 0;
	for (const char *p = c->out; *p; p++)
		if (*p != ' ')
			want[k++] = *p;
	want[k] = '\0';
	co2__norm_reduced(flat, sizeof flat, c->in);
	ck_assert_str_eq(flat, want);
}
END_TEST

START_TEST(edit_distance_is_bounded)
{
	ck_assert_uint_eq(co2__distance("kitten", "sitting", 5), 3);
	ck_assert_uint_eq(co2__distance("hardware", "hardwre", 3), 1);
	ck_assert_uint_eq(co2__distance("", "abc", 3), 3);
	/* Beyond the limit the answer is limit + 1, early when the lengths differ too much. */
	ck_assert_uint_eq(co2__distance("kitten", "sitting", 2), 3);
	ck_assert_uint_eq(co2__distance("a", "abcdefgh", 3), 4);
	ck_assert_uint_eq(co2__distance("abcdef", "uvwxyz", 3), 4);
	/* Longer than 255 characters: never close. */
	char longer[300];
	memset(longer, 'a', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	ck_assert_uint_eq(co2__distance(longer, longer, 3), 4);
	ck_assert_uint_eq(co2__distance("a", longer, 10), 11);
}
END_TEST

START_TEST(the_closest_name_is_a_few_edits_away_or_none)
{
	static const char *const names[] = { "hours", "hardware", "count", "region", NULL };
	ck_assert_str_eq(co2_closest_name("hardwre", names, 0, 3), "hardware");
	ck_assert_str_eq(co2_closest_name("huors", names, 0, 3), "hours");
	ck_assert_ptr_null(co2_closest_name("frequency", names, 0, 3));
	ck_assert_ptr_null(co2_closest_name("hardwre", names, 0, 0));
	ck_assert_ptr_null(co2_closest_name(NULL, names, 0, 3));
	/* Equally close (one edit each): the first in the list. */
	static const char *const tie[] = { "cost", "coast", NULL };
	ck_assert_str_eq(co2_closest_name("cast", tie, 0, 3), "cost");
	/* A table of structs, searched in place through the stride. */
	static const struct { const char *name; int arg; } opts[] = {
		{ "spec", 1 }, { "update", 1 }, { "count", 1 }, { NULL, 0 }
	};
	ck_assert_str_eq(co2_closest_name("updte", &opts[0].name, sizeof opts[0], 3), "update");
	ck_assert_ptr_eq(co2_closest_name("cont", &opts[0].name, sizeof opts[0], 3), opts[2].name);
	/* A huge bound is clamped, not wrapped around. */
	ck_assert_str_eq(co2_closest_name("zzzzzzzz", names, 0, (size_t)-1), "hours");
}
END_TEST

/* ---- buffers ------------------------------------------------------------------------ */

START_TEST(a_buffer_grows_and_prints)
{
	co2__buf b = { 0 };
	co2__buf_puts(&b, "x=");
	co2__buf_printf(&b, "%d,%s", 42, "y");
	ck_assert_str_eq(b.data, "x=42,y");
	ck_assert_uint_eq(b.len, 6);
	ck_assert_uint_eq(b.cap, 256);
	char big[1000];
	memset(big, 'z', sizeof big);
	co2__buf_putn(&b, big, sizeof big); /* 1006 + NUL: 256 -> 512 -> 1024 */
	ck_assert_uint_eq(b.len, 1006);
	ck_assert_uint_eq(b.cap, 1024);
	ck_assert_uint_eq(strlen(b.data), 1006);
	ck_assert_int_eq(b.failed, 0);
	free(b.data);
}
END_TEST

START_TEST(a_failed_buffer_drops_everything_after)
{
	co2__buf b = { 0 };
	co2__buf_puts(&b, "kept");
	b.failed = 1;
	co2__buf_puts(&b, " lost");
	co2__buf_printf(&b, "%s", " lost too");
	co2__buf_json_str(&b, "q");
	ck_assert_str_eq(b.data, "kept");
	ck_assert_uint_eq(b.len, 4);
	ck_assert_int_eq(b.failed, 1);
	free(b.data);
}
END_TEST

START_TEST(a_size_past_half_the_address_space_fails_without_allocating)
{
	co2__buf b = { 0 };
	co2__buf_puts(&b, "ab");
	/* Doubling 256 cannot reach len + n + 1 without passing SIZE_MAX / 2. */
	co2__buf_putn(&b, "unused", SIZE_MAX - 16);
	ck_assert_int_eq(b.failed, 1);
	ck_assert_uint_eq(b.len, 2);
	ck_assert_uint_eq(b.cap, 256);
	ck_assert_str_eq(b.data, "ab");
	free(b.data);
	/* A length that would wrap len + n + 1 around to a small number fails too. */
	co2__buf w = { 0 };
	co2__buf_puts(&w, "ab");
	co2__buf_putn(&w, "unused", SIZE_MAX - 1);
	ck_assert_int_eq(w.failed, 1);
	ck_assert_uint_eq(w.len, 2);
	ck_assert_str_eq(w.data, "ab");
	free(w.data);
}
END_TEST

/* AddressSanitizer stops the program on an impossible allocation instead of failing it. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

START_TEST(an_allocation_that_fails_marks_the_buffer_failed)
{
#if defined(UNDER_ASAN)
	return;
#else
	co2__buf b = { 0 };
	co2__buf_puts(&b, "ab");
	/* 2^50 bytes: more than any x86-64 or arm64 address space, so realloc returns NULL. */
	co2__buf_putn(&b, "unused", (size_t)1 << 50);
	ck_assert_int_eq(b.failed, 1);
	ck_assert_uint_eq(b.len, 2);
	ck_assert_str_eq(b.data, "ab");
	free(b.data);
#endif
}
END_TEST

static Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *e = tcase_create("errors");
	tcase_add_loop_test(e, every_status_has_a_short_english_name, 0,
	                    (int)(sizeof status_names / sizeof status_names[0]));
	tcase_add_test(e, errors_record_message_field_and_position_and_accept_null);
	tcase_add_test(e, a_prefix_goes_in_front_of_the_message_and_both_are_cut_to_fit);
	tcase_add_test(e, suggestions_are_kept_once_up_to_the_limit_and_cleared_by_a_new_failure);
	tcase_add_test(e, offsets_become_one_based_lines_and_columns);
	suite_add_tcase(s, e);
	TCase *n = tcase_create("numbers");
	tcase_add_loop_test(n, numbers_follow_a_strict_grammar, 0, (int)(sizeof numbers / sizeof numbers[0]));
	tcase_add_test(n, parse_double_names_the_field_and_null_is_no_number);
	tcase_add_loop_test(n, digit_groups_of_three_are_read_with_one_separator, 0,
	                    (int)(sizeof grouped / sizeof grouped[0]));
	tcase_add_loop_test(n, a_comma_is_refused_with_both_readings, 0,
	                    (int)(sizeof hints / sizeof hints[0]));
	tcase_add_test(n, rounding_is_half_away_from_zero_and_keeps_what_it_cannot_scale);
	tcase_add_loop_test(n, js_tofixed_rounds_the_exact_binary_value_ties_to_the_larger, 0,
	                    (int)(sizeof tofixed / sizeof tofixed[0]));
	tcase_add_test(n, js_tofixed_keeps_what_is_not_finite_and_gives_no_negative_zero);
	tcase_add_test(n, significant_digits_are_clamped_to_1_and_17);
	tcase_add_loop_test(n, numbers_print_for_machines_and_for_people, 0, (int)(sizeof formats / sizeof formats[0]));
	tcase_add_test(n, numbers_that_are_not_finite_print_as_zero);
	tcase_add_test(n, numbers_read_and_print_the_same_under_a_comma_locale);
	suite_add_tcase(s, n);
	TCase *m = tcase_create("names");
	tcase_add_test(m, names_normalise_to_lowercase_letters_and_digits);
	tcase_add_loop_test(m, reduced_names_drop_vendor_words_core_counts_and_clocks, 0,
	                    (int)(sizeof reductions / sizeof reductions[0]));
	tcase_add_test(m, edit_distance_is_bounded);
	tcase_add_test(m, the_closest_name_is_a_few_edits_away_or_none);
	suite_add_tcase(s, m);
	TCase *b = tcase_create("buffers");
	tcase_add_test(b, a_buffer_grows_and_prints);
	tcase_add_test(b, a_failed_buffer_drops_everything_after);
	tcase_add_test(b, a_size_past_half_the_address_space_fails_without_allocating);
	tcase_add_test(b, an_allocation_that_fails_marks_the_buffer_failed);
	suite_add_tcase(s, b);
	return s;
}

CO2_CHECK_MAIN(util_suite)
