import { beforeEach, describe, expect, it } from 'vitest';
import { parseHfDailyPapers } from '../src/corpus/hf-api.js';
import { addDays, dayEnd } from '../src/digest/digest-day.js';
import { DIGEST_RETRY_BASE_MS, MAX_DIGEST_ATTEMPTS, type DigestRunDeps } from '../src/digest/digest-run.js';
import { localMoment } from '../src/digest/local-time.js';
import { runDueDigests } from '../src/digest/run-due-digests.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store, Subscription } from '../src/store/store.js';
import type { Paper } from '../src/types.js';
import { FakePublisher } from './digest-fake-publisher.js';
import { loadSample } from './fake-hf.js';
import { leaveInDoubt } from './helpers/in-doubt.js';

/** The Hugging Face day the samples list, and the local day its digests are posted on. */
const DAY = '2026-08-20';
const NEXT = '2026-08-21';
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

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
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

async function subscribe(channelId: string, extra: Partial<Subscription> = {}): Promise<void> {
  await store.subscribe({ platform: 'discord', channelId, time: '09:00', timezone: 'UTC', top: 10, onEmptyDay: 'note', ...extra });
}
const at = (iso: string) => new Date(iso);
const localDay = (iso: string, timeZone: string) => localMoment(new Date(iso), timeZone).day;

