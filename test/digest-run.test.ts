import { beforeEach, describe, expect, it } from 'vitest';
import { parseHfDailyPapers } from '../src/corpus/hf-api.js';
import { DIGEST_RETRY_BASE_MS, MAX_DIGEST_ATTEMPTS, type DigestRunDeps } from '../src/digest/digest-run.js';
import { runDueDigests } from '../src/digest/run-due-digests.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store, Subscription } from '../src/store/store.js';
import type { Paper } from '../src/types.js';
import { FakePublisher } from './digest-fake-publisher.js';
import { loadSample } from './fake-hf.js';

const DAY = '2026-08-20';
const papersOfDay: Record<string, Paper[]> = {
  '2026-08-20': parseHfDailyPapers(loadSample('2026-08-20'), 'sample'),
  '2026-08-21': parseHfDailyPapers(loadSample('2026-08-21'), 'sample'),
};

let store: Store;
let discord: FakePublisher;
let fetches: string[];
let fetchFailures: number;
let logs: string[];
let deps: DigestRunDeps;

beforeEach(() => {
  store = openSqliteStore(':memory:');
  discord = new FakePublisher('discord');
  fetches = [];
  fetchFailures = 0;
  logs = [];
  const log = (level: string) => (message: string) => void logs.push(`${level}: ${message}`);
  deps = {
    store,
    publishers: { discord },
    papersForDay: async (day) => {
      fetches.push(day);
      if (fetchFailures > 0) {
        fetchFailures -= 1;
        throw new Error('HTTP 503');
      }
      return papersOfDay[day] ?? [];
    },
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    sleep: async () => {},
  };
});

function subscribe(channelId: string, extra: Partial<Subscription> = {}): void {
  store.subscribe({ platform: 'discord', channelId, time: '09:00', timezone: 'UTC', top: 10, onEmptyDay: 'note', ...extra });
}
const at = (iso: string) => new Date(iso);

