/* Build-time tool: the man pages and the shell completions of co2calc, written from the
 * same tables that drive its parsing and --help (src/cli/commands.c and each command's
 * cli_cmd), so that they cannot drift from the program. Linked with the CLI's objects
 * (all but main.c) and built for the build host like co2_snapshot.
 *   co2_gendoc OUTDIR VERSION DATADIR
 * writes OUTDIR/man1/co2calc.1, OUTDIR/man1/co2calc-COMMAND.1, OUTDIR/bash/co2calc and
 * OUTDIR/zsh/_co2calc. DATADIR is where the data files are installed (for FILES).
 *
 * What a value of an option completes to comes from the table too: FILE, PATH, README
 * and DIR arguments complete file names; an option whose help starts with a list of
 * words ("text (default), json or csv") completes those words (an option of the same
 * name in another command lends its list); hardware, cpu, region, location, edition
 * and data-edition complete the names the program lists ('co2calc list KIND --format
 * names', with the --data files of the command line); the rest complete nothing. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#define MAX_WORDS 32

static const char *outdir, *version, *datadir;

static FILE *open_out(const char *sub, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", outdir, sub);
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		perror(path);
		exit(1);
	}
	snprintf(path, sizeof path, "%s/%s/%s", outdir, sub, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

static void close_out(FILE *f)
{
	if (ferror(f) || fclose(f) != 0) {
		fprintf(stderr, "co2_gendoc: write error\n");
		exit(1);
	}
}

/* ---- what an option's value is ------------------------------------------------------ */

typedef enum vkind { V_NONE, V_FILE, V_WORDS, V_NAMES } vkind;

typedef struct vinfo {
	vkind kind;
	const char *list;          /* V_NAMES: what 'co2calc list' lists */
	char words[MAX_WORDS][32]; /* V_WORDS */
	int n;
} vinfo;

/* The words of a help text that starts with a list: "a (x), b or c (y)[; rest]" →
 * a b c. 0 when it is not one (fewer than two words, or an item that is not one
 * lower-case word). */
static int help_words(const char *help, char words[MAX_WORDS][32])
{
	char text[512];
	size_t t = 0;
	int depth = 0;
	for (const char *p = help; *p && t + 1 < sizeof text; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth)
			depth--;
		else if (!depth)
			text[t++] = *p;
	}
	text[t] = '\0';
	char *semi = strchr(text, ';');
	if (semi)
		*semi = '\0';
	int n = 0;
	char *p = text;
	while (*p) {
		char *end = p + strcspn(p, ",");
		char *or = strstr(p, " or ");
		if (or && or < end)
			end = or;
		char save = *end;
		*end = '\0';
		while (*p == ' ')
			p++;
		size_t len = strlen(p);
		while (len && p[len - 1] == ' ')
			p[--len] = '\0';
		if (!len || len >= 32 || n == MAX_WORDS || !islower((unsigned char)p[0]))
			return 0;
		for (size_t i = 0; i < len; i++)
			if (!islower((unsigned char)p[i]) && !isdigit((unsigned char)p[i]) && p[i] != '-')
				return 0;
		strcpy(words[n++], p);
		if (!save)
			break;
		p = end + (save == ',' ? 1 : 4);
	}
	return n >= 2 ? n : 0;
}

static vinfo value_of(const cli_opt *o)
{
	vinfo v;
	memset(&v, 0, sizeof v);
	static const struct { const char *opt, *list; } named[] = {
		{ "hardware", "hardware" }, { "cpu", "hardware" }, { "region", "regions" },
		{ "location", "locations" }, { "edition", "editions" }, { "data-edition", "editions" },
	};
	if (!o->arg)
		return v;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcmp(o->name, named[i].opt) == 0) {
			v.kind = V_NAMES;
			v.list = named[i].list;
			return v;
		}
	if (strcmp(o->arg, "FILE") == 0 || strcmp(o->arg, "PATH") == 0 || strcmp(o->arg, "README") == 0 ||
	    strcmp(o->arg, "DIR") == 0) {
		v.kind = V_FILE;
		return v;
	}
	v.n = help_words(o->help, v.words);
	for (const cli_command *c = cli_commands; !v.n && c->name; c++)
		for (const cli_opt *p = c->cmd->opts; !v.n && p && p->name; p++)
			if (p != o && p->arg && strcmp(p->name, o->name) == 0)
				v.n = help_words(p->help, v.words);
	v.kind = v.n ? V_WORDS : V_NONE;
	return v;
}