describe('runDueDigests', () => {
  it('posts at the local time, once per channel and day, the previous day\'s complete list under that day\'s key', async () => {
    await subscribe('c1');
    expect((await runDueDigests(at(`${NEXT}T08:59:00Z`), deps)).sent).toEqual([]);
    expect((await runDueDigests(at(`${NEXT}T09:00:00Z`), deps)).sent).toEqual([`discord:c1:${DAY}`]);
    expect((await runDueDigests(at(`${NEXT}T09:01:00Z`), deps)).sent).toEqual([]);
    expect(fetches).toEqual([DAY]);
    expect(discord.messages).toHaveLength(1);
    expect(discord.messages[0]?.digest).toMatchObject({ date: DAY, total: 15, entries: { length: 10 } });
    expect(await store.posting(`discord:c1:${DAY}`)).toMatchObject({ day: DAY, status: 'sent', messageId: 'm1', attempts: 1 });
  });

  it("uses each subscription's time zone, across a daylight-saving change", async () => {
    await subscribe('paris', { timezone: 'Europe/Paris', time: '08:00' });
    // 2026-03-29 is the spring-forward day in the EU: 08:00 local is 07:00Z the day before, 06:00Z on the day.
    // Each lists the day before it, so the lists follow one another with no day twice or missed.
    expect((await runDueDigests(at('2026-03-28T06:59:00Z'), deps)).sent).toEqual([]);
    expect((await runDueDigests(at('2026-03-28T07:00:00Z'), deps)).sent).toEqual(['discord:paris:2026-03-27']);
    expect((await runDueDigests(at('2026-03-29T05:59:00Z'), deps)).sent).toEqual([]);
    expect((await runDueDigests(at('2026-03-29T06:00:00Z'), deps)).sent).toEqual(['discord:paris:2026-03-28']);
    expect((await runDueDigests(at('2026-03-30T06:00:00Z'), deps)).sent).toEqual(['discord:paris:2026-03-29']);
  });

  it('posts once on the day a local time happens twice (clocks go back)', async () => {
    await subscribe('ny', { timezone: 'America/New_York', time: '01:30' });
    // 2026-11-01: 01:30 EDT is 05:30Z, and after the change 01:30 EST is 06:30Z.
    expect((await runDueDigests(at('2026-11-01T05:29:00Z'), deps)).sent).toEqual([]);
    expect((await runDueDigests(at('2026-11-01T05:30:00Z'), deps)).sent).toEqual(['discord:ny:2026-10-31']);
    expect((await runDueDigests(at('2026-11-01T06:30:00Z'), deps)).sent).toEqual([]);
  });

  it('east of UTC, an hour before midnight UTC waits for it, so the day listed is over', async () => {
    await subscribe('tokyo', { timezone: 'Asia/Tokyo', time: '08:00' });
    await subscribe('auckland', { timezone: 'Pacific/Auckland', time: '07:00' });
    await subscribe('tokyo-late', { timezone: 'Asia/Tokyo', time: '15:00' });
    // 08:00 in Tokyo on the 21st is 23:00Z on the 20th, and 07:00 in Auckland (NZST, +12) 19:00Z: the 20th is not over.
    expect((await runDueDigests(at(`${DAY}T19:00:00Z`), deps)).sent).toEqual([]);
    expect((await runDueDigests(at(`${DAY}T23:59:00Z`), deps)).sent).toEqual([]);
    // Midnight UTC: 09:00 in Tokyo, 12:00 in Auckland; both list the 20th, whole.
    expect((await runDueDigests(at(`${NEXT}T00:00:00Z`), deps)).sent).toEqual([`discord:tokyo:${DAY}`, `discord:auckland:${DAY}`]);
    expect(discord.messages.map((m) => m.digest.total)).toEqual([15, 15]);
    // A later hour is kept as it is.
    expect((await runDueDigests(at(`${NEXT}T05:59:00Z`), deps)).sent).toEqual([]);
    expect((await runDueDigests(at(`${NEXT}T06:00:00Z`), deps)).sent).toEqual([`discord:tokyo-late:${DAY}`]);
  });

  it('gives every channel posting on a local day the same list, the day before, over and complete, whatever its zone and hour', async () => {
    const zones = { la: ['America/Los_Angeles', '17:00'], utc: ['UTC', '00:00'], paris: ['Europe/Paris', '00:30'], tokyo: ['Asia/Tokyo', '08:00'], kiritimati: ['Pacific/Kiritimati', '00:00'] } as const;
    for (const [channelId, [timezone, time]] of Object.entries(zones)) await subscribe(channelId, { timezone, time });
    for (let now = Date.parse('2026-08-19T00:00:00Z'); now <= Date.parse('2026-08-24T00:00:00Z'); now += 15 * 60_000) await runDueDigests(new Date(now), deps);
    for (const [channelId, [timezone]] of Object.entries(zones)) {
      const posted = discord.messages.filter((m) => m.channelId === channelId);
      const postedAt = await Promise.all(posted.map(async (m) => (await store.posting(m.digestKey))!.updatedAt));
      const postedOn = postedAt.map((updatedAt) => localDay(updatedAt, timezone));
      // One a day, on consecutive local days, each listing the local day before it and posted after that day's end.
      expect(posted.map((m) => m.digest.date), channelId).toEqual(postedOn.map((day) => addDays(day, -1)));
      expect(new Set(postedOn).size, channelId).toBe(postedOn.length);
      expect(postedOn.length, channelId).toBeGreaterThanOrEqual(4);
      for (const [i, m] of posted.entries()) expect(Date.parse(postedAt[i]!)).toBeGreaterThanOrEqual(dayEnd(m.digest.date).getTime());
    }
    const updatedAt = await Promise.all(discord.messages.map(async (m) => (await store.posting(m.digestKey))!.updatedAt));
    const onThe21st = discord.messages.filter((m, i) => localDay(updatedAt[i]!, zones[m.channelId as keyof typeof zones][0]) === NEXT);
    expect(onThe21st.map((m) => m.digest.date)).toEqual(Object.keys(zones).map(() => DAY));
  });

  it('catches up a digest missed while down, for the current day only', async () => {
    await subscribe('c1');
    // Down from before 09:00 on the 21st until 10:00 on the 22nd: the 21st's digest (of the 20th) is not posted
    // late, the 22nd's (of the 21st) is.
    expect((await runDueDigests(at('2026-08-22T10:00:00Z'), deps)).sent).toEqual(['discord:c1:2026-08-21']);
    expect(discord.messages.map((m) => m.digest.date)).toEqual(['2026-08-21']);
    expect((await runDueDigests(at('2026-08-22T14:00:00Z'), deps)).sent).toEqual([]);
  });

  it('resolves an in-doubt digest that went through without posting it again', async () => {
    await subscribe('c1');
    const ref = { digestKey: `discord:c1:${DAY}`, platform: 'discord' as const, channelId: 'c1', day: DAY };
    await leaveInDoubt(store, ref, at(`${NEXT}T09:00:00Z`));
    discord.messages.push({ channelId: 'c1', digestKey: ref.digestKey, digest: { date: DAY, total: 0, entries: [] }, messageId: 'sent-before-crash' });
    const report = await runDueDigests(at(`${NEXT}T09:02:00Z`), deps);
    expect(report).toMatchObject({ recovered: [ref.digestKey], sent: [] });
    expect(discord.posts).toEqual([]);
    expect(await store.posting(ref.digestKey)).toMatchObject({ status: 'sent', messageId: 'sent-before-crash' });
  });

  it('sends an in-doubt digest that did not go through, once', async () => {
    await subscribe('c1');
    await leaveInDoubt(store, { digestKey: `discord:c1:${DAY}`, platform: 'discord', channelId: 'c1', day: DAY }, at(`${NEXT}T09:00:00Z`));
    expect((await runDueDigests(at(`${NEXT}T09:02:00Z`), deps)).sent).toEqual([`discord:c1:${DAY}`]);
    expect(discord.lookups).toBe(1);
    expect(discord.messages).toHaveLength(1);
  });

  it('after a send error, asks before sending again, so a post that did arrive is not repeated', async () => {
    await subscribe('c1');
    discord.failures.push({ error: new Error('socket hang up'), afterSend: true });
    expect((await runDueDigests(at(`${NEXT}T09:00:00Z`), deps)).retrying).toEqual([`discord:c1:${DAY}`]);
    expect((await store.posting(`discord:c1:${DAY}`))?.status).toBe('pending');
    // Not before the retry time …
    expect(await runDueDigests(at(`${NEXT}T09:01:00Z`), deps)).toMatchObject({ recovered: [], sent: [] });
    // … then found, not re-sent.
    const later = at(new Date(Date.parse(`${NEXT}T09:00:00Z`) + DIGEST_RETRY_BASE_MS).toISOString());
    expect((await runDueDigests(later, deps)).recovered).toEqual([`discord:c1:${DAY}`]);
    expect(discord.messages).toHaveLength(1);
  });

  it('never posts an empty digest for a failed fetch: it waits, retries, then gives up with a logged reason', async () => {
    await subscribe('c1');
    fetchFailures = 1;
    expect((await runDueDigests(at(`${NEXT}T09:00:00Z`), deps)).retrying).toEqual([`discord:c1:${DAY}`]);
    expect(discord.posts).toEqual([]);
    expect(await store.posting(`discord:c1:${DAY}`)).toMatchObject({ status: 'waiting', lastError: expect.stringMatching(/HTTP 503/) });
    expect((await runDueDigests(at(`${NEXT}T09:10:00Z`), deps)).sent).toEqual([`discord:c1:${DAY}`]);

    await subscribe('c2');
    fetchFailures = 100;
    let now = Date.parse(`${NEXT}T09:00:00Z`);
    // Two hours apart: past each backoff (at most 80 min), all within the day.
    for (let run = 0; run < MAX_DIGEST_ATTEMPTS; run += 1, now += 2 * 3600_000) await runDueDigests(new Date(now), deps);
    expect(await store.posting(`discord:c2:${DAY}`)).toMatchObject({ status: 'abandoned', lastError: expect.stringMatching(/could not be fetched/) });
    expect(logs.some((line) => line.startsWith('error: digest: gave up for the day'))).toBe(true);
    expect(discord.posts).toEqual([`discord:c1:${DAY}`]);
  });

  it('marks a gone channel, does not retry it, and other channels are unaffected', async () => {
    await subscribe('gone');
    await subscribe('ok');
    discord.gone.add('gone');
    const report = await runDueDigests(at(`${NEXT}T09:00:00Z`), deps);
    expect(report).toMatchObject({ unavailable: [`discord:gone:${DAY}`], sent: [`discord:ok:${DAY}`] });
    expect((await store.subscription('discord', 'gone'))?.unavailableReason).toBe('Unknown Channel');
    await runDueDigests(at('2026-08-22T09:00:00Z'), deps);
    expect(discord.posts.filter((key) => key.includes(':gone:'))).toHaveLength(1);
  });

  it('posts a "no papers" digest on an empty day, or nothing, per subscription', async () => {
    await subscribe('note');
    await subscribe('silent', { onEmptyDay: 'silent' });
    const report = await runDueDigests(at('2026-08-23T09:00:00Z'), deps);
    expect(report).toMatchObject({ sent: ['discord:note:2026-08-22'], skipped: ['discord:silent:2026-08-22'] });
    expect(discord.messages[0]?.digest).toMatchObject({ empty: 'no-papers', entries: [] });
  });

  it('fetches a day once per run however many channels post it, and applies filters', async () => {
    await subscribe('a');
    await subscribe('b', { filter: 'agent', top: 3 });
    await subscribe('tokyo', { timezone: 'Asia/Tokyo', time: '18:00' });
    await runDueDigests(at(`${NEXT}T09:00:00Z`), deps);
    expect(fetches).toEqual([DAY]);
    const filtered = discord.messages.find((m) => m.channelId === 'b')?.digest;
    expect(filtered).toMatchObject({ filter: 'agent' });
    expect(filtered?.entries.length).toBeLessThanOrEqual(3);
  });

  it('a subscription with a zone the runtime does not know fails alone', async () => {
    await subscribe('bad', { timezone: 'Mars/Olympus' });
    await subscribe('ok');
    expect((await runDueDigests(at(`${NEXT}T09:00:00Z`), deps)).sent).toEqual([`discord:ok:${DAY}`]);
    expect(logs).toContain('error: digest: unexpected failure');
  });

  it('leaves subscriptions of a platform that is not running for later', async () => {
    await store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timezone: 'UTC', top: 5, onEmptyDay: 'note' });
    expect(await runDueDigests(at(`${NEXT}T09:00:00Z`), deps)).toMatchObject({ sent: [], retrying: [] });
    expect(await store.posting(`slack:C1:${DAY}`)).toBeUndefined();
  });
});

