/* Errors, numbers, name normalisation and string buffers (their escapers: escape.c). No I/O. */
#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

const char *co2_status_str(co2_status status)
{
	switch (status) {
	case CO2_OK: return "ok";
	case CO2_ERR_INVALID: return "invalid value";
	case CO2_ERR_NOT_FOUND: return "not found";
	case CO2_ERR_AMBIGUOUS: return "ambiguous name";
	case CO2_ERR_PARSE: return "parse error";
	case CO2_ERR_IO: return "input/output error";
	case CO2_ERR_NOMEM: return "out of memory";
	case CO2_ERR_SCHEMA: return "unsupported schema";
	case CO2_ERR_UNSUPPORTED: return "not supported by this build";
	default: return "unknown status";
	}
}

void co2_error_clear(co2_error *err)
{
	if (err)
		memset(err, 0, sizeof *err);
}

void co2_free(void *ptr)
{
	free(ptr);
}

__attribute__((format(printf, 3, 0)))
static void set_message(co2_error *err, co2_status status, const char *fmt, va_list ap)
{
	err->status = status;
	vsnprintf(err->message, sizeof err->message, fmt, ap);
}

static void clear_suggestions(co2_error *err)
{
	memset(err->suggestions, 0, sizeof err->suggestions);
	err->n_suggestions = 0;
}

void co2__error_suggest(co2_error *err, const char *suggestion)
{
	if (!err || !suggestion || err->n_suggestions >= CO2_MAX_SUGGESTIONS)
		return;
	char s[sizeof err->suggestions[0]];
	snprintf(s, sizeof s, "%s", suggestion);
	for (size_t i = 0; i < err->n_suggestions; i++)
		if (strcmp(err->suggestions[i], s) == 0)
			return;
	memcpy(err->suggestions[err->n_suggestions++], s, sizeof s);
}

void co2__error_suggest_from(co2_error *err, const co2_error *from)
{
	for (size_t i = 0; from && i < from->n_suggestions && i < CO2_MAX_SUGGESTIONS; i++)
		co2__error_suggest(err, from->suggestions[i]);
}

co2_status co2__fail(co2_error *err, co2_status status, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		set_message(err, status, fmt, ap);
		va_end(ap);
		err->field[0] = '\0';
		err->file[0] = '\0';
		err->line = err->column = 0;
		clear_suggestions(err);
	}
	return status;
}

co2_status co2__fail_field(co2_error *err, co2_status status, const char *field,
                           const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		set_message(err, status, fmt, ap);
		va_end(ap);
		snprintf(err->field, sizeof err->field, "%s", field ? field : "");
		err->file[0] = '\0';
		err->line = err->column = 0;
		clear_suggestions(err);
	}
	return status;
}

co2_status co2__unsupported(co2_error *err, const char *name, const char *what, int json)
{
	co2__fail(err, CO2_ERR_UNSUPPORTED, "%s: cannot read %s: this libco2calc was built without %s (%s=OFF)",
	          name, what, json ? "cJSON" : "libyaml", json ? "CO2_WITH_JSON" : "CO2_WITH_YAML");
	co2__error_at(err, name, 0, 0);
	return CO2_ERR_UNSUPPORTED;
}

void co2__error_at(co2_error *err, const char *file, int line, int column)
{
	if (!err)
		return;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	err->column = column;
}

void co2_warnings_clear(co2_warnings *w)
{
	if (w)
		memset(w, 0, sizeof *w);
}

co2_error *co2__warn(co2_warnings *w, const char *field, const char *fmt, ...)
{
	if (!w)
		return NULL;
	co2_error e;
	co2_error_clear(&e);
	va_list ap;
	va_start(ap, fmt);
	set_message(&e, CO2_ERR_INVALID, fmt, ap);
	va_end(ap);
	snprintf(e.field, sizeof e.field, "%s", field ? field : "");
	for (size_t i = 0; i < w->n && i < CO2_MAX_WARNINGS; i++)
		if (strcmp(w->items[i].message, e.message) == 0)
			return NULL;
	if (w->n >= CO2_MAX_WARNINGS) {
		w->dropped++;
		return NULL;
	}
	w->items[w->n] = e;
	return &w->items[w->n++];
}

