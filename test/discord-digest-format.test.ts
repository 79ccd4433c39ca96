import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedLength } from 'discord.js';
import { parseJsonLines } from '../src/corpus/json-lines.js';
import { buildDigest } from '../src/digest/build-digest.js';
import type { Digest, DigestEntry } from '../src/digest/digest.js';
import type { Paper } from '../src/types.js';
import { DISCORD_LIMITS } from '../adapters/discord/limits.js';
import { formatDigest } from '../adapters/discord/format-digest.js';
import { partMarker, partNonce, readMarker, NONCE_MAX_LENGTH } from '../adapters/discord/digest-marker.js';
import type { DiscordMessage } from '../adapters/discord/message.js';
import { messageProblems } from './fake-discord-limits.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/discord-longest-papers.json', import.meta.url), 'utf8')) as { records: unknown[] };
const [longestAbstract, longestTitle] = parseJsonLines(fixture.records.map((r) => JSON.stringify(r)).join('\n')).papers as [Paper, Paper];

const wire = (message: DiscordMessage) => ({ content: message.content, embeds: message.embeds.map((embed) => embed.toJSON()) });
const embedsOf = (messages: DiscordMessage[]) => messages.flatMap((message) => message.embeds.map((embed) => embed.toJSON()));
const LONG_URL = `https://github.com/${'a'.repeat(1900)}`;

/** 25 papers, each with the longest real title, the longest real abstract as its AI summary, and every link. */
function longestDay(): Paper[] {
  return Array.from({ length: 25 }, (_, i) => ({
    ...longestTitle, id: `2609.${String(10000 + i)}`, arxivId: `2609.${String(10000 + i)}`, upvotes: 500 - i,
    aiSummary: longestAbstract.abstract, githubRepo: 'https://github.com/org/repo', projectPage: 'https://example.org/project',
  }));
}

/** An entry built to be as long as each field allows, and hostile. */
function worstEntry(i: number): DigestEntry {
  return {
    paperId: `p${i}`, title: `@everyone <@&123> ${'*_'.repeat(200)}`, link: `https://arxiv.org/abs/2609.${10000 + i}`,
    summary: `[click](https://evil.example) ${'`#'.repeat(150)}`, upvotes: 99999,
    links: { arxiv: LONG_URL, huggingFace: LONG_URL, github: LONG_URL, projectPage: LONG_URL },
  };
}

