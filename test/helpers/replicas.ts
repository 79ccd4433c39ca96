/**
 * Several `npm start` replicas on one database, each with Discord and Slack against loopback fakes shared by all:
 * starting them, subscribing channels through one of them, and counting what reached the platforms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { addDays } from '../../src/digest/digest-day.js';
import type { Platform, PostingRecord, Store } from '../../src/store/store.js';
import { partNonce } from '../../adapters/discord/digest-marker.js';
import { FakeDiscord } from '../fake-discord.js';
import { FakeChannels } from '../fake-discord-channels.js';
import { FakeGateway } from '../fake-discord-gateway.js';
import { loadSample, startFakeHf, type FakeHf } from '../fake-hf.js';
import { signedHeaders, startFakeSlack, type FakeSlack } from '../fake-slack.js';
import { SIGNING_SECRET } from '../fixtures/slack-bed.js';
import { commandBody, mentionEvent } from '../fixtures/slack-payloads.js';
import type { TestDatabase } from '../store-contract.js';
import { freePort, loggedWithin, startBot, type RunningBot } from './entry-point.js';
import { waitFor } from './processes.js';

export const REPLICAS = 3;
// Shaped like a bot token; not a real one.
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.fakefakefakefakefakefakefakefake';
export const CHANNELS: { platform: Platform; channelId: string }[] = [
  { platform: 'slack', channelId: 'C0REPLICA1' },
  { platform: 'slack', channelId: 'C0REPLICA2' },
  { platform: 'slack', channelId: 'C0REPLICA3' },
  { platform: 'discord', channelId: '1250000000000000101' },
  { platform: 'discord', channelId: '1250000000000000102' },
  { platform: 'discord', channelId: '1250000000000000103' },
];
/** What every spec expects in the end: one send per channel. */
export const ONCE_EACH = Object.fromEntries(CHANNELS.map(({ channelId }) => [channelId, 1]));

/** Registers what to undo when the test is over (`onTestFinished`: the specs run at once). */
export type AtEnd = (cleanup: () => Promise<void>) => void;

/** The loopback platforms and Hugging Face that the replicas of one spec talk to. */
export interface Fakes {
  slack: FakeSlack;
  discord: FakeDiscord;
  hf: FakeHf;
}

export async function startFakes(atEnd: AtEnd): Promise<Fakes> {
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
  return { slack, discord, hf };
}

/** Replicas of one spec: their processes, their Slack ports, and the database they share. */
export interface Replicas {
  bots: RunningBot[];
  ports: number[];
  database: TestDatabase;
  /** Starts one more replica, as a supervisor replaces one that died. */
  add(): Promise<RunningBot>;
}

/**
 * Starts the replicas on one data folder and `database` (migrated before they start, as a deploy would), and
 * waits until each runs both bots and its schedule.
 */
export async function startReplicas(fakes: Fakes, database: TestDatabase, atEnd: AtEnd): Promise<Replicas> {
  const dataDir = await mkdtemp(join(tmpdir(), 'paperbot-replicas-'));
  await (await database.open()).close();
  const replicas: Replicas = { bots: [], ports: [], database, add: async () => {
    const port = await freePort();
    const bot = await startBot('paperbot-replica-', {
      DATA_DIR: dataDir, HF_API_URL: fakes.hf.url, ...database.env,
      SLACK_BOT_TOKEN: 'xoxb-replica-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(port), SLACK_API_URL: fakes.slack.apiUrl,
      DISCORD_TOKEN, DISCORD_API_URL: fakes.discord.apiUrl,
    });
    replicas.bots.push(bot);
    replicas.ports.push(port);
    await loggedWithin(bot, /Slack: connected/, 120_000);
    await loggedWithin(bot, /Discord bot ready/, 30_000);
    return bot;
  } };
  atEnd(async () => {
    for (const bot of replicas.bots) bot.child.kill('SIGKILL');
    await Promise.all(replicas.bots.map((bot) => bot.exited));
    // The server may be gone already (a spec's own cluster, removed first).
    await database.drop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  });
  for (let i = 0; i < REPLICAS; i += 1) await replicas.add();
  return replicas;
}

