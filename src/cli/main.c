/* co2calc: dispatch to one subcommand. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *f)
{
	fputs("usage: co2calc COMMAND [OPTIONS]\n\n" CLI_ABOUT "\n\ncommands:\n", f);
	for (const cli_command *c = cli_commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->brief);
	fputs("\n'co2calc help COMMAND' (or 'co2calc COMMAND --help') describes a command; 'co2calc --version'\n"
	      "prints the version.\n"
	      "example:\n  " CLI_EXAMPLE "\n", f);
}

static int unknown_command(const char *context, const char *name)
{
	return cli_usage_error("%s%sunknown command '%s' (commands: estimate, list, show, data, sacct, batch, card, compare, exercise; see 'co2calc --help')",
	                       context ? context : "", context ? ": " : "", name);
}

int main(int argc, char **argv)
{
	/* The user's locale for messages and characters, but never for numbers: co2calc
	 * prints them the same way everywhere (a '.' decimal point), as scripts and the
	 * reports pasted into papers need. The library is locale-independent on its own;
	 * this also covers the command's own printf calls. */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	if (argc < 2) {
		usage(stderr);
		return CO2_EXIT_USAGE;
	}
	if (strcmp(argv[1], "help") == 0 && argc > 2) {
		/* 'co2calc help estimate' is 'co2calc estimate --help'. */
		if (argc > 3)
			return cli_usage_error("help: expected one command, got '%s %s'", argv[2], argv[3]);
		for (const cli_command *c = cli_commands; c->name; c++) {
			if (strcmp(c->name, argv[2]) == 0) {
				static char help_flag[] = "--help";
				char *help_argv[] = { argv[2], help_flag, NULL };
				return c->fn(2, help_argv);
			}
		}
		return unknown_command("help", argv[2]);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CO2_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("co2calc %s\n", co2_version());
		return CO2_EXIT_OK;
	}
	for (const cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, argv[1]) == 0)
			return c->fn(argc - 1, argv + 1);
	return unknown_command(NULL, argv[1]);
}
