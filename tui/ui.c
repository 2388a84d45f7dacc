/*
 * The terminal UI's event loop: layout, keys, the status line, and the background refresh.
 *
 * Owns the screen (curses), the UI thread's store connection, the fetcher and the signal
 * self-pipe, and the job hunt's questions (a status to pick, a company to block). The loop
 * blocks only in poll() on the terminal, the fetcher's wake fd and the self-pipe; signal
 * handlers only set a flag and write a byte. It must never wait on the network, never write
 * to stdout or stderr while curses is active, and never leave the terminal in curses mode on
 * any way out (quit, error, die(), SIGINT, SIGTERM).
 */
#include "config.h"
#include "tui/ui.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "store/hunt.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"
#include "tui/detail.h"
#include "tui/format.h"
#include "tui/help.h"
#include "tui/keys.h"
#include "tui/list.h"
#include "tui/net.h"
#include "tui/open.h"
#include "tui/pipeline.h"
#include "tui/prompt.h"

#define SIDE_MIN_COLS	120	/* list and detail side by side from this width */
#define STACK_MIN_COLS	60	/* stacked from this size; a single pane below */
#define STACK_MIN_LINES	18
#define WHEEL_ROWS	3

enum layout {
	LAYOUT_SIDE,
	LAYOUT_STACKED,
	LAYOUT_SINGLE,
};

enum pane {
	PANE_LIST,
	PANE_DETAIL,
};

struct rect {
	int y, x, h, w;		/* h == 0: not shown */
};

enum prompt_kind {
	PROMPT_KEYWORD,
	PROMPT_LOCATION,
	PROMPT_NOTE,		/* a note, when there is no $EDITOR */
	PROMPT_SEARCH,		/* the name to save the filters under */
};

/* A one-key question on the status line. */
enum ask_kind {
	ASK_NONE,
	ASK_STATUS,		/* which status for posting ask_id */
	ASK_BLOCK,		/* block company ask_text? */
};

struct ui {
	struct app *app;		/* borrowed */
	struct store *store;		/* the UI thread's connection */
	const struct net_ops *net;	/* the network module, loaded by the first refresh */
	struct fetcher *fetcher;	/* started by the first refresh; NULL before */
	struct keymap keys;
	struct theme theme;
	struct ui_list list;
	struct ui_detail detail;
	struct ui_prompt prompt;
	struct ui_help help;
	struct ui_pipeline pipeline;
	struct ui_searches searches;
	SCREEN *screen;			/* from newterm() */
	enum prompt_kind prompt_kind;
	enum layout layout;
	enum pane focus;
	struct rect list_r, detail_r;
	bool quit;
	bool requery;			/* the filter changed: reload the list */
	bool data_changed;		/* the fetcher stored postings: refresh the list */
	bool refreshing;		/* a refresh is running */
	int done, total;		/* its progress */
	size_t added;			/* new postings in this refresh */
	int64_t next_refresh;		/* monotonic second of the next timed refresh; 0 = none */
	char error[512];		/* the last refresh error, in words */
	char message[512];		/* the outcome of the last action; cleared by a key */
	bool message_error;		/* message is an error */
	enum ask_kind ask;		/* the question on the status line, if any */
	int64_t ask_id;			/* the posting it is about */
	char ask_text[256];		/* ASK_BLOCK: the company */
	int64_t note_id;		/* PROMPT_NOTE: the posting whose note is edited */
	int64_t blocked;		/* postings the blocks hide (for the status line) */
};

/* ---- signals: flags and a self-pipe ------------------------------------------------------- */

static volatile sig_atomic_t got_winch, got_cont, got_quit;
static int sig_pipe[2] = { -1, -1 };

static void
on_signal(int sig)
{
	int saved = errno;

	if (sig == SIGWINCH)
		got_winch = 1;
	else if (sig == SIGCONT)
		got_cont = 1;
	else
		got_quit = sig;
	if (sig_pipe[1] >= 0) {
		ssize_t n = write(sig_pipe[1], "", 1);

		(void)n;
	}
	errno = saved;
}

static const int handled_signals[] = { SIGWINCH, SIGCONT, SIGINT, SIGTERM, SIGHUP };
static struct sigaction saved_actions[sizeof(handled_signals) / sizeof(handled_signals[0])];

