/*
 * The pipeline view and the saved-search picker: full-screen lists over the job hunt.
 *
 * Owns what it read from the store when opened (the tracked jobs, the saved searches) and
 * a selection in it. It must never write to the store (the UI does, then reads it again),
 * never read the store while drawing, and never draw a string except through ui_text_put().
 */
#include "config.h"
#include "tui/pipeline.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/strbuf.h"
#include "store/xmalloc.h"
#include "tui/format.h"

/* ---- a scrolled list of lines with selectable items ---------------------------------------- */

/* Keep line `line` (of n) on screen in height rows starting at *top. */
static void
scroll_to(size_t *top, size_t line, size_t n, int height)
{
	size_t h = (size_t)(height > 0 ? height : 1);

	if (line < *top)
		*top = line;
	if (line >= *top + h)
		*top = line - h + 1;
	if (n <= h)
		*top = 0;
	else if (*top > n - h)
		*top = n - h;
}

static size_t
moved(size_t sel, size_t n, long delta)
{
	if (!n)
		return 0;
	if (delta < 0)
		return (size_t)-delta > sel ? 0 : sel - (size_t)-delta;
	return (size_t)delta >= n - sel ? n - 1 : sel + (size_t)delta;
}

static void
header(const struct theme *t, int y, int x, int w, const char *title, const char *hint)
{
	attr_t head = ui_theme_attr(t, AREA_HEADER) | A_BOLD;
	int used;

	ui_text_blank(y, x, w, head);
	used = ui_text_put_clean(y, x + 1, w - 1, title, head, 0);
	if (w - used - 4 > 10)
		ui_text_put_clean(y, x + used + 3, w - used - 4, hint, head, 0);
}

/* ---- the pipeline --------------------------------------------------------------------------- */

void
ui_pipeline_init(struct ui_pipeline *p)
{
	memset(p, 0, sizeof(*p));
	hunt_items_init(&p->items);
}

void
ui_pipeline_done(struct ui_pipeline *p)
{
	hunt_items_done(&p->items);
	memset(p, 0, sizeof(*p));
}

enum jt_status
ui_pipeline_open(struct ui_pipeline *p, struct store *s, int64_t keep, struct jt_err *err)
{
	struct hunt_items items;
	enum jt_status rc;

	hunt_items_init(&items);
	rc = hunt_tracked_list(s, &items, err);
	if (rc != JT_OK) {
		hunt_items_done(&items);
		return rc;
	}
	hunt_items_done(&p->items);
	p->items = items;
	if (!p->active)
		p->top = 0;
	p->sel = 0;
	for (size_t i = 0; keep && i < items.n; i++)
		if (items.v[i].job.id == keep)
			p->sel = i;
	p->active = true;
	return JT_OK;
}

void
ui_pipeline_close(struct ui_pipeline *p)
{
	p->active = false;
	hunt_items_done(&p->items);
}

void
ui_pipeline_move(struct ui_pipeline *p, long delta)
{
	p->sel = moved(p->sel, p->items.n, delta);
}

const struct hunt_item *
ui_pipeline_selected(const struct ui_pipeline *p)
{
	return p->active && p->sel < p->items.n ? &p->items.v[p->sel] : NULL;
}

/* Screen lines: a heading before each status, a blank line between statuses. */
struct pline {
	int kind;		/* 0 blank, 1 heading, 2 item */
	size_t item;		/* heading: its first item; item: which */
	size_t count;		/* heading: items under it */
};

static size_t
pipeline_lines(const struct ui_pipeline *p, struct pline *v)
{
	size_t n = 0;

	for (size_t i = 0; i < p->items.n; i++) {
		if (!i || p->items.v[i].job.status != p->items.v[i - 1].job.status) {
			size_t c = 0;

			while (i + c < p->items.n &&
			       p->items.v[i + c].job.status == p->items.v[i].job.status)
				c++;
			if (i)
				v[n++] = (struct pline){ 0, 0, 0 };
			v[n++] = (struct pline){ 1, i, c };
		}
		v[n++] = (struct pline){ 2, i, 0 };
	}
	return n;
}

/* The first line of a note, for one row. */
static char *
note_line(const char *note)
{
	size_t n = note ? strcspn(note, "\n") : 0;

	return xstrndup(note ? note : "", n);
}

static void
draw_item(const struct hunt_item *it, const struct theme *t, int y, int x, int w, bool selected,
	  int64_t now)
{
	const struct job *j = &it->job;
	attr_t base = ui_theme_attr(t, selected ? AREA_SELECTED : AREA_NORMAL);
	attr_t label = selected ? base : ui_theme_attr(t, AREA_LABEL);
	int64_t days = j->status_changed && now > j->status_changed
		       ? (now - j->status_changed) / 86400 : 0;
	char age[24], *what, *note;
	int cx = x + 2, tw;

	ui_text_blank(y, x, w, base);
	if (days)
		snprintf(age, sizeof(age), "%lldd", (long long)days);
	else
		snprintf(age, sizeof(age), "today");
	ui_text_put_clean(y, cx, 6, age, label, TEXT_RIGHT);
	cx += 8;
	if (j->sources > 1)
		what = xasprintf("%s \xC3\x97%d", j->title ? j->title : "", j->sources);
	else
		what = xstrdup(j->title ? j->title : "");
	tw = (w - (cx - x)) * 45 / 100;
	if (tw < 10)
		tw = w - (cx - x);
	ui_text_put(y, cx, tw, what, base, TEXT_PAD);
	free(what);
	cx += tw + 1;
	if (cx - x < w) {
		note = note_line(it->note);
		what = xasprintf("%s%s%s%s%s", j->company ? j->company : "",
				 j->company && j->location ? ", " : "",
				 j->location ? j->location : "", *note ? " \xE2\x80\x94 " : "",
				 note);
		ui_text_put(y, cx, w - (cx - x), what, base, 0);
		free(what);
		free(note);
	}
}

