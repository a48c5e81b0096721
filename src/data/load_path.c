/* Loading data files from disk: a file, or every *.yaml under a directory. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "data/db_internal.h"

#define MAX_DATA_FILE (64u << 20)

static co2_status load_file(co2_db *db, const char *path, co2_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return co2__fail_field(err, CO2_ERR_IO, "data", "%s: cannot open: %s", path,
		                       strerror(errno));
	co2__buf b = { 0 };
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		co2__buf_putn(&b, chunk, n);
		if (b.len > MAX_DATA_FILE) {
			fclose(f);
			free(b.data);
			return co2__fail_field(err, CO2_ERR_INVALID, "data",
			                       "%s: larger than %u MB, not a data file", path,
			                       MAX_DATA_FILE >> 20);
		}
	}
	int rerr = ferror(f);
	fclose(f);
	if (rerr || b.failed) {
		free(b.data);
		return co2__fail_field(err, rerr ? CO2_ERR_IO : CO2_ERR_NOMEM, "data",
		                       "%s: cannot read: %s", path, rerr ? "read error" : "out of memory");
	}
	co2_status st = co2_db_load_buffer(db, path, b.data ? b.data : "", b.len, err);
	free(b.data);
	return st;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_yaml_ext(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static co2_status load_dir(co2_db *db, const char *path, int depth, co2_error *err)
{
	if (depth > 16)
		return co2__fail_field(err, CO2_ERR_INVALID, "data", "%s: directories nested too deep",
		                       path);
	DIR *d = opendir(path);
	if (!d)
		return co2__fail_field(err, CO2_ERR_IO, "data", "%s: cannot open directory: %s", path,
		                       strerror(errno));
	char **names = NULL;
	size_t n = 0, cap = 0;
	co2_status st = CO2_OK;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			char **p = realloc(names, cap * sizeof *names);
			if (!p) {
				st = co2__fail(err, CO2_ERR_NOMEM, "out of memory");
				goto done;
			}
			names = p;
		}
		size_t len = strlen(path) + strlen(de->d_name) + 2;
		names[n] = malloc(len);
		if (!names[n]) {
			st = co2__fail(err, CO2_ERR_NOMEM, "out of memory");
			goto done;
		}
		snprintf(names[n], len, "%s/%s", path, de->d_name);
		n++;
	}
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n && st == CO2_OK; i++) {
		struct stat sb;
		if (stat(names[i], &sb) != 0)
			continue;
		if (S_ISDIR(sb.st_mode))
			st = load_dir(db, names[i], depth + 1, err);
		else if (S_ISREG(sb.st_mode) && has_yaml_ext(names[i]))
			st = load_file(db, names[i], err);
	}
done:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return st;
}

co2_status co2_db_load_path(co2_db *db, const char *path, co2_error *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return co2__fail_field(err, CO2_ERR_IO, "data", "%s: %s", path, strerror(errno));
	if (S_ISDIR(sb.st_mode))
		return load_dir(db, path, 0, err);
	return load_file(db, path, err);
}
