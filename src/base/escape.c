/* Escapers: a string written into a buffer as a JSON string, a YAML double-quoted
 * scalar or a CSV field. Every writer of those formats in the library uses these. */
#include <string.h>

#include "base/base.h"

void co2__buf_json_str(co2__buf *b, const char *s)
{
	if (!s) {
		co2__buf_puts(b, "null");
		return;
	}
	co2__buf_putn(b, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': co2__buf_puts(b, "\\\""); break;
		case '\\': co2__buf_puts(b, "\\\\"); break;
		case '\n': co2__buf_puts(b, "\\n"); break;
		case '\r': co2__buf_puts(b, "\\r"); break;
		case '\t': co2__buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20)
				co2__buf_printf(b, "\\u%04x", *p);
			else
				co2__buf_putn(b, (const char *)p, 1);
		}
	}
	co2__buf_putn(b, "\"", 1);
}

void co2__buf_yaml_str(co2__buf *b, const char *s)
{
	co2__buf_putn(b, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			co2__buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			co2__buf_printf(b, "\\x%02x", *p);
		else
			co2__buf_putn(b, (const char *)p, 1);
	}
	co2__buf_putn(b, "\"", 1);
}

void co2__buf_csv_str(co2__buf *b, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		co2__buf_puts(b, s);
		return;
	}
	co2__buf_putn(b, "\"", 1);
	for (; *s; s++) {
		if (*s == '"')
			co2__buf_putn(b, "\"", 1);
		co2__buf_putn(b, s, 1);
	}
	co2__buf_putn(b, "\"", 1);
}
