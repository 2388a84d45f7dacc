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
 * sets *cp to 0xFFFD. len must be at least 1.
 */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp (<= 0x10FFFF, not a surrogate) into out; returns the number of bytes (1-4). */
size_t text_utf8_encode(uint32_t cp, char out[4]);
/* True when s[0..len) is valid UTF-8 without NUL bytes. */
bool text_utf8_valid(const char *s, size_t len);

/*
 * A copy of s[0..len) that is valid UTF-8: each maximal invalid subsequence, and each NUL
 * byte, becomes U+FFFD. The caller frees the result. *outlen (may be NULL) gets its length.
 */
char *text_utf8_repair(const char *s, size_t len, size_t *outlen);

enum text_flags {
	TEXT_KEEP_NEWLINES = 1 << 0,	/* keep '\n' (detail text); otherwise it becomes a space */
};

/*
 * The terminal-safe form of the NUL-terminated UTF-8 string s (which need not be valid).
 * Removes whole escape sequences (ESC with CSI, OSC, DCS, APC, PM, SOS), C0 and C1 controls,
 * DEL, bidirectional controls (U+061C, U+200E-200F, U+202A-202E, U+2066-2069), U+FEFF, soft
 * hyphen, zero-width spaces and tag characters; turns '\t', '\r', '\v', '\f' (and '\n'
 * unless TEXT_KEEP_NEWLINES) into a space; repairs invalid UTF-8 to U+FFFD. The result is
 * valid UTF-8, contains none of the above, and sanitising it again changes nothing.
 * The caller frees the result. NULL in gives "" out.
 */
char *text_sanitize(const char *s, unsigned flags);

/* Columns that one code point takes on a terminal: 0, 1 or 2 (wide East Asian, emoji). */
int text_cp_width(uint32_t cp);
/* Columns that the (valid UTF-8) string s takes, by text_cp_width. */
int text_width(const char *s);

/*
 * Fit the sanitised string s into cols columns: a copy that is s itself when it fits, or
 * cut at a character boundary with an ellipsis so that it takes at most cols columns.
 * *width (may be NULL) gets the columns the result takes. The caller frees the result.
 */
char *text_fit(const char *s, int cols, int *width);

/*
 * The matching form of s: lower case, Latin accents removed (Zürich -> zurich, Ærø ->
 * aero, ß -> ss), runs of white space squeezed to one space and trimmed. Used for the
 * location and company filters on both sides of a comparison. The caller frees it.
 */
char *text_fold(const char *s);

/* A copy of s with leading and trailing white space removed and inner runs squeezed to one
 * space (ASCII white space and U+00A0). The caller frees it. NULL gives NULL. */
char *text_squeeze(const char *s);

#endif