/* The arguments of a command from its usage: the words after the name up to the first
 * option. "a | b N | c N FILE" are alternatives (position by position); in a word,
 * "x|y|z" is a choice of lower-case words, FILE or DIR a file, NAME an entry of the
 * kind named by the first argument (show hardware NAME), any other upper-case word a
 * value to type; "[FILE...]" (brackets, dots) is optional and repeats. */
#define MAX_POS 4

typedef struct posarg {
	char words[256];  /* the lower-case words of this position, space-separated */
	int files, names;
} posarg;

typedef struct posinfo {
	posarg at[MAX_POS];
	int n;            /* positions described */
	int rest_files;   /* the last one repeats and is a file */
} posinfo;

static void add_word(posarg *pa, const char *w, size_t len)
{
	char one[64];
	snprintf(one, sizeof one, "%.*s", (int)(len < 63 ? len : 63), w);
	/* once each */
	for (const char *q = pa->words; (q = strstr(q, one)) != NULL; q += strlen(one))
		if ((q == pa->words || q[-1] == ' ') && (q[strlen(one)] == ' ' || !q[strlen(one)]))
			return;
	size_t used = strlen(pa->words);
	snprintf(pa->words + used, sizeof pa->words - used, "%s%s", used ? " " : "", one);
}

static posinfo positionals(const cli_cmd *cmd)
{
	posinfo pi;
	memset(&pi, 0, sizeof pi);
	const char *p = cmd->usage + strlen(cmd->name);
	int k = 0;
	for (;;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (!len || *p == '-' || (p[0] == '[' && p[1] == '-'))
			break;
		if (len == 1 && *p == '|') { /* the next alternative */
			k = 0;
			p += len;
			continue;
		}
		char tok[128];
		snprintf(tok, sizeof tok, "%.*s", (int)(len < 127 ? len : 127), p);
		p += len;
		char *t = tok;
		int repeat = strstr(t, "...") != NULL;
		if (*t == '[')
			t++;
		t[strcspn(t, "].")] = '\0';
		if (k >= MAX_POS)
			continue;
		posarg *pa = &pi.at[k];
		if (islower((unsigned char)*t)) {
			for (char *w = t; *w;) {
				size_t wl = strcspn(w, "|");
				add_word(pa, w, wl);
				w += wl + (w[wl] == '|');
			}
		} else if (strcmp(t, "NAME") == 0 && k > 0) {
			pa->names = 1;
		} else if (strstr(t, "FILE") || strstr(t, "DIR")) {
			pa->files = 1;
			if (repeat)
				pi.rest_files = 1;
		}
		k++;
		if (k > pi.n)
			pi.n = k;
	}
	return pi;
}

/* ---- man pages ---------------------------------------------------------------------- */

/* Text for roff: backslashes and hyphen-minus escaped, no line starting with a control
 * character. */
static void roff(FILE *f, const char *s, size_t len)
{
	int bol = 1;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (bol && (c == '.' || c == '\''))
			fputs("\\&", f);
		if (c == '\\')
			fputs("\\e", f);
		else if (c == '-')
			fputs("\\-", f);
		else
			fputc(c, f);
		bol = c == '\n';
	}
}

static void roffs(FILE *f, const char *s)
{
	roff(f, s, strlen(s));
}

/* A text of the tables: paragraphs split at blank lines, lines that start with a space
 * kept as they are (lists, tables, commands). */
