/*
 * The list pane: a window of matching postings around the selection, and its drawing.
 *
 * Owns the window of rows, the cursor before it and a stack of earlier cursors. Moving
 * down reads the page after the last row; moving up reads the page before the first row
 * from the stack, else by bisecting the sort key (store_jobs_query only pages forwards).
 * It must never read every matching posting to answer a keystroke (the company sort's jump
 * to the end is the one documented exception), never hold a store pointer past the list's
 * life, and never draw a string except through ui_text_put().
 */
#include "config.h"
#include "tui/list.h"

#include <stdlib.h>
#include <string.h>

#include "store/hunt.h"
#include "store/text.h"
#include "store/xmalloc.h"
#include "tui/format.h"

#define PAGE_MIN	40	/* rows read at once, at least */
#define PROBES_MAX	400	/* queries one bisection may make before it settles */
#define WALK_PAGE	250	/* rows per query when walking to the end (company sort) */

/* Rows read by one query: two screens, so paging needs one query. */
static size_t
page_size(const struct ui_list *l)
{
	size_t n = l->height > 0 ? (size_t)l->height * 2 : 0;

	return n < PAGE_MIN ? PAGE_MIN : n;
}

/* Most rows held: a few pages. */
static size_t
window_max(const struct ui_list *l)
{
	return page_size(l) * 4;
}

/* ---- sort keys ---------------------------------------------------------------------------- */

static enum job_sort
sort_of(const struct ui_list *l)
{
	if (l->filter.sort == SORT_RELEVANCE && !l->filter.keyword)
		return SORT_DATE;
	return l->filter.sort;
}

static int64_t
date_key(const struct job *j)
{
	return j->posted ? j->posted : j->first_seen;
}

static int
cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static int
cmp_dbl(double a, double b)
{
	return (a > b) - (a < b);
}

/* Where a comes relative to b in the list's order: < 0 before, 0 same place, > 0 after. */
static int
key_cmp(const struct ui_list *l, const struct job *a, const struct job *b)
{
	int c;

	switch (sort_of(l)) {
	case SORT_SALARY:
		c = -cmp_dbl(a->salary_year, b->salary_year);
		return c ? c : -cmp_i64(a->id, b->id);
	case SORT_RELEVANCE:
		c = cmp_dbl(a->rank, b->rank);
		return c ? c : cmp_i64(a->id, b->id);
	case SORT_COMPANY: {
		char *fa = text_fold(a->company), *fb = text_fold(b->company);

		c = strcmp(fa, fb);
		free(fa);
		free(fb);
		if (c)
			return c;
	}
		/* fall through */
	case SORT_DATE:
	default:
		c = -cmp_i64(date_key(a), date_key(b));
		return c ? c : -cmp_i64(a->id, b->id);
	}
}

/* A copy of j's sort key (what store_jobs_query reads from `after`). */
static void
key_copy(struct job *dst, const struct job *j)
{
	job_init(dst);
	dst->id = j->id;
	dst->posted = j->posted;
	dst->first_seen = j->first_seen;
	dst->salary_year = j->salary_year;
	dst->rank = j->rank;
	dst->company = xstrdup(j->company);
}

static void
cursor_set(struct list_cursor *c, const struct job *j)
{
	job_done(&c->key);
	if (j) {
		key_copy(&c->key, j);
		c->start = false;
	} else {
		c->start = true;
	}
	c->n = 0;
}

static void
cursor_move(struct list_cursor *dst, struct list_cursor *src)
{
	job_done(&dst->key);
	*dst = *src;
	job_init(&src->key);
	src->start = true;
	src->n = 0;
}

/*
 * The bisection works on ordinals: int64s that grow along the list, one for the leading
 * key (date, yearly salary or rank) and one for the id within a run of equal leading keys.
 */
static int64_t
dbl_ord(double d)
{
	uint64_t u;

	memcpy(&u, &d, sizeof(u));
	u = (u >> 63) ? ~u : u | (UINT64_C(1) << 63);
	return (int64_t)(u ^ (UINT64_C(1) << 63));
}

static double
dbl_from_ord(int64_t o)
{
	uint64_t u = (uint64_t)o ^ (UINT64_C(1) << 63);
	double d;

	u = (u >> 63) ? u & ~(UINT64_C(1) << 63) : ~u;
	memcpy(&d, &u, sizeof(d));
	return d;
}

static int64_t
lead_ord(const struct ui_list *l, const struct job *j)
{
	switch (sort_of(l)) {
	case SORT_SALARY:
		return ~dbl_ord(j->salary_year);
	case SORT_RELEVANCE:
		return dbl_ord(j->rank);
	default:
		return ~date_key(j);
	}
}

