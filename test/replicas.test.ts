/**
 * Several `npm start` replicas on one database (issues 18 and 17): three real bot processes, each with Discord and
 * Slack against the loopback fakes, share one SQLite file or one PostgreSQL database. Every subscribed channel gets
 * its digest exactly once: whichever scheduler fires first, when the holder of a digest's claim is killed with
 * SIGKILL in the middle of posting it, and when PostgreSQL restarts as the digests fall due.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { PostingRecord } from '../src/store/store.js';
import { findPostgresBinaries, startCluster } from '../scripts/postgres-cluster.js';
import { POSTGRES_URL, freshPgDatabase } from './helpers/postgres.js';
import { isRunning, waitFor } from './helpers/processes.js';
import {
  allSent, askEach, ONCE_EACH, postingsOf, REPLICAS, sendsPerChannel, startFakes, startReplicas, subscribeForNextMinute, type AtEnd,
} from './helpers/replicas.js';
import { paper, type TestDatabase } from './store-contract.js';

const BACKENDS: { name: string; freshDatabase: () => Promise<TestDatabase> }[] = [
  {
    name: 'SQLite',
    freshDatabase: async () => {
      const path = join(await mkdtemp(join(tmpdir(), 'paperbot-replicas-db-')), 'paperbot.sqlite');
      return { open: () => openSqliteStore(path), env: { DATABASE_PATH: path }, drop: async () => {} };
    },
  },
  ...(POSTGRES_URL ? [{ name: 'PostgreSQL', freshDatabase: () => freshPgDatabase() }] : []),
];

for (const backend of BACKENDS) {
  describe.concurrent(`${REPLICAS} npm start replicas on one ${backend.name} database`, () => {
    it('post every channel\'s digest once, whichever scheduler fires first, and all serve a paper one of them stored', async ({ onTestFinished }) => {
      const fakes = await startFakes(onTestFinished);
      const replicas = await startReplicas(fakes, await backend.freshDatabase(), onTestFinished);
      const keys = await subscribeForNextMinute(fakes, replicas);
      await allSent(replicas, keys, 120_000);
      expect(sendsPerChannel(fakes, keys)).toEqual(ONCE_EACH);

      // Stored as `npm run ingest` beside them would: every replica finds it within 5 s, without a restart.
      const store = await replicas.database.open();
      await store.upsertPapers([paper('2612.99999', 3, { title: 'Zorblax: Whisker Grasping', abstract: 'Zorblax lets quokkas grasp eucalyptus leaves with whiskers.' })]);
      await store.close();
      await sleep(5000);
      await askEach(fakes, replicas, 'what is Zorblax?', 'eucalyptus', 15_000);
    }, 300_000);

    it('post nothing twice when the claim holder is killed mid-post: the survivors take over after its lease', async ({ onTestFinished }) => {
      const fakes = await startFakes(onTestFinished);
      const replicas = await startReplicas(fakes, await backend.freshDatabase(), onTestFinished);
      // The first Slack digest is held by "Slack" long enough for its sender to be killed while it is in flight,
      // however slowly a loaded machine runs the test's own steps.
      fakes.slack.fail('chat.postMessage', { delayMs: 15_000 });
      const keys = await subscribeForNextMinute(fakes, replicas);

      await waitFor('a Slack digest held by the fake', () => fakes.slack.heldCalls() > 0, 120_000);
      const held = await inFlight(replicas.database, keys);
      const holder = replicas.bots.find((bot) => held.claimedBy?.split(':')[1] === String(bot.child.pid));
      expect(holder, `the claim holder (${held.claimedBy}) is one of the replicas`).toBeDefined();
      holder!.child.kill('SIGKILL');
      await waitFor('the holder gone', () => !isRunning(holder!.child.pid!), 5000);

      await allSent(replicas, keys, 180_000);
      expect(sendsPerChannel(fakes, keys)).toEqual(ONCE_EACH);
      // The held post went through before its sender died: a survivor found it in the channel instead of posting again.
      const survivors = replicas.bots.filter((bot) => bot !== holder).map((bot) => bot.logs()).join('');
      expect(survivors).toContain('digest: an in-doubt post was found sent');
      expect(survivors).toContain(held.digestKey);
    }, 360_000);
  });
}

/** Resolves with the Slack posting whose intent is written while its post is held by the fake. */
async function inFlight(database: TestDatabase, keys: readonly string[]): Promise<PostingRecord> {
  let held: PostingRecord | undefined;
  await waitFor('a Slack digest in flight', async () => {
    held = (await postingsOf(database, keys)).find((posting) => posting?.platform === 'slack' && posting.status === 'pending');
    return held !== undefined;
  }, 120_000);
  return held!;
}

const binaries = findPostgresBinaries();

// A server of its own, to restart without troubling the other specs' server.
(binaries ? describe : describe.skip)(`${REPLICAS} npm start replicas while PostgreSQL restarts`, () => {
  it('answer questions meanwhile, then post every channel\'s digest once', async ({ onTestFinished }) => {
    const atEnd: AtEnd = onTestFinished;
    const cluster = await startCluster(binaries!);
    atEnd(() => cluster.remove());
    const fakes = await startFakes(atEnd);
    const replicas = await startReplicas(fakes, await freshPgDatabase({}, cluster.url), atEnd);
    const keys = await subscribeForNextMinute(fakes, replicas);

    // Down from a few seconds before the digests fall due until a few seconds after.
    const tick = Math.ceil(Date.now() / 60_000) * 60_000;
    await sleep(Math.max(0, tick - Date.now() - 3000));
    await cluster.stop();
    await askEach(fakes, replicas, 'what is GarDiff?', 'Garment-focused Diffusion', 15_000);
    await sleep(Math.max(0, tick + 5000 - Date.now()));
    await cluster.start();

    await allSent(replicas, keys, 150_000);
    expect(sendsPerChannel(fakes, keys)).toEqual(ONCE_EACH);
    const logs = replicas.bots.map((bot) => bot.logs()).join('');
    expect(logs).toContain('PostgreSQL cannot be reached; retrying with backoff');
    expect(logs).toContain('PostgreSQL can be reached again');
    expect(logs).not.toContain(new URL(cluster.url).password);
  }, 360_000);
});