static void man_text(FILE *f, const char *s)
{
	int pre = 0;
	while (*s) {
		size_t len = strcspn(s, "\n");
		if (len == 0) {
			if (pre)
				fputs(".fi\n.RE\n", f);
			pre = 0;
			fputs(".PP\n", f);
		} else if (s[0] == ' ') {
			if (!pre)
				fputs(".RS 2\n.nf\n", f);
			pre = 1;
			size_t ind = 0;
			while (ind < len && s[ind] == ' ')
				ind++;
			/* the common two-space indent is the .RS */
			if (ind > 2)
				fprintf(f, "%*s", (int)(ind - 2), "");
			roff(f, s + ind, len - ind);
			fputc('\n', f);
		} else {
			if (pre)
				fputs(".fi\n.RE\n", f);
			pre = 0;
			roff(f, s, len);
			fputc('\n', f);
		}
		s += len;
		if (*s == '\n')
			s++;
	}
	if (pre)
		fputs(".fi\n.RE\n", f);
}

static void man_header(FILE *f, const char *name, const char *brief)
{
	char upper[64];
	size_t i;
	for (i = 0; name[i] && i + 1 < sizeof upper; i++)
		upper[i] = (char)toupper((unsigned char)name[i]);
	upper[i] = '\0';
	fputs(".\\\" Generated by co2_gendoc from co2calc's option tables: do not edit.\n", f);
	fputs(".TH ", f);
	roffs(f, upper);
	fprintf(f, " 1 \"\" \"co2calc %s\" \"User Commands\"\n.SH NAME\n", version);
	roffs(f, name);
	fputs(" \\- ", f);
	roffs(f, brief);
	fputc('\n', f);
}

static void man_exit_status(FILE *f)
{
	fputs(".SH EXIT STATUS\n"
	      ".TP\n.B 0\nsuccess\n"
	      ".TP\n.B 1\nfailure (a computation that could not be done, some bad lines of a batch or\n"
	      "accounting dump, an input this build cannot read)\n"
	      ".TP\n.B 2\nbad usage or bad input\n", f);
}

static void man_command(const cli_command *c)
{
	char file[80], page[64];
	snprintf(page, sizeof page, "co2calc-%s", c->name);
	snprintf(file, sizeof file, "%s.1", page);
	FILE *f = open_out("man1", file);
	const cli_cmd *cmd = c->cmd;
	man_header(f, page, c->brief);
	fputs(".SH SYNOPSIS\n.B co2calc\n", f);
	roffs(f, cmd->usage);
	fputs("\n.SH DESCRIPTION\n", f);
	man_text(f, cmd->summary);
	fputs(".SH OPTIONS\n", f);
	for (const cli_opt *o = cmd->opts; o && o->name; o++) {
		fputs(o->arg ? ".TP\n.BI \"\\-\\-" : ".TP\n.B \\-\\-", f);
		roffs(f, o->name);
		if (o->arg) {
			fputs(" \" \"", f);
			roffs(f, o->arg);
			fputc('"', f);
		}
		fputc('\n', f);
		roffs(f, o->help);
		fputc('\n', f);
	}
	fputs(".TP\n.B \\-\\-help\nshow the help of the command and exit\n", f);
	if (cmd->examples) {
		fputs(".SH EXAMPLES\n", f);
		man_text(f, cmd->examples);
	}
	man_exit_status(f);
	fputs(".SH SEE ALSO\n.BR co2calc (1)\n", f);
	close_out(f);
}

