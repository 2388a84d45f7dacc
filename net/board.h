/*
 * What the JSON parsers share: JSON Feed (net/feed_json.c) and the job-board APIs
 * (net/feed_remoteok.c, feed_remotive.c, ...).
 *
 * A document is read whole, checked once by a scanner that never recurses, then walked
 * without cJSON: the top-level members and array elements are spans of the input, and only
 * one item at a time is built into a cJSON tree (member by member, so a member nested deeper
 * than BOARD_DEPTH_MAX is dropped instead of the item). Memory is the input plus one item.
 * The rest reads loosely typed values (an id that is a string or a number, money as a
 * number or a numeric string, a list that is an array or one string) and helps every board
 * parser (Personio's XML too) with place lists, words, URLs (the path's segments, the board
 * a URL names) and first-bytes sniffing. Pure; any thread.
 */
#ifndef NET_BOARD_H
#define NET_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>

#include "net/feed.h"
#include "store/job.h"
#include "store/status.h"
#include "store/strbuf.h"

/* Deepest nesting of a member handed to cJSON (whose own limit is reached by recursion). */
#define BOARD_DEPTH_MAX	64
/* Most elements of one array read into a list (tags, locations). */
#define BOARD_LIST_MAX	256

/* A JSON value inside a checked document: the bytes [p, e). */
struct board_val {
	const char *p;
	const char *e;
};

/* A whole JSON document, checked. */
struct board_doc {
	struct board_val root;	/* the top-level value, without white space around it */
	char *owned;		/* the input when it had to be read from a file */
};

/*
 * Read in (at most FEED_JSON_MAX bytes) and check that it is one well-formed JSON value,
 * after an optional UTF-8 byte order mark. JT_ERR_PARSE ("empty document", "malformed JSON:
 * line N", "malformed JSON: the document ends early"), JT_ERR_TOOBIG or JT_ERR_IO with a
 * message in err; board_doc_done() is needed only after JT_OK.
 */
enum jt_status board_doc_open(struct board_doc *doc, const struct feed_input *in,
			      struct jt_err *err);
void board_doc_done(struct board_doc *doc);

/* The first byte of v: '{', '[', '"', 't', 'f', 'n' or a number's first byte. */
char board_kind(struct board_val v);

/*
 * Step through the members of the object obj (*cur NULL at first): false at the end, else
 * *key (a JSON string, quotes included) and *val. Only for values of a checked document.
 */
bool board_member_next(struct board_val obj, const char **cur, struct board_val *key,
		       struct board_val *val);
/* Step through the elements of the array arr (*cur NULL at first); false at the end. */
bool board_element_next(struct board_val arr, const char **cur, struct board_val *val);
/* The value of obj's first member named key; false when there is none (or obj is no object). */
bool board_member(struct board_val obj, const char *key, struct board_val *val);
/* The string value v decoded (lone surrogates become U+FFFD), or NULL when v is not a
 * string. The caller frees it. */
char *board_string(struct board_val v);

/*
 * The object obj as a cJSON tree, built member by member: members named in skip (a
 * NULL-terminated list, or NULL) and members nested deeper than BOARD_DEPTH_MAX are left
 * out. NULL when obj is not an object. The caller frees it with cJSON_Delete().
 */
cJSON *board_object(struct board_val obj, const char *const *skip);
/* Any value as a cJSON tree, or NULL when it nests deeper than BOARD_DEPTH_MAX. */
cJSON *board_value(struct board_val v);

/* What a board parser makes of one item it: a posting for sink. company is the one the
 * feed's URL names (NULL: none, or the parser takes it from elsewhere). */
typedef enum jt_status board_item_fn(const cJSON *it, const char *company,
				     struct feed_sink *sink, struct jt_err *err);
/*
 * Hand each element of the array arr to fn as the cJSON object board_object(element, skip);
 * an element that is not an object is counted in sink->skipped. Returns JT_OK, or the first
 * other status fn returns (the walk stops there).
 */
