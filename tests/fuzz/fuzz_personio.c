/*
 * libFuzzer target for the Personio XML feed parser (net/feed_personio.c, libxml2's streaming
 * reader) and everything feed_emit() does to its postings (net/feed.c), plus format detection on
 * the same bytes; the invariants are those of tests/fuzz/harness.h, and the URL alternates between
 * the board's own (for the company, page links and next page taken from it) and an unrelated one.
 * Built with clang -fsanitize=fuzzer,address,undefined from the C files of net/ and store/, linked
 * with libcurl, libxml2, cJSON and SQLite. Seeds: tests/fuzz/corpus/personio (small copies of the
 * fixtures).
 */
#include "config.h"

#include "tests/fuzz/harness.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_feed_one("personio",
			     size & 1 ? "https://acme.jobs.personio.de/xml?language=en"
				      : "https://x.example/personio.xml",
			     data, size);
}
