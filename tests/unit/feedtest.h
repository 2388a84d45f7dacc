/*
 * What the parser unit tests share (tests/unit/test_feed.c, test_boards_ats.c and
 * test_boards_remote.c): a sink that collects every posting, parsing from memory or a file,
 * the fixtures under $SRCDIR/tests/fixtures (set by make check to the source root, else
 * "."), and the checks every parse gets. Static functions, included once by each test after
 * check.h; feedtest_init() first.
 */
#ifndef TESTS_UNIT_FEEDTEST_H
#define TESTS_UNIT_FEEDTEST_H

#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/feed.h"
#include "store/job.h"
#include "store/text.h"
#include "store/xmalloc.h"
#include "tests/unit/check.h"

static const char *srcdir = ".";

/* What one parse gave. */
struct parsed {
	enum jt_status rc;
	struct jt_err err;
	struct job_list jobs;	/* every posting the sink saw, its fields taken over */
	char *title;		/* the sink's, taken over */
	char *next_url;
	size_t items;
	size_t skipped;
	size_t stop_after;	/* the sink answers JT_ERR_ABORTED after this many; 0 = never */
};

#define CHECK_NULL(p) CHECK((p) == NULL)

/* A posting's salary in one check line; cur and per may be NULL. */
#define CHECK_SALARY(j, lo, hi, cur, per) do { \
	CHECK((j)->salary_min == (lo)); \
	CHECK((j)->salary_max == (hi)); \
	if (cur) \
		CHECK_STR((j)->salary_currency, (cur)); \
	else \
		CHECK_NULL((j)->salary_currency); \
	if (per) \
		CHECK_STR((j)->salary_period, (per)); \
	else \
		CHECK_NULL((j)->salary_period); \
} while (0)

/* Read $SRCDIR and set libxml2 up. */
static void
feedtest_init(void)
{
	const char *s = getenv("SRCDIR");

	if (s && *s)
		srcdir = s;
	feed_xml_init();
}

static enum jt_status
collect(struct feed_sink *sink, struct job *job, struct jt_err *err)
{
	struct parsed *p = sink->ctx;
	struct job *j;

	if (p->stop_after && p->jobs.n == p->stop_after)
		return jt_fail(err, JT_ERR_ABORTED, "stopped by the sink");
	j = job_list_push(&p->jobs);
	*j = *job;		/* steal every field */
	job_init(job);
	return JT_OK;
}

static void
parsed_done(struct parsed *p)
{
	job_list_done(&p->jobs);
	free(p->title);
	free(p->next_url);
	memset(p, 0, sizeof(*p));
}

/* Every posting has a guid, and every field is valid UTF-8 within its cap. */
static void
check_fields(const struct parsed *p)
{
	for (size_t i = 0; i < p->jobs.n; i++) {
		const struct job *j = &p->jobs.v[i];
		const char *f[] = {
			j->guid, j->title, j->company, j->location, j->salary_currency,
			j->salary_period, j->employment_type, j->url, j->apply_url,
			j->description_html, j->description_text, j->tags,
		};

		CHECK(j->guid && *j->guid);
		for (size_t k = 0; k < sizeof(f) / sizeof(f[0]); k++)
			CHECK(!f[k] || text_utf8_valid(f[k], strlen(f[k])));
		CHECK(!j->title || strlen(j->title) <= JOB_TITLE_MAX);
		CHECK(!j->company || strlen(j->company) <= JOB_FIELD_MAX);
		CHECK(!j->location || strlen(j->location) <= JOB_FIELD_MAX);
		CHECK(!j->url || strlen(j->url) <= JOB_FIELD_MAX);
		CHECK(!j->tags || strlen(j->tags) <= JOB_FIELD_MAX);
		CHECK(!j->description_html || strlen(j->description_html) <= JOB_HTML_MAX);
		CHECK(!j->description_text || strlen(j->description_text) <= JOB_HTML_MAX);
		CHECK(j->salary_min >= 0 && j->salary_max >= 0);
	}
}

/* Parse buf[0..len) (or the file fd when buf is NULL) as format with the feed at url, and
 * check every posting's fields. p->stop_after is kept. */
