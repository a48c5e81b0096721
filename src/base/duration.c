/* Durations as people and Slurm write them, in hours: "72", "3d", "2d12h", "90m",
 * "3-00:00:00", "72:00:00". No I/O; locale-independent (the numbers go through
 * co2__strtod). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/base.h"

/* The forms the messages name. */
#define FORMS "3d, 72h, 90m, 1.5d, 1w, 2d12h, 3-00:00:00 or 72:00:00"

/* Unit words, largest first; rank orders them. */
static const struct unit {
	const char *word;
	int rank;
	double hours;
} units[] = {
	{ "weeks", 0, 168 }, { "week", 0, 168 }, { "w", 0, 168 },
	{ "days", 1, 24 }, { "day", 1, 24 }, { "d", 1, 24 },
	{ "hours", 2, 1 }, { "hour", 2, 1 }, { "hrs", 2, 1 }, { "hr", 2, 1 }, { "h", 2, 1 },
	{ "minutes", 3, 1.0 / 60 }, { "minute", 3, 1.0 / 60 }, { "mins", 3, 1.0 / 60 },
	{ "min", 3, 1.0 / 60 }, { "m", 3, 1.0 / 60 },
	{ "seconds", 4, 1.0 / 3600 }, { "second", 4, 1.0 / 3600 }, { "secs", 4, 1.0 / 3600 },
	{ "sec", 4, 1.0 / 3600 }, { "s", 4, 1.0 / 3600 },
};

/* An unsigned decimal at *p ("12", "1.5", ".5"): its value, *p moved past it. */
static int read_decimal(const char **p, double *out)
{
	const char *s = *p;
	char buf[64];
	size_t n = 0;
	while ((isdigit((unsigned char)*s) || *s == '.') && n + 1 < sizeof buf)
		buf[n++] = *s++;
	buf[n] = '\0';
	if (n == 0 || isdigit((unsigned char)*s) || *s == '.' || !co2__strtod(buf, out))
		return 0;
	*p = s;
	return 1;
}

/* A unit word at *p (case-insensitive, the longest that matches and is not followed by a
 * letter): its entry, *p moved past it. */
static const struct unit *read_unit(const char **p)
{
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		size_t n = strlen(units[i].word);
		size_t k = 0;
		while (k < n && (*p)[k] && tolower((unsigned char)(*p)[k]) == units[i].word[k])
			k++;
		if (k == n && !isalpha((unsigned char)(*p)[n])) {
			*p += n;
			return &units[i];
		}
	}
	return NULL;
}

enum { PARTS_OK, PARTS_NONE, PARTS_ORDER };

/* "2d12h", "1.5 d", "1h 30m": numbers each followed by a unit, largest unit first. */
static int read_parts(const char *text, double *hours)
{
	const char *p = text;
	int last_rank = -1;
	double total = 0;
	do {
		double v;
		if (!read_decimal(&p, &v))
			return PARTS_NONE;
		while (*p == ' ')
			p++;
		const struct unit *u = read_unit(&p);
		if (!u)
			return PARTS_NONE;
		if (*p == ' ' && isdigit((unsigned char)p[1])) /* one space before the next part */
			p++;
		if (u->rank <= last_rank)
			return PARTS_ORDER;
		last_rank = u->rank;
		total += v * u->hours;
	} while (*p);
	*hours = total;
	return PARTS_OK;
}

/* Whole digits at *p, at most max of them (0: any), *p moved past them. */
static int read_digits(const char **p, size_t max, double *out)
{
	const char *s = *p;
	double v = 0;
	size_t n = 0;
	while (isdigit((unsigned char)*s) && (max == 0 || n < max)) {
		v = v * 10 + (*s++ - '0');
		n++;
	}
	if (n == 0 || isdigit((unsigned char)*s))
		return 0;
	*out = v;
	*p = s;
	return 1;
}

enum { CLOCK_OK, CLOCK_NONE, CLOCK_RANGE, CLOCK_AMBIGUOUS };

