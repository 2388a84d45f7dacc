/*
 * Dates as feeds write them, to UTC epoch seconds.
 *
 * Accepts RFC 822/1123 (RSS pubDate, through libcurl's curl_getdate), RFC 3339 / ISO 8601
 * with or without a zone, fraction or seconds (a time without a zone is UTC), date only,
 * "YYYY-MM-DD HH:MM:SS UTC", and epoch numbers (seconds; above 10^11, milliseconds). Pure;
 * any thread.
 */
#ifndef NET_DATE_H
#define NET_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* Parse s; false (and *t untouched) when it is not a date jobterm can read. */
bool date_parse(const char *s, int64_t *t);
/* An epoch number as a feed wrote it (seconds, or milliseconds when above 10^11). */
int64_t date_from_epoch(double v);

#endif
