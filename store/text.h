/*
 * Text that is safe to show: UTF-8 repair, the terminal sanitiser, display width, and
 * folding for matching.
 *
 * Every byte from a feed is hostile. Feed text is repaired to valid UTF-8 when it is stored
 * (text_utf8_repair) and passes text_sanitize() on its way to any terminal, pipe or file:
 * this is the one choke point, used by the curses views and by the headless commands alike.
 * Pure functions of their arguments (no locale, no globals): safe in any thread.
 */
#ifndef STORE_TEXT_H
#define STORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT "\xEF\xBF\xBD"	/* U+FFFD in UTF-8 */
#define TEXT_ELLIPSIS "\xE2\x80\xA6"	/* U+2026 */

/*
 * Decode one code point from s (at most len bytes). Returns the number of bytes used (1 to
 * 4) and sets *cp; an invalid, overlong, surrogate or truncated sequence uses 1 byte and
 * sets *cp to 0xFFFD (so n == 1 with cp == 0xFFFD means a bad byte, while a real U+FFFD uses
 * 3). A NUL byte decodes as U+0000. len must be at least 1 (0 returns 0).
 */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp (<= 0x10FFFF, not a surrogate) into out; returns the number of bytes (1-4). */
size_t text_utf8_encode(uint32_t cp, char out[4]);
/* True when s[0..len) is valid UTF-8 without NUL bytes. */
bool text_utf8_valid(const char *s, size_t len);

/*
 * A copy of s[0..len) that is valid UTF-8: each maximal invalid subsequence, and each NUL
 * byte, becomes U+FFFD. Invalid subsequences are counted the Unicode (and WHATWG) way, by
 * maximal subpart: a truncated "E2 82" is one U+FFFD, an overlong "C0 AF" is two. The
 * caller frees the result (never NULL). *outlen (may be NULL) gets its length.
 */
char *text_utf8_repair(const char *s, size_t len, size_t *outlen);

enum text_flags {
	TEXT_KEEP_NEWLINES = 1 << 0,	/* keep '\n' (detail text); otherwise it becomes a space */
};

/*
 * The terminal-safe form of the NUL-terminated UTF-8 string s (which need not be valid).
 * Removes whole escape sequences (ESC with CSI, OSC, DCS, APC, PM, SOS, and the 8-bit
 * introducers U+009B, U+009D, U+0090, U+009F, U+009E, U+0098 with what follows them), C0
 * and C1 controls, DEL, bidirectional controls (U+061C, U+200E-200F, U+202A-202E,
 * U+2066-2069), U+FEFF, soft hyphen, zero-width space U+200B, the invisible operators
 * U+2060-2064, U+180E, U+FFF9-FFFB, tag characters (U+E0000-E007F) and noncharacters;
 * turns '\t', '\r', '\v', '\f' (and '\n', U+2028, U+2029 unless TEXT_KEEP_NEWLINES) into
 * a space, except that CR LF counts as one line break; repairs invalid UTF-8 to U+FFFD (as
 * text_utf8_repair). The joiners U+200C and U+200D stay (scripts and emoji need them).
 * A string sequence (OSC, DCS, ...) ends at BEL, ST, CAN, SUB or the next ESC; one left
 * open swallows the rest of s, as a terminal would. A CSI broken off by a character that
 * cannot belong to it is dropped and that character is treated as text.
 * The result is valid UTF-8, contains none of the above, and sanitising it again changes
 * nothing. The caller frees the result. NULL in gives "" out.
 */
char *text_sanitize(const char *s, unsigned flags);

/*
 * Columns that one code point takes on a terminal: 0, 1 or 2 (wide East Asian, emoji). By
 * our own Unicode tables, never the locale: controls, combining marks and format characters
 * are 0; East Asian Wide and Fullwidth (which include emoji presentation) are 2.
 */
int text_cp_width(uint32_t cp);
/* Columns that the (valid UTF-8) string s takes, by text_cp_width. */
int text_width(const char *s);

/*
 * Fit the sanitised string s into cols columns: a copy that is s itself when it fits, or
 * cut at a character boundary with an ellipsis so that it takes at most cols columns. A
 * wide character is never split (the result may then take cols - 1 columns); combining
 * marks stay with their base. cols <= 0 gives "". *width (may be NULL) gets the columns the
 * result takes. The caller frees the result.
 */
char *text_fit(const char *s, int cols, int *width);

/*
 * The matching form of s: lower case, Latin accents removed (Zürich -> zurich, Ærø ->
 * aero, ß -> ss, Łódź -> lodz, İ -> i), runs of white space squeezed to one space and
 * trimmed. Covers Latin-1, Latin Extended-A, combining accents U+0300-036F, fullwidth ASCII
 * and Greek and Cyrillic capitals; controls and the characters text_sanitize removes are
 * dropped, invalid UTF-8 becomes U+FFFD. Used for the location and company filters on both
 * sides of a comparison. The caller frees it; NULL gives "".
 */
char *text_fold(const char *s);

/* A copy of s with leading and trailing white space removed and inner runs squeezed to one
 * space (ASCII white space and U+00A0). The caller frees it. NULL gives NULL. */
char *text_squeeze(const char *s);

#endif
