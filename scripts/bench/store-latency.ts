/**
 * `node --import tsx scripts/bench/store-latency.ts [--backend sqlite|postgres]`: the store's write and read latency
 * at 75k papers (the arXiv corpus) and 1,000 subscriptions, on SQLite and PostgreSQL (both by default; PostgreSQL
 * on `TEST_DATABASE_URL` or a throwaway cluster), and how long a paper stored through one connection takes to
 * reach a process following the store through another. Prints one table per backend (milliseconds).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHfDailyPapers } from '../../src/corpus/hf-api.js';
import { importFile } from '../../src/ingest/import-file.js';
import { followStoredPapers, STORE_POLL_MS } from '../../src/library/follow-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { Paper } from '../../src/types.js';
import { benchDatabase, type BenchDatabase } from './bench-database.js';
import { percentiles } from './percentile.js';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const ARXIV = `${SHARED}corpus/arxiv-cs-daily.jsonl.gz`;
const DAY = '2026-08-20';
const SUBSCRIPTIONS = 1_000;
const RUNS = 200;

const { values } = parseArgs({ options: { backend: { type: 'string' } } });
const backends = values.backend === undefined ? (['sqlite', 'postgres'] as const) : [values.backend === 'postgres' ? 'postgres' : 'sqlite'] as const;
const day: Paper[] = parseHfDailyPapers(JSON.parse(await readFile(`${SHARED}corpus/hf-daily-samples/daily_papers_${DAY}.json`, 'utf8')), 'sample');
for (const backend of backends) await measure(backend);

async function measure(backend: 'sqlite' | 'postgres'): Promise<void> {
  const database = await benchDatabase(backend);
  const store = await openStore(database.location);
  try {
    const loadStart = performance.now();
    const imported = await importFile(ARXIV, { store });
    const loadMs = performance.now() - loadStart;
    const rows: [string, number[]][] = [];
    rows.push(['write: subscribe (1,000 channels)', await timed(SUBSCRIPTIONS, (i) => store.subscribe(subscription(i)))]);
    rows.push(...await operations(store));
    rows.push(['read: papersChangedSince() (all, at start)', await timed(3, () => store.papersChangedSince())]);
    rows.push(['stored → in a follower\'s index', await freshness(database, store)]);
    process.stdout.write(`\n${backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${imported.added} papers imported in ${(loadMs / 1000).toFixed(1)} s, ${SUBSCRIPTIONS} subscriptions\n`);
    process.stdout.write('| operation | runs | p50 ms | p95 ms |\n|---|---|---|---|\n');
    for (const [name, times] of rows) {
      const { p50, p95 } = percentiles(times);
      process.stdout.write(`| ${name} | ${times.length} | ${p50} | ${p95} |\n`);
    }
  } finally {
    await store.close();
    await database.remove();
  }
}

/** The operations of a running bot, each timed `RUNS` times. */
async function operations(store: Store): Promise<[string, number[]][]> {
  const ref = (i: number) => ({ digestKey: `slack:C${i}:${DAY}`, platform: 'slack' as const, channelId: `C${i}`, day: DAY });
  const claimant = { owner: 'bench:1:0', leaseMs: 30_000 };
  const latest = await latestRevision(store);
  return [
    ['write: upsertPapers (a day\'s list, changed)', await timed(RUNS, (i) => store.upsertPapers(day.map((paper) => ({ ...paper, upvotes: i })), DAY))],
    ['write: a digest\'s claim, intent, sent, release', await timed(RUNS, async (i) => {
      const at = new Date();
      await store.claim(ref(i), claimant, at);
      await store.recordIntent(ref(i).digestKey, claimant.owner, at);
      await store.markSent(ref(i).digestKey, `m${i}`, at);
      await store.releaseClaim(ref(i).digestKey, claimant.owner);
    })],
    ['read: posting(key)', await timed(RUNS, (i) => store.posting(ref(i).digestKey))],
    ['read: subscription(channel)', await timed(RUNS, (i) => store.subscription('slack', `C${i}`))],
    ['read: subscriptions() (1,000, each tick)', await timed(RUNS, () => store.subscriptions())],
    ['read: papersListedOn(day)', await timed(RUNS, () => store.papersListedOn(DAY))],
    ['read: papersAfter(latest) (a poll, nothing new)', await timed(RUNS, () => store.papersAfter(latest))],
  ];
}

/** The store's latest revision, read once (the answer carries every paper). */
async function latestRevision(store: Store): Promise<number> {
  let latest = 0;
  for (const revision of (await store.papersChangedSince()).revisions.values()) latest = Math.max(latest, revision);
  return latest;
}

function subscription(i: number) {
  return { platform: 'slack' as const, channelId: `C${i}`, time: '09:00', timezone: 'UTC', top: 10, onEmptyDay: 'note' as const };
}

async function timed(runs: number, operation: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await operation(i);
    times.push(performance.now() - start);
  }
  return times;
}

/** From a paper's write through `writer` to its `add` in the index of a process that follows the store (5 papers). */
async function freshness(database: BenchDatabase, writer: Store): Promise<number[]> {
  const reader = await openStore(database.location);
  const arrived = new Map<string, number>();
  const index = { add: (papers: readonly Paper[]) => {
    for (const paper of papers) arrived.set(paper.id, performance.now());
    return { added: papers.length, updated: 0, unchanged: 0 };
  } };
  const follower = followStoredPapers(reader, index, await latestRevision(reader));
  const delays: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    // At a different point of the poll each time.
    await new Promise((resolve) => setTimeout(resolve, STORE_POLL_MS * (0.3 + i * 0.27)));
    const id = `fresh-${i}`;
    const stored = performance.now();
    await writer.upsertPapers([{ ...day[0]!, id, arxivId: id }]);
    while (!arrived.has(id)) await new Promise((resolve) => setTimeout(resolve, 10));
    delays.push(arrived.get(id)! - stored);
  }
  await follower.stop();
  await reader.close();
  return delays;
}
