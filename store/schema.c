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
};

const int schema_version = sizeof(schema_migrations) / sizeof(schema_migrations[0]);
