/*
 * Status codes and error messages. Owns the table of status texts; knows nothing of the
 * other modules.
 */
#include "config.h"
#include "store/status.h"

#include <stdio.h>

#define JT_STATUS_TEXT(name, msg) msg,
static const char *const status_text[] = {
	JT_STATUS_INFO(JT_STATUS_TEXT)
};
#undef JT_STATUS_TEXT

const char *
jt_status_str(enum jt_status rc)
{
	if ((unsigned)rc >= sizeof(status_text) / sizeof(status_text[0]))
		return "unknown error";
	return status_text[rc];
}

enum jt_status
jt_fail(struct jt_err *err, enum jt_status rc, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return rc;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return rc;
}

void
jt_err_clear(struct jt_err *err)
{
	if (err)
		err->msg[0] = '\0';
}
