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
	return 0;
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
	case CO2_ERR_NOMEM: return CO2_EXIT_FAILURE;
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

int cli_read_file(const char *path, char **buf, size_t *len, co2_error *err)
{
	FILE *f = stdin;
	if (strcmp(path, "-") != 0) {
		struct stat sb;
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			snprintf(err->message, sizeof err->message, "%s: is a directory, expected a file", path);
			err->status = CO2_ERR_IO;
			return CO2_EXIT_USAGE;
		}
		f = fopen(path, "rb");
		if (!f) {
			snprintf(err->message, sizeof err->message, "%s: cannot open: %s", path, strerror(errno));
			err->status = CO2_ERR_IO;
			return CO2_EXIT_USAGE;
		}
	}
	size_t cap = 65536, n = 0;
	char *b = malloc(cap);
	while (b) {
		size_t got = fread(b + n, 1, cap - n - 1, f);
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
		snprintf(err->message, sizeof err->message, "%s: read error", path);
		err->status = CO2_ERR_IO;
		return CO2_EXIT_USAGE;
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
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	if (fd < 0)
		return cli_usage_error("%s: cannot open: %s", path, strerror(errno));
#ifdef POSIX_FADV_SEQUENTIAL
	(void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	int rc = CO2_EXIT_OK;
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
			rc = cli_usage_error("%s: read error: %s", name, strerror(errno));
			goto done;
		}
		if (got == 0)
			break;
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
