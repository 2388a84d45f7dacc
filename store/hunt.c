/*
 * The job hunt's tables and rules: applications and their history, notes, saved searches,
 * blocked companies and words, and the normalised keys that group duplicate postings.
 *
 * Owns the SQL over user_state's status and note columns, status_history, searches, blocks
 * and dup_groups (their triggers live in store/schema.c), and the two SQL functions
 * jt_dup_key() and jt_blocked(). Like store.c it binds every value and builds SQL only from
 * constants. It must never delete a posting, never clear a star that a status or a note
 * implies, and never run per keystroke anything that reads the whole postings table (the
 * block list is applied when it changes, and to each posting as it is stored).
 */
#include "config.h"
#include "store/hunt.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store_db.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

/* Posting ?1 and its duplicates, as a WHERE term over postings (prefix: "p." or ""). */
#define GROUP_OF(t) \
	"(" t "id = ?1 OR " t "dup_key = (SELECT dup_key FROM postings WHERE id = ?1))"

/* ---- names -------------------------------------------------------------------------------- */

#define STATUS_NAME(id, name, key) name,
static const char *const status_names[TRACK_COUNT_] = {
	"none",
	TRACK_STATUS_INFO(STATUS_NAME)
};
#undef STATUS_NAME

#define STATUS_KEY(id, name, key) key,
static const int status_keys[TRACK_COUNT_] = {
	0,
	TRACK_STATUS_INFO(STATUS_KEY)
};
#undef STATUS_KEY

const char *
hunt_status_name(enum track_status status)
{
	return (unsigned)status < TRACK_COUNT_ ? status_names[status] : "none";
}

bool
hunt_status_parse(const char *name, enum track_status *out)
{
	for (int i = 0; i < TRACK_COUNT_; i++)
		if (!strcmp(name, status_names[i])) {
			*out = (enum track_status)i;
			return true;
		}
	return false;
}

int
hunt_status_key(enum track_status status)
{
	return (unsigned)status < TRACK_COUNT_ ? status_keys[status] : 0;
}

/* ---- normalised text ---------------------------------------------------------------------- */

/* Characters that separate words when postings are compared: ASCII punctuation and the
 * common punctuation, symbol and emoji blocks. Letters and digits of every script stay. */
static bool
separates(uint32_t cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
			 (cp >= 'A' && cp <= 'Z'));
	return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	       (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
	       (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFFFD;
}

char *
hunt_norm_words(const char *text)
{
	char *fold = text_fold(text);
	const char *p = fold;
	size_t len = strlen(fold);
	struct strbuf sb;
	bool space = false;

	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	while (len) {
		uint32_t cp;
		size_t n = text_utf8_decode(p, len, &cp);

		if (separates(cp)) {
			space = sb.len > 0;
		} else {
			if (space)
				strbuf_addc(&sb, ' ');
			strbuf_add(&sb, p, n);
			space = false;
		}
		p += n;
		len -= n;
	}
	free(fold);
	return strbuf_detach(&sb, NULL);
}

/* Words of a normalised string (split in place in a copy). */
struct words {
	char *buf;
	char **v;
	size_t n;
};

static void
words_split(struct words *w, const char *norm)
{
	char *p;

	w->buf = xstrdup(norm);
	w->v = NULL;
	w->n = 0;
	for (p = w->buf; *p;) {
		char *sp = strchr(p, ' ');

		w->v = xreallocarray(w->v, w->n + 1, sizeof(*w->v));
		w->v[w->n++] = p;
		if (!sp)
			break;
		*sp = '\0';
		p = sp + 1;
	}
}

static void
words_done(struct words *w)
{
	free(w->v);
	free(w->buf);
}

/* Words from..to joined by single spaces; the caller frees it. */
static char *
words_join(const struct words *w, size_t from, size_t to)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	for (size_t i = from; i < to; i++) {
		if (i > from)
			strbuf_addc(&sb, ' ');
		strbuf_adds(&sb, w->v[i]);
	}
	return strbuf_detach(&sb, NULL);
}

static bool
in_set(const char *word, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(word, *set))
			return true;
	return false;
}

/* Legal forms that end company names ("Acme, Inc.", "Müller GmbH & Co. KG"). */
static const char *const company_suffixes[] = {
	"inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation", "co",
	"company", "gmbh", "mbh", "ag", "kg", "se", "sa", "sas", "sarl", "srl", "spa", "bv",
	"nv", "plc", "pty", "pte", "oy", "oyj", "ab", "as", "asa", "aps", "kk", NULL
};

/* Words that say where or how a job is done rather than what it is ("on site" is "on" and
 * "site", so "site" counts inside a qualifier, never as a bare word). */
static const char *const work_mode_words[] = {
	"remote", "hybrid", "onsite", "wfh", "telecommute", "homeoffice", NULL
};

/* Words that may go with those in a title's qualifier ("100% remote", "remote ok"). */
static const char *const qualifier_fillers[] = {
	"100", "fully", "full", "only", "first", "friendly", "ok", "possible", "optional",
	"flexible", "or", "and", "on", "in", "all", "genders", "gender", "diverse", "work",
	"working", NULL
};

/* A gender marker: two or three of these single letters ("m/w/d", "f/m/x", "h/f"). */
static bool
gender_letter(const char *word)
{
	return word[0] && !word[1] && strchr("mwfdxhi", word[0]);
}

