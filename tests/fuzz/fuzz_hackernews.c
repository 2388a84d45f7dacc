/*
 * libFuzzer target for the Hacker News parser (Algolia items and search, Firebase items)
 * (net/feed_hackernews.c and net/board.c) and everything feed_emit() does to its postings
 * (net/feed.c), plus format detection on the same bytes; the invariants are those of
 * tests/fuzz/harness.h. Built like the targets that make fuzz lists (clang
 * -fsanitize=fuzzer,address,undefined over the C files of net/ and store/, linked with
 * libcurl, libxml2, cJSON and SQLite). Seeds: tests/fuzz/corpus/hackernews (small copies of
 * the fixtures).
 */
#include "config.h"

#include "tests/fuzz/harness.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_feed_one("hackernews",
			     size & 1 ? "https://hn.algolia.com/api/v1/search?tags=comment&page=0"
				      : "https://hacker-news.firebaseio.com/v0/item/1.json",
			     data, size);
}
