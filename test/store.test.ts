import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { ConfigError } from '../src/errors.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import type { Paper } from '../src/types.js';
import type { Claimant, PostingRef, Store } from '../src/store/store.js';

function paper(id: string, upvotes: number, extra: Partial<Paper> = {}): Paper {
  return { id, arxivId: id, title: `Paper ${id}`, abstract: 'An abstract.', authors: ['A. Author'], upvotes, source: 'hf-api', ...extra };
}

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'paperbot.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openSqliteStore', () => {
  it('creates the folder and file, migrates to the latest version and uses WAL', () => {
    const path = tempPath();
    openSqliteStore(path).close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps data across reopen and does not migrate twice', () => {
    const path = tempPath();
    const first = openSqliteStore(path);
    first.upsertPapers([paper('2608.00001', 3)], '2026-08-20');
    first.close();
    const second = openSqliteStore(path);
    expect(second.papersListedOn('2026-08-20').map((p) => p.id)).toEqual(['2608.00001']);
    second.close();
  });

  it('says which path and setting to check when the path cannot hold a database: a folder, or a file of another kind', () => {
    const folder = mkdtempSync(join(tmpdir(), 'paperbot-store-'));
    dirs.push(folder);
    const notADatabase = join(folder, 'notes.txt');
    writeFileSync(notADatabase, 'not a database, but long enough to be read as one. '.repeat(4));
    for (const path of [folder, notADatabase]) {
      // A ConfigError is printed alone by npm start and npm run ingest (exit 1), not as a fault to report.
      expect(() => openSqliteStore(path)).toThrow(ConfigError);
      expect(() => openSqliteStore(path)).toThrow(`The database ${path} cannot be opened`);
      expect(() => openSqliteStore(path)).toThrow(/check DATABASE_PATH/);
    }
  });

  it('refuses a database from a newer build', () => {
    const path = tempPath();
    openSqliteStore(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteStore(path)).toThrow(/newer than this build/);
  });
});

