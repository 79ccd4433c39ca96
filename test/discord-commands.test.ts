import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import type { PaperIndex } from '../src/paper-index.js';
import { TestBot, expectSafeTraffic } from './fake-discord-bot.js';
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
afterEach(() => expectSafeTraffic(bot));

describe('every command', () => {
  it.each([
    ['/ask', () => chatInput('ask', { question: 'what is knowledge distillation?' })],
    ['/search', () => chatInput('search', { query: 'attention', limit: 25 })],
    ['/paper', () => chatInput('paper', { title: index.papers()[5]!.id })],
    ['/similar', () => chatInput('similar', { title: index.papers()[5]!.id })],
    ['/help', () => chatInput('help')],
    ['autocomplete', () => autocomplete('paper', { title: 'lo' }, 'title')],
  ])('%s: the first response reaches Discord within 3 s of the interaction', async (_, make) => {
    const raw = make();
    const injected = Date.now();
    await bot.run(raw);
    const first = bot.fake.requests.find((request) => request.path.includes(raw.token))!;
    expect(first.at).toBeGreaterThanOrEqual(injected);
    expect(first.at - injected).toBeLessThan(3000);
  });
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

describe('/ask about something the library has nothing on', () => {
  it('says so instead of quoting, and lists the nearest papers as possibly related, with no footer about quotes', async () => {
    const reply = await bot.run(chatInput('ask', { question: 'which papers study protein folding?' }));
    const embed = embedOf(reply.data);
    expect(embed.description).toMatch(/^The library has nothing on that.*\n\*\*Possibly related:\*\*$/);
    expect(embed.description).not.toMatch(/^>/);
    expect(embed.footer).toBeUndefined();
    expect(embed.fields!.length).toBeGreaterThan(0);
    expect(embed.fields!.length).toBeLessThanOrEqual(3);
  });

  it('answers small talk in kind, with no embed and no papers', async () => {
    const reply = await bot.run(chatInput('ask', { question: 'thanks, that was helpful' }));
    expect(reply.data.content).toMatch(/welcome/i);
    expect(reply.data.embeds).toEqual([]);
  });
});

describe('/ask private', () => {
  it('answers only the asker, with a "Share in channel" button (pressing it: discord-share.test.ts)', async () => {
    const raw = chatInput('ask', { question: 'what is margin-MSE distillation?', private: true });
    const reply = await bot.run(raw);
    const deferral = bot.fake.requests.find((r) => r.path.includes(raw.token) && r.path.endsWith('/callback'));
    expect(deferral?.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(reply.ephemeral).toBe(true);
    expect(buttonsOf(reply.data)).toEqual([expect.objectContaining({ custom_id: 'share', label: 'Share in channel' })]);
  });
});

describe('/search', () => {
  it('lists a page with snippets and why each matched, and pages with Previous/Next by editing the message', async () => {
    const first = await bot.run(chatInput('search', { query: 'diffusion', limit: 2 }));
    const embed = embedOf(first.data);
    expect(embed.title).toBe('Search: diffusion');
    expect(embed.description).toMatch(/^\d+ papers matched; showing 1–2\.$/);
    expect(embed.fields).toHaveLength(2);
    expect(embed.fields![0]!.name).toMatch(/^1\. /);
    expect(embed.fields![0]!.value).toMatch(/\*matched: diffusion\*/i);
    const [previous, next] = buttonsOf(first.data);
    expect(previous).toMatchObject({ label: 'Previous', disabled: true });
    expect(next).toMatchObject({ label: 'Next', custom_id: `search:${ADA.id}:2:2:diffusion` });

    const second = await bot.run(buttonClick(next!.custom_id, first.data));
    expect(second.kind).toBe('update');
    expect(embedOf(second.data).description).toMatch(/showing 3–4\./);
    expect(embedOf(second.data).fields![0]!.name).toMatch(/^3\. /);
    const back = buttonsOf(second.data)[0]!;
    expect(back).toMatchObject({ label: 'Previous', custom_id: `search:${ADA.id}:0:2:diffusion` });
    expect(back.disabled).toBeFalsy();

    const again = await bot.run(buttonClick(back.custom_id, second.data));
    expect(embedOf(again.data).fields).toEqual(embed.fields);
  });

  it('lets only the asker page; anyone else gets a note only they see, and the message stays as it was', async () => {
    const first = await bot.run(chatInput('search', { query: 'diffusion', limit: 2 }, ADA));
    const next = buttonsOf(first.data)[1]!;
    const click = buttonClick(next.custom_id, first.data, GRACE);
    const note = await bot.run(click);
    expect(note).toMatchObject({ kind: 'reply', ephemeral: true });
    expect(note.data.content).toMatch(/^Only the person who ran this search can page through it\./);
    const sentForClick = bot.fake.requests.filter((request) => request.path.includes(click.token));
    expect(sentForClick.map((request) => request.body?.type)).toEqual([4]);
  });

  it('shows no buttons when every result fits on one page', async () => {
    const reply = await bot.run(chatInput('search', { query: 'SNOOPI', limit: 25 }));
    expect(embedOf(reply.data).fields!.length).toBeGreaterThan(0);
    expect(buttonsOf(reply.data)).toEqual([]);
  });

  it('says nothing matched and suggests titles, publicly, for words the library lacks', async () => {
    const reply = await bot.run(chatInput('search', { query: 'qwzxv blorptastic' }));
    expect(embedOf(reply.data).description).toMatch(/^No papers matched\./);
  });
});

describe('/paper', () => {
  it('autocompletes titles: at most 25 choices, names within 100 characters, values that are paper ids', async () => {
    const reply = await bot.run(autocomplete('paper', { title: 'a' }, 'title'));
    expect(reply.kind).toBe('choices');
    const choices = reply.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(index.paper(choice.value)?.id).toBe(choice.value);
    }
  });

  it('shows a card: title linked, authors, links, abstract, and a "Similar papers" button that answers the clicker only', async () => {
    const paper = index.papers().find((p) => p.title.startsWith('SNOOPI'))!;
    const card = await bot.run(chatInput('paper', { title: paper.id }));
    expect(card).toMatchObject({ kind: 'reply', ephemeral: false });
    const embed = embedOf(card.data);
    expect(embed.title).toBe(paper.title);
    expect(embed.url).toMatch(/^https:\/\/arxiv\.org\/search\/\?searchtype=title&query=SNOOPI/);
    expect(embed.description).toMatch(/^Recent approaches have yielded promising results/);
    expect(embed.fields!.map((field) => field.name)).toContain('Links');
    const [similar] = buttonsOf(card.data);
    expect(similar).toMatchObject({ label: 'Similar papers', custom_id: `similar:${paper.id}` });

    const list = await bot.run(buttonClick(similar!.custom_id, card.data, GRACE));
    expect(list).toMatchObject({ kind: 'edit', ephemeral: true });
    expect(embedOf(list.data).title).toBe(`Papers like: ${paper.title}`);
    expect(embedOf(list.data).fields!.length).toBeGreaterThan(0);
  });

  it('answers a title that does not exist with a polite note only the asker sees', async () => {
    const reply = await bot.run(chatInput('paper', { title: 'A Paper Nobody Wrote About Teapots' }));
    expect(reply).toMatchObject({ kind: 'reply', ephemeral: true });
    expect(reply.data.content).toMatch(/^I have no paper called “A Paper Nobody Wrote About Teapots”\. Pick one from the list/);
  });
});

describe('/similar', () => {
  it('lists papers like the chosen one, itself excluded', async () => {
    const paper = index.papers()[0]!;
    const reply = await bot.run(chatInput('similar', { title: paper.id }));
    expect(reply.kind).toBe('edit');
    const embed = embedOf(reply.data);
    expect(embed.fields!.length).toBeGreaterThan(0);
    expect(embed.fields!.some((field) => field.name.includes(paper.title))).toBe(false);
  });

  it('autocompletes like /paper', async () => {
    const reply = await bot.run(autocomplete('similar', { title: 'snoop' }, 'title'));
    expect(reply.data.choices).toEqual([{ name: expect.stringMatching(/^SNOOPI/), value: expect.any(String) }]);
  });
});

describe('/help', () => {
  it('says what the bot does, lists the commands, and gives the library size and dates', async () => {
    const reply = await bot.run(chatInput('help'));
    expect(reply).toMatchObject({ kind: 'reply', ephemeral: true });
    const embed = embedOf(reply.data);
    const [commands, library] = embed.fields!;
    for (const name of ['ask', 'search', 'paper', 'similar', 'help']) expect(commands!.value).toContain(`**/${name}**`);
    expect(commands!.value).toMatch(/^\*\*\/daily\*\*: .*filter/m);
    expect(library!.value).toBe('106 papers from the Hugging Face Daily Papers page, listed Mar 13.');
  });
});
