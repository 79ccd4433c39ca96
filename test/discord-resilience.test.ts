import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import type { PaperIndex } from '../src/paper-index.js';
import { APOLOGY } from '../src/errors.js';
import { TestBot } from './fake-discord-bot.js';
import { autocomplete, chatInput } from './fixtures/discord-payloads.js';

/** The real index, except that the question "boom" hits a fault (a bug, a corrupt index) instead of an answer. */
function withFault(index: PaperIndex): PaperIndex {
  return new Proxy(index, {
    get(target, property, receiver) {
      if (property === 'answer') {
        return (question: string, options?: { limit?: number }) => {
          if (question === 'boom') throw new Error('index corrupted');
          return target.answer(question, options);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

let bot: TestBot;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  bot = await TestBot.start(withFault(createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH]))));
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await bot.stop();
});
afterEach(async () => {
  // Whatever went wrong, the next person is still answered and no promise was left rejected.
  const next = await bot.run(chatInput('help'));
  expect(next.kind).toBe('reply');
  expect(unhandled).toEqual([]);
  bot.log.entries.length = 0;
});

describe('a fault in the core', () => {
  it('is logged with its context (never the token) and answered with a short apology only the asker sees', async () => {
    const raw = chatInput('ask', { question: 'boom' });
    const reply = await bot.run(raw);
    expect(reply).toMatchObject({ kind: 'followup', ephemeral: true, data: { content: APOLOGY } });
    // The public "thinking…" placeholder is removed rather than left spinning.
    expect(bot.fake.requests.some((r) => r.method === 'DELETE' && r.path.includes(raw.token))).toBe(true);
    const [entry] = bot.log.entries;
    expect(entry).toMatchObject({ level: 'error', message: 'Discord interaction failed', details: { interactionId: raw.id, command: 'ask', userId: expect.any(String) } });
    expect(JSON.stringify(bot.log.entries)).toContain('index corrupted');
    expect(JSON.stringify(bot.log.entries)).not.toContain(raw.token);
  });
});

describe('Discord API errors', () => {
  it('a 500 on the deferral: logged, and the apology goes out as a fresh reply', async () => {
    bot.fake.failNext({ match: /\/callback$/, status: 500, body: { message: 'Internal Server Error', code: 0 } });
    const reply = await bot.run(chatInput('ask', { question: 'what is distillation?' }));
    expect(reply).toMatchObject({ kind: 'reply', ephemeral: true, data: { content: APOLOGY } });
    expect(bot.log.entries[0]).toMatchObject({ level: 'error', details: { error: { status: 500 } } });
  });

  it('a 429 on the edit: discord.js waits for retry_after and sends it again; the answer arrives', async () => {
    bot.fake.failNext({
      match: /@original$/, status: 429, body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
      headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
    });
    const reply = await bot.run(chatInput('ask', { question: 'what is distillation?' }));
    expect(reply.kind).toBe('edit');
    expect(bot.fake.requests.filter((r) => r.path.endsWith('@original')).map((r) => r.status).slice(-2)).toEqual([429, 200]);
    expect(bot.log.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('an expired interaction (404, 10062) everywhere: nothing can be sent, so it is logged and dropped', async () => {
    const unknown = { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    bot.fake.failNext({ match: /\/callback$/, ...unknown });
    bot.fake.failNext({ match: /\/callback$/, ...unknown });
    bot.inject(chatInput('search', { query: 'diffusion' }));
    await bot.idle();
    expect(bot.log.entries.map((e) => e.message)).toEqual(['Discord interaction failed', 'Could not answer a Discord interaction']);
  });

  it('a 503 while answering autocomplete: logged, and one empty list is offered instead', async () => {
    bot.fake.failNext({ match: /\/callback$/, status: 503, body: { message: 'Service Unavailable', code: 0 } });
    const raw = autocomplete('paper', { title: 'sno' }, 'title');
    bot.inject(raw);
    await bot.idle();
    expect(bot.log.entries.map((e) => e.level)).toEqual(['error']);
    const sent = bot.fake.requests.filter((r) => r.path.includes(raw.token));
    expect(sent.map((r) => r.status)).toEqual([503, 204]);
    expect(sent[1]!.body).toEqual({ type: 8, data: { choices: [] } });
  });
});
