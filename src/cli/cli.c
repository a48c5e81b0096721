/* Option parsing, help, errors and data loading shared by every subcommand. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("co2calc: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return CO2_EXIT_USAGE;
}

int cli_warn(const cli_args *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs(a->strict ? "co2calc: " : "co2calc: warning: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs(a->strict ? " (an error with --strict)\n" : "\n", stderr);
	va_end(ap);
	return a->strict ? CO2_EXIT_USAGE : 0;
}

int cli_warnings(const cli_args *a, const co2_warnings *w, const char *prefix)
{
	int rc = 0;
	for (size_t i = 0; i < w->n && i < CO2_MAX_WARNINGS; i++) {
		int r = cli_warn(a, "%s%s", prefix ? prefix : "", w->items[i].message);
		if (!rc)
			rc = r;
	}
	if (w->dropped) {
		int r = cli_warn(a, "%zu more warning%s", w->dropped, w->dropped == 1 ? "" : "s");
		if (!rc)
			rc = r;
	}
	return rc;
}

/* Options that are meant to be given several times; any other given twice with different
 * values is likely a mistake (the last one wins). */
static const char *const repeatable[] = { "data", "what-if", NULL };

/* Warn about each option given more than once with different values. */
static int check_repeated(const cli_args *a)
{
	int rc = 0;
	for (size_t i = 0; i < a->n; i++) {
		const cli_opt *o = a->opt[i];
		int first = 1, differ = 0;
		size_t times = 0;
		for (size_t j = 0; j < a->n; j++) {
			if (a->opt[j] != o)
				continue;
			first &= j >= i; /* i is its first occurrence */
			times++;
			if (a->val[j] && a->val[i] && strcmp(a->val[j], a->val[i]) != 0)
				differ = 1;
		}
		if (!first || !differ)
			continue;
		size_t k;
		for (k = 0; repeatable[k] && strcmp(repeatable[k], o->name) != 0; k++)
			;
		if (repeatable[k])
			continue;
		const char *last = NULL;
		for (size_t j = 0; j < a->n; j++)
			if (a->opt[j] == o)
				last = a->val[j];
		int r = times == 2
		      ? cli_warn(a, "--%s given twice (%.60s, then %.60s): the last one is used", o->name,
		                 a->val[i], last)
		      : cli_warn(a, "--%s given %zu times (%.60s first, %.60s last): the last one is used",
		                 o->name, times, a->val[i], last);
		if (!rc)
			rc = r;
	}
	return rc;
}

/* The option a word people use for a run key stands for ("--gpu" is "--hardware", not
 * "--cpu", one edit away), when the command has it; the words are the spec reader's. */
static const char *synonym_option(const cli_cmd *cmd, const char *given)
{
	const char *key = co2_run_key_synonym(given);
	if (!key || !cmd->opts)
		return NULL;
	for (const cli_opt *p = cmd->opts; p->name; p++) {
		size_t i;
		for (i = 0; key[i] && p->name[i] && (p->name[i] == key[i] || (p->name[i] == '-' && key[i] == '_')); i++)
			;
		if (!key[i] && !p->name[i])
			return p->name;
	}
	return NULL;
}