static void
run(const char *format, const char *url, const char *buf, size_t len, int fd, struct parsed *p)
{
	struct feed_input in = { .buf = buf, .len = len, .fd = fd };
	struct feed_sink sink;
	size_t stop = p->stop_after;

	memset(p, 0, sizeof(*p));
	p->stop_after = stop;
	job_list_init(&p->jobs);
	feed_sink_init(&sink, url);
	sink.posting = collect;
	sink.ctx = p;
	p->rc = feed_parse(format, &in, &sink, &p->err);
	p->title = sink.title;
	p->next_url = sink.next_url;
	sink.title = sink.next_url = NULL;
	p->items = sink.items;
	p->skipped = sink.skipped;
	feed_sink_done(&sink);
	check_fields(p);
}

/* Parse an inline document. */
static void
run_str(const char *format, const char *url, const char *doc, struct parsed *p)
{
	run(format, url, doc, strlen(doc), -1, p);
}

static char *
fixture_path(const char *rel)
{
	return xasprintf("%s/tests/fixtures/%s", srcdir, rel);
}

/* The whole of a fixture; NULL (and a failed check) when it cannot be read. */
static char *
slurp(const char *rel, size_t *len)
{
	char *path = fixture_path(rel), *owned = NULL;
	int fd = open(path, O_RDONLY);
	struct feed_input in = { .buf = NULL, .len = 0, .fd = fd };
	const char *b;

	CHECK(fd >= 0);
	if (fd >= 0 && feed_input_slurp(&in, 64u << 20, &b, len, &owned, NULL) != JT_OK)
		owned = NULL;
	if (fd >= 0)
		close(fd);
	if (!owned)
		fprintf(stderr, "cannot read %s\n", path);
	free(path);
	return owned;
}

/*
 * Detect a fixture's format from url and its first KB, which must be want (the first bytes
 * alone must name want or nothing: a Firebase item names no format); with want NULL,
 * whatever is detected (nothing: p->rc is JT_ERR_FORMAT with detection's message). Parse it
 * from memory, then once more from a file descriptor, which must give the same status,
 * postings (guid, title, date, whether there is a text) and skipped items.
 */
static void
parse_fixture(const char *rel, const char *url, const char *want, struct parsed *p)
{
	size_t len = 0;
	char *buf = slurp(rel, &len), *path;
	struct jt_err err = { "" };
	const char *format;
	struct parsed q = { .stop_after = 0 };
	int fd;

	memset(p, 0, sizeof(*p));
	job_list_init(&p->jobs);
	if (!buf)
		return;
	format = feed_detect(NULL, url, buf, len < 1024 ? len : 1024, &err);
	if (want) {
		const char *alone = feed_detect(NULL, NULL, buf, len < 1024 ? len : 1024, &err);

		CHECK_STR(format, want);
		CHECK(!alone || !strcmp(alone, want));
		format = want;
	} else if (!format) {
		p->rc = JT_ERR_FORMAT;
		p->err = err;
		free(buf);
		return;
	}
	run(format, url, buf, len, -1, p);
	free(buf);
	path = fixture_path(rel);
	fd = open(path, O_RDONLY);
	free(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	run(format, url, NULL, 0, fd, &q);
	close(fd);
	CHECK_RC(q.rc, p->rc);
	CHECK_INT(q.jobs.n, p->jobs.n);
	CHECK_INT(q.skipped, p->skipped);
	for (size_t i = 0; i < q.jobs.n && i < p->jobs.n; i++) {
		const struct job *a = &p->jobs.v[i], *b = &q.jobs.v[i];

		CHECK_STR(b->guid, a->guid);
		CHECK(!a->title == !b->title && (!a->title || !strcmp(a->title, b->title)));
		CHECK_INT(b->posted, a->posted);
		CHECK(!a->description_text == !b->description_text);
	}
	parsed_done(&q);
}

/* The posting with guid; an empty one (and a message) when there is none. */
static struct job *
by_guid(struct parsed *p, const char *guid)
{
	static struct job none;

	for (size_t i = 0; i < p->jobs.n; i++)
		if (p->jobs.v[i].guid && !strcmp(p->jobs.v[i].guid, guid))
			return &p->jobs.v[i];
	fprintf(stderr, "no posting with guid %s\n", guid);
	job_init(&none);
	return &none;
}

static bool
contains(const char *s, const char *needle)
{
	return s && strstr(s, needle);
}

#endif
