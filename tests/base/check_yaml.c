/* src/base/yaml.c: scalars, positions and the keys of a mapping in a loaded document. */
#include <string.h>
#include <yaml.h>

#include "check_main.h"
#include "base/yaml_util.h"

static yaml_document_t doc;

static yaml_node_t *load(const char *text)
{
	yaml_parser_t parser;
	ck_assert(yaml_parser_initialize(&parser));
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, strlen(text));
	ck_assert_msg(yaml_parser_load(&parser, &doc), "not YAML: %s", text);
	yaml_parser_delete(&parser);
	return yaml_document_get_root_node(&doc);
}

static yaml_node_t *key_of(yaml_node_t *map, size_t i)
{
	return yaml_document_get_node(&doc, map->data.mapping.pairs.start[i].key);
}

START_TEST(a_scalar_has_text_and_a_collection_has_none)
{
	yaml_node_t *m = load("a: 1\nb: [x]\nc: {d: e}\n");
	ck_assert_str_eq(co2__yaml_scalar(key_of(m, 0)), "a");
	ck_assert_str_eq(co2__yaml_scalar(yaml_document_get_node(&doc, m->data.mapping.pairs.start[0].value)), "1");
	ck_assert_ptr_null(co2__yaml_scalar(yaml_document_get_node(&doc, m->data.mapping.pairs.start[1].value)));
	ck_assert_ptr_null(co2__yaml_scalar(m));
	ck_assert_ptr_null(co2__yaml_scalar(NULL));
	yaml_document_delete(&doc);
}
END_TEST

START_TEST(positions_are_one_based_and_zero_without_a_node)
{
	yaml_node_t *m = load("a: 1\n  # comment\nbb:   2\n");
	int line, col;
	co2__yaml_position(yaml_document_get_node(&doc, m->data.mapping.pairs.start[1].value), &line, &col);
	ck_assert_int_eq(line, 3);
	ck_assert_int_eq(col, 7);
	co2__yaml_position(NULL, &line, &col);
	ck_assert_int_eq(line, 0);
	ck_assert_int_eq(col, 0);
	yaml_document_delete(&doc);
}
END_TEST

START_TEST(an_earlier_key_is_found_by_its_text)
{
	yaml_node_t *m = load("a: 1\n? [a]\n: 2\nb: 3\n'a': 4\n");
	yaml_node_pair_t *p = m->data.mapping.pairs.start;
	ck_assert_ptr_null(co2__yaml_earlier_key(&doc, m, &p[0]));
	ck_assert_ptr_null(co2__yaml_earlier_key(&doc, m, &p[1])); /* not a scalar */
	ck_assert_ptr_null(co2__yaml_earlier_key(&doc, m, &p[2]));
	ck_assert_ptr_eq(co2__yaml_earlier_key(&doc, m, &p[3]), key_of(m, 0)); /* quoted, same text */
	yaml_document_delete(&doc);
}
END_TEST

/* The first problem in the mapping's order, and the node at fault. */
static const struct {
	const char *text;
	co2__ymap want;
	int line, column;
} mappings[] = {
	{ "a: 1\nb: 2\n", CO2__YMAP_OK, 1, 1 },
	{ "{}", CO2__YMAP_OK, 1, 1 },
	{ "[a, b]\n", CO2__YMAP_NOT_A_MAPPING, 1, 1 },
	{ "just text\n", CO2__YMAP_NOT_A_MAPPING, 1, 1 },
	{ "a: 1\n? [x]\n: 2\nb: 3\nb: 4\n", CO2__YMAP_KEY_NOT_SCALAR, 2, 3 },
	{ "a: 1\nb: 3\nb: 4\n? [x]\n: 2\n", CO2__YMAP_KEY_REPEATED, 3, 1 },
	{ "{a: 1, c: 2, a: 3}", CO2__YMAP_KEY_REPEATED, 1, 14 },
};

START_TEST(a_mapping_check_names_the_first_problem_and_where)
{
	yaml_node_t *root = load(mappings[_i].text), *at = NULL;
	ck_assert_int_eq(co2__yaml_check_mapping(&doc, root, &at), mappings[_i].want);
	int line, col;
	co2__yaml_position(at, &line, &col);
	ck_assert_int_eq(line, mappings[_i].line);
	ck_assert_int_eq(col, mappings[_i].column);
	yaml_document_delete(&doc);
}
END_TEST

START_TEST(no_node_is_not_a_mapping)
{
	yaml_node_t *at = (yaml_node_t *)&doc;
	ck_assert_int_eq(co2__yaml_check_mapping(&doc, NULL, &at), CO2__YMAP_NOT_A_MAPPING);
	ck_assert_ptr_null(at);
}
END_TEST

/* Where a parser that failed puts its problem: a syntax error at its mark, invalid UTF-8
 * at its byte. */
static const struct {
	const char *text;
	int line, column;
} problems[] = {
	{ "a: 1\nb: [1\n", 3, 1 },
	{ "a: 1\nb: \"caf\xff\"\n", 2, 8 },
};

START_TEST(a_parse_problem_has_a_one_based_position)
{
	const char *text = problems[_i].text;
	yaml_parser_t parser;
	yaml_document_t d;
	ck_assert(yaml_parser_initialize(&parser));
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, strlen(text));
	ck_assert(!yaml_parser_load(&parser, &d));
	int line, col;
	co2__yaml_problem_position(&parser, text, strlen(text), &line, &col);
	ck_assert_int_eq(line, problems[_i].line);
	ck_assert_int_eq(col, problems[_i].column);
	yaml_parser_delete(&parser);
}
END_TEST

static Suite *yaml_suite(void)
{
	Suite *s = suite_create("yaml");
	TCase *t = tcase_create("documents");
	tcase_add_test(t, a_scalar_has_text_and_a_collection_has_none);
	tcase_add_test(t, positions_are_one_based_and_zero_without_a_node);
	tcase_add_test(t, an_earlier_key_is_found_by_its_text);
	tcase_add_loop_test(t, a_mapping_check_names_the_first_problem_and_where, 0,
	                    (int)(sizeof mappings / sizeof mappings[0]));
	tcase_add_test(t, no_node_is_not_a_mapping);
	tcase_add_loop_test(t, a_parse_problem_has_a_one_based_position, 0,
	                    (int)(sizeof problems / sizeof problems[0]));
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(yaml_suite)