int cli_parse(const cli_cmd *cmd, int argc, char **argv, cli_args *out)
{
	memset(out, 0, sizeof *out);
	int only_pos = 0;
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (only_pos || s[0] != '-' || strcmp(s, "-") == 0) {
			if (out->npos >= CLI_MAX_ARGS)
				return cli_usage_error("%s: too many arguments", cmd->name);
			out->pos[out->npos++] = s;
			continue;
		}
		if (strcmp(s, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
			out->help = 1;
			continue;
		}
		if (s[1] != '-')
			return cli_usage_error("%s: unknown option '%s' (options are long, like --hours; see 'co2calc %s --help')",
			                       cmd->name, s, cmd->name);
		const char *name = s + 2;
		const char *eq = strchr(name, '=');
		size_t nlen = eq ? (size_t)(eq - name) : strlen(name);
		const cli_opt *o = NULL;
		for (const cli_opt *p = cmd->opts; p && p->name; p++)
			if (strlen(p->name) == nlen && strncmp(p->name, name, nlen) == 0)
				o = p;
		if (!o) {
			char given[64];
			snprintf(given, sizeof given, "%.*s", (int)(nlen < 63 ? nlen : 63), name);
			/* A word for a run key this command has no option for ("--gpu" to batch)
			 * gets no "did you mean" rather than an option a few letters away. */
			const char *best = synonym_option(cmd, given);
			if (!best && cmd->opts && !co2_run_key_synonym(given))
				best = co2_closest_name(given, &cmd->opts[0].name, sizeof cmd->opts[0], 3);
			if (best)
				return cli_usage_error("%s: unknown option '--%s'; did you mean '--%s'?",
				                       cmd->name, given, best);
			return cli_usage_error("%s: unknown option '--%s' (see 'co2calc %s --help')",
			                       cmd->name, given, cmd->name);
		}
		const char *val = NULL;
		if (o->arg) {
			if (eq)
				val = eq + 1;
			else if (i + 1 < argc)
				val = argv[++i];
			else
				return cli_usage_error("%s: option '--%s' needs a value (%s)", cmd->name,
				                       o->name, o->arg);
		} else if (eq) {
			return cli_usage_error("%s: option '--%s' takes no value", cmd->name, o->name);
		}
		if (out->n >= CLI_MAX_ARGS)
			return cli_usage_error("%s: too many options", cmd->name);
		out->opt[out->n] = o;
		out->val[out->n] = val;
		out->n++;
	}
	if (out->help) {
		cli_help(cmd, stdout);
		return CLI_HELP_SHOWN;
	}
	out->strict = cli_has(out, "strict");
	return check_repeated(out);
}

void cli_help(const cli_cmd *cmd, FILE *f)
{
	fprintf(f, "usage: co2calc %s\n\n%s\n", cmd->usage, cmd->summary);
	if (cmd->opts && cmd->opts->name) {
		fputs("\noptions:\n", f);
		for (const cli_opt *o = cmd->opts; o->name; o++) {
			char left[64];
			snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
			fprintf(f, "  %-26s %s\n", left, o->help);
		}
		fprintf(f, "  %-26s %s\n", "--help", "show this help");
	}
	if (cmd->examples)
		fprintf(f, "\nexamples:\n%s", cmd->examples);
}

const char *cli_get(const cli_args *a, const char *name)
{
	const char *v = NULL;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->opt[i]->name, name) == 0)
			v = a->val[i];
	return v;
}

int cli_has(const cli_args *a, const char *name)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->opt[i]->name, name) == 0)
			return 1;
	return 0;
}

int cli_exit_status(co2_status st)
{
	switch (st) {
	case CO2_OK: return CO2_EXIT_OK;
	case CO2_ERR_NOMEM:
	case CO2_ERR_UNSUPPORTED: /* the input is fine; this build cannot read it */
		return CO2_EXIT_FAILURE;
	default: return CO2_EXIT_USAGE;
	}
}

int cli_fail(const co2_error *err)
{
	fprintf(stderr, "co2calc: %s\n", err->message[0] ? err->message : co2_status_str(err->status));
	return cli_exit_status(err->status);
}

int cli_open_db(const cli_args *a, co2_db **out, co2_error *err)
{
	co2_db *db = NULL;
	co2_status st = co2_db_new(&db, err);
	if (st != CO2_OK)
		return cli_fail(err);
	if (!cli_has(a, "no-builtin-data")) {
		st = co2_db_load_builtin(db, err);
		if (st != CO2_OK)
			goto fail;
	}
	if (cli_has(a, "data")) {
		for (size_t i = 0; i < a->n; i++) {
			if (strcmp(a->opt[i]->name, "data") != 0)
				continue;
			st = co2_db_load_path(db, a->val[i], err);
			if (st != CO2_OK)
				goto fail;
		}
	} else {
		const char *env = getenv("CO2CALC_DATA");
		if (env && *env) {
			char *copy = strdup(env);
			if (!copy) {
				co2_db_close(db);
				return cli_usage_error("out of memory");
			}
			char *save = NULL;
			for (char *p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save)) {
				st = co2_db_load_path(db, p, err);
				if (st != CO2_OK) {
					free(copy);
					snprintf(err->field, sizeof err->field, "CO2CALC_DATA");
					goto fail;
				}
			}
			free(copy);
		}
	}
	*out = db;
	return 0;
