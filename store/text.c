/*
 * Text that is safe to show: UTF-8 decoding and repair, the terminal sanitiser, display
 * width, fitting, and folding for matching.
 *
 * This module owns the one choke point between feed text and a terminal: text_sanitize().
 * It must never let an escape sequence, a C0 or C1 control, a bidirectional control or an
 * invalid UTF-8 byte through, and it must never depend on the locale (no wcwidth, no
 * iswprint, no setlocale): the same bytes give the same result everywhere. The width
 * tables are our own, derived from the Unicode 14 character database (general categories
 * Mn, Me and Cf are zero width, East Asian Wide and Fullwidth are two columns). Depends
 * only on libc, xmalloc and strbuf.
 */
#include "config.h"
#include "store/text.h"

#include <stdlib.h>
#include <string.h>

#include "store/strbuf.h"
#include "store/xmalloc.h"

#define REPLACEMENT_CP	0xFFFDu
#define ELLIPSIS_CP	0x2026u

/* ---- UTF-8 ---------------------------------------------------------------------------------- */

/*
 * Decode the sequence at s[0..len), len >= 1. A well-formed sequence sets *ok and returns
 * its length. Otherwise *cp is U+FFFD, *ok is false and the return value is the length of
 * the maximal subpart (the longest prefix that could still have begun a valid sequence,
 * at least 1 byte), which is how Unicode and WHATWG count replacement characters.
 */
static size_t
utf8_next(const unsigned char *s, size_t len, uint32_t *cp, bool *ok)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t need, i;
	uint32_t v;

	*ok = true;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0Fu;
		if (c == 0xE0)
			lo = 0xA0;	/* no overlongs */
		else if (c == 0xED)
			hi = 0x9F;	/* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07u;
		if (c == 0xF0)
			lo = 0x90;	/* no overlongs */
		else if (c == 0xF4)
			hi = 0x8F;	/* nothing above U+10FFFF */
	} else {
		*ok = false;
		*cp = REPLACEMENT_CP;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if (i >= len || s[i] < lo || s[i] > hi) {
			*ok = false;
			*cp = REPLACEMENT_CP;
			return i;
		}
		v = (v << 6) | (s[i] & 0x3Fu);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return need + 1;
}

size_t
text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	bool ok;
	size_t n;

	if (len == 0) {
		*cp = REPLACEMENT_CP;
		return 0;
	}
	n = utf8_next((const unsigned char *)s, len, cp, &ok);
	return ok ? n : 1;
}

size_t
text_utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT_CP;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool
text_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	while (len > 0) {
		uint32_t cp;
		bool ok;
		size_t n;

		if (*p < 0x80) {	/* fast path for ASCII */
			if (*p == 0)
				return false;
			p++;
			len--;
			continue;
		}
		n = utf8_next(p, len, &cp, &ok);
		if (!ok)
			return false;
		p += n;
		len -= n;
	}
	return true;
}

static void
add_cp(struct strbuf *sb, uint32_t cp)
{
	char tmp[4];

	strbuf_add(sb, tmp, text_utf8_encode(cp, tmp));
}

char *
text_utf8_repair(const char *s, size_t len, size_t *outlen)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf sb;

	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);	/* never hand back NULL */
	while (len > 0) {
		const unsigned char *run = p;
		uint32_t cp;
		bool ok;
		size_t n;

		while (len > 0 && *p != 0 && *p < 0x80) {
			p++;
			len--;
		}
		strbuf_add(&sb, run, (size_t)(p - run));
		if (len == 0)
			break;
		n = utf8_next(p, len, &cp, &ok);
		if (!ok || cp == 0)
			strbuf_adds(&sb, TEXT_REPLACEMENT);
		else
			strbuf_add(&sb, p, n);
		p += n;
		len -= n;
	}
	return strbuf_detach(&sb, outlen);
}

/* ---- the sanitiser -------------------------------------------------------------------------- */