/*
 * Is text (a bracketed group or the tail of a title) only a qualifier: a work mode with
 * fillers ("(Remote)", "- 100% remote") or a gender marker ("(m/w/d)", "(all genders)")?
 * Regions ("(Remote, US)") and anything else make it part of what the job is.
 */
static bool
qualifier_only(const char *text, size_t len)
{
	char *copy = xstrndup(text, len), *norm = hunt_norm_words(copy);
	struct words w;
	bool mode = false, all = true, gender = false;
	size_t letters = 0;

	words_split(&w, norm);
	for (size_t i = 0; i < w.n; i++) {
		if (in_set(w.v[i], work_mode_words) || !strcmp(w.v[i], "site"))
			mode = true;
		else if (gender_letter(w.v[i]))
			letters++;
		else if (!in_set(w.v[i], qualifier_fillers))
			all = false;
		if (!strcmp(w.v[i], "genders") || !strcmp(w.v[i], "diverse"))
			gender = true;
	}
	if (letters >= 2 && letters <= 3)
		gender = true;
	else if (letters)
		all = false;
	all = all && w.n > 0 && (mode || gender);
	words_done(&w);
	free(norm);
	free(copy);
	return all;
}

/* Separators between a title and a qualifier, longest first. */
static const char *const title_seps[] = {
	" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " | ", " / ", ", ", ": ", NULL
};

/* Drop qualifiers from the end of the folded title f[0..*len). True when one went. */
static bool
strip_tail(const char *f, size_t *len)
{
	size_t n = *len;
	const char *best = NULL;
	size_t best_len = 0;

	while (n && strchr(" -|,:;/", f[n - 1]))
		n--;
	while (n >= 3 && (unsigned char)f[n - 3] == 0xE2 && (unsigned char)f[n - 2] == 0x80 &&
	       ((unsigned char)f[n - 1] == 0x93 || (unsigned char)f[n - 1] == 0x94))
		n -= 3;
	if (n && (f[n - 1] == ')' || f[n - 1] == ']')) {
		char open = f[n - 1] == ')' ? '(' : '[';
		size_t o = n - 1;

		while (o > 0 && f[o - 1] != open)
			o--;
		if (o > 1 && qualifier_only(f + o, n - 1 - o)) {
			*len = o - 1;
			return true;
		}
		*len = n;
		return false;
	}
	for (size_t i = 0; title_seps[i]; i++) {
		size_t sl = strlen(title_seps[i]);

		for (size_t at = n >= sl ? n - sl + 1 : 0; at-- > 0;)
			if (!memcmp(f + at, title_seps[i], sl)) {
				if (!best || at > (size_t)(best - f)) {
					best = f + at;
					best_len = sl;
				}
				break;
			}
	}
	if (best && best > f &&
	    qualifier_only(best + best_len, n - (size_t)(best - f) - best_len)) {
		*len = (size_t)(best - f);
		return true;
	}
	*len = n;
	return false;
}

/* Drop a qualifier from the start of f[*start..len) ("[Remote] ...", "Remote: ..."). */
static bool
strip_head(const char *f, size_t *start, size_t len)
{
	size_t s = *start;

	while (s < len && f[s] == ' ')
		s++;
	if (s < len && (f[s] == '(' || f[s] == '[')) {
		const char *close = memchr(f + s, f[s] == '(' ? ')' : ']', len - s);

		if (close && qualifier_only(f + s + 1, (size_t)(close - f) - s - 1) &&
		    (size_t)(close - f) + 1 < len) {
			*start = (size_t)(close - f) + 1;
			return true;
		}
		return false;
	}
	for (size_t i = 0; title_seps[i]; i++) {
		size_t sl = strlen(title_seps[i]);

		for (size_t at = s; at + sl <= len; at++)
			if (!memcmp(f + at, title_seps[i], sl)) {
				if (at > s && at + sl < len && qualifier_only(f + s, at - s)) {
					*start = at + sl;
					return true;
				}
				break;
			}
	}
	*start = s;
	return false;
}

char *
hunt_norm_title(const char *title)
{
	char *f = text_fold(title), *cut, *norm, *out;
	size_t len = strlen(f), start = 0, first, last;
	struct words w;

	while (strip_tail(f, &len))
		;
	while (strip_head(f, &start, len))
		;
	cut = xstrndup(f + start, len - start);
	norm = hunt_norm_words(cut);
	words_split(&w, norm);
	/* A bare work mode at either end: "Remote Backend Engineer", "Engineer Remote". */
	first = 0;
	last = w.n;
	while (last - first > 1 && (!strcmp(w.v[last - 1], "remote") ||
				    !strcmp(w.v[last - 1], "hybrid")))
		last--;
	while (last - first > 1 && (!strcmp(w.v[first], "remote") ||
				    !strcmp(w.v[first], "hybrid")))
		first++;
	out = words_join(&w, first, last);
	words_done(&w);
	free(norm);
	free(cut);
	free(f);
	return out;
}

char *
hunt_norm_company(const char *company)
{
	char *norm = hunt_norm_words(company), *out;
	struct words w;
	size_t n;

	words_split(&w, norm);
	n = w.n;
	while (n > 1 && in_set(w.v[n - 1], company_suffixes))
		n--;
	out = words_join(&w, 0, n);
	words_done(&w);
	free(norm);
	return out;
}

