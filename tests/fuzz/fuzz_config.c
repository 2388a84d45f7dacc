/*
 * libFuzzer target for the config file reader (store/config.c): any bytes are parsed; every
 * warning must be valid UTF-8 without control characters, every option must stay within its
 * range, and every kept line must have words.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/config.h"
#include "store/text.h"

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
warned(void *ctx, const char *msg)
{
	(void)ctx;
	REQUIRE(text_utf8_valid(msg, strlen(msg)));
	for (const char *p = msg; *p; p++)
		REQUIRE((unsigned char)*p >= 0x20 && *p != 0x7f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;

	config_init(&c);
	config_parse(&c, "fuzz", (const char *)data, size, warned, NULL);
	for (size_t i = 0; config_options[i].name; i++) {
		/* Options are ints laid out in table order at the start of the struct. */
		int v = ((const int *)(const void *)&c)[i];

		REQUIRE(v >= config_options[i].min && v <= config_options[i].max);
	}
	for (size_t i = 0; i < c.nlines; i++)
		REQUIRE(c.lines[i].argc > 0 && c.lines[i].argv[0]);
	config_done(&c);
	return 0;
}
