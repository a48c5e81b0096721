/* src/io/card.c: the model-card block and editing it into a card's front matter. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

static co2_db *db;
static char *block;

static void setup(void)
{
	co2_error err;
	ck_assert_int_eq(co2_db_open_default(&db, &err), CO2_OK);
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "TPU v2", 4, CO2_UNSET);
	run.hours = 96;
	run.region = "gcp:asia-east1";
	run.method = CO2_METHOD_MLCO2;
	run.training_type = "pre-training";
	co2_result res;
	co2_result_init(&res);
	ck_assert_int_eq(co2_estimate(db, &run, &res, &err), CO2_OK);
	ck_assert_int_eq(co2_card_block(&block, NULL, &res, &run, db, &err), CO2_OK);
}

static void teardown(void)
{
	co2_free(block);
	co2_db_close(db);
}

/* A file of tests/data/cards/, as co2_test_slurp() reads it. */
static char *slurp(const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/cards/%s", CO2_TEST_DATA_DIR, name);
	return co2_test_slurp(path, len);
}

START_TEST(the_bert_base_block_is_in_grams)
{
	ck_assert_str_eq(block,
	                 "co2_eq_emissions:\n"
	                 "  emissions: 47520\n"
	                 "  source: \"co2calc " CO2_VERSION_STRING " estimate, ML CO2 Impact (Lacoste et al. 2019) method, data edition mlco2-impact\"\n"
	                 "  training_type: \"pre-training\"\n"
	                 "  geographical_location: \"Google Cloud Platform asia-east1, Taiwan (Changhua County)\"\n"
	                 "  hardware_used: \"4 x TPUv2 Chip\"\n");
}
END_TEST

static const char *const good[] = { "hub-template", "existing-block", "no-front-matter", "crlf",
	                            "body-dashes", "comments", "empty-flow", "old-number" };
static const co2_card_change changes[] = { CO2_CARD_ADDED, CO2_CARD_REPLACED, CO2_CARD_CREATED,
	                                   CO2_CARD_REPLACED, CO2_CARD_ADDED, CO2_CARD_REPLACED,
	                                   CO2_CARD_ADDED, CO2_CARD_REPLACED };

START_TEST(a_card_changes_only_in_its_block)
{
	char name[128], want_name[160];
	snprintf(name, sizeof name, "%s.md", good[_i]);
	snprintf(want_name, sizeof want_name, "expected/%s.md", good[_i]);
	size_t len, want_len, out_len;
	char *in = slurp(name, &len), *want = slurp(want_name, &want_len), *out = NULL;
	co2_error err;
	co2_card_change ch;
	ck_assert_msg(co2_card_update(&out, &out_len, &ch, name, in, len, block, &err) == CO2_OK, "%s",
	              err.message);
	ck_assert_uint_eq(out_len, want_len);
	ck_assert_msg(memcmp(out, want, want_len) == 0, "%s differs from the expected bytes", name);
	ck_assert_int_eq(ch, changes[_i]);
	/* Again: the same bytes. */
	char *again = NULL;
	size_t again_len;
	ck_assert_int_eq(co2_card_update(&again, &again_len, &ch, name, out, out_len, block, &err), CO2_OK);
	ck_assert_uint_eq(again_len, out_len);
	ck_assert(memcmp(again, out, out_len) == 0);
	ck_assert_int_eq(ch, CO2_CARD_REPLACED);
	co2_free(again);
	co2_free(out);
	free(in);
	free(want);
}
END_TEST

static const char *const bad[] = { "bad-yaml.md", "binary.md", "duplicate.md", "flow-mapping.md",
	                           "list-front-matter.md", "unclosed.md" };

START_TEST(a_malformed_card_is_refused)
{
	size_t len, out_len = 0;
	char *in = slurp(bad[_i], &len), *out = NULL;
	co2_error err;
	co2_error_clear(&err);
	ck_assert_int_eq(co2_card_update(&out, &out_len, NULL, bad[_i], in, len, block, &err), CO2_ERR_PARSE);
	ck_assert_ptr_null(out);
	ck_assert_msg(strstr(err.message, bad[_i]) != NULL, "%s", err.message);
	free(in);
}
END_TEST

