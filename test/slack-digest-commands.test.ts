import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperIndex } from '../src/paper-index.js';
import { readDailyConfig } from '../src/digest/config.js';
import { openDailyPapers, type DailyPapers } from '../src/digest/daily-papers.js';
import { latestCompleteDay } from '../src/digest/digest-day.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Paper } from '../src/types.js';
import { DAILY_NOT_CONFIGURED } from '../adapters/slack/subcommands/need-daily.js';
import { seedIndex } from './fixtures/slack-index.js';
import { layoutOf, startSlackBed, visibleText, type SlackBed } from './fixtures/slack-bed.js';
import { CHANNEL } from './fixtures/slack-payloads.js';
import { limitViolations, unsafeSequences } from './fixtures/slack-message-checks.js';
import { loadSample, startFakeHf, type FakeHf } from './fake-hf.js';
import type { SlackCall } from './fake-slack.js';

/** A channel link (`<#C0FAKECHAN>`) names a channel and notifies nobody; every other `<…>` must be a paper link. */
const unsafe = (body: unknown) => unsafeSequences(body).filter((sequence) => !/^<#C[A-Z0-9]+>$/.test(sequence));

/** Slack's time limit for acknowledging a slash command (platform-notes §4.4). */
const SLACK_ACK_DEADLINE_MS = 3000;

let ids = 0;
/**
 * Runs `/papers <text>` on `bed`: the ack is an immediate empty 200, and every reply (one per message) arrives
 * privately through the response URL, within Slack's limits and without a live mention.
 */
async function papers(bed: SlackBed, text: string): Promise<SlackCall[]> {
  const id = `digest-cmd-${++ids}`;
  const sentAt = performance.now();
  const response = await bed.command(text, id);
  // Bolt answers the HTTP request only on ack() (or with an error at 3 s): an empty 200 well within the deadline.
  expect(performance.now() - sentAt).toBeLessThan(SLACK_ACK_DEADLINE_MS);
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
  const replies = await settledReplies(bed, id);
  for (const reply of replies) {
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.refused).toBeUndefined();
    expect(limitViolations(reply.body)).toEqual([]);
    expect(unsafe(reply.body)).toEqual([]);
  }
  return replies;
}

/** The replies to response URL `id` once they stop coming (100 ms without a new one). */
async function settledReplies(bed: SlackBed, id: string): Promise<SlackCall[]> {
  let seen = 0;
  for (let waited = 0; waited < 5000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const replies = bed.fake.calls.filter((call) => call.responseId === id);
    if (replies.length > 0 && replies.length === seen) return replies;
    seen = replies.length;
  }
  throw new Error(`no reply to ${id}`);
}

const textOf = async (bed: SlackBed, command: string) => (await papers(bed, command)).map((reply) => visibleText(reply.body)).join('\n');

