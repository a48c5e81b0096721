/* co2calc exercise: the teaching exercises. 'list' names them, 'show N' prints a task
 * (never its answers) and the template of the answers to give, 'check N FILE' says which
 * of a student's answers are right, and for a wrong one which step to look at. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "exercises.h"

static const cli_opt opts[] = {
	{ "exercises", "DIR", "read the exercises from DIR (folders NN-name with task.md and answers.yaml)" },
	{ NULL, NULL, NULL }
};

const cli_cmd cli_cmd_exercise = {
	"exercise",
	"exercise list | show N | check N FILE [--exercises DIR]",
	"Teaching exercises on the footprint of machine-learning training (the built-in ones are\n"
	"the source's examples/exercises, embedded at build time).\n"
	"  list          each exercise with a one-line summary\n"
	"  show N        the task of exercise N, its run specs, and a template of the answers to\n"
	"                give; never the answers\n"
	"  check N FILE  read your answers (a small YAML file of 'name: number' lines, like\n"
	"                'co2_kg: 47.52'; '-' for standard input) and say which are right, within\n"
	"                the exercise's tolerance, and for a wrong one which step to look at.\n"
	"                Exit status 0 when every answer is given and right, 1 when one is wrong,\n"
	"                missing or unknown.",
	opts,
	"  co2calc exercise list\n"
	"  co2calc exercise show 3 > exercise-03.txt\n"
	"  co2calc exercise check 3 my-answers.yaml\n"
};

static int finish(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "co2calc: cannot write to standard output: %s\n", strerror(errno));
		return CO2_EXIT_FAILURE;
	}
	return CO2_EXIT_OK;
}

static int do_list(const cli_exercises *set)
{
	int w = 0;
	for (size_t i = 0; i < set->n; i++)
		if ((int)strlen(set->ex[i].id + 3) > w)
			w = (int)strlen(set->ex[i].id + 3);
	for (size_t i = 0; i < set->n; i++)
		printf("%02d  %-*s  %s\n", set->ex[i].number, w, set->ex[i].id + 3, set->ex[i].title);
	printf("\n'co2calc exercise show N' prints exercise N; 'co2calc exercise check N FILE' checks your answers.\n");
	return finish();
}

static int do_show(const cli_exercise *ex)
{
	fwrite(ex->task, 1, ex->task_len, stdout);
	if (ex->task_len && ex->task[ex->task_len - 1] != '\n')
		putchar('\n');
	if (ex->nfiles) {
		printf("\nFiles: ");
		for (size_t i = 0; i < ex->nfiles; i++)
			printf("%s%s", i ? ", " : "", ex->files[i].name);
		printf(". Save each under its name to run the commands.\n");
		for (size_t i = 0; i < ex->nfiles; i++) {
			const cli_exfile *f = &ex->files[i];
			printf("\n---- %s ----\n", f->name);
			fwrite(f->text, 1, f->len, stdout);
			if (f->len && f->text[f->len - 1] != '\n')
				putchar('\n');
		}
	}
	printf("\nYour answers: copy these lines into a file (my-answers.yaml, say), write your numbers\n"
	       "after the colons, and run 'co2calc exercise check %d my-answers.yaml'.\n\n",
	       ex->number);
	int w = 0;
	for (size_t i = 0; i < ex->nanswers; i++)
		if ((int)strlen(ex->answers[i].name) > w)
			w = (int)strlen(ex->answers[i].name);
	for (size_t i = 0; i < ex->nanswers; i++) {
		const cli_answer *a = &ex->answers[i];
		printf("%s:%*s  # %s%s%s\n", a->name, w - (int)strlen(a->name), "", a->unit, a->unit[0] ? ", " : "",
		       a->ask);
	}
	return finish();
}

/* Print text after a prefix, wrapped at 92 columns, continuation lines indented to the
 * text's start. */
