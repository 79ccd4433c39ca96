import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseHfDailyPapers } from '../src/corpus/hf-api.js';
import { buildDigest } from '../src/digest/build-digest.js';
import { digestKey } from '../src/digest/digest-run.js';
import { ChannelUnavailableError, type DigestPublisher } from '../src/digest/publisher.js';
import { runDueDigests } from '../src/digest/run-due-digests.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import type { Paper } from '../src/types.js';
import { DIGEST_EVENT_TYPE, HISTORY_LOOKBACK } from '../adapters/slack/digest-publisher.js';
import { seedIndex } from './fixtures/slack-index.js';
import { startSlackBed, type SlackBed } from './fixtures/slack-bed.js';
import { CHANNEL } from './fixtures/slack-payloads.js';
import { limitViolations, unsafeSequences } from './fixtures/slack-message-checks.js';
import { webApi } from '@slack/bolt';
import { loadSample } from './fake-hf.js';
import { OTHER_APP_TOKEN, type SlackCall } from './fake-slack.js';
import type { SlackCredentialsError } from '../adapters/slack/credentials.js';
import { leaveInDoubt } from './helpers/in-doubt.js';

/** Two real Daily Papers days (15 + 17 papers) as one long day: enough for a 25-paper digest. */
const papers: Paper[] = [...parseHfDailyPapers(loadSample('2026-08-20'), 's'), ...parseHfDailyPapers(loadSample('2026-08-21'), 's')];
const KEY = digestKey('slack', CHANNEL, '2026-08-20');

let bed: SlackBed;
let publisher: DigestPublisher;
beforeAll(async () => {
  bed = await startSlackBed(await seedIndex());
  publisher = bed.running.publisher;
});
afterAll(async () => { await bed.stop(); });

const posts = (from = 0): SlackCall[] => bed.fake.calls.slice(from).filter((call) => call.method === 'chat.postMessage');

describe('the Slack digest publisher posting', () => {
  it('posts a 25-paper digest as one message in the channel and the rest in its thread, every message tagged with the key', async () => {
    const before = bed.fake.calls.length;
    const { messageId } = await publisher.post(CHANNEL, buildDigest(papers, { date: '2026-08-20', top: 25 }), KEY);
    const [first, ...thread] = posts(before);
    expect(first!.ts).toBe(messageId);
    expect(first!.body.thread_ts).toBeUndefined();
    expect(thread).toHaveLength(1);
    expect(thread[0]!.body).toMatchObject({ channel: CHANNEL, thread_ts: messageId });
    for (const call of [first!, ...thread]) {
      expect(call.refused).toBeUndefined();
      expect(call.body).toMatchObject({ channel: CHANNEL, metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key: KEY } } });
      // Form-encoded, as the Web API client sends it: booleans arrive as text.
      expect(call.body).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
      expect(limitViolations(call.body)).toEqual([]);
      expect(unsafeSequences(call.body)).toEqual([]);
    }
  });

  it('posts a day without papers as one short note, tagged the same way', async () => {
    const before = bed.fake.calls.length;
    await publisher.post(CHANNEL, buildDigest([], { date: '2026-08-22', top: 10 }), digestKey('slack', CHANNEL, '2026-08-22'));
    const [note, ...more] = posts(before);
    expect(more).toEqual([]);
    expect(String(note!.body.text)).toContain('No new papers on 2026-08-22');
    expect(note!.body.metadata).toEqual({ event_type: DIGEST_EVENT_TYPE, event_payload: { key: 'slack:C0FAKECHAN:2026-08-22' } });
  });

  it('returns the first message once it is in the channel, even when a thread part then fails (logged, not retried)', async () => {
    const before = bed.fake.calls.length;
    // The first post goes through (a zero delay is no fault), the thread part is refused.
    bed.fake.fail('chat.postMessage', { delayMs: 0 }, { error: 'msg_too_long' });
    const { messageId } = await publisher.post(CHANNEL, buildDigest(papers, { date: '2026-08-19', top: 25 }), 'k-thread-fails');
    const [first, part] = posts(before);
    expect(first!.ts).toBe(messageId);
    expect(part!.refused).toBe('msg_too_long');
    expect(bed.log.entries.at(-1)).toMatchObject({ level: 'warn', message: 'Slack: a digest part could not be posted in its thread', details: { digestKey: 'k-thread-fails', part: 2 } });
  });
});

