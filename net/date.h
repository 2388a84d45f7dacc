/*
 * Dates as feeds write them, to UTC epoch seconds.
 *
 * Accepts RFC 822/1123 (RSS pubDate, through libcurl's curl_getdate; the text must name a
 * month), RFC 3339 / ISO 8601 with or without a zone (Z, +HH, +HHMM, +HH:MM, " UTC"), a
 * fraction of any length or seconds (a time without a zone is UTC), date only,
 * "YYYY-MM-DD HH:MM:SS UTC", and epoch numbers in strings (9 to 16 digits, so a lone year is
 * not one; seconds, or milliseconds above 10^11). Years 1 to 9999. Never reads TZ or the
 * locale. Pure; any thread.
 */
#ifndef NET_DATE_H
#define NET_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* Parse s; false (and *t untouched) when it is not a date jobterm can read. */
bool date_parse(const char *s, int64_t *t);
/* An epoch number as a feed wrote it (seconds, or milliseconds when above 10^11); 0 when it
 * is not finite or falls outside years 1 to 9999. */
int64_t date_from_epoch(double v);

#endif