static bool
signals_start(void)
{
	struct sigaction sa;

	if (pipe(sig_pipe) < 0)
		return false;
	for (int i = 0; i < 2; i++) {
		fcntl(sig_pipe[i], F_SETFL, fcntl(sig_pipe[i], F_GETFL) | O_NONBLOCK);
		fcntl(sig_pipe[i], F_SETFD, FD_CLOEXEC);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	for (size_t i = 0; i < sizeof(handled_signals) / sizeof(handled_signals[0]); i++)
		sigaction(handled_signals[i], &sa, &saved_actions[i]);
	return true;
}

static void
signals_stop(void)
{
	for (size_t i = 0; i < sizeof(handled_signals) / sizeof(handled_signals[0]); i++)
		sigaction(handled_signals[i], &saved_actions[i], NULL);
	for (int i = 0; i < 2; i++)
		if (sig_pipe[i] >= 0) {
			close(sig_pipe[i]);
			sig_pipe[i] = -1;
		}
}

static void
signals_drain(void)
{
	char buf[64];

	while (read(sig_pipe[0], buf, sizeof(buf)) > 0)
		;
}

/* die() runs this first, so the terminal is usable for its message. */
static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

static int64_t
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

/* ---- messages ----------------------------------------------------------------------------- */

static void
say(struct ui *u, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
say(struct ui *u, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->message, sizeof(u->message), fmt, ap);
	va_end(ap);
	u->message_error = error;
}

static void
store_trouble(struct ui *u, enum jt_status rc, const struct jt_err *err)
{
	if (rc != JT_OK)
		say(u, true, "%s", *err->msg ? err->msg : jt_status_str(rc));
}

/* A short name for a feed in messages: its host, or its file name. */
static void
feed_label(const char *url, char *out, size_t size)
{
	const char *p = url ? strstr(url, "://") : NULL;
	const char *at, *end;
	size_t n;

	if (!p) {
		string_ncopy(out, size, url ? url : "feed");
		return;
	}
	if (!strncmp(url, "file:", 5)) {
		const char *slash = strrchr(url, '/');

		string_ncopy(out, size, slash && slash[1] ? slash + 1 : url);
		return;
	}
	p += 3;
	n = strcspn(p, "/?#");
	end = p + n;
	at = memchr(p, '@', n);
	if (at)
		p = at + 1;
	if (*p == '[') {
		const char *close = memchr(p, ']', (size_t)(end - p));

		if (close)
			end = close + 1;
	} else {
		const char *colon = memchr(p, ':', (size_t)(end - p));

		if (colon)
			end = colon;
	}
	n = (size_t)(end - p);
	string_ncopy(out, size < n + 1 ? size : n + 1, p);
}

/* ---- layout and drawing ------------------------------------------------------------------- */

static bool
detail_visible(const struct ui *u)
{
	return u->layout != LAYOUT_SINGLE || u->focus == PANE_DETAIL;
}

/* Show the selected posting in the detail pane (when the pane is on screen). */
static void
sync_detail(struct ui *u, bool reread)
{
	const struct job *j = ui_list_selected(&u->list);
	struct jt_err err = { "" };
	enum jt_status rc;

	if (!detail_visible(u))
		return;
	rc = ui_detail_show(&u->detail, u->store, j ? j->id : 0, reread, &err);
	if (rc != JT_OK && rc != JT_ERR_NOTFOUND)
		store_trouble(u, rc, &err);
}

static void
layout(struct ui *u)
{
	int lines = LINES - 1, cols = COLS;
	struct jt_err err = { "" };
	enum jt_status rc;

	if (lines < 2)
		lines = 2;
	if (cols >= SIDE_MIN_COLS) {
		int lw = cols * 3 / 5;

		u->layout = LAYOUT_SIDE;
		u->list_r = (struct rect){ 0, 0, lines, lw };
		u->detail_r = (struct rect){ 0, lw + 1, lines, cols - lw - 1 };
	} else if (cols >= STACK_MIN_COLS && LINES >= STACK_MIN_LINES) {
		int lh = lines * 2 / 5;

		u->layout = LAYOUT_STACKED;
		u->list_r = (struct rect){ 0, 0, lh, cols };
		u->detail_r = (struct rect){ lh, 0, lines - lh, cols };
	} else {
		u->layout = LAYOUT_SINGLE;
		u->list_r = (struct rect){ 0, 0, u->focus == PANE_LIST ? lines : 0, cols };
		u->detail_r = (struct rect){ 0, 0, u->focus == PANE_DETAIL ? lines : 0, cols };
	}
	/* In a single pane, the hidden list keeps the height it would have. */
	rc = ui_list_set_height(&u->list, (u->list_r.h ? u->list_r.h : lines) - 1, &err);
	store_trouble(u, rc, &err);
	sync_detail(u, false);
}

static void
group_digits(int64_t n, char *out, size_t size)
{
	char digits[32];
	size_t len, o = 0;

	snprintf(digits, sizeof(digits), "%lld", (long long)n);
	len = strlen(digits);
	for (size_t i = 0; i < len && o + 2 < size; i++) {
		if (i && (len - i) % 3 == 0 && digits[i - 1] != '-')
			out[o++] = ' ';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

/* "12 of 50 000 postings", or nothing while the count is not known yet. */
static void
counts_text(const struct ui *u, char *out, size_t size, bool word)
{
	char count[32], total[32];

	*out = '\0';
	if (u->list.count < 0)
		return;
	group_digits(u->list.count, count, sizeof(count));
	group_digits(u->list.total, total, sizeof(total));
	if (u->list.count == u->list.total)
		snprintf(out, size, "%s%s", total, word ? " postings" : "");
	else
		snprintf(out, size, "%s of %s%s", count, total, word ? " postings" : "");
}

/* The active filters and the sort, as the status line shows them ("  /rust  @berlin"). */
static void
filters_text(const struct ui *u, struct strbuf *sb)
{
	const struct job_filter *f = &u->list.filter;

	format_filters(sb, f);
	if (f->all_sources)
		strbuf_adds(sb, "  every copy");
	if (f->include_hidden)
		strbuf_adds(sb, "  hidden shown");
	if (f->include_blocked)
		strbuf_adds(sb, "  blocked shown");
	else if (u->blocked)
		strbuf_addf(sb, "  %lld blocked", (long long)u->blocked);
}

static void
draw_status(struct ui *u)
{
	int y = LINES - 1, w = COLS, rw = 0;
	attr_t status = ui_theme_attr(&u->theme, AREA_STATUS);
	attr_t error = ui_theme_attr(&u->theme, AREA_ERROR);
	char right[96], counts[96];
	struct strbuf sb;
	const char *left;

	ui_text_blank(y, 0, w, status);
	if (u->ask != ASK_NONE) {
		char *q = u->ask == ASK_STATUS
			? xstrdup("Status s/a/i/o/r/w/n, Esc: s)aved a)pplied i)nterviewing "
				  "o)ffer r)ejected w)ithdrawn n)one")
			: xasprintf("Block %s? y/n (its postings are hidden everywhere)",
				    u->ask_text);

		ui_text_put(y, 1, w - 1, q, status | A_BOLD, 0);
		free(q);
		return;
	}
	if (u->prompt.active) {
		counts_text(u, right, sizeof(right), false);
		rw = text_width(right) + 2;
		if (rw > w / 2)
			rw = 0;
		ui_prompt_draw(&u->prompt, &u->theme, y, 0, w - rw);
		if (rw)
			ui_text_put_clean(y, w - rw + 1, rw - 1, right, status, 0);
		return;
	}
	*right = '\0';
	if (u->refreshing && u->total)
		snprintf(right, sizeof(right), "refreshing %d/%d", u->done, u->total);
	else if (u->refreshing)
		snprintf(right, sizeof(right), "refreshing");
	if (*right) {
		rw = text_width(right) + 2;
		if (rw > w / 2)
			rw = 0;
		else
			ui_text_put_clean(y, w - rw + 1, rw - 1, right, status, 0);
	}
	counts_text(u, counts, sizeof(counts), true);
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, counts);
	filters_text(u, &sb);
	left = strbuf_str(&sb);
	if (*u->message || *u->error) {
		const char *msg = *u->message ? u->message : u->error;
		bool bad = *u->message ? u->message_error : true;
		int avail = w - rw - 1, lw = text_width(left) + 2;

		/* The message wins the space, but the counts stay when they can. */
		if (lw > avail / 2)
			lw = text_width(counts) + 2;
		if (lw > avail / 2)
			lw = 0;
		if (lw)
			ui_text_put(y, 1, lw - 1, lw == text_width(left) + 2 ? left : counts, status,
				    0);
		ui_text_put(y, 1 + lw, avail - lw, msg, bad ? error : status, 0);
	} else {
		ui_text_put(y, 1, w - rw - 1, left, status, 0);
	}
	strbuf_done(&sb);
}

static void
draw(struct ui *u)
{
	int64_t now = (int64_t)time(NULL);
	attr_t normal = ui_theme_attr(&u->theme, AREA_NORMAL);
	const char *bar = ui_text_unicode() ? "\xE2\x94\x82" : "|";

	erase();
	if (u->help.active) {
		ui_help_draw(&u->help, &u->keys, &u->theme, 0, 0, LINES - 1, COLS);
	} else if (u->pipeline.active) {
		ui_pipeline_draw(&u->pipeline, &u->theme, 0, 0, LINES - 1, COLS, now);
	} else if (u->searches.active) {
		ui_searches_draw(&u->searches, &u->theme, 0, 0, LINES - 1, COLS);
	} else {
		if (u->list_r.h)
			ui_list_draw(&u->list, &u->theme, u->list_r.y, u->list_r.x, u->list_r.h,
				     u->list_r.w, u->focus == PANE_LIST, now);
		if (u->detail_r.h)
			ui_detail_draw(&u->detail, &u->theme, u->detail_r.y, u->detail_r.x,
				       u->detail_r.h, u->detail_r.w, u->focus == PANE_DETAIL);
		if (u->layout == LAYOUT_SIDE)
			for (int y = 0; y < u->list_r.h; y++)
				ui_text_put_clean(y, u->list_r.w, 1, bar, normal, 0);
	}
	draw_status(u);
	if (u->prompt.active) {
		curs_set(1);
		move(LINES - 1, u->prompt.cursor_x);
	} else {
		curs_set(0);
		move(LINES - 1, 0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

static void
resize(struct ui *u)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	layout(u);
}

/* ---- refreshing --------------------------------------------------------------------------- */

/* The first refresh loads the network module and starts the fetcher; when that fails, the
 * status line says why and the next one tries again. */
static void
refresh_start(struct ui *u)
{
	struct jt_err err = { "" };
	struct fetch_options o;

	if (u->refreshing)
		return;
	if (u->app->config.refresh_interval > 0)
		u->next_refresh = mono_now() + (int64_t)u->app->config.refresh_interval * 60;
	if (!u->fetcher) {
		app_fetch_options(u->app, &o);
		if (!(u->net = net_load(&err)) ||
		    u->net->fetch_start(&o, &u->fetcher, &err) != JT_OK) {
			u->fetcher = NULL;
			snprintf(u->error, sizeof(u->error), "cannot refresh: %s", err.msg);
			return;
		}
	}
	u->net->fetch_refresh(u->fetcher, NULL, 0);
	u->refreshing = true;
	u->done = 0;
	u->total = 0;
	u->added = 0;
}

static void
on_fetch_event(struct ui *u, const struct fetch_event *ev)
{
	char label[256];

	switch (ev->type) {
	case EV_REFRESH_START:
		u->refreshing = true;
		u->done = 0;
		u->total = ev->total;
		*u->error = '\0';
		break;
	case EV_FEED_DONE:
		u->done = ev->done;
		u->total = ev->total;
		if (ev->status != JT_OK) {
			feed_label(ev->url, label, sizeof(label));
			snprintf(u->error, sizeof(u->error), "%s: %s", label,
				 ev->message && *ev->message ? ev->message
				 : jt_status_str(ev->status));
		} else if (!ev->not_modified) {
			u->added += ev->added;
			u->data_changed = true;
		}
		break;
	case EV_REFRESH_DONE:
		u->refreshing = false;
		u->data_changed = true;		/* the end of a refresh may prune postings */
		if (ev->status != JT_OK) {
			snprintf(u->error, sizeof(u->error), "refresh failed: %s",
				 ev->message ? ev->message : jt_status_str(ev->status));
		} else if (ev->failed > 1) {
			size_t n = strlen(u->error);

			snprintf(u->error + n, sizeof(u->error) - n, " (%d feeds failed)",
				 ev->failed);
		} else if (!ev->failed && u->added) {
			say(u, false, "%zu new posting%s", u->added, u->added == 1 ? "" : "s");
		}
		break;
	}
}

static void
drain_events(struct ui *u)
{
	struct fetch_event ev;

	if (!u->fetcher)
		return;
	while (u->net->fetch_event_next(u->fetcher, &ev)) {
		on_fetch_event(u, &ev);
		u->net->fetch_event_done(&ev);
	}
}

/* ---- actions ------------------------------------------------------------------------------ */

static void
reload(struct ui *u)
{
	struct jt_err err = { "" };

	store_trouble(u, ui_list_reload(&u->list, &err), &err);
	sync_detail(u, false);
}

static void
refresh_list(struct ui *u)
{
	struct jt_err err = { "" };

	store_trouble(u, ui_list_refresh(&u->list, &err), &err);
	sync_detail(u, true);
}

static void
prompt_changed(void *ctx, const char *text)
{
	struct ui *u = ctx;

	if (u->prompt_kind == PROMPT_KEYWORD)
		ui_list_set_keyword(&u->list, text);
	else if (u->prompt_kind == PROMPT_LOCATION)
		ui_list_set_location(&u->list, text);
	else
		return;
	u->requery = true;
}

static void hunt_changed(struct ui *u, int64_t id);

static void
prompt_finished(void *ctx, const char *text, bool keep)
{
	struct ui *u = ctx;
	struct jt_err err = { "" };
	enum jt_status rc;
	bool replaced = false;

	if (u->prompt_kind == PROMPT_NOTE) {
		if (!keep) {
			say(u, false, "note unchanged");
		} else if ((rc = hunt_note_set(u->store, u->note_id, text, &err)) != JT_OK) {
			store_trouble(u, rc, &err);
		} else {
			say(u, false, *text ? "note saved (the posting is kept for good)"
			    : "note removed");
			hunt_changed(u, u->note_id);
		}
		return;
	}
	if (u->prompt_kind == PROMPT_SEARCH) {
		if (!keep || !*text) {
			say(u, false, "search not saved");
		} else if ((rc = hunt_search_save(u->store, text, &u->list.filter, &replaced,
						   &err)) != JT_OK) {
			store_trouble(u, rc, &err);
		} else {
			char *clean = text_sanitize(text, 0);

			say(u, false, "%s search %s (L lists saved searches)",
			    replaced ? "replaced" : "saved", clean);
			free(clean);
		}
		return;
	}
	prompt_changed(ctx, text);
	if (!keep)
		say(u, false, "filter unchanged");
}

static void
prompt_open(struct ui *u, enum prompt_kind kind)
{
	u->prompt_kind = kind;
	ui_prompt_start(&u->prompt, kind == PROMPT_KEYWORD ? "/" : "location: ",
			kind == PROMPT_KEYWORD ? u->list.keyword : u->list.location,
			prompt_changed, prompt_finished, u);
}

/* Set a flag on the selected posting, in the store first, then in what is on screen. */
static bool
flag_set(struct ui *u, enum job_flag flag, bool on)
{
	const struct job *j = ui_list_selected(&u->list);
	struct jt_err err = { "" };
	enum jt_status rc;
	int64_t id;

	if (!j)
		return false;
	id = j->id;
	rc = store_job_flag_set(u->store, id, flag, on, &err);
	if (rc != JT_OK) {
		store_trouble(u, rc, &err);
		return false;
	}
	ui_list_flag_note(&u->list, id, flag, on);
	ui_detail_flag_note(&u->detail, id, flag, on);
	return true;
}

static const char *
apply_url(const struct job *j)
{
	return j->apply_url && *j->apply_url ? j->apply_url : j->url;
}

static void
toggle_filter(struct ui *u, bool *flag)
{
	*flag = !*flag;
	reload(u);
}

static void
list_or_detail_move(struct ui *u, long delta, int page, int end)
{
	struct jt_err err = { "" };
	enum jt_status rc = JT_OK;

	if (u->focus == PANE_DETAIL && detail_visible(u)) {
		if (end < 0)
			ui_detail_home(&u->detail);
		else if (end > 0)
			ui_detail_end(&u->detail);
		else if (page)
			ui_detail_page(&u->detail, page);
		else
			ui_detail_scroll(&u->detail, delta);
		return;
	}
	if (end < 0)
		rc = ui_list_first(&u->list, &err);
	else if (end > 0)
		rc = ui_list_last(&u->list, &err);
	else if (page)
		rc = ui_list_page(&u->list, page, &err);
	else
		rc = ui_list_move(&u->list, delta, &err);
	store_trouble(u, rc, &err);
	sync_detail(u, false);
}

static void
focus_set(struct ui *u, enum pane pane)
{
	u->focus = pane;
	if (u->layout == LAYOUT_SINGLE)
		layout(u);
	sync_detail(u, false);
}

/* ---- the job hunt ------------------------------------------------------------------------- */

static void act(struct ui *u, enum action a);

/* The posting the job hunt's keys act on: the pipeline's selection, else the list's. */
static const struct job *
hunt_target(const struct ui *u)
{
	const struct hunt_item *it = ui_pipeline_selected(&u->pipeline);

	return it ? &it->job : ui_list_selected(&u->list);
}

static void
count_blocked(struct ui *u)
{
	struct jt_err err = { "" };
	enum jt_status rc = hunt_blocked_count(u->store, &u->blocked, &err);

	store_trouble(u, rc, &err);
}

/* A status, a note or a star of posting id changed: show it wherever it is on screen. */
static void
hunt_changed(struct ui *u, int64_t id)
{
	struct jt_err err = { "" };
	const struct job *shown = ui_detail_job(&u->detail);

	refresh_list(u);
	if (shown && shown->id == id)
		store_trouble(u, ui_detail_show(&u->detail, u->store, id, true, &err), &err);
	if (u->pipeline.active)
		store_trouble(u, ui_pipeline_open(&u->pipeline, u->store, id, &err), &err);
	count_blocked(u);
}

/* The whole of a small file (at most cap bytes); NULL when it cannot be read or is larger. */
static char *
slurp(const char *path, size_t cap, bool *toobig)
{
	struct strbuf sb;
	char buf[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*toobig = false;
	if (fd < 0)
		return NULL;
	strbuf_init(&sb, cap);
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || !strbuf_add(&sb, buf, (size_t)n)) {
			*toobig = n > 0;
			close(fd);
			strbuf_done(&sb);
			return NULL;
		}
	}
	close(fd);
	return strbuf_detach(&sb, NULL);
}

/* Edit posting id's note in $EDITOR, through a private temporary file. */
static void
note_in_editor(struct ui *u, int64_t id, const char *editor, const char *note)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/jobterm-note-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	char msg[600], *text;
	struct jt_err err = { "" };
	enum jt_status rc;
	bool toobig, written;
	int fd = mkstemp(path);

	if (fd < 0) {
		say(u, true, "cannot make a file for the note: %s", strerror(errno));
		free(path);
		return;
	}
	written = !note || (write(fd, note, strlen(note)) == (ssize_t)strlen(note) &&
			    write(fd, "\n", 1) == 1);
	if (close(fd) != 0 || !written) {
		say(u, true, "cannot write the note to %s", path);
	} else if (!ui_edit_file(editor, path, msg, sizeof(msg))) {
		say(u, true, "%s; note unchanged", msg);
	} else if (!(text = slurp(path, HUNT_NOTE_MAX, &toobig))) {
		say(u, true, toobig ? "the note is longer than 64 KB; unchanged"
		    : "cannot read the note back; unchanged");
	} else {
		if ((rc = hunt_note_set(u->store, id, text, &err)) != JT_OK) {
			store_trouble(u, rc, &err);
		} else {
			say(u, false, "note saved (the posting is kept for good)");
			hunt_changed(u, id);
		}
		free(text);
	}
	unlink(path);
	free(path);
}

/* Whether posting id has a note (which keeps it starred). */
static bool
has_note(struct ui *u, int64_t id)
{
	struct hunt_info info;
	bool note;

	hunt_info_init(&info);
	note = hunt_info_get(u->store, id, &info, NULL) == JT_OK && info.note;
	hunt_info_done(&info);
	return note;
}

/* n: the note of posting id, in $EDITOR when set, else on the status line. */
static void
note_edit(struct ui *u, int64_t id)
{
	const char *editor = getenv("EDITOR");
	struct hunt_info info;
	struct jt_err err = { "" };
	enum jt_status rc;

	hunt_info_init(&info);
	if ((rc = hunt_info_get(u->store, id, &info, &err)) != JT_OK) {
		store_trouble(u, rc, &err);
	} else if (editor && *editor) {
		note_in_editor(u, id, editor, info.note);
	} else if (info.note && (strchr(info.note, '\n') || strlen(info.note) > PROMPT_MAX)) {
		say(u, true, "this note has several lines: set EDITOR to edit it");
	} else {
		u->note_id = id;
		u->prompt_kind = PROMPT_NOTE;
		ui_prompt_start(&u->prompt, "note: ", info.note, NULL, prompt_finished, u);
	}
	hunt_info_done(&info);
}

/* b, confirmed: block the company of posting id, in the config file and at once. */
static void
block_company(struct ui *u, int64_t id)
{
	struct jt_err err = { "" }, saved = { "" };
	struct job j;
	enum jt_status rc;
	int64_t before = u->blocked;
	bool in_config;
	char *name;

	job_init(&j);
	if ((rc = store_job_get(u->store, id, &j, &err)) != JT_OK) {
		store_trouble(u, rc, &err);
		return;
	}
	name = text_sanitize(j.company, 0);
	job_done(&j);
	in_config = config_append(u->app->paths.config, "block-company", name, &saved) == JT_OK;
	if ((rc = hunt_block_add(u->store, HUNT_BLOCK_COMPANY, name, NULL, NULL, &err)) != JT_OK) {
		store_trouble(u, rc, &err);
		free(name);
		return;
	}
	count_blocked(u);
	refresh_list(u);
	if (!in_config)
		say(u, true, "blocked %s until jobterm restarts; not saved: %s", name, saved.msg);
	else
		say(u, false, "blocked %s: %lld hidden (B shows them; the config file lists "
		    "blocks)", name, (long long)(u->blocked - before));
	free(name);
}

/* The answer to the question on the status line. */
static void
ask_key(struct ui *u, int key)
{
	enum ask_kind ask = u->ask;
	enum track_status status = TRACK_COUNT_;
	struct jt_err err = { "" };
	enum jt_status rc;

	u->ask = ASK_NONE;
	if (ask == ASK_BLOCK) {
		if (key == 'y' || key == 'Y')
			block_company(u, u->ask_id);
		else
			say(u, false, "not blocked");
		return;
	}
	if (key == 'n')
		status = TRACK_NONE;
	for (int i = TRACK_NONE + 1; i < TRACK_COUNT_; i++)
		if (key == hunt_status_key((enum track_status)i))
			status = (enum track_status)i;
	if (status == TRACK_COUNT_) {
		say(u, false, "status unchanged");
		return;
	}
	if ((rc = hunt_track_set(u->store, u->ask_id, status, &err)) != JT_OK) {
		store_trouble(u, rc, &err);
		return;
	}
	if (status == TRACK_NONE)
		say(u, false, "no longer tracked (still starred; f unstars it)");
	else
		say(u, false, "status: %s (kept for good; P shows the pipeline)",
		    hunt_status_name(status));
	hunt_changed(u, u->ask_id);
}

/* Enter in the saved searches: its filters replace the list's, and it counts as opened. */
static void
search_apply(struct ui *u, const struct hunt_search *h)
{
	struct job_filter *f = &u->list.filter;
	struct jt_err err = { "" };
	char *name = text_sanitize(h->name, 0);
	int64_t fresh = h->fresh;

	ui_list_set_keyword(&u->list, h->keyword);
	ui_list_set_location(&u->list, h->location);
	ui_list_set_company(&u->list, h->company);
	f->remote_only = h->filter.remote_only;
	f->favourites_only = h->filter.favourites_only;
	f->unread_only = h->filter.unread_only;
	f->since_days = h->filter.since_days;
	f->min_salary = h->filter.min_salary;
	f->status = h->filter.status;
	f->sort = h->filter.sort;
	store_trouble(u, hunt_search_opened(u->store, h->name, (int64_t)time(NULL), &err), &err);
	ui_searches_close(&u->searches);
	reload(u);
	say(u, false, "search %s: %lld new since it was last opened", name, (long long)fresh);
	free(name);
}

static void
pipeline_key(struct ui *u, int key)
{
	enum action a = ui_keymap_lookup(&u->keys, key);
	const struct hunt_item *it = ui_pipeline_selected(&u->pipeline);
	long page = u->pipeline.height > 1 ? u->pipeline.height - 1 : 1;
	struct jt_err err = { "" };
	char msg[1200];
	int64_t id;

	switch (a) {
	case ACT_DOWN:
	case ACT_UP:
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_pipeline_move(&u->pipeline, a == ACT_DOWN ? 1 : a == ACT_UP ? -1
				 : a == ACT_PAGE_DOWN ? page : -page);
		break;
	case ACT_FIRST:
	case ACT_LAST:
		ui_pipeline_move(&u->pipeline, a == ACT_FIRST ? -INT32_MAX : INT32_MAX);
		break;
	case ACT_TRACK:
	case ACT_NOTE:
		act(u, a);
		break;
	case ACT_BROWSE:
	case ACT_COPY:
		if (!it)
			break;
		if (a == ACT_BROWSE) {
			ui_open_url(apply_url(&it->job), msg, sizeof(msg));
			say(u, strncmp(msg, "opened", 6) != 0, "%s", msg);
		} else {
			ui_copy_url(apply_url(&it->job), msg, sizeof(msg));
			say(u, !strncmp(msg, "not ", 4) || !strncmp(msg, "could", 5), "%s", msg);
		}
		break;
	case ACT_OPEN:
		if (!it)
			break;
		id = it->job.id;
		ui_pipeline_close(&u->pipeline);
		focus_set(u, PANE_DETAIL);
		store_trouble(u, ui_detail_show(&u->detail, u->store, id, true, &err), &err);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		ui_pipeline_close(&u->pipeline);
		sync_detail(u, false);
		break;
	}
}

static void
searches_key(struct ui *u, int key)
{
	enum action a = ui_keymap_lookup(&u->keys, key);
	const struct hunt_search *h = ui_searches_selected(&u->searches);
	struct jt_err err = { "" };
	enum jt_status rc;
	char *name;

	switch (a) {
	case ACT_DOWN:
	case ACT_UP:
		ui_searches_move(&u->searches, a == ACT_DOWN ? 1 : -1);
		break;
	case ACT_FIRST:
	case ACT_LAST:
		ui_searches_move(&u->searches, a == ACT_FIRST ? -INT32_MAX : INT32_MAX);
		break;
	case ACT_OPEN:
		if (h)
			search_apply(u, h);
		break;
	case ACT_HIDE:
		if (!h)
			break;
		name = xstrdup(h->name);
		rc = hunt_search_remove(u->store, name, &err);
		if (rc == JT_OK)
			rc = ui_searches_open(&u->searches, u->store, &err);
		store_trouble(u, rc, &err);
		if (rc == JT_OK) {
			char *clean = text_sanitize(name, 0);

			say(u, false, "removed saved search %s", clean);
			free(clean);
		}
		free(name);
		break;
	default:
		ui_searches_close(&u->searches);
		break;
	}
}

static void
act(struct ui *u, enum action a)
{
	const struct job *j = ui_list_selected(&u->list);
	struct job_filter *f = &u->list.filter;
	struct jt_err err = { "" };
	char msg[1200];

	switch (a) {
	case ACT_DOWN:
		list_or_detail_move(u, 1, 0, 0);
		break;
	case ACT_UP:
		list_or_detail_move(u, -1, 0, 0);
		break;
	case ACT_PAGE_DOWN:
		list_or_detail_move(u, 0, 1, 0);
		break;
	case ACT_PAGE_UP:
		list_or_detail_move(u, 0, -1, 0);
		break;
	case ACT_FIRST:
		list_or_detail_move(u, 0, 0, -1);
		break;
	case ACT_LAST:
		list_or_detail_move(u, 0, 0, 1);
		break;
	case ACT_OPEN:
		if (!j)
			break;
		if (!j->read)
			flag_set(u, JOB_FLAG_READ, true);
		focus_set(u, PANE_DETAIL);
		break;
	case ACT_BACK:
		focus_set(u, PANE_LIST);
		break;
	case ACT_FOCUS:
		focus_set(u, u->focus == PANE_LIST ? PANE_DETAIL : PANE_LIST);
		break;
	case ACT_SEARCH:
		prompt_open(u, PROMPT_KEYWORD);
		break;
	case ACT_LOCATION:
		prompt_open(u, PROMPT_LOCATION);
		break;
	case ACT_REMOTE_ONLY:
		toggle_filter(u, &f->remote_only);
		break;
	case ACT_FAVOURITES_ONLY:
		toggle_filter(u, &f->favourites_only);
		break;
	case ACT_UNREAD_ONLY:
		toggle_filter(u, &f->unread_only);
		break;
	case ACT_SORT:
		ui_list_sort_next(&u->list);
		reload(u);
		break;
	case ACT_CLEAR:
		ui_list_set_keyword(&u->list, NULL);
		ui_list_set_location(&u->list, NULL);
		ui_list_set_company(&u->list, NULL);
		f->remote_only = f->favourites_only = f->unread_only = false;
		f->include_blocked = f->include_hidden = false;
		f->all_sources = !u->app->config.group_duplicates;
		f->since_days = f->status = 0;
		f->min_salary = 0;
		if (f->sort == SORT_RELEVANCE)
			f->sort = SORT_DATE;
		say(u, false, "filters cleared");
		reload(u);
		break;
	case ACT_SHOW_BLOCKED:
	case ACT_ALL_SOURCES:
	case ACT_SHOW_HIDDEN:
		if (a == ACT_SHOW_BLOCKED)
			f->include_blocked = !f->include_blocked;
		else if (a == ACT_ALL_SOURCES)
			f->all_sources = !f->all_sources;
		else
			f->include_hidden = !f->include_hidden;
		reload(u);
		say(u, false, "%s", a == ACT_SHOW_BLOCKED
		    ? (f->include_blocked ? "blocked postings shown" : "blocked postings hidden")
		    : a == ACT_ALL_SOURCES
		    ? (f->all_sources ? "every board's copy of a job listed"
		       : "one row per job, however many boards carry it")
		    : (f->include_hidden ? "hidden postings shown (x shows one again for good)"
		       : "hidden postings left out"));
		break;
	case ACT_TRACK:
		if ((j = hunt_target(u))) {
			u->ask = ASK_STATUS;
			u->ask_id = j->id;
		}
		break;
	case ACT_NOTE:
		if ((j = hunt_target(u)))
			note_edit(u, j->id);
		break;
	case ACT_BLOCK:
		if (!j)
			break;
		if (!j->company || !*j->company) {
			say(u, true, "this posting names no company to block");
			break;
		}
		u->ask = ASK_BLOCK;
		u->ask_id = j->id;
		string_copy(u->ask_text, j->company);
		break;
	case ACT_PIPELINE:
		store_trouble(u, ui_pipeline_open(&u->pipeline, u->store, 0, &err), &err);
		break;
	case ACT_SAVE_SEARCH:
		u->prompt_kind = PROMPT_SEARCH;
		ui_prompt_start(&u->prompt, "save search as: ", NULL, NULL, prompt_finished, u);
		break;
	case ACT_SEARCHES:
		store_trouble(u, ui_searches_open(&u->searches, u->store, &err), &err);
		break;
	case ACT_FAVOURITE:
		if (j && j->status != TRACK_NONE && j->favourite) {
			say(u, true, "a tracked posting stays starred: a, then n, stops "
			    "tracking it");
			break;
		}
		if (j && j->favourite && has_note(u, j->id)) {
			say(u, true, "a posting with a note stays starred: n, then an empty note, "
			    "removes it");
			break;
		}
		if (j && flag_set(u, JOB_FLAG_FAVOURITE, !j->favourite)) {
			j = ui_list_selected(&u->list);
			say(u, false, "%s", j->favourite ? "starred (kept for good)" : "unstarred");
			count_blocked(u);
			if (f->favourites_only)
				refresh_list(u);
		}
		break;
	case ACT_BROWSE:
		if (!j)
			break;
		ui_open_url(apply_url(j), msg, sizeof(msg));
		say(u, strncmp(msg, "opened", 6) != 0, "%s", msg);
		break;
	case ACT_COPY:
		if (!j)
			break;
		ui_copy_url(apply_url(j), msg, sizeof(msg));
		say(u, !strncmp(msg, "not ", 4) || !strncmp(msg, "could", 5), "%s", msg);
		break;
	case ACT_READ:
		if (j && flag_set(u, JOB_FLAG_READ, !j->read)) {
			j = ui_list_selected(&u->list);
			say(u, false, "marked %s", j->read ? "read" : "unread");
			if (f->unread_only)
				refresh_list(u);
		}
		break;
	case ACT_HIDE:
		if (j && flag_set(u, JOB_FLAG_HIDDEN, !j->hidden)) {
			j = ui_list_selected(&u->list);
			say(u, false, "%s", j && j->hidden ? "hidden (H shows hidden postings)"
			    : "shown again");
			refresh_list(u);
		}
		break;
	case ACT_REFRESH:
		refresh_start(u);
		break;
	case ACT_HELP:
		ui_help_open(&u->help);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_QUIT:
		u->quit = true;
		break;
	default:
		break;
	}
}

static void
on_mouse(struct ui *u)
{
	MEVENT me;
	const struct rect *l = &u->list_r, *d = &u->detail_r;
	bool in_list, in_detail;

	if (getmouse(&me) != OK || u->help.active || u->prompt.active || u->pipeline.active ||
	    u->searches.active || u->ask != ASK_NONE)
		return;
	in_list = l->h && me.y >= l->y && me.y < l->y + l->h && me.x >= l->x &&
		  me.x < l->x + l->w;
	in_detail = d->h && me.y >= d->y && me.y < d->y + d->h && me.x >= d->x &&
		    me.x < d->x + d->w;
	if (me.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		long delta = me.bstate & BUTTON4_PRESSED ? -WHEEL_ROWS : WHEEL_ROWS;
		struct jt_err err = { "" };

		if (in_detail) {
			ui_detail_scroll(&u->detail, delta);
		} else if (in_list) {
			store_trouble(u, ui_list_move(&u->list, delta, &err), &err);
			sync_detail(u, false);
		}
	} else if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
		if (in_list) {
			u->focus = PANE_LIST;
			if (ui_list_click(&u->list, me.y - l->y - 1))
				sync_detail(u, false);
		} else if (in_detail) {
			u->focus = PANE_DETAIL;
		}
	}
}

static void
on_key(struct ui *u, int key)
{
	if (key == KEYS_FN + KEY_RESIZE) {
		/* curses has the new size already (resizeterm() queues this key). */
		layout(u);
		return;
	}
	if (key == KEYS_FN + KEY_MOUSE) {
		on_mouse(u);
		return;
	}
	*u->message = '\0';
	if (u->ask != ASK_NONE) {
		ask_key(u, key);
		return;
	}
	if (u->prompt.active) {
		ui_prompt_key(&u->prompt, key);
		return;
	}
	if (u->help.active) {
		ui_help_key(&u->help, &u->keys, key);
		return;
	}
	if (u->pipeline.active) {
		pipeline_key(u, key);
		return;
	}
	if (u->searches.active) {
		searches_key(u, key);
		return;
	}
	act(u, ui_keymap_lookup(&u->keys, key));
}

/* Read the list again if the filter changed since it was last read. */
static void
requery(struct ui *u)
{
	if (u->requery) {
		u->requery = false;
		reload(u);
	}
}

static void
read_keys(struct ui *u)
{
	wint_t wch;
	int rc;

	/* Typing into a filter re-reads the list once for a burst of keys, but a key after the
	 * prompt closed acts on the list that filter selects. */
	while (!u->quit && (rc = get_wch(&wch)) != ERR) {
		if (!u->prompt.active)
			requery(u);
		on_key(u, ui_key_from_curses(rc, wch));
	}
	requery(u);
}

/* ---- start, loop, end --------------------------------------------------------------------- */

/* Ctrl-S and Ctrl-Q are keys, not the terminal's flow control (which would freeze the
 * screen until Ctrl-Q); endwin() puts the terminal's own settings back. */
static void
flow_control_off(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
}

static bool
screen_start(struct ui *u)
{
	if (!(u->screen = newterm(NULL, stdout, stdin)))
		return false;
	die_hook_set(restore_terminal);
	cbreak();
	noecho();
	flow_control_off();
	def_prog_mode();	/* and so after $EDITOR or a suspend too */
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	ui_keys_define_extra();
	ui_theme_start(&u->theme);
	if (u->app->config.mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
			  NULL);
		mouseinterval(0);
	}
	return true;
}