char *
hunt_norm_location(const char *location)
{
	static const char *const drop[] = {
		"remote", "hybrid", "onsite", "wfh", "telecommute", "100", "fully", "only", NULL
	};
	char *norm = hunt_norm_words(location);
	struct words w;
	struct strbuf sb;

	words_split(&w, norm);
	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	for (size_t i = 0; i < w.n; i++) {
		if (in_set(w.v[i], drop))
			continue;
		/* "on site" */
		if (!strcmp(w.v[i], "on") && i + 1 < w.n && !strcmp(w.v[i + 1], "site")) {
			i++;
			continue;
		}
		if (sb.len)
			strbuf_addc(&sb, ' ');
		strbuf_adds(&sb, w.v[i]);
	}
	words_done(&w);
	free(norm);
	return strbuf_detach(&sb, NULL);
}

char *
hunt_dup_key(const char *company, const char *title, const char *location)
{
	char *c = hunt_norm_company(company), *t = hunt_norm_title(title), *key = NULL;

	if (*c && *t) {
		char *l = hunt_norm_location(location);

		key = xasprintf("%s|%s|%s", c, t, l);
		free(l);
	}
	free(c);
	free(t);
	return key;
}

/* ---- the connection's cache and SQL functions --------------------------------------------- */

struct hunt_cache {
	char **companies;	/* normalised company names */
	size_t ncompanies;
	char **words;		/* normalised words or phrases */
	size_t nwords;
};

static void
cache_clear(struct hunt_cache *c)
{
	for (size_t i = 0; i < c->ncompanies; i++)
		free(c->companies[i]);
	for (size_t i = 0; i < c->nwords; i++)
		free(c->words[i]);
	free(c->companies);
	free(c->words);
	memset(c, 0, sizeof(*c));
}

static void
cache_free(void *p)
{
	if (p) {
		cache_clear(p);
		free(p);
	}
}

static void
cache_add(struct hunt_cache *c, enum hunt_block_kind kind, const char *key)
{
	char ***v = kind == HUNT_BLOCK_COMPANY ? &c->companies : &c->words;
	size_t *n = kind == HUNT_BLOCK_COMPANY ? &c->ncompanies : &c->nwords;

	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = xstrdup(key);
}

/* Is a posting with these fields blocked by the cached list? Any argument may be NULL. */
static bool
cache_blocks(const struct hunt_cache *c, const char *company, const char *title,
	     const char *tags)
{
	bool hit = false;

	if (!c || (!c->ncompanies && !c->nwords))
		return false;
	if (c->ncompanies && company) {
		char *key = hunt_norm_company(company);

		for (size_t i = 0; i < c->ncompanies && !hit; i++)
			hit = !strcmp(key, c->companies[i]);
		free(key);
	}
	if (!hit && c->nwords) {
		char *t = hunt_norm_words(title), *co = hunt_norm_words(company);
		char *tg = hunt_norm_words(tags);
		char *text = xasprintf(" %s | %s | %s ", t, co, tg);

		for (size_t i = 0; i < c->nwords && !hit; i++) {
			char *needle = xasprintf(" %s ", c->words[i]);

			hit = strstr(text, needle) != NULL;
			free(needle);
		}
		free(text);
		free(t);
		free(co);
		free(tg);
	}
	return hit;
}

static const char *
arg_text(sqlite3_value **argv, int i)
{
	return (const char *)sqlite3_value_text(argv[i]);
}

/* jt_dup_key(company, title, location): the duplicate key, or NULL. */
static void
sql_dup_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char *key;

	(void)argc;
	key = hunt_dup_key(arg_text(argv, 0), arg_text(argv, 1), arg_text(argv, 2));
	if (key)
		sqlite3_result_text(ctx, key, -1, free);
	else
		sqlite3_result_null(ctx);
}

/* jt_blocked(company, title, tags): 1 when the connection's block list hides the posting. */
static void
sql_blocked(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int(ctx, cache_blocks(sqlite3_user_data(ctx), arg_text(argv, 0),
					     arg_text(argv, 1), arg_text(argv, 2)));
}

struct hunt_cache *
hunt_attach(sqlite3 *db)
{
	struct hunt_cache *c = xcalloc(1, sizeof(*c));

	/* On failure SQLite calls cache_free itself. */
	if (sqlite3_create_function_v2(db, "jt_blocked", 3, SQLITE_UTF8, c, sql_blocked, NULL,
				       NULL, cache_free) != SQLITE_OK)
		return NULL;
	if (sqlite3_create_function_v2(db, "jt_dup_key", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				       NULL, sql_dup_key, NULL, NULL, NULL) != SQLITE_OK)
		return NULL;
	return c;
}

/* ---- statements --------------------------------------------------------------------------- */

static sqlite3_stmt *
prep(struct store *s, const char *sql, struct jt_err *err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		store_db_fail(s, err, "cannot prepare a statement");
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Step st to its end and finalize it. */
static enum jt_status
run(struct store *s, sqlite3_stmt *st, const char *what, struct jt_err *err)
{
	int rc;

	if (!st)
		return JT_ERR_DB;
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		enum jt_status status = store_db_fail(s, err, what);

		sqlite3_finalize(st);
		return status;
	}
	sqlite3_finalize(st);
	return JT_OK;
}

