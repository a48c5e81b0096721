/* The teaching exercises: the built-in set or a folder of them, and the small YAML reader
 * for answers.yaml and a student's answer file.
 *
 * The reader takes the part of YAML these files need, and refuses the rest with the line:
 * block mappings of "name: value" lines, nested by indentation; plain, double-quoted and
 * single-quoted scalars, which may continue on more-indented lines (folded into one
 * line, as YAML folds them); comments. It is here, not in the library, because answers
 * are a teaching matter of this program, not part of estimating a run; the numbers go
 * through the library's co2_parse_double like every other number the program reads. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "exercises.h"

/* ---- errors ------------------------------------------------------------------------ */

static int fail(co2_error *err, co2_status st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(co2_error *err, co2_status st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	err->status = st;
	return st == CO2_ERR_NOMEM ? CO2_EXIT_FAILURE : CO2_EXIT_USAGE;
}

#define NOMEM(err) fail((err), CO2_ERR_NOMEM, "out of memory")

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* ---- the YAML subset ------------------------------------------------------------------ */

typedef struct yl_entry {
	int indent;
	int line;
	char *key;
	char *value; /* "" for "key:" alone */
} yl_entry;

typedef struct yl_doc {
	yl_entry *e;
	size_t n, cap;
} yl_doc;

static void yl_free(yl_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->e[i].key);
		free(d->e[i].value);
	}
	free(d->e);
	memset(d, 0, sizeof *d);
}

