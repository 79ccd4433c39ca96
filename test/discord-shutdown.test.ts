import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { TestBot } from './fake-discord-bot.js';
import { chatInput } from './fixtures/discord-payloads.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await TestBot.start(createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH])));
});
afterAll(() => bot.stop());

describe('graceful shutdown', () => {
  it('stops taking interactions, finishes the reply under way, then resolves', async () => {
    const slowEdit = bot.fake.hold(/@original$/);
    const ask = chatInput('ask', { question: 'what is knowledge distillation?' });
    const answered = bot.fake.nextReply(ask.token);
    bot.inject(ask);
    await slowEdit.arrived;

    let closed = false;
    const closing = bot.service.close().then(() => (closed = true));
    const help = chatInput('help');
    const declined = bot.fake.nextReply(help.token);
    bot.inject(help);
    const late = await declined;
    expect(late).toMatchObject({ kind: 'reply', ephemeral: true, data: { content: 'I am restarting. Please try again in a minute.' } });
    expect(closed).toBe(false);

    slowEdit.release();
    await closing;
    expect((await answered).kind).toBe('edit');
    expect(bot.service.inFlight).toBe(0);
  });
});