co2_status co2__check_version(co2_error *err, const char *what, const char *init,
                              unsigned version, size_t size, unsigned oldest, unsigned current,
                              size_t min_size, size_t full_size)
{
	if (version == 0)
		return co2__fail_field(err, CO2_ERR_INVALID, "version",
		                       "%s: not initialised (version 0): fill it with %s first", what, init);
	if (version > current)
		return co2__fail_field(err, CO2_ERR_INVALID, "version",
		                       "%s: version %u is newer than this library (%u); rebuild against "
		                       "the installed co2calc headers", what, version, current);
	if (version < oldest)
		return co2__fail_field(err, CO2_ERR_INVALID, "version",
		                       "%s: version %u is older than this library reads (%u to %u); "
		                       "rebuild against the installed co2calc headers", what, version,
		                       oldest, current);
	if (size < min_size || size > full_size)
		return co2__fail_field(err, CO2_ERR_INVALID, "size",
		                       "%s: size %zu does not fit version %u (%zu to %zu bytes): fill it "
		                       "with %s", what, size, version, min_size, full_size, init);
	return CO2_OK;
}

/* ---- numbers ----------------------------------------------------------------- */

/* The "C" numeric locale, created once, used per thread with uselocale(). */
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;
static locale_t c_locale;

static void c_locale_init(void)
{
	c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

static locale_t get_c_locale(void)
{
	pthread_once(&c_locale_once, c_locale_init);
	return c_locale;
}

/* strtod in the "C" locale for this thread only, whatever the program's locale. */
static double strtod_c(const char *s, char **end)
{
	locale_t loc = get_c_locale();
	if (!loc)
		return strtod(s, end);
	locale_t old = uselocale(loc);
	double v = strtod(s, end);
	uselocale(old);
	return v;
}

int co2__strtod(const char *text, double *out)
{
	if (!text)
		return 0;
	const char *p = text;
	/* Grammar: [+-] digits [. digits] [(e|E) [+-] digits], surrounded by no blanks. */
	if (*p == '+' || *p == '-')
		p++;
	size_t int_digits = 0, frac_digits = 0;
	while (isdigit((unsigned char)*p)) {
		p++;
		int_digits++;
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			p++;
			frac_digits++;
		}
	}
	if (int_digits + frac_digits == 0)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return 0;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p != '\0')
		return 0;
	/* Hexadecimal ("0x10") cannot pass the grammar above. */
	char *end = NULL;
	double v = strtod_c(text, &end);
	if (!end || *end != '\0' || !isfinite(v))
		return 0;
	if (v == 0.0)
		v = 0.0; /* no negative zero */
	*out = v;
	return 1;
}

/* The length of a digit-grouped integer part at p ("82_432", "1 000 000": 1 to 3 digits,
 * then groups of exactly 3 after one separator, the same each time), or 0 when p does not
 * start with one. With sep_out, the separator is stored there. */
static size_t grouped_integer(const char *p, char seps_allowed_0, char seps_allowed_1,
                              char *sep_out)
{
	size_t n = 0;
	while (n < 4 && isdigit((unsigned char)p[n]))
		n++;
	if (n == 0 || n > 3)
		return 0;
	char sep = p[n];
	if (sep != seps_allowed_0 && sep != seps_allowed_1)
		return 0;
	size_t groups = 0;
	while (p[n] == sep && isdigit((unsigned char)p[n + 1]) && isdigit((unsigned char)p[n + 2]) &&
	       isdigit((unsigned char)p[n + 3]) && !isdigit((unsigned char)p[n + 4])) {
		n += 4;
		groups++;
	}
	if (!groups)
		return 0;
	if (sep_out)
		*sep_out = sep;
	return n;
}

