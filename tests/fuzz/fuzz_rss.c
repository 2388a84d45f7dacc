/*
 * libFuzzer target for the RSS/Atom parser (net/feed_rss.c and net/xml.c) and everything
 * feed_emit() does to its postings (net/feed.c), plus format detection on the same bytes; the
 * invariants are those of tests/fuzz/harness.h, and the URL alternates between We Work
 * Remotely's (whose "Company: Role" titles are split) and an unrelated one. Seeds:
 * tests/fuzz/corpus/rss (small copies of the fixtures).
 */
#include "config.h"

#include "tests/fuzz/harness.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_feed_one("rss",
			     size & 1 ? "https://weworkremotely.com/x.rss"
				      : "https://fuzz.example/feed.rss",
			     data, size);
}