/** Sends a signed request to a replica's Slack endpoint. */
function postToSlack(port: number, raw: string, contentType: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: raw, headers: signedHeaders(SIGNING_SECRET, raw, contentType) });
}

/**
 * Subscribes every channel for the coming minute (the one after, when this one is about to end), the Slack ones
 * with `/papers subscribe` sent to the first replica alone, the Discord ones in the store: every replica's
 * scheduler finds them due at the same tick. Resolves with the digest keys, once all are stored.
 */
export async function subscribeForNextMinute(fakes: Fakes, replicas: Replicas): Promise<string[]> {
  const tick = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000);
  const time = tick.toISOString().slice(11, 16);
  const listed = addDays(tick.toISOString().slice(0, 10), -1);
  const store = await replicas.database.open();
  try {
    for (const { platform, channelId } of CHANNELS) {
      if (platform === 'discord') await store.subscribe({ platform, channelId, time, timezone: 'UTC', top: 5, onEmptyDay: 'note' });
      else {
        const body = new URLSearchParams(commandBody(`subscribe time:${time} tz:UTC top:5`, fakes.slack.responseUrl(channelId)));
        body.set('channel_id', channelId);
        await postToSlack(replicas.ports[0]!, body.toString(), 'application/x-www-form-urlencoded');
      }
    }
    await waitFor('the subscriptions stored', async () => (await store.subscriptions()).length === CHANNELS.length, 30_000);
  } finally {
    await store.close();
  }
  return CHANNELS.map(({ platform, channelId }) => `${platform}:${channelId}:${listed}`);
}

export async function postingsOf(database: TestDatabase, keys: readonly string[]): Promise<(PostingRecord | undefined)[]> {
  return withStore(database, (store) => Promise.all(keys.map((key) => store.posting(key))));
}

async function withStore<T>(database: TestDatabase, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await database.open();
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Waits until every digest is marked sent, then a post's time for late duplicates; fails with the postings and logs. */
export async function allSent(replicas: Replicas, keys: readonly string[], ms: number): Promise<void> {
  try {
    await waitFor('every digest marked sent', async () => (await postingsOf(replicas.database, keys)).every((posting) => posting?.status === 'sent'), ms);
  } catch (error) {
    const logs = replicas.bots.map((bot, i) => `replica ${i} (pid ${bot.child.pid}):\n${bot.logs()}`).join('\n');
    throw new Error(`${String(error)}\n${JSON.stringify(await postingsOf(replicas.database, keys), null, 1)}\n${logs}`);
  }
  await sleep(3000);
}

/** How many times each channel's digest was sent to the platform: Slack posts, Discord sends of its first part. */
export function sendsPerChannel(fakes: Fakes, keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(CHANNELS.map(({ platform, channelId }, i) => {
    const sends = platform === 'slack'
      ? fakes.slack.calls.filter((call) => call.method === 'chat.postMessage' && call.body.channel === channelId && call.body.thread_ts === undefined)
      // Counted as requests, not messages: the fake, like Discord, answers a repeated nonce with the first message.
      : fakes.discord.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages` && request.body?.nonce === partNonce(keys[i]!, 1));
    return [channelId, sends.length];
  }));
}

/**
 * Mentions each replica in a channel of its own with `question`, and resolves with how many milliseconds each took
 * until its answer contained `expected`. Rejects after `ms`.
 */
export async function askEach(fakes: Fakes, replicas: Replicas, question: string, expected: string, ms: number): Promise<number[]> {
  return Promise.all(replicas.ports.map(async (port, i) => {
    const channel = `C0ASK${i}${Date.now()}`;
    const asked = Date.now();
    await postToSlack(port, mentionEvent({ text: `<@U0FAKEBOT> ${question}`, channel }), 'application/json');
    await waitFor(`replica ${i}'s answer`, () => fakes.slack.calls.some((call) => call.body.channel === channel && JSON.stringify(call.body).includes(expected)), ms);
    return Date.now() - asked;
  }));
}
