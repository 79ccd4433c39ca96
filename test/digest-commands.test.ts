import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHfDailyPapers } from '../src/corpus/hf-api.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { readDailyConfig } from '../src/digest/config.js';
import { dailyDigest, latestCorpusDay } from '../src/digest/daily-on-demand.js';
import { openDailyPapers, type DailyPapers } from '../src/digest/daily-papers.js';
import { parseDailyText, parseSubscribeText } from '../src/digest/subscribe-text.js';
import { parseSubscriptionRequest } from '../src/digest/subscription-request.js';
import { suggestTimeZones } from '../src/digest/time-zone.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Paper } from '../src/types.js';
import { loadSample, startFakeHf, type FakeHf } from './fake-hf.js';

const defaults = { digestTime: '09:00', digestTimezone: 'UTC', digestTop: 10 };
const channel = { platform: 'discord' as const, channelId: '123' };

describe('parseSubscriptionRequest', () => {
  it('fills in the defaults', () => {
    expect(parseSubscriptionRequest(channel, defaults)).toEqual({ ...channel, time: '09:00', timezone: 'UTC', top: 10, onEmptyDay: 'note' });
  });

  it('normalises the time and the zone name', () => {
    expect(parseSubscriptionRequest({ ...channel, time: '7:05', timezone: 'europe/paris', top: 3, filter: 'diffusion' }, defaults))
      .toMatchObject({ time: '07:05', timezone: 'Europe/Paris', top: 3, filter: 'diffusion' });
  });

  it('rejects bad values with a reason to show, and suggests a zone', () => {
    expect(() => parseSubscriptionRequest({ ...channel, time: '25:00' }, defaults)).toThrow(/not a time of day/);
    expect(() => parseSubscriptionRequest({ ...channel, timezone: 'Paris' }, defaults)).toThrow(/Did you mean Europe\/Paris\?/);
    expect(() => parseSubscriptionRequest({ ...channel, top: 26 }, defaults)).toThrow(/1 to 25/);
    expect(() => parseSubscriptionRequest({ ...channel, filter: 'the of' }, defaults)).toThrow(/could not find any words/);
  });
});

describe('time zones', () => {
  it('suggests names for autocomplete, those starting with the words first', () => {
    expect(suggestTimeZones('new y', 5)).toEqual(['America/New_York']);
    expect(suggestTimeZones('', 3)[0]).toBe('UTC');
    expect(suggestTimeZones('europe', 25)).toHaveLength(25);
  });
});

describe('parseSubscribeText', () => {
  it('splits key:value words, filter taking the rest of the line', () => {
    expect(parseSubscribeText('time:08:30 tz:Asia/Tokyo top:5 empty:silent filter:diffusion models')).toEqual({
      time: '08:30', timezone: 'Asia/Tokyo', top: 5, onEmptyDay: 'silent', filter: 'diffusion models',
    });
    expect(parseSubscribeText('')).toEqual({});
  });

  it('refuses unknown words', () => {
    expect(() => parseSubscribeText('daily at 9')).toThrow(/did not understand "daily"/);
  });
});

describe('parseDailyText', () => {
  it('reads an optional date, then the filter: of the subscriptions, taking the rest of the line', () => {
    expect(parseDailyText('')).toEqual({ date: '' });
    expect(parseDailyText(' 2026-08-20 ')).toEqual({ date: '2026-08-20' });
    expect(parseDailyText('filter: world models')).toEqual({ date: '', filter: 'world models' });
    expect(parseDailyText('2026-08-20 Filter:diffusion OR "world model"')).toEqual({ date: '2026-08-20', filter: 'diffusion OR "world model"' });
    expect(parseDailyText('2026-08-20 filter:')).toEqual({ date: '2026-08-20' });
  });

  it('leaves words that name no setting to the date check, and refuses the settings only a subscription has', () => {
    expect(parseDailyText('attention sinks: a survey')).toEqual({ date: 'attention sinks: a survey' });
    expect(parseDailyText('12:30')).toEqual({ date: '12:30' });
    expect(() => parseDailyText('2026-08-20 top:5')).toThrow('I did not understand "top:5". Give a day, YYYY-MM-DD, then filter:words.');
    expect(() => parseDailyText('tz:Asia/Tokyo filter:x')).toThrow(/did not understand "tz:Asia\/Tokyo"/);
  });
});

