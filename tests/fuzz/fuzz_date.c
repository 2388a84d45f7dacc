/*
 * libFuzzer target for net/date.c (date_parse, date_from_epoch) and the text helpers of
 * net/feed.c that read free text: feed_salary_parse, feed_remote_words, feed_title_split,
 * feed_employment_type, feed_salary_period, feed_url_host_is and feed_line.
 *
 * Invariants: date_parse leaves *t alone when it fails; date_from_epoch gives 0 or a time in
 * years 1 to 9999; a salary has
 * 0 < min <= max and a known period; a split title is shorter than the original; feed_line
 * output is valid UTF-8 within its cap. A broken invariant aborts. Seeds:
 * tests/fuzz/corpus/date.
 */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/date.h"
#include "net/feed.h"
#include "store/job.h"
#include "store/text.h"
#include "store/xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size), *line;
	int64_t t = 42;
	double d;
	struct feed_salary sal;
	bool remote = false, hybrid = false;
	struct job job;

	if (!date_parse(s, &t))
		REQUIRE(t == 42);	/* untouched on failure */
	if (size >= sizeof(d)) {
		memcpy(&d, data, sizeof(d));
		t = date_from_epoch(d);
		REQUIRE(t == 0 || (isfinite(d) && t >= -62135596800LL && t <= 253402300799LL));
	}
	for (int bare = 0; bare < 2; bare++)
		if (feed_salary_parse(s, bare, &sal)) {
			REQUIRE(sal.min > 0 && sal.min <= sal.max && isfinite(sal.max));
			REQUIRE(sal.period && feed_salary_period(sal.period));
		}
	feed_remote_words(s, &remote, &hybrid);
	(void)feed_employment_type(s);
	(void)feed_salary_period(s);
	(void)feed_url_host_is(s, "hnrss.org");
	line = feed_line(s, 64);
	REQUIRE(!line || (text_utf8_valid(line, strlen(line)) && strlen(line) <= 64));
	free(line);

	job_init(&job);
	job.title = text_utf8_repair(s, strlen(s), NULL);
	job.company = size & 1 ? xstrdup("Acme") : NULL;
	{
		size_t before = strlen(job.title);

		if (feed_title_split(&job))
			REQUIRE(strlen(job.title) < before && job.company);
	}
	job_done(&job);
	free(s);
	return 0;
}
