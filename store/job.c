/*
 * Lifecycles of the plain data structs in job.h. Knows nothing of SQLite.
 */
#include "config.h"
#include "store/job.h"

#include <stdlib.h>
#include <string.h>

#include "store/xmalloc.h"

void
job_init(struct job *job)
{
	memset(job, 0, sizeof(*job));
}

void
job_done(struct job *job)
{
	free(job->guid);
	free(job->feed_url);
	free(job->feed_name);
	free(job->title);
	free(job->company);
	free(job->location);
	free(job->salary_currency);
	free(job->salary_period);
	free(job->employment_type);
	free(job->url);
	free(job->apply_url);
	free(job->description_html);
	free(job->description_text);
	free(job->tags);
	job_init(job);
}

double
job_salary_yearly(double amount, const char *period)
{
	static const struct {
		const char *name;
		double factor;
	} periods[] = {
		{ "hour", 2080 }, { "day", 260 }, { "week", 52 }, { "month", 12 }, { "year", 1 },
	};

	if (period)
		for (size_t i = 0; i < sizeof(periods) / sizeof(periods[0]); i++)
			if (!strcmp(period, periods[i].name))
				return amount * periods[i].factor;
	return amount;
}

void
job_list_init(struct job_list *list)
{
	memset(list, 0, sizeof(*list));
}

void
job_list_done(struct job_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		job_done(&list->v[i]);
	free(list->v);
	job_list_init(list);
}

struct job *
job_list_push(struct job_list *list)
{
	if (list->n == list->alloc) {
		list->alloc = list->alloc ? list->alloc * 2 : 16;
		list->v = xreallocarray(list->v, list->alloc, sizeof(*list->v));
	}
	job_init(&list->v[list->n]);
	return &list->v[list->n++];
}

void
feed_init(struct feed *feed)
{
	memset(feed, 0, sizeof(*feed));
}

void
feed_done(struct feed *feed)
{
	free(feed->url);
	free(feed->name);
	free(feed->format);
	free(feed->title);
	free(feed->etag);
	free(feed->last_modified);
	free(feed->last_error);
	feed_init(feed);
}

void
feed_list_init(struct feed_list *list)
{
	memset(list, 0, sizeof(*list));
}

void
feed_list_done(struct feed_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		feed_done(&list->v[i]);
	free(list->v);
	feed_list_init(list);
}

struct feed *
feed_list_push(struct feed_list *list)
{
	if (list->n == list->alloc) {
		list->alloc = list->alloc ? list->alloc * 2 : 8;
		list->v = xreallocarray(list->v, list->alloc, sizeof(*list->v));
	}
	feed_init(&list->v[list->n]);
	return &list->v[list->n++];
}

static const char *const sort_names[SORT_COUNT_] = {
	[SORT_DATE] = "date",
	[SORT_SALARY] = "salary",
	[SORT_RELEVANCE] = "relevance",
	[SORT_COMPANY] = "company",
};

const char *
job_sort_name(enum job_sort sort)
{
	return (unsigned)sort < SORT_COUNT_ ? sort_names[sort] : "date";
}

bool
job_sort_parse(const char *name, enum job_sort *sort)
{
	for (int i = 0; i < SORT_COUNT_; i++)
		if (!strcmp(name, sort_names[i])) {
			*sort = (enum job_sort)i;
			return true;
		}
	return false;
}

void
job_filter_init(struct job_filter *filter)
{
	memset(filter, 0, sizeof(*filter));
	filter->sort = SORT_DATE;
}

bool
job_filter_narrows(const struct job_filter *f)
{
	return (f->keyword && *f->keyword) || (f->location && *f->location) ||
	       (f->company && *f->company) || f->remote_only || f->favourites_only ||
	       f->unread_only || f->since_days > 0 || f->min_salary > 0 ||
	       f->status || f->seen_after > 0;
}