describe('formatDigest: a 25-paper day of the longest real titles and abstracts', () => {
  const digest = buildDigest(longestDay(), { date: '2026-09-01', top: 25 });
  const messages = formatDigest(digest);

  it('splits across messages that each pass Discord’s limits (10 embeds, 6000 characters)', () => {
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(messageProblems(wire(message))).toEqual([]);
      expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
      expect(message.embeds.reduce((sum, embed) => sum + embedLength(embed.toJSON()), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      expect(message.allowedMentions).toEqual({ parse: [] });
    }
  });

  it('has a header with the date and the count, then every paper once, in order, title linked', () => {
    const [header, ...entries] = embedsOf(messages);
    expect(header).toMatchObject({ title: 'Daily papers · 2026-09-01', description: '25 papers on Hugging Face Daily Papers, most upvoted first.' });
    expect(entries).toHaveLength(25);
    entries.forEach((embed, i) => {
      expect(embed.title).toMatch(new RegExp(`^${i + 1}\\. `));
      expect(embed.url).toBe(`https://arxiv.org/abs/2609.${10000 + i}`);
    });
  });

  it('gives each paper its one-line summary, its upvotes and its links', () => {
    const first = embedsOf(messages)[1]!;
    const [summary, stats] = first.description!.split('\n');
    expect(summary!.length).toBeGreaterThan(200);
    expect(summary).toMatch(/…$/);
    expect(stats).toBe('▲ 500 · [arXiv](https://arxiv.org/abs/2609.10000) · [Hugging Face](https://huggingface.co/papers/2609.10000) · '
      + '[GitHub](https://github.com/org/repo) · [Project page](https://example.org/project)');
  });

  it('numbers the parts in each message’s last footer', () => {
    expect(messages.map((message) => message.embeds.at(-1)!.toJSON().footer?.text)).toEqual(
      messages.map((_, i) => `Part ${i + 1} of ${messages.length}`));
  });
});

describe('formatDigest at the edges', () => {
  it('fits 25 entries at every field’s maximum, escaped so nothing pings, links or formats', () => {
    const digest: Digest = { date: '2026-09-01', total: 80, filter: 'diffusion <@1>', entries: Array.from({ length: 25 }, (_, i) => worstEntry(i)) };
    const messages = formatDigest(digest, (part, parts) => partMarker('discord:1:2026-09-01', part, parts));
    for (const message of messages) expect(messageProblems(wire(message))).toEqual([]);
    const embeds = embedsOf(messages);
    expect(embeds).toHaveLength(26);
    expect(embeds[0]!.description).toBe('The 25 most upvoted of 80 papers matching “diffusion \\<@1\\>” on Hugging Face Daily Papers.');
    for (const embed of embeds.slice(1)) {
      expect(embed.title).toContain('@\u200Beveryone \\<@&123\\>');
      expect(embed.description).toMatch(/^\\\[click\\\]\(https:\/\/evil\.example\)/);
      // Each 1,919-character link would break the 1,000-character link room, so none is shown.
      expect(embed.description).toMatch(/\n▲ 99999$/);
    }
  });

  it('says so on a day with no papers, and on a day with none matching the filter', () => {
    const none = formatDigest({ date: '2026-09-05', total: 0, entries: [], empty: 'no-papers' });
    expect(embedsOf(none)).toEqual([expect.objectContaining({ title: 'Daily papers · 2026-09-05', description: expect.stringMatching(/^No new papers/) })]);
    const unmatched = formatDigest({ date: '2026-09-04', total: 0, entries: [], filter: 'robots', empty: 'no-matches' });
    expect(embedsOf(unmatched)[0]!.description).toBe('No paper this day matches “robots”. Without a filter, /daily shows the whole list.');
    expect(embedsOf(unmatched)[0]!.footer).toBeUndefined();
  });

  it('says, for /daily, why it shows the day it shows', () => {
    const day = (note: Digest['note'], fields: Partial<Digest> = {}) => embedsOf(formatDigest({ date: '2026-08-20', total: 0, entries: [], note, ...fields }))[0]!.description;
    expect(day({ kind: 'latest' }, { total: 1, entries: [worstEntry(0)] })).toBe('1 paper on Hugging Face Daily Papers, most upvoted first.\n'
      + 'The latest complete day (Hugging Face’s days end at midnight UTC), as in the daily digests.');
    expect(day({ kind: 'open' }, { empty: 'no-papers' })).toBe('No papers on Hugging Face Daily Papers this day yet.\n'
      + 'This day is not over: Hugging Face adds papers to it until midnight UTC, so the list may still grow.');
    expect(day({ kind: 'fallback', wanted: '2026-08-22', reason: 'empty' })).toMatch(
      /\nHugging Face lists no papers for 2026-08-22, the latest complete day \(weekends and holidays are quiet\): this is the latest day I have\.$/);
    expect(day({ kind: 'fallback', wanted: '2026-08-22', reason: 'unreachable' })).toMatch(/\nI could not fetch 2026-08-22, the latest complete day, from Hugging Face just now/);
  });
});

describe('digest markers', () => {
  it('hash the digest key into a nonce Discord accepts, different for each part', () => {
    const key = 'discord:1250000000000000001:2026-09-01';
    expect(partNonce(key, 1)).toHaveLength(NONCE_MAX_LENGTH);
    expect(partNonce(key, 1)).not.toBe(partNonce(key, 2));
    expect(partNonce(key, 1)).toBe(partNonce(key, 1));
  });

  it('put a footer that reads back as the same digest and part', () => {
    const marker = partMarker('discord:1:2026-09-01', 2, 3);
    expect(readMarker(marker)).toEqual({ ref: expect.stringMatching(/^[0-9a-f]{12}$/), part: 2, parts: 3 });
    expect(readMarker(marker)!.ref).not.toBe(readMarker(partMarker('discord:1:2026-09-02', 2, 3))!.ref);
    expect(readMarker('Part 1 of 2')).toBeUndefined();
  });
});
