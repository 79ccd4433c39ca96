import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';
import { createSqlitePapers } from './sqlite-papers.js';
import { createSubscriptions } from './subscriptions.js';
import { createPostings } from './postings.js';
import { sqliteRunner } from './sql-runner.js';
import type { Store } from './store.js';
import { migrate, type MigrationTarget } from './migrate.js';
import { ConfigError } from '../errors.js';

/** Where the database lives unless `DATABASE_PATH` says otherwise (relative to the working directory). */
export const DEFAULT_DATABASE_PATH = 'data/paperbot.sqlite';

/**
 * Opens (creating it and its folder if needed) and migrates the SQLite database at `path`; `':memory:'` gives a
 * throw-away database for tests. WAL lets readers run beside the one writer; `synchronous = FULL` makes each
 * committed transaction survive a power cut, not only a process crash (https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
export async function openSqliteStore(path: string = DEFAULT_DATABASE_PATH): Promise<Store> {
  const db = openDatabaseFile(path);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (a CLI ingest beside the bot) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  try {
    await migrate(sqliteMigrationTarget(db, path), MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  const sql = sqliteRunner(db);
  return {
    ...createSqlitePapers(db),
    ...createSubscriptions(sql),
    ...createPostings(sql),
    close: async () => {
      db.close();
    },
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

/** The migrations under way in this process, by database path. */
const migrating = new Map<string, Promise<void>>();

/**
 * Runs `work` after any other of this process on the same path. Between processes, SQLite's write lock orders
 * migrations; within one, a second connection would wait for that lock synchronously (`busy_timeout`), blocking
 * the thread on which the first must finish, until it failed with "database is locked".
 */
function oneAtATime(path: string, work: () => Promise<void>): Promise<void> {
  const turn = (migrating.get(path) ?? Promise.resolve()).then(work);
  const settled = turn.catch(() => {});
  migrating.set(path, settled);
  void settled.then(() => {
    if (migrating.get(path) === settled) migrating.delete(path);
  });
  return turn;
}

/**
 * The SQLite side of the migration runner: the version is `user_version`, and the lock the write lock of an
 * IMMEDIATE transaction (schema changes and the version are transactional in SQLite).
 */
function sqliteMigrationTarget(db: Database.Database, path: string): MigrationTarget {
  return {
    locked: (work) => oneAtATime(path, async () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        await work();
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    }),
    version: async () => Number(db.pragma('user_version', { simple: true })),
    apply: async (migration, version) => {
      db.exec(migration);
      db.pragma(`user_version = ${version}`);
    },
  };
}
