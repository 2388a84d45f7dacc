/*
 * libFuzzer target for net/html.c: HTML to text, entities and the markup detectors.
 *
 * Invariants checked on every input: html_to_text() output is valid UTF-8 within
 * JOB_HTML_MAX bytes, with no trailing spaces, no run of blank lines and none at either
 * end, and sanitising it leaves no ESC, C1 or bidi override; html_unescape() output of
 * valid input is valid. A broken invariant aborts.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/html.h"
#include "store/job.h"
#include "store/text.h"
#include "store/xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

static void
check_text(const char *s)
{
	size_t len = strlen(s);
	char *shown;

	REQUIRE(text_utf8_valid(s, len));
	REQUIRE(len <= JOB_HTML_MAX);
	REQUIRE(len == 0 || (s[0] != '\n' && s[len - 1] != '\n' && s[len - 1] != ' '));
	REQUIRE(!strstr(s, "\n\n\n") && !strstr(s, " \n"));
	shown = text_sanitize(s, TEXT_KEEP_NEWLINES);
	REQUIRE(!strchr(shown, 0x1B) && !strstr(shown, "\xC2\x9B") &&
		!strstr(shown, "\xE2\x80\xAE"));
	free(shown);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = html_to_text((const char *)data, size);
	char *s, *clean, *plain;

	check_text(text);
	free(text);

	/* The string functions see the input as a C string, repaired as the store keeps it. */
	s = xstrndup((const char *)data, size);
	clean = text_utf8_repair(s, strlen(s), NULL);
	plain = html_unescape(clean);
	REQUIRE(text_utf8_valid(plain, strlen(plain)));
	(void)html_is_escaped(clean);
	(void)html_has_markup(clean);
	if (html_is_escaped(clean)) {
		text = html_to_text(plain, strlen(plain));
		check_text(text);
		free(text);
	}
	free(plain);
	free(clean);
	free(s);
	return 0;
}
