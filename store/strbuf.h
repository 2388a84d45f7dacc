/*
 * A growable byte buffer with a hard cap.
 *
 * The buffer is always NUL-terminated (buf[len] == '\0') so it can be read as a string.
 * A buffer with a cap refuses to grow past it: the append functions return false and leave
 * the buffer as it was, and `toobig` stays set, so a caller can stop reading at once.
 */
#ifndef STORE_STRBUF_H
#define STORE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *buf;		/* owned; NULL until the first append */
	size_t len;		/* bytes used, not counting the terminating NUL */
	size_t alloc;		/* bytes allocated */
	size_t cap;		/* most bytes it may hold; 0 = no cap */
	bool toobig;		/* an append was refused by the cap */
};

void strbuf_init(struct strbuf *sb, size_t cap);
void strbuf_done(struct strbuf *sb);
/* Forget the contents but keep the memory. */
void strbuf_reset(struct strbuf *sb);
bool strbuf_add(struct strbuf *sb, const void *data, size_t len);
bool strbuf_adds(struct strbuf *sb, const char *s);
bool strbuf_addc(struct strbuf *sb, char c);
bool strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Give the contents to the caller (who frees them, never NULL) and reset the buffer. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
/* The contents as a string, borrowed until the next change; "" when empty. */
const char *strbuf_str(const struct strbuf *sb);

#endif