describe('runDueDigests', () => {
  it('posts at the local time, once per channel and day', async () => {
    subscribe('c1');
    expect((await runDueDigests(at(`${DAY}T08:59:00Z`), deps)).sent).toEqual([]);
    expect((await runDueDigests(at(`${DAY}T09:00:00Z`), deps)).sent).toEqual([`discord:c1:${DAY}`]);
    expect((await runDueDigests(at(`${DAY}T09:01:00Z`), deps)).sent).toEqual([]);
    expect(discord.messages).toHaveLength(1);
    expect(discord.messages[0]?.digest).toMatchObject({ date: DAY, total: 15, entries: { length: 10 } });
    expect(store.posting(`discord:c1:${DAY}`)).toMatchObject({ status: 'sent', messageId: 'm1', attempts: 1 });
  });

  it("uses each subscription's time zone, across a daylight-saving change", async () => {
    subscribe('paris', { timezone: 'Europe/Paris', time: '08:00' });
    // 2026-03-29 is the spring-forward day in the EU: 08:00 local is 07:00Z the day before, 06:00Z on the day.
    expect((await runDueDigests(at('2026-03-28T06:59:00Z'), deps)).sent).toEqual([]);
    expect((await runDueDigests(at('2026-03-28T07:00:00Z'), deps)).sent).toEqual(['discord:paris:2026-03-28']);
    expect((await runDueDigests(at('2026-03-29T05:59:00Z'), deps)).sent).toEqual([]);
    expect((await runDueDigests(at('2026-03-29T06:00:00Z'), deps)).sent).toEqual(['discord:paris:2026-03-29']);
  });

  it('posts once on the day a local time happens twice (clocks go back)', async () => {
    subscribe('ny', { timezone: 'America/New_York', time: '01:30' });
    // 2026-11-01: 01:30 EDT is 05:30Z, and after the change 01:30 EST is 06:30Z.
    expect((await runDueDigests(at('2026-11-01T05:29:00Z'), deps)).sent).toEqual([]);
    expect((await runDueDigests(at('2026-11-01T05:30:00Z'), deps)).sent).toEqual(['discord:ny:2026-11-01']);
    expect((await runDueDigests(at('2026-11-01T06:30:00Z'), deps)).sent).toEqual([]);
  });

  it('catches up a digest missed while down, for the current day only', async () => {
    subscribe('c1');
    // Down from before 09:00 on the 20th until 10:00 on the 21st: the 20th is not posted late, the 21st is.
    expect((await runDueDigests(at('2026-08-21T10:00:00Z'), deps)).sent).toEqual(['discord:c1:2026-08-21']);
    expect(discord.messages.map((m) => m.digest.date)).toEqual(['2026-08-21']);
    expect((await runDueDigests(at('2026-08-21T14:00:00Z'), deps)).sent).toEqual([]);
  });

  it('resolves an in-doubt digest that went through without posting it again', async () => {
    subscribe('c1');
    const ref = { digestKey: `discord:c1:${DAY}`, platform: 'discord' as const, channelId: 'c1', day: DAY };
    store.recordIntent(ref, at(`${DAY}T09:00:00Z`));
    discord.messages.push({ channelId: 'c1', digestKey: ref.digestKey, digest: { date: DAY, total: 0, entries: [] }, messageId: 'sent-before-crash' });
    const report = await runDueDigests(at(`${DAY}T09:02:00Z`), deps);
    expect(report).toMatchObject({ recovered: [ref.digestKey], sent: [] });
    expect(discord.posts).toEqual([]);
    expect(store.posting(ref.digestKey)).toMatchObject({ status: 'sent', messageId: 'sent-before-crash' });
  });

  it('sends an in-doubt digest that did not go through, once', async () => {
    subscribe('c1');
    store.recordIntent({ digestKey: `discord:c1:${DAY}`, platform: 'discord', channelId: 'c1', day: DAY }, at(`${DAY}T09:00:00Z`));
    expect((await runDueDigests(at(`${DAY}T09:02:00Z`), deps)).sent).toEqual([`discord:c1:${DAY}`]);
    expect(discord.lookups).toBe(1);
    expect(discord.messages).toHaveLength(1);
  });

  it('after a send error, asks before sending again, so a post that did arrive is not repeated', async () => {
    subscribe('c1');
    discord.failures.push({ error: new Error('socket hang up'), afterSend: true });
    expect((await runDueDigests(at(`${DAY}T09:00:00Z`), deps)).retrying).toEqual([`discord:c1:${DAY}`]);
    expect(store.posting(`discord:c1:${DAY}`)?.status).toBe('pending');
    // Not before the retry time …
    expect(await runDueDigests(at(`${DAY}T09:01:00Z`), deps)).toMatchObject({ recovered: [], sent: [] });
    // … then found, not re-sent.
    const later = at(new Date(Date.parse(`${DAY}T09:00:00Z`) + DIGEST_RETRY_BASE_MS).toISOString());
    expect((await runDueDigests(later, deps)).recovered).toEqual([`discord:c1:${DAY}`]);
    expect(discord.messages).toHaveLength(1);
  });

  it('never posts an empty digest for a failed fetch: it waits, retries, then gives up with a logged reason', async () => {
    subscribe('c1');
    fetchFailures = 1;
    expect((await runDueDigests(at(`${DAY}T09:00:00Z`), deps)).retrying).toEqual([`discord:c1:${DAY}`]);
    expect(discord.posts).toEqual([]);
    expect(store.posting(`discord:c1:${DAY}`)).toMatchObject({ status: 'waiting', lastError: expect.stringMatching(/HTTP 503/) });
    expect((await runDueDigests(at(`${DAY}T09:10:00Z`), deps)).sent).toEqual([`discord:c1:${DAY}`]);

    subscribe('c2');
    fetchFailures = 100;
    let now = Date.parse(`${DAY}T09:00:00Z`);
    // Two hours apart: past each backoff (at most 80 min), all within the day.
    for (let run = 0; run < MAX_DIGEST_ATTEMPTS; run += 1, now += 2 * 3600_000) await runDueDigests(new Date(now), deps);
    expect(store.posting(`discord:c2:${DAY}`)).toMatchObject({ status: 'abandoned', lastError: expect.stringMatching(/could not be fetched/) });
    expect(logs.some((line) => line.startsWith('error: digest: gave up for the day'))).toBe(true);
    expect(discord.posts).toEqual([`discord:c1:${DAY}`]);
  });

  it('marks a gone channel, does not retry it, and other channels are unaffected', async () => {
    subscribe('gone');
    subscribe('ok');
    discord.gone.add('gone');
    const report = await runDueDigests(at(`${DAY}T09:00:00Z`), deps);
    expect(report).toMatchObject({ unavailable: [`discord:gone:${DAY}`], sent: [`discord:ok:${DAY}`] });
    expect(store.subscription('discord', 'gone')?.unavailableReason).toBe('Unknown Channel');
    await runDueDigests(at('2026-08-21T09:00:00Z'), deps);
    expect(discord.posts.filter((key) => key.includes(':gone:'))).toHaveLength(1);
  });

  it('posts a "no papers" digest on an empty day, or nothing, per subscription', async () => {
    subscribe('note');
    subscribe('silent', { onEmptyDay: 'silent' });
    const report = await runDueDigests(at('2026-08-22T09:00:00Z'), deps);
    expect(report).toMatchObject({ sent: ['discord:note:2026-08-22'], skipped: ['discord:silent:2026-08-22'] });
    expect(discord.messages[0]?.digest).toMatchObject({ empty: 'no-papers', entries: [] });
  });

  it('fetches a day once per run however many channels post it, and applies filters', async () => {
    subscribe('a');
    subscribe('b', { filter: 'agent', top: 3 });
    subscribe('tokyo', { timezone: 'Asia/Tokyo', time: '18:00' });
    await runDueDigests(at(`${DAY}T09:00:00Z`), deps);
    expect(fetches).toEqual([DAY]);
    const filtered = discord.messages.find((m) => m.channelId === 'b')?.digest;
    expect(filtered).toMatchObject({ filter: 'agent' });
    expect(filtered?.entries.length).toBeLessThanOrEqual(3);
  });

  it('a subscription with a zone the runtime does not know fails alone', async () => {
    subscribe('bad', { timezone: 'Mars/Olympus' });
    subscribe('ok');
    expect((await runDueDigests(at(`${DAY}T09:00:00Z`), deps)).sent).toEqual([`discord:ok:${DAY}`]);
    expect(logs).toContain('error: digest: unexpected failure');
  });

  it('leaves subscriptions of a platform that is not running for later', async () => {
    store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timezone: 'UTC', top: 5, onEmptyDay: 'note' });
    expect(await runDueDigests(at(`${DAY}T09:00:00Z`), deps)).toMatchObject({ sent: [], retrying: [] });
    expect(store.posting(`slack:C1:${DAY}`)).toBeUndefined();
  });
});
