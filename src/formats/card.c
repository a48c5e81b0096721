/* Hugging Face model cards: the co2_eq_emissions block, and editing it into the YAML
 * front matter of a README.md at the text level, so every other byte stays as it was.
 * libyaml checks the front matter before and after the edit. */
#include <stdlib.h>
#include <string.h>

#include "formats/report_internal.h"
#if CO2_HAVE_YAML
#include <yaml.h>
#endif

#define CARD_KEY "co2_eq_emissions"

/* ---- the block ------------------------------------------------------------------- */


co2_status co2_card_block(char **out, size_t *len, const co2_result *res, const co2_run *run,
                          const co2_db *db, co2_error *err)
{
	co2_result res_scratch;
	co2_run run_scratch;
	if (co2__result_full(&res, res, &res_scratch, err) != CO2_OK ||
	    (run && co2__run_full(&run, run, &run_scratch, err) != CO2_OK))
		return CO2_ERR_INVALID;
	co2__buf b = { 0 }, t = { 0 };
	char n[32];
	/* Operational, unless the run asks for the embodied figure too: then the source
	 * says so, and how much of the figure it is. */
	int include = run && run->include_embodied;
	int with_embodied = include && res->embodied_kg != CO2_UNSET;
	double kg = res->co2_kg + (with_embodied ? res->embodied_kg : 0);
	co2__buf_puts(&b, CARD_KEY ":\n");
	co2__buf_printf(&b, "  emissions: %s\n", co2_format_double(n, co2__card_grams(kg)));
	co2__buf_printf(&t, "co2calc %s estimate, %s method, data edition %s", co2_version(),
	                co2__method_title(res->method), res->edition);
	if (with_embodied) {
		char g[32], y[32], u[32];
		co2__buf_printf(&t, "; operational %s g plus embodied %s g (making the hardware, "
		                "amortised over %s years at a use share of %s)",
		                co2_format_double(n, co2__card_grams(res->co2_kg)),
		                co2_format_double(g, co2__card_grams(res->embodied_kg)),
		                co2_format_double(y, res->lifetime_years),
		                co2_format_double(u, res->use_share));
	} else if (include) {
		co2__buf_puts(&t, "; operational only: no embodied figure for this hardware");
	}
	co2__buf_puts(&b, "  source: ");
	co2__buf_yaml_str(&b, t.failed || !t.data ? "co2calc" : t.data);
	co2__buf_puts(&b, "\n");
	if (run && run->training_type) {
		co2__buf_puts(&b, "  training_type: ");
		co2__buf_yaml_str(&b, run->training_type);
		co2__buf_puts(&b, "\n");
	}
	t.len = 0;
	if (t.data)
		t.data[0] = '\0';
	co2__put_where(&t, res, db);
	if (t.len && !t.failed) {
		co2__buf_puts(&b, "  geographical_location: ");
		co2__buf_yaml_str(&b, t.data);
		co2__buf_puts(&b, "\n");
	}
	t.len = 0;
	if (t.data)
		t.data[0] = '\0';
	co2__put_hardware(&t, res);
	if (t.len && !t.failed) {
		co2__buf_puts(&b, "  hardware_used: ");
		co2__buf_yaml_str(&b, t.data);
		co2__buf_puts(&b, "\n");
	}
	int failed = t.failed;
	free(t.data);
	if (b.failed || failed) {
		free(b.data);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory writing the model card block");
	}
	*out = b.data;
	if (len)
		*len = b.len;
	return CO2_OK;
}

/* ---- checking a front matter with libyaml ------------------------------------------ */

#if !CO2_HAVE_YAML
co2_status co2_card_update(char **out, size_t *out_len, co2_card_change *change,
                           const char *name, const char *card, size_t len, const char *block,
                           co2_error *err)
{
	(void)out, (void)out_len, (void)change, (void)card, (void)len, (void)block;
	return co2__unsupported(err, name ? name : "<card>", "the front matter of a model card", 0);
}
#else

