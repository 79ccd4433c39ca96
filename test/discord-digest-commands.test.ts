import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { readDailyConfig } from '../src/digest/config.js';
import { openDailyPapers, type DailyPapers } from '../src/digest/daily-papers.js';
import { latestCompleteDay } from '../src/digest/digest-day.js';
import type { PaperIndex } from '../src/paper-index.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { COMMANDS } from '../adapters/discord/commands/index.js';
import { TestBot, expectSafeTraffic } from './fake-discord-bot.js';
import { CHANNEL_ID, GUILD_ID, type RecordedRequest } from './fake-discord.js';
import { FakeChannels } from './fake-discord-channels.js';
import { loadSample, startFakeHf, type FakeHf } from './fake-hf.js';
import { autocomplete, chatInput, withPermissions } from './fixtures/discord-payloads.js';

type Json = Record<string, unknown>;
type Embed = { title?: string; description?: string; url?: string; footer?: { text: string } };

const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
const MANAGER = MEMBER | PermissionFlagsBits.ManageChannels;
const OTHER_CHANNEL = '1250000000000000002';
const OTHER_GUILDS_CHANNEL = '1250000000000000099';
const LONGEST_DAY = '2026-09-01';

const asManager = <T extends Json>(raw: T) => withPermissions(raw, MANAGER);
const asMember = <T extends Json>(raw: T) => withPermissions(raw, MEMBER);
const embedsOf = (data: Json) => (data.embeds ?? []) as Embed[];

let index: PaperIndex;
let hf: FakeHf;
let daily: DailyPapers;
let bot: TestBot;

beforeAll(async () => {
  index = createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH]));
  hf = await startFakeHf();
  // The operator's default for /daily and /subscribe is the most a digest may hold, so /daily shows a full day.
  daily = openDailyPapers({ ...readDailyConfig({}), hfApiUrl: hf.url, digestTop: 25 }, { index, store: await openSqliteStore(':memory:') });
  const longest = [...index.papers()].sort((a, b) => b.abstract.length - a.abstract.length).slice(0, 25);
  await daily.store.upsertPapers(longest.map((paper, i) => ({ ...paper, upvotes: 100 - i })), LONGEST_DAY);
  bot = await TestBot.start(index, undefined, { daily });
  new FakeChannels(bot.fake).guilds.set(GUILD_ID, [CHANNEL_ID, OTHER_CHANNEL]);
});
afterAll(async () => {
  await bot.stop();
  await daily.close();
  await hf.close();
});
afterEach(() => expectSafeTraffic(bot));

/** Everything the bot sent for one interaction: the callback, edits and follow-ups. */
const sentFor = (token: string): RecordedRequest[] => bot.fake.requests.filter((request) => request.path.includes(token));

describe('registration', () => {
  const data = Object.fromEntries(COMMANDS.map((command) => [command.data.name, command.data]));

  it('offers /subscribe and /unsubscribe, in servers only, to members with Manage Channels by default', () => {
    for (const name of ['subscribe', 'unsubscribe']) {
      expect(data[name]).toMatchObject({ default_member_permissions: String(PermissionFlagsBits.ManageChannels), contexts: [0] });
    }
    expect(data.subscribe!.options!.map((option) => option.name)).toEqual(['time', 'timezone', 'filter', 'top', 'empty_days']);
    expect(data.subscribe!.options![1]).toMatchObject({ name: 'timezone', autocomplete: true });
    expect(data.subscribe!.options![3]).toMatchObject({ name: 'top', min_value: 1, max_value: 25 });
  });

  it('offers /daily and /subscriptions to everyone', () => {
    expect(data.daily!.default_member_permissions).toBeUndefined();
    expect(data.subscriptions!.default_member_permissions).toBeUndefined();
  });

  it('gives /daily the same optional filter as /subscribe, as long as a /search query', () => {
    expect(data.daily!.options).toMatchObject([{ name: 'date', type: 3, max_length: 10 }, { name: 'filter', type: 3, max_length: 64 }]);
    expect(data.daily!.options![1]).toEqual(data.subscribe!.options![2]);
    expect(data.daily!.options!.every((option) => !('required' in option) || !option.required)).toBe(true);
  });
});

