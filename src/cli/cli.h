/* Shared pieces of the command line: option tables, exit codes, loading data. */
#ifndef CO2_CLI_H
#define CO2_CLI_H

#include <stdio.h>
#include "co2calc/co2calc.h"

#define CO2_EXIT_OK 0
#define CO2_EXIT_FAILURE 1
#define CO2_EXIT_USAGE 2

/* One option of a subcommand; a table of these drives parsing and --help. */
typedef struct cli_opt {
	const char *name;     /* long name without "--" */
	const char *arg;      /* argument placeholder, NULL for a flag */
	const char *help;
} cli_opt;

/* One subcommand: the table behind its parsing, its --help, its man page
 * co2calc-NAME(1) and its shell completion (cmake/gendoc.c reads these tables). */
typedef struct cli_cmd {
	const char *name;
	const char *usage;    /* "estimate [OPTIONS]"; words before the first option or
	                       * [...] are its arguments: a|b|c (words) or FILE, NAME */
	const char *summary;
	const cli_opt *opts;  /* NULL-name terminated */
	const char *examples;
} cli_cmd;

/* The subcommands, in the order of 'co2calc --help' (commands.c); NULL-name
 * terminated. brief: the one line of the command list and of the man page's NAME. */
typedef struct cli_command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const cli_cmd *cmd;
	const char *brief;
} cli_command;
extern const cli_command cli_commands[];

/* What co2calc is, for --help and co2calc(1). */
#define CLI_ABOUT "Energy and CO2eq of compute work, above all of machine-learning training runs."
#define CLI_EXAMPLE \
	"co2calc estimate --hardware \"TPU v2\" --count 4 --hours 96 --region gcp:asia-east1 --method mlco2"

#define CLI_MAX_ARGS 64

/* A parsed command line: options in the order given, and positional arguments. */
typedef struct cli_args {
	const cli_opt *opt[CLI_MAX_ARGS];
	const char *val[CLI_MAX_ARGS];
	size_t n;
	const char *pos[CLI_MAX_ARGS];
	size_t npos;
	int help;
	int strict;           /* --strict given (to a command that has it) */
} cli_args;

/* Parse argv (argv[0] is the subcommand). Returns 0, CLI_HELP_SHOWN after printing the
 * help that --help asked for, or an exit status after printing an error. */
#define CLI_HELP_SHOWN (-1)
int cli_parse(const cli_cmd *cmd, int argc, char **argv, cli_args *out);
void cli_help(const cli_cmd *cmd, FILE *f);
/* Last value of an option, or NULL. */
const char *cli_get(const cli_args *a, const char *name);
int cli_has(const cli_args *a, const char *name);

/* A likely mistake the user made: "co2calc: warning: MESSAGE" on stderr, and 0; with
 * --strict, "co2calc: MESSAGE (an error with --strict)" and CO2_EXIT_USAGE. */
int cli_warn(const cli_args *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Each warning the library found (prefix, if not NULL, goes before each: "what-if 'X': ");
 * 0, or CO2_EXIT_USAGE with --strict when there was one. */
int cli_warnings(const cli_args *a, const co2_warnings *w, const char *prefix);

/* Print "co2calc: message" to stderr and return the exit status for err. */
int cli_fail(const co2_error *err);
/* Print "co2calc: ..." and return CO2_EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_exit_status(co2_status st);

/* Open the database the way every command does: --data PATH (repeatable), else
 * CO2CALC_DATA (colon-separated), on top of the built-in data unless
 * --no-builtin-data. */
int cli_open_db(const cli_args *a, co2_db **db, co2_error *err);

/* Read a whole file ("-" is standard input) into a new NUL-terminated buffer. */
int cli_read_file(const char *path, char **buf, size_t *len, co2_error *err);

/* Feed a file ("-" is standard input) to a streaming reader (co2_sacct_feed,
 * co2_batch_feed, ...) in chunks of 256 KiB; name names the input in messages
 * ("<stdin>"). Returns 0, or an exit status after printing the error. */
typedef co2_status (*cli_feed_fn)(void *reader, const char *data, size_t len, co2_error *err);
int cli_feed_file(const char *path, const char *name, cli_feed_fn feed, void *reader, co2_error *err);

/* Write a string to stdout; CO2_EXIT_FAILURE if it cannot be written. */
int cli_write_stdout(const char *s, size_t len);

/* The options every data-reading command takes. */
#define CLI_DATA_OPTS                                                                    \
	{ "data", "PATH", "load data files (a .yaml file or a directory) on top of the built-in data; repeatable" }, \
	{ "no-builtin-data", NULL, "use only the files given with --data" },                          \
	{ "data-edition", "NAME", "pin a data edition (see 'co2calc list editions')" }

int cmd_estimate(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_data(int argc, char **argv);
int cmd_sacct(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_card(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_exercise(int argc, char **argv);
extern const cli_cmd cli_cmd_estimate, cli_cmd_list, cli_cmd_show, cli_cmd_data, cli_cmd_sacct,
	cli_cmd_batch, cli_cmd_card, cli_cmd_compare, cli_cmd_exercise;

#endif
