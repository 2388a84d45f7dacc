/*
 * HTML to plain text, and HTML entities.
 *
 * Descriptions arrive as HTML (or as HTML escaped once more). html_to_text() renders them
 * with libxml2's HTML parser into text the detail pane wraps: paragraphs separated by a
 * blank line, headings on their own line, list items as "• item", <br> as a line break,
 * entities decoded, scripts, styles, images and comments dropped, and links numbered
 * "text [1]" with their targets listed at the end ("[1] https://..."). The network is never
 * touched. Pure; any thread.
 */
#ifndef NET_HTML_H
#define NET_HTML_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Render html[0..len) to text (valid UTF-8, lines separated by '\n', no trailing spaces, at
 * most one blank line in a row, none at either end). The caller frees it; NULL or empty
 * input gives "". Invalid UTF-8 and NUL bytes in the input become U+FFFD first; a
 * <meta charset> is ignored. Input past JOB_HTML_MAX bytes is ignored and the result is
 * at most JOB_HTML_MAX bytes (a cut body ends with "…").
 * Layout: ordered items are "1. " (honouring start=), nested lists indent two columns per
 * level (ten levels at most) with later lines of an item under its text, table rows are
 * paragraphs with cells joined by " | ", <pre> keeps its spaces (tabs become four), <hr>
 * is a line of twenty U+2500. Only http, https and mailto links are numbered, at most 200
 * targets, each number once per target; a link whose text already shows its target is
 * left as it is, and a link without text shows just "[N]". Content nested deeper than
 * libxml2's own limit (256 levels) is lost, but never crashes.
 * The result is NOT terminal-safe: characters decoded from entities (&#x9b;, &#x202e;)
 * are kept, for text_sanitize() to remove when shown.
 */
char *html_to_text(const char *html, size_t len);

/*
 * Decode HTML entities (named, &#NNN; and &#xHH;) in s once; the caller frees it. Named
 * entities (HTML 4, from libxml2's table) need their ';', numeric ones may omit it; &#0;, a
 * surrogate or a value past U+10FFFF becomes U+FFFD; anything that is not an entity is
 * copied as it is (bytes are not checked: repair the result if s may be invalid). C1 and
 * bidi characters are decoded like any other. NULL gives "".
 */
char *html_unescape(const char *s);

/*
 * True when s looks like entity-escaped HTML ("&lt;p&gt;...") rather than HTML or text: it
 * has an escaped tag ("&lt;", "&#60;" or "&#x3c;", any case, then a tag name or "/name"
 * ending at white space, '/' or an entity, with an escaped '>' after it) and no raw tag.
 */
bool html_is_escaped(const char *s);

/* True when s contains HTML markup: a tag ('<' then a letter, "/letter", '!' or '?') or an
 * entity html_unescape() would decode. NULL gives false. */
bool html_has_markup(const char *s);

#endif
