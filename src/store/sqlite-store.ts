import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';
import { createSqlitePapers } from './sqlite-papers.js';
import { createSqliteSubscriptions } from './sqlite-subscriptions.js';
import { createSqlitePostings } from './sqlite-postings.js';
import type { Store } from './store.js';
import { ConfigError } from '../errors.js';

/** Where the database lives unless `DATABASE_PATH` says otherwise (relative to the working directory). */
export const DEFAULT_DATABASE_PATH = 'data/paperbot.sqlite';

/**
 * Opens (creating it and its folder if needed) and migrates the SQLite database at `path`; `':memory:'` gives a
 * throw-away database for tests. WAL lets readers run beside the one writer; `synchronous = FULL` makes each
 * committed transaction survive a power cut, not only a process crash (https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
export function openSqliteStore(path: string = DEFAULT_DATABASE_PATH): Store {
  const db = openDatabaseFile(path);
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

/**
 * Opens the file in WAL mode. A path that cannot hold a database (a folder, a file of another kind, a folder this
 * process may not write) is the operator's to fix, not a fault: it throws a `ConfigError` naming the path.
 */
function openDatabaseFile(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    // The first statement that reads the file: one that is not a database fails here.
    db.pragma('journal_mode = WAL');
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`The database ${path} cannot be opened (${reason}): check DATABASE_PATH, which names a SQLite file in a folder this process may write.`);
  }
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
