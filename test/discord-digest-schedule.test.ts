import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { readDailyConfig } from '../src/digest/config.js';
import { openDailyPapers, type DailyPapers } from '../src/digest/daily-papers.js';
import { digestKey } from '../src/digest/digest-run.js';
import { runDueDigests } from '../src/digest/run-due-digests.js';
import type { PaperIndex } from '../src/paper-index.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Paper } from '../src/types.js';
import { startDiscord, type DiscordBot } from '../adapters/discord/start.js';
import { FakeDiscord } from './fake-discord.js';
import { FakeChannels } from './fake-discord-channels.js';
import { FakeGateway } from './fake-discord-gateway.js';
import { MemoryLogger } from './fake-discord-bot.js';
import { chatInput } from './fixtures/discord-payloads.js';
import { leaveInDoubt } from './helpers/in-doubt.js';

// Shaped like a bot token; not a real one.
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.fakefakefakefakefakefakefakefake';
const CHANNEL = '1270000000000000001';
const GONE = '1270000000000000002';
/** The papers' day; its digests are posted the next morning. */
const DAY = '2026-09-01';
const AFTER_NINE = new Date('2026-09-02T09:01:00Z');

let index: PaperIndex;
let papers: Paper[];
let fake: FakeDiscord;
let channels: FakeChannels;
let gateway: FakeGateway;
let daily: DailyPapers;
let bot: DiscordBot;

beforeAll(async () => {
  index = createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH]));
  papers = index.papers().slice(0, 12).map((paper, i) => ({ ...paper, upvotes: 50 - i }));
  fake = await FakeDiscord.start();
  channels = new FakeChannels(fake);
  gateway = FakeGateway.start(fake);
  daily = openDailyPapers({ ...readDailyConfig({}), hfApiUrl: 'http://127.0.0.1:9/api' }, { index, store: await openSqliteStore(':memory:') });
  bot = await startDiscord(index, { token: TOKEN, apiUrl: fake.apiUrl }, new MemoryLogger(), { daily });
  await gateway.identified;
});
afterAll(async () => {
  await bot.stop();
  gateway.close();
  await daily.close();
  await fake.close();
});

/** One scheduler run at `now`, through the bot's own publisher, with the day's papers at hand. */
const run = (now: Date) => runDueDigests(now, { store: daily.store, publishers: { discord: bot.publisher }, papersForDay: async () => papers, sleep: async () => {} });

describe('startDiscord(index, config, log, { daily })', () => {
  it('serves the digest commands over the gateway with the daily papers it was given', async () => {
    const raw = chatInput('daily', { date: DAY });
    await daily.store.upsertPapers(papers, DAY);
    const reply = fake.nextReply(raw.token);
    gateway.dispatch('INTERACTION_CREATE', raw);
    expect(((await reply).data.embeds as { title: string }[])[0]!.title).toBe(`Daily papers · ${DAY}`);
  });

  it('exposes a Discord publisher that the core’s scheduler posts through, once per channel and day', async () => {
    expect(bot.publisher.platform).toBe('discord');
    await daily.subscribe({ platform: 'discord', channelId: CHANNEL, time: '09:00', top: 12 });
    expect((await run(AFTER_NINE)).sent).toEqual([digestKey('discord', CHANNEL, DAY)]);
    const posted = channels.in(CHANNEL).length;
    expect(posted).toBeGreaterThan(0);
    expect((await run(new Date('2026-09-02T09:02:00Z'))).sent).toEqual([]);
    expect(channels.in(CHANNEL)).toHaveLength(posted);
  });

  it('resolves an in-doubt post (sent, but the bot died before recording it) without posting again', async () => {
    const key = digestKey('discord', CHANNEL, '2026-09-02');
    const { messageId } = await bot.publisher.post(CHANNEL, await daily.daily({ date: DAY, now: new Date('2026-09-03T09:01:00Z') }), key);
    await leaveInDoubt(daily.store, { digestKey: key, platform: 'discord', channelId: CHANNEL, day: '2026-09-02' }, AFTER_NINE);
    const posted = channels.in(CHANNEL).length;
    expect((await run(new Date('2026-09-03T09:01:00Z'))).recovered).toEqual([key]);
    expect(await daily.store.posting(key)).toMatchObject({ status: 'sent', messageId });
    expect(channels.in(CHANNEL)).toHaveLength(posted);
  });

  it('pauses a deleted channel’s subscription and keeps posting to the others', async () => {
    await daily.subscribe({ platform: 'discord', channelId: GONE, time: '09:00' });
    fake.failNext({ match: new RegExp(`^/channels/${GONE}/messages$`), status: 404, body: { code: 10003, message: 'Unknown Channel' } });
    const report = await run(new Date('2026-09-04T09:01:00Z'));
    expect(report.unavailable).toEqual([digestKey('discord', GONE, '2026-09-03')]);
    expect(report.sent).toEqual([digestKey('discord', CHANNEL, '2026-09-03')]);
    expect(await daily.store.subscription('discord', GONE)).toMatchObject({ unavailableReason: '404 10003: Unknown Channel' });
  });
});