static void man_main(void)
{
	FILE *f = open_out("man1", "co2calc.1");
	man_header(f, "co2calc", "energy and CO2eq of compute work, above all of machine-learning training runs");
	fputs(".SH SYNOPSIS\n.B co2calc\n.I COMMAND\n.RI [ OPTIONS ]\n.br\n.B co2calc\n"
	      ".BR \\-\\-help \" | \" \\-\\-version\n.SH DESCRIPTION\n", f);
	roffs(f, CLI_ABOUT);
	fputs("\nIt estimates the energy drawn and the CO2eq emitted by a run from what ran (which\n"
	      "devices, how many, how long, how busy) and where, states where every factor came\n"
	      "from, and writes reports for people, programs, papers and model cards.\n"
	      ".PP\nThe data the program uses (hardware power, regions, grid carbon intensities,\n"
	      "PUE) is built into it. Files given with\n.B \\-\\-data\nor in\n.B CO2CALC_DATA\n"
	      "are loaded on top of it.\n.SH COMMANDS\n", f);
	for (const cli_command *c = cli_commands; c->name; c++) {
		fputs(".TP\n.B ", f);
		roffs(f, c->name);
		fputc('\n', f);
		roffs(f, c->brief);
		fputs(";\nsee\n.BR co2calc\\-", f);
		roffs(f, c->name);
		fputs(" (1).\n", f);
	}
	fputs(".SH OPTIONS\n.TP\n.B \\-\\-help\nlist the commands and exit\n"
	      ".TP\n.B \\-\\-version\nprint the version and exit\n"
	      ".PP\nEach command takes its own options, listed by\n.B co2calc\n.I COMMAND\n.BR \\-\\-help .\n"
	      ".SH ENVIRONMENT\n.TP\n.B CO2CALC_DATA\n"
	      "Data files or directories, separated by colons, loaded on top of the built-in data\n"
	      "when no\n.B \\-\\-data\nis given.\n"
	      ".SH FILES\n.TP\n.I ", f);
	roffs(f, datadir);
	fputs("/co2calc/data\nThe data files built into the program, with their sources, to read, copy and\n"
	      "extend.\n", f);
	man_exit_status(f);
	fputs(".SH EXAMPLES\n.RS 2\n.nf\n", f);
	roffs(f, CLI_EXAMPLE);
	fputs("\n.fi\n.RE\n.SH SEE ALSO\n", f);
	for (const cli_command *c = cli_commands; c->name; c++) {
		fputs(".BR co2calc\\-", f);
		roffs(f, c->name);
		fputs(" (1),\n", f);
	}
	fputs(".BR libco2calc (3)\n", f);
	close_out(f);
}

/* ---- bash ---------------------------------------------------------------------------- */

static void bash_words(FILE *f, const vinfo *v)
{
	for (int i = 0; i < v->n; i++)
		fprintf(f, "%s%s", i ? " " : "", v->words[i]);
}

static void bash_value_case(FILE *f, const cli_cmd *cmd)
{
	fputs("        case $prev in\n", f);
	for (const cli_opt *o = cmd->opts; o && o->name; o++) {
		if (!o->arg)
			continue;
		vinfo v = value_of(o);
		fprintf(f, "        --%s) ", o->name);
		switch (v.kind) {
		case V_FILE: fputs("_filedir; ", f); break;
		case V_NAMES:
			fprintf(f, "_co2calc_complete_names %s", v.list);
			if (strcmp(o->name, "hardware") == 0)
				fputs(" instances", f);
			fputs("; ", f);
			break;
		case V_WORDS:
			fputs("COMPREPLY=($(compgen -W '", f);
			bash_words(f, &v);
			fputs("' -- \"$cur\")); ", f);
			break;
		default: break;
		}
		fputs("return ;;\n", f);
	}
	fputs("        esac\n", f);
}

