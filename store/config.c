/*
 * The config file reader: words, the option table, and warnings that never stop a start.
 * Owns the syntax; knows nothing of keys, colours or curses (the UI applies those lines).
 */
#include "config.h"
#include "store/config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

/* A config file bigger than this is not a config file. */
#define CONFIG_MAX (1024 * 1024)

#define OPTION_ROW(name, cname, type, def, min, max, help) \
	{ cname, #type[0] == 'B', def, min, max, help },
const struct config_option config_options[] = {
	OPTION_INFO(OPTION_ROW)
	{ NULL, false, 0, 0, 0, NULL },
};
#undef OPTION_ROW

/* Where each option lives in struct config, in table order. */
#define OPTION_OFFSET(name, cname, type, def, min, max, help) offsetof(struct config, name),
static const size_t option_offset[] = {
	OPTION_INFO(OPTION_OFFSET)
};
#undef OPTION_OFFSET

void
config_init(struct config *c)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; config_options[i].name; i++)
		*(int *)((char *)c + option_offset[i]) = config_options[i].def;
}

static void
line_free(struct config_line *l)
{
	for (int i = 0; i < l->argc; i++)
		free(l->argv[i]);
	free(l->argv);
	free(l->file);
}

void
config_done(struct config *c)
{
	for (size_t i = 0; i < c->nlines; i++)
		line_free(&c->lines[i]);
	free(c->lines);
	config_init(c);
}

int
config_split(const char *line, size_t len, char ***argv, const char **error)
{
	struct strbuf word;
	char **v = NULL;
	int argc = 0;
	size_t i = 0;

	*error = NULL;
	strbuf_init(&word, 4096);
	for (;;) {
		bool quoted = false, have = false;

		while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
			i++;
		if (i >= len || line[i] == '#')
			break;
		strbuf_reset(&word);
		while (i < len) {
			char ch = line[i];

			if (!quoted && (ch == ' ' || ch == '\t' || ch == '\r' || ch == '#'))
				break;
			i++;
			if (ch == '"') {
				quoted = !quoted;
				have = true;
				continue;
			}
			if (quoted && ch == '\\' && i < len && (line[i] == '"' || line[i] == '\\'))
				ch = line[i++];
			strbuf_addc(&word, ch);
			have = true;
		}
		if (quoted) {
			*error = "unterminated quote";
			break;
		}
		if (word.toobig) {
			*error = "word too long";
			break;
		}
		if (have) {
			v = xreallocarray(v, (size_t)argc + 1, sizeof(*v));
			v[argc++] = text_utf8_repair(strbuf_str(&word), word.len, NULL);
		}
	}
	strbuf_done(&word);
	if (*error) {
		for (int k = 0; k < argc; k++)
			free(v[k]);
		free(v);
		v = NULL;
		argc = 0;
	}
	*argv = v;
	return argc;
}

/* Count a skipped line and tell warn "FILE:LINE: what[ arg]". */
static void
warnf(struct config *c, void (*warn)(void *, const char *), void *ctx, const char *file,
      int lineno, const char *what, const char *arg)
{
	char msg[512], *clean;

	c->warnings++;
	if (!warn)
		return;
	snprintf(msg, sizeof(msg), "%s:%d: %s%s%s", file, lineno, what, arg ? " " : "",
		 arg ? arg : "");
	clean = text_sanitize(msg, 0);
	warn(ctx, clean);
	free(clean);
}

static const struct config_option *
option_find(const char *name, size_t *index)
{
	for (size_t i = 0; config_options[i].name; i++)
		if (!strcmp(config_options[i].name, name)) {
			*index = i;
			return &config_options[i];
		}
	return NULL;
}

/* Parse an option value; NULL on success or a static reason. */
static const char *
option_value(const struct config_option *o, const char *s, int *out)
{
	char *end;
	long v;

	if (o->is_bool) {
		if (!strcmp(s, "yes") || !strcmp(s, "true") || !strcmp(s, "on") || !strcmp(s, "1"))
			*out = 1;
		else if (!strcmp(s, "no") || !strcmp(s, "false") || !strcmp(s, "off") ||
			 !strcmp(s, "0"))
			*out = 0;
		else
			return "expected yes or no";
		return NULL;
	}
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end)
		return "expected a whole number";
	if (v < o->min || v > o->max)
		return "out of range";
	*out = (int)v;
	return NULL;
}

static void
apply_set(struct config *c, const char *file, int lineno, int argc, char **argv,
	  void (*warn)(void *, const char *), void *ctx)
{
	const struct config_option *o;
	const char *why;
	size_t index;
	int value;

	if (argc != 4 || strcmp(argv[2], "=")) {
		warnf(c, warn, ctx, file, lineno, "expected: set NAME = VALUE", NULL);
		return;
	}
	if (!(o = option_find(argv[1], &index))) {
		warnf(c, warn, ctx, file, lineno, "unknown option", argv[1]);
		return;
	}
	if ((why = option_value(o, argv[3], &value))) {
		char msg[256];

		if (o->is_bool)
			snprintf(msg, sizeof(msg), "%s: %s", o->name, why);
		else
			snprintf(msg, sizeof(msg), "%s: %s (%d to %d)", o->name, why, o->min, o->max);
		warnf(c, warn, ctx, file, lineno, msg, NULL);
		return;
	}
	*(int *)((char *)c + option_offset[index]) = value;
}