/* Slurm's forms: [D-]HH:MM:SS[.fff], D-HH:MM, D-HH. Without a day, HH may pass 23
 * (sacct prints 72:00:00 as 3-00:00:00, people write either). "A:B" alone is left
 * out: Slurm reads it as minutes:seconds, people mostly mean hours:minutes. */
static int read_clock(const char *text, double *hours)
{
	const char *p = text;
	double days = 0, h = 0, m = 0, s = 0;
	int has_days = 0;
	const char *dash = strchr(text, '-');
	if (dash) {
		if (!read_digits(&p, 0, &days) || *p != '-')
			return CLOCK_NONE;
		p++;
		has_days = 1;
	}
	if (!read_digits(&p, has_days ? 2 : 0, &h))
		return CLOCK_NONE;
	int fields = 1;
	if (*p == ':') {
		p++;
		if (!read_digits(&p, 2, &m))
			return CLOCK_NONE;
		fields++;
	}
	if (*p == ':') {
		p++;
		if (!read_digits(&p, 2, &s))
			return CLOCK_NONE;
		fields++;
		if (*p == '.') { /* sacct's milliseconds */
			const char *f = p;
			double frac;
			p++;
			if (!isdigit((unsigned char)*p))
				return CLOCK_NONE;
			while (isdigit((unsigned char)*p))
				p++;
			char buf[32];
			size_t n = (size_t)(p - f);
			if (n >= sizeof buf)
				return CLOCK_NONE;
			buf[0] = '0';
			memcpy(buf + 1, f, n);
			buf[n + 1] = '\0';
			if (!co2__strtod(buf, &frac))
				return CLOCK_NONE;
			s += frac;
		}
	}
	if (*p != '\0')
		return CLOCK_NONE;
	if (!has_days && fields == 2)
		return CLOCK_AMBIGUOUS;
	if (!has_days && fields == 1)
		return CLOCK_NONE; /* a plain number: not a clock */
	if ((has_days && h > 23) || m > 59 || s >= 60)
		return CLOCK_RANGE;
	*hours = days * 24 + h + m / 60 + s / 3600;
	return CLOCK_OK;
}

co2_status co2_parse_duration_hours(double *hours, const char *text, const char *field,
                                    co2_error *err)
{
	const char *name = field ? field : "duration";
	const char *t = text ? text : "";
	double v;
	if (co2__strtod_grouped(t, &v)) {
		*hours = v;
		return CO2_OK;
	}
	int clock = read_clock(t, &v);
	int parts = clock == CLOCK_NONE ? read_parts(t, &v) : PARTS_NONE;
	if ((clock == CLOCK_OK || parts == PARTS_OK) && isfinite(v)) {
		*hours = v == 0.0 ? 0.0 : v;
		return CO2_OK;
	}
	if (clock == CLOCK_AMBIGUOUS) {
		const char *colon = strchr(t, ':');
		int h = colon - t < 20 ? (int)(colon - t) : 20;
		return co2__fail_field(err, CO2_ERR_INVALID, field,
		                       "%s: '%.24s' is ambiguous (Slurm reads MM:SS): write %.*s:%.2s:00 "
		                       "or %.*sh%.2sm for hours and minutes, 0:%.24s for minutes and seconds",
		                       name, t, h, t, colon + 1, h, t, colon + 1, t);
	}
	if (clock == CLOCK_RANGE)
		return co2__fail_field(err, CO2_ERR_INVALID, field,
		                       "%s: '%.60s': minutes and seconds go up to 59, and hours up to 23 "
		                       "after a day (like 3-00:00:00 or 72:00:00)", name, t);
	if (parts == PARTS_ORDER)
		return co2__fail_field(err, CO2_ERR_INVALID, field,
		                       "%s: '%.60s': give the units from the largest down, each once "
		                       "(like 2d12h or 1h30m)", name, t);
	/* A comma or bad digit groups: what to write instead; else the forms. */
	char hint[192];
	if (!*co2__number_hint(hint, t))
		snprintf(hint, sizeof hint, " (durations work too: " FORMS ")");
	return co2__fail_field(err, CO2_ERR_INVALID, field,
	                       "%s: expected a finite number (like 96 or 1.5), got '%.60s'%s",
	                       name, t, hint);
}
