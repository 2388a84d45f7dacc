/*
 * The configuration file: its syntax and the options it sets.
 *
 * A config file is lines of words (tig style); `#` starts a comment, double quotes group
 * words and `\"` / `\\` escape inside them:
 *
 *	set refresh-interval = 30
 *	bind F favourites-only
 *	color title yellow default bold
 *
 * `set` lines are applied here through the option table (OPTION_INFO). The other directives
 * are kept as words: `bind` and `color` for the terminal UI to apply, since only it knows keys
 * and colours, and `block-company "NAME"` and `block-word WORD` (one word each) for the job
 * hunt's block list (store/hunt.h). Mistakes are warnings "FILE:LINE: message", never fatal:
 * a bad line is skipped and the rest still applies. No I/O besides reading the named file,
 * and config_append() writing it. Any thread.
 */
#ifndef STORE_CONFIG_H
#define STORE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "store/status.h"

/* name, config name, type (INT or BOOL), default, minimum, maximum, help */
#define OPTION_INFO(_) \
	_(refresh_interval, "refresh-interval", INT, 60, 0, 10080, \
	  "minutes between background refreshes while the UI is open (0: only at start and on r)") \
	_(refresh_on_start, "refresh-on-start", BOOL, 1, 0, 1, \
	  "refresh every feed in the background when the UI opens") \
	_(prune_days, "prune-days", INT, 90, 0, 36500, \
	  "days a posting is kept after its feed stopped carrying it (0: forever); never favourites") \
	_(timeout, "timeout", INT, 120, 1, 3600, "seconds a feed download may take in all") \
	_(connect_timeout, "connect-timeout", INT, 15, 1, 600, "seconds to connect to a server") \
	_(stall_timeout, "stall-timeout", INT, 30, 1, 3600, \
	  "seconds a download may stall (under 64 bytes a second) before it is dropped") \
	_(max_download_mb, "max-download-mb", INT, 64, 1, 4096, \
	  "most megabytes one feed may download, after decompression") \
	_(max_redirects, "max-redirects", INT, 5, 0, 50, "most redirects followed per download") \
	_(max_parallel, "max-parallel", INT, 8, 1, 64, "feeds downloaded at once") \
	_(max_per_host, "max-per-host", INT, 2, 1, 16, "feeds downloaded at once from one host") \
	_(max_pages, "max-pages", INT, 20, 1, 1000, \
	  "pages followed for a paginated feed (JSON Feed next_url, API cursors)") \
	_(mouse, "mouse", BOOL, 1, 0, 1, "click to select, wheel to scroll") \
	_(group_duplicates, "group-duplicates", BOOL, 1, 0, 1, \
	  "one row per job when several boards carry it (D, --no-group: every copy)")

#define OPTION_FIELD(name, cname, type, def, min, max, help) int name;
struct config {
	OPTION_INFO(OPTION_FIELD)
	struct config_line *lines;	/* bind, color and block-* lines, in file order (owned) */
	size_t nlines;
	size_t warnings;		/* how many lines were skipped */
};
#undef OPTION_FIELD

struct config_line {
	char *file;			/* where it came from, for warnings */
	int lineno;
	int argc;
	char **argv;			/* argv[0] is the directive */
};

struct config_option {
	const char *name;		/* as written in the file */
	bool is_bool;
	int def, min, max;
	const char *help;
};

/* The option table, NULL-named at the end, for the man page check and --help. */
extern const struct config_option config_options[];

/* Defaults for every option, and no lines. */
void config_init(struct config *c);
void config_done(struct config *c);

/*
 * Apply text[0..len) (named `file` in warnings) to c. Warnings go to warn(ctx, message) as
 * "FILE:LINE: message", one call each (warn may be NULL). Never fails.
 */
void config_parse(struct config *c, const char *file, const char *text, size_t len,
		  void (*warn)(void *ctx, const char *msg), void *ctx);

/*
 * Read and apply the file at path. JT_ERR_NOTFOUND (err says so) when it does not exist,
 * JT_ERR_IO when it cannot be read; c is unchanged then.
 */
enum jt_status config_load(struct config *c, const char *path,
			   void (*warn)(void *ctx, const char *msg), void *ctx, struct jt_err *err);

/* Split one line into words as the parser does; *argv (owned, argc entries) is the caller's. */
int config_split(const char *line, size_t len, char ***argv, const char **error);

/*
 * Append the line `directive "value"` to the config file at path (created with its directory
 * when missing). value is sanitised (no control characters or line breaks) and quoted so
 * that config_split() reads it back as one word. The file is replaced atomically (temporary
 * file, fsync, rename) keeping its mode; a symbolic link is followed and its target
 * replaced. JT_ERR_IO (err says why) leaves the file as it was. Main thread.
 */
enum jt_status config_append(const char *path, const char *directive, const char *value,
			     struct jt_err *err);

#endif