static enum jt_status
exec(struct store *s, const char *sql, struct jt_err *err)
{
	if (sqlite3_exec(store_db(s), sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_db_fail(s, err, "cannot update the database");
	return JT_OK;
}

static enum jt_status
begin(struct store *s, struct jt_err *err)
{
	return exec(s, "BEGIN IMMEDIATE", err);
}

/* COMMIT when rc is JT_OK, else ROLLBACK; returns the outcome. */
static enum jt_status
finish(struct store *s, enum jt_status rc, struct jt_err *err)
{
	if (rc == JT_OK && (rc = exec(s, "COMMIT", err)) == JT_OK)
		return JT_OK;
	if (!sqlite3_get_autocommit(store_db(s)))
		sqlite3_exec(store_db(s), "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int64_t
now_epoch(void)
{
	return (int64_t)time(NULL);
}

/* Does posting id exist? *status (may be NULL) gets its status. */
static enum jt_status
posting_status(struct store *s, int64_t id, enum track_status *status, struct jt_err *err)
{
	sqlite3_stmt *st = prep(s, "SELECT coalesce(u.status, 0) FROM postings p"
				" LEFT JOIN user_state u ON u.job_id = p.id WHERE p.id = ?1", err);
	int rc;

	if (!st)
		return JT_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && status)
		*status = (enum track_status)sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return jt_fail(err, JT_ERR_NOTFOUND, "no posting %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return store_db_fail(s, err, "cannot read the posting");
	return JT_OK;
}

/* ---- applications ------------------------------------------------------------------------- */

enum jt_status
hunt_track_set(struct store *s, int64_t id, enum track_status status, struct jt_err *err)
{
	enum track_status was = TRACK_NONE;
	int64_t now = now_epoch();
	sqlite3_stmt *st;
	enum jt_status rc;

	if ((unsigned)status >= TRACK_COUNT_)
		return jt_fail(err, JT_ERR_USAGE, "no such status");
	if ((rc = begin(s, err)) != JT_OK)
		return rc;
	rc = posting_status(s, id, &was, err);
	if (rc == JT_OK && status != TRACK_NONE) {
		st = prep(s, "INSERT INTO user_state (job_id, favourite, status, status_changed,"
			  " changed) SELECT id, 1, ?2, ?3, ?3 FROM postings WHERE " GROUP_OF("")
			  " ON CONFLICT (job_id) DO UPDATE SET favourite = 1, status = ?2,"
			  " status_changed = CASE WHEN status IS ?2 THEN status_changed"
			  " ELSE ?3 END,"
			  " changed = ?3", err);
		if (st) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, status);
			sqlite3_bind_int64(st, 3, now);
		}
		rc = run(s, st, "cannot save the status", err);
	} else if (rc == JT_OK) {
		st = prep(s, "UPDATE user_state SET status = NULL, status_changed = ?3,"
			  " changed = ?3 WHERE status IS NOT NULL AND job_id IN"
			  " (SELECT id FROM postings WHERE " GROUP_OF("") ")", err);
		if (st) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 3, now);
		}
		rc = run(s, st, "cannot save the status", err);
	}
	if (rc == JT_OK && was != status) {
		st = prep(s, "INSERT INTO status_history (job_id, status, at) VALUES (?1, ?2, ?3)",
			  err);
		if (st) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, status);
			sqlite3_bind_int64(st, 3, now);
		}
		rc = run(s, st, "cannot record the change", err);
	}
	return finish(s, rc, err);
}

enum jt_status
hunt_note_set(struct store *s, int64_t id, const char *note, struct jt_err *err)
{
	size_t len = note ? strlen(note) : 0, skip;
	char *clean;
	sqlite3_stmt *st;
	enum jt_status rc;

	if (len > HUNT_NOTE_MAX)
		return jt_fail(err, JT_ERR_TOOBIG, "the note is longer than %d KB",
			       HUNT_NOTE_MAX / 1024);
	clean = text_utf8_repair(note ? note : "", len, &len);
	while (len && strchr(" \t\r\n\v\f", clean[len - 1]))
		clean[--len] = '\0';
	skip = strspn(clean, " \t\r\n\v\f");
	memmove(clean, clean + skip, len - skip + 1);
	if ((rc = begin(s, err)) != JT_OK) {
		free(clean);
		return rc;
	}
	rc = posting_status(s, id, NULL, err);
	if (rc == JT_OK && *clean) {
		st = prep(s, "INSERT INTO user_state (job_id, favourite, note, changed)"
			  " SELECT id, 1, ?2, ?3 FROM postings WHERE " GROUP_OF("")
			  " ON CONFLICT (job_id) DO UPDATE SET favourite = 1, note = ?2,"
			  " changed = ?3", err);
	} else {
		st = rc == JT_OK ? prep(s, "UPDATE user_state SET note = NULL, changed = ?3"
					" WHERE note IS NOT NULL AND job_id IN"
					" (SELECT id FROM postings WHERE " GROUP_OF("") ")", err)
				 : NULL;
	}
	if (rc == JT_OK) {
		if (st) {
			sqlite3_bind_int64(st, 1, id);
			store_bind_text(st, 2, clean);
			sqlite3_bind_int64(st, 3, now_epoch());
		}
		rc = run(s, st, "cannot save the note", err);
	}
	free(clean);
	return finish(s, rc, err);
}

void
hunt_info_init(struct hunt_info *info)
{
	memset(info, 0, sizeof(*info));
}

void
hunt_info_done(struct hunt_info *info)
{
	free(info->note);
	free(info->history);
	for (size_t i = 0; i < info->nsources; i++) {
		free(info->sources[i].url);
		free(info->sources[i].apply_url);
		free(info->sources[i].feed_url);
		free(info->sources[i].feed_name);
	}
	free(info->sources);
	hunt_info_init(info);
}