describe('upsertPapers', () => {
  it('adds new papers, updates changed ones and adds nothing twice', () => {
    const store = openSqliteStore(':memory:');
    expect(store.upsertPapers([paper('a', 1), paper('b', 2)], '2026-08-20')).toEqual({ added: ['a', 'b'], updated: [], unchanged: [] });
    expect(store.upsertPapers([paper('a', 5), paper('b', 2)], '2026-08-20')).toEqual({ added: [], updated: ['a'], unchanged: ['b'] });
    expect(store.papersChangedSince().papers).toHaveLength(2);
    expect(store.papersListedOn('2026-08-20').find((p) => p.id === 'a')?.upvotes).toBe(5);
    store.close();
  });

  it('never blanks out a field a later record lacks', () => {
    const store = openSqliteStore(':memory:');
    store.upsertPapers([paper('a', 1, { githubRepo: 'https://github.com/x/y' })]);
    store.upsertPapers([paper('a', 2)]);
    expect(store.papersChangedSince().papers[0]).toMatchObject({ upvotes: 2, githubRepo: 'https://github.com/x/y' });
    store.close();
  });

  it('gives each write the next revision, and hands back the papers changed after one', () => {
    const store = openSqliteStore(':memory:');
    expect(store.papersChangedSince()).toEqual({ revisions: new Map(), papers: [] });
    store.upsertPapers([paper('a', 1), paper('b', 1)]);
    store.upsertPapers([paper('c', 1)]);
    store.upsertPapers([paper('a', 4), paper('c', 1)]);
    // c came in again unchanged: it keeps revision 2.
    expect(store.papersChangedSince(2)).toEqual({ revisions: new Map([['a', 3], ['b', 1], ['c', 2]]), papers: [paper('a', 4)] });
    expect(store.papersChangedSince(1).papers.map((p) => p.id)).toEqual(['a', 'c']);
    expect(store.papersChangedSince().papers.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(store.papersChangedSince(3).papers).toEqual([]);
    store.close();
  });

  it('numbers the papers of a database from before revisions in the order they were stored', () => {
    const path = tempPath();
    const store = openSqliteStore(path);
    store.close();
    // Back to the first schema, with two papers stored by that build.
    const db = new Database(path);
    db.exec('DROP INDEX papers_by_revision; ALTER TABLE papers DROP COLUMN revision');
    db.exec('ALTER TABLE postings DROP COLUMN claimed_by; ALTER TABLE postings DROP COLUMN claimed_until');
    db.pragma('user_version = 1');
    const insert = db.prepare("INSERT INTO papers (id, record, upvotes, updated_at) VALUES (?, ?, 1, '2026-08-20T09:00:00.000Z')");
    for (const id of ['b', 'a']) insert.run(id, JSON.stringify(paper(id, 1)));
    db.close();
    const migrated = openSqliteStore(path);
    expect(migrated.papersChangedSince().revisions).toEqual(new Map([['b', 1], ['a', 2]]));
    migrated.upsertPapers([paper('c', 1)]);
    expect(migrated.papersChangedSince(2).papers.map((p) => p.id)).toEqual(['c']);
    migrated.close();
  });

  it('knows the latest listed day, up to a day if asked', () => {
    const store = openSqliteStore(':memory:');
    expect(store.latestListedDay()).toBeUndefined();
    store.upsertPapers([paper('a', 1)], '2026-08-20');
    store.upsertPapers([paper('b', 1)], '2026-08-21');
    store.upsertPapers([paper('c', 1)]);
    expect(store.latestListedDay()).toBe('2026-08-21');
    expect(store.latestListedDay('2026-08-20')).toBe('2026-08-20');
    expect(store.latestListedDay('2026-08-19')).toBeUndefined();
    store.close();
  });
});

describe('subscriptions', () => {
  it('keeps one per channel, and a re-subscribe revives an unavailable channel', () => {
    const store = openSqliteStore(':memory:');
    store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timezone: 'UTC', top: 10, onEmptyDay: 'note' });
    store.subscribe({ platform: 'slack', channelId: 'C1', time: '08:30', timezone: 'Europe/Paris', top: 5, filter: 'diffusion', onEmptyDay: 'silent' });
    expect(store.subscriptions()).toEqual([
      { platform: 'slack', channelId: 'C1', time: '08:30', timezone: 'Europe/Paris', top: 5, filter: 'diffusion', onEmptyDay: 'silent' },
    ]);
    store.markChannelUnavailable('slack', 'C1', 'channel_not_found', new Date('2026-08-20T09:00:00Z'));
    expect(store.subscription('slack', 'C1')).toMatchObject({ unavailableSince: '2026-08-20T09:00:00.000Z', unavailableReason: 'channel_not_found' });
    store.subscribe({ platform: 'slack', channelId: 'C1', time: '08:30', timezone: 'UTC', top: 5, onEmptyDay: 'note' });
    expect(store.subscription('slack', 'C1')?.unavailableSince).toBeUndefined();
    expect(store.unsubscribe('slack', 'C1')).toBe(true);
    expect(store.unsubscribe('slack', 'C1')).toBe(false);
    store.close();
  });
});