static int64_t
id_ord(const struct ui_list *l, int64_t id)
{
	return sort_of(l) == SORT_RELEVANCE ? id : ~id;
}

/*
 * A made-up position: just before every posting whose leading ordinal is `lead` (whole),
 * or after those of them whose id ordinal is at most `ido`.
 */
static void
key_fake(const struct ui_list *l, int64_t lead, bool whole, int64_t ido, struct job *out)
{
	bool asc = sort_of(l) == SORT_RELEVANCE;

	job_init(out);
	switch (sort_of(l)) {
	case SORT_SALARY:
		out->salary_year = dbl_from_ord(~lead);
		break;
	case SORT_RELEVANCE:
		out->rank = dbl_from_ord(lead);
		break;
	default:
		out->posted = out->first_seen = ~lead;
		break;
	}
	if (whole)
		out->id = asc ? INT64_MIN : INT64_MAX;
	else
		out->id = asc ? ido : ~ido;
}

/* ---- reading ------------------------------------------------------------------------------ */

static enum jt_status
fetch(struct ui_list *l, const struct list_cursor *after, size_t limit, struct job_list *out,
      struct jt_err *err)
{
	return store_jobs_query(l->store, &l->filter, after->start ? NULL : &after->key, limit,
				out, err);
}

/* Move rows src[from, to) to the end of dst. */
static void
rows_take(struct job_list *dst, struct job_list *src, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		*job_list_push(dst) = src->v[i];
		job_init(&src->v[i]);
	}
}

/* Drop n rows from the front (or the back) of the window. */
static void
rows_drop(struct job_list *rows, size_t n, bool front)
{
	if (n > rows->n)
		n = rows->n;
	for (size_t i = 0; i < n; i++)
		job_done(&rows->v[front ? i : rows->n - 1 - i]);
	if (front)
		memmove(rows->v, rows->v + n, (rows->n - n) * sizeof(*rows->v));
	rows->n -= n;
}

/* Put rows in front of the window (they are moved out of `more`). */
static void
rows_prepend(struct job_list *rows, struct job_list *more)
{
	struct job_list all;

	job_list_init(&all);
	rows_take(&all, more, 0, more->n);
	rows_take(&all, rows, 0, rows->n);
	job_list_done(rows);
	job_list_done(more);
	*rows = all;
}

/* How many of the (ordered) rows come before pos (NULL: the end). */
static size_t
count_before(const struct ui_list *l, const struct job_list *s, const struct job *pos)
{
	size_t j = 0;

	while (j < s->n && (!pos || key_cmp(l, &s->v[j], pos) < 0))
		j++;
	return j;
}

struct probe {
	struct job_list rows;	/* what the query after `at` returned */
	struct list_cursor at;
	size_t before;		/* of which come before the position sought */
	bool reached;		/* the rows reach that position (or the end) */
};

static enum jt_status
probe_run(struct ui_list *l, struct probe *p, const struct job *pos, size_t k,
	  struct jt_err *err)
{
	size_t limit = 2 * k + 1;
	enum jt_status rc;

	job_list_done(&p->rows);
	rc = fetch(l, &p->at, limit, &p->rows, err);
	if (rc != JT_OK)
		return rc;
	p->before = count_before(l, &p->rows, pos);
	p->reached = p->before < p->rows.n || p->rows.n < limit;
	return JT_OK;
}

/* The last min(k, before) rows before the position, and the cursor just before them. */
static void
probe_result(struct probe *p, size_t k, struct job_list *out, struct list_cursor *cur)
{
	size_t m = p->before < k ? p->before : k;
	size_t from = p->before - m;

	if (from == 0)
		cursor_move(cur, &p->at);
	else
		cursor_set(cur, &p->rows.v[from - 1]);
	rows_take(out, &p->rows, from, p->before);
}

/* Under the company sort: page forwards from where p stands until pos comes into view. */
static enum jt_status
walk_to(struct ui_list *l, struct probe *p, const struct job *pos, size_t k,
	struct job_list *out, struct list_cursor *cur, struct jt_err *err)
{
	struct probe next = { { 0 }, { true, { 0 }, 0 }, 0, false };
	enum jt_status rc = JT_OK;

