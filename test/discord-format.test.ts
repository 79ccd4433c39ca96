import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedLength } from 'discord.js';
import { parseJsonLines } from '../src/corpus/json-lines.js';
import { parseHfDailyPapers } from '../src/corpus/hf-api.js';
import type { Answer, Paper, PaperMatch } from '../src/types.js';
import { DISCORD_LIMITS } from '../adapters/discord/limits.js';
import { fitText, safeUrl } from '../adapters/discord/fit.js';
import { formatPaperCard } from '../adapters/discord/format-paper.js';
import { formatSearchPage } from '../adapters/discord/format-search.js';
import { formatAnswer } from '../adapters/discord/format-answer.js';
import { formatNotice } from '../adapters/discord/format-notice.js';
import { formatHelp } from '../adapters/discord/format-help.js';
import { SEARCH_QUERY_MAX_LENGTH, parseSearchPageId, searchPageId, similarId } from '../adapters/discord/button-ids.js';
import type { DiscordMessage } from '../adapters/discord/message.js';
import { messageProblems } from './fake-discord-limits.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/discord-longest-papers.json', import.meta.url), 'utf8')) as { records: unknown[] };
const [longestAbstract, longestTitle, mostAuthors] = parseJsonLines(fixture.records.map((r) => JSON.stringify(r)).join('\n')).papers as [Paper, Paper, Paper];

const wire = (message: DiscordMessage) => ({
  content: message.content,
  embeds: message.embeds.map((embed) => embed.toJSON()),
  components: message.components.map((row) => row.toJSON()),
});
const totalLength = (message: DiscordMessage) => message.embeds.reduce((sum, embed) => sum + embedLength(embed.toJSON()), 0);
const match = (paper: Paper): PaperMatch => ({ paper, score: 1, snippet: paper.abstract, matchedTerms: ['diffusion', 'models'] });

describe('the longest real papers (arxiv-cs-daily: 3,488-character abstract, 226-character title, 3,303 authors)', () => {
  it('fit a paper card: the abstract trimmed at a word boundary with an ellipsis, everything within the limits', () => {
    for (const paper of [longestAbstract, longestTitle, mostAuthors]) {
      const card = formatPaperCard(paper);
      expect(messageProblems(wire(card))).toEqual([]);
      expect(totalLength(card)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    }
    // The longest real abstract fits whole; twice its text must be cut at a word, with an ellipsis.
    expect(longestAbstract.abstract.length).toBe(3488);
    expect(formatPaperCard(longestAbstract).embeds[0]!.toJSON().description).toBe(fitText(longestAbstract.abstract, 4096));
    expect(formatPaperCard(longestAbstract).embeds[0]!.toJSON().description).not.toMatch(/…$/);
    const doubled = formatPaperCard({ ...longestTitle, abstract: `${longestAbstract.abstract} ${longestAbstract.abstract}` });
    expect(messageProblems(wire(doubled))).toEqual([]);
    const description = doubled.embeds[0]!.toJSON().description!;
    expect(description.length).toBeGreaterThan(3000);
    expect(description).toMatch(/[\w.,)] ?…$/);
    const authors = formatPaperCard(mostAuthors).embeds[0]!.toJSON().fields!.find((field) => field.name === 'Authors')!;
    expect(authors.value).toMatch(/ et al\.$/);
  });

  it('fit 25 search results of the longest title and abstract into one message under 6000 characters', () => {
    const results = Array.from({ length: 25 }, (_, i) => match(i % 2 ? longestTitle : longestAbstract));
    const page = { query: 'diffusion models', results, total: 100, offset: 0, suggestions: [] };
    const message = formatSearchPage(page, { ownerId: '200000000000000001', offset: 0, limit: 25, query: 'diffusion models' });
    expect(messageProblems(wire(message))).toEqual([]);
    const fields = message.embeds[0]!.toJSON().fields!;
    expect(fields).toHaveLength(25);
    expect(fields.map((field) => field.name.split('.')[0])).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    for (const field of fields) expect(field.value).toMatch(/^\[arXiv\]\(https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}\)/);
  });

  it('fit an answer to a 1,000-character question quoting the longest abstract', () => {
    const question = 'why '.repeat(250);
    const answer: Answer = { kind: 'answered', question, answer: { text: longestAbstract.abstract, paperId: longestAbstract.id, paper: longestAbstract }, results: [longestTitle, longestAbstract, mostAuthors].map(match), suggestions: [] };
    const message = formatAnswer(answer, true);
    expect(messageProblems(wire(message))).toEqual([]);
    expect(message.embeds[0]!.toJSON().title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
  });
});