void
ui_pipeline_draw(struct ui_pipeline *p, const struct theme *t, int y, int x, int h, int w,
		 int64_t now)
{
	attr_t normal = ui_theme_attr(t, AREA_NORMAL), group = ui_theme_attr(t, AREA_TITLE);
	struct pline *v;
	size_t n, sel_line = 0;
	char title[64];

	if (h <= 0 || w <= 0)
		return;
	snprintf(title, sizeof(title), "Pipeline: %zu tracked", p->items.n);
	header(t, y, x, w, title, "a status  n note  o open  Enter show  q close");
	p->height = h - 1;
	v = xcalloc(p->items.n * 3 + 1, sizeof(*v));
	n = pipeline_lines(p, v);
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == 2 && v[i].item == p->sel)
			sel_line = i;
	/* The heading of the first group shows when the selection is its first item. */
	scroll_to(&p->top, sel_line >= 1 && v[sel_line - 1].kind == 1 ? sel_line - 1 : sel_line,
		  n, p->height);
	scroll_to(&p->top, sel_line, n, p->height);
	for (int r = 1; r < h; r++) {
		size_t i = p->top + (size_t)r - 1;

		ui_text_blank(y + r, x, w, normal);
		if (i >= n)
			continue;
		if (v[i].kind == 1) {
			char head[64];
			const char *name = hunt_status_name(p->items.v[v[i].item].job.status);

			snprintf(head, sizeof(head), "%c%s (%zu)", name[0] - 'a' + 'A', name + 1,
				 v[i].count);
			ui_text_put_clean(y + r, x + 1, w - 1, head, group, 0);
		} else if (v[i].kind == 2) {
			draw_item(&p->items.v[v[i].item], t, y + r, x, w, v[i].item == p->sel, now);
		}
	}
	if (!p->items.n && h > 2)
		ui_text_put_clean(y + 2, x + 2, w - 3, "Nothing tracked yet: a on a posting sets "
				  "its status (saved, applied, ...).", normal, 0);
	free(v);
}

/* ---- saved searches ------------------------------------------------------------------------- */

void
ui_searches_init(struct ui_searches *v)
{
	memset(v, 0, sizeof(*v));
	hunt_searches_init(&v->all);
}

void
ui_searches_done(struct ui_searches *v)
{
	hunt_searches_done(&v->all);
	memset(v, 0, sizeof(*v));
}

enum jt_status
ui_searches_open(struct ui_searches *v, struct store *s, struct jt_err *err)
{
	struct hunt_searches all;
	enum jt_status rc;

	hunt_searches_init(&all);
	rc = hunt_searches_list(s, &all, err);
	if (rc != JT_OK) {
		hunt_searches_done(&all);
		return rc;
	}
	hunt_searches_done(&v->all);
	v->all = all;
	if (v->sel >= all.n)
		v->sel = all.n ? all.n - 1 : 0;
	v->active = true;
	return JT_OK;
}

void
ui_searches_close(struct ui_searches *v)
{
	v->active = false;
	hunt_searches_done(&v->all);
}

void
ui_searches_move(struct ui_searches *v, long delta)
{
	v->sel = moved(v->sel, v->all.n, delta);
}

const struct hunt_search *
ui_searches_selected(const struct ui_searches *v)
{
	return v->active && v->sel < v->all.n ? &v->all.v[v->sel] : NULL;
}

void
ui_searches_draw(struct ui_searches *v, const struct theme *t, int y, int x, int h, int w)
{
	attr_t normal = ui_theme_attr(t, AREA_NORMAL);
	struct strbuf sb;

	if (h <= 0 || w <= 0)
		return;
	header(t, y, x, w, "Saved searches", "Enter opens  x removes  q closes");
	v->height = h - 1;
	scroll_to(&v->top, v->sel, v->all.n, v->height);
	strbuf_init(&sb, 0);
	for (int r = 1; r < h; r++) {
		size_t i = v->top + (size_t)r - 1;
		const struct hunt_search *s = i < v->all.n ? &v->all.v[i] : NULL;
		attr_t base = ui_theme_attr(t, s && i == v->sel ? AREA_SELECTED : AREA_NORMAL);
		char fresh[32];
		int nw = w / 3 > 24 ? 24 : w / 3;

		ui_text_blank(y + r, x, w, base);
		if (!s)
			continue;
		ui_text_put(y + r, x + 2, nw, s->name, base | A_BOLD, TEXT_PAD);
		snprintf(fresh, sizeof(fresh), "%lld new", (long long)s->fresh);
		ui_text_put_clean(y + r, x + 3 + nw, 9, fresh, s->fresh && i != v->sel
				  ? ui_theme_attr(t, AREA_UNREAD) : base, TEXT_RIGHT);
		strbuf_reset(&sb);
		format_filters(&sb, &s->filter);
		if (!sb.len)
			strbuf_adds(&sb, "  every posting");
		if (w > nw + 14)
			ui_text_put(y + r, x + 13 + nw, w - nw - 14, strbuf_str(&sb), base, 0);
	}
	strbuf_done(&sb);
	if (!v->all.n && h > 2)
		ui_text_put_clean(y + 2, x + 2, w - 3, "No saved searches yet: S saves the "
				  "filters in use under a name.", normal, 0);
}
