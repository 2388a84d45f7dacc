/*
 * libFuzzer target for the JSON Feed parser (net/feed_json.c and net/board.c) and everything
 * feed_emit() does to its postings (net/feed.c), plus format detection on the same bytes; the
 * invariants are those of tests/fuzz/harness.h (ASan and UBSan catch the rest: cJSON is
 * handed one item at a time), and the URL alternates between hnrss's (whose authors are no
 * company) and an unrelated one. Seeds: tests/fuzz/corpus/jsonfeed (small copies of the
 * fixtures).
 */
#include "config.h"

#include "tests/fuzz/harness.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_feed_one("jsonfeed",
			     size & 1 ? "https://hnrss.org/x.jsonfeed"
				      : "https://fuzz.example/feed.json",
			     data, size);
}