describe('a paper card for a Hugging Face paper with every field (EnvHarness, 2026-08-21)', () => {
  const [paper] = parseHfDailyPapers(JSON.parse(readFileSync(new URL('./fixtures/discord-hf-paper.json', import.meta.url), 'utf8')), 'fixture') as [Paper];
  const embed = formatPaperCard(paper).embeds[0]!.toJSON();

  it('links the title to arXiv and lists authors, dates, upvotes, stars and every link', () => {
    expect(embed.title).toBe('EnvHarness: Awakening Static Worlds for Agent Learning');
    expect(embed.url).toBe('https://arxiv.org/abs/2608.19880');
    expect(embed.description).toBe(fitText(paper.abstract, 4096));
    expect(embed.fields).toEqual([
      { name: 'Authors', value: 'Chengsong Huang, Zifeng Wang, Rujun Han, Jun Yan, Yanfei Chen, Zoey CuiZhu, Ke Jiang, Peng Xia, Han Yu, Yufan Zhuang et al.' },
      { name: 'Published', value: '2026-08-20', inline: true },
      { name: 'On Daily Papers', value: '2026-08-21', inline: true },
      { name: 'Upvotes', value: '▲ 163', inline: true },
      { name: 'GitHub stars', value: '★ 8', inline: true },
      {
        name: 'Links',
        value: '[arXiv](https://arxiv.org/abs/2608.19880) · [Hugging Face](https://huggingface.co/papers/2608.19880) · ' +
          '[GitHub](https://github.com/google-research/envharness) · [Project page](https://envharness.com/)',
      },
    ]);
    expect(embed.footer).toEqual({ text: 'id 2608.19880' });
  });

  it('leaves out fields with nothing to show, and never sends an empty abstract', () => {
    const bare = formatPaperCard({ ...paper, published: '  ', featuredOn: undefined, upvotes: undefined, githubStars: undefined, authors: [], abstract: '' });
    expect(messageProblems(wire(bare))).toEqual([]);
    expect(bare.embeds[0]!.toJSON().fields!.map((field) => field.name)).toEqual(['Links']);
    expect(bare.embeds[0]!.toJSON().description).toBe('No abstract.');
  });

  it('carries a "Similar papers" button whose custom_id names the paper', () => {
    expect(formatPaperCard(paper).components.map((row) => row.toJSON())).toEqual([
      { type: 1, components: [{ type: 2, custom_id: 'similar:2608.19880', label: 'Similar papers', style: 2 }] },
    ]);
  });
});

