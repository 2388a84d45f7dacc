/*
 * What the modules of store/ share behind the public API: the SQLite connection of a struct
 * store and the job hunt's per-connection state. Included only by the .c files of store/;
 * the layers above never see SQLite.
 */
#ifndef STORE_STORE_DB_H
#define STORE_STORE_DB_H

#include <stdbool.h>

#include "store/status.h"
#include "store/store.h"

struct sqlite3;
struct sqlite3_stmt;
struct hunt_cache;

/* The connection behind s, borrowed for s's life. The thread that owns s only. */
struct sqlite3 *store_db(struct store *s);
/* The job hunt's state of this connection (blocked words and companies), borrowed. */
struct hunt_cache *store_hunt(struct store *s);
/* Fill err with "PATH: what: SQLite's message" and return JT_ERR_DB. */
enum jt_status store_db_fail(struct store *s, struct jt_err *err, const char *what);
/* Bind a string to parameter i, or NULL for a NULL or empty one. */
void store_bind_text(struct sqlite3_stmt *st, int i, const char *v);
/* Column i as a string the caller frees, or NULL. */
char *store_col_text(struct sqlite3_stmt *st, int i);

/*
 * Register the job hunt's SQL functions (jt_dup_key, jt_blocked) on db, with a cache of
 * blocked companies and words that SQLite frees when db closes. Called by store_open() before
 * the schema is migrated (migration 3 calls jt_dup_key). NULL when SQLite refused.
 */
struct hunt_cache *hunt_attach(struct sqlite3 *db);
/*
 * Read the blocked companies and words from the database into the cache that jt_blocked()
 * reads, inside the caller's transaction (a refresh does this after BEGIN IMMEDIATE, so the
 * postings it stores are flagged by the latest list).
 */
enum jt_status hunt_blocks_load(struct store *s, struct jt_err *err);

#endif
