/**
 * The PostgreSQL schema, as an append-only list beside SQLite's (`migrations.ts`), version for version: migration N
 * brings a database from version N to N + 1 (`paperbot_schema`). Never edit a shipped entry; add a new one to
 * both lists. Timestamps are ISO text, as in SQLite, so that both run the same SQL (`posting-sql.ts`). `position`
 * keeps the order rows were first stored in, which SQLite reads from its `rowid`.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE papers (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    upvotes INTEGER,
    updated_at TEXT NOT NULL,
    position BIGSERIAL NOT NULL
  );
  CREATE TABLE daily_listings (
    day TEXT NOT NULL,
    paper_id TEXT NOT NULL REFERENCES papers(id),
    PRIMARY KEY (day, paper_id)
  );
  CREATE TABLE subscriptions (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    time TEXT NOT NULL,
    timezone TEXT NOT NULL,
    filter TEXT,
    top INTEGER NOT NULL,
    on_empty_day TEXT NOT NULL,
    unavailable_since TEXT,
    unavailable_reason TEXT,
    position BIGSERIAL NOT NULL,
    PRIMARY KEY (platform, channel_id)
  );
  CREATE TABLE postings (
    digest_key TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    day TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    message_id TEXT,
    last_error TEXT,
    next_attempt_at TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX postings_by_channel_day ON postings (platform, channel_id, day);
  `,
  `
  ALTER TABLE papers ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX papers_by_revision ON papers (revision, id);
  `,
  `
  ALTER TABLE postings ADD COLUMN claimed_by TEXT;
  ALTER TABLE postings ADD COLUMN claimed_until TEXT;
  `,
];