int co2__strtod_grouped(const char *text, double *out)
{
	if (!text)
		return 0;
	if (!strchr(text, '_') && !strchr(text, ' '))
		return co2__strtod(text, out);
	/* [+-] grouped-integer, then the rest of a number with no separator in it. */
	const char *p = text + (*text == '+' || *text == '-');
	size_t n = grouped_integer(p, '_', ' ', NULL);
	if (!n || strchr(p + n, '_') || strchr(p + n, ' '))
		return 0;
	char plain[128];
	size_t k = 0;
	if (p != text)
		plain[k++] = *text;
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)p[i]))
			plain[k++] = p[i];
	int rest = snprintf(plain + k, sizeof plain - k, "%s", p + n);
	if (rest < 0 || (size_t)rest >= sizeof plain - k)
		return 0; /* longer than any number needs */
	return co2__strtod(plain, out);
}

const char *co2__number_hint(char buf[192], const char *text)
{
	buf[0] = '\0';
	if (!text)
		return buf;
	const char *comma = strchr(text, ',');
	if (!comma) {
		if ((strchr(text, '_') || strchr(text, ' ')) && !text[strspn(text, "0123456789+-.eE_ ")])
			snprintf(buf, 192, " (group digits by three with '_' or ' ', one kind throughout: 82_432, 1 000 000)");
		return buf;
	}
	/* As thousands: "1,500" or "1,234,567" with groups of three. */
	char thousands[64] = "", grouped[64] = "", decimal[64] = "";
	const char *p = text + (*text == '+' || *text == '-');
	double v;
	if (grouped_integer(p, ',', ',', NULL) && strlen(text) < sizeof thousands) {
		size_t k = 0;
		for (const char *q = text; *q; q++)
			if (*q != ',')
				thousands[k++] = *q;
		thousands[k] = '\0';
		for (k = 0; text[k]; k++)
			grouped[k] = text[k] == ',' ? '_' : text[k];
		grouped[k] = '\0';
		if (!co2__strtod(thousands, &v))
			thousands[0] = '\0';
	}
	/* As a decimal comma: "1,5" (one comma, a number once it is a point). */
	if (!strchr(comma + 1, ',') && strlen(text) < sizeof decimal) {
		snprintf(decimal, sizeof decimal, "%s", text);
		decimal[comma - text] = '.';
		if (co2__strtod(decimal, &v)) {
			char num[32];
			snprintf(decimal, sizeof decimal, "%s", co2__format_plain(num, v)); /* 1.500: 1.5 */
		} else {
			decimal[0] = '\0';
		}
	}
	if (thousands[0] && decimal[0])
		snprintf(buf, 192, ": write %.40s or %.40s (a comma may group thousands or mark decimals)",
		         thousands, decimal);
	else if (thousands[0])
		snprintf(buf, 192, ": write %.40s or %.40s", thousands, grouped);
	else if (decimal[0])
		snprintf(buf, 192, ": write %.40s (a '.' marks decimals)", decimal);
	return buf;
}

co2_status co2_parse_double(double *out, const char *text, const char *field, co2_error *err)
{
	double v;
	if (!co2__strtod_grouped(text, &v)) {
		char hint[192];
		return co2__fail_field(err, CO2_ERR_INVALID, field,
		                       "%s: expected a finite number (like 96 or 1.5), got '%.60s'%s",
		                       field ? field : "value", text ? text : "",
		                       co2__number_hint(hint, text));
	}
	*out = v;
	return CO2_OK;
}

double co2_round(double value, int decimals)
{
	if (!isfinite(value))
		return value;
	double p = pow(10.0, decimals);
	double scaled = value * p;
	if (!isfinite(scaled))
		return value;
	double r = round(scaled) / p;
	return r == 0.0 ? 0.0 : r;
}

