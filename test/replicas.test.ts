/**
 * Several `npm start` replicas on one database (issue 18): three real bot processes, each with Discord and Slack
 * against the loopback fakes, share one SQLite file. Every subscribed channel gets its digest exactly once, also
 * when the process that holds a digest's claim is killed with SIGKILL in the middle of posting it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/digest/digest-day.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Platform, PostingRecord } from '../src/store/store.js';
import { partNonce } from '../adapters/discord/digest-marker.js';
import { FakeDiscord } from './fake-discord.js';
import { FakeChannels } from './fake-discord-channels.js';
import { FakeGateway } from './fake-discord-gateway.js';
import { loadSample, startFakeHf, type FakeHf } from './fake-hf.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET } from './fixtures/slack-bed.js';
import { freePort, loggedWithin, startBot, type RunningBot } from './helpers/npm-start.js';
import { isRunning, waitFor } from './helpers/processes.js';

const REPLICAS = 3;
// Shaped like a bot token; not a real one.
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.fakefakefakefakefakefakefakefake';
const CHANNELS: { platform: Platform; channelId: string }[] = [
  { platform: 'slack', channelId: 'C0REPLICA1' },
  { platform: 'slack', channelId: 'C0REPLICA2' },
  { platform: 'slack', channelId: 'C0REPLICA3' },
  { platform: 'discord', channelId: '1250000000000000101' },
  { platform: 'discord', channelId: '1250000000000000102' },
  { platform: 'discord', channelId: '1250000000000000103' },
];

/** The loopback platforms and Hugging Face that every replica of one run talks to. */
interface Fakes {
  slack: FakeSlack;
  discord: FakeDiscord;
  gateway: FakeGateway;
  hf: FakeHf;
}

/** Registers what to undo when the test is over (`onTestFinished`: the tests of this file run at once). */
type AtEnd = (cleanup: () => Promise<void>) => void;

async function startFakes(atEnd: AtEnd): Promise<Fakes> {
  const slack = await startFakeSlack();
  const discord = await FakeDiscord.start();
  new FakeChannels(discord);
  const gateway = FakeGateway.start(discord);
  const hf = await startFakeHf();
  // Whatever day the digests list (yesterday, or today after midnight UTC), it has the sample's papers.
  const today = new Date().toISOString().slice(0, 10);
  for (const day of [addDays(today, -1), today]) hf.days.set(day, loadSample('2026-08-20'));
  atEnd(async () => {
    gateway.close();
    await Promise.all([slack.close(), discord.close(), hf.close()]);
  });
  return { slack, discord, gateway, hf };
}

/** Starts the replicas on one data folder and database, and waits until each runs both bots and its schedule. */
async function startReplicas(fakes: Fakes, atEnd: AtEnd): Promise<{ bots: RunningBot[]; databasePath: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'paperbot-replicas-'));
  const databasePath = join(dataDir, 'paperbot.sqlite');
  // Created before the replicas start, so that none of them races another to create it.
  await (await openSqliteStore(databasePath)).close();
  const bots: RunningBot[] = [];
  for (let i = 0; i < REPLICAS; i += 1) {
    bots.push(await startBot('paperbot-replica-', {
      DATA_DIR: dataDir, DATABASE_PATH: databasePath, HF_API_URL: fakes.hf.url,
      SLACK_BOT_TOKEN: 'xoxb-replica-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(await freePort()), SLACK_API_URL: fakes.slack.apiUrl,
      DISCORD_TOKEN, DISCORD_API_URL: fakes.discord.apiUrl,
    }));
  }
  atEnd(async () => {
    for (const bot of bots) bot.child.kill('SIGKILL');
    await Promise.all(bots.map((bot) => bot.exited));
    await rm(dataDir, { recursive: true, force: true });
  });
  for (const bot of bots) {
    await loggedWithin(bot, /Slack: connected/, 90_000);
    await loggedWithin(bot, /Discord bot ready/, 30_000);
  }
  return { bots, databasePath };
}

/**
 * Subscribes every channel for the coming minute (the one after, when this one is about to end), so that every
 * replica's scheduler finds the digests due at the same tick. Resolves with the digest keys.
 */