enum jt_status
hunt_info_get(struct store *s, int64_t id, struct hunt_info *out, struct jt_err *err)
{
	sqlite3_stmt *st;
	enum jt_status rc = JT_OK;
	int step;

	hunt_info_done(out);
	st = prep(s, "SELECT coalesce(u.status, 0), coalesce(u.status_changed, 0), u.note"
		  " FROM postings p LEFT JOIN user_state u ON u.job_id = p.id WHERE p.id = ?1",
		  err);
	if (!st)
		return JT_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		out->status = (enum track_status)sqlite3_column_int(st, 0);
		out->status_changed = sqlite3_column_int64(st, 1);
		out->note = store_col_text(st, 2);
	}
	sqlite3_finalize(st);
	if (step == SQLITE_DONE)
		return jt_fail(err, JT_ERR_NOTFOUND, "no posting %lld", (long long)id);
	if (step != SQLITE_ROW)
		return store_db_fail(s, err, "cannot read the posting");

	st = prep(s, "SELECT status, at FROM status_history WHERE job_id IN"
		  " (SELECT id FROM postings WHERE " GROUP_OF("") ") ORDER BY at, id", err);
	if (!st)
		return JT_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->history = xreallocarray(out->history, out->nhistory + 1,
					     sizeof(*out->history));
		out->history[out->nhistory].status =
			(enum track_status)sqlite3_column_int(st, 0);
		out->history[out->nhistory++].at = sqlite3_column_int64(st, 1);
	}
	if (step != SQLITE_DONE)
		rc = store_db_fail(s, err, "cannot read the history");
	sqlite3_finalize(st);
	if (rc != JT_OK)
		return rc;

	st = prep(s, "SELECT p.id, p.url, p.apply_url, p.feed_url, coalesce(f.name, f.title)"
		  " FROM postings p LEFT JOIN feeds f ON f.url = p.feed_url"
		  " WHERE " GROUP_OF("p.") " ORDER BY p.id != ?1, p.id", err);
	if (!st)
		return JT_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct hunt_source *src;

		out->sources = xreallocarray(out->sources, out->nsources + 1,
					     sizeof(*out->sources));
		src = &out->sources[out->nsources++];
		src->id = sqlite3_column_int64(st, 0);
		src->url = store_col_text(st, 1);
		src->apply_url = store_col_text(st, 2);
		src->feed_url = store_col_text(st, 3);
		src->feed_name = store_col_text(st, 4);
	}
	if (step != SQLITE_DONE)
		rc = store_db_fail(s, err, "cannot read the sources");
	sqlite3_finalize(st);
	return rc;
}

void
hunt_items_init(struct hunt_items *items)
{
	memset(items, 0, sizeof(*items));
}

void
hunt_items_done(struct hunt_items *items)
{
	for (size_t i = 0; i < items->n; i++) {
		job_done(&items->v[i].job);
		free(items->v[i].note);
	}
	free(items->v);
	hunt_items_init(items);
}

static int
by_id(const void *a, const void *b)
{
	int64_t x = ((const struct hunt_item *)a)->job.id;
	int64_t y = ((const struct hunt_item *)b)->job.id;

	return (x > y) - (x < y);
}