double co2__round_js(double value, int decimals)
{
	/* JavaScript's toFixed rounds the exact binary value of the double: the n for which
	 * n / 10^decimals - value is closest to zero, the larger n (in magnitude) on a tie;
	 * from 1e21 up it gives the number back. */
	if (!isfinite(value) || decimals < 0 || decimals > 100 || fabs(value) >= 1e21)
		return value;
	/* The exact decimal expansion: a double with exponent e has at most 53 - e binary
	 * fractional digits (1074 at the very least), and as many decimal ones. */
	int e;
	frexp(value, &e);
	int digits = 53 - e;
	if (digits > 1074)
		digits = 1074;
	if (digits < decimals + 1)
		digits = decimals + 1;
	char buf[1200]; /* "-", 21 digits, ".", 1074 digits */
	locale_t loc = get_c_locale();
	locale_t old = loc ? uselocale(loc) : (locale_t)0;
	snprintf(buf, sizeof buf, "%.*f", digits, value);
	if (loc)
		uselocale(old);
	/* The digits kept, without the point; the first one dropped decides: on the exact
	 * expansion, half-up on the magnitude is nearest with ties to the larger n. */
	const char *s = buf + (buf[0] == '-');
	const char *dot = strchr(s, '.');
	if (!dot)
		return value;
	size_t ni = (size_t)(dot - s), nd = ni + (size_t)decimals;
	char d[1 + 22 + 100 + 1];
	d[0] = '0'; /* room for a carry */
	memcpy(d + 1, s, ni);
	memcpy(d + 1 + ni, dot + 1, (size_t)decimals);
	if (dot[1 + decimals] >= '5') {
		size_t i = nd;
		while (d[i] == '9')
			d[i--] = '0';
		d[i]++;
	}
	/* Back to text ("-0110.50") and to the nearest double, as Number() reads it. */
	char out[1 + 1 + 22 + 1 + 100 + 1];
	size_t k = 0;
	if (buf[0] == '-')
		out[k++] = '-';
	memcpy(out + k, d, nd + 1 - (size_t)decimals);
	k += nd + 1 - (size_t)decimals;
	out[k++] = '.';
	memcpy(out + k, d + 1 + ni, (size_t)decimals);
	k += (size_t)decimals;
	out[k] = '\0';
	double r = strtod_c(out, NULL);
	return r == 0.0 ? 0.0 : r;
}

double co2__round_significant(double value, int digits)
{
	if (value == 0.0 || !isfinite(value))
		return value;
	if (digits < 1)
		digits = 1;
	if (digits > 17)
		digits = 17;
	/* Through decimal text: the double nearest to the rounded decimal, at any
	 * magnitude (scaling by 10^k loses digits for tiny and huge values). */
	char buf[64];
	locale_t loc = get_c_locale();
	locale_t old = loc ? uselocale(loc) : (locale_t)0;
	snprintf(buf, sizeof buf, "%.*e", digits - 1, value);
	double r = strtod(buf, NULL);
	if (loc)
		uselocale(old);
	return r;
}

const char *co2_format_double(char buf[32], double value)
{
	if (!isfinite(value)) {
		snprintf(buf, 32, "0");
		return buf;
	}
	if (value == 0.0)
		value = 0.0;
	locale_t loc = get_c_locale();
	locale_t old = loc ? uselocale(loc) : (locale_t)0;
	snprintf(buf, 32, "%.15g", value);
	if (strtod(buf, NULL) != value)
		snprintf(buf, 32, "%.17g", value);
	if (loc)
		uselocale(old);
	return buf;
}

const char *co2__format_plain(char buf[32], double value)
{
	co2_format_double(buf, value);
	const char *e = strchr(buf, 'e');
	if (!e || fabs(value) >= 1)
		return buf;
	/* People read 0.0000842, not 8.42e-05: as many decimals as the digits shown. */
	const char *dot = strchr(buf, '.');
	int frac = dot && dot < e ? (int)(e - dot - 1) : 0;
	int decimals = -atoi(e + 1) + frac;
	if (decimals > 24)
		return buf;
	locale_t loc = get_c_locale();
	locale_t old = loc ? uselocale(loc) : (locale_t)0;
	snprintf(buf, 32, "%.*f", decimals, value);
	if (loc)
		uselocale(old);
	return buf;
}