typedef struct inline_case {
	const char *in;
	const char *want; /* "@" stands for the block */
} inline_case;

static const inline_case inline_cases[] = {
	/* A byte-order mark stays first. */
	{ "\xef\xbb\xbf---\nlicense: mit\n---\nx\n", "\xef\xbb\xbf---\nlicense: mit\n@---\nx\n" },
	{ "\xef\xbb\xbf# Title\n", "\xef\xbb\xbf---\n@---\n# Title\n" },
	/* A front matter closed by "...". */
	{ "---\nlicense: mit\n...\nbody\n", "---\nlicense: mit\n@...\nbody\n" },
	/* Empty front matter, and one with only a comment. */
	{ "---\n---\n", "---\n@---\n" },
	{ "---\n# nothing yet\n---\n", "---\n# nothing yet\n@---\n" },
	/* An empty file gets a front matter. */
	{ "", "---\n@---\n" },
	/* The block is replaced up to its last indented line; a blank line after it stays. */
	{ "---\nco2_eq_emissions:\n  emissions: 1\n\nlicense: mit\n---\n", "---\n@\nlicense: mit\n---\n" },
	/* A quoted key. */
	{ "---\n\"co2_eq_emissions\": {emissions: 1}\na: b\n---\n", "---\n@a: b\n---\n" },
	/* A key that only starts like ours is another key. */
	{ "---\nco2_eq_emissions_note: x\n---\n", "---\nco2_eq_emissions_note: x\n@---\n" },
	/* Trailing spaces after the fences. */
	{ "---  \na: 1\n--- \n", "---  \na: 1\n@--- \n" },
};

START_TEST(edge_cases_keep_every_other_byte)
{
	const inline_case *c = &inline_cases[_i];
	char want[1024];
	size_t n = 0;
	for (const char *p = c->want; *p; p++) {
		if (*p == '@') {
			memcpy(want + n, block, strlen(block));
			n += strlen(block);
		} else {
			want[n++] = *p;
		}
	}
	want[n] = '\0';
	char *out = NULL;
	size_t out_len;
	co2_error err;
	ck_assert_msg(co2_card_update(&out, &out_len, NULL, "README.md", c->in, strlen(c->in), block, &err) == CO2_OK,
	              "case %d: %s", _i, err.message);
	ck_assert_str_eq(out, want);
	co2_free(out);
}
END_TEST

static const char *const refused[] = {
	"---\nlicense: mit\n\tbad: tab\n---\n",             /* a tab in the indentation */
	"---\njust a string\n---\n",                         /* a scalar */
	"---\na: 1\n--- x\n",                                /* never closed: "--- x" is no fence */
	"\xc3\x28 invalid UTF-8\n",                          /* not text */
	"---\nco2_eq_emissions:\n  a: 1\n ? complex\n---\n", /* invalid YAML in the block */
};

START_TEST(other_bad_cards_are_refused)
{
	char *out = NULL;
	size_t out_len;
	co2_error err;
	ck_assert_int_eq(co2_card_update(&out, &out_len, NULL, "README.md", refused[_i], strlen(refused[_i]),
	                                 block, &err),
	                 CO2_ERR_PARSE);
	ck_assert_ptr_null(out);
}
END_TEST

START_TEST(a_block_that_is_not_a_mapping_is_refused)
{
	char *out = NULL;
	size_t out_len;
	co2_error err;
	ck_assert_int_eq(co2_card_update(&out, &out_len, NULL, "README.md", "# x\n", 4, "emissions: [", &err),
	                 CO2_ERR_INVALID);
}
END_TEST


/* ---- editing a card on disk ---------------------------------------------------------- */

static char tmpdir[64];