static int
by_status(const void *a, const void *b)
{
	const struct job *x = &((const struct hunt_item *)a)->job;
	const struct job *y = &((const struct hunt_item *)b)->job;

	if (x->status != y->status)
		return (int)x->status - (int)y->status;
	if (x->status_changed != y->status_changed)
		return x->status_changed > y->status_changed ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

enum jt_status
hunt_tracked_list(struct store *s, struct hunt_items *out, struct jt_err *err)
{
	struct job_filter f;
	struct job_list page;
	struct job after;
	struct hunt_items got;
	sqlite3_stmt *st;
	enum jt_status rc = JT_OK;
	int step;

	job_filter_init(&f);
	f.status = TRACK_ANY;
	f.include_hidden = true;
	f.include_blocked = true;
	job_init(&after);
	hunt_items_init(&got);
	for (;;) {
		job_list_init(&page);
		rc = store_jobs_query(s, &f, after.id ? &after : NULL, 500, &page, err);
		for (size_t i = 0; rc == JT_OK && i < page.n; i++) {
			if (got.n == got.alloc) {
				got.alloc = got.alloc ? got.alloc * 2 : 32;
				got.v = xreallocarray(got.v, got.alloc, sizeof(*got.v));
			}
			got.v[got.n].job = page.v[i];
			got.v[got.n++].note = NULL;
			job_init(&page.v[i]);
		}
		if (rc != JT_OK || page.n < 500) {
			job_list_done(&page);
			break;
		}
		job_done(&after);
		after.id = got.v[got.n - 1].job.id;
		after.posted = got.v[got.n - 1].job.posted;
		after.first_seen = got.v[got.n - 1].job.first_seen;
		job_list_done(&page);
	}
	job_done(&after);
	if (rc == JT_OK && got.n) {
		qsort(got.v, got.n, sizeof(*got.v), by_id);
		st = prep(s, "SELECT job_id, note FROM user_state"
			  " WHERE status IS NOT NULL AND note IS NOT NULL", err);
		if (!st)
			rc = JT_ERR_DB;
		while (st && (step = sqlite3_step(st)) == SQLITE_ROW) {
			struct hunt_item key = { .job = { .id = sqlite3_column_int64(st, 0) } };
			struct hunt_item *hit = bsearch(&key, got.v, got.n, sizeof(*got.v), by_id);

			if (hit && !hit->note)
				hit->note = store_col_text(st, 1);
		}
		if (st && step != SQLITE_DONE)
			rc = store_db_fail(s, err, "cannot read the notes");
		sqlite3_finalize(st);
		qsort(got.v, got.n, sizeof(*got.v), by_status);
	}
	for (size_t i = 0; rc == JT_OK && i < got.n; i++) {
		if (out->n == out->alloc) {
			out->alloc = out->alloc ? out->alloc * 2 : 32;
			out->v = xreallocarray(out->v, out->alloc, sizeof(*out->v));
		}
		out->v[out->n++] = got.v[i];
		job_init(&got.v[i].job);
		got.v[i].note = NULL;
	}
	hunt_items_done(&got);
	return rc;
}

/* ---- saved searches ----------------------------------------------------------------------- */

#define SEARCH_COLUMNS \
	"id, name, keyword, location, company, remote, favourites, unread, since_days," \
	" min_salary, status, sort, created, opened"

void
hunt_search_init(struct hunt_search *h)
{
	memset(h, 0, sizeof(*h));
	job_filter_init(&h->filter);
}

void
hunt_search_done(struct hunt_search *h)
{
	free(h->name);
	free(h->keyword);
	free(h->location);
	free(h->company);
	hunt_search_init(h);
}

void
hunt_searches_init(struct hunt_searches *l)
{
	memset(l, 0, sizeof(*l));
}

void
hunt_searches_done(struct hunt_searches *l)
{
	for (size_t i = 0; i < l->n; i++)
		hunt_search_done(&l->v[i]);
	free(l->v);
	hunt_searches_init(l);
}

/* Point h's filter at h's own strings (after a read or a move). */
static void
search_aim(struct hunt_search *h)
{
	h->filter.keyword = h->keyword;
	h->filter.location = h->location;
	h->filter.company = h->company;
}

static void
search_read(sqlite3_stmt *st, struct hunt_search *h)
{
	const char *sort = (const char *)sqlite3_column_text(st, 11);

	hunt_search_done(h);
	h->id = sqlite3_column_int64(st, 0);
	h->name = store_col_text(st, 1);
	h->keyword = store_col_text(st, 2);
	h->location = store_col_text(st, 3);
	h->company = store_col_text(st, 4);
	h->filter.remote_only = sqlite3_column_int(st, 5);
	h->filter.favourites_only = sqlite3_column_int(st, 6);
	h->filter.unread_only = sqlite3_column_int(st, 7);
	h->filter.since_days = sqlite3_column_int(st, 8);
	h->filter.min_salary = sqlite3_column_double(st, 9);
	h->filter.status = sqlite3_column_int(st, 10);
	if (h->filter.status < TRACK_ANY || h->filter.status >= TRACK_COUNT_)
		h->filter.status = TRACK_NONE;
	if (!sort || !job_sort_parse(sort, &h->filter.sort))
		h->filter.sort = SORT_DATE;
	h->created = sqlite3_column_int64(st, 12);
	h->opened = sqlite3_column_int64(st, 13);
	search_aim(h);
}

/* A name a user can type back: printable, trimmed, 1 to HUNT_NAME_MAX characters. */
static char *
search_name(const char *name, struct jt_err *err)
{
	char *trim = text_squeeze(name ? name : ""), *clean = text_sanitize(trim, 0);
	size_t chars = 0;

	for (const char *p = trim; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if (!*trim || strcmp(trim, clean) || trim[0] == '-' || chars > HUNT_NAME_MAX) {
		jt_fail(err, JT_ERR_USAGE, !*trim ? "a saved search needs a name"
			: trim[0] == '-' ? "a search name cannot start with '-'"
			: chars > HUNT_NAME_MAX ? "a search name has at most 64 characters"
			: "a search name cannot hold control characters");
		free(trim);
		trim = NULL;
	}
	free(clean);
	return trim;
}

enum jt_status
hunt_search_save(struct store *s, const char *name, const struct job_filter *f,
		 bool *replaced, struct jt_err *err)
{
	char *clean = search_name(name, err);
	int64_t now = now_epoch();
	sqlite3_stmt *st;
	enum jt_status rc;

	if (!clean)
		return JT_ERR_USAGE;
	if ((rc = begin(s, err)) != JT_OK) {
		free(clean);
		return rc;
	}
	st = prep(s, "SELECT 1 FROM searches WHERE name = ?1", err);
	if (st) {
		sqlite3_bind_text(st, 1, clean, -1, SQLITE_TRANSIENT);
		if (replaced)
			*replaced = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	st = prep(s, "INSERT INTO searches (name, keyword, location, company, remote, favourites,"
		  " unread, since_days, min_salary, status, sort, created, opened)"
		  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)"
		  " ON CONFLICT (name) DO UPDATE SET keyword = ?2, location = ?3, company = ?4,"
		  " remote = ?5, favourites = ?6, unread = ?7, since_days = ?8, min_salary = ?9,"
		  " status = ?10, sort = ?11", err);
	if (st) {
		sqlite3_bind_text(st, 1, clean, -1, SQLITE_TRANSIENT);
		store_bind_text(st, 2, f->keyword);
		store_bind_text(st, 3, f->location);
		store_bind_text(st, 4, f->company);
		sqlite3_bind_int(st, 5, f->remote_only);
		sqlite3_bind_int(st, 6, f->favourites_only);
		sqlite3_bind_int(st, 7, f->unread_only);
		sqlite3_bind_int(st, 8, f->since_days);
		sqlite3_bind_double(st, 9, f->min_salary);
		sqlite3_bind_int(st, 10, f->status);
		sqlite3_bind_text(st, 11, job_sort_name(f->sort), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 12, now);
	}
	rc = run(s, st, "cannot save the search", err);
	free(clean);
	return finish(s, rc, err);
}

enum jt_status
hunt_search_get(struct store *s, const char *name, struct hunt_search *out,
		struct jt_err *err)
{
	sqlite3_stmt *st = prep(s, "SELECT " SEARCH_COLUMNS " FROM searches WHERE name = ?1", err);
	int step;

	if (!st)
		return JT_ERR_DB;
	store_bind_text(st, 1, name);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		search_read(st, out);
	sqlite3_finalize(st);
	if (step == SQLITE_DONE)
		return jt_fail(err, JT_ERR_NOTFOUND, "no saved search %s", name ? name : "");
	if (step != SQLITE_ROW)
		return store_db_fail(s, err, "cannot read the search");
	return JT_OK;
}

enum jt_status
hunt_searches_list(struct store *s, struct hunt_searches *out, struct jt_err *err)
{
	sqlite3_stmt *st = prep(s, "SELECT " SEARCH_COLUMNS " FROM searches ORDER BY name", err);
	size_t first = out->n;
	enum jt_status rc = JT_OK;
	int step;

	if (!st)
		return JT_ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == out->alloc) {
			out->alloc = out->alloc ? out->alloc * 2 : 8;
			out->v = xreallocarray(out->v, out->alloc, sizeof(*out->v));
		}
		hunt_search_init(&out->v[out->n]);
		search_read(st, &out->v[out->n++]);
	}
	if (step != SQLITE_DONE)
		rc = store_db_fail(s, err, "cannot list the searches");
	sqlite3_finalize(st);
	for (size_t i = first; rc == JT_OK && i < out->n; i++) {
		struct job_filter f = out->v[i].filter;

		f.seen_after = out->v[i].opened;
		rc = store_jobs_count(s, &f, &out->v[i].fresh, err);
	}
	return rc;
}

