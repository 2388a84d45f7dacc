/*
 * Allocation that cannot fail, and die().
 *
 * Running out of memory is fatal in jobterm: every allocator here calls die() instead of
 * returning NULL. die() runs the hook installed by the terminal UI (which restores the
 * terminal) before it prints `jobterm: <message>` to stderr and exits 1.
 */
#ifndef STORE_XMALLOC_H
#define STORE_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow an array of nmemb elements of size bytes, checking the multiplication for overflow. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
/* Copies; NULL in gives NULL out. The result is the caller's to free. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Set the function die() calls first (the UI's endwin()); NULL removes it. Main thread only. */
void die_hook_set(void (*hook)(void));
/* Print `jobterm: <message>` to stderr and exit(1). */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Copy a string into a fixed array, truncating; dst is always terminated. */
#define string_copy(dst, src) string_ncopy((dst), sizeof(dst), (src))
void string_ncopy(char *dst, size_t dstsize, const char *src);

#endif
