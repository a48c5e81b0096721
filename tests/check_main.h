/* One Check runner per test file: CO2_CHECK_MAIN(make_suite) defines main(). */
#ifndef CO2_CHECK_MAIN_H
#define CO2_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

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
