import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { TestBot } from './fake-discord-bot.js';
import type { Reply } from './fake-discord.js';
import { ADA, autocomplete, buttonClick, chatInput } from './fixtures/discord-payloads.js';

type Json = Record<string, unknown>;
let bot: TestBot;

beforeAll(async () => {
  bot = await TestBot.start(createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH])));
});
afterAll(() => bot.stop());

/** Every piece of text the person will see, from a reply's content and embeds. */
function visibleText(data: Json): string[] {
  const embeds = (data.embeds as Json[] | undefined) ?? [];
  const fromEmbeds = embeds.flatMap((embed) => [
    embed.title, embed.description, (embed.footer as Json | undefined)?.text,
    ...((embed.fields as Json[] | undefined) ?? []).flatMap((field) => [field.name, field.value]),
  ]);
  return [data.content, ...fromEmbeds].filter((text): text is string => typeof text === 'string');
}

/** Nothing in the reply can render as a mention, a foreign masked link, a code block, or reordered text. */
function expectInert(reply: Reply): void {
  for (const text of visibleText(reply.data)) {
    expect(text).not.toMatch(/(?<!\\)<[@#]/);
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/(?<!\\)```/);
    expect(text).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  }
}

const longText = 'diffusion '.repeat(600);
const textOf = (reply: Reply) => visibleText(reply.data).join('\n');

// Each row: what a hostile or careless person sends, and the clear reply they get.
const table: { input: string; send: () => { token: string }; expect: (reply: Reply) => void }[] = [
  {
    input: 'an empty question',
    send: () => chatInput('ask', { question: '   ' }),
    expect: (reply) => {
      expect(reply).toMatchObject({ kind: 'followup', ephemeral: true });
      expect(reply.data.content).toBe('Please ask a question or give a few words to search for.');
    },
  },
  {
    input: 'a 6000-character question',
    send: () => chatInput('ask', { question: longText }),
    expect: (reply) => {
      expect(reply).toMatchObject({ ephemeral: true });
      expect(reply.data.content).toBe('That is 5,999 characters; please keep questions under 1,000.');
    },
  },
  {
    input: 'a 6000-character search',
    send: () => chatInput('search', { query: longText }),
    expect: (reply) => {
      expect(reply).toMatchObject({ kind: 'reply', ephemeral: true });
      expect(reply.data.content).toMatch(/^Please keep searches under 64 characters \(that one has 5,?999\)/);
    },
  },
  {
    input: '@everyone in a question',
    send: () => chatInput('ask', { question: '@everyone what is one-step diffusion distillation?' }),
    expect: (reply) => expect(textOf(reply)).toContain('“@\u200Beveryone what is one-step diffusion distillation?”'),
  },
  {
    input: 'a role mention in a search',
    send: () => chatInput('search', { query: '<@&123456789012345678> diffusion' }),
    expect: (reply) => expect(textOf(reply)).toContain('Search: \\<@&123456789012345678\\> diffusion'),
  },
  {
    input: 'markdown, a masked link and code fences',
    send: () => chatInput('ask', { question: '```js x``` **bold** [click](https://evil.example) # diffusion' }),
    expect: (reply) => expect(textOf(reply)).toContain('\\`\\`\\`js x\\`\\`\\` \\*\\*bold\\*\\* \\[click\\](https://evil.example) \\# diffusion'),
  },
  {
    input: 'zero-width and RTL characters',
    send: () => chatInput('search', { query: 'dif\u200Bfusion \u202Edistillation\u202C' }),
    expect: (reply) => expect(embedTitle(reply)).toBe('Search: diffusion distillation'),
  },
  {
    input: 'a title that does not exist',
    send: () => chatInput('paper', { title: '<@&1> The Paper That Never Was' }),
    expect: (reply) => {
      expect(reply).toMatchObject({ kind: 'reply', ephemeral: true });
      expect(reply.data.content).toMatch(/^I have no paper called “\\<@&1\\> The Paper That Never Was”/);
    },
  },
  {
    input: 'a stale button id',
    send: () => buttonClick('bookmark:2501.00001', { content: 'old', embeds: [], components: [] }),
    expect: (reply) => {
      expect(reply).toMatchObject({ kind: 'reply', ephemeral: true });
      expect(reply.data.content).toBe('That button belongs to an older version of this message. Run the command again for a fresh one.');
    },
  },
  {
    input: 'a paging button with a malformed id',
    send: () => buttonClick('search:ada:x:y', { content: 'old' }),
    expect: (reply) => expect(reply.data.content).toMatch(/^This result list has changed since it was made\./),
  },
  {
    input: 'a paging button past the last result',
    send: () => buttonClick(`search:${ADA.id}:95:5:diffusion`, { content: 'old' }),
    expect: (reply) => expect(reply.data.content).toMatch(/^This result list has changed since it was made\./),
  },
  {
    input: 'a "Similar papers" button for a paper no longer in the library',
    send: () => buttonClick('similar:2401.99999', { content: 'old' }),
    expect: (reply) => expect(reply.data.content).toBe('That paper is no longer in my library. Try /search for it.'),
  },
  {
    input: 'a search limit outside 1-25',
    send: () => chatInput('search', { query: 'diffusion', limit: 1000 }),
    expect: (reply) => expect(((reply.data.embeds as Json[])[0]!.fields as Json[]).length).toBeLessThanOrEqual(25),
  },
  {
    input: 'a fractional search limit (pages must still work)',
    send: () => chatInput('search', { query: 'diffusion', limit: 2.5 }),
    expect: (reply) => {
      const [, next] = ((reply.data.components as Json[])[0]!.components as { custom_id: string }[]);
      expect(next!.custom_id).toBe(`search:${ADA.id}:2:2:diffusion`);
    },
  },
  {
    input: 'a command the bot no longer has',
    send: () => chatInput('bookmark', { title: 'x' }),
    expect: (reply) => {
      expect(reply).toMatchObject({ kind: 'reply', ephemeral: true });
      expect(reply.data.content).toBe('I do not know that command any more. Type / to see the ones I have.');
    },
  },
  {
    input: 'autocomplete for an option the bot does not complete',
    send: () => autocomplete('ask', { question: 'diff' }, 'question'),
    expect: (reply) => expect(reply).toMatchObject({ kind: 'choices', data: { choices: [] } }),
  },
  {
    input: 'a 6000-character autocomplete',
    send: () => autocomplete('paper', { title: longText }, 'title'),
    expect: (reply) => expect(reply.kind).toBe('choices'),
  },
];

function embedTitle(reply: Reply): unknown {
  return (reply.data.embeds as Json[])[0]?.title;
}

describe('hostile and careless input', () => {
  it.each(table)('$input: a clear reply, nothing that renders as markup, and the bot serves the next one', async ({ send, expect: check }) => {
    const reply = await bot.run(send());
    check(reply);
    expectInert(reply);
    expect(bot.fake.rejected).toEqual([]);
    const next = await bot.run(chatInput('help'));
    expect(next.kind).toBe('reply');
  });

  it('logs none of these as faults: they are the person’s to fix', () => {
    expect(bot.log.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});