static void bash(void)
{
	FILE *f = open_out("bash", "co2calc");
	fputs("# bash completion for co2calc                               -*- shell-script -*-\n"
	      "# Generated by co2_gendoc from co2calc's option tables: do not edit.\n\n"
	      "# The names 'co2calc list KIND --format names' prints, with the --data files of the\n"
	      "# line being completed.\n"
	      "_co2calc_names()\n{\n"
	      "    local prog=$1 kind=$2 i\n    local -a data=()\n"
	      "    for ((i = 2; i < ${#words[@]} - 1; i++)); do\n"
	      "        [[ ${words[i]} == --data ]] && data+=(--data \"${words[i + 1]}\")\n"
	      "    done\n"
	      "    \"$prog\" list \"$kind\" --format names \"${data[@]}\" 2>/dev/null\n}\n\n"
	      "# Complete $cur from names that may hold spaces and colons (\"TPU v2\",\n"
	      "# gcp:asia-east1), inside quotes or not.\n"
	      "_co2calc_complete_names()\n{\n"
	      "    local word=$cur quote= name kind\n"
	      "    case $word in\n"
	      "    \\\"*) quote=\\\" word=${word#\\\"} ;;\n"
	      "    \\'*) quote=\\' word=${word#\\'} ;;\n"
	      "    *) word=${word//\\\\/} ;;\n"
	      "    esac\n"
	      "    COMPREPLY=()\n"
	      "    for kind in \"$@\"; do\n"
	      "        while IFS= read -r name; do\n"
	      "            [[ $name == \"$word\"* ]] || continue\n"
	      "            if [[ $quote ]]; then COMPREPLY+=(\"$name\"); else COMPREPLY+=(\"$(printf '%q' \"$name\")\"); fi\n"
	      "        done < <(_co2calc_names \"$prog\" \"$kind\")\n"
	      "    done\n"
	      "    [[ $quote ]] || __ltrim_colon_completions \"$cur\"\n"
	      "}\n\n"
	      "# How many arguments (words that are neither options nor their values) come before\n"
	      "# the word completed; $1: the options that take a value.\n"
	      "_co2calc_npos()\n{\n"
	      "    local argopts=\" $1 \" i n=0\n"
	      "    for ((i = 2; i < cword; i++)); do\n"
	      "        if [[ ${words[i]} == -* ]]; then\n"
	      "            [[ ${words[i]} != *=* && $argopts == *\" ${words[i]} \"* ]] && ((i++))\n"
	      "        else\n"
	      "            ((n++))\n"
	      "        fi\n"
	      "    done\n"
	      "    echo $n\n}\n\n"
	      "_co2calc()\n{\n"
	      "    local cur prev words cword split prog=$1\n"
	      "    _init_completion -s -n := || return\n\n"
	      "    if ((cword == 1)); then\n"
	      "        COMPREPLY=($(compgen -W '", f);
	for (const cli_command *c = cli_commands; c->name; c++)
		fprintf(f, "%s ", c->name);
	fputs("--help --version' -- \"$cur\"))\n        return\n    fi\n\n"
	      "    local opts\n"
	      "    case ${words[1]} in\n", f);
	for (const cli_command *c = cli_commands; c->name; c++) {
		const cli_cmd *cmd = c->cmd;
		fprintf(f, "    %s)\n", c->name);
		bash_value_case(f, cmd);
		fputs("        opts='", f);
		for (const cli_opt *o = cmd->opts; o && o->name; o++)
			fprintf(f, "--%s ", o->name);
		fputs("--help'\n", f);
		posinfo pi = positionals(cmd);
		if (pi.n) {
			fputs("        if [[ $cur != -* ]]; then\n            case $(_co2calc_npos '", f);
			int first = 1;
			for (const cli_opt *o = cmd->opts; o && o->name; o++)
				if (o->arg) {
					fprintf(f, "%s--%s", first ? "" : " ", o->name);
					first = 0;
				}
			fputs("') in\n", f);
			for (int k = 0; k < pi.n; k++) {
				const posarg *pa = &pi.at[k];
				if (!pa->words[0] && !pa->files && !pa->names)
					continue;
				fprintf(f, "            %d) ", k);
				if (pa->words[0])
					fprintf(f, "COMPREPLY=($(compgen -W '%s' -- \"$cur\")); ", pa->words);
				if (pa->names)
					fputs("_co2calc_complete_names \"${words[2]}\"; ", f);
				if (pa->files)
					fputs(pa->words[0] ? "COMPREPLY+=($(compgen -f -- \"$cur\")); " : "_filedir; ", f);
				fputs("return ;;\n", f);
			}
			if (pi.rest_files)
				fputs("            *) _filedir; return ;;\n", f);
			fputs("            esac\n        fi\n", f);
		}
		fputs("        ;;\n", f);
	}
	fputs("    *) return ;;\n    esac\n"
	      "    [[ $cur == -* ]] && COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
	      "} &&\n    complete -F _co2calc co2calc\n", f);
	close_out(f);
}

/* ---- zsh ----------------------------------------------------------------------------- */

/* Text inside a single-quoted zsh _arguments spec: a description in [...] (brackets
 * escaped) or a message between colons (colons escaped). */
static void zsh_text(FILE *f, const char *s, const char *special)
{
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", f);
		else if (*s == '\\' || strchr(special, *s))
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
}

