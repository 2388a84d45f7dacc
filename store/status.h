/*
 * One status code for every fallible function in jobterm, and a per-call error buffer.
 *
 * Functions that can fail return enum jt_status (JT_OK is 0) and, when the caller passes a
 * struct jt_err, leave a one-line message in it that names what failed and why. The buffer is
 * owned by the caller, so it is safe to use from either thread.
 */
#ifndef STORE_STATUS_H
#define STORE_STATUS_H

#include <stdarg.h>

#define JT_STATUS_INFO(_) \
	_(OK,		"success") \
	_(ERR_IO,	"input/output error") \
	_(ERR_DB,	"database error") \
	_(ERR_DB_NEWER,	"database was written by a newer jobterm") \
	_(ERR_NOTFOUND,	"not found") \
	_(ERR_USAGE,	"invalid argument") \
	_(ERR_CONFIG,	"configuration error") \
	_(ERR_PARSE,	"malformed feed") \
	_(ERR_FORMAT,	"not a feed jobterm can read") \
	_(ERR_TOOBIG,	"too large") \
	_(ERR_NET,	"network error") \
	_(ERR_HTTP,	"HTTP error") \
	_(ERR_TIMEOUT,	"timed out") \
	_(ERR_ABORTED,	"aborted")

#define JT_STATUS_ENUM(name, msg) JT_##name,
enum jt_status {
	JT_STATUS_INFO(JT_STATUS_ENUM)
};
#undef JT_STATUS_ENUM

struct jt_err {
	char msg[256];		/* NUL-terminated message; "" when nothing was said */
};

/* The fixed English text of a status. Never NULL; static storage. Any thread. */
const char *jt_status_str(enum jt_status rc);

/*
 * Write a printf-style message into err (which may be NULL) and return rc, so that a
 * failure path reads `return jt_fail(err, JT_ERR_IO, "%s: %s", path, strerror(errno));`.
 * The message is truncated to fit. Any thread.
 */
enum jt_status jt_fail(struct jt_err *err, enum jt_status rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clear err (which may be NULL). */
void jt_err_clear(struct jt_err *err);

#endif