static int
poll_timeout(const struct ui *u)
{
	int64_t wait = 60;	/* redraw each minute anyway: ages change */

	if (u->next_refresh) {
		int64_t left = u->next_refresh - mono_now();

		if (left < wait)
			wait = left > 0 ? left : 0;
	}
	return (int)(wait * 1000);
}

/*
 * The list's counts, once they are due and no key is waiting: a count reads every match where
 * the list reads a screenful, so typing repaints the list at once and the count follows when
 * the typing pauses.
 */
static void
count_when_idle(struct ui *u)
{
	struct pollfd in = { .fd = STDIN_FILENO, .events = POLLIN };
	struct jt_err err = { "" };

	if (!u->list.count_due || poll(&in, 1, 0) != 0)
		return;
	store_trouble(u, ui_list_count(&u->list, &err), &err);
	draw(u);
}

static void
loop(struct ui *u)
{
	while (!u->quit && !got_quit) {
		int wake = u->fetcher ? u->net->fetch_wake_fd(u->fetcher) : -1;
		struct pollfd fds[3] = {
			{ .fd = STDIN_FILENO, .events = POLLIN },
			{ .fd = sig_pipe[0], .events = POLLIN },
			{ .fd = wake, .events = POLLIN },
		};

		if (got_winch || got_cont) {
			got_winch = got_cont = 0;
			resize(u);
		}
		if (u->data_changed) {
			u->data_changed = false;
			refresh_list(u);
			count_blocked(u);
		}
		draw(u);
		count_when_idle(u);
		if (poll(fds, 3, poll_timeout(u)) < 0 && errno != EINTR)
			break;
		if (fds[1].revents)
			signals_drain();
		if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			u->quit = true;
		if (fds[0].revents & POLLIN)
			read_keys(u);
		if (fds[2].revents)
			drain_events(u);
		if (u->next_refresh && mono_now() >= u->next_refresh) {
			if (u->refreshing)
				u->next_refresh = mono_now() + 60;
			else
				refresh_start(u);
		}
	}
}