describe('/subscribe', () => {
  it('subscribes the channel with every setting and says so in the channel', async () => {
    const reply = await bot.run(asManager(chatInput('subscribe', { time: '8:30', timezone: 'Europe/Paris', filter: 'diffusion', top: 5, empty_days: 'silent' })));
    expect(reply).toMatchObject({ kind: 'reply', ephemeral: false });
    expect(reply.data.content).toBe('This channel will get the 5 most upvoted papers matching “diffusion” every day at 08:30 (Europe/Paris).\n'
      + 'Each digest lists the previous day’s papers, complete: Hugging Face adds papers to a day until midnight UTC.\n'
      + 'Days without papers pass silently.\nRun /unsubscribe to stop, or /subscribe again to change it.');
    expect(await daily.store.subscription('discord', CHANNEL_ID)).toMatchObject({ time: '08:30', timezone: 'Europe/Paris', top: 5, filter: 'diffusion', onEmptyDay: 'silent' });
  });

  it('fills in the defaults, replacing the channel’s earlier subscription', async () => {
    const reply = await bot.run(asManager(chatInput('subscribe')));
    expect(reply.data.content).toMatch(/^This channel will get the 25 most upvoted papers every day at 09:00 \(UTC\)\.\nEach digest lists the previous day’s papers, complete: .*\nA day without papers gets a short note\./);
    expect(await daily.store.subscription('discord', CHANNEL_ID)).toEqual({ platform: 'discord', channelId: CHANNEL_ID, time: '09:00', timezone: 'UTC', top: 25, onEmptyDay: 'note' });
  });

  it('says when an hour before midnight UTC (east of UTC) really posts: once the day it lists is over', async () => {
    const reply = await bot.run(asManager(chatInput('subscribe', { time: '08:00', timezone: 'Asia/Tokyo' })));
    expect(reply.data.content).toContain('Each digest lists the previous day’s papers, complete: Hugging Face adds papers to a day until midnight UTC. '
      + 'Midnight UTC is 09:00 in Asia/Tokyo, so the digest comes at 09:00, not 08:00.\n');
    expect(await daily.store.subscription('discord', CHANNEL_ID)).toMatchObject({ time: '08:00', timezone: 'Asia/Tokyo' });
  });

  it('refuses, only to the person, a member without Manage Channels (checked again at run time)', async () => {
    const before = await daily.store.subscription('discord', CHANNEL_ID);
    const reply = await bot.run(asMember(chatInput('subscribe', { time: '07:00' })));
    expect(reply).toMatchObject({ kind: 'reply', ephemeral: true });
    expect(reply.data.content).toMatch(/^Only members who can manage this channel \(the Manage Channels permission\)/);
    expect(await daily.store.subscription('discord', CHANNEL_ID)).toEqual(before);
  });

  it.each([
    [{ timezone: 'Paris' }, /^"Paris" is not a time zone I know\. Did you mean Europe\/Paris\?/],
    [{ time: '25:00' }, /^"25:00" is not a time of day\. Use HH:MM/],
    [{ filter: 'the of' }, /could not find any words/],
    // Discord's client holds a filter to max_length; a payload can carry more.
    [{ filter: 'harness '.repeat(20) }, /^Please keep the filter to 64 characters or fewer \(that one has 159\)\.$/],
  ])('answers %o with the reason, only to the person', async (options, reason) => {
    const reply = await bot.run(asManager(chatInput('subscribe', options)));
    expect(reply).toMatchObject({ kind: 'reply', ephemeral: true });
    expect(reply.data.content).toMatch(reason);
  });

  it('autocompletes the time zone: at most 25 IANA names, the ones starting with the typed words first', async () => {
    const europe = await bot.run(autocomplete('subscribe', { timezone: 'europe' }, 'timezone'));
    expect(europe.kind).toBe('choices');
    const choices = europe.data.choices as { name: string; value: string }[];
    expect(choices).toHaveLength(25);
    for (const choice of choices) expect(choice).toEqual({ name: choice.value, value: expect.stringMatching(/^Europe\//) });
    const newYork = await bot.run(autocomplete('subscribe', { timezone: 'new y' }, 'timezone'));
    expect(newYork.data.choices).toEqual([{ name: 'America/New_York', value: 'America/New_York' }]);
  });
});

describe('/unsubscribe', () => {
  it('refuses a member without Manage Channels, then stops the channel’s digest for one who has it', async () => {
    await bot.run(asManager(chatInput('subscribe')));
    const refused = await bot.run(asMember(chatInput('unsubscribe')));
    expect(refused).toMatchObject({ ephemeral: true, data: { content: expect.stringMatching(/^Only members who can manage/) } });
    expect(await daily.store.subscription('discord', CHANNEL_ID)).toBeDefined();

    const done = await bot.run(asManager(chatInput('unsubscribe')));
    expect(done).toMatchObject({ kind: 'reply', ephemeral: false, data: { content: 'This channel will no longer get daily papers. Run /subscribe to start again.' } });
    expect(await daily.store.subscription('discord', CHANNEL_ID)).toBeUndefined();

    const again = await bot.run(asManager(chatInput('unsubscribe')));
    expect(again).toMatchObject({ ephemeral: true, data: { content: expect.stringMatching(/^This channel does not get daily papers/) } });
  });
});

describe('/subscriptions', () => {
  it('lists this server’s subscribed channels only, to the person who asked', async () => {
    await daily.subscribe({ platform: 'discord', channelId: OTHER_CHANNEL, time: '18:00', timezone: 'Asia/Tokyo', top: 3, filter: 'robot*' });
    await daily.subscribe({ platform: 'discord', channelId: OTHER_GUILDS_CHANNEL });
    await daily.subscribe({ platform: 'slack', channelId: CHANNEL_ID });
    await daily.store.markChannelUnavailable('discord', OTHER_CHANNEL, '403 50013: Missing Permissions', new Date());
    const reply = await bot.run(asMember(chatInput('subscriptions')));
    expect(reply).toMatchObject({ kind: 'edit', ephemeral: true });
    expect(reply.data.content).toBe('1 channel of this server gets daily papers:\n'
      + `• <#${OTHER_CHANNEL}>: the 3 most upvoted papers matching “robot\\*” every day at 18:00 (Asia/Tokyo) — paused, `
      + 'I could not post there: 403 50013: Missing Permissions. Run /subscribe there again to resume.');
    await daily.unsubscribe('discord', OTHER_CHANNEL);
    const none = await bot.run(asMember(chatInput('subscriptions')));
    expect(none.data.content).toBe('No channel of this server gets daily papers. Run /subscribe in one to start.');
  });
});

describe('/daily', () => {
  it('shows a given day, fetched from Hugging Face, in the channel', async () => {
    const raw = chatInput('daily', { date: '2026-08-20' });
    const reply = await bot.run(raw);
    expect(sentFor(raw.token)[0]!.body).toMatchObject({ type: 5 });
    expect(reply).toMatchObject({ kind: 'edit', ephemeral: false });
    const [header, ...papers] = embedsOf(reply.data);
    expect(header).toMatchObject({ title: 'Daily papers · 2026-08-20', description: '15 papers on Hugging Face Daily Papers, most upvoted first.' });
    expect(papers.length).toBeGreaterThan(0);
    expect(papers[0]).toMatchObject({ title: expect.stringMatching(/^1\. /), url: expect.stringMatching(/^https:\/\/arxiv\.org\/abs\//) });
    expect(papers[0]!.description).toMatch(/\n▲ \d+ · \[arXiv\]\(https:\/\/arxiv\.org\/abs\/.+\) · \[Hugging Face\]/);
  });

  it('splits a 25-paper day of the longest real abstracts across an edit and follow-ups, each within the limits', async () => {
    const raw = chatInput('daily', { date: LONGEST_DAY });
    await bot.run(raw);
    const messages = sentFor(raw.token).filter((request) => request.method === 'PATCH' || (request.method === 'POST' && request.path.startsWith('/webhooks/')));
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.map((request) => request.status)).toEqual(messages.map(() => 200));
    const embeds = messages.flatMap((request) => embedsOf(request.body ?? {}));
    expect(embeds).toHaveLength(26);
    expect(embeds.slice(1).map((embed) => embed.title!.split('. ')[0])).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    expect(messages.map((request) => embedsOf(request.body ?? {}).at(-1)!.footer?.text)).toEqual(messages.map((_, i) => `Part ${i + 1} of ${messages.length}`));
  });

  it('without a date, shows the latest complete day in the channel’s time zone, the list of its digests, and says so', async () => {
    await daily.subscribe({ platform: 'discord', channelId: CHANNEL_ID, timezone: 'Asia/Tokyo' });
    const day = latestCompleteDay(new Date(), 'Asia/Tokyo');
    hf.days.set(day, loadSample('2026-08-21'));
    try {
      const reply = await bot.run(chatInput('daily'));
      const [header] = embedsOf(reply.data);
      expect(header).toMatchObject({ title: `Daily papers · ${day}`, description: '17 papers on Hugging Face Daily Papers, most upvoted first.\n'
        + 'The latest complete day (Hugging Face’s days end at midnight UTC), as in the daily digests.' });
      expect(hf.requests.at(-1)?.path).toContain(`date=${day}`);
    } finally {
      hf.days.delete(day);
      await daily.unsubscribe('discord', CHANNEL_ID);
    }
  });

  it('answers a malformed date with the expected form, only to the person', async () => {
    const reply = await bot.run(chatInput('daily', { date: '01/09/2026' }));
    expect(reply).toMatchObject({ kind: 'followup', ephemeral: true, data: { content: '"01/09/2026" is not a date. Use YYYY-MM-DD, e.g. 2026-08-20.' } });
  });
});

describe('/daily with a filter', () => {
  it('lists only that day’s papers matching the filter, and says which filter', async () => {
    const reply = await bot.run(chatInput('daily', { date: '2026-08-20', filter: 'harness' }));
    expect(reply).toMatchObject({ kind: 'edit', ephemeral: false });
    const [header, ...papers] = embedsOf(reply.data);
    expect(header).toMatchObject({ title: 'Daily papers · 2026-08-20', description: '2 papers matching “harness” on Hugging Face Daily Papers, most upvoted first.' });
    expect(papers.map((paper) => paper.title)).toEqual([expect.stringMatching(/^1\. Zetta/), expect.stringMatching(/^2\. SemaPLC/)]);
  });

  it('without a date, filters the latest complete day, the list of the digests', async () => {
    const day = latestCompleteDay(new Date(), 'UTC');
    hf.days.set(day, loadSample('2026-08-21'));
    try {
      const [header, ...papers] = embedsOf((await bot.run(chatInput('daily', { filter: 'video' }))).data);
      expect(header).toMatchObject({ title: `Daily papers · ${day}`, description: '3 papers matching “video” on Hugging Face Daily Papers, most upvoted first.\n'
        + 'The latest complete day (Hugging Face’s days end at midnight UTC), as in the daily digests.' });
      expect(papers).toHaveLength(3);
    } finally {
      hf.days.delete(day);
    }
  });

  it('says politely, in the channel, that no paper of the day matches', async () => {
    const reply = await bot.run(chatInput('daily', { date: '2026-08-20', filter: 'quantum chromodynamics' }));
    expect(reply).toMatchObject({ kind: 'edit', ephemeral: false });
    expect(embedsOf(reply.data)).toEqual([expect.objectContaining({
      title: 'Daily papers · 2026-08-20',
      description: 'No paper this day matches “quantum chromodynamics”. Without a filter, /daily shows the whole list.',
    })]);
  });

  it('echoes a filter full of mentions as plain text that pings nobody', async () => {
    const reply = await bot.run(chatInput('daily', { date: '2026-08-20', filter: '@everyone @here <@123> <@&456> harness' }));
    const [header] = embedsOf(reply.data);
    expect(header!.description).toMatch(/^\d+ papers? matching “@\u200Beveryone @\u200Bhere \\<@123\\> \\<@&456\\> harness” on Hugging Face/);
    expect(header!.description).not.toMatch(/(?<!\\)<@|@(everyone|here)/);
  });

  it('refuses, only to the person and before fetching anything, a filter too long or with nothing to search', async () => {
    const fetched = hf.requests.length;
    const long = await bot.run(chatInput('daily', { date: '2026-08-19', filter: 'harness '.repeat(20) }));
    expect(long).toMatchObject({ kind: 'reply', ephemeral: true, data: { content: 'Please keep the filter to 64 characters or fewer (that one has 159).' } });
    const stopWords = await bot.run(chatInput('daily', { date: '2026-08-19', filter: 'the of' }));
    expect(stopWords).toMatchObject({ ephemeral: true, data: { content: expect.stringMatching(/could not find any words/) } });
    expect(hf.requests.length).toBe(fetched);
  });
});

describe('without daily papers configured', () => {
  it.each([
    ['daily', MEMBER], ['subscribe', MANAGER], ['unsubscribe', MANAGER], ['subscriptions', MEMBER],
  ] as const)('/%s says digests are not turned on, only to the person', async (name, permissions) => {
    const plain = await TestBot.start(index);
    try {
      const reply = await plain.run(withPermissions(chatInput(name), permissions));
      expect(reply).toMatchObject({ kind: 'reply', ephemeral: true });
      expect(reply.data.content).toMatch(/^Daily digests are not turned on for this bot\./);
    } finally {
      await plain.stop();
    }
  });
});