/* ---- names --------------------------------------------------------------------- */

size_t co2__norm(char *dst, size_t cap, const char *src)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)src; *p && n + 1 < cap; p++)
		if (isalnum(*p) && *p < 128)
			dst[n++] = (char)tolower(*p);
	if (cap)
		dst[n] = '\0';
	return n;
}

static const char *const stop_words[] = {
	"nvidia", "tesla", "geforce", "amd", "intel", "google", "apple", "aws", "amazon",
	"r", "tm", "cpu", "gpu", "processor", "chip", "instinct", "habana", "the",
	"with", "radeon", "graphics", "vega", "mobile", NULL
};

static int is_stop_word(const char *w, size_t n)
{
	for (size_t i = 0; stop_words[i]; i++)
		if (strlen(stop_words[i]) == n && memcmp(stop_words[i], w, n) == 0)
			return 1;
	return 0;
}

/* "Eight-Core Processor", "Quad-Core": counts in words, as /proc/cpuinfo prints them. */
static int is_count_word(const char *w)
{
	static const char *const counts[] = { "single", "dual", "triple", "quad", "hexa", "octa",
		"two", "three", "four", "six", "eight", "ten", "twelve", "sixteen", NULL };
	for (size_t i = 0; counts[i]; i++)
		if (strcmp(w, counts[i]) == 0)
			return 1;
	return 0;
}

static int all_digits(const char *w)
{
	for (; *w; w++)
		if (!isdigit((unsigned char)*w))
			return 0;
	return 1;
}

size_t co2__norm_reduced(char *dst, size_t cap, const char *src)
{
	return co2__norm_reduced_sep(dst, cap, src, '\0');
}

size_t co2__norm_reduced_sep(char *dst, size_t cap, const char *src, char sep)
{
	/* Split into lowercase alphanumeric words; stop at '@' (clock speed). */
	char words[32][48];
	unsigned char dot_after[32] = { 0 }, drop[32] = { 0 };
	size_t nw = 0;
	const unsigned char *p = (const unsigned char *)src;
	while (*p && *p != '@' && nw < 32) {
		while (*p && *p != '@' && !(isalnum(*p) && *p < 128))
			p++;
		size_t n = 0;
		while (*p && isalnum(*p) && *p < 128) {
			if (n + 1 < sizeof words[0])
				words[nw][n++] = (char)tolower(*p);
			p++;
		}
		if (n) {
			words[nw][n] = '\0';
			dot_after[nw] = *p == '.';
			nw++;
		}
	}
	/* A clock without '@' ("2.40GHz", "3.0 GHz", "2GHz") is split into number words and
	 * a "ghz" word: drop them all, but not a model number before a space ("6142 3GHz"). */
	for (size_t i = 0; i < nw; i++) {
		const char *w = words[i];
		size_t n = strlen(w);
		int unit = n >= 3 && (strcmp(w + n - 3, "ghz") == 0 || strcmp(w + n - 3, "mhz") == 0);
		if (!unit || !(n == 3 || isdigit((unsigned char)w[0])))
			continue;
		drop[i] = 1;
		size_t j = i;
		if (n == 3 && j > 0 && all_digits(words[j - 1]))
			drop[--j] = 1; /* "3.0 GHz": the "0" */
		while (j > 0 && dot_after[j - 1] && all_digits(words[j - 1]))
			drop[--j] = 1;
	}
	/* "E5-2680 0 @ 2.70GHz": /proc/cpuinfo's "0" for a first-generation Xeon. */
	for (size_t i = nw; i-- > 1;) {
		if (drop[i])
			continue;
		if (strcmp(words[i], "0") == 0)
			drop[i] = 1;
		break;
	}
	size_t out = 0;
	for (size_t i = 0; i < nw; i++) {
		const char *w = words[i];
		size_t n = strlen(w);
		if (drop[i] || is_stop_word(w, n))
			continue;
		/* "64-Core", "8 cores": drop the count and the word. */
		if (i + 1 < nw && (strcmp(words[i + 1], "core") == 0 || strcmp(words[i + 1], "cores") == 0) &&
		    (all_digits(w) || is_count_word(w))) {
			i++;
			continue;
		}
		if (strcmp(w, "core") == 0 || strcmp(w, "cores") == 0)
			continue;
		if (sep && out > 0 && out + 1 < cap)
			dst[out++] = sep;
		for (size_t k = 0; k < n && out + 1 < cap; k++)
			dst[out++] = w[k];
	}
	if (cap)
		dst[out] = '\0';
	return out;
}