describe('the Slack digest publisher finding a digest after a crash', () => {
  it('finds a posted digest by its key in the channel\'s recent history, with the metadata asked for', async () => {
    const key = digestKey('slack', CHANNEL, '2026-08-18');
    const { messageId } = await publisher.post(CHANNEL, buildDigest(papers, { date: '2026-08-18', top: 25 }), key);
    const before = bed.fake.calls.length;
    expect(await publisher.findExisting(CHANNEL, key)).toBe(messageId);
    const [lookup] = bed.fake.calls.slice(before);
    expect(lookup).toMatchObject({ method: 'conversations.history', body: { channel: CHANNEL, limit: String(HISTORY_LOOKBACK), include_all_metadata: 'true' } });
  });

  it('finds nothing for a digest that was never posted, or posted in another channel', async () => {
    expect(await publisher.findExisting(CHANNEL, digestKey('slack', CHANNEL, '2020-01-01'))).toBeNull();
    expect(await publisher.findExisting('C0ELSEWHERE', KEY)).toBeNull();
  });

  it('ignores another app\'s message that carries the same metadata: only our bot\'s post counts', async () => {
    const key = digestKey('slack', CHANNEL, '2026-08-16');
    const other = new webApi.WebClient(OTHER_APP_TOKEN, { slackApiUrl: bed.fake.apiUrl });
    await other.chat.postMessage({ channel: CHANNEL, text: 'not a digest', metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key } } });
    expect(await publisher.findExisting(CHANNEL, key)).toBeNull();
  });
});

describe('the Slack digest publisher when a channel is gone', () => {
  for (const code of ['channel_not_found', 'is_archived', 'not_in_channel']) {
    it(`turns ${code} from chat.postMessage into ChannelUnavailableError, so the core pauses the subscription`, async () => {
      bed.fake.fail('chat.postMessage', { error: code });
      const failure = publisher.post(CHANNEL, buildDigest(papers, { date: '2026-08-17', top: 3 }), 'k-gone');
      await expect(failure).rejects.toBeInstanceOf(ChannelUnavailableError);
      await expect(failure).rejects.toMatchObject({ channelId: CHANNEL, reason: code });
    });
  }

  it('turns channel_not_found from conversations.history into ChannelUnavailableError too', async () => {
    bed.fake.fail('conversations.history', { error: 'channel_not_found' });
    await expect(publisher.findExisting('C0DELETED', KEY)).rejects.toMatchObject({ name: 'ChannelUnavailableError', reason: 'channel_not_found' });
  });

  it('lets other failures through for the core to retry: a missing scope (app-wide, fixed by reinstalling), 5xx, rate limits', async () => {
    const digest = buildDigest(papers, { date: '2026-08-17', top: 3 });
    bed.fake.fail('conversations.history', { error: 'missing_scope' });
    const scope = publisher.findExisting(CHANNEL, KEY);
    await expect(scope).rejects.toThrow(/missing_scope/);
    await expect(scope).rejects.not.toBeInstanceOf(ChannelUnavailableError);
    // The bed's client retries once: two 500s make the call fail.
    bed.fake.fail('chat.postMessage', { status: 500 }, { status: 500 });
    await expect(publisher.post(CHANNEL, digest, 'k-500')).rejects.not.toBeInstanceOf(ChannelUnavailableError);
    bed.fake.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    await expect(publisher.post(CHANNEL, digest, 'k-429')).rejects.toThrow(/rate/i);
  });
});