	job_list_init(&next.rows);
	while (rc == JT_OK) {
		cursor_set(&next.at, &p->rows.v[p->rows.n - 1]);
		rc = probe_run(l, &next, pos, k < WALK_PAGE ? WALK_PAGE : k, err);
		if (rc != JT_OK || next.reached)
			break;
		job_list_done(&p->rows);
		p->rows = next.rows;
		job_list_init(&next.rows);
	}
	if (rc == JT_OK && next.before >= k) {
		probe_result(&next, k, out, cur);
	} else if (rc == JT_OK) {
		/* The last k rows span both pages. */
		size_t from = p->rows.n - (k - next.before);

		cursor_set(cur, &p->rows.v[from - 1]);
		rows_take(out, &p->rows, from, p->rows.n);
		rows_take(out, &next.rows, 0, next.before);
	}
	job_list_done(&next.rows);
	job_done(&next.at.key);
	return rc;
}

/*
 * The (at most) k rows just before pos (NULL: the end of the list) into out, in order, and
 * in *cur the position just before the first of them.
 *
 * store_jobs_query only reads forwards from a position, so this looks for a position F with
 * k to 2k rows between F and pos: first from the start (which settles short lists in one
 * query), then by bisecting the leading sort key, then the id within the run of postings
 * that share it. Each step is one query of 2k + 1 rows; made-up positions are fine, since
 * the keyset condition only compares keys.
 */
static enum jt_status
rows_before(struct ui_list *l, const struct job *pos, size_t k, struct job_list *out,
	    struct list_cursor *cur, struct jt_err *err)
{
	struct probe p = { { 0 }, { true, { 0 }, 0 }, 0, false };
	struct probe best = { { 0 }, { true, { 0 }, 0 }, 0, false };
	int64_t lo, hi, lead;
	int probes = 0;
	enum jt_status rc;
	bool done = false, have_best = false;

	job_list_init(&p.rows);
	job_list_init(&best.rows);
	rc = probe_run(l, &p, pos, k, err);
	if (rc != JT_OK || p.reached) {
		if (rc == JT_OK)
			probe_result(&p, k, out, cur);
		goto out;
	}
	if (sort_of(l) == SORT_COMPANY) {
		rc = walk_to(l, &p, pos, k, out, cur, err);
		goto out;
	}

	/* Level 1: the leading key. F(v) stands before every posting whose ordinal is >= v. */
	lo = lead_ord(l, &p.rows.v[0]);
	hi = pos ? lead_ord(l, pos) : INT64_MAX;
	if (hi < INT64_MAX)
		hi++;
	while (!done && hi > lo && (uint64_t)hi - (uint64_t)lo > 1 && probes++ < PROBES_MAX) {
		int64_t mid = (int64_t)((uint64_t)lo + ((uint64_t)hi - (uint64_t)lo) / 2);

		p.at.start = false;
		job_done(&p.at.key);
		key_fake(l, mid, true, 0, &p.at.key);
		if ((rc = probe_run(l, &p, pos, k, err)) != JT_OK)
			goto out;
		if (p.reached && p.before >= k) {
			done = true;
		} else if (!p.reached) {
			int64_t first = lead_ord(l, &p.rows.v[0]);

			lo = first > mid ? first : mid;
		} else {
			hi = mid;
			job_list_done(&best.rows);
			cursor_move(&best.at, &p.at);
			best.rows = p.rows;
			best.before = p.before;
			job_list_init(&p.rows);
			have_best = true;
		}
	}

	/* Level 2: the id, within the run of postings whose leading ordinal is lo. */
	lead = lo;
	lo = INT64_MIN;
	hi = INT64_MAX;
	while (!done && (uint64_t)hi - (uint64_t)lo > 1 && probes++ < PROBES_MAX) {
		int64_t mid = (int64_t)((uint64_t)lo + ((uint64_t)hi - (uint64_t)lo) / 2);

		p.at.start = false;
		job_done(&p.at.key);
		key_fake(l, lead, false, mid, &p.at.key);
		if ((rc = probe_run(l, &p, pos, k, err)) != JT_OK)
			goto out;
		if (p.reached && p.before >= k) {
			done = true;
		} else if (!p.reached) {
			const struct job *first = &p.rows.v[0];

			lo = mid;
			if (lead_ord(l, first) == lead && id_ord(l, first->id) - 1 > mid)
				lo = id_ord(l, first->id) - 1;
		} else {
			hi = mid;
			job_list_done(&best.rows);
			cursor_move(&best.at, &p.at);
			best.rows = p.rows;
			best.before = p.before;
			job_list_init(&p.rows);
			have_best = true;
		}
	}
	if (done) {
		probe_result(&p, k, out, cur);
	} else if (have_best) {
		/* Postings changed under us: settle for the nearest position that reached pos. */
		probe_result(&best, k, out, cur);
	} else {
		cursor_set(cur, NULL);
		p.at.start = true;
		if ((rc = probe_run(l, &p, pos, k, err)) == JT_OK)
			probe_result(&p, k, out, cur);
	}
out:
	job_list_done(&p.rows);
	job_list_done(&best.rows);
	job_done(&p.at.key);
	job_done(&best.at.key);
	return rc;
}