/* Code points that are removed outright: invisible format characters that can reorder or hide
 * text, and noncharacters. U+200C and U+200D stay: joiners are needed by several scripts and
 * inside emoji sequences, and they cannot move text. */
static bool
removed(uint32_t cp)
{
	return cp == 0x00AD ||				/* soft hyphen */
	       cp == 0x061C ||				/* Arabic letter mark */
	       cp == 0x180E ||				/* Mongolian vowel separator */
	       cp == 0x200B ||				/* zero-width space */
	       cp == 0x200E || cp == 0x200F ||		/* LRM, RLM */
	       (cp >= 0x202A && cp <= 0x202E) ||	/* LRE, RLE, PDF, LRO, RLO */
	       (cp >= 0x2060 && cp <= 0x206F) ||	/* word joiner, invisibles, isolates */
	       cp == 0xFEFF ||				/* BOM, zero-width no-break space */
	       (cp >= 0xFFF9 && cp <= 0xFFFB) ||	/* interlinear annotation */
	       (cp >= 0xE0000 && cp <= 0xE007F) ||	/* tag characters */
	       (cp >= 0xFDD0 && cp <= 0xFDEF) ||	/* noncharacters */
	       (cp & 0xFFFEu) == 0xFFFEu;
}

enum esc_state {
	ST_TEXT,	/* ordinary text */
	ST_ESC,		/* after ESC */
	ST_ESC_INTER,	/* ESC followed by intermediate bytes */
	ST_CSI,		/* inside a control sequence (ESC [ or U+009B) */
	ST_STRING,	/* inside OSC, DCS, SOS, PM or APC: swallowed up to its terminator */
};

/* Emit one code point of ordinary text; next is the byte that follows it in the input. */
static void
sanitize_put(struct strbuf *sb, uint32_t cp, unsigned char next, unsigned flags)
{
	if (cp < 0x20 || cp == 0x2028 || cp == 0x2029) {
		switch (cp) {
		case '\r':
			if (next == '\n')
				break;	/* CR LF is one line break */
			/* fall through */
		case '\t':
		case '\v':
		case '\f':
			strbuf_addc(sb, ' ');
			break;
		case '\n':
		case 0x2028:
		case 0x2029:
			strbuf_addc(sb, (flags & TEXT_KEEP_NEWLINES) ? '\n' : ' ');
			break;
		default:
			break;	/* every other C0 control is dropped */
		}
		return;
	}
	if ((cp >= 0x7F && cp <= 0x9F) || removed(cp))
		return;
	add_cp(sb, cp);
}

char *
text_sanitize(const char *s, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p);
	enum esc_state st = ST_TEXT;
	struct strbuf sb;

	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	while (len > 0) {
		uint32_t cp;
		bool ok;
		size_t n = utf8_next(p, len, &cp, &ok);

		p += n;
		len -= n;
again:
		switch (st) {
		case ST_TEXT:
			if (cp == 0x1B)
				st = ST_ESC;
			else if (cp == 0x9B)
				st = ST_CSI;
			else if (cp == 0x90 || cp == 0x98 || cp == 0x9D || cp == 0x9E || cp == 0x9F)
				st = ST_STRING;
			else
				sanitize_put(&sb, cp, len > 0 ? *p : 0, flags);
			break;
		case ST_ESC:
			if (cp == '[') {
				st = ST_CSI;
			} else if (cp == ']' || cp == 'P' || cp == 'X' || cp == '^' || cp == '_') {
				st = ST_STRING;
			} else if (cp >= 0x20 && cp <= 0x2F) {
				st = ST_ESC_INTER;
			} else if (cp >= 0x30 && cp <= 0x7E) {
				st = ST_TEXT;	/* a two-byte sequence such as ESC c or ESC \ */
			} else if (cp != 0x1B) {
				st = ST_TEXT;	/* not a sequence: drop the ESC alone */
				goto again;
			}
			break;
		case ST_ESC_INTER:
			if (cp >= 0x30 && cp <= 0x7E) {
				st = ST_TEXT;
			} else if (cp < 0x20 || cp > 0x2F) {
				st = ST_TEXT;
				goto again;
			}
			break;
		case ST_CSI:
			if (cp >= 0x40 && cp <= 0x7E) {
				st = ST_TEXT;	/* the final byte */
			} else if (cp < 0x20 || cp > 0x3F) {
				st = ST_TEXT;	/* broken off: the rest is text again */
				goto again;
			}
			break;
		case ST_STRING:
			if (cp == 0x1B)
				st = ST_ESC;	/* ESC \ (ST) ends it, and so does any other ESC */
			else if (cp == 0x07 || cp == 0x9C || cp == 0x18 || cp == 0x1A)
				st = ST_TEXT;	/* BEL, ST, CAN, SUB */
			break;
		}
	}
	return strbuf_detach(&sb, NULL);
}