static void make_tmpdir(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/co2calc-check-card-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

/* Remove the directory and what is in it; fail when a temporary file was left behind. */
static void remove_tmpdir(void)
{
	DIR *d = opendir(tmpdir);
	ck_assert_ptr_nonnull(d);
	struct dirent *e;
	int leftover = 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (strstr(e->d_name, "co2calc-"))
			leftover = 1;
		char p[512];
		snprintf(p, sizeof p, "%s/%s", tmpdir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(tmpdir);
	ck_assert_msg(!leftover, "a temporary file was left next to the card");
}

/* Write bytes to tmpdir/name with a mode; returns the path in a static buffer. */
static const char *put_file(const char *name, const char *data, size_t len, mode_t mode)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	fclose(f);
	ck_assert_int_eq(chmod(path, mode), 0);
	return path;
}

START_TEST(a_card_file_is_edited_in_place_and_keeps_its_mode)
{
	char name[128], want_name[160];
	snprintf(name, sizeof name, "%s.md", good[_i]);
	snprintf(want_name, sizeof want_name, "expected/%s.md", good[_i]);
	size_t len, want_len, got_len;
	char *in = slurp(name, &len), *want = slurp(want_name, &want_len);
	make_tmpdir();
	char path[256];
	snprintf(path, sizeof path, "%s", put_file(name, in, len, 0640));
	co2_error err;
	co2_error_clear(&err);
	co2_card_change ch = CO2_CARD_UNCHANGED;
	ck_assert_msg(co2_card_update_file(&ch, path, block, &err) == CO2_OK, "%s", err.message);
	ck_assert_int_eq(ch, changes[_i]);
	char *got = co2_test_slurp(path, &got_len);
	ck_assert_uint_eq(got_len, want_len);
	ck_assert_msg(memcmp(got, want, want_len) == 0, "%s differs from the expected bytes", name);
	struct stat sb, again;
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_uint_eq(sb.st_mode & 07777, 0640);
	/* Again: nothing to change, and the file is not rewritten (same inode). */
	ck_assert_int_eq(co2_card_update_file(&ch, path, block, &err), CO2_OK);
	ck_assert_int_eq(ch, CO2_CARD_UNCHANGED);
	ck_assert_int_eq(stat(path, &again), 0);
	ck_assert_uint_eq(again.st_ino, sb.st_ino);
	free(got);
	free(in);
	free(want);
	remove_tmpdir();
}
END_TEST

START_TEST(a_symbolic_link_to_a_card_edits_the_card_and_stays_a_link)
{
	size_t len, want_len, got_len;
	char *in = slurp("hub-template.md", &len), *want = slurp("expected/hub-template.md", &want_len);
	make_tmpdir();
	char card[256], link[256];
	snprintf(card, sizeof card, "%s", put_file("card.md", in, len, 0644));
	snprintf(link, sizeof link, "%s/README.md", tmpdir);
	ck_assert_int_eq(symlink("card.md", link), 0);
	co2_error err;
	co2_card_change ch;
	ck_assert_msg(co2_card_update_file(&ch, link, block, &err) == CO2_OK, "%s", err.message);
	ck_assert_int_eq(ch, CO2_CARD_ADDED);
	struct stat sb;
	ck_assert_int_eq(lstat(link, &sb), 0);
	ck_assert(S_ISLNK(sb.st_mode));
	char *got = co2_test_slurp(card, &got_len);
	ck_assert_uint_eq(got_len, want_len);
	ck_assert(memcmp(got, want, want_len) == 0);
	free(got);
	free(in);
	free(want);
	remove_tmpdir();
}
END_TEST

/* Each refusal: its status, its message, and the file byte for byte as it was. */
START_TEST(a_card_file_that_cannot_be_edited_is_left_as_it_was)
{
	size_t len, bad_len, got_len;
	char *in = slurp("hub-template.md", &len), *bad_card = slurp("bad-yaml.md", &bad_len);
	make_tmpdir();
	co2_error err;
	co2_card_change ch = CO2_CARD_ADDED;
	char path[256], want[600];

	snprintf(path, sizeof path, "%s/missing.md", tmpdir);
	ck_assert_int_eq(co2_card_update_file(&ch, path, block, &err), CO2_ERR_NOT_FOUND);
	snprintf(want, sizeof want, "%s: cannot open: %s", path, strerror(ENOENT));
	ck_assert_str_eq(err.message, want);
	ck_assert_int_eq(ch, CO2_CARD_UNCHANGED);

	ck_assert_int_eq(co2_card_update_file(&ch, tmpdir, block, &err), CO2_ERR_INVALID);
	snprintf(want, sizeof want, "%s: not a regular file", tmpdir);
	ck_assert_str_eq(err.message, want);

	/* Read-only: refused even for root, whom access() would let write. */
	snprintf(path, sizeof path, "%s", put_file("ro.md", in, len, 0444));
	ck_assert_int_eq(co2_card_update_file(&ch, path, block, &err), CO2_ERR_IO);
	snprintf(want, sizeof want, "%s: the file is read-only (mode 444); make it writable to update it; "
	         "file left as it was", path);
	ck_assert_str_eq(err.message, want);
	char *got = co2_test_slurp(path, &got_len);
	ck_assert(got_len == len && memcmp(got, in, len) == 0);
	free(got);

	snprintf(path, sizeof path, "%s", put_file("bad.md", bad_card, bad_len, 0644));
	ck_assert_int_eq(co2_card_update_file(&ch, path, block, &err), CO2_ERR_PARSE);
	snprintf(want, sizeof want, "%s:4:17: the front matter is not valid YAML", path);
	ck_assert_msg(strncmp(err.message, want, strlen(want)) == 0, "%s", err.message);
	ck_assert_str_eq(err.message + strlen(err.message) - 21, "; file left as it was");
	got = co2_test_slurp(path, &got_len);
	ck_assert(got_len == bad_len && memcmp(got, bad_card, bad_len) == 0);
	free(got);

	ck_assert_int_eq(co2_card_update_file(&ch, NULL, block, &err), CO2_ERR_INVALID);
	free(in);
	free(bad_card);
	remove_tmpdir();
}
END_TEST

/* The disk fills up while the new card is written (a 2 KiB file-size limit): the write
 * fails, the card is as it was, the temporary file is gone (remove_tmpdir checks). */
START_TEST(a_failed_write_leaves_the_card_and_no_temporary_file)
{
	size_t len;
	char *in = slurp("hub-template.md", &len);
	char big[8192];
	size_t n = (size_t)snprintf(big, sizeof big, "%s", in);
	for (int i = 1; i <= 60; i++)
		n += (size_t)snprintf(big + n, sizeof big - n, "Evaluation line %d: accuracy, F1 and the rest.\n", i);
	ck_assert_uint_gt(n, 2048);
	make_tmpdir();
	char path[256];
	snprintf(path, sizeof path, "%s", put_file("README.md", big, n, 0644));
	struct rlimit old, small;
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 2048;
	void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
	co2_error err;
	co2_card_change ch;
	co2_status st = co2_card_update_file(&ch, path, block, &err);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, old_handler);
	ck_assert_int_eq(st, CO2_ERR_IO);
	char want[600];
	snprintf(want, sizeof want, "%s: cannot write: %s; file left as it was", path, strerror(EFBIG));
	ck_assert_str_eq(err.message, want);
	size_t got_len;
	char *got = co2_test_slurp(path, &got_len);
	ck_assert(got_len == n && memcmp(got, big, n) == 0);
	free(got);
	free(in);
	remove_tmpdir();
}
END_TEST