int
ui_run(struct app *app)
{
	struct ui u;
	struct jt_err err = { "" };
	enum jt_status rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("jobterm: the terminal UI needs a terminal (see jobterm --help for the "
		      "commands)\n", stderr);
		return 1;
	}
	memset(&u, 0, sizeof(u));
	u.app = app;
	ui_keymap_init(&u.keys);
	ui_theme_init(&u.theme);
	ui_keys_configure(&u.keys, &u.theme, &app->config, app_warn, app);
	/* Those printed on stderr went by before the screen opened: the first, and how many. */
	if (app->warnings == 1)
		say(&u, true, "config: %s", app->first_warning);
	else if (app->warnings)
		say(&u, true, "config: %s (and %zu more, all on stderr)",
		    app->first_warning, app->warnings - 1);
	rc = app_store_open(app, &u.store, &err);
	if (rc != JT_OK) {
		char *clean = text_sanitize(err.msg, 0);

		fprintf(stderr, "jobterm: %s\n", clean);
		free(clean);
		ui_keymap_done(&u.keys);
		return 1;
	}
	ui_list_init(&u.list, u.store);
	u.list.filter.all_sources = !app->config.group_duplicates;
	ui_detail_init(&u.detail);
	ui_prompt_init(&u.prompt);
	ui_pipeline_init(&u.pipeline);
	ui_searches_init(&u.searches);
	if (!signals_start() || !screen_start(&u)) {
		fputs("jobterm: cannot start the terminal UI\n", stderr);
		signals_stop();
		ui_list_done(&u.list);
		ui_detail_done(&u.detail);
		ui_pipeline_done(&u.pipeline);
		ui_searches_done(&u.searches);
		store_close(u.store);
		ui_keymap_done(&u.keys);
		return 1;
	}

	/* The first screen comes from the cache, before any network activity. */
	if (hunt_blocks_sync(u.store, &app->config, &err) != JT_OK)
		say(&u, true, "cannot apply the blocked companies and words: %s", err.msg);
	count_blocked(&u);
	layout(&u);
	reload(&u);
	draw(&u);

	if (app->config.refresh_on_start)
		refresh_start(&u);
	else if (app->config.refresh_interval > 0)
		u.next_refresh = mono_now() + (int64_t)app->config.refresh_interval * 60;

	loop(&u);

	/* Stop the fetcher (prompt even mid-download), close the store, then the screen. */
	if (u.fetcher)
		u.net->fetch_stop(u.fetcher);
	ui_list_done(&u.list);
	ui_detail_done(&u.detail);
	ui_prompt_done(&u.prompt);
	ui_pipeline_done(&u.pipeline);
	ui_searches_done(&u.searches);
	store_close(u.store);
	endwin();
	delscreen(u.screen);
	die_hook_set(NULL);
	signals_stop();
	ui_keymap_done(&u.keys);
	return got_quit && !u.quit ? 128 + (int)got_quit : 0;
}
