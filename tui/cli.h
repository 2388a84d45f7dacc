/*
 * The headless commands (fetch, list, show, fav, feeds): the scripting contract documented
 * in jobterm(1). Main thread; no curses.
 */
#ifndef TUI_CLI_H
#define TUI_CLI_H

#include <stdbool.h>

#include "tui/app.h"

/* True when name is a headless command. */
bool cli_is_command(const char *name);

/*
 * Run the command argv[0] with its arguments argv[1..argc). Returns the exit status: 0 done,
 * 1 failed (a message is on stderr), 2 usage error.
 */
int cli_run(struct app *app, int argc, char **argv);

#endif
