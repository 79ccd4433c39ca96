/**
 * The schema, as an append-only list: migration N brings a database from `user_version` N to N + 1. Never
 * edit a shipped entry; add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE papers (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    upvotes INTEGER,
    updated_at TEXT NOT NULL
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
  // Each write of papers takes the next revision, so that a saved index can say which papers it already holds
  // (src/library/snapshot.ts). Not updated_at: a clock can go back, and papers written in the same millisecond by
  // the bot and `npm run ingest` would be told apart by neither. Papers stored before take their rowid as
  // revision: in the order they were first stored, gaps and all (only the order matters).
  `
  ALTER TABLE papers ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
  UPDATE papers SET revision = rowid;
  CREATE INDEX papers_by_revision ON papers (revision, id);
  `,
  // A claim on a posting: who holds it and until when (ISO timestamps sort as text). Several processes on one
  // database each run the scheduler; the one whose claim is live posts, the others leave the digest alone, and a
  // claim whose process died ends with its lease (src/claim/hold-claim.ts).
  `
  ALTER TABLE postings ADD COLUMN claimed_by TEXT;
  ALTER TABLE postings ADD COLUMN claimed_until TEXT;
  `,
];