static void zsh(void)
{
	FILE *f = open_out("zsh", "_co2calc");
	fputs("#compdef co2calc\n"
	      "# zsh completion for co2calc. Generated by co2_gendoc from co2calc's option tables:\n"
	      "# do not edit.\n\n"
	      "# The names 'co2calc list KIND --format names' prints, with the line's --data files.\n"
	      "# KIND is the last argument; the others are compadd options from _arguments.\n"
	      "_co2calc_names() {\n"
	      "  local -a names data\n"
	      "  local i kind=${@[-1]}\n"
	      "  for ((i = 2; i < $#words; i++)); do\n"
	      "    [[ $words[i] == --data ]] && data+=(--data $words[i+1])\n"
	      "  done\n"
	      "  names=(${(f)\"$(_call_program names ${_co2calc_prog:-co2calc} list $kind --format names $data 2>/dev/null)\"})\n"
	      "  compadd \"${@[1,-2]}\" -a names\n"
	      "}\n\n"
	      "_co2calc() {\n"
	      "  local curcontext=$curcontext state line _co2calc_prog=$words[1]\n"
	      "  local -a commands\n"
	      "  commands=(\n", f);
	for (const cli_command *c = cli_commands; c->name; c++) {
		fprintf(f, "    '%s:", c->name);
		zsh_text(f, c->brief, ":");
		fputs("'\n", f);
	}
	fputs("  )\n"
	      "  _arguments -C '(- :)--help[list the commands]' '(- :)--version[print the version]' \\\n"
	      "    '1:command:->command' '*::argument:->argument'\n"
	      "  case $state in\n"
	      "  command) _describe -t commands 'co2calc command' commands ;;\n"
	      "  argument)\n"
	      "    case $words[1] in\n", f);
	for (const cli_command *c = cli_commands; c->name; c++) {
		const cli_cmd *cmd = c->cmd;
		fprintf(f, "    %s)\n      _arguments \\\n", c->name);
		for (const cli_opt *o = cmd->opts; o && o->name; o++) {
			fprintf(f, "        '*--%s%s[", o->name, o->arg ? "=" : "");
			zsh_text(f, o->help, "[]");
			fputc(']', f);
			if (o->arg) {
				vinfo v = value_of(o);
				fputc(':', f);
				zsh_text(f, o->arg, ":");
				fputc(':', f);
				switch (v.kind) {
				case V_FILE: fputs("_files", f); break;
				case V_NAMES: fprintf(f, "_co2calc_names %s", v.list); break;
				case V_WORDS:
					fputc('(', f);
					for (int i = 0; i < v.n; i++)
						fprintf(f, "%s%s", i ? " " : "", v.words[i]);
					fputc(')', f);
					break;
				default: fputc(' ', f); break;
				}
			}
			fputs("' \\\n", f);
		}
		fputs("        '(- *)--help[show the help of the command]'", f);
		posinfo pi = positionals(cmd);
		for (int k = 0; k < pi.n; k++) {
			const posarg *pa = &pi.at[k];
			fprintf(f, " \\\n        '%d:argument:", k + 1);
			if (pa->names)
				fputs("_co2calc_names $words[2]", f);
			else if (pa->words[0] && pa->files)
				fprintf(f, "_alternative \"words\\:word\\:(%s)\" \"files\\:file\\:_files\"", pa->words);
			else if (pa->words[0])
				fprintf(f, "(%s)", pa->words);
			else if (pa->files)
				fputs("_files", f);
			else
				fputc(' ', f);
			fputc('\'', f);
		}
		if (pi.rest_files)
			fputs(" \\\n        '*:file:_files'", f);
		fputs("\n      ;;\n", f);
	}
	fputs("    esac\n    ;;\n  esac\n}\n\n_co2calc \"$@\"\n", f);
	close_out(f);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: co2_gendoc OUTDIR VERSION DATADIR\n");
		return 2;
	}
	outdir = argv[1];
	version = argv[2];
	datadir = argv[3];
	if (mkdir(outdir, 0777) != 0 && errno != EEXIST) {
		perror(outdir);
		return 1;
	}
	man_main();
	for (const cli_command *c = cli_commands; c->name; c++)
		man_command(c);
	bash();
	zsh();
	return 0;
}
