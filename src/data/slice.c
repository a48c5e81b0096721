/* Google Cloud TPU slice names ("v3-8", "v5litepod-16", "tpu7x-8"): the chip and how
 * many of them.
 *
 * A slice is named by its accelerator type: the TPU version, a dash and a number. What
 * the number counts depends on the version, so the same "-8" is 4 chips of v3 and 8 of
 * v6e. The rule for each version is a fact of Google's naming, kept here with the page
 * that states it; the chip's figures come from the data like any other hardware. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "data/db_internal.h"

typedef struct slice_rule {
	const char *prefix;   /* as in the accelerator type, before the dash */
	const char *hardware; /* a name every edition's chip answers to */
	int per_chip;         /* what the number counts per chip: 2 TensorCores, or 1 chip */
	const char *rule;     /* the factor's note */
	const char *source;
	int year;
} slice_rule;

/* v2 to v5p and TPU7x chips have two TensorCores and their accelerator types count
 * TensorCores; v5e and v6e chips have one and theirs count chips. TPU7x: Google's TPU7x
 * page gives two TensorCores per chip and 4-chip VMs, and Google's own cluster tool
 * (AI-Hypercomputer/xpk, system_characteristics.py) names each slice
 * tpu7x-<chips x 2>, so tpu7x-8 is the 2x2x1 slice of 4 chips. */
static const slice_rule rules[] = {
	{ "v2", "TPU v2", 2, "the number counts TensorCores, 2 per chip",
	  "https://cloud.google.com/tpu/docs/v2", 2024 },
	{ "v3", "TPU v3", 2, "the number counts TensorCores, 2 per chip",
	  "https://cloud.google.com/tpu/docs/v3", 2024 },
	{ "v4", "TPU v4", 2, "the number counts TensorCores, 2 per chip",
	  "https://cloud.google.com/tpu/docs/v4", 2024 },
	{ "v5p", "TPU v5p", 2, "the number counts TensorCores, 2 per chip",
	  "https://cloud.google.com/tpu/docs/v5p", 2024 },
	{ "v5litepod", "TPU v5e", 1, "the number counts chips (TPU v5e)",
	  "https://cloud.google.com/tpu/docs/v5e", 2024 },
	{ "v6e", "TPU v6e", 1, "the number counts chips",
	  "https://cloud.google.com/tpu/docs/v6e", 2024 },
	{ "tpu7x", "TPU7x", 2, "the number counts TensorCores, 2 per chip",
	  "https://cloud.google.com/tpu/docs/tpu7x; slice names as Google's xpk tool "
	  "(github.com/AI-Hypercomputer/xpk, src/xpk/core/system_characteristics.py) makes them",
	  2025 },
};

co2_status co2_db_find_tpu_slice(co2_tpu_slice *out, const co2_db *db, const char *edition,
                                 const char *name, co2_error *err)
{
	if (!name)
		return co2__fail_field(err, CO2_ERR_INVALID, "hardware", "hardware: a name is required");
	const char *p = name;
	while (*p == ' ')
		p++;
	if (strncasecmp(p, "gcp:", 4) == 0)
		p += 4;
	size_t len = strlen(p);
	while (len && p[len - 1] == ' ')
		len--;
	const char *dash = memchr(p, '-', len);
	for (size_t r = 0; dash && r < sizeof rules / sizeof rules[0]; r++) {
		size_t pl = strlen(rules[r].prefix);
		if ((size_t)(dash - p) != pl || strncasecmp(p, rules[r].prefix, pl) != 0)
			continue;
		const char *num = dash + 1, *end = p + len;
		if (num == end)
			break; /* "v3-": no number, not a slice name */
		long n = 0;
		for (const char *q = num; q < end; q++) {
			if (!isdigit((unsigned char)*q) || n > 1000000)
				return co2__fail_field(err, CO2_ERR_NOT_FOUND, "hardware",
				                       "'%s' is not a TPU slice name", name);
			n = n * 10 + (*q - '0');
		}
		if (n <= 0 || n % rules[r].per_chip != 0)
			return co2__fail_field(err, CO2_ERR_INVALID, "hardware",
			                       "TPU slice '%s': %s, so the number must be a positive "
			                       "multiple of %d (e.g. %s-8)",
			                       name, rules[r].rule, rules[r].per_chip, rules[r].prefix);
		co2_status st = co2_db_find_hardware(&out->hardware, db, edition, rules[r].hardware, err);
		if (st != CO2_OK)
			return st;
		out->number = (int)n;
		out->per_chip = rules[r].per_chip;
		out->chips = (double)n / rules[r].per_chip;
		out->rule = rules[r].rule;
		out->source = rules[r].source;
		out->year = rules[r].year;
		return CO2_OK;
	}
	return co2__fail_field(err, CO2_ERR_NOT_FOUND, "hardware", "'%s' is not a TPU slice name",
	                       name);
}