describe('after an upgrade from digests of the posting day', () => {
  // Before, a digest listed its own local day, and its key named that day: the day posted and the day listed at
  // once. Such a record still says truly which list the channel got, so it is read as a papers' day key.
  const legacy = async (channelId: string, day: string, status: 'sent' | 'pending') => {
    const ref = { digestKey: `discord:${channelId}:${day}`, platform: 'discord' as const, channelId, day };
    await leaveInDoubt(store, ref, at(`${day}T09:00:00Z`));
    if (status === 'sent') {
      discord.messages.push({ channelId, digestKey: ref.digestKey, digest: { date: day, total: 3, entries: [] }, messageId: `old-${day}` });
      await store.markSent(ref.digestKey, `old-${day}`, at(`${day}T09:00:05Z`));
    }
    return ref.digestKey;
  };
  const runDays = async (days: string[], time = '09:00') => {
    for (const day of days) await runDueDigests(at(`${day}T${time}:00Z`), deps);
  };

  it('never posts a day\'s list twice: the first day after the upgrade passes without a digest', async () => {
    await subscribe('c1');
    await legacy('c1', '2026-08-19', 'sent');
    await legacy('c1', DAY, 'sent');
    // The 21st would list the 20th, which the old rule posted on the 20th (then still filling).
    await runDays([NEXT, '2026-08-22']);
    expect(discord.posts).toEqual(['discord:c1:2026-08-21']);
    expect(discord.messages.map((m) => m.digest.date)).toEqual(['2026-08-19', DAY, '2026-08-21']);
  });

  it('never posts two digests on one day: upgraded after today\'s old post, with no record of yesterday', async () => {
    // Subscribed on the 20th; the old rule posted the 20th's list at 09:00; the upgrade came at 10:00.
    await subscribe('c1');
    await legacy('c1', DAY, 'sent');
    await runDueDigests(at(`${DAY}T10:00:00Z`), deps);
    await runDays([DAY, NEXT, '2026-08-22'], '23:59');
    expect(discord.posts).toEqual(['discord:c1:2026-08-21']);
    // Claimed and looked at, never tried.
    expect(await store.posting('discord:c1:2026-08-19')).toMatchObject({ status: 'waiting', attempts: 0 });
  });

  it('asks the platform about an old post left in doubt today before posting anything', async () => {
    await subscribe('sent');
    await subscribe('lost');
    await legacy('sent', DAY, 'pending');
    discord.messages.push({ channelId: 'sent', digestKey: `discord:sent:${DAY}`, digest: { date: DAY, total: 3, entries: [] }, messageId: 'went-out' });
    await legacy('lost', DAY, 'pending');
    const report = await runDueDigests(at(`${DAY}T10:00:00Z`), deps);
    // Found: that was today's digest. Not found: nothing went out today, so today's (of the 19th) goes now.
    expect(report).toMatchObject({ recovered: [`discord:sent:${DAY}`], sent: ['discord:lost:2026-08-19'] });
    expect(await store.posting(`discord:sent:${DAY}`)).toMatchObject({ status: 'sent', messageId: 'went-out' });
    expect(await store.posting(`discord:lost:${DAY}`)).toMatchObject({ status: 'waiting' });
    // The next day, the 20th's list: once, for the channel whose old post never arrived.
    await runDays([NEXT]);
    expect(discord.posts).toEqual(['discord:lost:2026-08-19', `discord:lost:${DAY}`]);
    expect(discord.lookups).toBe(2);
  });
});
