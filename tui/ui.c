#include "config.h"
#include "tui/ui.h"
#include <stdio.h>
int
ui_run(struct app *app)
{
	(void)app;
	fputs("jobterm: the terminal UI is not built yet\n", stderr);
	return 1;
}
