/*
 * libFuzzer target for store/text.c: the terminal sanitiser and its UTF-8 helpers.
 *
 * Invariants checked on every input: text_sanitize() output is valid UTF-8, holds no ESC,
 * C0 (but '\n' when asked), C1, bidi or other removed character, and is unchanged by a
 * second pass; text_utf8_repair() output is valid and stable; text_fit() never exceeds its
 * columns; text_fold() and text_squeeze() are stable. A broken invariant aborts.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/text.h"
#include "store/xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

static bool
terminal_safe(const char *s, bool newlines)
{
	size_t len = strlen(s);

	if (!text_utf8_valid(s, len))
		return false;
	while (len > 0) {
		uint32_t cp;
		size_t n = text_utf8_decode(s, len, &cp);

		if ((cp < 0x20 && !(cp == '\n' && newlines)) || (cp >= 0x7F && cp <= 0x9F))
			return false;
		if (cp == 0xAD || cp == 0x61C || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
		    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
		    cp == 0xFEFF || (cp >= 0xE0000 && cp <= 0xE007F) ||
		    (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
			return false;
		s += n;
		len -= n;
	}
	return true;
}

static void
check_stable(char *(*fn)(const char *), const char *s)
{
	char *once = fn(s), *twice = fn(once);

	REQUIRE(text_utf8_valid(once, strlen(once)));
	REQUIRE(strcmp(once, twice) == 0);
	free(once);
	free(twice);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);	/* stops at the first NUL */
	size_t rlen, rlen2;
	char *rep = text_utf8_repair((const char *)data, size, &rlen);
	char *rep2 = text_utf8_repair(rep, rlen, &rlen2);
	unsigned flags;

	REQUIRE(text_utf8_valid(rep, rlen) && strlen(rep) == rlen);
	REQUIRE(rlen == rlen2 && memcmp(rep, rep2, rlen) == 0);
	REQUIRE(text_utf8_valid((const char *)data, size) == (rlen == size &&
							     memcmp(rep, data, size) == 0));
	free(rep2);

	for (flags = 0; flags <= TEXT_KEEP_NEWLINES; flags += TEXT_KEEP_NEWLINES) {
		char *once = text_sanitize(s, flags), *twice = text_sanitize(once, flags);
		int cols;

		REQUIRE(terminal_safe(once, flags != 0));
		REQUIRE(strcmp(once, twice) == 0);
		for (cols = -1; cols < 12; cols += 3) {
			int width = -1;
			char *fit = text_fit(once, cols, &width);

			REQUIRE(width == text_width(fit));
			REQUIRE(width <= (cols > 0 ? cols : 0));
			REQUIRE(text_utf8_valid(fit, strlen(fit)));
			free(fit);
		}
		free(once);
		free(twice);
	}
	check_stable(text_fold, s);
	check_stable(text_fold, rep);
	check_stable(text_squeeze, rep);
	free(rep);
	free(s);
	return 0;
}
