/*
 * The detail pane: one posting's fields and its description, wrapped and scrolled.
 *
 * Owns a full copy of the posting shown and its wrapped lines. The stored description_text
 * is already rendered from HTML; this module only sanitises it (keeping line breaks) and
 * wraps it by display width. It must never wrap by bytes or code points, never show text
 * that did not pass text_sanitize(), and never write to the store.
 */
#include "config.h"
#include "tui/detail.h"

#include <stdlib.h>
#include <string.h>

#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"
#include "tui/format.h"

#define LABEL_W	10	/* "Location  " */

void
ui_detail_init(struct ui_detail *d)
{
	memset(d, 0, sizeof(*d));
	job_init(&d->job);
	hunt_info_init(&d->hunt);
}

static void
lines_clear(struct ui_detail *d)
{
	for (size_t i = 0; i < d->nlines; i++)
		free(d->lines[i].text);
	d->nlines = 0;
	d->width = 0;
}

void
ui_detail_done(struct ui_detail *d)
{
	lines_clear(d);
	free(d->lines);
	job_done(&d->job);
	hunt_info_done(&d->hunt);
	memset(d, 0, sizeof(*d));
}

static void
line_add(struct ui_detail *d, const char *label, const char *text, size_t len, int indent,
	 enum area area)
{
	struct detail_line *l;

	if (d->nlines == d->alloc) {
		d->alloc = d->alloc ? d->alloc * 2 : 64;
		d->lines = xreallocarray(d->lines, d->alloc, sizeof(*d->lines));
	}
	l = &d->lines[d->nlines++];
	l->label = label;
	l->text = xstrndup(text, len);
	l->indent = indent;
	l->area = area;
}

/*
 * Columns that later lines of this line are indented by: its own indentation, plus the
 * marker of a list item ("• ", "- ", "* ", "12. ") so that wrapped items hang under their
 * text.
 */
static int
hang_of(const char *s, size_t len)
{
	size_t sp = 0, i;

	while (sp < len && s[sp] == ' ')
		sp++;
	i = sp;
	if (len - i >= 4 && !memcmp(s + i, "\xE2\x80\xA2 ", 4))
		return (int)sp + 2;
	if (len - i >= 2 && (s[i] == '-' || s[i] == '*') && s[i + 1] == ' ')
		return (int)sp + 2;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > sp && i - sp <= 3 && len - i >= 2 && s[i] == '.' && s[i + 1] == ' ')
		return (int)i + 2;
	return (int)sp;
}

/*
 * Wrap one line of clean text (no '\n') into lines of at most `width` columns, breaking
 * after spaces or around wide characters, else anywhere between characters (never inside
 * one, and never before a combining mark). Later lines start `hang` columns in (plus
 * `indent`, which every line gets); the first gets `label`.
 */
static void
wrap(struct ui_detail *d, const char *s, size_t len, int width, int indent, int hang,
     const char *label, enum area area)
{
	bool first = true;

	if (hang > width / 2)
		hang = 0;
	if (!len) {
		line_add(d, label, "", 0, indent, area);
		return;
	}
	while (len) {
		int avail = width - (first ? 0 : hang), used = 0;
		size_t i = 0, cut = 0, resume = 0;

		if (avail < 1)
			avail = 1;
		while (i < len) {
			uint32_t cp;
			size_t n = text_utf8_decode(s + i, len - i, &cp);
			int cw = text_cp_width(cp);

			if (used + cw > avail && cw > 0)
				break;
			used += cw;
			i += n;
			if (cp == ' ') {
				cut = i - 1;
				resume = i;
			} else if (cw == 2) {
				cut = resume = i;
			}
		}
		if (i >= len) {
			cut = resume = len;
		} else if (!cut) {
			/* No break: cut where the line is full (at least one character). */
			if (!i) {
				uint32_t cp;

				i = text_utf8_decode(s, len, &cp);
			}
			cut = resume = i;
		}
		while (cut > 0 && s[cut - 1] == ' ' && cut < len)
			cut--;
		line_add(d, first ? label : NULL, s, cut, indent + (first ? 0 : hang), area);
		s += resume;
		len -= resume;
		while (len && *s == ' ') {
			s++;
			len--;
		}
		first = false;
	}
}

static void
field(struct ui_detail *d, const char *label, const char *value, int width)
{
	char *clean;

	if (!value || !*value)
		return;
	clean = text_sanitize(value, 0);
	if (*clean)
		wrap(d, clean, strlen(clean), width - LABEL_W, LABEL_W, 0, label, AREA_NORMAL);
	free(clean);
}

