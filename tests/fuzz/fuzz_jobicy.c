/*
 * libFuzzer target for the Jobicy remote jobs API parser (net/feed_jobicy.c and net/board.c)
 * and everything feed_emit() does to its postings (net/feed.c), plus format detection on the
 * same bytes; the invariants are those of tests/fuzz/harness.h. Built like the targets that make
 * fuzz lists (clang -fsanitize=fuzzer,address,undefined over the C files of net/ and store/,
 * linked with libcurl, libxml2, cJSON and SQLite). Seeds: tests/fuzz/corpus/jobicy (small
 * copies of the fixtures).
 */
#include "config.h"

#include "tests/fuzz/harness.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_feed_one("jobicy",
			     size & 1 ? "https://jobicy.com/api/v2/remote-jobs?count=20&cursor=x"
				      : "https://x.example/jobicy",
			     data, size);
}
