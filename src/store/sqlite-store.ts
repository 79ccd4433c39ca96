import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';
import { createSqlitePapers } from './sqlite-papers.js';
import { createSqliteSubscriptions } from './sqlite-subscriptions.js';
import { createSqlitePostings } from './sqlite-postings.js';
import type { Store } from './store.js';

/** Where the database lives unless `DATABASE_PATH` says otherwise (relative to the working directory). */
export const DEFAULT_DATABASE_PATH = 'data/paperbot.sqlite';

/**
 * Opens (creating it and its folder if needed) and migrates the SQLite database at `path`; `':memory:'` gives a
 * throw-away database for tests. WAL lets readers run beside the one writer; `synchronous = FULL` makes each
 * committed transaction survive a power cut, not only a process crash (https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
export function openSqliteStore(path: string = DEFAULT_DATABASE_PATH): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (a CLI ingest beside the bot) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return {
    ...createSqlitePapers(db),
    ...createSqliteSubscriptions(db),
    ...createSqlitePostings(db),
    close: () => db.close(),
  };
}

/** Applies the migrations this database has not seen yet, each with its version bump in one transaction. */
export function migrate(db: Database.Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > MIGRATIONS.length) {
    throw new Error(`paperbot store: database schema version ${current} is newer than this build knows (${MIGRATIONS.length})`);
  }
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
