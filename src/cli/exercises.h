/* The teaching exercises of 'co2calc exercise': the built-in set (examples/exercises,
 * embedded at build time) or a folder given with --exercises, and the small YAML reader
 * for their answers and for a student's answer file. */
#ifndef CO2_CLI_EXERCISES_H
#define CO2_CLI_EXERCISES_H

#include "cli.h"

/* The built-in exercise files, "01-cpu-vs-gpu/task.md" -> bytes (NUL-terminated), sorted
 * by name, NULL-name terminated: generated from examples/exercises by
 * cmake/embed-files.cmake. */
typedef struct cli_embedded_file {
	const char *name;
	const unsigned char *bytes;
	size_t size;
} cli_embedded_file;
extern const cli_embedded_file cli_exercise_files[];

/* One checkable answer of an exercise (answers.yaml). */
typedef struct cli_answer {
	char *name;        /* cpu_co2_kg: the key a student writes */
	char *ask;         /* what is asked, for the template 'show' prints */
	char *unit;        /* "kg", "%", ... ("" when none) */
	char *hint;        /* the step to look at when the answer is wrong */
	double value;
	double tolerance;  /* absolute, in the unit; or a percentage of value */
	int tolerance_pct;
} cli_answer;

/* A file of an exercise other than its task and answers (a run spec, a model card). */
typedef struct cli_exfile {
	char *name;
	char *text;
	size_t len;
} cli_exfile;

typedef struct cli_exercise {
	char *id;          /* the folder: "01-cpu-vs-gpu" */
	int number;        /* 1 */
	char *title;       /* task.md's heading without "# 01 — " */
	char *task;        /* task.md */
	size_t task_len;
	cli_exfile *files; /* sorted by name */
	size_t nfiles;
	cli_answer *answers; /* in the order of answers.yaml, NULL-name terminated */
	size_t nanswers;
} cli_exercise;

typedef struct cli_exercises {
	cli_exercise *ex;  /* sorted by id */
	size_t n;
	char *where;       /* "built-in" or the folder */
} cli_exercises;

/* Load the built-in exercises (dir NULL) or those of the folders NN-name of dir. Returns
 * 0, or an exit status with err filled in. Free with cli_exercises_free(). */
int cli_exercises_load(cli_exercises *out, const char *dir, co2_error *err);
void cli_exercises_free(cli_exercises *set);

/* The exercise "1", "01", "01-cpu-vs-gpu" or "cpu-vs-gpu"; NULL if none. */
const cli_exercise *cli_exercise_find(const cli_exercises *set, const char *which);

/* One "name: value" line of a student's answer file, in the order of the file. */
typedef struct cli_given {
	char *name;
	char *value;       /* as written, comments and quotes removed; "" when left empty */
	int line;
} cli_given;

/* Read a student's answers: "name: number" lines (comments, blank lines and quoted values
 * allowed). file names the input in messages. Returns 0, or an exit status with err
 * filled in ("answers.yaml:3: ..."). Free with cli_given_free(). */
int cli_given_parse(cli_given **out, size_t *n, const char *file, const char *text, size_t len,
                    co2_error *err);
void cli_given_free(cli_given *given, size_t n);

#endif
