import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import type { PaperIndex } from '../src/paper-index.js';
import { TestBot } from './fake-discord-bot.js';
import { ADA, GRACE, autocomplete, buttonClick, chatInput } from './fixtures/discord-payloads.js';

type Json = Record<string, unknown>;
const embedOf = (data: Json) => (data.embeds as Json[])[0] as Json & { fields?: { name: string; value: string }[] };
const buttonsOf = (data: Json) =>
  ((data.components as Json[] | undefined) ?? []).flatMap((row) => row.components as { custom_id: string; label: string; disabled?: boolean }[]);

let index: PaperIndex;
let bot: TestBot;

beforeAll(async () => {
  index = createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH]));
  bot = await TestBot.start(index);
});
afterAll(() => bot.stop());
afterEach(() => {
  // Every payload the bot sent passed the fake's limits, and none could ping anyone.
  expect(bot.fake.rejected).toEqual([]);
  for (const request of bot.fake.requests) {
    const data = (request.path.endsWith('/callback') ? request.body?.data : request.body) as Json | undefined;
    if (data && ('embeds' in data || 'content' in data)) expect(data.allowed_mentions).toEqual({ parse: [] });
  }
});

describe('/ask', () => {
  it('defers, then edits in the cited sentence, its paper and the top three papers', async () => {
    const raw = chatInput('ask', { question: 'How can one-step diffusion models support negative prompts?' });
    const reply = await bot.run(raw);
    const deferral = bot.fake.requests.find((r) => r.path.includes(raw.token) && r.path.endsWith('/callback'));
    expect(deferral?.body).toMatchObject({ type: 5 });
    expect(reply.kind).toBe('edit');
    expect(reply.ephemeral).toBe(false);
    const embed = embedOf(reply.data);
    expect(embed.title).toBe('“How can one-step diffusion models support negative prompts?”');
    expect(embed.description).toMatch(/^> .*negative prompt/i);
    expect(embed.description).toMatch(/— from \*\*\[SNOOPI: Supercharged One-step Diffusion/);
    expect(embed.fields).toHaveLength(3);
    expect(buttonsOf(reply.data)).toEqual([]);
  });
});