describe('posting log', () => {
  const ref: PostingRef = { digestKey: 'discord:1:2026-08-20', platform: 'discord', channelId: '1', day: '2026-08-20' };
  const at = new Date('2026-08-20T09:00:00Z');
  const me: Claimant = { owner: 'host:100:aaaa', leaseMs: 30_000 };
  const other: Claimant = { owner: 'host:200:bbbb', leaseMs: 30_000 };
  const later = (ms: number) => new Date(at.getTime() + ms);
  let store: Store;

  it('claims, marks sent, and never claims a sent digest again', () => {
    store = openSqliteStore(':memory:');
    expect(store.claim(ref, me, at)).toBe(true);
    expect(store.posting(ref.digestKey)).toMatchObject({ status: 'waiting', attempts: 0, claimedBy: me.owner, claimedUntil: '2026-08-20T09:00:30.000Z' });
    expect(store.recordIntent(ref.digestKey, me.owner, at)).toBe(true);
    expect(store.posting(ref.digestKey)).toMatchObject({ status: 'pending', attempts: 1 });
    store.markSent(ref.digestKey, 'm1', at);
    store.releaseClaim(ref.digestKey, me.owner);
    expect(store.claim(ref, me, later(60_000))).toBe(false);
    expect(store.recordIntent(ref.digestKey, me.owner, at)).toBe(false);
    store.recordOutcome(ref, { status: 'waiting', error: 'late' }, at);
    expect(store.posting(ref.digestKey)).toMatchObject({ status: 'sent', messageId: 'm1', attempts: 1 });
    store.close();
  });

  it('counts failed attempts, whether or not an intent was written', () => {
    store = openSqliteStore(':memory:');
    store.recordOutcome(ref, { status: 'waiting', error: 'HF 503', retryAt: new Date('2026-08-20T09:05:00Z') }, at);
    expect(store.posting(ref.digestKey)).toMatchObject({ status: 'waiting', attempts: 1, nextAttemptAt: '2026-08-20T09:05:00.000Z' });
    store.claim(ref, me, at);
    store.recordIntent(ref.digestKey, me.owner, at);
    store.recordOutcome(ref, { status: 'pending', error: 'socket hang up' }, at);
    expect(store.posting(ref.digestKey)).toMatchObject({ status: 'pending', attempts: 2, lastError: 'socket hang up' });
    store.recordOutcome(ref, { status: 'abandoned', error: 'gave up' }, at);
    expect(store.claim(ref, me, at)).toBe(false);
    expect(store.recordIntent(ref.digestKey, me.owner, at)).toBe(false);
    store.close();
  });
});

describe('claims', () => {
  const ref: PostingRef = { digestKey: 'slack:C1:2026-08-20', platform: 'slack', channelId: 'C1', day: '2026-08-20' };
  const at = new Date('2026-08-21T09:00:00Z');
  const first: Claimant = { owner: 'host:100:aaaa', leaseMs: 30_000 };
  const second: Claimant = { owner: 'host:200:bbbb', leaseMs: 30_000 };
  const later = (ms: number) => new Date(at.getTime() + ms);
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterEach(() => store.close());

  it('leave a live claim to its holder, who alone may write the intent', () => {
    expect(store.claim(ref, first, at)).toBe(true);
    expect(store.claim(ref, second, later(29_999))).toBe(false);
    expect(store.recordIntent(ref.digestKey, second.owner, later(29_999))).toBe(false);
    expect(store.recordIntent(ref.digestKey, first.owner, later(1000))).toBe(true);
    expect(store.posting(ref.digestKey)).toMatchObject({ status: 'pending', attempts: 1, claimedBy: first.owner });
  });

  it('are renewed by their holder, and taken over once the lease has run out', () => {
    store.claim(ref, first, at);
    expect(store.claim(ref, first, later(20_000))).toBe(true);
    // Renewed at +20 s: still live at +49 s.
    expect(store.claim(ref, second, later(49_999))).toBe(false);
    expect(store.claim(ref, second, later(50_000))).toBe(true);
    expect(store.posting(ref.digestKey)).toMatchObject({ claimedBy: second.owner, claimedUntil: '2026-08-21T09:01:20.000Z' });
    // The first holder's lapsed claim no longer lets it send.
    expect(store.recordIntent(ref.digestKey, first.owner, later(50_001))).toBe(false);
    expect(store.claim(ref, first, later(50_001))).toBe(false);
  });

  it('once released, may be taken at once; a release by another owner changes nothing', () => {
    store.claim(ref, first, at);
    store.releaseClaim(ref.digestKey, second.owner);
    expect(store.claim(ref, second, later(1))).toBe(false);
    store.releaseClaim(ref.digestKey, first.owner);
    expect(store.posting(ref.digestKey)?.claimedBy).toBeUndefined();
    expect(store.claim(ref, second, later(2))).toBe(true);
  });

  it('keep a posting in doubt through a takeover: the new holder finds it pending', () => {
    store.claim(ref, first, at);
    store.recordIntent(ref.digestKey, first.owner, at);
    expect(store.claim(ref, second, later(30_000))).toBe(true);
    expect(store.posting(ref.digestKey)).toMatchObject({ status: 'pending', attempts: 1, claimedBy: second.owner });
  });
});
