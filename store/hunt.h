/*
 * The job hunt in the store: applications (a status with the date of each change, and a
 * note), saved searches, blocked companies and words, and the keys that group the same job
 * posted on several boards.
 *
 * Duplicates: postings with the same normalised company, title and location (hunt_dup_key)
 * form a group. Lists show one row per group unless job_filter.all_sources is set, each row
 * counting the feeds that carry the job (job.sources); user state set on one posting
 * (a star, a read mark, hiding, a status, a note) is set on its whole group.
 *
 * Blocks: the config file's `block-company "NAME"` and `block-word WORD` lines, mirrored
 * into the database (hunt_blocks_sync) so that the fetcher flags postings as it stores
 * them. Lists leave flagged postings out, favourites excepted, unless
 * job_filter.include_blocked is set.
 *
 * Like store.h, every function that takes a struct store runs on the thread that owns that
 * connection; the pure helpers may run anywhere.
 */
#ifndef STORE_HUNT_H
#define STORE_HUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/config.h"
#include "store/job.h"
#include "store/status.h"
#include "store/store.h"

#define HUNT_NOTE_MAX	(64 * 1024)	/* bytes of one note */
#define HUNT_NAME_MAX	64		/* characters of a saved search's name */

/* ---- names and keys (pure) ------------------------------------------------------------ */

/* "saved", "applied", ... for a status; "none" for TRACK_NONE. Static strings. */
const char *hunt_status_name(enum track_status status);
/* Parse a status name (or "none"); false when unknown. */
bool hunt_status_parse(const char *name, enum track_status *out);
/* The key that picks status in the UI's chooser ('a' for applied); 0 for TRACK_NONE. */
int hunt_status_key(enum track_status status);

/*
 * The normalised forms postings are compared by. Text is folded (text_fold: case and
 * accents), punctuation becomes a space, and what does not name the job is dropped: a
 * company's legal suffixes ("Acme, Inc." -> "acme"), a title's remote, hybrid and gender
 * qualifiers ("Engineer (Remote)", "Entwickler (m/w/d)" -> "engineer", "entwickler"), and
 * the words remote, hybrid and on-site in a location. The caller frees the result; "" when
 * nothing is left.
 */
char *hunt_norm_company(const char *company);
char *hunt_norm_title(const char *title);
char *hunt_norm_location(const char *location);
/* Text folded and stripped of punctuation only (what blocked words are matched in). */
char *hunt_norm_words(const char *text);
/*
 * The duplicate key of a posting: normalised company, title and location, or NULL (never
 * grouped) when it has no company or no title. The caller frees it.
 */
char *hunt_dup_key(const char *company, const char *title, const char *location);

/* ---- applications --------------------------------------------------------------------- */

/*
 * Set posting id's status (TRACK_NONE stops tracking), on its whole duplicate group, and
 * record the change with the time. Tracking stars the group (a tracked posting is kept like
 * any favourite); stopping keeps the star and the note. Setting the status it has already
 * changes nothing. JT_ERR_NOTFOUND when there is no such posting.
 */
enum jt_status hunt_track_set(struct store *s, int64_t id, enum track_status status,
			      struct jt_err *err);
/*
 * Set the note of posting id's group (NULL or only white space clears it). The text is kept
 * as valid UTF-8 without white space around it; a note stars the group, so it is never
 * pruned. JT_ERR_TOOBIG over HUNT_NOTE_MAX bytes, JT_ERR_NOTFOUND without such a posting.
 */
enum jt_status hunt_note_set(struct store *s, int64_t id, const char *note,
			     struct jt_err *err);

struct hunt_change {
	enum track_status status;	/* TRACK_NONE: tracking stopped */
	int64_t at;			/* epoch */
};

struct hunt_source {
	int64_t id;			/* the posting */
	char *url;			/* its page (may be NULL) */
	char *apply_url;		/* may be NULL */
	char *feed_url;
	char *feed_name;		/* may be NULL */
};

/* What the job hunt knows of one posting. Owns every pointer. */
struct hunt_info {
	enum track_status status;
	int64_t status_changed;		/* 0 = never */
	char *note;			/* NULL = none */
	struct hunt_change *history;	/* oldest first, of the whole group */
	size_t nhistory;
	struct hunt_source *sources;	/* the posting first, then its duplicates by id */
	size_t nsources;
};