describe('digest subcommands with daily papers configured', () => {
  let index: PaperIndex;
  let hf: FakeHf;
  let dir: string;
  let daily: DailyPapers;
  let bed: SlackBed;
  beforeAll(async () => {
    index = await seedIndex();
    hf = await startFakeHf();
    dir = mkdtempSync(join(tmpdir(), 'paperbot-slack-digest-'));
    const config = { ...readDailyConfig({}), hfApiUrl: hf.url, databasePath: join(dir, 'paperbot.sqlite') };
    daily = openDailyPapers(config, { index, store: await openSqliteStore(config.databasePath) });
    bed = await startSlackBed(index, { daily });
  });
  afterAll(async () => {
    await bed.stop();
    await daily.close();
    await hf.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('/papers subscribe with no settings: 09:00 UTC, ten papers, a note on empty days, stored for this channel', async () => {
    const text = await textOf(bed, 'subscribe');
    expect(text).toContain('This channel gets the top 10 papers of Hugging Face Daily Papers at 09:00 (UTC) every day, and a short note on days without papers.\n'
      + 'Each digest lists the previous day’s papers, complete: Hugging Face adds papers to a day until midnight UTC.');
    expect(text).toContain('/invite @paperbot');
    expect(await daily.store.subscription('slack', CHANNEL)).toMatchObject({ time: '09:00', timezone: 'UTC', top: 10, onEmptyDay: 'note' });
  });

  it('/papers subscribe with settings replaces the channel\'s subscription and restates it', async () => {
    const text = await textOf(bed, 'subscribe time:8:30 tz:asia/tokyo top:5 empty:silent filter:diffusion <!channel>');
    // Slack sends a typed @channel as <!channel>; it comes back as text, the broadcast word broken by a word joiner.
    expect(text).toContain('the top 5 papers of Hugging Face Daily Papers at 08:30 (Asia/Tokyo) every day, matching “diffusion @\u2060channel”, and nothing on days without papers');
    // 08:30 in Tokyo comes before midnight UTC: the day before is not over yet, so the post waits for it.
    expect(text).toContain('Midnight UTC is 09:00 in Asia/Tokyo, so the digest comes at 09:00, not 08:30.');
    expect(await daily.subscriptions('slack')).toMatchObject([{ channelId: CHANNEL, time: '08:30', timezone: 'Asia/Tokyo', top: 5, filter: 'diffusion @channel' }]);
  });

  it('/papers subscribe explains what the person can fix, and keeps the earlier subscription', async () => {
    expect(await textOf(bed, 'subscribe tz:Paris')).toContain('"Paris" is not a time zone I know. Did you mean Europe/Paris?');
    expect(await textOf(bed, 'subscribe top:40')).toContain('a whole number from 1 to 25');
    expect(await textOf(bed, 'subscribe every morning')).toContain('I did not understand "every"');
    expect(await daily.store.subscription('slack', CHANNEL)).toMatchObject({ time: '08:30', top: 5 });
  });

  it('/papers subscriptions lists every subscribed channel as a channel link, this one marked', async () => {
    await daily.subscribe({ platform: 'slack', channelId: 'C0OTHER', time: '17:00' });
    await daily.subscribe({ platform: 'discord', channelId: '123' });
    const [reply] = await papers(bed, 'subscriptions');
    expect(layoutOf(reply!.body)).toEqual(['header', 'section']);
    const text = visibleText(reply!.body);
    expect(text).toContain('Daily digests: 2 channels');
    expect(text).toContain(`• <#${CHANNEL}> (this channel): the top 5 papers`);
    expect(text).toContain('• <#C0OTHER>: the top 10 papers of Hugging Face Daily Papers at 17:00 (UTC)');
    expect(text).not.toContain('123');
  });

  it('/papers unsubscribe stops this channel\'s digest, and says so when there was none', async () => {
    expect(await textOf(bed, 'unsubscribe')).toContain('This channel no longer gets a daily digest.');
    expect(await daily.store.subscription('slack', CHANNEL)).toBeUndefined();
    expect(await textOf(bed, 'unsubscribe')).toContain('This channel had no daily digest; nothing changed.');
    expect(await textOf(bed, 'subscriptions')).not.toContain('(this channel)');
  });

  it('/papers daily YYYY-MM-DD: that day\'s ten most upvoted papers, fetched from Hugging Face', async () => {
    const [reply, ...more] = await papers(bed, 'daily 2026-08-21');
    expect(more).toEqual([]);
    const text = visibleText(reply!.body);
    expect(text.split('\n')[0]).toBe('Daily papers: 2026-08-21');
    expect(text).toContain('17 papers on Hugging Face Daily Papers; the top 10 by upvotes.');
    expect([...text.matchAll(/^\*\d+\.\*/gm)]).toHaveLength(10);
    expect(hf.requests.some((request) => request.path.includes('date=2026-08-21'))).toBe(true);
  });

  it('/papers daily with no date: the latest complete day, the list of the digests, saying so', async () => {
    const day = latestCompleteDay(new Date(), 'UTC');
    hf.days.set(day, loadSample('2026-08-20'));
    try {
      const text = await textOf(bed, 'daily');
      expect(text.split('\n')[0]).toBe(`Daily papers: ${day}`);
      expect(text).toContain('15 papers on Hugging Face Daily Papers; the top 10 by upvotes.\n'
        + 'The latest complete day (Hugging Face’s days end at midnight UTC), as in the daily digests.');
    } finally {
      hf.days.delete(day);
    }
  });

  it('/papers daily for a day Hugging Face is still filling says the list may grow', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await textOf(bed, `daily ${today}`)).toContain('This day is not over: Hugging Face adds papers to it until midnight UTC');
  });

  it('/papers daily on a day without papers shows the note, and a malformed date the format', async () => {
    expect(await textOf(bed, 'daily 2026-08-22')).toContain('No new papers on 2026-08-22');
    expect(await textOf(bed, 'daily yesterday')).toContain('"yesterday" is not a date. Use YYYY-MM-DD');
  });

  it('/papers daily <words> explains the usage, echoing the words no longer than needed, and fetches nothing', async () => {
    const fetched = hf.requests.length;
    const text = await textOf(bed, 'daily attention sinks in LLMs');
    expect(text).toContain('“attention sinks in LLMs” is not a date. `/papers daily` shows the latest complete day\'s papers and `/papers daily 2026-08-20` that day\'s');
    expect(text).toContain('to list only those about some words, end with `filter:` and the words; to search all papers, use `/papers search`.');
    expect((await textOf(bed, `daily ${'attention sinks '.repeat(200)}`)).length).toBeLessThan(400);
    expect(hf.requests.length).toBe(fetched);
  });

  it('/papers daily YYYY-MM-DD filter: words lists only that day\'s matching papers, and says which filter', async () => {
    const text = await textOf(bed, 'daily 2026-08-20 filter: harness');
    expect(text.split('\n')[0]).toBe('Daily papers: 2026-08-20');
    expect(text).toContain('2 papers of 2026-08-20 matching *harness*.');
    expect([...text.matchAll(/^\*(\d+)\.\* \*<[^|]+\|([^>]+)>\*/gm)].map((match) => `${match[1]}. ${match[2]!.split(':')[0]}`)).toEqual(['1. Zetta ζ', '2. SemaPLC']);
  });

  it('/papers daily filter: words, with no date, filters the latest complete day', async () => {
    const day = latestCompleteDay(new Date(), 'UTC');
    hf.days.set(day, loadSample('2026-08-21'));
    try {
      const text = await textOf(bed, 'daily filter:video');
      expect(text).toContain(`3 papers of ${day} matching *video*.\nThe latest complete day`);
    } finally {
      hf.days.delete(day);
    }
  });

  it('/papers daily with a filter nothing matches says so, and how to see the whole day', async () => {
    expect(await textOf(bed, 'daily 2026-08-20 filter:quantum chromodynamics'))
      .toContain('None of the papers of 2026-08-20 matched *quantum chromodynamics*. Without `filter:`, `/papers daily` shows them all.');
  });

  it('/papers daily echoes a filter full of mentions as text that notifies nobody', async () => {
    // Slack sends typed mentions as markup; `papers()` checks that no `<…>` sequence or broadcast word goes back.
    const text = await textOf(bed, 'daily 2026-08-20 filter: <!everyone> <!here> <!channel> <@U0FAKEUSER> @everyone harness');
    expect(text).toContain('matching *@\u2060everyone @\u2060here @\u2060channel @U0FAKEUSER @\u2060everyone harness*.');
  });

  it('/papers daily refuses a filter too long to search, or a setting only subscriptions have, and fetches nothing', async () => {
    const fetched = hf.requests.length;
    expect(await textOf(bed, `daily 2026-08-25 filter: ${'harness '.repeat(150)}`)).toContain('That filter is 1,199 characters; please keep filters under 1,000.');
    expect(await textOf(bed, 'daily 2026-08-25 top:5')).toContain('I did not understand "top:5". Give a day, YYYY-MM-DD, then filter:words.');
    expect(hf.requests.length).toBe(fetched);
    // Long but searchable: listed, the filter echoed cut short.
    const long = await textOf(bed, `daily 2026-08-20 filter: ${'harness '.repeat(100)}`);
    expect(long).toMatch(/^2 papers of 2026-08-20 matching \*(harness ){30,40}harness…\*\.$/m);
  });

  it('/papers help lists the digest subcommands', async () => {
    const help = await textOf(bed, 'help');
    for (const usage of ['/papers daily [YYYY-MM-DD] [filter:words]', '/papers subscribe [time:09:00]', '/papers unsubscribe', '/papers subscriptions']) {
      expect(help).toContain(usage);
    }
  });
});