describe('readDailyConfig', () => {
  it('has defaults and names the bad variable', () => {
    expect(readDailyConfig({})).toMatchObject({ hfApiUrl: 'https://huggingface.co/api', databasePath: 'data/paperbot.sqlite', digestTop: 10 });
    expect(readDailyConfig({ DIGEST_TOP: '', DIGEST_TIMEZONE: '' })).toMatchObject({ digestTop: 10, digestTimezone: 'UTC' });
    expect(() => readDailyConfig({ DIGEST_TIMEZONE: 'Mars/Olympus' })).toThrow(/DIGEST_TIMEZONE/);
    expect(() => readDailyConfig({ HF_API_URL: 'ftp://x' })).toThrow(/HF_API_URL/);
    expect(() => readDailyConfig({ DIGEST_TIME: '9am' })).toThrow(/DIGEST_TIME: expected HH:MM/);
  });

  it('takes a PostgreSQL URL for the store, and never repeats a bad one, which may hold a password', () => {
    expect(readDailyConfig({ DATABASE_URL: 'postgres://bot:pw@db:5432/paperbot' }).databaseUrl).toBe('postgres://bot:pw@db:5432/paperbot');
    expect(readDailyConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    for (const bad of ['mysql://bot:hunter2@db/paperbot', 'bot:hunter2@db']) {
      expect(() => readDailyConfig({ DATABASE_URL: bad })).toThrow(/DATABASE_URL: expected a PostgreSQL URL/);
      expect(() => readDailyConfig({ DATABASE_URL: bad })).not.toThrow(/hunter2/);
    }
  });
});

describe('dailyDigest', () => {
  const day20 = parseHfDailyPapers(loadSample('2026-08-20'), 's');
  const shipped: Paper[] = [
    { id: 'a', title: 'A', abstract: 'One.', authors: [], published: 'Mar 13', source: 'hf-page' },
    { id: 'b', title: 'B', abstract: 'Two.', authors: [], published: 'Mar 13', source: 'hf-page' },
    { id: 'c', title: 'C', abstract: 'Three.', authors: [], published: 'Mar 12', source: 'hf-page' },
  ];

  it('without a date, shows the latest complete day, else the latest stored day before it, else the shipped corpus', async () => {
    const store = await openSqliteStore(':memory:');
    const deps = { store, corpus: () => shipped };
    expect(await dailyDigest({ now: new Date('2026-08-20T12:00:00Z'), top: 10 }, deps))
      .toMatchObject({ date: 'Mar 13', total: 2, note: { kind: 'fallback', wanted: '2026-08-19', reason: 'empty' } });
    await store.upsertPapers(day20, '2026-08-20');
    expect(await dailyDigest({ now: new Date('2026-08-21T12:00:00Z'), top: 3 }, deps))
      .toMatchObject({ date: '2026-08-20', total: 15, entries: { length: 3 }, note: { kind: 'latest' } });
    // A weekend: the 22nd lists nothing, so the 20th, the latest day known before it, says why it is shown.
    expect(await dailyDigest({ now: new Date('2026-08-23T12:00:00Z'), top: 10 }, deps))
      .toMatchObject({ date: '2026-08-20', total: 15, note: { kind: 'fallback', wanted: '2026-08-22', reason: 'empty' } });
    await store.close();
  });

  it("without a date, \"yesterday\" is the channel's: what its digest lists, once that day is over in UTC", async () => {
    const store = await openSqliteStore(':memory:');
    const fetched: string[] = [];
    const deps = { store, corpus: () => shipped, papersForDay: async (day: string) => (fetched.push(day), day20) };
    // 08:00 on the 21st in Tokyo: the 20th is not over (its digest waits for 09:00), so the 19th, as yesterday's digest.
    await dailyDigest({ now: new Date('2026-08-20T23:00:00Z'), timezone: 'Asia/Tokyo', top: 10 }, deps);
    await dailyDigest({ now: new Date('2026-08-21T00:00:00Z'), timezone: 'Asia/Tokyo', top: 10 }, deps);
    // 17:00 on the 21st in California, midnight UTC: the 21st is over too, but that channel's digest today listed the 20th.
    await dailyDigest({ now: new Date('2026-08-22T00:00:00Z'), timezone: 'America/Los_Angeles', top: 10 }, deps);
    expect(fetched).toEqual(['2026-08-19', '2026-08-20', '2026-08-20']);
    await store.close();
  });

  it('never falls back to a later day that is still filling', async () => {
    const store = await openSqliteStore(':memory:');
    await store.upsertPapers(day20, '2026-08-20');
    await store.upsertPapers(day20.slice(0, 2), '2026-08-23');
    const deps = { store, corpus: () => shipped, papersForDay: async () => Promise.reject(new Error('HTTP 503')) };
    expect(await dailyDigest({ now: new Date('2026-08-23T12:00:00Z'), top: 10 }, deps))
      .toMatchObject({ date: '2026-08-20', note: { kind: 'fallback', wanted: '2026-08-22', reason: 'unreachable' } });
    await store.close();
  });

  it('shows a given date, fetching it when not stored, and says so when it cannot', async () => {
    const store = await openSqliteStore(':memory:');
    const fetched: string[] = [];
    const now = new Date('2026-11-27T12:00:00Z');
    const deps = { store, corpus: () => shipped, papersForDay: async (day: string) => (fetched.push(day), day === '2026-08-20' ? day20 : []) };
    expect(await dailyDigest({ date: '2026-08-20', now, top: 10 }, deps)).toMatchObject({ total: 15 });
    expect(await dailyDigest({ date: '2026-08-22', now, top: 10 }, deps)).toMatchObject({ empty: 'no-papers' });
    expect(fetched).toEqual(['2026-08-20', '2026-08-22']);
    await expect(dailyDigest({ date: '20/08/2026', now, top: 10 }, deps)).rejects.toThrow(/not a date/);
    // No such day: without the check it was fetched from Hugging Face as March 2.
    await expect(dailyDigest({ date: '2026-02-30', now, top: 10 }, deps)).rejects.toThrow('"2026-02-30" is not a date.');
    const failing = { ...deps, papersForDay: async () => Promise.reject(new Error('HTTP 503')) };
    await expect(dailyDigest({ date: '2026-08-19', now, top: 10 }, failing)).rejects.toThrow(/could not fetch the papers of 2026-08-19/);
    await store.close();
  });

  it('a given date stays that date, says when Hugging Face is still filling it, and refetches a day that just ended', async () => {
    const store = await openSqliteStore(':memory:');
    const fetched: string[] = [];
    let list = day20.slice(0, 4);
    const deps = { store, corpus: () => shipped, papersForDay: async (day: string) => (fetched.push(day), await store.upsertPapers(list, day), list) };
    expect(await dailyDigest({ date: '2026-08-20', now: new Date('2026-08-20T06:00:00Z'), top: 25 }, deps))
      .toMatchObject({ date: '2026-08-20', total: 4, note: { kind: 'open' } });
    // Over, but only just: the copy stored while it was filling is not trusted.
    list = day20;
    const after = await dailyDigest({ date: '2026-08-20', now: new Date('2026-08-21T06:00:00Z'), top: 25 }, deps);
    expect(after).toMatchObject({ total: 15 });
    expect(after.note).toBeUndefined();
    // A day later the stored copy is final: nothing is fetched, even when Hugging Face is down.
    const down = { ...deps, papersForDay: async () => Promise.reject(new Error('HTTP 503')) };
    expect(await dailyDigest({ date: '2026-08-20', now: new Date('2026-08-22T06:00:00Z'), top: 25 }, down)).toMatchObject({ total: 15 });
    // Down while a recent day is asked for: the stored copy serves.
    expect(await dailyDigest({ date: '2026-08-20', now: new Date('2026-08-21T07:00:00Z'), top: 25 }, down)).toMatchObject({ total: 15 });
    expect(fetched).toEqual(['2026-08-20', '2026-08-20']);
    await store.close();
  });

  it('with a filter, lists only the matching papers of the day and names the filter; none matching is said, not an error', async () => {
    const store = await openSqliteStore(':memory:');
    const deps = { store, corpus: () => shipped, papersForDay: async () => day20 };
    const now = new Date('2026-11-27T12:00:00Z');
    const harness = await dailyDigest({ date: '2026-08-20', now, top: 10, filter: '  harness ' }, deps);
    expect(harness).toMatchObject({ date: '2026-08-20', total: 2, filter: 'harness' });
    expect(harness.entries.map((entry) => entry.title)).toEqual([
      expect.stringMatching(/^Zetta/), expect.stringMatching(/^SemaPLC/),
    ]);
    expect(await dailyDigest({ date: '2026-08-20', now, top: 10, filter: 'quantum chromodynamics' }, deps))
      .toMatchObject({ total: 0, entries: [], filter: 'quantum chromodynamics', empty: 'no-matches' });
    await store.close();
  });

  it('refuses a filter that cannot be searched before fetching anything, in the words of the subscriptions', async () => {
    const store = await openSqliteStore(':memory:');
    const fetched: string[] = [];
    const deps = { store, corpus: () => shipped, papersForDay: async (day: string) => (fetched.push(day), day20) };
    const now = new Date('2026-11-27T12:00:00Z');
    await expect(dailyDigest({ date: '2026-08-20', now, top: 10, filter: 'the of' }, deps)).rejects.toThrow(/could not find any words/);
    const long = 'harness '.repeat(150);
    await expect(dailyDigest({ date: '2026-08-20', now, top: 10, filter: long }, deps))
      .rejects.toThrow('That filter is 1,199 characters; please keep filters under 1,000.');
    expect(() => parseSubscriptionRequest({ ...channel, filter: long }, defaults))
      .toThrow('That filter is 1,199 characters; please keep filters under 1,000.');
    expect(fetched).toEqual([]);
    await store.close();
  });

  it('picks the latest ISO featured day when there is one', () => {
    expect(latestCorpusDay(day20).day).toBe('2026-08-20');
    expect(latestCorpusDay(shipped)).toMatchObject({ day: 'Mar 13', papers: { length: 2 } });
  });
});

describe('openDailyPapers', () => {
  let hf: FakeHf;
  let daily: DailyPapers;
  let index: ReturnType<typeof createPaperIndex>;
  beforeEach(async () => {
    hf = await startFakeHf();
    const config = { ...readDailyConfig({}), hfApiUrl: hf.url };
    index = createPaperIndex([]);
    daily = openDailyPapers(config, { index, store: await openSqliteStore(':memory:') });
  });
  afterEach(async () => {
    await daily.close();
    await hf.close();
  });

  it('wires subscribe, subscriptions, unsubscribe and daily over one store and the live index', async () => {
    await daily.subscribe({ platform: 'slack', channelId: 'C1', ...parseSubscribeText('time:8:00 top:3') });
    await daily.subscribe({ platform: 'discord', channelId: '42' });
    expect(await daily.subscriptions('slack')).toMatchObject([{ channelId: 'C1', time: '08:00', top: 3 }]);
    expect(await daily.subscriptions('discord', new Set(['7']))).toEqual([]);
    const digest = await daily.daily({ date: '2026-08-21', now: new Date(), top: undefined });
    expect(digest).toMatchObject({ date: '2026-08-21', total: 17, entries: { length: 10 } });
    expect(await daily.store.papersListedOn('2026-08-21')).toHaveLength(17);
    // Searchable at once, without a restart.
    expect(index.paper('2608.19880')?.upvotes).toBe(163);
    expect(await daily.unsubscribe('slack', 'C1')).toBe(true);
  });
});
