/* The bottom layer's libyaml helpers (not installed), for every reader of a loaded YAML
 * document: scalars, positions and the keys of a mapping. */
#ifndef CO2_BASE_YAML_UTIL_H
#define CO2_BASE_YAML_UTIL_H

#include <yaml.h>

#include "base/base.h"

/* The text of a scalar node; NULL for no node, a sequence or a mapping. */
const char *co2__yaml_scalar(const yaml_node_t *n);

/* 1-based line and column where a node starts; 0 and 0 for no node. */
void co2__yaml_position(const yaml_node_t *n, int *line, int *column);

/* 1-based line and column of the problem a parser that failed reports; a reader error
 * (invalid UTF-8, a control character) is placed by its byte offset in buf. */
void co2__yaml_problem_position(const yaml_parser_t *parser, const char *buf, size_t len,
                                int *line, int *column);

/* The key of an earlier pair of mapping map with the same text as the key of pair (a
 * pair of map), or NULL when that key is the first of its text or is not a scalar. */
yaml_node_t *co2__yaml_earlier_key(yaml_document_t *doc, const yaml_node_t *map,
                                   const yaml_node_pair_t *pair);

/* What keeps a node from being a mapping whose keys are scalars, each given once. */
typedef enum co2__ymap {
	CO2__YMAP_OK = 0,
	CO2__YMAP_NOT_A_MAPPING, /* no node, a scalar or a sequence */
	CO2__YMAP_KEY_NOT_SCALAR, /* a key that is a sequence or a mapping */
	CO2__YMAP_KEY_REPEATED   /* a key given before in the mapping */
} co2__ymap;

/* Check node; on a problem *at is the node at fault (node itself, or the first key at
 * fault in the order of the mapping). */
co2__ymap co2__yaml_check_mapping(yaml_document_t *doc, yaml_node_t *node, yaml_node_t **at);

#endif