/* A growing string. */
typedef struct sbuf {
	char *s;
	size_t n, cap;
	int oom;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *ns = realloc(b->s, cap);
		if (!ns) {
			b->oom = 1;
			return;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void sb_trim_right(sbuf *b)
{
	while (b->n && (b->s[b->n - 1] == ' ' || b->s[b->n - 1] == '\t'))
		b->s[--b->n] = '\0';
}

/* The lines of a text, without their line breaks ("\n" or "\r\n"). */
typedef struct lines {
	const char *text;
	size_t len, pos;
	int line;
} lines;

static int next_line(lines *l, const char **s, size_t *n)
{
	if (l->pos >= l->len)
		return 0;
	const char *start = l->text + l->pos;
	const char *nl = memchr(start, '\n', l->len - l->pos);
	size_t k = nl ? (size_t)(nl - start) : l->len - l->pos;
	l->pos += k + (nl ? 1 : 0);
	l->line++;
	if (k && start[k - 1] == '\r')
		k--;
	*s = start;
	*n = k;
	return 1;
}

static size_t indent_of(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static int blank(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == n;
}

static int blank_or_comment(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == n || s[i] == '#';
}

static int key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '-' || c == '.';
}

/* A quoted scalar that starts at s[0] (the quote) on the current line and may continue
 * on the following ones: its text into b, line breaks folded as YAML folds them (one
 * break: a space; each empty line: a newline). */
static int quoted(lines *l, const char *s, size_t n, sbuf *b, const char *file, co2_error *err)
{
	char q = s[0];
	int first_line = l->line;
	size_t i = 1;
	for (;;) {
		for (; i < n; i++) {
			char c = s[i];
			if (c == q && q == '\'' && i + 1 < n && s[i + 1] == '\'') {
				sb_add(b, "'", 1);
				i++;
			} else if (c == q) {
				/* After the closing quote: nothing, or a comment. */
				size_t j = i + 1;
				while (j < n && (s[j] == ' ' || s[j] == '\t'))
					j++;
				if (j < n && (s[j] != '#' || j == i + 1))
					return fail(err, CO2_ERR_PARSE, "%s:%d: text after the closing quote: '%.*s'",
					            file, l->line, (int)(n - j < 40 ? n - j : 40), s + j);
				return b->oom ? NOMEM(err) : 0;
			} else if (c == '\\' && q == '"') {
				char e = i + 1 < n ? s[i + 1] : '\0';
				const char *r = e == '"' ? "\"" : e == '\\' ? "\\" : e == 'n' ? "\n" : e == 't' ? "\t" : NULL;
				if (!r)
					return fail(err, CO2_ERR_PARSE,
					            "%s:%d: unsupported escape '\\%c' in a quoted value (use \\\" \\\\ \\n \\t)",
					            file, l->line, e ? e : ' ');
				sb_add(b, r, 1);
				i++;
			} else {
				sb_add(b, &s[i], 1);
			}
		}
		/* The line ends inside the quotes: fold it into the next non-empty one. */
		sb_trim_right(b);
		int empty = 0;
		for (;;) {
			if (!next_line(l, &s, &n))
				return fail(err, CO2_ERR_PARSE, "%s:%d: a quoted value is not closed (the quote opens here)",
				            file, first_line);
			if (!blank(s, n))
				break;
			empty++;
		}
		if (!empty)
			sb_add(b, " ", 1);
		while (empty-- > 0)
			sb_add(b, "\n", 1);
		i = 0;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
	}
}

/* Parse text into "key: value" entries with their indentation. */
static int yl_parse(yl_doc *d, const char *file, const char *text, size_t len, co2_error *err)
{
	memset(d, 0, sizeof *d);
	if (memchr(text, '\0', len))
		return fail(err, CO2_ERR_PARSE, "%s: not a text file (it holds a NUL byte)", file);
	lines l = { text, len, 0, 0 };
	const char *s;
	size_t n;
	int have = next_line(&l, &s, &n);
	while (have) {
		if (blank_or_comment(s, n)) {
			have = next_line(&l, &s, &n);
			continue;
		}
		size_t ind = indent_of(s, n);
		int line = l.line;
		if (s[ind] == '\t')
			return fail(err, CO2_ERR_PARSE, "%s:%d: a tab indents the line; YAML indents with spaces", file, line);
		size_t k = ind;
		while (k < n && key_char(s[k]))
			k++;
		if (k == ind || k >= n || s[k] != ':' || (k + 1 < n && s[k + 1] != ' ' && s[k + 1] != '\t'))
			return fail(err, CO2_ERR_PARSE,
			            "%s:%d: expected 'name: value' (a name of letters, digits and '_', a colon, a space), got '%.*s'",
			            file, line, (int)(n - ind < 60 ? n - ind : 60), s + ind);
		if (d->n == d->cap) {
			size_t cap = d->cap ? d->cap * 2 : 16;
			yl_entry *ne = realloc(d->e, cap * sizeof *ne);
			if (!ne)
				return NOMEM(err);
			d->e = ne;
			d->cap = cap;
		}
		yl_entry *e = &d->e[d->n];
		memset(e, 0, sizeof *e);
		e->indent = (int)ind;
		e->line = line;
		e->key = dupn(s + ind, k - ind);
		if (!e->key)
			return NOMEM(err);
		d->n++;
		size_t v = k + 1;
		while (v < n && (s[v] == ' ' || s[v] == '\t'))
			v++;
		sbuf b = { 0 };
		sb_add(&b, "", 0);
		if (v < n && (s[v] == '"' || s[v] == '\'')) {
			int rc = quoted(&l, s + v, n - v, &b, file, err);
			if (rc) {
				free(b.s);
				return rc;
			}
			have = next_line(&l, &s, &n);
		} else if (v < n && s[v] != '#') {
			if (strchr("[{|>&*!@`", s[v]))
				return free(b.s), fail(err, CO2_ERR_PARSE,
				                       "%s:%d: '%c' starts a YAML form these files do not use (lists, "
				                       "blocks, anchors, tags): write the value on one line, or in double quotes",
				                       file, line, s[v]);
			/* A plain value: up to a comment, and on the more-indented lines after it. */
			for (int first = 1;; first = 0) {
				size_t end = n;
				for (size_t j = v; j < n; j++)
					if (s[j] == '#' && (j == v || s[j - 1] == ' ' || s[j - 1] == '\t')) {
						end = j;
						break;
					}
				if (!first)
					sb_add(&b, " ", 1);
				sb_add(&b, s + v, end - v);
				sb_trim_right(&b);
				have = next_line(&l, &s, &n);
				if (!have || blank_or_comment(s, n) || indent_of(s, n) <= ind)
					break;
				v = indent_of(s, n);
			}
		} else {
			have = next_line(&l, &s, &n);
		}
		if (b.oom) {
			free(b.s);
			return NOMEM(err);
		}
		e->value = b.s;
	}
	return 0;
}

/* ---- answers.yaml ---------------------------------------------------------------------- */

static const char *const answer_fields[] = { "ask", "value", "unit", "tolerance", "hint", "command", "field", NULL };

static int number(double *out, const char *text, const char *file, int line, const char *what, co2_error *err)
{
	co2_error e;
	co2_error_clear(&e);
	if (co2_parse_double(out, text, what, &e) != CO2_OK)
		return fail(err, CO2_ERR_PARSE, "%s:%d: %s", file, line, e.message);
	return 0;
}

static void answer_free(cli_answer *a)
{
	free(a->name);
	free(a->ask);
	free(a->unit);
	free(a->hint);
}

/* The answers of one answers.yaml: a mapping of answer names, each a mapping of
 * answer_fields. */
static int parse_answers(cli_exercise *ex, const char *file, const char *text, size_t len, co2_error *err)
{
	yl_doc d;
	int rc = yl_parse(&d, file, text, len, err);
	if (rc)
		goto done;
	ex->answers = calloc(d.n + 1, sizeof *ex->answers); /* NULL-name terminated */
	if (!ex->answers) {
		rc = NOMEM(err);
		goto done;
	}
	cli_answer *a = NULL;
	int seen[8] = { 0 }, start = 0;
	for (size_t i = 0; i <= d.n; i++) {
		yl_entry *e = i < d.n ? &d.e[i] : NULL;
		if (a && (!e || e->indent == 0)) {
			/* The answer before is complete: check it. */
			static const char *const required[] = { "ask", "value", "tolerance", "hint" };
			for (size_t r = 0; r < 4; r++)
				for (size_t f = 0; answer_fields[f]; f++)
					if (strcmp(answer_fields[f], required[r]) == 0 && !seen[f]) {
						rc = fail(err, CO2_ERR_PARSE, "%s:%d: answer '%s' has no '%s'", file, start,
						          a->name, required[r]);
						goto done;
					}
			if (!a->unit && !(a->unit = dupn("", 0))) {
				rc = NOMEM(err);
				goto done;
			}
			a = NULL;
		}
		if (!e)
			break;
		if (e->indent == 0) {
			if (e->value[0]) {
				rc = fail(err, CO2_ERR_PARSE,
				          "%s:%d: '%s' is an answer: give its ask, value, unit, tolerance and hint on the "
				          "indented lines below it",
				          file, e->line, e->key);
				goto done;
			}
			for (size_t j = 0; j < ex->nanswers; j++)
				if (strcmp(ex->answers[j].name, e->key) == 0) {
					rc = fail(err, CO2_ERR_PARSE, "%s:%d: answer '%s' given twice", file, e->line, e->key);
					goto done;
				}
			a = &ex->answers[ex->nanswers++];
			a->name = e->key;
			e->key = NULL;
			memset(seen, 0, sizeof seen);
			start = e->line;
			continue;
		}
		if (!a) {
			rc = fail(err, CO2_ERR_PARSE, "%s:%d: '%s' is indented but belongs to no answer", file, e->line,
			          e->key);
			goto done;
		}
		size_t f = 0;
		while (answer_fields[f] && strcmp(answer_fields[f], e->key) != 0)
			f++;
		if (!answer_fields[f]) {
			const char *best = co2_closest_name(e->key, answer_fields, 0, 3);
			rc = fail(err, CO2_ERR_PARSE, "%s:%d: unknown field '%s' of answer '%s'%s%s%s", file, e->line,
			          e->key, a->name, best ? "; did you mean '" : " (fields: ask, value, unit, tolerance, hint, command, field)",
			          best ? best : "", best ? "'?" : "");
			goto done;
		}
		if (seen[f]) {
			rc = fail(err, CO2_ERR_PARSE, "%s:%d: '%s' given twice for answer '%s'", file, e->line, e->key,
			          a->name);
			goto done;
		}
		seen[f] = 1;
		if (!e->value[0] && strcmp(e->key, "unit") != 0) {
			rc = fail(err, CO2_ERR_PARSE, "%s:%d: '%s' of answer '%s' is empty", file, e->line, e->key, a->name);
			goto done;
		}
		if (strcmp(e->key, "value") == 0) {
			if ((rc = number(&a->value, e->value, file, e->line, "value", err)))
				goto done;
		} else if (strcmp(e->key, "tolerance") == 0) {
			size_t vl = strlen(e->value);
			if (vl > 1 && e->value[vl - 1] == '%') {
				a->tolerance_pct = 1;
				e->value[--vl] = '\0';
				while (vl && e->value[vl - 1] == ' ')
					e->value[--vl] = '\0';
			}
			if ((rc = number(&a->tolerance, e->value, file, e->line, "tolerance", err)))
				goto done;
			if (a->tolerance < 0) {
				rc = fail(err, CO2_ERR_PARSE, "%s:%d: the tolerance of answer '%s' is negative", file, e->line,
				          a->name);
				goto done;
			}
		} else {
			char **slot = strcmp(e->key, "ask") == 0 ? &a->ask : strcmp(e->key, "unit") == 0 ? &a->unit
			                                           : strcmp(e->key, "hint") == 0 ? &a->hint : NULL;
			if (slot) {
				*slot = e->value;
				e->value = NULL;
			}
		}
	}
	if (ex->nanswers == 0)
		rc = fail(err, CO2_ERR_PARSE, "%s: no answers", file);
done:
	yl_free(&d);
	return rc;
}

/* ---- a student's answers ----------------------------------------------------------------- */

void cli_given_free(cli_given *given, size_t n)
{
	for (size_t i = 0; given && i < n; i++) {
		free(given[i].name);
		free(given[i].value);
	}
	free(given);
}

int cli_given_parse(cli_given **out, size_t *nout, const char *file, const char *text, size_t len,
                    co2_error *err)
{
	*out = NULL;
	*nout = 0;
	yl_doc d;
	cli_given *g = NULL;
	size_t n = 0;
	int rc = yl_parse(&d, file, text, len, err);
	if (rc)
		goto done;
	g = calloc(d.n ? d.n : 1, sizeof *g);
	if (!g) {
		rc = NOMEM(err);
		goto done;
	}
	for (size_t i = 0; i < d.n; i++) {
		yl_entry *e = &d.e[i];
		if (e->indent != 0) {
			rc = fail(err, CO2_ERR_PARSE,
			          "%s:%d: '%s' is indented: write one 'name: number' a line, at the start of the line",
			          file, e->line, e->key);
			goto done;
		}
		for (size_t j = 0; j < n; j++)
			if (strcmp(g[j].name, e->key) == 0) {
				rc = fail(err, CO2_ERR_PARSE, "%s:%d: '%s' given twice (first on line %d)", file, e->line,
				          e->key, g[j].line);
				goto done;
			}
		g[n].name = e->key;
		g[n].value = e->value;
		g[n].line = e->line;
		e->key = e->value = NULL;
		n++;
	}
	*out = g;
	*nout = n;
	g = NULL;
done:
	cli_given_free(g, n);
	yl_free(&d);
	return rc;
}

/* ---- the exercise set -------------------------------------------------------------------- */

static void exercise_free(cli_exercise *ex)
{
	free(ex->id);
	free(ex->title);
	free(ex->task);
	for (size_t i = 0; i < ex->nfiles; i++) {
		free(ex->files[i].name);
		free(ex->files[i].text);
	}
	free(ex->files);
	for (size_t i = 0; i < ex->nanswers; i++)
		answer_free(&ex->answers[i]);
	free(ex->answers);
}

void cli_exercises_free(cli_exercises *set)
{
	for (size_t i = 0; i < set->n; i++)
		exercise_free(&set->ex[i]);
	free(set->ex);
	free(set->where);
	memset(set, 0, sizeof *set);
}

/* A folder name NN-name. */
static int exercise_id(const char *s)
{
	return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] == '-' && s[3];
}

/* Files of an exercise folder that are not shown: the teacher's worked answer and the
 * test's checks (tests/exercises.sh); task.md and answers.yaml are read on their own. */
static int shown_file(const char *name)
{
	return name[0] != '.' && strcmp(name, "task.md") != 0 && strcmp(name, "answers.yaml") != 0 &&
	       strcmp(name, "solution.md") != 0 && strcmp(name, "checks") != 0 && strcmp(name, "README.md") != 0;
}

/* The title of task.md: its first line without "# " and "NN — " (or "NN - "). */
static char *title_of(const char *task, size_t len)
{
	const char *nl = memchr(task, '\n', len);
	size_t n = nl ? (size_t)(nl - task) : len;
	const char *s = task;
	if (n >= 2 && s[0] == '#' && s[1] == ' ') {
		s += 2;
		n -= 2;
	}
	if (n > 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') {
		static const char *const seps[] = { " \xe2\x80\x94 ", " - ", ". ", NULL };
		for (const char *const *p = seps; *p; p++) {
			size_t k = strlen(*p);
			if (n > 2 + k && memcmp(s + 2, *p, k) == 0) {
				s += 2 + k;
				n -= 2 + k;
				break;
			}
		}
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	return dupn(s, n);
}

/* Add the exercise id from its files (name, bytes): task.md, answers.yaml and the files
 * shown with the task. where prefixes file names in messages. */
static int add_exercise(cli_exercises *set, const char *id, const char *where, const cli_exfile *files,
                        size_t nfiles, co2_error *err)
{
	cli_exercise *ex = &set->ex[set->n];
	memset(ex, 0, sizeof *ex);
	const cli_exfile *task = NULL, *answers = NULL;
	for (size_t i = 0; i < nfiles; i++) {
		if (strcmp(files[i].name, "task.md") == 0)
			task = &files[i];
		else if (strcmp(files[i].name, "answers.yaml") == 0)
			answers = &files[i];
	}
	if (!task || !answers)
		return fail(err, CO2_ERR_NOT_FOUND, "%s/%s: no %s (an exercise folder holds task.md and answers.yaml)",
		            where, id, task ? "answers.yaml" : "task.md");
	set->n++;
	ex->id = dupn(id, strlen(id));
	ex->number = (id[0] - '0') * 10 + (id[1] - '0');
	ex->task = dupn(task->text, task->len);
	ex->task_len = task->len;
	ex->title = title_of(task->text, task->len);
	ex->files = calloc(nfiles ? nfiles : 1, sizeof *ex->files);
	if (!ex->id || !ex->task || !ex->title || !ex->files)
		return NOMEM(err);
	for (size_t i = 0; i < nfiles; i++) {
		if (!shown_file(files[i].name))
			continue;
		cli_exfile *f = &ex->files[ex->nfiles++];
		f->name = dupn(files[i].name, strlen(files[i].name));
		f->text = dupn(files[i].text, files[i].len);
		f->len = files[i].len;
		if (!f->name || !f->text)
			return NOMEM(err);
	}
	char file[512];
	snprintf(file, sizeof file, "%s/%s/answers.yaml", where, id);
	return parse_answers(ex, file, answers->text, answers->len, err);
}

static int load_builtin(cli_exercises *set, co2_error *err)
{
	size_t total = 0;
	while (cli_exercise_files[total].name)
		total++;
	set->ex = calloc(total ? total : 1, sizeof *set->ex);
	cli_exfile *files = calloc(total ? total : 1, sizeof *files);
	int rc = 0;
	if (!set->ex || !files) {
		rc = NOMEM(err);
		goto done;
	}
	/* The table is sorted by name: the files of one folder are side by side. */
	for (size_t i = 0; i < total;) {
		const char *name = cli_exercise_files[i].name;
		const char *slash = strchr(name, '/');
		if (!slash) {
			i++;
			continue;
		}
		size_t dl = (size_t)(slash - name), nf = 0;
		for (; i < total && strncmp(cli_exercise_files[i].name, name, dl + 1) == 0; i++) {
			files[nf].name = (char *)cli_exercise_files[i].name + dl + 1;
			files[nf].text = (char *)cli_exercise_files[i].bytes;
			files[nf].len = cli_exercise_files[i].size;
			nf++;
		}
		char id[128];
		snprintf(id, sizeof id, "%.*s", (int)dl, name);
		if (exercise_id(id) && (rc = add_exercise(set, id, "<builtin>", files, nf, err)))
			goto done;
	}
done:
	free(files);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in a directory for which keep() holds, sorted. */
static int list_dir(char ***out, size_t *nout, const char *path, int (*keep)(const char *dir, const char *name),
                    co2_error *err)
{
	*out = NULL;
	*nout = 0;
	DIR *dir = opendir(path);
	if (!dir)
		return fail(err, CO2_ERR_IO, "%s: cannot open the folder: %s", path, strerror(errno));
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *de;
	while ((de = readdir(dir))) {
		if (!keep(path, de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			char **nn = realloc(names, cap * sizeof *nn);
			if (!nn) {
				rc = NOMEM(err);
				break;
			}
			names = nn;
		}
		if (!(names[n] = dupn(de->d_name, strlen(de->d_name)))) {
			rc = NOMEM(err);
			break;
		}
		n++;
	}
	closedir(dir);
	if (rc) {
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return rc;
	}
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	*out = names;
	*nout = n;
	return 0;
}

static int is_kind(const char *dir, const char *name, int want_dir)
{
	char path[4096];
	struct stat sb;
	if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path || stat(path, &sb) != 0)
		return 0;
	return want_dir ? S_ISDIR(sb.st_mode) : S_ISREG(sb.st_mode);
}

static int keep_exercise_dir(const char *dir, const char *name)
{
	return exercise_id(name) && is_kind(dir, name, 1);
}

static int keep_file(const char *dir, const char *name)
{
	return name[0] != '.' && is_kind(dir, name, 0);
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
}

/* The exercise of the folder dir/id. */
static int load_folder(cli_exercises *set, const char *dir, const char *id, co2_error *err)
{
	char sub[4096], path[4096];
	char **names = NULL;
	size_t nnames = 0, nf = 0;
	cli_exfile *files = NULL;
	if (snprintf(sub, sizeof sub, "%s/%s", dir, id) >= (int)sizeof sub)
		return fail(err, CO2_ERR_IO, "%s/%s: path too long", dir, id);
	int rc = list_dir(&names, &nnames, sub, keep_file, err);
	if (rc)
		return rc;
	if (!(files = calloc(nnames ? nnames : 1, sizeof *files))) {
		rc = NOMEM(err);
		goto done;
	}
	for (size_t k = 0; k < nnames; k++) {
		if (strcmp(names[k], "task.md") != 0 && strcmp(names[k], "answers.yaml") != 0 && !shown_file(names[k]))
			continue; /* never read: nothing the student sees comes from them */
		if (snprintf(path, sizeof path, "%s/%s", sub, names[k]) >= (int)sizeof path) {
			rc = fail(err, CO2_ERR_IO, "%s/%s: path too long", sub, names[k]);
			goto done;
		}
		files[nf].name = names[k];
		if ((rc = cli_read_file(path, &files[nf].text, &files[nf].len, err)))
			goto done;
		nf++;
	}
	rc = add_exercise(set, id, dir, files, nf, err);
done:
	for (size_t k = 0; files && k < nf; k++)
		free(files[k].text);
	free(files);
	free_names(names, nnames);
	return rc;
}

static int load_dir(cli_exercises *set, const char *dir, co2_error *err)
{
	char **ids = NULL;
	size_t nids = 0;
	int rc = list_dir(&ids, &nids, dir, keep_exercise_dir, err);
	if (rc)
		return rc;
	if (nids == 0)
		rc = fail(err, CO2_ERR_NOT_FOUND,
		          "%s: no exercise folders (folders named NN-name, each with task.md and answers.yaml)", dir);
	else if (!(set->ex = calloc(nids, sizeof *set->ex)))
		rc = NOMEM(err);
	for (size_t i = 0; !rc && i < nids; i++)
		rc = load_folder(set, dir, ids[i], err);
	free_names(ids, nids);
	return rc;
}

int cli_exercises_load(cli_exercises *out, const char *dir, co2_error *err)
{
	memset(out, 0, sizeof *out);
	const char *where = dir ? dir : "built-in";
	if (!(out->where = dupn(where, strlen(where))))
		return NOMEM(err);
	int rc = dir ? load_dir(out, dir, err) : load_builtin(out, err);
	if (rc)
		cli_exercises_free(out);
	return rc;
}

const cli_exercise *cli_exercise_find(const cli_exercises *set, const char *which)
{
	size_t k = strspn(which, "0123456789");
	if (k > 0 && k < 4 && which[k] == '\0') {
		int num = atoi(which);
		for (size_t i = 0; i < set->n; i++)
			if (set->ex[i].number == num)
				return &set->ex[i];
		return NULL;
	}
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->ex[i].id, which) == 0 || strcmp(set->ex[i].id + 3, which) == 0)
			return &set->ex[i];
	return NULL;
}