describe('fitText: trims, then escapes, and never passes the limit', () => {
  it('trims at a word boundary and ends with an ellipsis', () => {
    expect(fitText('attention sinks in large language models', 24)).toBe('attention sinks in…');
  });

  it('stays within the limit when escaping doubles the text', () => {
    const stars = '*'.repeat(500);
    const fitted = fitText(stars, 100);
    expect(fitted.length).toBeLessThanOrEqual(100);
    expect(fitted).toMatch(/^(\\\*)+…$/);
  });

  it.each([
    ['@everyone look', '@\u200Beveryone look'],
    ['@here now', '@\u200Bhere now'],
    ['<@&123456789012345678> role', '\\<@&123456789012345678\\> role'],
    ['<@200000000000000002> user', '\\<@200000000000000002\\> user'],
    ['[click me](https://evil.example)', '\\[click me\\](https://evil.example)'],
    ['```js alert(1)```', '\\`\\`\\`js alert(1)\\`\\`\\`'],
    ['**bold** __under__ ~~strike~~ ||spoiler||', '\\*\\*bold\\*\\* \\_\\_under\\_\\_ \\~\\~strike\\~\\~ \\|\\|spoiler\\|\\|'],
    ['# heading', '\\# heading'],
    ['- list item', '\\- list item'],
    ['> quote', '\\> quote'],
    ['back\\slash', 'back\\\\slash'],
    ['dif\u200Bfusion \u202Eevil\u202C \u2066iso\u2069', 'diffusion evil iso'],
  ])('renders %j as plain text: %j', (raw, escaped) => {
    expect(fitText(raw, 200)).toBe(escaped);
  });

  it('keeps escaped line breaks in notices, and each line escaped', () => {
    expect(formatNotice('I have no paper called “@everyone”.\n• **x**').content).toBe('I have no paper called “@\u200Beveryone”.\n• \\*\\*x\\*\\*');
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://github.com/a/b', 'https://github.com/a/b'],
    ['https://example.org/x_(y)', 'https://example.org/x_%28y%29'],
    ['javascript:alert(1)', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%j → %j', (raw, safe) => {
    expect(safeUrl(raw)).toBe(safe);
  });
});

describe('button custom ids', () => {
  it('carry the longest search a paging button allows, for the longest user id, within 100 characters', () => {
    const state = { ownerId: '9'.repeat(20), offset: 99, limit: 25, query: 'q:'.repeat(SEARCH_QUERY_MAX_LENGTH / 2) };
    const id = searchPageId(state)!;
    expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(parseSearchPageId(id)).toEqual(state);
  });

  it('leave out the "Similar papers" button for a paper id too long to carry', () => {
    expect(similarId('x'.repeat(92))).toHaveLength(100);
    expect(similarId('x'.repeat(93))).toBeUndefined();
    expect(formatPaperCard({ ...longestTitle, id: 'x'.repeat(93) }).components).toEqual([]);
  });
});

describe('/help’s library line', () => {
  const library = (stats: Parameters<typeof formatHelp>[0], sources: Parameters<typeof formatHelp>[1]) =>
    formatHelp(stats, sources, [{ name: 'ask', description: 'Ask' }]).embeds[0]!.toJSON().fields![1]!.value;

  it.each([
    [{ papers: 9877, firstDate: '2024-05-23', lastDate: '2026-08-20', otherDates: [] }, ['hf-api', 'jsonl'], '9,877 papers from the Hugging Face Daily Papers API and arXiv listings (JSON Lines), listed 2024-05-23 to 2026-08-20.'],
    [{ papers: 17, firstDate: '2026-08-21', lastDate: '2026-08-21', otherDates: [] }, ['hf-api'], '17 papers from the Hugging Face Daily Papers API, listed 2026-08-21.'],
    [{ papers: 0, otherDates: [] }, [], '0 papers from nowhere yet.'],
  ] as const)('%j → %s', (stats, sources, line) => {
    expect(library({ ...stats, otherDates: [...stats.otherDates] }, new Set(sources))).toBe(line);
  });
});

describe('DISCORD_LIMITS', () => {
  it('names every limit the issue lists, with Discord’s values', () => {
    expect(DISCORD_LIMITS).toMatchObject({
      content: 2000, embedTitle: 256, embedDescription: 4096, fieldValue: 1024, fields: 25, embedTotal: 6000,
      embedsPerMessage: 10, choices: 25, buttonLabel: 80, customId: 100, choiceName: 100,
    });
  });
});

describe('the formatters', () => {
  it('are pure: no node: modules, no REST, no interactions, no commands (the only code that builds embeds)', () => {
    const folder = new URL('../adapters/discord/', import.meta.url);
    const formatters = readdirSync(folder).filter((name) => name.startsWith('format'));
    expect(formatters.length).toBeGreaterThanOrEqual(6);
    for (const name of formatters) {
      const source = readFileSync(new URL(name, folder), 'utf8');
      expect(source, name).not.toMatch(/from '(node:|\.\/(handlers|serve|start|register-commands)|\.\/commands\/)/);
      expect(source, name).not.toMatch(/\b(REST|Client)\b/);
    }
    const others = [...readdirSync(folder), ...readdirSync(new URL('commands/', folder)).map((name) => `commands/${name}`)]
      .filter((name) => name.endsWith('.ts') && !name.startsWith('format'));
    for (const name of others) expect(readFileSync(new URL(name, folder), 'utf8'), name).not.toMatch(/new EmbedBuilder|EmbedBuilder\.from/);
  });
});