/* ---- width ---------------------------------------------------------------------------------- */

struct range {
	uint32_t first, last;
};

/*
 * Zero-width code points: combining marks (Mn, Me), format characters (Cf, except the
 * visible prepended concatenation marks) and the conjoining Hangul vowels and finals.
 * Adjacent ranges separated only by unassigned code points are merged.
 */
static const struct range zero_width[] = {
	{0x00AD, 0x00AD}, {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x061C, 0x061C},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8},
	{0x06EA, 0x06ED}, {0x0711, 0x0711}, {0x0730, 0x074A}, {0x07A6, 0x07B0}, {0x07EB, 0x07F3},
	{0x07FD, 0x07FD}, {0x0816, 0x0819}, {0x081B, 0x0823}, {0x0825, 0x0827}, {0x0829, 0x082D},
	{0x0859, 0x085B}, {0x0898, 0x089F}, {0x08CA, 0x08E1}, {0x08E3, 0x0902}, {0x093A, 0x093A},
	{0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957}, {0x0962, 0x0963},
	{0x0981, 0x0981}, {0x09BC, 0x09BC}, {0x09C1, 0x09C4}, {0x09CD, 0x09CD}, {0x09E2, 0x09E3},
	{0x09FE, 0x0A02}, {0x0A3C, 0x0A3C}, {0x0A41, 0x0A51}, {0x0A70, 0x0A71}, {0x0A75, 0x0A75},
	{0x0A81, 0x0A82}, {0x0ABC, 0x0ABC}, {0x0AC1, 0x0AC8}, {0x0ACD, 0x0ACD}, {0x0AE2, 0x0AE3},
	{0x0AFA, 0x0B01}, {0x0B3C, 0x0B3C}, {0x0B3F, 0x0B3F}, {0x0B41, 0x0B44}, {0x0B4D, 0x0B56},
	{0x0B62, 0x0B63}, {0x0B82, 0x0B82}, {0x0BC0, 0x0BC0}, {0x0BCD, 0x0BCD}, {0x0C00, 0x0C00},
	{0x0C04, 0x0C04}, {0x0C3C, 0x0C3C}, {0x0C3E, 0x0C40}, {0x0C46, 0x0C56}, {0x0C62, 0x0C63},
	{0x0C81, 0x0C81}, {0x0CBC, 0x0CBC}, {0x0CBF, 0x0CBF}, {0x0CC6, 0x0CC6}, {0x0CCC, 0x0CCD},
	{0x0CE2, 0x0CE3}, {0x0D00, 0x0D01}, {0x0D3B, 0x0D3C}, {0x0D41, 0x0D44}, {0x0D4D, 0x0D4D},
	{0x0D62, 0x0D63}, {0x0D81, 0x0D81}, {0x0DCA, 0x0DCA}, {0x0DD2, 0x0DD6}, {0x0E31, 0x0E31},
	{0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECD},
	{0x0F18, 0x0F19}, {0x0F35, 0x0F35}, {0x0F37, 0x0F37}, {0x0F39, 0x0F39}, {0x0F71, 0x0F7E},
	{0x0F80, 0x0F84}, {0x0F86, 0x0F87}, {0x0F8D, 0x0FBC}, {0x0FC6, 0x0FC6}, {0x102D, 0x1030},
	{0x1032, 0x1037}, {0x1039, 0x103A}, {0x103D, 0x103E}, {0x1058, 0x1059}, {0x105E, 0x1060},
	{0x1071, 0x1074}, {0x1082, 0x1082}, {0x1085, 0x1086}, {0x108D, 0x108D}, {0x109D, 0x109D},
	{0x1160, 0x11FF}, {0x135D, 0x135F}, {0x1712, 0x1714}, {0x1732, 0x1733}, {0x1752, 0x1753},
	{0x1772, 0x1773}, {0x17B4, 0x17B5}, {0x17B7, 0x17BD}, {0x17C6, 0x17C6}, {0x17C9, 0x17D3},
	{0x17DD, 0x17DD}, {0x180B, 0x180F}, {0x1885, 0x1886}, {0x18A9, 0x18A9}, {0x1920, 0x1922},
	{0x1927, 0x1928}, {0x1932, 0x1932}, {0x1939, 0x193B}, {0x1A17, 0x1A18}, {0x1A1B, 0x1A1B},
	{0x1A56, 0x1A56}, {0x1A58, 0x1A60}, {0x1A62, 0x1A62}, {0x1A65, 0x1A6C}, {0x1A73, 0x1A7F},
	{0x1AB0, 0x1B03}, {0x1B34, 0x1B34}, {0x1B36, 0x1B3A}, {0x1B3C, 0x1B3C}, {0x1B42, 0x1B42},
	{0x1B6B, 0x1B73}, {0x1B80, 0x1B81}, {0x1BA2, 0x1BA5}, {0x1BA8, 0x1BA9}, {0x1BAB, 0x1BAD},
	{0x1BE6, 0x1BE6}, {0x1BE8, 0x1BE9}, {0x1BED, 0x1BED}, {0x1BEF, 0x1BF1}, {0x1C2C, 0x1C33},
	{0x1C36, 0x1C37}, {0x1CD0, 0x1CD2}, {0x1CD4, 0x1CE0}, {0x1CE2, 0x1CE8}, {0x1CED, 0x1CED},
	{0x1CF4, 0x1CF4}, {0x1CF8, 0x1CF9}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E},
	{0x2060, 0x206F}, {0x20D0, 0x20F0}, {0x2CEF, 0x2CF1}, {0x2D7F, 0x2D7F}, {0x2DE0, 0x2DFF},
	{0x302A, 0x302D}, {0x3099, 0x309A}, {0xA66F, 0xA672}, {0xA674, 0xA67D}, {0xA69E, 0xA69F},
	{0xA6F0, 0xA6F1}, {0xA802, 0xA802}, {0xA806, 0xA806}, {0xA80B, 0xA80B}, {0xA825, 0xA826},
	{0xA82C, 0xA82C}, {0xA8C4, 0xA8C5}, {0xA8E0, 0xA8F1}, {0xA8FF, 0xA8FF}, {0xA926, 0xA92D},
	{0xA947, 0xA951}, {0xA980, 0xA982}, {0xA9B3, 0xA9B3}, {0xA9B6, 0xA9B9}, {0xA9BC, 0xA9BD},
	{0xA9E5, 0xA9E5}, {0xAA29, 0xAA2E}, {0xAA31, 0xAA32}, {0xAA35, 0xAA36}, {0xAA43, 0xAA43},
	{0xAA4C, 0xAA4C}, {0xAA7C, 0xAA7C}, {0xAAB0, 0xAAB0}, {0xAAB2, 0xAAB4}, {0xAAB7, 0xAAB8},
	{0xAABE, 0xAABF}, {0xAAC1, 0xAAC1}, {0xAAEC, 0xAAED}, {0xAAF6, 0xAAF6}, {0xABE5, 0xABE5},
	{0xABE8, 0xABE8}, {0xABED, 0xABED}, {0xD7B0, 0xD7FF}, {0xFB1E, 0xFB1E}, {0xFE00, 0xFE0F},
	{0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}, {0x101FD, 0x101FD},
	{0x102E0, 0x102E0}, {0x10376, 0x1037A}, {0x10A01, 0x10A0F}, {0x10A38, 0x10A3F},
	{0x10AE5, 0x10AE6}, {0x10D24, 0x10D27}, {0x10EAB, 0x10EAC}, {0x10F46, 0x10F50},
	{0x10F82, 0x10F85}, {0x11001, 0x11001}, {0x11038, 0x11046}, {0x11070, 0x11070},
	{0x11073, 0x11074}, {0x1107F, 0x11081}, {0x110B3, 0x110B6}, {0x110B9, 0x110BA},
	{0x110C2, 0x110C2}, {0x11100, 0x11102}, {0x11127, 0x1112B}, {0x1112D, 0x11134},
	{0x11173, 0x11173}, {0x11180, 0x11181}, {0x111B6, 0x111BE}, {0x111C9, 0x111CC},
	{0x111CF, 0x111CF}, {0x1122F, 0x11231}, {0x11234, 0x11234}, {0x11236, 0x11237},
	{0x1123E, 0x1123E}, {0x112DF, 0x112DF}, {0x112E3, 0x112EA}, {0x11300, 0x11301},
	{0x1133B, 0x1133C}, {0x11340, 0x11340}, {0x11366, 0x11374}, {0x11438, 0x1143F},
	{0x11442, 0x11444}, {0x11446, 0x11446}, {0x1145E, 0x1145E}, {0x114B3, 0x114B8},
	{0x114BA, 0x114BA}, {0x114BF, 0x114C0}, {0x114C2, 0x114C3}, {0x115B2, 0x115B5},
	{0x115BC, 0x115BD}, {0x115BF, 0x115C0}, {0x115DC, 0x115DD}, {0x11633, 0x1163A},
	{0x1163D, 0x1163D}, {0x1163F, 0x11640}, {0x116AB, 0x116AB}, {0x116AD, 0x116AD},
	{0x116B0, 0x116B5}, {0x116B7, 0x116B7}, {0x1171D, 0x1171F}, {0x11722, 0x11725},
	{0x11727, 0x1172B}, {0x1182F, 0x11837}, {0x11839, 0x1183A}, {0x1193B, 0x1193C},
	{0x1193E, 0x1193E}, {0x11943, 0x11943}, {0x119D4, 0x119DB}, {0x119E0, 0x119E0},
	{0x11A01, 0x11A0A}, {0x11A33, 0x11A38}, {0x11A3B, 0x11A3E}, {0x11A47, 0x11A47},
	{0x11A51, 0x11A56}, {0x11A59, 0x11A5B}, {0x11A8A, 0x11A96}, {0x11A98, 0x11A99},
	{0x11C30, 0x11C3D}, {0x11C3F, 0x11C3F}, {0x11C92, 0x11CA7}, {0x11CAA, 0x11CB0},
	{0x11CB2, 0x11CB3}, {0x11CB5, 0x11CB6}, {0x11D31, 0x11D45}, {0x11D47, 0x11D47},
	{0x11D90, 0x11D91}, {0x11D95, 0x11D95}, {0x11D97, 0x11D97}, {0x11EF3, 0x11EF4},
	{0x13430, 0x13438}, {0x16AF0, 0x16AF4}, {0x16B30, 0x16B36}, {0x16F4F, 0x16F4F},
	{0x16F8F, 0x16F92}, {0x16FE4, 0x16FE4}, {0x1BC9D, 0x1BC9E}, {0x1BCA0, 0x1BCA3},
	{0x1CF00, 0x1CF46}, {0x1D167, 0x1D169}, {0x1D173, 0x1D182}, {0x1D185, 0x1D18B},
	{0x1D1AA, 0x1D1AD}, {0x1D242, 0x1D244}, {0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C},
	{0x1DA75, 0x1DA75}, {0x1DA84, 0x1DA84}, {0x1DA9B, 0x1DAAF}, {0x1E000, 0x1E02A},
	{0x1E130, 0x1E136}, {0x1E2AE, 0x1E2AE}, {0x1E2EC, 0x1E2EF}, {0x1E8D0, 0x1E8D6},
	{0x1E944, 0x1E94A}, {0xE0001, 0xE01EF},
};