void
config_parse(struct config *c, const char *file, const char *text, size_t len,
	     void (*warn)(void *ctx, const char *msg), void *ctx)
{
	size_t start = 0;
	int lineno = 0;

	while (start < len) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		const char *error;
		char **argv;
		int argc;

		lineno++;
		argc = config_split(text + start, end - start, &argv, &error);
		start = end + 1;
		if (error) {
			warnf(c, warn, ctx, file, lineno, error, NULL);
			continue;
		}
		if (!argc)
			continue;
		if (!strcmp(argv[0], "set")) {
			apply_set(c, file, lineno, argc, argv, warn, ctx);
		} else if ((!strcmp(argv[0], "block-company") || !strcmp(argv[0], "block-word")) &&
			   argc != 2) {
			warnf(c, warn, ctx, file, lineno,
			      "expected one name (in quotes when it has spaces) after", argv[0]);
		} else if (!strcmp(argv[0], "bind") || !strcmp(argv[0], "color") ||
			   !strcmp(argv[0], "block-company") || !strcmp(argv[0], "block-word")) {
			struct config_line *l;

			c->lines = xreallocarray(c->lines, c->nlines + 1, sizeof(*c->lines));
			l = &c->lines[c->nlines++];
			l->file = xstrdup(file);
			l->lineno = lineno;
			l->argc = argc;
			l->argv = argv;
			continue;
		} else {
			warnf(c, warn, ctx, file, lineno, "unknown directive", argv[0]);
		}
		for (int i = 0; i < argc; i++)
			free(argv[i]);
		free(argv);
	}
}

enum jt_status
config_load(struct config *c, const char *path, void (*warn)(void *ctx, const char *msg),
	    void *ctx, struct jt_err *err)
{
	struct strbuf text;
	char buf[8192];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return jt_fail(err, errno == ENOENT ? JT_ERR_NOTFOUND : JT_ERR_IO,
			       "cannot read %s: %s", path, strerror(errno));
	strbuf_init(&text, CONFIG_MAX);
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || !strbuf_add(&text, buf, (size_t)n)) {
			enum jt_status rc = n < 0
				? jt_fail(err, JT_ERR_IO, "cannot read %s: %s", path, strerror(errno))
				: jt_fail(err, JT_ERR_CONFIG, "%s: larger than 1 MB", path);

			close(fd);
			strbuf_done(&text);
			return rc;
		}
	}
	close(fd);
	config_parse(c, path, strbuf_str(&text), text.len, warn, ctx);
	strbuf_done(&text);
	return JT_OK;
}

/* Create the directory that holds path (and its parents), mode 0700. */
static void
make_dirs_for(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
		mkdir(dir, 0700);
	}
	free(dir);
}

static bool
write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/* The file a path names, following symbolic links (at most 16); the caller frees it. */
static char *
link_target(const char *path)
{
	char *cur = xstrdup(path);

	for (int hops = 0; hops < 16; hops++) {
		char buf[4096], *slash;
		ssize_t n = readlink(cur, buf, sizeof(buf) - 1);

		if (n <= 0)
			break;
		buf[n] = '\0';
		slash = strrchr(cur, '/');
		if (buf[0] != '/' && slash) {
			char *next = xasprintf("%.*s/%s", (int)(slash - cur), cur, buf);

			free(cur);
			cur = next;
		} else {
			free(cur);
			cur = xstrdup(buf);
		}
	}
	return cur;
}

enum jt_status
config_append(const char *path, const char *directive, const char *value, struct jt_err *err)
{
	char *target = link_target(path), *clean, *tmp;
	struct strbuf text;
	struct stat st;
	mode_t mode = 0600;
	enum jt_status rc = JT_OK;
	char buf[8192];
	ssize_t n;
	int fd;

	make_dirs_for(target);
	strbuf_init(&text, CONFIG_MAX);
	if ((fd = open(target, O_RDONLY | O_CLOEXEC)) >= 0) {
		if (fstat(fd, &st) == 0)
			mode = st.st_mode & 07777;
		while ((n = read(fd, buf, sizeof(buf))) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0 || !strbuf_add(&text, buf, (size_t)n)) {
				rc = jt_fail(err, JT_ERR_IO, "cannot read %s: %s", target,
					     n < 0 ? strerror(errno) : "larger than 1 MB");
				break;
			}
		}
		close(fd);
	} else if (errno != ENOENT) {
		rc = jt_fail(err, JT_ERR_IO, "cannot read %s: %s", target, strerror(errno));
	}
	if (rc != JT_OK) {
		strbuf_done(&text);
		free(target);
		return rc;
	}
	if (text.len && text.buf[text.len - 1] != '\n')
		strbuf_addc(&text, '\n');
	strbuf_adds(&text, directive);
	strbuf_adds(&text, " \"");
	clean = text_sanitize(value, 0);
	for (const char *p = clean; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_addc(&text, '\\');
		strbuf_addc(&text, *p);
	}
	free(clean);
	strbuf_adds(&text, "\"\n");
	tmp = xasprintf("%s.tmp.XXXXXX", target);
	if (text.toobig) {
		rc = jt_fail(err, JT_ERR_IO, "%s: larger than 1 MB", target);
	} else if ((fd = mkstemp(tmp)) < 0) {
		rc = jt_fail(err, JT_ERR_IO, "cannot write next to %s: %s", target,
			     strerror(errno));
	} else {
		if (fchmod(fd, mode) != 0 || !write_all(fd, strbuf_str(&text), text.len) ||
		    fsync(fd) != 0)
			rc = jt_fail(err, JT_ERR_IO, "cannot write %s: %s", tmp, strerror(errno));
		if (close(fd) != 0 && rc == JT_OK)
			rc = jt_fail(err, JT_ERR_IO, "cannot write %s: %s", tmp, strerror(errno));
		if (rc == JT_OK && rename(tmp, target) != 0)
			rc = jt_fail(err, JT_ERR_IO, "cannot replace %s: %s", target,
				     strerror(errno));
		if (rc != JT_OK)
			unlink(tmp);
	}
	free(tmp);
	strbuf_done(&text);
	free(target);
	return rc;
}
