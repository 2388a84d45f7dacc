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

#endif