async function subscribeForNextMinute(databasePath: string): Promise<string[]> {
  const tick = new Date(Math.ceil((Date.now() + 10_000) / 60_000) * 60_000);
  const time = tick.toISOString().slice(11, 16);
  const listed = addDays(tick.toISOString().slice(0, 10), -1);
  const store = await openSqliteStore(databasePath);
  for (const channel of CHANNELS) await store.subscribe({ ...channel, time, timezone: 'UTC', top: 5, onEmptyDay: 'note' });
  await store.close();
  return CHANNELS.map(({ platform, channelId }) => `${platform}:${channelId}:${listed}`);
}

/** Waits until every digest is marked sent; fails with the postings and the replicas' logs. */
async function allSent(databasePath: string, keys: readonly string[], bots: readonly RunningBot[], ms: number): Promise<void> {
  try {
    await waitFor('every digest marked sent', async () => (await postingsOf(databasePath, keys)).every((posting) => posting?.status === 'sent'), ms);
  } catch (error) {
    const logs = bots.map((bot, i) => `replica ${i} (pid ${bot.child.pid}):\n${bot.logs()}`).join('\n');
    throw new Error(`${String(error)}\n${JSON.stringify(await postingsOf(databasePath, keys), null, 1)}\n${logs}`);
  }
}

async function postingsOf(databasePath: string, keys: readonly string[]): Promise<(PostingRecord | undefined)[]> {
  const store = await openSqliteStore(databasePath);
  try {
    return await Promise.all(keys.map((key) => store.posting(key)));
  } finally {
    await store.close();
  }
}

/** How many times each channel's digest was sent to the platform: Slack posts, Discord sends of its first part. */
function sendsPerChannel(fakes: Fakes, keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(CHANNELS.map(({ platform, channelId }, i) => {
    const sends = platform === 'slack'
      ? fakes.slack.calls.filter((call) => call.method === 'chat.postMessage' && call.body.channel === channelId && call.body.thread_ts === undefined)
      // Counted as requests, not messages: the fake, like Discord, answers a repeated nonce with the first message.
      : fakes.discord.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages` && request.body?.nonce === partNonce(keys[i]!, 1));
    return [channelId, sends.length];
  }));
}

const ONCE_EACH = Object.fromEntries(CHANNELS.map(({ channelId }) => [channelId, 1]));

describe.concurrent(`${REPLICAS} npm start replicas on one SQLite database`, () => {
  it('post every channel\'s digest exactly once, whichever scheduler fires first', async ({ onTestFinished }) => {
    const fakes = await startFakes(onTestFinished);
    const { bots, databasePath } = await startReplicas(fakes, onTestFinished);
    const keys = await subscribeForNextMinute(databasePath);

    await allSent(databasePath, keys, bots, 100_000);
    // Late duplicates, had there been any, would arrive within a post's time.
    await sleep(3000);
    expect(sendsPerChannel(fakes, keys)).toEqual(ONCE_EACH);
  }, 240_000);

  it('post nothing twice when the claim holder is killed mid-post: the survivors take over after its lease', async ({ onTestFinished }) => {
    const fakes = await startFakes(onTestFinished);
    const { bots, databasePath } = await startReplicas(fakes, onTestFinished);
    // The first Slack digest is held by "Slack" long enough for its sender to be killed while it is in flight.
    fakes.slack.fail('chat.postMessage', { delayMs: 8000 });
    const keys = await subscribeForNextMinute(databasePath);

    let held: PostingRecord | undefined;
    await waitFor('a Slack digest in flight', async () => {
      held = (await postingsOf(databasePath, keys)).find((posting) => posting?.platform === 'slack' && posting.status === 'pending');
      return held !== undefined;
    }, 100_000);
    await sleep(1000);
    const holder = bots.find((bot) => held?.claimedBy?.split(':')[1] === String(bot.child.pid));
    expect(holder, `the claim holder (${held?.claimedBy}) is one of the replicas`).toBeDefined();
    holder!.child.kill('SIGKILL');
    await waitFor('the holder gone', () => !isRunning(holder!.child.pid!), 5000);

    await allSent(databasePath, keys, bots, 180_000);
    await sleep(3000);
    expect(sendsPerChannel(fakes, keys)).toEqual(ONCE_EACH);
    // The held post went through before its sender died: a survivor found it in the channel instead of posting again.
    const survivors = bots.filter((bot) => bot !== holder).map((bot) => bot.logs()).join('');
    expect(survivors).toContain('digest: an in-doubt post was found sent');
    expect(survivors).toContain(held!.digestKey);
  }, 300_000);
});
