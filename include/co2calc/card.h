/* co2calc — Hugging Face model cards: the co2_eq_emissions metadata block, and putting
 * it into the YAML front matter of a model card (README.md) without touching anything
 * else.
 *
 *   ---
 *   license: apache-2.0
 *   co2_eq_emissions:
 *     emissions: 47520                  # grams of CO2eq
 *     source: "co2calc ..."
 *     training_type: "pre-training"
 *     geographical_location: "..."
 *     hardware_used: "4 x TPUv2 Chip"
 *   ---
 *
 * See https://huggingface.co/docs/hub/model-cards-co2 */
#ifndef CO2CALC_CARD_H
#define CO2CALC_CARD_H

#include "co2calc/common.h"
#include "co2calc/db.h"
#include "co2calc/estimate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The co2_eq_emissions block of a result, as YAML lines ending in "\n" (the first is
 * "co2_eq_emissions:"). run (may be NULL) gives the training type; db (may be NULL)
 * gives the region's name; all three are read during the call only. The caller owns
 * *out (co2_free). */
CO2_API co2_status co2_card_block(char **out, size_t *len, const co2_result *res,
                                  const co2_run *run, const co2_db *db, co2_error *err);

/* What co2_card_update() or co2_card_update_file() did. */
typedef enum co2_card_change {
	CO2_CARD_REPLACED = 0,  /* an existing co2_eq_emissions entry was replaced */
	CO2_CARD_ADDED = 1,     /* the front matter had none: added at its end */
	CO2_CARD_CREATED = 2,   /* the file had no front matter: one was put in front */
	CO2_CARD_UNCHANGED = 3  /* co2_card_update_file(): the card already held this block */
} co2_card_change;

/* Put block (from co2_card_block) into a model card held in memory: replace the
 * top-level co2_eq_emissions entry of the YAML front matter (the key line and its
 * indented continuation lines), or add one at the end of the front matter, or create a
 * front matter when there is none. Every other byte is kept; the block's lines take
 * the card's line ending (LF or CRLF). The front matter and the result are checked
 * with libyaml. A card that is not text (NUL bytes, invalid UTF-8), whose front matter
 * is not closed, is not valid YAML, is not a mapping, or has co2_eq_emissions more
 * than once or in a form that cannot be edited line by line, fails with
 * CO2_ERR_PARSE (err names the line). name is used in messages. card and block are
 * read during the call only. The caller owns *out (co2_free). */
CO2_API co2_status co2_card_update(char **out, size_t *out_len, co2_card_change *change,
                                   const char *name, const char *card, size_t card_len,
                                   const char *block, co2_error *err);

/* co2_card_update() on a file, in place: path is read, block put in, and the file
 * replaced atomically (a temporary file in the same directory with the original's
 * owner and mode, fsync, rename, then fsync of the directory), so that a crash or a full
 * disk leaves either the old card or the new one. A symbolic link is followed: the card
 * it points to is edited and the link stays. A card that already holds the block is not
 * rewritten (*change is CO2_CARD_UNCHANGED). On failure the file is left as it was and
 * the message says so where it could have been in doubt. Fails with
 * CO2_ERR_NOT_FOUND when path cannot be opened or read, CO2_ERR_INVALID when it is not
 * a regular file or is larger than 256 MB, CO2_ERR_PARSE (or another status of
 * co2_card_update()) when it is not a model card that can be edited, CO2_ERR_IO when it
 * cannot be written: it is read-only (no write permission, even for root), or creating,
 * writing, syncing or renaming the temporary file failed; CO2_ERR_NOMEM. */
CO2_API co2_status co2_card_update_file(co2_card_change *change, const char *path,
                                        const char *block, co2_error *err);

#ifdef __cplusplus
}
#endif
#endif