typedef struct fm_check {
	int empty;          /* no document: only blanks and comments */
	int mapping;        /* the root is a mapping */
	int flow;           /* ... in flow style ({...}) */
	size_t n_keys;      /* top-level keys */
	size_t n_card;      /* top-level co2_eq_emissions keys */
	size_t root_line;   /* 0-based lines of the root mapping's start and end */
	size_t root_end_line;
	size_t card_line;   /* 0-based line of the first co2_eq_emissions key */
	int bad;            /* libyaml refused it */
	char problem[200];
	size_t line, column; /* 0-based position of the problem */
} fm_check;

static void check_yaml(const char *text, size_t len, fm_check *c)
{
	memset(c, 0, sizeof *c);
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		c->bad = 1;
		snprintf(c->problem, sizeof c->problem, "out of memory");
		return;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	int depth = 0, expect_key = 0, docs = 0, seen_root = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			c->bad = 1;
			snprintf(c->problem, sizeof c->problem, "%s%s%s", p.problem ? p.problem : "invalid YAML",
			         p.context ? " " : "", p.context ? p.context : "");
			c->line = p.problem_mark.line;
			c->column = p.problem_mark.column;
			break;
		}
		yaml_event_type_t type = ev.type;
		int node_done = 0;
		switch (type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				c->bad = 1;
				snprintf(c->problem, sizeof c->problem, "more than one YAML document");
				c->line = ev.start_mark.line;
			}
			break;
		case YAML_MAPPING_START_EVENT:
			if (depth == 0 && !seen_root) {
				seen_root = 1;
				c->mapping = 1;
				c->flow = ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
				c->root_line = ev.start_mark.line;
				depth = 1;
				expect_key = 1;
				break;
			}
			if (depth == 1 && expect_key)
				c->n_keys++;
			depth++;
			break;
		case YAML_SEQUENCE_START_EVENT:
			if (depth == 0)
				seen_root = 1;
			else if (depth == 1 && expect_key)
				c->n_keys++;
			depth++;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			if (depth == 0 && type == YAML_MAPPING_END_EVENT && c->mapping)
				c->root_end_line = ev.end_mark.line;
			if (depth == 1)
				node_done = 1;
			break;
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			if (depth == 0) {
				seen_root = 1;
				/* An empty document (only "---" lines or a null) counts as empty. */
				if (type == YAML_SCALAR_EVENT && ev.data.scalar.length == 0 &&
				    ev.data.scalar.plain_implicit)
					c->empty = 1;
				break;
			}
			if (depth == 1) {
				if (expect_key) {
					c->n_keys++;
					if (type == YAML_SCALAR_EVENT &&
					    ev.data.scalar.length == strlen(CARD_KEY) &&
					    memcmp(ev.data.scalar.value, CARD_KEY, strlen(CARD_KEY)) == 0) {
						if (c->n_card++ == 0)
							c->card_line = ev.start_mark.line;
					}
				}
				node_done = 1;
			}
			break;
		default:
			break;
		}
		if (node_done)
			expect_key = !expect_key;
		yaml_event_delete(&ev);
		if (type == YAML_STREAM_END_EVENT || c->bad)
			break;
	}
	if (!c->bad && !seen_root)
		c->empty = 1;
	yaml_parser_delete(&p);
}

/* ---- the text -------------------------------------------------------------------- */

static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t k;
		unsigned min;
		unsigned cp;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			k = 1, min = 0x80, cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			k = 2, min = 0x800, cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			k = 3, min = 0x10000, cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + k >= n)
			return 0;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + j] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += k + 1;
	}
	return 1;
}

/* End of the line starting at p (before its "\n" or "\r\n"), and the start of the next. */
static size_t line_end(const char *s, size_t len, size_t p, size_t *next)
{
	size_t e = p;
	while (e < len && s[e] != '\n')
		e++;
	*next = e < len ? e + 1 : len;
	if (e > p && s[e - 1] == '\r' && e < len)
		e--;
	return e;
}