/* ---- the window --------------------------------------------------------------------------- */

static void
marks_clear(struct ui_list *l)
{
	for (size_t i = 0; i < l->nmarks; i++)
		job_done(&l->marks[i].key);
	l->nmarks = 0;
}

static void
marks_push(struct ui_list *l, struct list_cursor *c)
{
	if (l->nmarks == l->amarks) {
		l->amarks = l->amarks ? l->amarks * 2 : 16;
		l->marks = xreallocarray(l->marks, l->amarks, sizeof(*l->marks));
	}
	job_init(&l->marks[l->nmarks].key);
	l->marks[l->nmarks].start = true;
	cursor_move(&l->marks[l->nmarks], c);
	l->nmarks++;
}

/* Keep the window within window_max(): drop rows far above the screen, remembering where
 * they began so that scrolling back up can read them again. */
static void
trim_front(struct ui_list *l)
{
	size_t keep = window_max(l), first = l->top < l->sel ? l->top : l->sel;
	size_t t = l->rows.n > keep ? l->rows.n - keep : 0;

	if (t > first)
		t = first;
	if (!t)
		return;
	l->head.n = t;
	marks_push(l, &l->head);
	cursor_set(&l->head, &l->rows.v[t - 1]);
	rows_drop(&l->rows, t, true);
	l->sel -= t;
	l->top -= t;
}

/* The same below the screen. */
static void
trim_back(struct ui_list *l)
{
	size_t keep = window_max(l), last = l->top + (size_t)(l->height > 0 ? l->height : 1);

	if (last < l->sel + 1)
		last = l->sel + 1;
	if (keep < last)
		keep = last;
	if (l->rows.n > keep) {
		rows_drop(&l->rows, l->rows.n - keep, false);
		l->at_end = false;
	}
}

/* Read one page after the window. *added gets how many rows came. */
static enum jt_status
grow_down(struct ui_list *l, size_t *added, struct jt_err *err)
{
	struct list_cursor last = { true, { 0 }, 0 };
	struct job_list more;
	size_t limit = page_size(l);
	enum jt_status rc;

	*added = 0;
	if (l->at_end)
		return JT_OK;
	if (l->rows.n)
		cursor_set(&last, &l->rows.v[l->rows.n - 1]);
	job_list_init(&more);
	rc = fetch(l, l->rows.n ? &last : &l->head, limit, &more, err);
	job_done(&last.key);
	if (rc == JT_OK) {
		l->at_end = more.n < limit;
		*added = more.n;
		rows_take(&l->rows, &more, 0, more.n);
		trim_front(l);
	}
	job_list_done(&more);
	return rc;
}

/* One attempt at reading the rows just before the window (it may find none when postings
 * between the last mark and the window went away). */
static enum jt_status
grow_up_once(struct ui_list *l, size_t *added, struct jt_err *err)
{
	struct job_list more;
	struct list_cursor cur = { true, { 0 }, 0 };
	enum jt_status rc = JT_OK;
	bool got = false;

	job_list_init(&more);
	if (l->nmarks) {
		/* The mark below head is where the rows before the window began. */
		struct list_cursor *m = &l->marks[l->nmarks - 1];
		size_t limit = m->n + page_size(l);
		size_t j;

		rc = fetch(l, m, limit, &more, err);
		if (rc == JT_OK) {
			j = count_before(l, &more, &l->rows.v[0]);
			if (j < more.n || more.n < limit) {
				rows_drop(&more, more.n - j, false);
				cursor_move(&l->head, m);
				got = true;
			} else {
				/* Too many came in since: fall back on the bisection. */
				job_list_done(&more);
			}
			job_done(&m->key);
			l->nmarks--;
		}
	}
	if (rc == JT_OK && !got) {
		rc = rows_before(l, &l->rows.v[0], page_size(l), &more, &cur, err);
		if (rc == JT_OK)
			cursor_move(&l->head, &cur);
	}
	if (rc == JT_OK) {
		*added = more.n;
		rows_prepend(&l->rows, &more);
		l->sel += *added;
		l->top += *added;
		trim_back(l);
	}
	job_list_done(&more);
	job_done(&cur.key);
	return rc;
}

