/*
 * The database schema as an ordered list of migrations. Migration i (counted from 1) brings a
 * database from user_version i-1 to i. Migrations are only ever appended: a released one is
 * never edited, so every database reaches the same schema whatever version it started from.
 */
#ifndef STORE_SCHEMA_H
#define STORE_SCHEMA_H

/* 'JobT': marks the file as a jobterm database (PRAGMA application_id). */
#define SCHEMA_APPLICATION_ID 0x4A6F6254

/* SQL of the migrations, in order; schema_migrations[i] makes user_version i + 1. */
extern const char *const schema_migrations[];
extern const int schema_version;

/*
 * The full-text index's rowid for a posting (schema migration 5): its date key, clamped to
 * 0 .. 2^32 - 1, above its id, which must stay below 2^31. The index's rowid order is then
 * the list's date order (date_key, id), newest last, and a keyword list in date order reads
 * its first screenful of matches from the index alone. Arguments are SQL expressions.
 */
#define FTS_KEY(date, id) "((max(0, min(" date ", 4294967295)) << 31) | " id ")"
/* The posting id of a full-text index rowid. */
#define FTS_ID(key) "(" key " & 2147483647)"

#endif