void hunt_info_init(struct hunt_info *info);
void hunt_info_done(struct hunt_info *info);
/* Fill *out (initialised by the caller) for posting id; JT_ERR_NOTFOUND when absent. */
enum jt_status hunt_info_get(struct store *s, int64_t id, struct hunt_info *out,
			     struct jt_err *err);

struct hunt_item {
	struct job job;			/* summary fields, as in a list */
	char *note;			/* NULL = none */
};

struct hunt_items {
	struct hunt_item *v;		/* owned, n elements */
	size_t n, alloc;
};

void hunt_items_init(struct hunt_items *items);
void hunt_items_done(struct hunt_items *items);
/*
 * Every tracked job (one per duplicate group, hidden and blocked ones included), by status in
 * TRACK_STATUS_INFO order, then the latest change first. Appended to *out.
 */
enum jt_status hunt_tracked_list(struct store *s, struct hunt_items *out, struct jt_err *err);

/* ---- saved searches ------------------------------------------------------------------- */

/* A saved search. Its filter points at its own strings, which live as long as it does. */
struct hunt_search {
	int64_t id;
	char *name;
	char *keyword, *location, *company;	/* NULL = none */
	struct job_filter filter;		/* what it selects */
	int64_t created;
	int64_t opened;				/* when it was last opened (created at first) */
	int64_t fresh;				/* postings that match and were first stored after
						 * opened (filled by hunt_searches_list) */
};

struct hunt_searches {
	struct hunt_search *v;		/* owned, n elements, by name */
	size_t n, alloc;
};

void hunt_search_init(struct hunt_search *h);
void hunt_search_done(struct hunt_search *h);
void hunt_searches_init(struct hunt_searches *l);
void hunt_searches_done(struct hunt_searches *l);

/*
 * Save filter under name (its keyword, location, company, remote, favourites, unread,
 * since, min-salary, status and sort; not the display toggles), replacing a search of that
 * name (*replaced, may be NULL, says so). A name is 1 to HUNT_NAME_MAX printable characters
 * (JT_ERR_USAGE otherwise, err says why).
 */
enum jt_status hunt_search_save(struct store *s, const char *name,
				const struct job_filter *filter, bool *replaced,
				struct jt_err *err);
/* The search called name into *out (initialised by the caller); JT_ERR_NOTFOUND if none. */
enum jt_status hunt_search_get(struct store *s, const char *name, struct hunt_search *out,
			       struct jt_err *err);
/* Every saved search, by name, each with its count of new postings. Appended to *out. */
enum jt_status hunt_searches_list(struct store *s, struct hunt_searches *out,
				  struct jt_err *err);
/* Record that the search was opened at now: later counts start from there. */
enum jt_status hunt_search_opened(struct store *s, const char *name, int64_t now,
				  struct jt_err *err);
/* Delete a saved search (JT_ERR_NOTFOUND when there is none of that name). */
enum jt_status hunt_search_remove(struct store *s, const char *name, struct jt_err *err);

/* ---- blocked companies and words ------------------------------------------------------ */

enum hunt_block_kind {
	HUNT_BLOCK_COMPANY,		/* `block-company NAME`: that company, suffixes folded */
	HUNT_BLOCK_WORD,		/* `block-word WORD`: the words in a title, company, tags */
};

/*
 * Make the database's block list the config's `block-company` and `block-word` lines, and
 * flag the postings again when the list changed (a write; nothing is written when it did
 * not). Every command calls it after opening the store.
 */
enum jt_status hunt_blocks_sync(struct store *s, const struct config *c, struct jt_err *err);
/*
 * Add one block at once (the UI's `b`, after the caller saved it to the config file) and flag
 * the postings it matches. *added (may be NULL) is false when it was there already; *hidden
 * (may be NULL) gets how many postings it newly flagged. JT_ERR_USAGE for empty text.
 */
enum jt_status hunt_block_add(struct store *s, enum hunt_block_kind kind, const char *text,
			      bool *added, int64_t *hidden, struct jt_err *err);
/* How many jobs (one per duplicate group) the blocks hide from a list without filters. */
enum jt_status hunt_blocked_count(struct store *s, int64_t *n, struct jt_err *err);

#endif