static void wrapped(const char *prefix, const char *text)
{
	const int width = 92, indent = (int)strlen(prefix);
	int col = printf("%s", prefix);
	const char *p = text;
	int first = 1;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " \n");
		if (!n) {
			if (*p == '\n') {
				printf("\n%*s", indent, "");
				col = indent;
				first = 1;
				p++;
			}
			continue;
		}
		if (!first && col + 1 + (int)n > width) {
			printf("\n%*s", indent, "");
			col = indent;
			first = 1;
		}
		col += printf("%s%.*s", first ? "" : " ", (int)n, p);
		first = 0;
		p += n;
	}
	putchar('\n');
}

/* The number a student wrote for answer a, with or without a's unit after it. */
static int read_given(double *out, const char *text, const cli_answer *a)
{
	char buf[128];
	size_t n = strlen(text);
	if (n >= sizeof buf)
		return 0;
	memcpy(buf, text, n + 1);
	size_t ul = strlen(a->unit);
	if (ul && n > ul && strcmp(buf + n - ul, a->unit) == 0) {
		n -= ul;
		while (n && buf[n - 1] == ' ')
			n--;
		buf[n] = '\0';
	}
	co2_error e;
	co2_error_clear(&e);
	return n && co2_parse_double(out, buf, NULL, &e) == CO2_OK;
}

static int do_check(const cli_exercise *ex, const char *path)
{
	co2_error err;
	co2_error_clear(&err);
	char *text = NULL;
	size_t len = 0;
	cli_given *given = NULL;
	size_t ngiven = 0;
	const char *file = strcmp(path, "-") == 0 ? "<stdin>" : path;
	int rc = cli_read_file(path, &text, &len, &err);
	if (rc) {
		fprintf(stderr, "co2calc: %s\n", err.message);
		goto done;
	}
	if ((rc = cli_given_parse(&given, &ngiven, file, text, len, &err))) {
		fprintf(stderr, "co2calc: %s\n", err.message);
		goto done;
	}
	size_t right = 0, wrong = 0, missing = 0, unknown = 0;
	int w = 0;
	for (size_t i = 0; i < ex->nanswers; i++)
		if ((int)strlen(ex->answers[i].name) > w)
			w = (int)strlen(ex->answers[i].name);
	for (size_t g = 0; g < ngiven; g++)
		if ((int)strlen(given[g].name) > w)
			w = (int)strlen(given[g].name);
	printf("Exercise %02d (%s), the answers of %s:\n\n", ex->number, ex->title, file);
	for (size_t i = 0; i < ex->nanswers; i++) {
		const cli_answer *a = &ex->answers[i];
		const cli_given *g = NULL;
		for (size_t k = 0; k < ngiven && !g; k++)
			if (strcmp(given[k].name, a->name) == 0)
				g = &given[k];
		const char *sp = a->unit[0] ? " " : "";
		if (!g || !g->value[0]) {
			printf("  %-8s %-*s  not answered: %s%s%s\n", "missing", w, a->name, a->ask, a->unit[0] ? ", in " : "",
			       a->unit);
			missing++;
			continue;
		}
		double v;
		if (!read_given(&v, g->value, a)) {
			/* As written, on one line and cut short. */
			char as[64];
			size_t n = 0;
			for (const char *p = g->value; *p && n < sizeof as - 1; p++)
				as[n++] = (unsigned char)*p < 0x20 ? ' ' : *p;
			if (g->value[n])
				memcpy(as + (n > sizeof as - 4 ? sizeof as - 4 : n), "...", 4);
			else
				as[n] = '\0';
			printf("  %-8s %-*s  '%s' is not a number%s%s (write it like '%s: 1.5')\n", "unread", w, a->name,
			       as, a->unit[0] ? " in " : "", a->unit, a->name);
			wrong++;
			continue;
		}
		char shown[32];
		co2_format_double(shown, v);
		double tol = a->tolerance_pct ? fabs(a->value) * a->tolerance / 100.0 : a->tolerance;
		/* A hair of slack, so that 0.594 - 0.584 <= 0.01 holds in binary floating point. */
		if (fabs(v - a->value) <= tol + 1e-9 * fmax(1.0, fabs(a->value))) {
			printf("  %-8s %-*s  %s%s%s\n", "right", w, a->name, shown, sp, a->unit);
			right++;
			continue;
		}
		printf("  %-8s %-*s  %s%s%s is too %s\n", "wrong", w, a->name, shown, sp, a->unit,
		       v > a->value ? "high" : "low");
		wrapped("           hint: ", a->hint);
		wrong++;
	}
	char nunknown[32];
	for (size_t k = 0; k < ngiven; k++) {
		size_t i = 0;
		while (i < ex->nanswers && strcmp(ex->answers[i].name, given[k].name) != 0)
			i++;
		if (i < ex->nanswers)
			continue;
		const char *best = co2_closest_name(given[k].name, (const char *const *)&ex->answers[0].name,
		                                    sizeof ex->answers[0], 3);
		char nb[192];
		if (best)
			snprintf(nb, sizeof nb, "; did you mean '%s'?", best);
		printf("  %-8s %-*s  not an answer of exercise %02d (line %d)%s\n", "unknown", w, given[k].name,
		       ex->number, given[k].line, best ? nb : "");
		unknown++;
	}
	snprintf(nunknown, sizeof nunknown, "%zu", unknown);
	if (right == ex->nanswers && !unknown)
		printf("\nAll %zu answers right.\n", right);
	else
		printf("\n%zu of %zu answers right, %zu wrong, %zu not answered%s%s%s.\n", right, ex->nanswers, wrong,
		       missing, unknown ? ", " : "", unknown ? nunknown : "",
		       unknown == 1 ? " unknown name" : unknown ? " unknown names" : "");
	rc = finish();
	if (rc == CO2_EXIT_OK && (right != ex->nanswers || unknown))
		rc = CO2_EXIT_FAILURE;
done:
	cli_given_free(given, ngiven);
	free(text);
	return rc;
}