enum jt_status
hunt_search_opened(struct store *s, const char *name, int64_t now, struct jt_err *err)
{
	sqlite3_stmt *st = prep(s, "UPDATE searches SET opened = max(opened, ?2) WHERE name = ?1",
				err);

	if (st) {
		store_bind_text(st, 1, name);
		sqlite3_bind_int64(st, 2, now);
	}
	return run(s, st, "cannot mark the search opened", err);
}

enum jt_status
hunt_search_remove(struct store *s, const char *name, struct jt_err *err)
{
	sqlite3_stmt *st = prep(s, "DELETE FROM searches WHERE name = ?1", err);
	enum jt_status rc;

	if (st)
		store_bind_text(st, 1, name);
	rc = run(s, st, "cannot remove the search", err);
	if (rc == JT_OK && sqlite3_changes(store_db(s)) == 0)
		rc = jt_fail(err, JT_ERR_NOTFOUND, "no saved search %s", name ? name : "");
	return rc;
}

/* ---- blocks ------------------------------------------------------------------------------- */

static char *
block_key(enum hunt_block_kind kind, const char *text)
{
	return kind == HUNT_BLOCK_COMPANY ? hunt_norm_company(text) : hunt_norm_words(text);
}

enum jt_status
hunt_blocks_load(struct store *s, struct jt_err *err)
{
	struct hunt_cache *c = store_hunt(s);
	sqlite3_stmt *st = prep(s, "SELECT kind, key FROM blocks", err);
	int step;

	if (!st)
		return JT_ERR_DB;
	cache_clear(c);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		cache_add(c, sqlite3_column_int(st, 0) == HUNT_BLOCK_COMPANY ? HUNT_BLOCK_COMPANY
			  : HUNT_BLOCK_WORD, (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return store_db_fail(s, err, "cannot read the blocked companies and words");
	return JT_OK;
}

/*
 * Flag the postings the cached list blocks and (unless only_new) unflag the others, inside a
 * write. *changed (may be NULL) gets how many were newly flagged.
 */
static enum jt_status
reflag(struct store *s, bool only_new, int64_t *changed, struct jt_err *err)
{
	const struct hunt_cache *c = store_hunt(s);
	sqlite3_stmt *st;
	enum jt_status rc = JT_OK;

	if (c->ncompanies || c->nwords) {
		st = prep(s, "INSERT INTO posting_flags (id, blocked) SELECT p.id, 1 FROM postings p"
			  " WHERE jt_blocked(p.company, p.title, p.tags) AND NOT EXISTS (SELECT 1"
			  " FROM posting_flags x WHERE x.id = p.id AND x.blocked)"
			  " ON CONFLICT (id) DO UPDATE SET blocked = 1", err);
		rc = run(s, st, "cannot apply the blocks", err);
		if (rc == JT_OK && changed)
			*changed = sqlite3_changes(store_db(s));
	}
	if (rc == JT_OK && !only_new) {
		st = prep(s, "UPDATE posting_flags SET blocked = 0 WHERE blocked AND NOT"
			  " (SELECT jt_blocked(p.company, p.title, p.tags) FROM postings p"
			  " WHERE p.id = posting_flags.id)", err);
		rc = run(s, st, "cannot apply the blocks", err);
	}
	return rc;
}

struct block_line {
	int kind;
	const char *text;
	char *key;
};

/* By kind and key (what makes a block the same block). */
static int
block_cmp(const void *a, const void *b)
{
	const struct block_line *x = a, *y = b;

	return x->kind != y->kind ? x->kind - y->kind : strcmp(x->key, y->key);
}

/* The same, then by text, so that repeats sort the same way every time. */
static int
block_order(const void *a, const void *b)
{
	int c = block_cmp(a, b);

	return c ? c : strcmp(((const struct block_line *)a)->text,
			      ((const struct block_line *)b)->text);
}

enum jt_status
hunt_blocks_sync(struct store *s, const struct config *c, struct jt_err *err)
{
	struct block_line *want = NULL;
	size_t n = 0, kept = 0, have = 0;
	sqlite3_stmt *st;
	enum jt_status rc = JT_OK;
	bool same = true;
	int step;

	for (size_t i = 0; i < c->nlines; i++) {
		const struct config_line *l = &c->lines[i];
		int kind = !strcmp(l->argv[0], "block-company") ? HUNT_BLOCK_COMPANY
			 : !strcmp(l->argv[0], "block-word") ? HUNT_BLOCK_WORD : -1;
		char *key;

		if (kind < 0 || l->argc != 2)
			continue;
		key = block_key((enum hunt_block_kind)kind, l->argv[1]);
		if (!*key) {
			free(key);
			continue;
		}
		want = xreallocarray(want, n + 1, sizeof(*want));
		want[n++] = (struct block_line){ kind, l->argv[1], key };
	}
	if (n)
		qsort(want, n, sizeof(*want), block_order);
	/* Keep one line of each key. */
	for (size_t i = 0; i < n; i++) {
		if (kept && !block_cmp(&want[i], &want[kept - 1]))
			free(want[i].key);
		else
			want[kept++] = want[i];
	}
	n = kept;
	st = prep(s, "SELECT kind, key, text FROM blocks ORDER BY kind, key", err);
	if (!st)
		rc = JT_ERR_DB;
	while (st && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 1);
		const char *text = (const char *)sqlite3_column_text(st, 2);

		if (have >= n || sqlite3_column_int(st, 0) != want[have].kind ||
		    strcmp(key ? key : "", want[have].key) ||
		    strcmp(text ? text : "", want[have].text))
			same = false;
		have++;
	}
	if (st && step != SQLITE_DONE)
		rc = store_db_fail(s, err, "cannot read the blocked companies and words");
	sqlite3_finalize(st);
	if (rc == JT_OK && same && have == n) {
		rc = hunt_blocks_load(s, err);
	} else if (rc == JT_OK) {
		rc = begin(s, err);
		if (rc == JT_OK)
			rc = exec(s, "DELETE FROM blocks", err);
		for (size_t i = 0; rc == JT_OK && i < n; i++) {
			st = prep(s, "INSERT OR IGNORE INTO blocks (kind, text, key)"
				  " VALUES (?1, ?2, ?3)", err);
			if (st) {
				sqlite3_bind_int(st, 1, want[i].kind);
				sqlite3_bind_text(st, 2, want[i].text, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(st, 3, want[i].key, -1, SQLITE_TRANSIENT);
			}
			rc = run(s, st, "cannot save the blocks", err);
		}
		if (rc == JT_OK)
			rc = hunt_blocks_load(s, err);
		if (rc == JT_OK)
			rc = reflag(s, false, NULL, err);
		rc = finish(s, rc, err);
	}
	for (size_t i = 0; i < n; i++)
		free(want[i].key);
	free(want);
	return rc;
}

enum jt_status
hunt_block_add(struct store *s, enum hunt_block_kind kind, const char *text, bool *added,
	       int64_t *hidden, struct jt_err *err)
{
	char *key = block_key(kind, text);
	sqlite3_stmt *st;
	enum jt_status rc;
	bool fresh = false;

	if (hidden)
		*hidden = 0;
	if (!*key) {
		free(key);
		return jt_fail(err, JT_ERR_USAGE, "nothing to block");
	}
	if ((rc = begin(s, err)) != JT_OK) {
		free(key);
		return rc;
	}
	st = prep(s, "INSERT OR IGNORE INTO blocks (kind, text, key) VALUES (?1, ?2, ?3)", err);
	if (st) {
		sqlite3_bind_int(st, 1, kind);
		sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
	}
	rc = run(s, st, "cannot save the block", err);
	if (rc == JT_OK)
		fresh = sqlite3_changes(store_db(s)) > 0;
	if (rc == JT_OK)
		rc = hunt_blocks_load(s, err);
	if (rc == JT_OK && fresh)
		rc = reflag(s, true, hidden, err);
	free(key);
	if (added)
		*added = fresh;
	return finish(s, rc, err);
}

enum jt_status
hunt_blocked_count(struct store *s, int64_t *n, struct jt_err *err)
{
	sqlite3_stmt *st = prep(s, "SELECT count(*) FROM posting_flags x"
				" LEFT JOIN user_state u ON u.job_id = x.id WHERE x.blocked"
				" AND NOT x.dup_member AND NOT coalesce(u.favourite, 0)"
				" AND NOT coalesce(u.hidden, 0)", err);
	int step;

	if (!st)
		return JT_ERR_DB;
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (step != SQLITE_ROW)
		return store_db_fail(s, err, "cannot count the blocked postings");
	return JT_OK;
}