/* The line [p, e) is exactly word, with only trailing blanks. */
static int line_is(const char *s, size_t p, size_t e, const char *word)
{
	size_t n = strlen(word);
	if (e - p < n || memcmp(s + p, word, n) != 0)
		return 0;
	for (size_t i = p + n; i < e; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* The line [p, e) is a top-level co2_eq_emissions key: the key at column 0 (plain or
 * quoted), blanks, a colon, then a blank or the end. */
static int line_is_card_key(const char *s, size_t p, size_t e)
{
	static const char *const forms[] = { CARD_KEY, "\"" CARD_KEY "\"", "'" CARD_KEY "'", NULL };
	for (size_t f = 0; forms[f]; f++) {
		size_t n = strlen(forms[f]);
		if (e - p < n || memcmp(s + p, forms[f], n) != 0)
			continue;
		size_t i = p + n;
		while (i < e && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i < e && s[i] == ':' && (i + 1 == e || s[i + 1] == ' ' || s[i + 1] == '\t'))
			return 1;
	}
	return 0;
}

static int blank_line(const char *s, size_t p, size_t e)
{
	for (size_t i = p; i < e; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* Append block with "\n" turned into eol. */
static void put_block(co2__buf *b, const char *block, const char *eol)
{
	for (const char *p = block; *p; p++) {
		if (*p == '\n')
			co2__buf_puts(b, eol);
		else
			co2__buf_putn(b, p, 1);
	}
}

static co2_status card_fail(co2_error *err, const char *name, size_t line, size_t column,
                            const char *what)
{
	co2__fail(err, CO2_ERR_PARSE, "%s:%zu:%zu: %s", name, line, column, what);
	co2__error_at(err, name, (int)line, (int)column);
	return CO2_ERR_PARSE;
}

co2_status co2_card_update(char **out, size_t *out_len, co2_card_change *change,
                           const char *name, const char *card, size_t len, const char *block,
                           co2_error *err)
{
	char msg[400];
	name = name ? name : "<card>";
	if (memchr(card, '\0', len))
		return co2__fail(err, CO2_ERR_PARSE,
		                 "%s: not a model card: binary data (NUL bytes), expected a Markdown text",
		                 name);
	if (!valid_utf8((const unsigned char *)card, len))
		return co2__fail(err, CO2_ERR_PARSE,
		                 "%s: not a model card: not valid UTF-8 text", name);
	fm_check bc;
	check_yaml(block, strlen(block), &bc);
	if (bc.bad || !bc.mapping || bc.n_keys != 1 || bc.n_card != 1)
		return co2__fail(err, CO2_ERR_INVALID, "the co2_eq_emissions block is not a one-key YAML mapping");

	size_t start = 0;
	if (len >= 3 && memcmp(card, "\xef\xbb\xbf", 3) == 0)
		start = 3; /* a byte-order mark stays in front */
	size_t next;
	size_t e = line_end(card, len, start, &next);
	const char *eol = e < len && card[e] == '\r' ? "\r\n" : "\n";
	co2__buf b = { 0 };
	co2_card_change what;
	size_t fm_start = 0;

	if (!line_is(card, start, e, "---") || next == e) {
		/* No front matter: put one in front. */
		co2__buf_putn(&b, card, start);
		co2__buf_printf(&b, "---%s", eol);
		put_block(&b, block, eol);
		co2__buf_printf(&b, "---%s", eol);
		fm_start = start + 3 + strlen(eol);
		co2__buf_putn(&b, card + start, len - start);
		what = CO2_CARD_CREATED;
	} else {
		fm_start = next;
		size_t p = next;
		int closed = 0;
		eol = card[e] == '\r' ? "\r\n" : "\n";
		while (p < len) {
			size_t n2, e2 = line_end(card, len, p, &n2);
			if (line_is(card, p, e2, "---") || line_is(card, p, e2, "...")) {
				closed = 1;
				break;
			}
			p = n2;
		}
		if (!closed)
			return card_fail(err, name, 1, 1,
			                 "the front matter opened by '---' is never closed (no '---' line after it)");
		size_t fm_end = p;
		const size_t first_line = 2; /* the front matter starts on line 2 */
		fm_check c;
		check_yaml(card + fm_start, fm_end - fm_start, &c);
		if (c.bad) {
			snprintf(msg, sizeof msg, "the front matter is not valid YAML: %s", c.problem);
			return card_fail(err, name, c.line + first_line, c.column + 1, msg);
		}
		if (!c.empty && !c.mapping)
			return card_fail(err, name, first_line, 1,
			                 "not a model card: the front matter is not a mapping of keys");
		if (c.n_card > 1)
			return card_fail(err, name, c.card_line + first_line, 1,
			                 "co2_eq_emissions appears more than once in the front matter");
		/* Find the key at the text level. */
		size_t key_start = 0, found = 0;
		for (size_t q = fm_start; q < fm_end;) {
			size_t n3, e3 = line_end(card, len, q, &n3);
			if (line_is_card_key(card, q, e3)) {
				if (!found)
					key_start = q;
				found++;
			}
			q = n3;
		}
		if (found != c.n_card || (found && c.flow))
			return card_fail(err, name, c.card_line + first_line, 1,
			                 "co2_eq_emissions is not a top-level 'co2_eq_emissions:' line; "
			                 "cannot edit it in place");
		if (found) {
			/* The key line and its continuation: indented lines, top-level sequence
			 * items, and blank lines between them. */
			size_t span_end, n4;
			line_end(card, len, key_start, &n4);
			span_end = n4;
			for (size_t q = n4; q < fm_end;) {
				size_t n5, e5 = line_end(card, len, q, &n5);
				if (blank_line(card, q, e5)) {
					q = n5;
					continue;
				}
				if (card[q] == ' ' || card[q] == '\t' ||
				    (card[q] == '-' && (q + 1 == e5 || card[q + 1] == ' ' || card[q + 1] == '\t'))) {
					span_end = n5;
					q = n5;
					continue;
				}
				break;
			}
			co2__buf_putn(&b, card, key_start);
			put_block(&b, block, eol);
			co2__buf_putn(&b, card + span_end, len - span_end);
			what = CO2_CARD_REPLACED;
		} else if (c.mapping && c.flow) {
			/* "{}" (the Hub's template writes an empty front matter this way). */
			size_t q = fm_start, ln = 0, n6 = 0, e6 = 0;
			while (q < fm_end) {
				e6 = line_end(card, len, q, &n6);
				if (ln == c.root_line)
					break;
				q = n6;
				ln++;
			}
			size_t a = q;
			while (a < e6 && (card[a] == ' ' || card[a] == '\t'))
				a++;
			if (c.n_keys != 0 || c.root_line != c.root_end_line || e6 - a < 2 ||
			    memcmp(card + a, "{}", 2) != 0 || !blank_line(card, a + 2, e6))
				return card_fail(err, name, c.root_line + first_line, 1,
				                 "the front matter is a flow mapping ({...}); cannot add a "
				                 "co2_eq_emissions line to it in place");
			co2__buf_putn(&b, card, q);
			put_block(&b, block, eol);
			co2__buf_putn(&b, card + n6, len - n6);
			what = CO2_CARD_ADDED;
		} else {
			/* Add at the end of the front matter. */
			co2__buf_putn(&b, card, fm_end);
			put_block(&b, block, eol);
			co2__buf_putn(&b, card + fm_end, len - fm_end);
			what = CO2_CARD_ADDED;
		}
	}
	if (b.failed) {
		free(b.data);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory editing %s", name);
	}
	/* Check the result: its front matter parses and has exactly one block. */
	{
		size_t n7, p = fm_start, fe = b.len;
		while (p < b.len) {
			size_t e7 = line_end(b.data, b.len, p, &n7);
			if (line_is(b.data, p, e7, "---") || line_is(b.data, p, e7, "...")) {
				fe = p;
				break;
			}
			p = n7;
		}
		fm_check c;
		check_yaml(b.data + fm_start, fe - fm_start, &c);
		if (c.bad || !c.mapping || c.n_card != 1) {
			free(b.data);
			return co2__fail(err, CO2_ERR_PARSE,
			                 "%s: the edited front matter would not be valid YAML; file left as it was",
			                 name);
		}
	}
	*out = b.data;
	if (out_len)
		*out_len = b.len;
	if (change)
		*change = what;
	return CO2_OK;
}
#endif /* CO2_HAVE_YAML */
