/* One Check runner per test file: CO2_CHECK_MAIN(make_suite) defines main(). Also the
 * helpers several suites use. */
#ifndef CO2_CHECK_MAIN_H
#define CO2_CHECK_MAIN_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

/* A whole file, NUL-terminated, in memory the caller frees; its length in *len. */
static inline char *co2_test_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	ck_assert_int_ge(n, 0);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(fread(b, 1, (size_t)n, f), (size_t)n);
	b[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return b;
}

/* The fixture of the suites that look things up in the built-in data: a file-scope db,
 * and setup()/teardown() for tcase_add_checked_fixture() that open and close it. Needs
 * co2calc/co2calc.h. */
#define CO2_TEST_DEFAULT_DB                                                              \
	static co2_db *db;                                                               \
	static void setup(void)                                                          \
	{                                                                                \
		co2_error err_;                                                          \
		ck_assert_msg(co2_db_open_default(&db, &err_) == CO2_OK, "%s", err_.message); \
	}                                                                                \
	static void teardown(void)                                                       \
	{                                                                                \
		co2_db_close(db);                                                        \
	}

#define CO2_CHECK_MAIN(make_suite)                                       \
	int main(void)                                                   \
	{                                                                \
		SRunner *sr = srunner_create(make_suite());              \
		srunner_run_all(sr, CK_NORMAL);                          \
		int failed = srunner_ntests_failed(sr);                  \
		srunner_free(sr);                                        \
		return failed ? EXIT_FAILURE : EXIT_SUCCESS;             \
	}

#endif