/* The job hunt's fields: status and its history, the other boards' copies, the note. */
static void
hunt_lines(struct ui_detail *d, int width)
{
	const struct hunt_info *h = &d->hunt;
	char buf[160], date[40];
	char *clean;

	if (h->status != TRACK_NONE) {
		format_date(h->status_changed, date, sizeof(date));
		snprintf(buf, sizeof(buf), "%s since %s", hunt_status_name(h->status), date);
		field(d, "Status", buf, width);
	}
	if (h->nhistory > 1 || (h->nhistory == 1 && h->status == TRACK_NONE)) {
		struct strbuf sb;

		strbuf_init(&sb, 0);
		for (size_t i = 0; i < h->nhistory; i++) {
			format_date(h->history[i].at, date, sizeof(date));
			date[10] = '\0';	/* the day is enough here */
			strbuf_addf(&sb, "%s%s %s", i ? ", " : "", date,
				    hunt_status_name(h->history[i].status));
		}
		field(d, "History", strbuf_str(&sb), width);
		strbuf_done(&sb);
	}
	if (h->nsources > 1) {
		snprintf(buf, sizeof(buf), "%zu postings of this job", h->nsources);
		field(d, "Sources", buf, width);
		for (size_t i = 0; i < h->nsources; i++) {
			const struct hunt_source *src = &h->sources[i];
			char *line = xasprintf("%s (%s)", src->url ? src->url : "no link",
					       src->feed_name ? src->feed_name : src->feed_url);

			clean = text_sanitize(line, 0);
			wrap(d, clean, strlen(clean), width - LABEL_W - 2, LABEL_W + 2, 0, NULL,
			     AREA_NORMAL);
			free(clean);
			free(line);
		}
	}
	if (h->note) {
		const char *p, *end;
		bool first = true;

		clean = text_sanitize(h->note, TEXT_KEEP_NEWLINES);
		for (p = clean; *p; p = *end ? end + 1 : end) {
			end = strchr(p, '\n');
			if (!end)
				end = p + strlen(p);
			wrap(d, p, (size_t)(end - p), width - LABEL_W, LABEL_W, 0,
			     first ? "Note" : NULL, AREA_NORMAL);
			first = false;
		}
		free(clean);
	}
}

/* Lay the posting out for width columns. */
static void
build(struct ui_detail *d, int width)
{
	const struct job *j = &d->job;
	char buf[128], *clean, *loc;
	const char *p, *end, *mode;

	lines_clear(d);
	d->width = width;
	if (!j->id)
		return;
	if (width < LABEL_W + 8)
		width = LABEL_W + 8;
	clean = text_sanitize(j->title, 0);
	wrap(d, clean, strlen(clean), width, 0, 0, NULL, AREA_TITLE);
	free(clean);
	line_add(d, NULL, "", 0, 0, AREA_NORMAL);
	field(d, "Company", j->company, width);
	mode = j->remote ? "remote" : j->hybrid ? "hybrid" : "";
	if (*mode && j->location && strstr(j->location, mode + 1))
		mode = "";	/* it says so already */
	loc = xasprintf("%s%s%s", j->location ? j->location : "",
			j->location && *j->location && *mode ? " \xC2\xB7 " : "", mode);
	field(d, "Location", loc, width);
	free(loc);
	format_salary(j, buf, sizeof(buf));
	field(d, "Salary", buf, width);
	field(d, "Type", j->employment_type, width);
	format_date(j->posted, buf, sizeof(buf));
	field(d, "Posted", buf, width);
	field(d, "Feed", j->feed_name ? j->feed_name : j->feed_url, width);
	field(d, "URL", j->url, width);
	if (j->apply_url && (!j->url || strcmp(j->apply_url, j->url)))
		field(d, "Apply", j->apply_url, width);
	field(d, "Tags", j->tags, width);
	hunt_lines(d, width);
	clean = text_sanitize(j->description_text, TEXT_KEEP_NEWLINES);
	if (*clean)
		line_add(d, NULL, "", 0, 0, AREA_NORMAL);
	for (p = clean; *p; p = *end ? end + 1 : end) {
		end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		wrap(d, p, (size_t)(end - p), width, 0, hang_of(p, (size_t)(end - p)), NULL,
		     AREA_NORMAL);
	}
	free(clean);
}

static size_t *
memo_slot(struct ui_detail *d, int64_t id)
{
	for (size_t i = 0; i < DETAIL_MEMO; i++)
		if (d->memo[i].id == id)
			return &d->memo[i].scroll;
	return NULL;
}