static Suite *card_suite(void)
{
	Suite *s = suite_create("card");
	TCase *tc = tcase_create("card");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_bert_base_block_is_in_grams);
	tcase_add_loop_test(tc, a_card_changes_only_in_its_block, 0, (int)(sizeof good / sizeof good[0]));
	tcase_add_loop_test(tc, a_malformed_card_is_refused, 0, (int)(sizeof bad / sizeof bad[0]));
	tcase_add_loop_test(tc, edge_cases_keep_every_other_byte, 0,
	                    (int)(sizeof inline_cases / sizeof inline_cases[0]));
	tcase_add_loop_test(tc, other_bad_cards_are_refused, 0, (int)(sizeof refused / sizeof refused[0]));
	tcase_add_test(tc, a_block_that_is_not_a_mapping_is_refused);
	tcase_add_loop_test(tc, a_card_file_is_edited_in_place_and_keeps_its_mode, 0,
	                    (int)(sizeof good / sizeof good[0]));
	tcase_add_test(tc, a_symbolic_link_to_a_card_edits_the_card_and_stays_a_link);
	tcase_add_test(tc, a_card_file_that_cannot_be_edited_is_left_as_it_was);
	tcase_add_test(tc, a_failed_write_leaves_the_card_and_no_temporary_file);
	suite_add_tcase(s, tc);
	return s;
}

CO2_CHECK_MAIN(card_suite)
