import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { ConfigError } from '../src/errors.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { paper, storeContract } from './store-contract.js';

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'paperbot.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the Store contract on SQLite', () => {
  storeContract(async () => {
    const path = tempPath();
    return { open: () => openSqliteStore(path), env: { DATABASE_PATH: path }, drop: async () => {} };
  });
});

describe('openSqliteStore', () => {
  it('creates the folder and file, migrates to the latest version and uses WAL', async () => {
    const path = tempPath();
    await (await openSqliteStore(path)).close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('says which path and setting to check when the path cannot hold a database: a folder, or a file of another kind', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'paperbot-store-'));
    dirs.push(folder);
    const notADatabase = join(folder, 'notes.txt');
    writeFileSync(notADatabase, 'not a database, but long enough to be read as one. '.repeat(4));
    for (const path of [folder, notADatabase]) {
      // A ConfigError is printed alone by npm start and npm run ingest (exit 1), not as a fault to report.
      const failure = openSqliteStore(path);
      await expect(failure).rejects.toThrow(ConfigError);
      await expect(failure).rejects.toThrow(`The database ${path} cannot be opened`);
      await expect(failure).rejects.toThrow(/check DATABASE_PATH/);
    }
  });

  it('refuses a database from a newer build', async () => {
    const path = tempPath();
    await (await openSqliteStore(path)).close();
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    await expect(openSqliteStore(path)).rejects.toThrow(/newer than this build/);
  });
});

describe('a database from an earlier build', () => {
  it('numbers the papers of a database from before revisions in the order they were stored', async () => {
    const path = tempPath();
    await (await openSqliteStore(path)).close();
    // Back to the first schema, with two papers stored by that build.
    const db = new Database(path);
    db.exec('DROP INDEX papers_by_revision; ALTER TABLE papers DROP COLUMN revision');
    db.exec('ALTER TABLE postings DROP COLUMN claimed_by; ALTER TABLE postings DROP COLUMN claimed_until');
    db.pragma('user_version = 1');
    const insert = db.prepare("INSERT INTO papers (id, record, upvotes, updated_at) VALUES (?, ?, 1, '2026-08-20T09:00:00.000Z')");
    for (const id of ['b', 'a']) insert.run(id, JSON.stringify(paper(id, 1)));
    db.close();
    const migrated = await openSqliteStore(path);
    expect((await migrated.papersChangedSince()).revisions).toEqual(new Map([['b', 1], ['a', 2]]));
    await migrated.upsertPapers([paper('c', 1)]);
    expect((await migrated.papersChangedSince(2)).papers.map((p) => p.id)).toEqual(['c']);
    await migrated.close();
  });
});