/*
 * Two-column code points: East Asian Wide and Fullwidth, which since Unicode 9 include the
 * emoji with emoji presentation, plus the unassigned ideograph planes.
 */
static const struct range wide[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
	{0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
	{0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
	{0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
	{0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
	{0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
	{0x2E80, 0x3029}, {0x302E, 0x303E}, {0x3041, 0x3096}, {0x309B, 0x3247}, {0x3250, 0x4DBF},
	{0x4E00, 0xA4C6}, {0xA960, 0xA97C}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
	{0xFE30, 0xFE6B}, {0xFF01, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE3},
	{0x16FF0, 0x18D08}, {0x1AFF0, 0x1B2FB}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
	{0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F320}, {0x1F32D, 0x1F335},
	{0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
	{0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440},
	{0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
	{0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F},
	{0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6DF},
	{0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7F0}, {0x1F90C, 0x1F93A},
	{0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAF6}, {0x20000, 0x3FFFD},
};

static bool
in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	if (cp < t[0].first || cp > t[n - 1].last)
		return false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < t[mid].first)
			hi = mid;
		else if (cp > t[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

#define TABLE_LEN(t) (sizeof(t) / sizeof((t)[0]))

int
text_cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 0;	/* controls take no column (and the sanitiser removes them) */
	if (cp < 0x0300)
		return cp == 0x00AD ? 0 : 1;
	if (in_table(cp, zero_width, TABLE_LEN(zero_width)))
		return 0;
	if (in_table(cp, wide, TABLE_LEN(wide)))
		return 2;
	return 1;
}

int
text_width(const char *s)
{
	size_t len;
	int cols = 0;

	if (!s)
		return 0;
	len = strlen(s);
	while (len > 0) {
		uint32_t cp;
		size_t n = text_utf8_decode(s, len, &cp);

		cols += text_cp_width(cp);
		s += n;
		len -= n;
	}
	return cols;
}

char *
text_fit(const char *s, int cols, int *width)
{
	size_t len, keep = 0, i = 0;
	int used = 0, total;
	char *out;

	if (!s)
		s = "";
	if (cols <= 0) {
		if (width)
			*width = 0;
		return xstrdup("");
	}
	total = text_width(s);
	if (total <= cols) {
		if (width)
			*width = total;
		return xstrdup(s);
	}
	/* Keep whole characters while they leave one column for the ellipsis; zero-width ones
	 * (combining marks) stay with the character before them. */
	len = strlen(s);
	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		int w = text_cp_width(cp);

		if (used + w > cols - 1)
			break;
		used += w;
		i += n;
		if (cp != 0x200D)	/* never end on a joiner */
			keep = i;
	}
	out = xmalloc(keep + sizeof(TEXT_ELLIPSIS));
	memcpy(out, s, keep);
	memcpy(out + keep, TEXT_ELLIPSIS, sizeof(TEXT_ELLIPSIS));
	if (width)
		*width = used + 1;
	return out;
}

/* ---- folding -------------------------------------------------------------------------------- */

/*
 * Base letters of U+00C0-U+00FF and U+0100-U+017F. '*' keeps the character (the
 * multiplication and division signs); '?' is a letter that folds to two ("ae", "ss", ...).
 */
static const char latin1_base[64 + 1] =
	"aaaaaa?ceeeeiiii" "dnooooo*ouuuuy??"
	"aaaaaa?ceeeeiiii" "dnooooo*ouuuuy?y";
static const char latin_ext_a_base[128 + 1] =
	"aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "ii??jjkkklllllll"
	"lllnnnnnnnnnoooo" "oo??rrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

static bool
fold_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x00A0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Append the folded form of cp (not white space) to sb. */
static void
fold_cp(struct strbuf *sb, uint32_t cp)
{
	char c;

	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;	/* fullwidth ASCII */
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cp >= 0x20 && cp != 0x7F)
			strbuf_addc(sb, (char)cp);
		return;	/* other controls are dropped */
	}
	if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x0300 && cp <= 0x036F) || removed(cp))
		return;	/* C1 controls, combining accents, invisibles */
	if (cp >= 0xC0 && cp <= 0x17F) {
		c = cp < 0x100 ? latin1_base[cp - 0xC0] : latin_ext_a_base[cp - 0x100];
		if (c == '?') {
			if (cp == 0xC6 || cp == 0xE6)
				strbuf_adds(sb, "ae");
			else if (cp == 0xDE || cp == 0xFE)
				strbuf_adds(sb, "th");
			else if (cp == 0xDF)
				strbuf_adds(sb, "ss");
			else if (cp == 0x132 || cp == 0x133)
				strbuf_adds(sb, "ij");
			else
				strbuf_adds(sb, "oe");	/* U+0152, U+0153 */
			return;
		}
		if (c != '*') {
			strbuf_addc(sb, c);
			return;
		}
	} else if (cp >= 0x218 && cp <= 0x21B) {
		strbuf_addc(sb, cp < 0x21A ? 's' : 't');	/* Romanian comma below */
		return;
	} else if ((cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F)) {
		cp += 0x20;	/* Greek and Cyrillic capitals */
	} else if (cp >= 0x400 && cp <= 0x40F) {
		cp += 0x50;
	} else if (cp == 0x3C2) {
		cp = 0x3C3;	/* final sigma */
	}
	if (cp == 0x451)
		cp = 0x435;	/* Cyrillic io -> ie */
	add_cp(sb, cp);
}

char *
text_fold(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p);
	bool space = false;
	struct strbuf sb;

	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	while (len > 0) {
		uint32_t cp;
		bool ok;
		size_t n = utf8_next(p, len, &cp, &ok);

		p += n;
		len -= n;
		if (fold_space(cp)) {
			space = sb.len > 0;
			continue;
		}
		if (space) {
			size_t mark;

			strbuf_addc(&sb, ' ');
			mark = sb.len;
			fold_cp(&sb, cp);
			if (sb.len == mark) {	/* cp folded to nothing: no space yet */
				sb.buf[--sb.len] = '\0';
				continue;
			}
			space = false;
			continue;
		}
		fold_cp(&sb, cp);
	}
	return strbuf_detach(&sb, NULL);
}

/* Length of the white space (ASCII or U+00A0) at p, 0 when there is none. */
static size_t
squeeze_space(const char *p)
{
	if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		return 1;
	if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	return 0;
}

char *
text_squeeze(const char *s)
{
	struct strbuf sb;
	bool space = false;

	if (!s)
		return NULL;
	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	while (*s) {
		size_t n = squeeze_space(s);

		if (n) {
			space = sb.len > 0;
			s += n;
			continue;
		}
		if (space) {
			strbuf_addc(&sb, ' ');
			space = false;
		}
		strbuf_addc(&sb, *s++);
	}
	return strbuf_detach(&sb, NULL);
}
