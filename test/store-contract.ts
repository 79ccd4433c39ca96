/**
 * The specs of the `Store` interface, one suite for every backend: each backend's test file calls `storeContract`
 * with a way to make a fresh database. What a backend does beyond the interface (files, URLs, connection loss) is
 * specified in its own file.
 */
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claimant, PostingRef, Store } from '../src/store/store.js';
import type { Paper } from '../src/types.js';

/** A database of one test: opened as often as asked (each time a new connection, migrated), dropped after. */
export interface TestDatabase {
  open(): Promise<Store>;
  /** The settings that point `npm start` or a script at it: `DATABASE_PATH` or `DATABASE_URL`. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export function paper(id: string, upvotes: number, extra: Partial<Paper> = {}): Paper {
  return { id, arxivId: id, title: `Paper ${id}`, abstract: 'An abstract.', authors: ['A. Author'], upvotes, source: 'hf-api', ...extra };
}

/** A claim racer (`fixtures/claim-racer.ts`): ready once its store is open, then racing on `go()`. */
function startRacer(env: NodeJS.ProcessEnv): { ready: Promise<void>; go: () => void; won: Promise<string[]> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/claim-racer.ts'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.startsWith('READY\n')) ready();
  });
  const won = new Promise<string[]>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.slice('READY\n'.length)) as string[]) : reject(new Error(`racer exited ${code}`))));
  });
  return { ready: isReady, go: () => child.stdin.end('go\n'), won };
}

