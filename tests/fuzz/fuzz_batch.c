/* libFuzzer target: the batch reader (CSV, YAML list, JSON Lines), fed in two chunks.
 * The first byte picks the format and strictness (a likely mistake fails the run), and
 * the second where the input is split, so that a row, a quoted field or a UTF-8
 * sequence cut across two feeds is exercised too. */

#include "fuzz.h"

static void row(void *ctx, const co2_batch_row *r)
{
	(void)ctx;
	if (r->strict_refusal && r->status == CO2_OK)
		__builtin_trap(); /* a refused run is a failed run */
	if (r->status == CO2_OK) {
		if (!fuzz_finite(r->result->co2_kg))
			__builtin_trap();
	} else if (!r->error || !r->error->message[0]) {
		__builtin_trap(); /* a failed run always says why */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co2_error err;
	const co2_db *db = fuzz_db();
	if (!db)
		return 0;
	if (size < 1)
		return 0;
	co2_batch_format format = (co2_batch_format)(data[0] & 3);
	int strict = (data[0] & 4) != 0;
	data++, size--;
	size_t split = size ? (size_t)(data[0] * 7919u) % (size + 1) : 0;
	co2_batch *b = NULL;
	if (co2_batch_new(&b, db, format, "fuzz", &err) != CO2_OK)
		return 0;
	co2_batch_set_strict(b, strict);
	co2_batch_on_row(b, row, NULL);
	if (co2_batch_feed(b, (const char *)data, split, &err) == CO2_OK &&
	    co2_batch_feed(b, (const char *)data + split, size - split, &err) == CO2_OK &&
	    co2_batch_finish(b, &err) == CO2_OK) {
		const co2_batch_totals *t = co2_batch_get_totals(b);
		if (t->failed > t->runs || !fuzz_finite(t->co2_kg))
			__builtin_trap();
	}
	co2_batch_free(b);
	return 0;
}
