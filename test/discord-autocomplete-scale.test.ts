import { createReadStream, readFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonLines } from '../src/corpus/json-lines.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import type { PaperIndex } from '../src/paper-index.js';
import type { Paper } from '../src/types.js';
import { TestBot } from './fake-discord-bot.js';
import { autocomplete } from './fixtures/discord-payloads.js';

/**
 * A slice of the real arXiv cs corpus. The whole 74,728 papers take ~90 s and 1.2 GB to index on our shared
 * 2-core machine, too much for a unit test; measured by hand on the full index, every prefix below completed
 * in at most 121 ms (the first call sorts the titles), most under 2 ms.
 */
const CORPUS = '/work/shared/corpus/arxiv-cs-daily.jsonl.gz';
const SLICE = 10_000;
const DEADLINE_MS = 3000;

async function firstRecords(path: string, count: number): Promise<Paper[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: createReadStream(path).pipe(createGunzip()) });
  for await (const line of reader) {
    lines.push(line);
    if (lines.length === count) break;
  }
  reader.close();
  return parseJsonLines(lines.join('\n')).papers;
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/discord-longest-papers.json', import.meta.url), 'utf8')) as { records: unknown[] };
const longest = parseJsonLines(fixture.records.map((r) => JSON.stringify(r)).join('\n')).papers;

let index: PaperIndex;
let bot: TestBot;
beforeAll(async () => {
  index = createPaperIndex([...(await firstRecords(CORPUS, SLICE)), ...longest]);
  bot = await TestBot.start(index);
});
afterAll(() => bot.stop());

const typed = ['', 'a', 'learn', 'large language models for', 'Towards', 'diffusion transformer', 'zzzzqx', '<@&1> @everyone', 'x'.repeat(6000)];

describe(`title autocomplete on ${SLICE.toLocaleString('en-US')} real arXiv papers`, () => {
  it.each(typed.map((text) => [text.length > 40 ? `${text.slice(0, 20)}… (${text.length} chars)` : JSON.stringify(text), text]))(
    'typing %s: within 3 s, at most 25 choices, names of 1-100 characters, each value exactly one paper',
    async (_, text) => {
      const started = performance.now();
      const reply = await bot.run(autocomplete('paper', { title: text }, 'title'));
      expect(performance.now() - started).toBeLessThan(DEADLINE_MS);
      const choices = reply.data.choices as { name: string; value: string }[];
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(new Set(choices.map((choice) => choice.value)).size).toBe(choices.length);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThanOrEqual(1);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(index.paper(choice.value)?.id).toBe(choice.value);
      }
      expect(bot.fake.rejected).toEqual([]);
    },
  );

  it('offers a full 25 for a common prefix', async () => {
    const reply = await bot.run(autocomplete('similar', { title: 'a' }, 'title'));
    expect(reply.data.choices).toHaveLength(25);
  });

  it('cuts the longest real title (226 characters) to 100 at a word, with an ellipsis, and its value still finds it', async () => {
    const paper = longest.reduce((a, b) => (b.title.length > a.title.length ? b : a));
    const reply = await bot.run(autocomplete('paper', { title: paper.title.slice(0, 60) }, 'title'));
    const choice = (reply.data.choices as { name: string; value: string }[]).find((c) => c.value === paper.id)!;
    expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choice.name.length).toBeGreaterThan(80);
    expect(choice.name.endsWith('…')).toBe(true);
    expect(index.paper(choice.value)).toBe(paper);
  });
});
