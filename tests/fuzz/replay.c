/*
 * Replays a fuzz target's saved inputs as an ordinary test, so that every build (gcc
 * included, and the sanitizer builds) runs each crash and seed that fuzzing ever kept.
 *
 * Linked with one tests/fuzz/fuzz_NAME.c as tests/fuzz/replay_NAME: it feeds every file of
 * $SRCDIR/tests/fuzz/corpus/NAME to LLVMFuzzerTestOneInput. A target signals a broken
 * invariant by aborting, so reaching the end is the pass; one TAP line per corpus.
 */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/strbuf.h"
#include "store/xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
	const char *src = getenv("SRCDIR");
	const char *base = strrchr(argv[0], '/');
	const char *name = strstr(base ? base + 1 : argv[0], "replay_");
	char *dir, **files = NULL;
	size_t nfiles = 0;
	DIR *d;
	struct dirent *e;

	if (!name) {
		fprintf(stderr, "replay: run me as replay_NAME\n");
		return 99;
	}
	name += strlen("replay_");
	dir = xasprintf("%s/tests/fuzz/corpus/%s", src ? src : ".", name);
	if (!(d = opendir(dir))) {
		printf("1..0 # SKIP no corpus %s\n", name);
		free(dir);
		return 0;
	}
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			files = xreallocarray(files, nfiles + 1, sizeof(*files));
			files[nfiles++] = xasprintf("%s/%s", dir, e->d_name);
		}
	closedir(d);
	qsort(files, nfiles, sizeof(*files), by_name);
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (size_t i = 0; i < nfiles; i++) {
		FILE *f = fopen(files[i], "rb");
		struct strbuf sb;
		char buf[65536];
		size_t n;

		if (!f) {
			printf("not ok 1 - cannot read %s\n1..1\n", files[i]);
			return 1;
		}
		strbuf_init(&sb, 0);
		while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
			strbuf_add(&sb, buf, n);
		fclose(f);
		LLVMFuzzerTestOneInput((const uint8_t *)strbuf_str(&sb), sb.len);
		strbuf_done(&sb);
		free(files[i]);
	}
	printf("ok 1 - %zu saved inputs of fuzz_%s replayed\n1..1\n", nfiles, name);
	free(files);
	free(dir);
	return 0;
}