fail:
	co2_db_close(db);
	return cli_fail(err);
}

/* Whether an open file is a directory (bad input: a path that names no file). */
static int is_directory(int fd)
{
	struct stat sb;
	return fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int cli_read_file(const char *path, char **buf, size_t *len, co2_error *err)
{
	FILE *f = stdin;
	if (strcmp(path, "-") != 0) {
		f = fopen(path, "rb");
		if (!f) {
			snprintf(err->message, sizeof err->message, "%s: cannot open: %s", path, strerror(errno));
			err->status = CO2_ERR_IO;
			return CO2_EXIT_USAGE;
		}
	}
	if (is_directory(fileno(f))) {
		snprintf(err->message, sizeof err->message, "%s: is a directory, expected a file",
		         f == stdin ? "<stdin>" : path);
		err->status = CO2_ERR_IO;
		if (f != stdin)
			fclose(f);
		return CO2_EXIT_USAGE;
	}
	size_t cap = 65536, n = 0;
	char *b = malloc(cap);
	int rerr_errno = 0;
	while (b) {
		errno = 0;
		size_t got = fread(b + n, 1, cap - n - 1, f);
		if (got < cap - n - 1 && ferror(f) && !rerr_errno)
			rerr_errno = errno ? errno : EIO;
		n += got;
		if (got == 0)
			break;
		if (n + 1 == cap) {
			if (cap > (256u << 20)) {
				free(b);
				b = NULL;
				snprintf(err->message, sizeof err->message, "%s: larger than 256 MB", path);
				err->status = CO2_ERR_INVALID;
				if (f != stdin)
					fclose(f);
				return CO2_EXIT_USAGE;
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
	if (f != stdin)
		fclose(f);
	if (!b) {
		snprintf(err->message, sizeof err->message, "%s: out of memory", path);
		err->status = CO2_ERR_NOMEM;
		return CO2_EXIT_FAILURE;
	}
	if (rerr) {
		free(b);
		snprintf(err->message, sizeof err->message, "%s: read error: %s",
		         f == stdin ? "<stdin>" : path, strerror(rerr_errno));
		err->status = CO2_ERR_IO;
		/* Nothing could be read (/proc/self/mem): not a file to give; failing midway:
		 * the environment, not the input. */
		return n == 0 ? CO2_EXIT_USAGE : CO2_EXIT_FAILURE;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

int cli_write_stdout(const char *s, size_t len)
{
	if (fwrite(s, 1, len, stdout) != len || fflush(stdout) != 0) {
		fprintf(stderr, "co2calc: cannot write to standard output: %s\n", strerror(errno));
		return CO2_EXIT_FAILURE;
	}
	return CO2_EXIT_OK;
}

int cli_feed_file(const char *path, const char *name, cli_feed_fn feed, void *reader, co2_error *err)
{
	/* A file that cannot be opened, is a directory or cannot be read at all is bad input
	 * (status 2); a read that fails in the middle of the file is the environment failing
	 * (status 1). */
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	if (fd < 0)
		return cli_usage_error("%s: cannot open: %s", path, strerror(errno));
	if (is_directory(fd)) {
		if (fd > STDIN_FILENO)
			close(fd);
		return cli_usage_error("%s: is a directory, expected a file", name);
	}
#ifdef POSIX_FADV_SEQUENTIAL
	(void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	int rc = CO2_EXIT_OK;
	size_t total = 0;
	const size_t cap = (size_t)1 << 18;
	char *buf = malloc(cap);
	if (!buf) {
		fprintf(stderr, "co2calc: out of memory\n");
		rc = CO2_EXIT_FAILURE;
		goto done;
	}
	for (;;) {
		ssize_t got = read(fd, buf, cap);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			fprintf(stderr, "co2calc: %s: read error: %s\n", name, strerror(errno));
			rc = total ? CO2_EXIT_FAILURE : CO2_EXIT_USAGE;
			goto done;
		}
		if (got == 0)
			break;
		total += (size_t)got;
		if (feed(reader, buf, (size_t)got, err) != CO2_OK) {
			rc = cli_fail(err);
			goto done;
		}
	}
done:
	if (fd > STDIN_FILENO)
		close(fd);
	free(buf);
	return rc;
}
