/*
 * Counting assertions for the unit tests (after curl's fail_unless): a failed check prints
 * where and what, and the test goes on. Each RUN(fn) is one test in TAP ("ok 3 - fn"), so
 * the test driver counts test functions; CHECK_DONE() prints the plan and returns 1 when
 * anything failed.
 */
#ifndef TESTS_UNIT_CHECK_H
#define TESTS_UNIT_CHECK_H

#include <ftw.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failed, check_count, check_tests;

#define CHECK(expr) do { \
	check_count++; \
	if (!(expr)) { \
		check_failed++; \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #expr); \
	} \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *check_a_ = (a), *check_b_ = (b); \
	check_count++; \
	if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_)) { \
		check_failed++; \
		fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
			#a, check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)"); \
	} \
} while (0)

#define CHECK_INT(a, b) do { \
	long long check_a_ = (long long)(a), check_b_ = (long long)(b); \
	check_count++; \
	if (check_a_ != check_b_) { \
		check_failed++; \
		fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, \
			#a, check_a_, check_b_); \
	} \
} while (0)

#define CHECK_RC(rc, want) CHECK_INT((rc), (want))

/* Run one test function and report it as one TAP line. */
#define RUN(fn) do { \
	int check_before_ = check_failed; \
	fn(); \
	printf("%sok %d - %s\n", check_failed == check_before_ ? "" : "not ", ++check_tests, #fn); \
	fflush(stdout); \
} while (0)

#define CHECK_DONE() ( \
	printf("1..%d\n", check_tests), \
	fprintf(stderr, "%d checks, %d failed\n", check_count, check_failed), \
	check_failed ? 1 : 0)

/* A private directory $TMPDIR/jt-TAG-XXXXXX for a test's files, into dir[size]; false if
 * it cannot be made. check_tmpdir_done() removes it unless KEEP_TMP is set. */
static inline bool
check_tmpdir(char *dir, size_t size, const char *tag)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, size, "%s/jt-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", tag);
	return mkdtemp(dir) != NULL;
}

static inline int
check_rm_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st, (void)type, (void)ftw;
	return remove(path);
}

static inline void
check_tmpdir_done(const char *dir)
{
	if (!getenv("KEEP_TMP"))
		nftw(dir, check_rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

#endif
