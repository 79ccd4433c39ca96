/**
 * Several processes' schedulers on one store (issue 18), simulated in one process: each run has a claimant of its
 * own. Real processes on one database file are in `replicas.test.ts`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHfDailyPapers } from '../src/corpus/hf-api.js';
import type { DigestRunDeps } from '../src/digest/digest-run.js';
import { runDueDigests } from '../src/digest/run-due-digests.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Claimant, Store } from '../src/store/store.js';
import { FakePublisher } from './digest-fake-publisher.js';
import { loadSample } from './fake-hf.js';

const DAY = '2026-08-20';
const NOW = new Date('2026-08-21T09:00:30Z');
const KEY = `slack:C1:${DAY}`;
const papers = parseHfDailyPapers(loadSample(DAY), 'sample');

let store: Store;
let slack: FakePublisher;
let warnings: string[];
beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  slack = new FakePublisher('slack');
  warnings = [];
  await store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timezone: 'UTC', top: 5, onEmptyDay: 'note' });
});
afterEach(() => store.close());

/** The deps of one process's run: its own claimant, and a clock of its own when given. */
function processRun(owner: string, leaseMs: number, clock?: () => Date): DigestRunDeps {
  const claimant: Claimant = { owner, leaseMs };
  const log = (message: string) => void warnings.push(`${owner}: ${message}`);
  return {
    store, publishers: { slack }, papersForDay: async () => papers, sleep: async () => {}, claimant,
    logger: { info: () => {}, warn: log, error: log }, ...(clock ? { clock } : {}),
  };
}

describe('claims on one store', () => {
  it('let one of several runs that fire at once post the digest; the others leave it alone', async () => {
    slack.postMs = 50;
    const reports = await Promise.all(['a', 'b', 'c'].map((owner) => runDueDigests(NOW, processRun(`host:${owner}:1`, 30_000))));
    expect(slack.posts).toEqual([KEY]);
    expect(reports.map((report) => report.sent.length + report.elsewhere.length)).toEqual([1, 1, 1]);
    expect(reports.flatMap((report) => report.sent)).toEqual([KEY]);
    expect(await store.posting(KEY)).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await store.posting(KEY))?.claimedBy).toBeUndefined();
  });

  it('are renewed while a post takes longer than the lease, so nobody takes it over meanwhile', async () => {
    slack.postMs = 400;
    const holder = runDueDigests(NOW, processRun('host:a:1', 90));
    // Tries while the post is under way, long after the first lease would have run out.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const other = await runDueDigests(NOW, processRun('host:b:1', 90));
    expect(other.elsewhere).toEqual([KEY]);
    expect((await holder).sent).toEqual([KEY]);
    expect(slack.posts).toEqual([KEY]);
    expect(warnings).toEqual([]);
  });

  it('of a process that died mid-post are taken over once the lease has run out, and the post in doubt is looked up', async () => {
    // The dead process wrote its intent and sent; it never marked the post sent nor released its claim.
    const died = new Date();
    await store.claim({ digestKey: KEY, platform: 'slack', channelId: 'C1', day: DAY }, { owner: 'host:dead:1', leaseMs: 30_000 }, died);
    await store.recordIntent(KEY, 'host:dead:1', NOW);
    await slack.post('C1', { date: DAY, total: 0, entries: [] }, KEY);

    const early = await runDueDigests(NOW, processRun('host:b:1', 30_000, () => new Date(died.getTime() + 29_000)));
    expect(early.elsewhere).toEqual([KEY]);
    const after = await runDueDigests(NOW, processRun('host:b:1', 30_000, () => new Date(died.getTime() + 30_000)));
    expect(after.recovered).toEqual([KEY]);
    expect(slack.posts).toEqual([KEY]);
    expect(await store.posting(KEY)).toMatchObject({ status: 'sent', messageId: 'm1' });
  });
});
