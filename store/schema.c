/*
 * The schema of jobterm's database, one migration at a time. Owns no code, only SQL.
 *
 * postings are unique per (feed_url, guid) and keep their rowid across refreshes, which is
 * the id users see. They name their feed by URL rather than by a foreign key, so a favourite
 * survives the removal of its feed and rejoins it if the feed is added again. User state
 * lives in user_state, keyed by posting id; a refresh never writes it.
 */
#include "config.h"
#include "store/schema.h"

const char *const schema_migrations[] = {
	/* 1: the first schema */
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  name TEXT,"			/* user's name for it */
	"  format TEXT,"		/* forced format, NULL = detect */
	"  title TEXT,"			/* the feed's own title */
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  last_fetch INTEGER NOT NULL DEFAULT 0,"
	"  last_ok INTEGER NOT NULL DEFAULT 0,"
	"  last_status INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT,"
	"  added INTEGER NOT NULL"
	");"
	"CREATE TABLE postings ("
	"  id INTEGER PRIMARY KEY,"
	"  feed_url TEXT NOT NULL,"
	"  guid TEXT NOT NULL,"
	"  title TEXT NOT NULL DEFAULT '',"
	"  company TEXT,"
	"  company_fold TEXT NOT NULL DEFAULT '',"
	"  location TEXT,"
	"  location_fold TEXT NOT NULL DEFAULT '',"
	"  remote INTEGER NOT NULL DEFAULT 0,"
	"  hybrid INTEGER NOT NULL DEFAULT 0,"
	"  salary_min REAL,"
	"  salary_max REAL,"
	"  salary_currency TEXT,"
	"  salary_period TEXT,"
	"  salary_year REAL NOT NULL DEFAULT 0,"	/* yearly figure of the larger amount; 0 unknown */
	"  employment_type TEXT,"
	"  posted INTEGER,"		/* UTC epoch; NULL when the feed gave none */
	"  date_key INTEGER NOT NULL,"	/* posted, else first_seen: the date sort */
	"  url TEXT,"
	"  apply_url TEXT,"
	"  description_html TEXT,"
	"  description_text TEXT,"
	"  tags TEXT,"
	"  first_seen INTEGER NOT NULL,"
	"  last_seen INTEGER NOT NULL,"
	"  hash INTEGER NOT NULL,"	/* of the content, to skip re-indexing unchanged postings */
	"  UNIQUE (feed_url, guid)"
	");"
	"CREATE INDEX postings_date ON postings (date_key DESC, id DESC);"
	"CREATE INDEX postings_salary ON postings (salary_year DESC, id DESC);"
	"CREATE INDEX postings_company ON postings (company_fold, date_key DESC, id DESC);"
	"CREATE INDEX postings_last_seen ON postings (last_seen);"
	"CREATE TABLE user_state ("
	"  job_id INTEGER PRIMARY KEY REFERENCES postings (id) ON DELETE CASCADE,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  favourite INTEGER NOT NULL DEFAULT 0,"
	"  hidden INTEGER NOT NULL DEFAULT 0,"
	"  changed INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX user_state_favourite ON user_state (job_id) WHERE favourite;"
	/* Full-text index over the postings table (external content), kept by triggers. */
	"CREATE VIRTUAL TABLE postings_fts USING fts5 ("
	"  title, company, location, tags, description_text,"
	"  content = 'postings', content_rowid = 'id',"
	"  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
	");"
	"CREATE TRIGGER postings_ai AFTER INSERT ON postings BEGIN"
	"  INSERT INTO postings_fts (rowid, title, company, location, tags, description_text)"
	"  VALUES (new.id, new.title, new.company, new.location, new.tags, new.description_text);"
	"END;"
	"CREATE TRIGGER postings_ad AFTER DELETE ON postings BEGIN"
	"  INSERT INTO postings_fts (postings_fts, rowid, title, company, location, tags,"
	"    description_text)"
	"  VALUES ('delete', old.id, old.title, old.company, old.location, old.tags,"
	"    old.description_text);"
	"END;"
	"CREATE TRIGGER postings_au AFTER UPDATE ON postings WHEN old.hash IS NOT new.hash BEGIN"
	"  INSERT INTO postings_fts (postings_fts, rowid, title, company, location, tags,"
	"    description_text)"
	"  VALUES ('delete', old.id, old.title, old.company, old.location, old.tags,"
	"    old.description_text);"
	"  INSERT INTO postings_fts (rowid, title, company, location, tags, description_text)"
	"  VALUES (new.id, new.title, new.company, new.location, new.tags, new.description_text);"
	"END;",
	/* 2: when a feed may be refreshed again (a board's interval, a server's Retry-After) */
	"ALTER TABLE feeds ADD COLUMN next_fetch INTEGER NOT NULL DEFAULT 0;",
	/*
	 * 3: the job hunt. Applications (a status, when it changed, a note, and every change in
	 * status_history); saved searches; blocked companies and words; duplicates across boards.
	 *
	 * A duplicate group is every posting with the same dup_key (normalised company, title
	 * and location, from jt_dup_key(); NULL: never grouped). One member represents the group:
	 * a favourite first, else the oldest, so a new member never displaces it. The others are
	 * marked dup_member in posting_flags, a narrow table holding only the postings that are
	 * marked (as members, or as blocked by jt_blocked(), which reads the connection's block
	 * list), so that a list tests them with one rowid lookup instead of reading the wide
	 * postings rows. dup_groups holds, for each group of two or more, how many feeds carry
	 * it. The triggers below keep all of it right when a posting is added, removed or
	 * changes its key, touching only the group concerned; a grouped list is then a plain
	 * indexed query. A tracked posting is always a favourite (the user_state triggers refuse
	 * anything else), so prune and feed removal keep it.
	 */
	"ALTER TABLE user_state ADD COLUMN status INTEGER;"	/* enum track_status; NULL none */
	"ALTER TABLE user_state ADD COLUMN status_changed INTEGER;"
	"ALTER TABLE user_state ADD COLUMN note TEXT;"
	"CREATE INDEX user_state_status ON user_state (status) WHERE status IS NOT NULL;"
	"CREATE TABLE status_history ("
	"  id INTEGER PRIMARY KEY,"
	"  job_id INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,"
	"  status INTEGER NOT NULL,"	/* 0: no longer tracked */
	"  at INTEGER NOT NULL"
	");"
	"CREATE INDEX status_history_job ON status_history (job_id, at);"
	"CREATE TRIGGER user_state_tracked_ins BEFORE INSERT ON user_state"
	"  WHEN new.status IS NOT NULL AND NOT new.favourite BEGIN"
	"  SELECT RAISE(ABORT, 'a tracked posting stays a favourite');"
	"END;"
	"CREATE TRIGGER user_state_tracked_upd BEFORE UPDATE OF favourite, status ON user_state"
	"  WHEN new.status IS NOT NULL AND NOT new.favourite BEGIN"
	"  SELECT RAISE(ABORT, 'a tracked posting stays a favourite');"
	"END;"
	"CREATE TABLE searches ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  keyword TEXT,"
	"  location TEXT,"
	"  company TEXT,"
	"  remote INTEGER NOT NULL DEFAULT 0,"
	"  favourites INTEGER NOT NULL DEFAULT 0,"
	"  unread INTEGER NOT NULL DEFAULT 0,"
	"  since_days INTEGER NOT NULL DEFAULT 0,"
	"  min_salary REAL NOT NULL DEFAULT 0,"
	"  status INTEGER NOT NULL DEFAULT 0,"
	"  sort TEXT,"
	"  created INTEGER NOT NULL,"
	"  opened INTEGER NOT NULL"	/* last opened; new postings are those first seen after */
	");"
	"CREATE TABLE blocks ("
	"  kind INTEGER NOT NULL,"	/* 0 company, 1 word */
	"  text TEXT NOT NULL,"		/* as the config file has it */
	"  key TEXT NOT NULL,"		/* normalised, as it is matched */
	"  PRIMARY KEY (kind, key)"
	");"
	"CREATE TABLE posting_flags ("
	"  id INTEGER PRIMARY KEY REFERENCES postings (id) ON DELETE CASCADE,"
	"  dup_member INTEGER NOT NULL DEFAULT 0,"	/* a duplicate, not its group's representative */
	"  blocked INTEGER NOT NULL DEFAULT 0"	/* matches a blocked company or word */
	");"
	"CREATE INDEX posting_flags_blocked ON posting_flags (id) WHERE blocked;"
	"CREATE TABLE dup_groups ("
	"  key TEXT PRIMARY KEY,"
	"  sources INTEGER NOT NULL"	/* feeds carrying a posting of the group */
	");"
	"ALTER TABLE postings ADD COLUMN dup_key TEXT;"
	"CREATE INDEX postings_dup ON postings (dup_key, feed_url) WHERE dup_key IS NOT NULL;"
	"UPDATE postings SET dup_key = jt_dup_key(company, title, location);"
	"INSERT INTO dup_groups (key, sources) SELECT dup_key, count(DISTINCT feed_url)"
	"  FROM postings WHERE dup_key IS NOT NULL GROUP BY dup_key HAVING count(*) > 1;"
/* The posting that should represent group k. */
#define DUP_BEST(k) \
	"(SELECT q.id FROM postings q LEFT JOIN user_state u ON u.job_id = q.id" \
	"  WHERE q.dup_key = " k " ORDER BY coalesce(u.favourite, 0) DESC, q.id LIMIT 1)"
/* Group k's count of feeds, counted again. */
#define DUP_COUNT(k) \
	"DELETE FROM dup_groups WHERE key = " k ";" \
	"INSERT INTO dup_groups (key, sources) SELECT " k ", count(DISTINCT feed_url)" \
	"  FROM postings WHERE dup_key = " k " GROUP BY dup_key HAVING count(*) > 1;"
/* Group k has no representative left: elect one. */
#define DUP_ELECT(k) \
	"UPDATE posting_flags SET dup_member = 0 WHERE id = " DUP_BEST(k) \
	"  AND NOT EXISTS (SELECT 1 FROM postings q LEFT JOIN posting_flags x ON x.id = q.id" \
	"    WHERE q.dup_key = " k " AND NOT coalesce(x.dup_member, 0));"
	"INSERT INTO posting_flags (id, dup_member) SELECT p.id, 1 FROM postings p"
	"  WHERE p.dup_key IN (SELECT key FROM dup_groups) AND p.id != " DUP_BEST("p.dup_key") ";"
	/* A new posting joins a group as a plain member; the count grows if its feed is new to
	 * the group (which had one member, its representative, when it has no row yet). */
	"CREATE TRIGGER postings_dup_ai AFTER INSERT ON postings"
	"  WHEN new.dup_key IS NOT NULL AND EXISTS (SELECT 1 FROM postings"
	"    WHERE dup_key = new.dup_key AND id != new.id) BEGIN "
	"INSERT INTO posting_flags (id, dup_member) VALUES (new.id, 1)"
	"  ON CONFLICT (id) DO UPDATE SET dup_member = 1;"
	"INSERT INTO dup_groups (key, sources) VALUES (new.dup_key, 1 + NOT EXISTS (SELECT 1"
	"    FROM postings WHERE dup_key = new.dup_key AND feed_url = new.feed_url"
	"    AND id != new.id))"
	"  ON CONFLICT (key) DO UPDATE SET sources = sources + excluded.sources - 1;"
	"END;"
	/* A member leaves: a new representative if it was the one, and the count. */
	"CREATE TRIGGER postings_dup_ad AFTER DELETE ON postings"
	"  WHEN old.dup_key IS NOT NULL AND EXISTS (SELECT 1 FROM dup_groups"
	"    WHERE key = old.dup_key) BEGIN "
	DUP_ELECT("old.dup_key")
	DUP_COUNT("old.dup_key")
	"END;"
	/* A posting moves from one group to another (its company, title or location changed). */
	"CREATE TRIGGER postings_dup_au AFTER UPDATE OF dup_key ON postings"
	"  WHEN old.dup_key IS NOT new.dup_key BEGIN "
	"INSERT INTO posting_flags (id, dup_member) SELECT q.id, 1 FROM postings q"
	"  WHERE q.dup_key = new.dup_key ON CONFLICT (id) DO UPDATE SET dup_member = 1;"
	"UPDATE posting_flags SET dup_member = 0 WHERE id = " DUP_BEST("new.dup_key") ";"
	"UPDATE posting_flags SET dup_member = 0 WHERE id = new.id AND new.dup_key IS NULL;"
	DUP_ELECT("old.dup_key")
	DUP_COUNT("old.dup_key")
	DUP_COUNT("new.dup_key")
	"END;"
	/* Blocked as stored, and as changed, by the block list of the connection storing it. */
	"CREATE TRIGGER postings_blocked_ai AFTER INSERT ON postings"
	"  WHEN jt_blocked(new.company, new.title, new.tags) BEGIN "
	"INSERT INTO posting_flags (id, blocked) VALUES (new.id, 1)"
	"  ON CONFLICT (id) DO UPDATE SET blocked = 1;"
	"END;"
	"CREATE TRIGGER postings_blocked_au AFTER UPDATE OF company, title, tags ON postings"
	"  WHEN jt_blocked(new.company, new.title, new.tags) IS NOT"
	"    coalesce((SELECT blocked FROM posting_flags WHERE id = new.id), 0) BEGIN "
	"INSERT INTO posting_flags (id, blocked)"
	"  VALUES (new.id, jt_blocked(new.company, new.title, new.tags))"
	"  ON CONFLICT (id) DO UPDATE SET blocked = excluded.blocked;"
	"END;",
#undef DUP_BEST
#undef DUP_COUNT
#undef DUP_ELECT
	/*
	 * 4: the full-text index is written once per refresh, not once per posting, and has no
	 * prefix indexes. A refresh adds its new postings to postings_fts in one statement
	 * before it commits (store_ingest_commit); a trigger for each would make FTS5 flush and
	 * merge a segment for every row. jt_indexed(id) is false for a posting added by the
	 * refresh under way, which is not in the index yet, so the triggers that take old text
	 * out of the index leave it alone. The prefix indexes took half the time of indexing,
	 * and a prefix of two or more letters is found as quickly from the terms themselves.
	 */
	"DROP TRIGGER postings_ai;"
	"DROP TRIGGER postings_ad;"
	"DROP TRIGGER postings_au;"
	"DROP TABLE postings_fts;"
	"CREATE VIRTUAL TABLE postings_fts USING fts5 ("
	"  title, company, location, tags, description_text,"
	"  content = 'postings', content_rowid = 'id',"
	"  tokenize = 'unicode61 remove_diacritics 2'"
	");"
	"INSERT INTO postings_fts (postings_fts) VALUES ('rebuild');"
	/* A posting with a note is kept like a tracked one: it stays a favourite. */
	"DROP TRIGGER user_state_tracked_ins;"
	"DROP TRIGGER user_state_tracked_upd;"
	"CREATE TRIGGER user_state_kept_ins BEFORE INSERT ON user_state"
	"  WHEN (new.status IS NOT NULL OR new.note IS NOT NULL) AND NOT new.favourite BEGIN"
	"  SELECT RAISE(ABORT, 'a tracked posting, or one with a note, stays a favourite');"
	"END;"
	"CREATE TRIGGER user_state_kept_upd BEFORE UPDATE OF favourite, status, note ON user_state"
	"  WHEN (new.status IS NOT NULL OR new.note IS NOT NULL) AND NOT new.favourite BEGIN"
	"  SELECT RAISE(ABORT, 'a tracked posting, or one with a note, stays a favourite');"
	"END;"
	/*
	 * How many postings each folded location has, remote and not: the number of postings,
	 * and of those a location filter finds, without reading the postings (store_jobs_count).
	 */
	"CREATE TABLE location_counts ("
	"  fold TEXT NOT NULL,"
	"  remote INTEGER NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  PRIMARY KEY (fold, remote)"
	") WITHOUT ROWID;"
	"INSERT INTO location_counts (fold, remote, n)"
	"  SELECT location_fold, remote, count(*) FROM postings GROUP BY 1, 2;"
	"CREATE TRIGGER location_counts_ai AFTER INSERT ON postings BEGIN"
	"  INSERT INTO location_counts (fold, remote, n) VALUES (new.location_fold, new.remote, 1)"
	"    ON CONFLICT (fold, remote) DO UPDATE SET n = n + 1;"
	"END;"
	"CREATE TRIGGER location_counts_ad AFTER DELETE ON postings BEGIN"
	"  UPDATE location_counts SET n = n - 1"
	"    WHERE fold = old.location_fold AND remote = old.remote;"
	"  DELETE FROM location_counts WHERE fold = old.location_fold AND remote = old.remote"
	"    AND n <= 0;"
	"END;"
	"CREATE TRIGGER location_counts_au AFTER UPDATE OF location_fold, remote ON postings"
	"  WHEN old.location_fold IS NOT new.location_fold OR old.remote IS NOT new.remote BEGIN"
	"  UPDATE location_counts SET n = n - 1"
	"    WHERE fold = old.location_fold AND remote = old.remote;"
	"  DELETE FROM location_counts WHERE fold = old.location_fold AND remote = old.remote"
	"    AND n <= 0;"
	"  INSERT INTO location_counts (fold, remote, n) VALUES (new.location_fold, new.remote, 1)"
	"    ON CONFLICT (fold, remote) DO UPDATE SET n = n + 1;"
	"END;"
	"CREATE TRIGGER postings_ad AFTER DELETE ON postings WHEN jt_indexed(old.id) BEGIN"
	"  INSERT INTO postings_fts (postings_fts, rowid, title, company, location, tags,"
	"    description_text)"
	"  VALUES ('delete', old.id, old.title, old.company, old.location, old.tags,"
	"    old.description_text);"
	"END;"
	"CREATE TRIGGER postings_au AFTER UPDATE ON postings"
	"  WHEN old.hash IS NOT new.hash AND jt_indexed(old.id) BEGIN"
	"  INSERT INTO postings_fts (postings_fts, rowid, title, company, location, tags,"
	"    description_text)"
	"  VALUES ('delete', old.id, old.title, old.company, old.location, old.tags,"
	"    old.description_text);"
	"  INSERT INTO postings_fts (rowid, title, company, location, tags, description_text)"
	"  VALUES (new.id, new.title, new.company, new.location, new.tags, new.description_text);"
	"END;",
	/*
	 * 5: the full-text index is keyed by date (FTS_KEY in schema.h), not by posting id. FTS5
	 * returns matches in rowid order, so a keyword list in date order used to read every
	 * match and test the date index against all of them (21 ms for a word in 68 000 of
	 * 1 000 000 postings); now it reads the index backwards and stops after a screenful
	 * (under a millisecond). The index's content is a view giving each posting's key. The
	 * rebuild below adds the postings in key order: FTS5 flushes a segment whenever a rowid
	 * is smaller than the one before it.
	 */
	"DROP TRIGGER postings_ad;"
	"DROP TRIGGER postings_au;"
	"DROP TABLE postings_fts;"
	"CREATE VIEW postings_fts_rows AS SELECT " FTS_KEY("date_key", "id") " AS fts_key,"
	"  title, company, location, tags, description_text FROM postings;"
	"CREATE VIRTUAL TABLE postings_fts USING fts5 ("
	"  title, company, location, tags, description_text,"
	"  content = 'postings_fts_rows', content_rowid = 'fts_key',"
	"  tokenize = 'unicode61 remove_diacritics 2'"
	");"
	"INSERT INTO postings_fts (rowid, title, company, location, tags, description_text)"
	"  SELECT k.key, p.title, p.company, p.location, p.tags, p.description_text"
	"  FROM (SELECT " FTS_KEY("date_key", "id") " AS key, id FROM postings"
	"    ORDER BY 1 LIMIT -1) k JOIN postings p ON p.id = k.id;"
	"CREATE TRIGGER postings_ad AFTER DELETE ON postings WHEN jt_indexed(old.id) BEGIN"
	"  INSERT INTO postings_fts (postings_fts, rowid, title, company, location, tags,"
	"    description_text)"
	"  VALUES ('delete', " FTS_KEY("old.date_key", "old.id") ", old.title, old.company,"
	"    old.location, old.tags, old.description_text);"
	"END;"
	"CREATE TRIGGER postings_au AFTER UPDATE ON postings"
	"  WHEN (old.hash IS NOT new.hash OR old.date_key IS NOT new.date_key)"
	"  AND jt_indexed(old.id) BEGIN"
	"  INSERT INTO postings_fts (postings_fts, rowid, title, company, location, tags,"
	"    description_text)"
	"  VALUES ('delete', " FTS_KEY("old.date_key", "old.id") ", old.title, old.company,"
	"    old.location, old.tags, old.description_text);"
	"  INSERT INTO postings_fts (rowid, title, company, location, tags, description_text)"
	"  VALUES (" FTS_KEY("new.date_key", "new.id") ", new.title, new.company, new.location,"
	"    new.tags, new.description_text);"
	"END;",
};

const int schema_version = sizeof(schema_migrations) / sizeof(schema_migrations[0]);
