/*
 * What the libFuzzer targets of the feed parsers share (tests/fuzz/fuzz_rss.c,
 * fuzz_jsonfeed.c, fuzz_remoteok.c, ...): one input is detected, parsed into a sink that
 * checks every posting, then parsed again in the quick counting pass (no posting callback)
 * that the fetcher uses to learn the next page.
 *
 * Invariants: every posting has a guid; every field is valid UTF-8 within its cap; amounts
 * are not negative; a job board's postings are not dated before 1970 (RSS and JSON Feed
 * keep any date); the sink sees as many postings as it is told about; the status is JT_OK,
 * JT_ERR_PARSE or JT_ERR_FORMAT; messages are printable ASCII; both passes agree on the
 * status and the next page. A broken invariant aborts; ASan and UBSan catch the rest.
 *
 * Included once by each target (it defines LLVMFuzzerInitialize).
 */
#ifndef TESTS_FUZZ_HARNESS_H
#define TESTS_FUZZ_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/feed.h"
#include "store/job.h"
#include "store/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

static void
field(const char *s, size_t max)
{
	if (s)
		REQUIRE(text_utf8_valid(s, strlen(s)) && strlen(s) <= max);
}

static void
printable(const char *s)
{
	for (; *s; s++)
		REQUIRE((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f);
}

/* What the posting callback counts and checks. */
struct seen {
	size_t n;
	bool dated;		/* no posting before 1970 */
};

static enum jt_status
posting(struct feed_sink *sink, struct job *job, struct jt_err *err)
{
	struct seen *seen = sink->ctx;

	(void)err;
	REQUIRE(job->guid && *job->guid);
	field(job->guid, JOB_FIELD_MAX);
	field(job->title, JOB_TITLE_MAX);
	field(job->company, JOB_FIELD_MAX);
	field(job->location, JOB_FIELD_MAX);
	field(job->url, JOB_FIELD_MAX);
	field(job->apply_url, JOB_FIELD_MAX);
	field(job->tags, JOB_FIELD_MAX);
	field(job->employment_type, JOB_FIELD_MAX);
	field(job->salary_currency, JOB_FIELD_MAX);
	field(job->salary_period, JOB_FIELD_MAX);
	field(job->description_html, JOB_HTML_MAX);
	field(job->description_text, JOB_HTML_MAX);
	REQUIRE(job->salary_min >= 0 && job->salary_max >= 0);
	REQUIRE(job->posted >= 0 || !seen->dated);
	seen->n++;
	return JT_OK;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	feed_xml_init();
	return 0;
}

/* Detect and parse data[0..size) as format with the feed at url, twice. */
static int
fuzz_feed_one(const char *format, const char *url, const uint8_t *data, size_t size)
{
	struct feed_input in = { .buf = (const char *)data, .len = size, .fd = -1 };
	struct feed_sink sink, count;
	struct jt_err err = { "" };
	struct seen seen = { 0, strcmp(format, "rss") && strcmp(format, "jsonfeed") };
	enum jt_status rc, rc2;

	(void)feed_detect(NULL, url, (const char *)data, size < 1024 ? size : 1024, &err);
	printable(err.msg);
	feed_sink_init(&sink, url);
	sink.posting = posting;
	sink.ctx = &seen;
	rc = feed_parse(format, &in, &sink, &err);
	REQUIRE(rc == JT_OK || rc == JT_ERR_PARSE || rc == JT_ERR_FORMAT);
	REQUIRE(seen.n == sink.items);
	printable(err.msg);
	field(sink.title, JOB_TITLE_MAX);
	field(sink.next_url, JOB_FIELD_MAX);

	feed_sink_init(&count, url);
	rc2 = feed_parse(format, &in, &count, &err);
	REQUIRE(rc2 == rc);
	REQUIRE(count.items + count.skipped >= sink.items + sink.skipped);
	REQUIRE(!count.next_url == !sink.next_url);
	REQUIRE(!count.next_url || !strcmp(count.next_url, sink.next_url));
	feed_sink_done(&count);
	feed_sink_done(&sink);
	return 0;
}

#endif