/* Read the rows just before the window. *added gets how many came (0 only at the start). */
static enum jt_status
grow_up(struct ui_list *l, size_t *added, struct jt_err *err)
{
	struct list_cursor cur = { true, { 0 }, 0 };
	enum jt_status rc = JT_OK;

	*added = 0;
	if (!l->rows.n && !l->head.start) {
		/* Nothing left after head: take the last page of the list. */
		marks_clear(l);
		rc = rows_before(l, NULL, page_size(l), &l->rows, &cur, err);
		if (rc == JT_OK) {
			cursor_move(&l->head, &cur);
			l->at_end = true;
			*added = l->rows.n;
		}
		job_done(&cur.key);
		return rc;
	}
	while (rc == JT_OK && !*added && !l->head.start)
		rc = grow_up_once(l, added, err);
	return rc;
}

/* Put the selection on screen, and enough rows under it to fill the screen. */
static enum jt_status
settle_only(struct ui_list *l, struct jt_err *err)
{
	size_t h = (size_t)(l->height > 0 ? l->height : 1), added;
	enum jt_status rc = JT_OK;

	if (l->sel >= l->rows.n)
		l->sel = l->rows.n ? l->rows.n - 1 : 0;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	while (rc == JT_OK && l->top + h > l->rows.n && !l->at_end) {
		rc = grow_down(l, &added, err);
		if (!added)
			break;
	}
	/* At the end of the list, use the whole screen. */
	if (rc == JT_OK && l->top + h > l->rows.n) {
		size_t want = l->rows.n > h ? l->rows.n - h : 0;

		if (want < l->top)
			l->top = want;
		if (l->rows.n < h && !l->head.start)
			rc = grow_up(l, &added, err);
	}
	return rc;
}

/* The same, after a move of the user's: remember the selection's screen line. */
static enum jt_status
settle(struct ui_list *l, struct jt_err *err)
{
	enum jt_status rc = settle_only(l, err);

	l->line = l->sel - l->top;
	return rc;
}

/* ---- the interface ------------------------------------------------------------------------ */

void
ui_list_init(struct ui_list *l, struct store *s)
{
	memset(l, 0, sizeof(*l));
	l->store = s;
	job_filter_init(&l->filter);
	job_list_init(&l->rows);
	job_init(&l->head.key);
	l->head.start = true;
}

void
ui_list_done(struct ui_list *l)
{
	job_list_done(&l->rows);
	job_done(&l->head.key);
	marks_clear(l);
	free(l->marks);
	free(l->keyword);
	free(l->location);
	free(l->company);
	memset(l, 0, sizeof(*l));
}

static void
set_text(char **slot, const char **filter, const char *text)
{
	free(*slot);
	*slot = text && *text ? xstrdup(text) : NULL;
	*filter = *slot;
}

void
ui_list_set_keyword(struct ui_list *l, const char *text)
{
	set_text(&l->keyword, &l->filter.keyword, text);
}

void
ui_list_set_location(struct ui_list *l, const char *text)
{
	set_text(&l->location, &l->filter.location, text);
}

void
ui_list_set_company(struct ui_list *l, const char *text)
{
	set_text(&l->company, &l->filter.company, text);
}

void
ui_list_sort_next(struct ui_list *l)
{
	do
		l->filter.sort = (enum job_sort)((l->filter.sort + 1) % SORT_COUNT_);
	while (l->filter.sort == SORT_RELEVANCE && !l->filter.keyword);
}

/* Read the list from its start; keep posting `keep` selected when it is on the first screen. */
static enum jt_status
load_start(struct ui_list *l, int64_t keep, struct jt_err *err)
{
	struct job_list rows;
	size_t limit = page_size(l), h = (size_t)(l->height > 0 ? l->height : 1);
	enum jt_status rc;

	job_list_init(&rows);
	cursor_set(&l->head, NULL);
	marks_clear(l);
	rc = fetch(l, &l->head, limit, &rows, err);
	job_list_done(&l->rows);
	l->rows = rows;
	l->at_end = rc != JT_OK || rows.n < limit;
	l->sel = l->top = 0;
	for (size_t i = 0; keep && i < l->rows.n && i < h; i++)
		if (l->rows.v[i].id == keep)
			l->sel = i;
	if (rc == JT_OK)
		rc = settle(l, err);
	return rc;
}

enum jt_status
ui_list_reload(struct ui_list *l, struct jt_err *err)
{
	l->count = -1;
	l->count_due = true;
	return load_start(l, l->rows.n ? l->rows.v[l->sel].id : 0, err);
}

