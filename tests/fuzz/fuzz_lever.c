/*
 * libFuzzer target for the Lever postings API parser (net/feed_lever.c and net/board.c) and
 * everything feed_emit() does to its postings (net/feed.c), plus format detection on the same
 * bytes; the invariants are those of tests/fuzz/harness.h, and the URL alternates between the
 * board's own (for the company, page links and next page taken from it) and an unrelated one.
 * Built with clang -fsanitize=fuzzer,address,undefined from the C files of net/ and store/, linked
 * with libcurl, libxml2, cJSON and SQLite. Seeds: tests/fuzz/corpus/lever (small copies of the
 * fixtures).
 */
#include "config.h"

#include "tests/fuzz/harness.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_feed_one("lever",
			     size & 1 ? "https://api.eu.lever.co/v0/postings/"
					  "acme?mode=json"
				      : "https://x.example/lever",
			     data, size);
}
