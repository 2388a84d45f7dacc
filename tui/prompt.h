/*
 * A one-line input on the status line, with the editing keys of a shell: insert, Backspace,
 * Delete, Left, Right, Home/C-a, End/C-e, C-u (to the start), C-k (to the end), C-w (the
 * word before the cursor). Enter keeps the text, Esc (or C-g) puts back what was there
 * before. A callback runs after every change, so a filter can follow the typing. Text is
 * edited as code points and measured by display width. UI thread only.
 */
#ifndef TUI_PROMPT_H
#define TUI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/keys.h"

#define PROMPT_MAX	200	/* characters */

struct ui_prompt {
	bool active;
	char label[32];			/* shown before the text, e.g. "/" */
	uint32_t buf[PROMPT_MAX];	/* the text, code points */
	size_t len;			/* characters in buf */
	size_t pos;			/* the cursor, 0..len */
	size_t first;			/* the first character shown */
	char *initial;			/* the text before editing (owned) */
	void (*on_change)(void *ctx, const char *text);
	void (*on_done)(void *ctx, const char *text, bool keep);
	void *ctx;
	int cursor_x;			/* screen column of the cursor, after draw */
};

void ui_prompt_init(struct ui_prompt *p);
void ui_prompt_done(struct ui_prompt *p);

/*
 * Start editing `initial` (NULL = "") after `label`. on_change(ctx, text) runs after each
 * change; on_done(ctx, text, keep) once at the end with the kept text (keep true) or the
 * initial one (keep false). text is borrowed for the call.
 */
void ui_prompt_start(struct ui_prompt *p, const char *label, const char *initial,
		     void (*on_change)(void *ctx, const char *text),
		     void (*on_done)(void *ctx, const char *text, bool keep), void *ctx);
/* Handle one key (see keys.h) while active; every key is taken. */
void ui_prompt_key(struct ui_prompt *p, int key);
/* The text as UTF-8; the caller frees it. */
char *ui_prompt_text(const struct ui_prompt *p);
/* Draw label and text in w columns at (y, x) and note where the cursor goes. */
void ui_prompt_draw(struct ui_prompt *p, const struct theme *t, int y, int x, int w);

#endif