enum jt_status
ui_list_count(struct ui_list *l, struct jt_err *err)
{
	struct job_filter all;
	enum jt_status rc;

	if (!l->count_due)
		return JT_OK;
	l->count_due = false;
	rc = store_jobs_count(l->store, &l->filter, &l->count, err);
	if (rc != JT_OK) {
		l->count = -1;
		return rc;
	}
	job_filter_init(&all);
	all.all_sources = l->filter.all_sources;	/* display toggles, not filters */
	all.include_blocked = l->filter.include_blocked;
	all.include_hidden = l->filter.include_hidden;
	if (!job_filter_narrows(&l->filter))
		l->total = l->count;	/* the same count */
	else
		rc = store_jobs_count(l->store, &all, &l->total, err);
	return rc;
}

static bool
find_id(const struct job_list *rows, int64_t id, size_t *at)
{
	for (size_t i = 0; id && i < rows->n; i++)
		if (rows->v[i].id == id) {
			*at = i;
			return true;
		}
	return false;
}

/*
 * Many postings came in above the selected one, so it is not in the rows read from head:
 * read the rows around where its sort key puts it instead. On success rows and head are
 * replaced and *at is its index.
 */
static enum jt_status
refresh_around(struct ui_list *l, const struct job *key, size_t above, struct job_list *rows,
	       size_t *limit, size_t *at, struct jt_err *err)
{
	struct list_cursor cur = { true, { 0 }, 0 };
	struct job_list near, again;
	size_t n;
	enum jt_status rc;

	job_list_init(&near);
	job_list_init(&again);
	rc = rows_before(l, key, above ? above : 1, &near, &cur, err);
	n = near.n + page_size(l);
	if (rc == JT_OK)
		rc = fetch(l, &cur, n, &again, err);
	if (rc == JT_OK && find_id(&again, key->id, at)) {
		job_list_done(rows);
		*rows = again;
		job_list_init(&again);
		cursor_move(&l->head, &cur);
		*limit = n;
	}
	job_list_done(&near);
	job_list_done(&again);
	job_done(&cur.key);
	return rc;
}

enum jt_status
ui_list_refresh(struct ui_list *l, struct jt_err *err)
{
	int64_t keep = l->rows.n ? l->rows.v[l->sel].id : 0;
	size_t line = l->sel - l->top, at = l->sel, added;
	size_t limit = l->rows.n + page_size(l);
	struct job key;
	struct job_list rows;
	enum jt_status rc;

	job_init(&key);
	if (l->rows.n)
		key_copy(&key, &l->rows.v[l->sel]);
	job_list_init(&rows);
	rc = fetch(l, &l->head, limit, &rows, err);
	if (rc == JT_OK && keep && !find_id(&rows, keep, &at) && rows.n == limit)
		rc = refresh_around(l, &key, line, &rows, &limit, &at, err);
	job_done(&key);
	if (rc != JT_OK) {
		job_list_done(&rows);
		return rc;
	}
	job_list_done(&l->rows);
	l->rows = rows;
	l->at_end = rows.n < limit;
	/* The selected posting, else (it went) the row that took its place. */
	l->sel = at;
	if (l->sel >= l->rows.n && l->rows.n)
		l->sel = l->rows.n - 1;
	if (!l->rows.n && !l->head.start) {
		rc = grow_up(l, &added, err);
		l->sel = l->rows.n ? l->rows.n - 1 : 0;
	}
	/* Keep the selection on its screen line, reading rows above when needed. */
	while (rc == JT_OK && l->sel < line && !l->head.start) {
		rc = grow_up(l, &added, err);
		if (!added)
			break;
	}
	l->top = l->sel >= line ? l->sel - line : 0;
	if (rc == JT_OK)
		rc = settle_only(l, err);
	l->count_due = true;
	trim_front(l);
	return rc;
}

enum jt_status
ui_list_set_height(struct ui_list *l, int height, struct jt_err *err)
{
	size_t line, added;
	enum jt_status rc = JT_OK;

	l->height = height > 0 ? height : 1;
	/* Back to the screen line the user left the selection on, as far as it fits. */
	line = l->line < (size_t)l->height ? l->line : (size_t)l->height - 1;
	while (rc == JT_OK && l->sel < line && !l->head.start) {
		rc = grow_up(l, &added, err);
		if (!added)
			break;
	}
	l->top = l->sel >= line ? l->sel - line : 0;
	if (rc == JT_OK)
		rc = settle_only(l, err);
	return rc;
}

