import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { APOLOGY } from '../src/errors.js';
import { TestBot, expectSafeTraffic } from './fake-discord-bot.js';
import type { RecordedRequest } from './fake-discord.js';
import { buttonClick, chatInput } from './fixtures/discord-payloads.js';

type Json = Record<string, unknown>;
const EPHEMERAL = 64;
const buttonsOf = (data: Json) => ((data.components as Json[] | undefined) ?? []).flatMap((row) => row.components as Json[]);

let bot: TestBot;
beforeAll(async () => {
  bot = await TestBot.start(createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH])));
});
afterAll(() => bot.stop());
afterEach(() => expectSafeTraffic(bot));

let messages = 0;
/** A private `/ask` answer, as the message its Share button sits on (a fresh message id each time). */
async function privateAnswer(): Promise<Json> {
  const reply = await bot.run(chatInput('ask', { question: 'what is margin-MSE distillation?', private: true }));
  expect(reply.ephemeral).toBe(true);
  expect(buttonsOf(reply.data)).toEqual([expect.objectContaining({ custom_id: 'share', label: 'Share in channel' })]);
  return { ...reply.data, flags: EPHEMERAL, id: String(1400000000000000100n + BigInt(++messages)) };
}

/** A press of Share on `message`; resolves once the bot is done with it, with what it sent for that press. */
async function press(message: Json): Promise<RecordedRequest[]> {
  const click = buttonClick('share', message);
  bot.inject(click);
  await bot.idle();
  return sentFor(click.token);
}

function sentFor(token: string): RecordedRequest[] {
  return bot.fake.requests.filter((request) => request.path.includes(`/${token}/`) || request.path.endsWith(`/${token}`));
}

/** What each request was: `callback 6`, `post` (a follow-up), `edit` (PATCH @original), `delete`. */
function steps(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => r.path.endsWith('/callback') ? `callback ${r.body?.type}` : r.method === 'POST' ? 'post' : r.method === 'PATCH' ? 'edit' : r.method.toLowerCase());
}

const publicPosts = (requests: readonly RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && !r.path.endsWith('/callback') && r.status === 200 && (Number(r.body?.flags ?? 0) & EPHEMERAL) === 0);

describe('"Share in channel" on a private /ask answer', () => {
  it('acknowledges, posts the same answer for everyone, then swaps the button for a note on the private answer', async () => {
    const answer = await privateAnswer();
    const sent = await press(answer);
    expect(steps(sent)).toEqual(['callback 6', 'post', 'edit']);
    const [, post, edit] = sent;
    expect(post!.body).toMatchObject({ embeds: answer.embeds, components: [] });
    expect(Number(post!.body?.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(edit!.path).toMatch(/\/messages\/@original$/);
    expect(edit!.body).toMatchObject({ content: 'Shared in this channel.', embeds: answer.embeds, components: [] });
  });

  it('posts once when two presses arrive together (a double click): the second only acknowledges', async () => {
    const answer = await privateAnswer();
    const first = buttonClick('share', answer);
    const second = buttonClick('share', answer);
    bot.inject(first);
    bot.inject(second);
    await bot.idle();
    expect(steps(sentFor(first.token))).toEqual(['callback 6', 'post', 'edit']);
    expect(steps(sentFor(second.token))).toEqual(['callback 6']);
  });

  it('posts nothing for a press after the share (a client that still shows the button), and removes the button', async () => {
    const answer = await privateAnswer();
    await press(answer);
    const click = buttonClick('share', answer);
    const update = await bot.run(click);
    expect(update).toMatchObject({ kind: 'update', ephemeral: true, data: { content: 'Shared in this channel.', components: [] } });
    expect(steps(sentFor(click.token))).toEqual(['callback 7']);
  });

  it('keeps the private answer and its button when the public post fails, tells the asker, and shares on the next press', async () => {
    const answer = await privateAnswer();
    bot.fake.failNext({ match: /^\/webhooks\/\d+\/[^/]+$/, method: 'POST', status: 500, body: { message: '500: Internal Server Error', code: 0 } });
    const failed = await press(answer);
    expect(steps(failed)).toEqual(['callback 6', 'post', 'post']);
    expect(failed[2]!.body).toMatchObject({ content: APOLOGY, flags: EPHEMERAL });
    expect(publicPosts(failed)).toEqual([]);

    const retried = await press(answer);
    expect(steps(retried)).toEqual(['callback 6', 'post', 'edit']);
    expect(publicPosts(retried)).toHaveLength(1);
  });

  it('does not post again when the copy went out but the button could not be removed; the next press removes it', async () => {
    const answer = await privateAnswer();
    bot.fake.failNext({ match: /\/messages\/@original$/, method: 'PATCH', status: 500, body: { message: '500: Internal Server Error', code: 0 } });
    const first = await press(answer);
    expect(steps(first)).toEqual(['callback 6', 'post', 'edit']);
    expect(publicPosts(first)).toHaveLength(1);
    expect(bot.log.entries).toContainEqual(expect.objectContaining({ level: 'warn', message: 'Discord: shared an answer but could not replace its button' }));

    const again = await press(answer);
    expect(steps(again)).toEqual(['callback 7']);
    expect(publicPosts(again)).toEqual([]);
  });
});
