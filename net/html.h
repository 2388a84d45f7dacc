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

/* Render html[0..len) to text (valid UTF-8, lines separated by '\n'). The caller frees it. */
char *html_to_text(const char *html, size_t len);

/* Decode HTML entities (named, &#NNN; and &#xHH;) in s once; the caller frees it. */
char *html_unescape(const char *s);

/* True when s looks like entity-escaped HTML ("&lt;p&gt;...") rather than HTML or text. */
bool html_is_escaped(const char *s);

/* True when s contains HTML markup (a tag or an entity). */
bool html_has_markup(const char *s);

#endif
