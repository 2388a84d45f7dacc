/*
 * Handing a posting's link to the outside: the browser, or the terminal's clipboard; and
 * handing a note to the user's editor.
 *
 * Only links that fetch_url_openable() accepts (http and https, no controls or spaces)
 * leave jobterm; anything else is refused with a reason. Main (UI) thread only, while
 * curses is active.
 */
#ifndef TUI_OPEN_H
#define TUI_OPEN_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Open url in $BROWSER (one program name, the part before any ':'), else xdg-open: the
 * program is found on PATH, then run with exactly {program, url} as its arguments, no
 * shell, with the terminal handed over to it (endwin) and taken back afterwards (the
 * caller redraws the screen). Waits for it. True when it ran and exited 0; otherwise msg
 * (size bytes, always set) says what happened, in words.
 */
bool ui_open_url(const char *url, char *msg, size_t size);

/*
 * Copy url to the clipboard with OSC 52 when the terminal says it can (terminfo Ms), and
 * put the link into msg either way so the status line shows it. Returns false when the
 * link was refused (msg says why) or no copy could be made (msg shows the link).
 */
bool ui_copy_url(const char *url, char *msg, size_t size);

/*
 * Run editor (the words of $EDITOR, split at blanks: "vim", "emacs -nw") with the words and
 * then path as its arguments, no shell, the terminal handed over to it and taken back. Waits
 * for it. True when it exited 0; otherwise msg (size bytes) says what happened.
 */
bool ui_edit_file(const char *editor, const char *path, char *msg, size_t size);

#endif
