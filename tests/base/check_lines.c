/* src/base/lines.c: lines from chunks of any size, a line cut by a chunk boundary carried
 * over, a line too long to carry handed over as NULL. */
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "base/base.h"

/* What the reader handed over: each line in brackets, [!] for one too long. */
typedef struct seen {
	char text[256];
	int stop_after; /* stop at this line (1-based); 0: never */
	int lines, eols;
} seen;

static int on_line(void *ctx, const char *line, size_t n)
{
	seen *s = ctx;
	size_t len = strlen(s->text);
	if (line)
		snprintf(s->text + len, sizeof s->text - len, "[%.*s]", (int)n, line);
	else
		snprintf(s->text + len, sizeof s->text - len, "[!]");
	return ++s->lines == s->stop_after;
}

static const char *eol(void *ctx, const char *p, const char *end)
{
	((seen *)ctx)->eols++;
	return memchr(p, '\n', (size_t)(end - p));
}

/* Feed text in chunks of chunk bytes, then finish; the last reader return value. */
static int read_all(const char *text, size_t chunk, size_t max, co2__eol_fn find, seen *s)
{
	co2__lines lr = { .max = max };
	size_t len = strlen(text);
	int rc = CO2__LINES_OK;
	for (size_t off = 0; rc == CO2__LINES_OK && off < len; off += chunk)
		rc = co2__lines_feed(&lr, text + off, len - off < chunk ? len - off : chunk, find, on_line, s);
	if (rc == CO2__LINES_OK)
		rc = co2__lines_finish(&lr, find, on_line, s);
	co2__lines_free(&lr);
	return rc;
}

static const size_t chunks[] = { 1, 2, 3, 5, 100 };

START_TEST(any_chunking_gives_the_same_lines)
{
	seen s = { .text = "" };
	ck_assert_int_eq(read_all("one\ntwo\r\n\nlast", chunks[_i], 100, NULL, &s), CO2__LINES_OK);
	ck_assert_str_eq(s.text, "[one][two\r][][last]");
	/* The same with an end-of-line finder of the caller's. */
	seen e = { .text = "" };
	ck_assert_int_eq(read_all("one\ntwo\r\n\nlast", chunks[_i], 100, eol, &e), CO2__LINES_OK);
	ck_assert_str_eq(e.text, s.text);
	ck_assert_int_ge(e.eols, 1);
}
END_TEST

START_TEST(a_carried_line_longer_than_the_limit_is_handed_over_as_too_long)
{
	seen s = { .text = "" };
	/* "abcdefgh" cut by the chunk boundary: more than 5 bytes to carry. */
	ck_assert_int_eq(read_all("ab\nabcdefgh\ncd\nabcdefgh", 4, 5, NULL, &s), CO2__LINES_OK);
	ck_assert_str_eq(s.text, "[ab][!][cd][!]");
	/* Whole in one chunk, nothing is carried: the caller judges its length. */
	seen w = { .text = "" };
	ck_assert_int_eq(read_all("ab\nabcdefgh\n", 100, 5, NULL, &w), CO2__LINES_OK);
	ck_assert_str_eq(w.text, "[ab][abcdefgh]");
}
END_TEST

START_TEST(a_nonzero_answer_stops_the_reading)
{
	seen s = { .text = "", .stop_after = 2 };
	ck_assert_int_eq(read_all("a\nb\nc\n", 100, 100, NULL, &s), CO2__LINES_STOPPED);
	ck_assert_str_eq(s.text, "[a][b]");
	seen c = { .text = "", .stop_after = 2 };
	ck_assert_int_eq(read_all("a\nb\nc\n", 1, 100, NULL, &c), CO2__LINES_STOPPED);
	ck_assert_str_eq(c.text, "[a][b]");
}
END_TEST

START_TEST(nothing_to_finish_hands_over_nothing)
{
	seen s = { .text = "" };
	ck_assert_int_eq(read_all("a\n", 1, 100, NULL, &s), CO2__LINES_OK);
	ck_assert_str_eq(s.text, "[a]");
	seen e = { .text = "" };
	ck_assert_int_eq(read_all("", 1, 100, NULL, &e), CO2__LINES_OK);
	ck_assert_str_eq(e.text, "");
}
END_TEST

static Suite *lines_suite(void)
{
	Suite *s = suite_create("lines");
	TCase *t = tcase_create("reader");
	tcase_add_loop_test(t, any_chunking_gives_the_same_lines, 0, (int)(sizeof chunks / sizeof chunks[0]));
	tcase_add_test(t, a_carried_line_longer_than_the_limit_is_handed_over_as_too_long);
	tcase_add_test(t, a_nonzero_answer_stops_the_reading);
	tcase_add_test(t, nothing_to_finish_hands_over_nothing);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(lines_suite)