enum jt_status
ui_list_move(struct ui_list *l, long delta, struct jt_err *err)
{
	enum jt_status rc = JT_OK;
	size_t added;

	if (delta < 0) {
		size_t up = (size_t)-delta;

		while (rc == JT_OK && up > l->sel && !l->head.start) {
			rc = grow_up(l, &added, err);
			if (!added)
				break;
		}
		l->sel = up > l->sel ? 0 : l->sel - up;
	} else if (delta > 0) {
		size_t want = l->sel + (size_t)delta;

		while (rc == JT_OK && want >= l->rows.n && !l->at_end) {
			size_t before = l->sel;

			rc = grow_down(l, &added, err);
			want -= before - l->sel;	/* rows dropped at the front */
			if (!added)
				break;
		}
		l->sel = want < l->rows.n ? want : (l->rows.n ? l->rows.n - 1 : 0);
	}
	if (rc == JT_OK)
		rc = settle(l, err);
	return rc;
}

enum jt_status
ui_list_page(struct ui_list *l, int dir, struct jt_err *err)
{
	size_t h = (size_t)(l->height > 1 ? l->height - 1 : 1), line = l->sel - l->top;
	enum jt_status rc = ui_list_move(l, dir > 0 ? (long)h : -(long)h, err);

	/* Scroll by a screen too, keeping the selection's screen line where the list allows. */
	if (rc == JT_OK) {
		l->top = l->sel >= line ? l->sel - line : 0;
		rc = settle(l, err);
	}
	return rc;
}

enum jt_status
ui_list_first(struct ui_list *l, struct jt_err *err)
{
	if (l->head.start) {
		l->sel = l->top = 0;
		return settle(l, err);
	}
	return load_start(l, 0, err);
}

enum jt_status
ui_list_last(struct ui_list *l, struct jt_err *err)
{
	struct job_list rows;
	struct list_cursor cur = { true, { 0 }, 0 };
	size_t h = (size_t)(l->height > 0 ? l->height : 1);
	enum jt_status rc;

	if (l->at_end) {
		l->sel = l->rows.n ? l->rows.n - 1 : 0;
		return settle(l, err);
	}
	job_list_init(&rows);
	rc = rows_before(l, NULL, page_size(l), &rows, &cur, err);
	if (rc == JT_OK) {
		job_list_done(&l->rows);
		l->rows = rows;
		job_list_init(&rows);
		marks_clear(l);
		cursor_move(&l->head, &cur);
		l->at_end = true;
		l->sel = l->rows.n ? l->rows.n - 1 : 0;
		l->top = l->rows.n > h ? l->rows.n - h : 0;
		rc = settle(l, err);
	}
	job_list_done(&rows);
	job_done(&cur.key);
	return rc;
}

bool
ui_list_click(struct ui_list *l, int row)
{
	size_t i = l->top + (size_t)row;

	if (row < 0 || row >= l->height || i >= l->rows.n)
		return false;
	l->sel = i;
	return true;
}

const struct job *
ui_list_selected(const struct ui_list *l)
{
	return l->rows.n ? &l->rows.v[l->sel] : NULL;
}

void
ui_list_flag_note(struct ui_list *l, int64_t id, enum job_flag flag, bool on)
{
	for (size_t i = 0; i < l->rows.n; i++) {
		struct job *j = &l->rows.v[i];

		if (j->id != id)
			continue;
		if (flag == JOB_FLAG_READ)
			j->read = on;
		else if (flag == JOB_FLAG_FAVOURITE)
			j->favourite = on;
		else
			j->hidden = on;
	}
}

/* ---- drawing ------------------------------------------------------------------------------ */

struct columns {
	int title, company, location, salary;	/* widths; 0 = not shown */
};

#define MARKS_W	3	/* favourite, unread, gap */
#define AGE_W	4

static void
columns_layout(struct columns *c, int w)
{
	int rest;

	c->salary = w >= 64 ? 13 : 0;
	rest = w - MARKS_W - (AGE_W + 1) - (c->salary ? c->salary + 1 : 0);
	if (w >= 48) {
		rest -= 2;
		c->title = rest * 45 / 100;
		c->company = rest * 25 / 100;
		c->location = rest - c->title - c->company;
	} else {
		rest -= 1;
		c->title = rest * 60 / 100;
		c->company = rest - c->title;
		c->location = 0;
	}
	if (c->title < 1)
		c->title = 1;
	if (c->company < 0)
		c->company = 0;
}

static char *
location_text(const struct job *j)
{
	const char *loc = j->location ? j->location : "";
	bool says = strstr(loc, "emote") != NULL;

	if (!j->remote || says)
		return xstrdup(loc);
	return xasprintf("%s%s", loc, *loc ? " (remote)" : "Remote");
}