enum jt_status board_items(struct board_val arr, const char *const *skip, board_item_fn *fn,
			   const char *company, struct feed_sink *sink, struct jt_err *err);

/* ---- loosely typed values in a cJSON item ------------------------------------------------- */

/* o[key] when it is a non-empty string, else NULL. Borrowed from o. */
const char *board_str(const cJSON *o, const char *key);
/* A copy of board_str(o, key), or NULL. */
char *board_dup(const cJSON *o, const char *key);
/* v as text when it is a non-empty string or a finite number (integers without an exponent
 * or fraction: 8556658002), else NULL. The caller frees it. */
char *board_text(const cJSON *v);
/* A positive amount given as a number or a numeric string ("5250", "120,000.50"); 0 else. */
double board_money(const cJSON *v);
/* A date given as an epoch number (seconds or milliseconds), an epoch string or a date
 * string (see net/date.h); 0 when it is none of them or before 1970. */
int64_t board_date(const cJSON *v);
/* True when v is true, "true", 1 or "1". */
bool board_true(const cJSON *v);
/*
 * Append v to the comma-separated list in sb: a string, or each string of an array (an
 * element that is an object gives its "name"; at most BOARD_LIST_MAX elements). Commas
 * inside a value become spaces when split_commas is false; when it is true a string is
 * itself taken as a comma-separated list. Stops quietly at sb's cap.
 */
void board_list_add(struct strbuf *sb, const cJSON *v, bool split_commas);
/* The names in v joined by sep: a string, or the strings of an array and the "name" of
 * each object in it (repeats dropped, at most BOARD_LIST_MAX elements); NULL when there is
 * none. The caller frees it. */
char *board_names(const cJSON *v, const char *sep);
/* Append the place s to the "; "-separated list in sb unless s is NULL, empty or already in
 * the list. */
void board_place_add(struct strbuf *sb, const char *s);
/* The canonical employment type (feed_employment_type) of a string, or of the first
 * element of an array that names one; NULL when none does. Static string. */
const char *board_employment(const cJSON *v);

/* Set the salary of job from text such as "$18 - $22/hr" or "$90k - $105k" (a field that
 * holds nothing but a salary); false, job untouched, when the text gives none. */
bool board_salary_text(struct job *job, const char *s);

/* True when a and b are the same but for case (bit 0x20 of each byte is ignored: compare
 * with a word of letters). */
bool board_ieq(const char *a, const char *b);
/* True when s (may be NULL) contains the lower-case ASCII word w in any case. */
bool board_has_ci(const char *s, const char *w);

/* ---- URLs and sniffing -------------------------------------------------------------------- */

/*
 * url with the query parameter name set to value (percent-encoded): an existing name=...
 * is replaced, each parameter in drop (NULL-terminated list, or NULL) is removed, otherwise
 * it is appended. NULL when url or value is NULL or empty. The caller frees it.
 */
char *board_url_param(const char *url, const char *name, const char *value,
		      const char *const *drop);
/* The path of url (from its first '/' after the host up to '?' or '#') in *path and its
 * length in *n; false when url has no scheme and host. */
bool board_url_path(const char *url, const char **path, size_t *n);
/* The n-th non-empty segment of url's path (0 first), or NULL. The caller frees it. */
char *board_url_segment(const char *url, int n);
/* The segment after the path's first ones when they are those of prefix ("v1/boards" for
 * https://host/v1/boards/acme/jobs gives "acme"), or NULL. The caller frees it. */
char *board_url_after(const char *url, const char *prefix);
/* name (the caller's, may be NULL) when it is a name as a board's URLs write it (a board,
 * company or posting): letters, digits, '-', '_', '.' and the bytes in also (may be NULL),
 * but not "." or ".."; else NULL, and name is freed. */
char *board_url_name(char *name, const char *also);

/* The first byte of head[0..len) after a byte order mark and white space, or 0. */
char board_head_first(const char *head, size_t len);
/* True when head[0..len) contains needle. */
bool board_head_has(const char *head, size_t len, const char *needle);

#endif
