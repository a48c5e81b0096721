/* co2calc card: the Hugging Face co2_eq_emissions block of a run, printed or written
 * into the front matter of a model card (README.md) in place. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/run_args.h"

static const cli_opt opts[] = {
	CLI_RUN_OPTS,
	{ "update", "README", "write the block into this model card's YAML front matter (in place)" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

static const cli_cmd cmd = {
	"card",
	"card --spec FILE [--update README.md] [OPTIONS]",
	"Print the Hugging Face model-card block co2_eq_emissions (emissions in grams of CO2eq,\n"
	"source, training_type, geographical_location, hardware_used) for a run, or with --update\n"
	"write it into the YAML front matter of a model card: an existing co2_eq_emissions entry\n"
	"is replaced, or one is added, or a front matter is created; every other byte of the file\n"
	"is kept. The file is replaced atomically (temporary file, fsync, rename) and keeps its\n"
	"mode. A file that is not a text model card, or whose front matter is not valid YAML, is\n"
	"refused (exit 2) and left untouched.",
	opts,
	"  co2calc card --spec bert-base.yaml\n"
	"  co2calc card --spec bert-base.yaml --update README.md\n"
};

/* Write data to path atomically: a temporary file next to it with the original's owner
 * and mode, fsync, rename. */
static int write_atomic(const char *path, const char *data, size_t len, const struct stat *orig)
{
	char resolved[PATH_MAX];
	/* Edit the file a symbolic link points to, not the link. */
	if (!realpath(path, resolved)) {
		fprintf(stderr, "co2calc: %s: %s\n", path, strerror(errno));
		return CO2_EXIT_FAILURE;
	}
	size_t n = strlen(resolved);
	const char *slash = strrchr(resolved, '/');
	size_t dir_len = slash ? (size_t)(slash - resolved) + 1 : 0;
	char *tmp = malloc(n + 32);
	if (!tmp) {
		fprintf(stderr, "co2calc: out of memory\n");
		return CO2_EXIT_FAILURE;
	}
	snprintf(tmp, n + 32, "%.*s.%s.co2calc-XXXXXX", (int)dir_len, resolved, resolved + dir_len);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "co2calc: %s: cannot create a temporary file next to it: %s\n", path,
		        strerror(errno));
		free(tmp);
		return CO2_EXIT_FAILURE;
	}
	int ok = 1;
	size_t off = 0;
	while (ok && off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			ok = 0;
		else
			off += (size_t)w;
	}
	int saved = errno;
	/* Keep the owner where we may (root editing someone's card), then the mode. */
	if (ok && (orig->st_uid != geteuid() || orig->st_gid != getegid()))
		(void)!fchown(fd, orig->st_uid, orig->st_gid);
	if (ok && fchmod(fd, orig->st_mode & 07777) != 0)
		ok = 0, saved = errno;
	if (ok && fsync(fd) != 0)
		ok = 0, saved = errno;
	if (close(fd) != 0 && ok)
		ok = 0, saved = errno;
	if (ok && rename(tmp, resolved) != 0)
		ok = 0, saved = errno;
	if (!ok) {
		unlink(tmp);
		fprintf(stderr, "co2calc: %s: cannot write: %s; file left as it was\n", path, strerror(saved));
		free(tmp);
		return CO2_EXIT_FAILURE;
	}
	free(tmp);
	/* Make the rename durable: fsync the directory (best effort). */
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%.*s", dir_len ? (int)dir_len : 1, dir_len ? resolved : ".");
	int dfd = open(dir, O_RDONLY);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	return CO2_EXIT_OK;
}

int cmd_card(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cmd, argc, argv, &a);
	if (rc)
		return rc;
	if (a.help) {
		cli_help(&cmd, stdout);
		return CO2_EXIT_OK;
	}
	if (a.npos)
		return cli_usage_error("card: unexpected argument '%s' (use --update %s to edit a model card)",
		                       a.pos[0], a.pos[0]);
	co2_error err;
	co2_error_clear(&err);
	char *block = NULL, *card = NULL, *edited = NULL;
	size_t block_len = 0;
	cli_run cr;
	rc = cli_run_load(&cr, &a, &err);
	if (rc)
		goto done;
	co2_result res; co2_result_init(&res);
	if (co2_estimate(cr.db, cr.run, &res, &err) != CO2_OK ||
	    co2_card_block(&block, &block_len, &res, cr.run, cr.db, &err) != CO2_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	const char *path = cli_get(&a, "update");
	if (!path) {
		rc = cli_write_stdout(block, block_len);
		goto done;
	}
	if (strcmp(path, "-") == 0) {
		rc = cli_usage_error("card: --update needs a file to edit in place, not standard input");
		goto done;
	}
	struct stat sb;
	if (stat(path, &sb) != 0) {
		rc = cli_usage_error("%s: cannot open: %s", path, strerror(errno));
		goto done;
	}
	if (!S_ISREG(sb.st_mode)) {
		rc = cli_usage_error("%s: not a regular file", path);
		goto done;
	}
	/* The rename would replace even a read-only file (and root may write anything):
	 * a file without write permission is one its owner meant to keep as it is. */
	if (access(path, W_OK) != 0 || !(sb.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH))) {
		fprintf(stderr, "co2calc: %s: the file is read-only (mode %03o); make it writable to update it; "
		        "file left as it was\n", path, (unsigned)(sb.st_mode & 0777));
		rc = CO2_EXIT_FAILURE;
		goto done;
	}
	size_t card_len;
	rc = cli_read_file(path, &card, &card_len, &err);
	if (rc) {
		cli_fail(&err);
		goto done;
	}
	size_t out_len;
	co2_card_change change;
	if (co2_card_update(&edited, &out_len, &change, path, card, card_len, block, &err) != CO2_OK) {
		fprintf(stderr, "co2calc: %s; file left as it was\n", err.message);
		rc = cli_exit_status(err.status);
		goto done;
	}
	char g[32];
	co2_format_double(g, co2_round(res.co2_kg * 1000.0, 2));
	if (out_len == card_len && memcmp(edited, card, card_len) == 0) {
		printf("%s: co2_eq_emissions already up to date (%s g CO2eq)\n", path, g);
	} else {
		rc = write_atomic(path, edited, out_len, &sb);
		if (rc)
			goto done;
		printf("%s: co2_eq_emissions %s (%s g CO2eq)\n", path,
		       change == CO2_CARD_REPLACED ? "replaced" : change == CO2_CARD_ADDED ? "added to the front matter"
		                                                                         : "added in a new front matter",
		       g);
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "co2calc: cannot write to standard output: %s\n", strerror(errno));
		rc = CO2_EXIT_FAILURE;
	}
done:
	co2_free(block);
	co2_free(edited);
	free(card);
	cli_run_free(&cr);
	return rc;
}