export function storeContract(freshDatabase: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await freshDatabase();
    store = await database.open();
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  describe('opening', () => {
    it('keeps data across reopen, and processes opening at once migrate once', async () => {
      await store.upsertPapers([paper('2608.00001', 3)], '2026-08-20');
      await store.close();
      const stores = await Promise.all([1, 2, 3, 4].map(() => database.open()));
      for (const other of stores.slice(1)) await other.close();
      store = stores[0]!;
      expect((await store.papersListedOn('2026-08-20')).map((p) => p.id)).toEqual(['2608.00001']);
    });
  });

  describe('upsertPapers', () => {
    it('adds new papers, updates changed ones and adds nothing twice', async () => {
      expect(await store.upsertPapers([paper('a', 1), paper('b', 2)], '2026-08-20')).toEqual({ added: ['a', 'b'], updated: [], unchanged: [] });
      expect(await store.upsertPapers([paper('a', 5), paper('b', 2)], '2026-08-20')).toEqual({ added: [], updated: ['a'], unchanged: ['b'] });
      expect((await store.papersChangedSince()).papers).toHaveLength(2);
      expect((await store.papersListedOn('2026-08-20')).find((p) => p.id === 'a')?.upvotes).toBe(5);
    });

    it('never blanks out a field a later record lacks', async () => {
      await store.upsertPapers([paper('a', 1, { githubRepo: 'https://github.com/x/y' })]);
      await store.upsertPapers([paper('a', 2)]);
      expect((await store.papersChangedSince()).papers[0]).toMatchObject({ upvotes: 2, githubRepo: 'https://github.com/x/y' });
    });

    it('gives each write the next revision, and hands back the papers changed after one', async () => {
      expect(await store.papersChangedSince()).toEqual({ revisions: new Map(), papers: [] });
      await store.upsertPapers([paper('a', 1), paper('b', 1)]);
      await store.upsertPapers([paper('c', 1)]);
      await store.upsertPapers([paper('a', 4), paper('c', 1)]);
      // c came in again unchanged: it keeps revision 2.
      expect(await store.papersChangedSince(2)).toEqual({ revisions: new Map([['a', 3], ['b', 1], ['c', 2]]), papers: [paper('a', 4)] });
      expect((await store.papersChangedSince(1)).papers.map((p) => p.id)).toEqual(['a', 'c']);
      expect((await store.papersChangedSince()).papers.map((p) => p.id)).toEqual(['a', 'b', 'c']);
      expect((await store.papersChangedSince(3)).papers).toEqual([]);
    });

    it('hands the papers written after a revision to a process that polls, with the latest revision', async () => {
      expect(await store.papersAfter(0)).toEqual({ revision: 0, papers: [] });
      await store.upsertPapers([paper('a', 1), paper('b', 1)]);
      await store.upsertPapers([paper('a', 2)]);
      expect(await store.papersAfter(0)).toEqual({ revision: 2, papers: [paper('b', 1), paper('a', 2)] });
      expect(await store.papersAfter(1)).toEqual({ revision: 2, papers: [paper('a', 2)] });
      expect(await store.papersAfter(2)).toEqual({ revision: 2, papers: [] });
    });

    it('numbers concurrent writes in the order they commit, so a poller never skips one', async () => {
      const writers = await Promise.all([1, 2, 3].map(() => database.open()));
      await Promise.all(writers.flatMap((writer, w) => [0, 1, 2, 3].map((i) => writer.upsertPapers([paper(`w${w}-${i}`, i)]))));
      for (const writer of writers) await writer.close();
      const { revisions } = await store.papersChangedSince();
      expect([...revisions.values()].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });

    it('knows the latest listed day, up to a day if asked', async () => {
      expect(await store.latestListedDay()).toBeUndefined();
      await store.upsertPapers([paper('a', 1)], '2026-08-20');
      await store.upsertPapers([paper('b', 1)], '2026-08-21');
      await store.upsertPapers([paper('c', 1)]);
      expect(await store.latestListedDay()).toBe('2026-08-21');
      expect(await store.latestListedDay('2026-08-20')).toBe('2026-08-20');
      expect(await store.latestListedDay('2026-08-19')).toBeUndefined();
    });
  });

  describe('subscriptions', () => {
    it('keeps one per channel, in the order first made, and a re-subscribe revives an unavailable channel', async () => {
      await store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timezone: 'UTC', top: 10, onEmptyDay: 'note' });
      await store.subscribe({ platform: 'discord', channelId: '42', time: '07:00', timezone: 'UTC', top: 3, onEmptyDay: 'note' });
      await store.subscribe({ platform: 'slack', channelId: 'C1', time: '08:30', timezone: 'Europe/Paris', top: 5, filter: 'diffusion', onEmptyDay: 'silent' });
      expect(await store.subscriptions()).toEqual([
        { platform: 'slack', channelId: 'C1', time: '08:30', timezone: 'Europe/Paris', top: 5, filter: 'diffusion', onEmptyDay: 'silent' },
        { platform: 'discord', channelId: '42', time: '07:00', timezone: 'UTC', top: 3, onEmptyDay: 'note' },
      ]);
      await store.markChannelUnavailable('slack', 'C1', 'channel_not_found', new Date('2026-08-20T09:00:00Z'));
      expect(await store.subscription('slack', 'C1')).toMatchObject({ unavailableSince: '2026-08-20T09:00:00.000Z', unavailableReason: 'channel_not_found' });
      await store.subscribe({ platform: 'slack', channelId: 'C1', time: '08:30', timezone: 'UTC', top: 5, onEmptyDay: 'note' });
      expect((await store.subscription('slack', 'C1'))?.unavailableSince).toBeUndefined();
      expect(await store.unsubscribe('slack', 'C1')).toBe(true);
      expect(await store.unsubscribe('slack', 'C1')).toBe(false);
      expect(await store.subscription('slack', 'C1')).toBeUndefined();
    });

    it('made through one connection are seen by another at once', async () => {
      const other = await database.open();
      await other.subscribe({ platform: 'discord', channelId: '7', time: '09:00', timezone: 'UTC', top: 10, onEmptyDay: 'note' });
      await other.close();
      expect(await store.subscription('discord', '7')).toMatchObject({ time: '09:00' });
    });
  });

  describe('posting log', () => {
    const ref: PostingRef = { digestKey: 'discord:1:2026-08-20', platform: 'discord', channelId: '1', day: '2026-08-20' };
    const at = new Date('2026-08-20T09:00:00Z');
    const me: Claimant = { owner: 'host:100:aaaa', leaseMs: 30_000 };

    it('claims, marks sent, and never claims a sent digest again', async () => {
      expect(await store.claim(ref, me, at)).toBe(true);
      expect(await store.posting(ref.digestKey)).toMatchObject({ status: 'waiting', attempts: 0, claimedBy: me.owner, claimedUntil: '2026-08-20T09:00:30.000Z' });
      expect(await store.recordIntent(ref.digestKey, me.owner, at)).toBe(true);
      expect(await store.posting(ref.digestKey)).toMatchObject({ status: 'pending', attempts: 1 });
      await store.markSent(ref.digestKey, 'm1', at);
      await store.releaseClaim(ref.digestKey, me.owner);
      expect(await store.claim(ref, me, new Date(at.getTime() + 60_000))).toBe(false);
      expect(await store.recordIntent(ref.digestKey, me.owner, at)).toBe(false);
      await store.recordOutcome(ref, { status: 'waiting', error: 'late' }, at);
      expect(await store.posting(ref.digestKey)).toEqual({
        digestKey: ref.digestKey, platform: 'discord', channelId: '1', day: '2026-08-20', status: 'sent', attempts: 1, messageId: 'm1',
        updatedAt: at.toISOString(),
      });
    });

    it('counts failed attempts, whether or not an intent was written', async () => {
      await store.recordOutcome(ref, { status: 'waiting', error: 'HF 503', retryAt: new Date('2026-08-20T09:05:00Z') }, at);
      expect(await store.posting(ref.digestKey)).toMatchObject({ status: 'waiting', attempts: 1, nextAttemptAt: '2026-08-20T09:05:00.000Z' });
      await store.claim(ref, me, at);
      await store.recordIntent(ref.digestKey, me.owner, at);
      await store.recordOutcome(ref, { status: 'pending', error: 'socket hang up' }, at);
      expect(await store.posting(ref.digestKey)).toMatchObject({ status: 'pending', attempts: 2, lastError: 'socket hang up' });
      await store.recordOutcome(ref, { status: 'abandoned', error: 'gave up' }, at);
      expect(await store.claim(ref, me, at)).toBe(false);
      expect(await store.recordIntent(ref.digestKey, me.owner, at)).toBe(false);
    });
  });

  describe('claims', () => {
    const ref: PostingRef = { digestKey: 'slack:C1:2026-08-20', platform: 'slack', channelId: 'C1', day: '2026-08-20' };
    const at = new Date('2026-08-21T09:00:00Z');
    const first: Claimant = { owner: 'host:100:aaaa', leaseMs: 30_000 };
    const second: Claimant = { owner: 'host:200:bbbb', leaseMs: 30_000 };
    const later = (ms: number) => new Date(at.getTime() + ms);

    it('leave a live claim to its holder, who alone may write the intent', async () => {
      expect(await store.claim(ref, first, at)).toBe(true);
      expect(await store.claim(ref, second, later(29_999))).toBe(false);
      expect(await store.recordIntent(ref.digestKey, second.owner, later(29_999))).toBe(false);
      expect(await store.recordIntent(ref.digestKey, first.owner, later(1000))).toBe(true);
      expect(await store.posting(ref.digestKey)).toMatchObject({ status: 'pending', attempts: 1, claimedBy: first.owner });
    });

    it('are renewed by their holder, and taken over once the lease has run out', async () => {
      await store.claim(ref, first, at);
      expect(await store.claim(ref, first, later(20_000))).toBe(true);
      // Renewed at +20 s: still live at +49 s.
      expect(await store.claim(ref, second, later(49_999))).toBe(false);
      expect(await store.claim(ref, second, later(50_000))).toBe(true);
      expect(await store.posting(ref.digestKey)).toMatchObject({ claimedBy: second.owner, claimedUntil: '2026-08-21T09:01:20.000Z' });
      // The first holder's lapsed claim no longer lets it send.
      expect(await store.recordIntent(ref.digestKey, first.owner, later(50_001))).toBe(false);
      expect(await store.claim(ref, first, later(50_001))).toBe(false);
    });

    it('once released, may be taken at once; a release by another owner changes nothing', async () => {
      await store.claim(ref, first, at);
      await store.releaseClaim(ref.digestKey, second.owner);
      expect(await store.claim(ref, second, later(1))).toBe(false);
      await store.releaseClaim(ref.digestKey, first.owner);
      expect((await store.posting(ref.digestKey))?.claimedBy).toBeUndefined();
      expect(await store.claim(ref, second, later(2))).toBe(true);
    });

    it('keep a posting in doubt through a takeover: the new holder finds it pending', async () => {
      await store.claim(ref, first, at);
      await store.recordIntent(ref.digestKey, first.owner, at);
      expect(await store.claim(ref, second, later(30_000))).toBe(true);
      expect(await store.posting(ref.digestKey)).toMatchObject({ status: 'pending', attempts: 1, claimedBy: second.owner });
    });

    it('are each won by exactly one of several processes racing for them', async () => {
      const keys = 1000;
      const racers = Array.from({ length: 4 }, () => startRacer({ ...process.env, ...database.env, KEYS: String(keys) }));
      await Promise.all(racers.map((racer) => racer.ready));
      for (const racer of racers) racer.go();
      const won = await Promise.all(racers.map((racer) => racer.won));
      expect(won.flat().sort()).toEqual(Array.from({ length: keys }, (_, i) => `C${i}`).sort());
      // A race, not a queue: more than one process won some.
      expect(won.filter((keysWon) => keysWon.length > 0).length, `keys won by each: ${won.map((keys) => keys.length).join(', ')}`).toBeGreaterThan(1);
    }, 120_000);
  });
}
