/*
 * libFuzzer target for the schema.org JobPosting parser (JSON-LD in HTML pages)
 * (net/feed_jsonld.c and net/board.c) and everything feed_emit() does to its postings
 * (net/feed.c), plus format detection on the same bytes; the invariants are those of
 * tests/fuzz/harness.h. Built like the targets that make fuzz lists (clang
 * -fsanitize=fuzzer,address,undefined over the C files of net/ and store/, linked with
 * libcurl, libxml2, cJSON and SQLite). Seeds: tests/fuzz/corpus/jsonld (small copies of the
 * fixtures).
 */
#include "config.h"

#include "tests/fuzz/harness.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_feed_one("jsonld",
			     size & 1 ? "https://careers.example/jobs/1"
				      : "https://careers.example/jobs/",
			     data, size);
}