static void
memo_save(struct ui_detail *d)
{
	size_t *slot;

	if (!d->job.id)
		return;
	if (!(slot = memo_slot(d, d->job.id))) {
		d->memo[d->memo_next].id = d->job.id;
		slot = &d->memo[d->memo_next].scroll;
		d->memo_next = (d->memo_next + 1) % DETAIL_MEMO;
	}
	*slot = d->scroll;
}

enum jt_status
ui_detail_show(struct ui_detail *d, struct store *s, int64_t id, bool reread,
	       struct jt_err *err)
{
	struct job j;
	size_t *slot;
	enum jt_status rc = JT_OK;

	if (id == d->job.id && !reread)
		return JT_OK;
	memo_save(d);
	job_init(&j);
	hunt_info_done(&d->hunt);
	if (id && (rc = store_job_get(s, id, &j, err)) != JT_OK)
		job_done(&j);
	else if (id && (rc = hunt_info_get(s, id, &d->hunt, err)) != JT_OK)
		job_done(&j);
	if (j.id != d->job.id) {
		slot = memo_slot(d, j.id);
		d->scroll = slot ? *slot : 0;
	}
	job_done(&d->job);
	d->job = j;
	lines_clear(d);
	return rc;
}

const struct job *
ui_detail_job(const struct ui_detail *d)
{
	return d->job.id ? &d->job : NULL;
}

void
ui_detail_flag_note(struct ui_detail *d, int64_t id, enum job_flag flag, bool on)
{
	if (!id || id != d->job.id)
		return;
	if (flag == JOB_FLAG_READ)
		d->job.read = on;
	else if (flag == JOB_FLAG_FAVOURITE)
		d->job.favourite = on;
	else
		d->job.hidden = on;
}

static size_t
max_scroll(const struct ui_detail *d)
{
	size_t h = (size_t)(d->height > 0 ? d->height : 1);

	return d->nlines > h ? d->nlines - h : 0;
}

void
ui_detail_scroll(struct ui_detail *d, long delta)
{
	if (delta < 0)
		d->scroll = (size_t)-delta > d->scroll ? 0 : d->scroll - (size_t)-delta;
	else
		d->scroll += (size_t)delta;
	if (d->width && d->scroll > max_scroll(d))
		d->scroll = max_scroll(d);
}

void
ui_detail_page(struct ui_detail *d, int dir)
{
	long h = d->height > 1 ? d->height - 1 : 1;

	ui_detail_scroll(d, dir > 0 ? h : -h);
}

void
ui_detail_home(struct ui_detail *d)
{
	d->scroll = 0;
}

void
ui_detail_end(struct ui_detail *d)
{
	d->scroll = d->width ? max_scroll(d) : (size_t)-1 / 2;
}

void
ui_detail_draw(struct ui_detail *d, const struct theme *t, int y, int x, int h, int w,
	       bool focused)
{
	attr_t head = ui_theme_attr(t, AREA_HEADER) | (focused ? A_BOLD : 0);
	attr_t normal = ui_theme_attr(t, AREA_NORMAL);
	char where[48];

	if (h <= 0 || w <= 0)
		return;
	d->height = h - 1;
	if (d->width != w - 1)
		build(d, w - 1);
	if (d->scroll > max_scroll(d))
		d->scroll = max_scroll(d);
	ui_text_blank(y, x, w, head);
	ui_text_put_clean(y, x + 1, w - 1, d->job.favourite ? "Posting \xE2\x98\x85" : "Posting",
			  head, 0);
	if (d->nlines) {
		size_t last = d->scroll + (size_t)d->height;

		snprintf(where, sizeof(where), "%zu\xE2\x80\x93%zu/%zu", d->scroll + 1,
			 last < d->nlines ? last : d->nlines, d->nlines);
		ui_text_put_clean(y, x + w - 16, 15, where, head, TEXT_RIGHT);
	}
	for (int r = 1; r < h; r++) {
		size_t i = d->scroll + (size_t)r - 1;
		const struct detail_line *l = i < d->nlines ? &d->lines[i] : NULL;

		ui_text_blank(y + r, x, w, normal);
		if (!l)
			continue;
		if (l->label)
			ui_text_put_clean(y + r, x + 1, LABEL_W, l->label,
					  ui_theme_attr(t, AREA_LABEL), 0);
		ui_text_put_clean(y + r, x + 1 + l->indent, w - 1 - l->indent, l->text,
				  ui_theme_attr(t, l->area), 0);
	}
	if (!d->job.id && h > 2)
		ui_text_put_clean(y + 2, x + 2, w - 3, "No posting selected.", normal, 0);
}
