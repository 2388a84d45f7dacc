/*
 * jobterm's entry point: global options, then a headless command or the terminal UI.
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/text.h"
#include "tui/app.h"
#include "tui/cli.h"
#include "tui/net.h"
#include "tui/ui.h"

static const char usage[] =
"usage: jobterm [--db FILE] [--config FILE] [COMMAND [ARGS]]\n"
"\n"
"With no command, open the terminal UI over the cached postings.\n"
"\n"
"Commands:\n"
"  fetch [URL|FILE...]        refresh every configured feed (or just these)\n"
"  list [FILTERS] [--sort date|salary|relevance|company] [--limit N]\n"
"       [--format table|json|csv] [--search NAME [--new]]\n"
"                             list cached postings, newest first, one row per job\n"
"       filters: --keyword WORDS  --location PLACE  --company NAME  --remote\n"
"                --favourites  --unread  --hidden  --since DAYS  --min-salary YEARLY\n"
"                --status STATUS|tracked  --no-group (every board's copy)\n"
"                --blocked (blocked companies and words too)\n"
"  show ID [--format text|json]\n"
"                             one posting with its description\n"
"  fav add ID | fav rm ID     star or unstar a posting (kept offline for good)\n"
"  hide ID | unhide ID        leave a posting out of every list (--hidden shows it), or not\n"
"  track ID STATUS [--note TEXT]\n"
"                             saved, applied, interviewing, offer, rejected,\n"
"                             withdrawn or none (tracked postings are kept)\n"
"  search save NAME [FILTERS] | search list [--format text|json] | search rm NAME\n"
"                             saved searches and what is new in each\n"
"  export [FILTERS] [--all] [--search NAME] [--format csv|json|markdown]\n"
"                             favourites (or what the filters select), with\n"
"                             their status and note\n"
"  feeds [list] [--format text|json]\n"
"  feeds add URL [--name NAME] [--format FORMAT]\n"
"  feeds rm URL               manage the feed list (http, https or file URLs)\n"
"  feeds import FILE | feeds export\n"
"                             read or write the feed list as OPML\n"
"\n"
"Options:\n"
"  --db FILE       the database (default $XDG_DATA_HOME/jobterm/jobterm.db)\n"
"  --config FILE   the config file (default $XDG_CONFIG_HOME/jobterm/config)\n"
"  -h, --help      this help\n"
"  -V, --version   the version\n"
"\n"
"Exit status: 0 success, 1 failure (fetch: any feed failed), 2 usage error.\n"
"See jobterm(1) for keys, the config file and feed formats.\n";

int
main(int argc, char **argv)
{
	const char *db = NULL, *config = NULL;
	char **rest = calloc((size_t)argc + 1, sizeof(*rest));
	int nrest = 0, status;
	struct app app;
	struct jt_err err = { "" };

	if (!rest)
		return 1;
	setlocale(LC_ALL, "");
	signal(SIGPIPE, SIG_IGN);
	/* --db and --config may come anywhere; everything else is the command's. */
	for (int i = 1; i < argc; i++) {
		const char **slot = !strncmp(argv[i], "--db", 4) ? &db
				  : !strncmp(argv[i], "--config", 8) ? &config : NULL;
		size_t n = slot == &db ? 4 : 8;

		if (slot && argv[i][n] == '=') {
			*slot = argv[i] + n + 1;
		} else if (slot && !argv[i][n]) {
			if (i + 1 >= argc) {
				fprintf(stderr, "jobterm: %s needs a value\n", argv[i]);
				free(rest);
				return 2;
			}
			*slot = argv[++i];
		} else if (!nrest && (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))) {
			fputs(usage, stdout);
			free(rest);
			return 0;
		} else if (!nrest && (!strcmp(argv[i], "--version") || !strcmp(argv[i], "-V"))) {
			puts(PACKAGE_NAME " " PACKAGE_VERSION);
			free(rest);
			return 0;
		} else {
			rest[nrest++] = argv[i];
		}
	}
	if (nrest && !cli_is_command(rest[0])) {
		char *clean = text_sanitize(rest[0], 0);

		fprintf(stderr, "jobterm: unknown command or option %s\nTry 'jobterm --help'.\n",
			clean);
		free(clean);
		free(rest);
		return 2;
	}
	if (app_init(&app, db, config, &err) != JT_OK) {
		char *clean = text_sanitize(err.msg, 0);

		fprintf(stderr, "jobterm: %s\n", clean);
		free(clean);
		free(rest);
		return 1;
	}
	status = nrest ? cli_run(&app, nrest, rest) : ui_run(&app);
	net_done();
	app_done(&app);
	free(rest);
	return status;
}
