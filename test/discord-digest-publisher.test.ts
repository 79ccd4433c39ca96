import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from 'discord.js';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { buildDigest } from '../src/digest/build-digest.js';
import { digestKey } from '../src/digest/digest-run.js';
import type { Digest } from '../src/digest/digest.js';
import { ChannelUnavailableError, type DigestPublisher } from '../src/digest/publisher.js';
import type { Paper } from '../src/types.js';
import { createDiscordClient } from '../adapters/discord/start.js';
import { createDiscordPublisher } from '../adapters/discord/digest-publisher.js';
import { readMarker, digestRef } from '../adapters/discord/digest-marker.js';
import { FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { FakeChannels } from './fake-discord-channels.js';

type Json = Record<string, unknown>;
type Embed = { footer?: { text: string } };

const CHANNEL = '1260000000000000001';
const DAY = '2026-09-01';
const KEY = digestKey('discord', CHANNEL, DAY);

let papers: Paper[];
let fake: FakeDiscord;
let channels: FakeChannels;
let client: Client;
let publisher: DigestPublisher;

beforeAll(async () => {
  const corpus = await loadCorpus([DEFAULT_CORPUS_PATH]);
  papers = [...corpus].sort((a, b) => b.abstract.length - a.abstract.length).slice(0, 25).map((paper, i) => ({ ...paper, upvotes: 100 - i }));
});
beforeEach(async () => {
  fake = await FakeDiscord.start();
  channels = new FakeChannels(fake);
  // No retries: a failure shows at once, as the core's own retry is what matters here.
  client = createDiscordClient({ apiUrl: fake.apiUrl }, { retries: 0 });
  client.rest.setToken('test-token');
  publisher = createDiscordPublisher(client);
});
afterEach(async () => {
  expect(fake.rejected).toEqual([]);
  await client.destroy();
  await fake.close();
});

const fullDay = (): Digest => buildDigest(papers, { date: DAY, top: 25 });
const posts = (): RecordedRequest[] => fake.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${CHANNEL}/messages`);
const footerOf = (message: Json) => ((message.embeds ?? []) as Embed[]).at(-1)?.footer?.text ?? '';

describe('createDiscordPublisher().post', () => {
  it('posts a 25-paper digest as several messages, each with its own nonce, enforce_nonce, no mentions and a findable marker', async () => {
    const { messageId } = await publisher.post(CHANNEL, fullDay(), KEY);
    const sent = posts();
    expect(sent.length).toBeGreaterThan(1);
    const nonces = sent.map((request) => request.body!.nonce as string);
    expect(new Set(nonces).size).toBe(sent.length);
    for (const [i, request] of sent.entries()) {
      expect(request.body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
      expect((request.body!.nonce as string).length).toBeLessThanOrEqual(25);
      expect(readMarker(footerOf(request.body!))).toEqual({ ref: digestRef(KEY), part: i + 1, parts: sent.length });
    }
    expect(messageId).toBe(channels.in(CHANNEL)[0]!.id);
    const embeds = channels.in(CHANNEL).flatMap((message) => message.embeds as Json[]);
    expect(embeds).toHaveLength(26);
  });

  it('reads the channel’s last 50 messages first, and sends nothing when the whole digest is already there', async () => {
    const first = await publisher.post(CHANNEL, fullDay(), KEY);
    const lookup = fake.requests.find((request) => request.method === 'GET');
    expect(lookup?.path).toBe(`/channels/${CHANNEL}/messages`);
    const count = posts().length;
    expect(await publisher.post(CHANNEL, fullDay(), KEY)).toEqual(first);
    expect(posts()).toHaveLength(count);
  });

  it('completes a post that a crash cut short, sending only the missing parts', async () => {
    const { messageId } = await publisher.post(CHANNEL, fullDay(), KEY);
    const parts = channels.in(CHANNEL).length;
    // The process died after the first part reached Discord, and the nonces have since expired.
    channels.messages.set(CHANNEL, channels.in(CHANNEL).slice(0, 1));
    channels.forgetNonces();
    expect(await publisher.findExisting(CHANNEL, KEY)).toBeNull();
    const before = posts().length;
    expect(await publisher.post(CHANNEL, fullDay(), KEY)).toEqual({ messageId });
    expect(posts().length - before).toBe(parts - 1);
    expect(channels.in(CHANNEL).map((message) => readMarker(footerOf(message))?.part)).toEqual(Array.from({ length: parts }, (_, i) => i + 1));
  });

  it('posts the empty-day note as one message', async () => {
    await publisher.post(CHANNEL, { date: DAY, total: 0, entries: [], empty: 'no-papers' }, KEY);
    expect(posts()).toHaveLength(1);
    expect(footerOf(posts()[0]!.body!)).toMatch(/ · part 1 of 1$/);
  });
});

describe('createDiscordPublisher().findExisting', () => {
  it('finds a posted digest by its marker: the first message’s id', async () => {
    const { messageId } = await publisher.post(CHANNEL, fullDay(), KEY);
    channels.addMessage(CHANNEL, { content: 'nice papers today', author: { id: '200000000000000001', username: 'ada', bot: false } });
    expect(await publisher.findExisting(CHANNEL, KEY)).toBe(messageId);
  });

  it('finds nothing for another day, nor a copy of the marker written by someone who is not a bot', async () => {
    await publisher.post(CHANNEL, fullDay(), KEY);
    expect(await publisher.findExisting(CHANNEL, digestKey('discord', CHANNEL, '2026-09-02'))).toBeNull();
    const copied = channels.in(CHANNEL).map((message) => ({ ...message, author: { id: '200000000000000001', username: 'ada', bot: false } }));
    channels.messages.set('1260000000000000002', copied);
    expect(await publisher.findExisting('1260000000000000002', digestKey('discord', '1260000000000000002', DAY))).toBeNull();
    expect(await publisher.findExisting('1260000000000000002', KEY)).toBeNull();
  });
});

describe('a channel that is gone or closed to the bot', () => {
  it.each([
    ['POST', 404, 10003, 'Unknown Channel'],
    ['POST', 403, 50013, 'Missing Permissions'],
    ['POST', 403, 50001, 'Missing Access'],
    ['GET', 404, 10003, 'Unknown Channel'],
  ])('%s answered %i / %i (%s) becomes ChannelUnavailableError', async (method, status, code, message) => {
    // The post reads the history (GET) before it sends (POST): either may be the one that fails.
    fake.failNext({ match: new RegExp(`^/channels/${CHANNEL}/messages$`), method, status, body: { code, message } });
    const failure = await publisher.post(CHANNEL, fullDay(), KEY).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChannelUnavailableError);
    expect(failure).toMatchObject({ channelId: CHANNEL, reason: `${status} ${code}: ${message}` });
  });

  it('also when only looking for an earlier post', async () => {
    fake.failNext({ match: /messages$/, status: 404, body: { code: 10003, message: 'Unknown Channel' } });
    await expect(publisher.findExisting(CHANNEL, KEY)).rejects.toBeInstanceOf(ChannelUnavailableError);
  });

  it('but other failures propagate as they are, for the core to retry', async () => {
    fake.failNext({ match: /messages$/, method: 'POST', status: 500, body: { code: 0, message: 'Internal Server Error' } });
    const failure = await publisher.post(CHANNEL, fullDay(), KEY).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(ChannelUnavailableError);
  });
});
