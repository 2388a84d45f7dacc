/*
 * Unit tests of the config reader, and the check that the man page and the installed
 * jobtermrc document every option of the option table with its real default.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/config.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"
#include "tests/unit/check.h"

static struct strbuf warnings;

static void
collect(void *ctx, const char *msg)
{
	(void)ctx;
	strbuf_adds(&warnings, msg);
	strbuf_addc(&warnings, '\n');
}

static void
parse(struct config *c, const char *text)
{
	strbuf_reset(&warnings);
	config_parse(c, "rc", text, strlen(text), collect, NULL);
}

static void
test_defaults_and_set(void)
{
	struct config c;

	config_init(&c);
	CHECK_INT(c.refresh_interval, 60);
	CHECK_INT(c.max_download_mb, 64);
	CHECK_INT(c.mouse, 1);
	parse(&c, "# comment\n\n  set refresh-interval = 5   # trailing\nset mouse = no\r\n"
		  "set max-per-host=3\n");
	CHECK_INT(c.refresh_interval, 5);
	CHECK_INT(c.mouse, 0);
	CHECK_STR(strbuf_str(&warnings), "rc:5: expected: set NAME = VALUE\n");
	CHECK_INT(c.max_per_host, 2);
	config_done(&c);
}

static void
test_bad_lines_warn_and_skip(void)
{
	struct config c;

	config_init(&c);
	parse(&c, "set nope = 1\nset timeout = abc\nset timeout = 0\nset timeout = 99999999999\n"
		  "frobnicate x\nset timeout = \"unterminated\nset timeout = 7\n"
		  "set mouse = maybe\nset \"\x1b]0;pwned\x07\" = 1\n");
	CHECK_INT(c.timeout, 7);
	CHECK_INT(c.mouse, 1);
	CHECK_INT(c.warnings, 8);
	CHECK(strstr(strbuf_str(&warnings), "rc:1: unknown option nope\n") != NULL);
	CHECK(strstr(strbuf_str(&warnings), "rc:2: timeout: expected a whole number") != NULL);
	CHECK(strstr(strbuf_str(&warnings), "rc:3: timeout: out of range (1 to 3600)") != NULL);
	CHECK(strstr(strbuf_str(&warnings), "rc:5: unknown directive frobnicate") != NULL);
	CHECK(strstr(strbuf_str(&warnings), "rc:6: unterminated quote") != NULL);
	CHECK(strstr(strbuf_str(&warnings), "rc:8: mouse: expected yes or no\n") != NULL);
	CHECK(strchr(strbuf_str(&warnings), '\x1b') == NULL);
	CHECK(strchr(strbuf_str(&warnings), '\x07') == NULL);
	config_done(&c);
}

static void
test_words_and_ui_lines(void)
{
	struct config c;
	char **argv;
	const char *error;
	int argc = config_split("bind  \"a b\" \"say \\\"hi\\\"\" x#y", 27, &argv, &error);

	CHECK(error == NULL);
	CHECK_INT(argc, 4);
	if (argc == 4) {
		CHECK_STR(argv[1], "a b");
		CHECK_STR(argv[2], "say \"hi\"");
		CHECK_STR(argv[3], "x");
	}
	for (int i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
	config_init(&c);
	parse(&c, "bind j next\ncolor title yellow default bold\n");
	CHECK_INT(c.nlines, 2);
	if (c.nlines == 2) {
		CHECK_INT(c.lines[1].lineno, 2);
		CHECK_INT(c.lines[1].argc, 5);
		CHECK_STR(c.lines[1].argv[4], "bold");
	}
	config_done(&c);
}

static char *
read_asset(const char *name)
{
	const char *src = getenv("SRCDIR");
	char *path = xasprintf("%s/assets/%s", src ? src : ".", name);
	FILE *f = fopen(path, "r");
	struct strbuf sb;
	char buf[4096];
	size_t n;

	free(path);
	strbuf_init(&sb, 0);
	if (!f)
		return strbuf_detach(&sb, NULL);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	return strbuf_detach(&sb, NULL);
}

/* Every option is in the man page with its default, and in jobtermrc at its default. */
static void
test_documented(void)
{
	char *man = read_asset("jobterm.1"), *rc = read_asset("jobtermrc");
	struct config c;

	for (size_t i = 0; config_options[i].name; i++) {
		const struct config_option *o = &config_options[i];
		struct strbuf want;
		char *name = xstrdup(o->name), *esc;
		struct strbuf man_name;

		/* The man page writes '-' as '\-'. */
		strbuf_init(&man_name, 0);
		for (const char *p = name; *p; p++)
			strbuf_adds(&man_name, *p == '-' ? "\\-" : (char[]){ *p, 0 });
		esc = strbuf_detach(&man_name, NULL);
		strbuf_init(&want, 0);
		if (o->is_bool)
			strbuf_addf(&want, ".BR %s \" (default %s)\"", esc, o->def ? "yes" : "no");
		else
			strbuf_addf(&want, ".BR %s \" (default %d)\"", esc, o->def);
		if (!strstr(man, strbuf_str(&want)))
			fprintf(stderr, "man page lacks: %s\n", strbuf_str(&want));
		CHECK(strstr(man, strbuf_str(&want)) != NULL);
		strbuf_reset(&want);
		if (o->is_bool)
			strbuf_addf(&want, "\nset %s = %s\n", name, o->def ? "yes" : "no");
		else
			strbuf_addf(&want, "\nset %s = %d\n", name, o->def);
		if (!strstr(rc, strbuf_str(&want)))
			fprintf(stderr, "jobtermrc lacks: %s", strbuf_str(&want));
		CHECK(strstr(rc, strbuf_str(&want)) != NULL);
		strbuf_done(&want);
		free(esc);
		free(name);
	}
	/* And jobtermrc parses without a warning. */
	config_init(&c);
	parse(&c, rc);
	CHECK_STR(strbuf_str(&warnings), "");
	config_done(&c);
	free(man);
	free(rc);
}

int
main(void)
{
	strbuf_init(&warnings, 0);
	RUN(test_defaults_and_set);
	RUN(test_bad_lines_warn_and_skip);
	RUN(test_words_and_ui_lines);
	RUN(test_documented);
	strbuf_done(&warnings);
	return CHECK_DONE();
}