int cmd_exercise(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_cmd_exercise, argc, argv, &a);
	if (rc)
		return rc == CLI_HELP_SHOWN ? CO2_EXIT_OK : rc;
	const char *verb = a.npos ? a.pos[0] : NULL;
	size_t want = !verb ? 0 : strcmp(verb, "list") == 0 ? 1 : strcmp(verb, "show") == 0 ? 2
	                        : strcmp(verb, "check") == 0 ? 3 : 0;
	if (!want)
		return cli_usage_error("exercise: expected list, show N or check N FILE%s%s%s", verb ? ", got '" : "",
		                       verb ? verb : "", verb ? "'" : "");
	if (a.npos != want)
		return cli_usage_error("exercise: %s (see 'co2calc exercise --help')",
		                       want == 1 ? "'list' takes no argument"
		                       : want == 2 ? "expected 'show N', the number of an exercise"
		                                   : "expected 'check N FILE', the number of an exercise and your answers");
	co2_error err;
	co2_error_clear(&err);
	cli_exercises set;
	rc = cli_exercises_load(&set, cli_get(&a, "exercises"), &err);
	if (rc) {
		fprintf(stderr, "co2calc: %s\n", err.message);
		return rc;
	}
	if (want == 1) {
		rc = do_list(&set);
		goto done;
	}
	const cli_exercise *ex = cli_exercise_find(&set, a.pos[1]);
	if (!ex) {
		rc = cli_usage_error("exercise: no exercise '%s' in the %s exercises (%02d to %02d; see 'co2calc exercise list')",
		                     a.pos[1], cli_get(&a, "exercises") ? "folder's" : "built-in", set.ex[0].number,
		                     set.ex[set.n - 1].number);
		goto done;
	}
	rc = want == 2 ? do_show(ex) : do_check(ex, a.pos[2]);
done:
	cli_exercises_free(&set);
	return rc;
}
