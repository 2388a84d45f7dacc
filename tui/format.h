/*
 * How postings' values are written for people: salaries, ages, dates and filters. Shared by the
 * curses views and the headless commands so both say the same thing.
 */
#ifndef TUI_FORMAT_H
#define TUI_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "store/job.h"
#include "store/strbuf.h"

/* "$120k–150k", "€75k+", "£60k", "CHF 95k/mo", "USD 45/h"; "" when no salary is known. */
void format_salary(const struct job *job, char *out, size_t size);
/* How long ago t was: "now", "5m", "3h", "2d", "5w", "8mo", "2y"; "" when t is 0. */
void format_age(int64_t t, int64_t now, char *out, size_t size);
/* "2026-04-01T10:00:00Z"; "" when t is 0. */
void format_iso8601(int64_t t, char *out, size_t size);
/* "2026-04-01 10:00 UTC"; "" when t is 0. */
void format_date(int64_t t, char *out, size_t size);

/* Append the narrowing filters and the sort of f as the status line shows them, each after
 * two spaces ("  /rust  @berlin  remote"); nothing when f narrows nothing. */
void format_filters(struct strbuf *sb, const struct job_filter *f);

#endif
