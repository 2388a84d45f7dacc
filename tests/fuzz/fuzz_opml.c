/*
 * libFuzzer target for the OPML feed-list reader and writer (store/opml.c): any bytes are
 * parsed; every feed must have a URL, every string must be valid UTF-8, the counts stay
 * under the caps, and on failure nothing is returned. The feeds read are then written back
 * as OPML and read again: the writer's output must parse, to no more feeds.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/job.h"
#include "store/opml.h"
#include "store/text.h"

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
utf8(const char *s)
{
	if (s)
		REQUIRE(text_utf8_valid(s, strlen(s)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct opml_feeds got, again;
	struct feed_list list;
	struct jt_err err = { "" };
	char *doc;

	opml_feeds_init(&got);
	if (opml_parse((const char *)data, size, &got, &err) != JT_OK) {
		REQUIRE(got.n == 0);
		utf8(err.msg);
		opml_feeds_done(&got);
		return 0;
	}
	REQUIRE(got.n <= OPML_MAX_FEEDS);
	feed_list_init(&list);
	for (size_t i = 0; i < got.n; i++) {
		struct feed *f = feed_list_push(&list);

		REQUIRE(got.v[i].url);
		utf8(got.v[i].url);
		utf8(got.v[i].title);
		utf8(got.v[i].format);
		f->url = strdup(got.v[i].url);
		f->name = got.v[i].title ? strdup(got.v[i].title) : NULL;
		f->format = got.v[i].format ? strdup(got.v[i].format) : NULL;
	}
	doc = opml_write(&list);
	REQUIRE(doc);
	opml_feeds_init(&again);
	REQUIRE(opml_parse(doc, strlen(doc), &again, &err) == JT_OK);
	/* The writer strips control characters, so a URL made of them alone is lost. */
	REQUIRE(again.n <= got.n);
	for (size_t i = 0; i < again.n; i++)
		REQUIRE(again.v[i].url && *again.v[i].url);
	opml_feeds_done(&again);
	free(doc);
	feed_list_done(&list);
	opml_feeds_done(&got);
	return 0;
}
