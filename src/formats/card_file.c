/* Editing a model card on disk: read it, put the block in with co2_card_update(), and
 * replace the file atomically (a temporary file next to it with the original's owner
 * and mode, fsync, rename), so a crash or a full disk leaves the old card or the new
 * one, never half of each. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formats/formats.h"

#define MAX_CARD ((size_t)256 << 20)

/* The whole file in a new NUL-terminated buffer. */
static co2_status read_card(char **out, size_t *out_len, const char *path, co2_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return co2__fail(err, CO2_ERR_NOT_FOUND, "%s: cannot open: %s", path, strerror(errno));
	size_t cap = 65536, n = 0;
	char *b = malloc(cap);
	while (b) {
		size_t got = fread(b + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
		if (n + 1 == cap) {
			if (cap > MAX_CARD) {
				free(b);
				fclose(f);
				return co2__fail(err, CO2_ERR_INVALID, "%s: larger than 256 MB", path);
			}
			char *nb = realloc(b, cap * 2);
			if (!nb) {
				free(b);
				b = NULL;
				break;
			}
			b = nb;
			cap *= 2;
		}
	}
	int rerr = ferror(f);
	fclose(f);
	if (!b)
		return co2__fail(err, CO2_ERR_NOMEM, "%s: out of memory", path);
	if (rerr) {
		free(b);
		return co2__fail(err, CO2_ERR_NOT_FOUND, "%s: read error", path);
	}
	b[n] = '\0';
	*out = b;
	*out_len = n;
	return CO2_OK;
}

/* Write data to path atomically: a temporary file next to it with the original's owner
 * and mode, fsync, rename. */
static co2_status write_atomic(const char *path, const char *data, size_t len, const struct stat *orig,
                               co2_error *err)
{
	char resolved[PATH_MAX];
	/* Edit the file a symbolic link points to, not the link. */
	if (!realpath(path, resolved))
		return co2__fail(err, CO2_ERR_IO, "%s: %s", path, strerror(errno));
	size_t n = strlen(resolved);
	const char *slash = strrchr(resolved, '/');
	size_t dir_len = slash ? (size_t)(slash - resolved) + 1 : 0;
	char *tmp = malloc(n + 32);
	if (!tmp)
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	snprintf(tmp, n + 32, "%.*s.%s.co2calc-XXXXXX", (int)dir_len, resolved, resolved + dir_len);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		co2__fail(err, CO2_ERR_IO, "%s: cannot create a temporary file next to it: %s", path, strerror(errno));
		free(tmp);
		return CO2_ERR_IO;
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
		free(tmp);
		return co2__fail(err, CO2_ERR_IO, "%s: cannot write: %s; file left as it was", path, strerror(saved));
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
	return CO2_OK;
}

co2_status co2_card_update_file(co2_card_change *change, const char *path, const char *block,
                                co2_error *err)
{
	*change = CO2_CARD_UNCHANGED;
	if (!path || !block)
		return co2__fail(err, CO2_ERR_INVALID, "card: a file and a block are needed");
	struct stat sb;
	if (stat(path, &sb) != 0)
		return co2__fail(err, CO2_ERR_NOT_FOUND, "%s: cannot open: %s", path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return co2__fail(err, CO2_ERR_INVALID, "%s: not a regular file", path);
	/* The rename would replace even a read-only file (and root may write anything):
	 * a file without write permission is one its owner meant to keep as it is. */
	if (access(path, W_OK) != 0 || !(sb.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)))
		return co2__fail(err, CO2_ERR_IO,
		                 "%s: the file is read-only (mode %03o); make it writable to update it; "
		                 "file left as it was", path, (unsigned)(sb.st_mode & 0777));
	char *card = NULL, *edited = NULL;
	size_t card_len = 0, out_len = 0;
	co2_card_change how;
	co2_status st = read_card(&card, &card_len, path, err);
	if (st != CO2_OK)
		return st;
	st = co2_card_update(&edited, &out_len, &how, path, card, card_len, block, err);
	if (st != CO2_OK) {
		if (err) {
			char msg[sizeof err->message];
			snprintf(msg, sizeof msg, "%s", err->message);
			snprintf(err->message, sizeof err->message, "%.*s; file left as it was",
			         (int)(sizeof err->message - 22), msg);
		}
		goto done;
	}
	if (out_len == card_len && memcmp(edited, card, card_len) == 0)
		goto done; /* already up to date: not rewritten */
	st = write_atomic(path, edited, out_len, &sb, err);
	if (st == CO2_OK)
		*change = how;
done:
	free(card);
	co2_free(edited);
	return st;
}