static void
draw_row(const struct job *j, const struct theme *t, int y, int x, int w,
	 const struct columns *c, bool selected, int64_t now)
{
	attr_t dim = j->hidden ? A_DIM : 0;	/* a hidden posting, shown with H */
	attr_t base = ui_theme_attr(t, selected ? AREA_SELECTED : AREA_NORMAL) | dim;
	attr_t title = selected ? base | (j->read ? 0 : A_BOLD) : ui_theme_attr(t, j->read
		       ? AREA_NORMAL : AREA_UNREAD) | dim;
	attr_t fav = selected ? base | A_BOLD : ui_theme_attr(t, AREA_FAVOURITE) | dim;
	attr_t salary_attr = selected ? base : ui_theme_attr(t, AREA_SALARY) | dim;
	bool uni = ui_text_unicode();
	char salary[64], age[16], mark[8], *loc;
	int cx = x, tw = c->title;

	ui_text_blank(y, x, w, base);
	/* A tracked posting shows its status's letter where a star would be. */
	if (j->status != TRACK_NONE)
		snprintf(mark, sizeof(mark), "%c", hunt_status_key(j->status) - 'a' + 'A');
	else
		snprintf(mark, sizeof(mark), "%s",
			 j->favourite ? (uni ? "\xE2\x98\x85" : "*") : " ");
	ui_text_put_clean(y, cx, 1, mark, fav, 0);
	ui_text_put_clean(y, cx + 1, 1, j->read ? " " : (uni ? "\xE2\x80\xA2" : "+"), title, 0);
	cx += MARKS_W;
	if (j->sources > 1 && tw > 12) {
		/* How many boards carry it, kept in view after the title. */
		char count[16];
		int cw;

		snprintf(count, sizeof(count), "%s%d", uni ? "\xC3\x97" : "x", j->sources);
		cw = text_width(count);
		ui_text_put_clean(y, cx + tw - cw, cw, count, fav, 0);
		tw -= cw + 1;
	}
	ui_text_put(y, cx, tw, j->title, title, TEXT_PAD);
	cx += c->title + 1;
	ui_text_put(y, cx, c->company, j->company, base, TEXT_PAD);
	cx += c->company + 1;
	if (c->location) {
		loc = location_text(j);
		ui_text_put(y, cx, c->location, loc, base, TEXT_PAD);
		free(loc);
		cx += c->location + 1;
	}
	if (c->salary) {
		format_salary(j, salary, sizeof(salary));
		ui_text_put(y, cx, c->salary, salary, salary_attr, TEXT_PAD);
		cx += c->salary + 1;
	}
	format_age(date_key(j), now, age, sizeof(age));
	ui_text_put(y, x + w - AGE_W, AGE_W, age, base, TEXT_RIGHT);
}

void
ui_list_draw(const struct ui_list *l, const struct theme *t, int y, int x, int h, int w,
	     bool focused, int64_t now)
{
	attr_t head = ui_theme_attr(t, AREA_HEADER) | (focused ? A_BOLD : 0);
	struct columns c;
	int cx = x + MARKS_W;

	if (h <= 0 || w <= 0)
		return;
	columns_layout(&c, w);
	ui_text_blank(y, x, w, head);
	ui_text_put_clean(y, cx, c.title, "Title", head, 0);
	cx += c.title + 1;
	ui_text_put_clean(y, cx, c.company, "Company", head, 0);
	cx += c.company + 1;
	if (c.location) {
		ui_text_put_clean(y, cx, c.location, "Location", head, 0);
		cx += c.location + 1;
	}
	if (c.salary)
		ui_text_put_clean(y, cx, c.salary, "Salary", head, 0);
	ui_text_put_clean(y, x + w - AGE_W, AGE_W, "Age", head, TEXT_RIGHT);

	for (int r = 1; r < h; r++) {
		size_t i = l->top + (size_t)r - 1;

		if (i < l->rows.n)
			draw_row(&l->rows.v[i], t, y + r, x, w, &c, i == l->sel, now);
		else
			ui_text_blank(y + r, x, w, ui_theme_attr(t, AREA_NORMAL));
	}
	if (!l->rows.n && h > 2) {
		const char *msg = l->total ? "No postings match the filters."
				  : "No postings yet: refresh the feeds, or add one with "
				    "jobterm feeds add URL.";

		ui_text_put_clean(y + 2, x + 2, w - 4, msg, ui_theme_attr(t, AREA_NORMAL), 0);
	}
}