describe('scheduled digests through the core: exactly once per channel and day', () => {
  let dir: string;
  let store: Store;
  /** The papers' day, and the morning after, when its digest is posted. */
  const day = '2026-08-20';
  const next = '2026-08-21';
  const deps = () => ({ store, publishers: { slack: publisher }, papersForDay: async () => papers, sleep: async () => {} });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperbot-slack-publisher-'));
    store = await openSqliteStore(join(dir, 'paperbot.sqlite'));
    return async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });

  it('posts a due digest once, and a later run posts nothing more', async () => {
    await store.subscribe({ platform: 'slack', channelId: 'C0DUE', time: '09:00', timezone: 'UTC', top: 25, onEmptyDay: 'note' });
    const before = bed.fake.calls.length;
    const report = await runDueDigests(new Date(`${next}T09:01:00Z`), deps());
    expect(report.sent).toEqual([digestKey('slack', 'C0DUE', day)]);
    const [first, part] = posts(before);
    expect(await store.posting(digestKey('slack', 'C0DUE', day))).toMatchObject({ status: 'sent', messageId: first!.ts });
    expect(part!.body.thread_ts).toBe(first!.ts);
    await runDueDigests(new Date(`${next}T09:30:00Z`), deps());
    expect(posts(before)).toHaveLength(2);
  });

  it('resolves a post left in doubt by a crash from the channel\'s history, without posting it again', async () => {
    await store.subscribe({ platform: 'slack', channelId: 'C0CRASH', time: '09:00', timezone: 'UTC', top: 25, onEmptyDay: 'note' });
    const key = digestKey('slack', 'C0CRASH', day);
    // The crash: intent recorded, message sent, the process gone before it could record the ts.
    await leaveInDoubt(store, { digestKey: key, platform: 'slack', channelId: 'C0CRASH', day }, new Date(`${next}T09:00:30Z`));
    const { messageId } = await publisher.post('C0CRASH', buildDigest(papers, { date: day, top: 25 }), key);
    const before = bed.fake.calls.length;
    const report = await runDueDigests(new Date(`${next}T09:05:00Z`), deps());
    expect(report.recovered).toEqual([key]);
    expect(await store.posting(key)).toMatchObject({ status: 'sent', messageId });
    expect(posts(before)).toEqual([]);
  });

  it('pauses the subscription of a channel that is gone, and other channels still get theirs', async () => {
    await store.subscribe({ platform: 'slack', channelId: 'C0ARCHIVED', time: '09:00', timezone: 'UTC', top: 3, onEmptyDay: 'note' });
    await store.subscribe({ platform: 'slack', channelId: 'C0ALIVE', time: '09:00', timezone: 'UTC', top: 3, onEmptyDay: 'note' });
    bed.fake.goneChannels.set('C0ARCHIVED', 'is_archived');
    const report = await runDueDigests(new Date(`${next}T09:01:00Z`), deps());
    expect(report).toMatchObject({ unavailable: [digestKey('slack', 'C0ARCHIVED', day)], sent: [digestKey('slack', 'C0ALIVE', day)] });
    expect(await store.subscription('slack', 'C0ARCHIVED')).toMatchObject({ unavailableReason: 'is_archived' });
  });
});

describe('the Slack digest publisher when Slack refuses the bot token', () => {
  /** A bed of its own, recording what it reports as refused credentials (npm start shuts down on the first). */
  async function refusalBed(): Promise<{ bed: SlackBed; refused: SlackCredentialsError[] }> {
    const refused: SlackCredentialsError[] = [];
    return { bed: await startSlackBed(await seedIndex(), { onCredentialsRefused: (error) => refused.push(error) }), refused };
  }

  it('reports a revoked token and fails the post, so the digest waits for the restart with a new token', async () => {
    const { bed: own, refused } = await refusalBed();
    try {
      own.fake.fail('chat.postMessage', { error: 'token_revoked' });
      await expect(own.running.publisher.post(CHANNEL, buildDigest(papers, { date: '2026-08-20', top: 3 }), KEY)).rejects.toThrow(/token_revoked/);
      expect(refused.map((error) => error.message)).toEqual([expect.stringMatching(/^Slack says SLACK_BOT_TOKEN has been revoked \(token_revoked\)/)]);
    } finally {
      await own.stop();
    }
  });

  it('does not report a missing scope: that is the digests\' problem, logged and retried by the core', async () => {
    const { bed: own, refused } = await refusalBed();
    try {
      own.fake.fail('conversations.history', { error: 'missing_scope' });
      await expect(own.running.publisher.findExisting(CHANNEL, KEY)).rejects.toThrow(/missing_scope/);
      expect(refused).toEqual([]);
    } finally {
      await own.stop();
    }
  });
});
