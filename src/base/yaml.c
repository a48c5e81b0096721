/* libyaml helpers shared by the readers of YAML documents (data files, run specs,
 * cluster files): scalars, positions, and mappings whose keys are each given once. */
#include <string.h>

#include "base/yaml_util.h"

const char *co2__yaml_scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

void co2__yaml_position(const yaml_node_t *n, int *line, int *column)
{
	*line = n ? (int)n->start_mark.line + 1 : 0;
	*column = n ? (int)n->start_mark.column + 1 : 0;
}

void co2__yaml_problem_position(const yaml_parser_t *parser, const char *buf, size_t len,
                                int *line, int *column)
{
	*line = (int)parser->problem_mark.line + 1;
	*column = (int)parser->problem_mark.column + 1;
	if (parser->error == YAML_READER_ERROR)
		co2__offset_position(buf, len, parser->problem_offset, line, column);
}

yaml_node_t *co2__yaml_earlier_key(yaml_document_t *doc, const yaml_node_t *map,
                                   const yaml_node_pair_t *pair)
{
	const char *key = co2__yaml_scalar(yaml_document_get_node(doc, pair->key));
	if (!key)
		return NULL;
	for (const yaml_node_pair_t *q = map->data.mapping.pairs.start; q < pair; q++) {
		yaml_node_t *k = yaml_document_get_node(doc, q->key);
		const char *s = co2__yaml_scalar(k);
		if (s && strcmp(s, key) == 0)
			return k;
	}
	return NULL;
}

co2__ymap co2__yaml_check_mapping(yaml_document_t *doc, yaml_node_t *node, yaml_node_t **at)
{
	*at = node;
	if (!node || node->type != YAML_MAPPING_NODE)
		return CO2__YMAP_NOT_A_MAPPING;
	for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		*at = yaml_document_get_node(doc, p->key);
		if (!co2__yaml_scalar(*at))
			return CO2__YMAP_KEY_NOT_SCALAR;
		if (co2__yaml_earlier_key(doc, node, p))
			return CO2__YMAP_KEY_REPEATED;
	}
	*at = node;
	return CO2__YMAP_OK;
}