size_t co2__distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 255 || lb > 255)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	size_t row[256];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0], best = i;
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = prev + cost;
			if (row[j] + 1 < v)
				v = row[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			prev = cur;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
	}
	return row[lb];
}

const char *co2_closest_name(const char *word, const char *const *names, size_t stride,
                             size_t max_edits)
{
	if (!word || !names)
		return NULL;
	if (!stride)
		stride = sizeof *names;
	if (max_edits > 255) /* no two names of co2__distance's 255 bytes are further apart */
		max_edits = 255;
	const char *best = NULL;
	size_t bestd = max_edits + 1;
	for (const char *const *k = names; *k; k = (const char *const *)((const char *)k + stride)) {
		size_t d = co2__distance(word, *k, max_edits);
		if (d < bestd)
			bestd = d, best = *k;
	}
	return best;
}

/* ---- buffers -------------------------------------------------------------------- */

static int buf_reserve(co2__buf *b, size_t extra)
{
	if (b->failed)
		return 0;
	if (extra > ((size_t)-1) / 2 - b->len) { /* len + extra + 1 would wrap around */
		b->failed = 1;
		return 0;
	}
	if (b->len + extra + 1 <= b->cap)
		return 1;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1) {
		if (cap > ((size_t)-1) / 2) {
			b->failed = 1;
			return 0;
		}
		cap *= 2;
	}
	char *d = realloc(b->data, cap);
	if (!d) {
		b->failed = 1;
		return 0;
	}
	b->data = d;
	b->cap = cap;
	return 1;
}

void co2__buf_putn(co2__buf *b, const char *s, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void co2__buf_puts(co2__buf *b, const char *s)
{
	co2__buf_putn(b, s, strlen(s));
}

void co2__buf_printf(co2__buf *b, const char *fmt, ...)
{
	/* Numbers with a '.' whatever the program's locale (%g, %.3f in text reports). */
	locale_t loc = get_c_locale();
	locale_t old = loc ? uselocale(loc) : (locale_t)0;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !buf_reserve(b, (size_t)n)) {
		b->failed = 1;
	} else {
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
		b->len += (size_t)n;
	}
	if (loc)
		uselocale(old);
}

void co2__buf_num(co2__buf *b, double v)
{
	char tmp[32];
	co2__buf_puts(b, co2_format_double(tmp, v));
}

void co2__error_prefix(co2_error *err, const char *prefix)
{
	if (!err)
		return;
	size_t cap = sizeof err->message, pl = strlen(prefix), ml = strlen(err->message);
	if (pl >= cap)
		pl = cap - 1;
	if (pl + ml >= cap)
		ml = cap - 1 - pl;
	memmove(err->message + pl, err->message, ml);
	memcpy(err->message, prefix, pl);
	err->message[pl + ml] = '\0';
}

void co2__offset_position(const char *buf, size_t len, size_t offset, int *line, int *column)
{
	int l = 1, c = 1;
	for (size_t i = 0; i < offset && i < len; i++) {
		if (buf[i] == '\n')
			l++, c = 1;
		else
			c++;
	}
	*line = l;
	*column = c;
}
