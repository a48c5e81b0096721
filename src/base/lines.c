/* Lines from a stream fed in chunks of any size: what a chunk ends with is carried over to
 * the next one, so each line is seen whole, and the input is never held in memory. */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

static int carry(co2__lines *lr, const char *p, size_t n)
{
	if (lr->skipping)
		return CO2__LINES_OK;
	if (lr->carry_len + n > lr->max) {
		lr->skipping = 1;
		return CO2__LINES_OK;
	}
	if (lr->carry_len + n > lr->carry_cap) {
		size_t cap = lr->carry_cap ? lr->carry_cap : 4096;
		while (cap < lr->carry_len + n)
			cap *= 2;
		char *nc = realloc(lr->carry, cap);
		if (!nc)
			return CO2__LINES_NOMEM;
		lr->carry = nc;
		lr->carry_cap = cap;
	}
	memcpy(lr->carry + lr->carry_len, p, n);
	lr->carry_len += n;
	return CO2__LINES_OK;
}

/* The carried line (or the long one being skipped) is complete. */
static int carried_line(co2__lines *lr, co2__eol_fn eol, co2__line_fn fn, void *ctx)
{
	int rc;
	if (lr->skipping) {
		rc = fn(ctx, NULL, 0);
	} else {
		const char *line = lr->carry ? lr->carry : "";
		if (eol)
			eol(ctx, line, line + lr->carry_len);
		rc = fn(ctx, line, lr->carry_len);
	}
	lr->skipping = 0;
	lr->carry_len = 0;
	return rc ? CO2__LINES_STOPPED : CO2__LINES_OK;
}

int co2__lines_feed(co2__lines *lr, const char *data, size_t len, co2__eol_fn eol,
                    co2__line_fn fn, void *ctx)
{
	const char *p = data, *end = data + len;
	int rc;
	if (lr->carry_len || lr->skipping) {
		const char *nl = memchr(p, '\n', len);
		if (!nl)
			return carry(lr, p, len);
		if ((rc = carry(lr, p, (size_t)(nl - p))) != CO2__LINES_OK ||
		    (rc = carried_line(lr, eol, fn, ctx)) != CO2__LINES_OK)
			return rc;
		p = nl + 1;
	}
	while (p < end) {
		const char *nl = eol ? eol(ctx, p, end) : memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		if (fn(ctx, p, (size_t)(nl - p)) != 0)
			return CO2__LINES_STOPPED;
		p = nl + 1;
	}
	return p < end ? carry(lr, p, (size_t)(end - p)) : CO2__LINES_OK;
}

int co2__lines_finish(co2__lines *lr, co2__eol_fn eol, co2__line_fn fn, void *ctx)
{
	if (!lr->carry_len && !lr->skipping)
		return CO2__LINES_OK;
	return carried_line(lr, eol, fn, ctx);
}

void co2__lines_free(co2__lines *lr)
{
	free(lr->carry);
	lr->carry = NULL;
	lr->carry_len = lr->carry_cap = 0;
	lr->skipping = 0;
}
