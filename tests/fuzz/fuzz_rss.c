/*
 * libFuzzer target for the RSS/Atom parser (net/feed_rss.c) and everything feed_emit() does
 * to its postings (net/feed.c), plus format detection on the same bytes.
 *
 * Invariants checked on every posting: it has a guid; every field is valid UTF-8 within its
 * cap; the sink sees at most as many postings as it was told about. A broken invariant
 * aborts. Seeds: tests/fuzz/corpus/rss (small copies of the fixtures).
 */
#include "config.h"

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

static enum jt_status
posting(struct feed_sink *sink, struct job *job, struct jt_err *err)
{
	size_t *n = sink->ctx;

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
	(*n)++;
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_input in = { .buf = (const char *)data, .len = size, .fd = -1 };
	struct feed_sink sink;
	struct jt_err err = { "" };
	size_t n = 0;
	enum jt_status rc;

	(void)feed_detect(NULL, "https://fuzz.example/feed.rss", (const char *)data,
			  size < 1024 ? size : 1024, &err);
	for (const char *c = err.msg; *c; c++)
		REQUIRE((unsigned char)*c >= 0x20 && (unsigned char)*c < 0x7f);
	feed_sink_init(&sink, size & 1 ? "https://weworkremotely.com/x.rss" : "https://f.example/");
	sink.posting = posting;
	sink.ctx = &n;
	rc = feed_parse("rss", &in, &sink, &err);
	REQUIRE(rc == JT_OK || rc == JT_ERR_PARSE || rc == JT_ERR_FORMAT);
	REQUIRE(n == sink.items);
	for (const char *c = err.msg; *c; c++)
		REQUIRE((unsigned char)*c >= 0x20 && (unsigned char)*c < 0x7f);
	field(sink.title, JOB_TITLE_MAX);
	feed_sink_done(&sink);
	return 0;
}
