/*
 * Unit tests for store/text.c: UTF-8 decoding and repair, the terminal sanitiser against
 * every class of hostile input, display widths, fitting and folding. Table-driven; each
 * case asserts exact output.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/text.h"
#include "tests/unit/check.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define FFFD TEXT_REPLACEMENT

/* True when s is fit to reach a terminal: valid UTF-8 with none of the characters the
 * sanitiser removes ('\n' allowed only with newlines). */
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

/* ---- UTF-8 ---------------------------------------------------------------------------------- */

static void
test_decode(void)
{
	static const struct {
		const char *in;
		size_t len;
		uint32_t cp;
		size_t used;
	} t[] = {
		{ "A", 1, 'A', 1 },
		{ "", 1, 0, 1 },			/* NUL decodes; validity is separate */
		{ "\xC3\xBC", 2, 0xFC, 2 },		/* ü */
		{ "\xE2\x80\xAE", 3, 0x202E, 3 },
		{ "\xF0\x9F\x9A\x80", 4, 0x1F680, 4 },	/* rocket */
		{ "\xEF\xBF\xBD", 3, 0xFFFD, 3 },	/* a real U+FFFD */
		{ "\xC0\xAF", 2, 0xFFFD, 1 },		/* overlong '/' */
		{ "\xE0\x80\xAF", 3, 0xFFFD, 1 },	/* overlong, 3 bytes */
		{ "\xED\xA0\x80", 3, 0xFFFD, 1 },	/* surrogate D800 */
		{ "\xF4\x90\x80\x80", 4, 0xFFFD, 1 },	/* U+110000 */
		{ "\xF5\x80\x80\x80", 4, 0xFFFD, 1 },
		{ "\xE2\x82", 2, 0xFFFD, 1 },		/* truncated */
		{ "\xF0\x9F\x9A\x80", 3, 0xFFFD, 1 },	/* cut by len */
		{ "\x80", 1, 0xFFFD, 1 },		/* lone continuation */
		{ "\xFF", 1, 0xFFFD, 1 },
		{ "\xC2\x9B", 2, 0x9B, 2 },		/* C1 CSI is valid UTF-8 */
		{ "\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4 },
	};
	size_t i;

	for (i = 0; i < LEN(t); i++) {
		uint32_t cp = 0;
		size_t used = text_utf8_decode(t[i].in, t[i].len, &cp);

		CHECK_INT(cp, t[i].cp);
		CHECK_INT(used, t[i].used);
	}
}

static void
test_encode(void)
{
	static const struct {
		uint32_t cp;
		const char *out;
	} t[] = {
		{ 'x', "x" },
		{ 0xFC, "\xC3\xBC" },
		{ 0x7FF, "\xDF\xBF" },
		{ 0x2026, "\xE2\x80\xA6" },
		{ 0xFFFD, FFFD },
		{ 0x1F680, "\xF0\x9F\x9A\x80" },
		{ 0x10FFFF, "\xF4\x8F\xBF\xBF" },
		{ 0xD800, FFFD },			/* not encodable: replaced */
		{ 0x110000, FFFD },
	};
	size_t i;

	for (i = 0; i < LEN(t); i++) {
		char buf[5] = { 0 };
		size_t n = text_utf8_encode(t[i].cp, buf);

		CHECK_INT(n, strlen(t[i].out));
		CHECK_STR(buf, t[i].out);
	}
}

static void
test_valid(void)
{
	static const struct {
		const char *in;
		size_t len;
		bool valid;
	} t[] = {
		{ "", 0, true },
		{ "plain ascii", 11, true },
		{ "Z\xC3\xBCrich \xE6\xA0\xAA \xF0\x9F\x9A\x80", 16, true },
		{ "a\0b", 3, false },			/* NUL */
		{ "\xC0\xAF", 2, false },
		{ "\xED\xA0\x80", 3, false },
		{ "\xF4\x90\x80\x80", 4, false },
		{ "\xE6\xA0", 2, false },
		{ "\xBF", 1, false },
		{ "\xEF\xBF\xBD", 3, true },
	};
	size_t i;

	for (i = 0; i < LEN(t); i++)
		CHECK(text_utf8_valid(t[i].in, t[i].len) == t[i].valid);
}

static void
test_repair(void)
{
	static const struct {
		const char *in;
		size_t len;
		const char *out;
	} t[] = {
		{ "", 0, "" },
		{ "ok", 2, "ok" },
		{ "a\0b", 3, "a" FFFD "b" },				/* NUL */
		{ "\0\0", 2, FFFD FFFD },
		{ "a\xC0\xAF" "b", 4, "a" FFFD FFFD "b" },		/* overlong: two subparts */
		{ "\xED\xA0\x80", 3, FFFD FFFD FFFD },			/* surrogate */
		{ "\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD },		/* above U+10FFFF */
		{ "\xE2\x82" "A", 3, FFFD "A" },			/* truncated: one subpart */
		{ "\xF0\x9F\x9A", 3, FFFD },				/* truncated rocket */
		{ "\xF0\x9F\x9A" "\xF0\x9F\x9A\x80", 7, FFFD "\xF0\x9F\x9A\x80" },
		{ "\x80\xBF", 2, FFFD FFFD },				/* lone continuations */
		{ "x\xFE\xFFy", 4, "x" FFFD FFFD "y" },
		{ "Z\xC3\xBCrich", 7, "Z\xC3\xBCrich" },
		{ "\xC2", 1, FFFD },
	};
	size_t i;

	for (i = 0; i < LEN(t); i++) {
		size_t outlen = 99;
		char *out = text_utf8_repair(t[i].in, t[i].len, &outlen);

		CHECK_STR(out, t[i].out);
		CHECK_INT(outlen, strlen(t[i].out));
		CHECK(text_utf8_valid(out, outlen));
		free(out);
	}
	free(text_utf8_repair("abc", 3, NULL));	/* outlen may be NULL */
}

/* ---- the sanitiser -------------------------------------------------------------------------- */

static const struct {
	const char *in;
	unsigned flags;
	const char *out;
} sanitize_cases[] = {
	/* plain text passes unchanged */
	{ "Senior C engineer", 0, "Senior C engineer" },
	{ "Z\xC3\xBCrich \xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE \xF0\x9F\x9A\x80", 0,
	  "Z\xC3\xBCrich \xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE \xF0\x9F\x9A\x80" },
	{ "", 0, "" },
	/* CSI */
	{ "a\x1b[2Jb", 0, "ab" },				/* clear screen */
	{ "\x1b[H\x1b[2J\x1b[3Jgone", 0, "gone" },
	{ "\x1b[31mred\x1b[0m", 0, "red" },			/* colours */
	{ "\x1b[38;5;196mX\x1b[m", 0, "X" },
	{ "\x1b[5;31;1mblink", 0, "blink" },
	{ "\x1b[?1049h\x1b[?25l", 0, "" },			/* private modes */
	{ "\x1b[1\nx", TEXT_KEEP_NEWLINES, "\nx" },		/* broken-off CSI */
	{ "\x1b[1\x1b[2mx", 0, "x" },
	/* OSC */
	{ "a\x1b]52;c;cHduZWQ=\x07" "b", 0, "ab" },		/* clipboard */
	{ "\x1b]52;c;cHduZWQ=\x1b\\ok", 0, "ok" },
	{ "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", 0, "click" },	/* link */
	{ "\x1b]0;pwned\x07title", 0, "title" },		/* title, BEL */
	{ "\x1b]0;pwned\x1b\\title", 0, "title" },		/* title, ST */
	{ "\x1b]2;x\xC2\x9Cok", 0, "ok" },			/* title, 8-bit ST */
	{ "\x1b]0;abc\x18ok", 0, "ok" },			/* cancelled by CAN */
	{ "ok\x1b]0;never ends", 0, "ok" },			/* unterminated */
	{ "\x1b]0;a\x1b[31mb", 0, "b" },			/* ESC ends it */
	/* DCS, APC, PM, SOS */
	{ "\x1bPq#0;2;0;0;0#0!10~\x1b\\ok", 0, "ok" },		/* sixel */
	{ "\x1bP+q544e\x1b\\ok", 0, "ok" },			/* XTGETTCAP */
	{ "\x1b_Gf=100;AAAA\x1b\\ok", 0, "ok" },			/* kitty graphics */
	{ "\x1b^secret\x1b\\ok", 0, "ok" },
	{ "\x1bXsecret\x1b\\ok", 0, "ok" },
	/* two-byte and intermediate sequences */
	{ "\x1b" "creset", 0, "reset" },			/* RIS */
	{ "\x1b(Bx", 0, "x" },
	{ "\x1b#8x", 0, "x" },					/* DECALN */
	{ "\x1b" "7save\x1b" "8", 0, "save" },
	{ "\x1b=x\x1b>", 0, "x" },
	{ "abc\x1b", 0, "abc" },				/* ESC at the end */
	{ "\x1b\x1b[1mx", 0, "x" },
	{ "a\x1b\x01" "b", 0, "ab" },				/* ESC then a control */
	{ "a\x1b\xC3\xBC", 0, "a\xC3\xBC" },			/* ESC then a letter */
	/* C1 */
	{ "\x9b" "31mX", 0, FFFD "31mX" },			/* raw 0x9B: invalid UTF-8 */
	{ "\xC2\x9B" "31mX", 0, "X" },				/* U+009B CSI */
	{ "\xC2\x9B?1049hX", 0, "X" },
	{ "\xC2\x9D" "0;t\x07X", 0, "X" },			/* U+009D OSC */
	{ "\xC2\x90q\xC2\x9CX", 0, "X" },			/* U+0090 DCS, U+009C ST */
	{ "\xC2\x9F" "apc\xC2\x9CX", 0, "X" },			/* U+009F APC */
	{ "a\xC2\x85" "b\xC2\x80" "c\xC2\x9C" "d", 0, "abcd" },	/* other C1 */
	/* C0 and DEL */
	{ "AAAA\rBB\b\bX\tY", 0, "AAAA BBX Y" },		/* cursor movers */
	{ "a\x07" "b\x7f" "c\x01" "d\x1f" "e", 0, "abcde" },
	{ "a\vb\fc", 0, "a b c" },
	{ "a\nb", 0, "a b" },
	{ "a\nb", TEXT_KEEP_NEWLINES, "a\nb" },
	{ "a\r\nb", 0, "a b" },
	{ "a\r\nb", TEXT_KEEP_NEWLINES, "a\nb" },
	{ "a\rb", TEXT_KEEP_NEWLINES, "a b" },
	{ "a\xE2\x80\xA8" "b", 0, "a b" },			/* U+2028 */
	{ "a\xE2\x80\xA9" "b", TEXT_KEEP_NEWLINES, "a\nb" },	/* U+2029 */
	/* bidi and invisible format characters */
	{ "abc\xE2\x80\xAE" "fdp.exe\xE2\x80\xAC", 0, "abcfdp.exe" },	/* RLO, PDF */
	{ "\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAD" "x", 0, "x" },	/* LRE, RLE, LRO */
	{ "\xE2\x81\xA6" "a\xE2\x81\xA7" "b\xE2\x81\xA8" "c\xE2\x81\xA9", 0, "abc" },	/* isolates */
	{ "\xE2\x80\x8E" "a\xE2\x80\x8F", 0, "a" },		/* LRM, RLM */
	{ "\xD8\x9C" "a", 0, "a" },				/* ALM */
	{ "\xEF\xBB\xBF" "bom", 0, "bom" },			/* U+FEFF */
	{ "soft\xC2\xADhyphen", 0, "softhyphen" },		/* U+00AD */
	{ "zero\xE2\x80\x8Bwidth", 0, "zerowidth" },		/* U+200B */
	{ "w\xE2\x81\xA0j", 0, "wj" },				/* U+2060 */
	{ "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", 0,	/* ZWJ kept */
	  "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB" },
	{ "\xD9\x85\xE2\x80\x8C\xD9\x8A", 0, "\xD9\x85\xE2\x80\x8C\xD9\x8A" },	/* ZWNJ kept */
	{ "t\xF3\xA0\x80\x81\xF3\xA0\x81\x81\xF3\xA0\x81\xBFg", 0, "tg" },	/* tags */
	{ "n\xEF\xBF\xBE\xEF\xB7\x90\xF0\x9F\xBF\xBFx", 0, "nx" },	/* noncharacters */
	{ "\xEF\xBF\xBD", 0, FFFD },				/* U+FFFD itself stays */
	/* invalid UTF-8 */
	{ "\xC0\xAF", 0, FFFD FFFD },				/* overlong */
	{ "\xED\xA0\x80", 0, FFFD FFFD FFFD },			/* surrogate */
	{ "\xF4\x90\x80\x80", 0, FFFD FFFD FFFD FFFD },		/* above U+10FFFF */
	{ "\xE6\xA0" "x", 0, FFFD "x" },			/* truncated */
	{ "x\xF0\x9F\x9A", 0, "x" FFFD },			/* truncated at the end */
	{ "\x80\xBF", 0, FFFD FFFD },				/* lone continuations */
	{ "\x1b[\xC3", 0, FFFD },				/* broken CSI, broken UTF-8 */
	{ "\x1b\xC2", 0, FFFD },
};

static void
test_sanitize(void)
{
	size_t i;
	char *out;

	for (i = 0; i < LEN(sanitize_cases); i++) {
		out = text_sanitize(sanitize_cases[i].in, sanitize_cases[i].flags);
		CHECK_STR(out, sanitize_cases[i].out);
		free(out);
	}
	out = text_sanitize(NULL, 0);
	CHECK_STR(out, "");
	free(out);
}

/* Check the sanitiser's promises on one input, with and without newlines. */
static void
check_invariants(const char *in)
{
	unsigned f;

	for (f = 0; f <= TEXT_KEEP_NEWLINES; f += TEXT_KEEP_NEWLINES) {
		char *once = text_sanitize(in, f);
		char *twice = text_sanitize(once, f);

		CHECK(terminal_safe(once, f != 0));
		CHECK_STR(twice, once);
		free(once);
		free(twice);
	}
}

/* A small deterministic generator, so a failure can be replayed. */
static uint32_t
next_random(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

static void
test_sanitize_invariants(void)
{
	static const unsigned char interesting[] = {
		0x1B, '[', ']', 'P', '_', '^', 'X', '\\', 0x07, 0x18, '\r', '\n', '\t', '\b',
		0x7F, 0x80, 0x9B, 0x9C, 0x9D, 0xC2, 0xE2, 0x80, 0xAE, 0xED, 0xA0, 0xF0, 0xF4,
		0x9F, 0xBF, 0xEF, 0xBB, 0xC0, 0xAF, 0xFF, '1', ';', 'm', 'a',
	};
	uint32_t state = 12345;
	char buf[65];
	size_t i, j;

	for (i = 0; i < LEN(sanitize_cases); i++)
		check_invariants(sanitize_cases[i].in);
	for (i = 0; i < 20000; i++) {
		size_t len = next_random(&state) % (sizeof(buf) - 1);

		for (j = 0; j < len; j++) {
			uint32_t r = next_random(&state);

			if (r & 1)
				buf[j] = (char)interesting[(r >> 1) % LEN(interesting)];
			else
				buf[j] = (char)((r >> 1) % 255 + 1);	/* any byte but NUL */
		}
		buf[len] = '\0';
		check_invariants(buf);
	}
}

/* ---- width and fitting ---------------------------------------------------------------------- */

static void
test_cp_width(void)
{
	static const struct {
		uint32_t cp;
		int width;
	} t[] = {
		{ 'a', 1 }, { ' ', 1 }, { '~', 1 },
		{ 0x00, 0 }, { 0x1B, 0 }, { 0x7F, 0 }, { 0x9B, 0 },	/* controls */
		{ 0xFC, 1 }, { 0xE9, 1 }, { 0x141, 1 },			/* Latin */
		{ 0x0301, 0 }, { 0x0308, 0 }, { 0x20DD, 0 },		/* combining marks */
		{ 0x0E31, 0 }, { 0x093F, 1 },				/* Thai mark, Devanagari sign */
		{ 0x200B, 0 }, { 0x200D, 0 }, { 0x202E, 0 }, { 0xFEFF, 0 }, { 0xFE0F, 0 },
		{ 0x682A, 2 }, { 0x5F0F, 2 }, { 0x4F1A, 2 }, { 0x793E, 2 },	/* 株式会社 */
		{ 0x3042, 2 }, { 0x30A2, 2 }, { 0xAC00, 2 }, { 0x1100, 2 }, { 0x1160, 0 },
		{ 0x3000, 2 }, { 0xFF21, 2 }, { 0xFF61, 1 },		/* fullwidth, halfwidth */
		{ 0x1F680, 2 }, { 0x1F600, 2 }, { 0x2705, 2 }, { 0x231A, 2 },	/* emoji */
		{ 0x2764, 1 },						/* text presentation */
		{ 0x20000, 2 }, { 0x2A6DF, 2 },				/* ideograph planes */
		{ 0x2026, 1 }, { 0x2500, 1 }, { 0xFFFD, 1 }, { 0x0410, 1 }, { 0x05D0, 1 },
	};
	size_t i;

	for (i = 0; i < LEN(t); i++) {
		if (text_cp_width(t[i].cp) != t[i].width)
			fprintf(stderr, "width of U+%04" PRIX32 "\n", t[i].cp);
		CHECK_INT(text_cp_width(t[i].cp), t[i].width);
	}
}

static void
test_width(void)
{
	static const struct {
		const char *s;
		int width;
	} t[] = {
		{ "", 0 },
		{ "hello", 5 },
		{ "Z\xC3\xBCrich", 6 },
		{ "Zu\xCC\x88rich", 6 },					/* decomposed */
		{ "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE", 8 },	/* 株式会社 */
		{ "\xF0\x9F\x9A\x80", 2 },
		{ "e\xCC\x81", 1 },
		{ "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", 4 },
		{ "a\xFF" "b", 3 },						/* U+FFFD */
	};
	size_t i;

	for (i = 0; i < LEN(t); i++)
		CHECK_INT(text_width(t[i].s), t[i].width);
	CHECK_INT(text_width(NULL), 0);
}

static void
test_fit(void)
{
	static const struct {
		const char *s;
		int cols;
		const char *out;
		int width;
	} t[] = {
		{ "hello", 5, "hello", 5 },
		{ "hello", 80, "hello", 5 },
		{ "hello", 4, "hel\xE2\x80\xA6", 4 },
		{ "hello", 2, "h\xE2\x80\xA6", 2 },
		{ "hello", 1, "\xE2\x80\xA6", 1 },
		{ "hello", 0, "", 0 },
		{ "hello", -3, "", 0 },
		{ "", 0, "", 0 },
		{ "", 3, "", 0 },
		/* 株式会社: never split a wide character */
		{ "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE", 8,
		  "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE", 8 },
		{ "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE", 7,
		  "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE2\x80\xA6", 7 },
		{ "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE", 6,
		  "\xE6\xA0\xAA\xE5\xBC\x8F\xE2\x80\xA6", 5 },
		{ "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE", 5,
		  "\xE6\xA0\xAA\xE5\xBC\x8F\xE2\x80\xA6", 5 },
		{ "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE", 2, "\xE2\x80\xA6", 1 },
		{ "\xF0\x9F\x9A\x80\xF0\x9F\x9A\x80", 3, "\xF0\x9F\x9A\x80\xE2\x80\xA6", 3 },
		{ "\xF0\x9F\x9A\x80\xF0\x9F\x9A\x80", 2, "\xE2\x80\xA6", 1 },
		/* combining marks stay with their base */
		{ "ae\xCC\x81xy", 3, "ae\xCC\x81\xE2\x80\xA6", 3 },
		{ "Zu\xCC\x88rich", 6, "Zu\xCC\x88rich", 6 },
		/* no dangling joiner before the ellipsis */
		{ "a\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", 4, "a\xF0\x9F\x91\xA9\xE2\x80\xA6", 4 },
	};
	size_t i;

	for (i = 0; i < LEN(t); i++) {
		int width = -1;
		char *out = text_fit(t[i].s, t[i].cols, &width);

		CHECK_STR(out, t[i].out);
		CHECK_INT(width, t[i].width);
		CHECK_INT(text_width(out), t[i].width);
		free(out);
	}
	free(text_fit("abc", 2, NULL));	/* width may be NULL */
}

/* ---- folding -------------------------------------------------------------------------------- */

static void
test_fold(void)
{
	static const struct {
		const char *in, *out;
	} t[] = {
		{ "Z\xC3\xBCrich", "zurich" },
		{ "Zu\xCC\x88rich", "zurich" },			/* decomposed */
		{ "S\xC3\xA3o Paulo", "sao paulo" },
		{ "\xC3\x86r\xC3\xB8", "aero" },		/* Ærø */
		{ "Stra\xC3\x9F" "e", "strasse" },		/* ß */
		{ "\xC5\x81\xC3\xB3" "d\xC5\xBA", "lodz" },	/* Łódź */
		{ "\xC4\xB0stanbul", "istanbul" },		/* İ */
		{ "Krak\xC3\xB3w", "krakow" },
		{ "M\xC3\xBCnchen", "munchen" },
		{ "Timi\xC8\x99oara", "timisoara" },		/* ș comma below */
		{ "\xC5\x92uvre", "oeuvre" },			/* Œ */
		{ "\xC3\x9E\xC3\xB3rsh\xC3\xB6" "fn", "thorshofn" },	/* Þórshöfn */
		{ "\xC4\xB2sselmeer", "ijsselmeer" },		/* Ĳ */
		{ "Montr\xC3\xA9" "al", "montreal" },
		{ "\xC3\x85" "rhus", "arhus" },
		{ "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",		/* Москва */
		  "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0" },
		{ "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc" },	/* fullwidth */
		{ "  New \t  York\n", "new york" },
		{ "a\xC2\xA0\xC2\xA0" "b", "a b" },
		{ "a \xCC\x81", "a" },				/* lone mark after a space */
		{ "\xE6\xA0\xAA\xE5\xBC\x8F", "\xE6\xA0\xAA\xE5\xBC\x8F" },	/* untouched */
		{ "R\xC3\xA9mote \xE2\x80\xAE" "x", "remote x" },	/* bidi dropped */
		{ "", "" },
		{ "   ", "" },
	};
	size_t i;
	char *out;

	for (i = 0; i < LEN(t); i++) {
		out = text_fold(t[i].in);
		CHECK_STR(out, t[i].out);
		free(out);
	}
	out = text_fold(NULL);
	CHECK_STR(out, "");
	free(out);
	out = text_fold("\xC0\xAF");				/* invalid input stays valid */
	CHECK_STR(out, FFFD FFFD);
	free(out);
}

static void
test_squeeze(void)
{
	static const struct {
		const char *in, *out;
	} t[] = {
		{ "  a  b  ", "a b" },
		{ "a\tb\nc\r\n", "a b c" },
		{ "\xC2\xA0" "a\xC2\xA0\xC2\xA0" "b\xC2\xA0", "a b" },
		{ "Z\xC3\xBCrich", "Z\xC3\xBCrich" },
		{ "", "" },
		{ " \t ", "" },
	};
	size_t i;

	for (i = 0; i < LEN(t); i++) {
		char *out = text_squeeze(t[i].in);

		CHECK_STR(out, t[i].out);
		free(out);
	}
	CHECK(text_squeeze(NULL) == NULL);
}

int
main(void)
{
	RUN(test_decode);
	RUN(test_encode);
	RUN(test_valid);
	RUN(test_repair);
	RUN(test_sanitize);
	RUN(test_sanitize_invariants);
	RUN(test_cp_width);
	RUN(test_width);
	RUN(test_fit);
	RUN(test_fold);
	RUN(test_squeeze);
	return CHECK_DONE();
}
