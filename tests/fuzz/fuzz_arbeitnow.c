/*
 * libFuzzer target for the Arbeitnow job board API parser (net/feed_arbeitnow.c and
 * net/board.c) and everything feed_emit() does to its postings (net/feed.c), plus format
 * detection on the same bytes; the invariants are those of tests/fuzz/harness.h. Built like the
 * targets that make fuzz lists (clang -fsanitize=fuzzer,address,undefined over the C files of
 * net/ and store/, linked with libcurl, libxml2, cJSON and SQLite). Seeds:
 * tests/fuzz/corpus/arbeitnow (small copies of the fixtures).
 */
#include "config.h"

#include "tests/fuzz/harness.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_feed_one("arbeitnow",
			     size & 1 ? "https://www.arbeitnow.com/api/job-board-api?page=1"
				      : "https://x.example/arbeitnow",
			     data, size);
}
