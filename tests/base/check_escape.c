/* src/base/escape.c: strings written as JSON strings, YAML double-quoted scalars and
 * CSV fields. */
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "base/base.h"

START_TEST(json_strings_are_quoted_and_escaped)
{
	co2__buf b = { 0 };
	co2__buf_json_str(&b, "a\"b\\c\nd\re\tf\001g\037h\xc3\xa9");
	co2__buf_puts(&b, " ");
	co2__buf_json_str(&b, NULL);
	co2__buf_puts(&b, " ");
	co2__buf_json_str(&b, "");
	ck_assert_str_eq(b.data, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\xc3\xa9\" null \"\"");
	free(b.data);
}
END_TEST

START_TEST(yaml_strings_are_double_quoted_with_hex_escapes)
{
	co2__buf b = { 0 };
	co2__buf_yaml_str(&b, "a\"b\\c\nd\te\x7f" "f\xc3\xa9");
	co2__buf_puts(&b, " ");
	co2__buf_yaml_str(&b, "");
	ck_assert_str_eq(b.data, "\"a\\\"b\\\\c\\x0ad\\x09e\\x7ff\xc3\xa9\" \"\"");
	free(b.data);
}
END_TEST

/* RFC 4180: a field is quoted only when it has a comma, a quote, a CR or a LF. */
static const struct { const char *in, *out; } csv_fields[] = {
	{ "plain", "plain" },
	{ "", "" },
	{ "with space;semicolon\ttab", "with space;semicolon\ttab" },
	{ "a,b", "\"a,b\"" },
	{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
	{ "\"", "\"\"\"\"" },
	{ "two\nlines", "\"two\nlines\"" },
	{ "cr\r", "\"cr\r\"" },
	{ "caf\xc3\xa9", "caf\xc3\xa9" },
};

START_TEST(csv_fields_are_quoted_only_when_they_must_be)
{
	co2__buf b = { 0 };
	co2__buf_puts(&b, "<");
	co2__buf_csv_str(&b, csv_fields[_i].in);
	co2__buf_puts(&b, ">");
	size_t n = strlen(csv_fields[_i].out);
	ck_assert_uint_eq(b.len, n + 2);
	ck_assert_int_eq(memcmp(b.data + 1, csv_fields[_i].out, n), 0);
	free(b.data);
}
END_TEST

START_TEST(a_null_csv_field_is_empty)
{
	co2__buf b = { 0 };
	co2__buf_puts(&b, "a,");
	co2__buf_csv_str(&b, NULL);
	co2__buf_puts(&b, ",b");
	ck_assert_str_eq(b.data, "a,,b");
	free(b.data);
}
END_TEST

static Suite *escape_suite(void)
{
	Suite *s = suite_create("escape");
	TCase *t = tcase_create("escapers");
	tcase_add_test(t, json_strings_are_quoted_and_escaped);
	tcase_add_test(t, yaml_strings_are_double_quoted_with_hex_escapes);
	tcase_add_loop_test(t, csv_fields_are_quoted_only_when_they_must_be, 0,
	                    (int)(sizeof csv_fields / sizeof csv_fields[0]));
	tcase_add_test(t, a_null_csv_field_is_empty);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(escape_suite)