describe('digest subcommands on a bot without daily papers', () => {
  let bed: SlackBed;
  beforeAll(async () => { bed = await startSlackBed(await seedIndex()); });
  afterAll(async () => { await bed.stop(); });

  it('each answers, privately, that daily digests are not configured', async () => {
    for (const command of ['subscribe time:08:00', 'unsubscribe', 'subscriptions', 'daily', 'daily 2026-08-20']) {
      expect(await textOf(bed, command)).toContain(DAILY_NOT_CONFIGURED);
    }
    expect(bed.log.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});

describe('/papers daily on a 25-paper day of the longest real texts', () => {
  let dir: string;
  let daily: DailyPapers;
  let bed: SlackBed;
  beforeAll(async () => {
    const corpus = await loadCorpus(['/work/shared/corpus/hf-daily-papers.jsonl.gz']);
    const size = (p: Paper) => p.title.length + (p.aiSummary ?? p.abstract).length + (p.githubRepo ?? '').length + (p.projectPage ?? '').length;
    const longest = [...corpus].sort((a, b) => size(b) - size(a)).slice(0, 25);
    dir = mkdtempSync(join(tmpdir(), 'paperbot-slack-digest-long-'));
    // DIGEST_TOP at its maximum, so that /papers daily lists all 25.
    const config = { ...readDailyConfig({ DIGEST_TOP: '25' }), hfApiUrl: 'http://127.0.0.1:9/unused', databasePath: join(dir, 'paperbot.sqlite') };
    daily = openDailyPapers(config, { index: await seedIndex(), store: await openSqliteStore(config.databasePath) });
    await daily.store.upsertPapers(longest, '2026-03-02');
    bed = await startSlackBed(await seedIndex(), { daily });
  }, 60_000);
  afterAll(async () => {
    await bed.stop();
    await daily.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers in two private messages, every paper once and in order, each within Slack\'s limits', async () => {
    const replies = await papers(bed, 'daily 2026-03-02');
    expect(replies).toHaveLength(2);
    const text = replies.map((reply) => visibleText(reply.body)).join('\n');
    expect([...text.matchAll(/^\*(\d+)\.\*/gm)].map((match) => Number(match[1]))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(visibleText(replies[1]!.body)).toMatch(/^Daily papers: 2026-03-02, continued \(part 2\)/);
  });
});

