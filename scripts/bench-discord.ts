/**
 * Latency of the Discord adapter on the loopback fake: from injecting an `/ask` payload where the gateway would,
 * to the fake receiving the answer (the edit after the deferral). The real discord.js client, REST over loopback
 * HTTP and the real index: what remains is Discord's own network time. `npm run bench` calls `benchDiscord`;
 * `tsx scripts/bench-discord.ts` runs it alone on the shipped corpus.
 */
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PaperIndex } from '../src/paper-index.js';
import { TestBot } from '../test/fake-discord-bot.js';
import { chatInput } from '../test/fixtures/discord-payloads.js';

/**
 * One interaction starts at most every 50 ms. Each `/ask` makes two REST requests (deferral, edit), and
 * @discordjs/rest holds every request, interaction callbacks included, to 50 a second (`globalRequestsPerSecond`);
 * back to back, every 25th interaction waited ~0.4 s for the next second. At 20 a second the bench measures the
 * adapter, not that throttle.
 */
const PACE_MS = 50;

/** Runs each question once as `/ask` (after one warm-up) and returns the latency percentiles in ms. */
export async function benchDiscord(index: PaperIndex, questions: string[]): Promise<{ p50: number; p99: number }> {
  const bot = await TestBot.start(index);
  try {
    if (questions[0] !== undefined) await bot.run(chatInput('ask', { question: questions[0] }));
    const timings: number[] = [];
    for (const question of questions) {
      const started = performance.now();
      await bot.run(chatInput('ask', { question }));
      const elapsed = performance.now() - started;
      timings.push(elapsed);
      await sleep(Math.max(0, PACE_MS - elapsed));
    }
    return { p50: percentile(timings, 0.5), p99: percentile(timings, 0.99) };
  } finally {
    await bot.stop();
  }
}

/** Nearest-rank percentile, rounded to 0.1 ms. */
function percentile(values: number[], rank: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.ceil(rank * sorted.length) - 1)]!;
  return Math.round(value * 10) / 10;
}

async function main(): Promise<void> {
  const { loadCorpus, DEFAULT_CORPUS_PATH } = await import('../src/corpus/load.js');
  const { createPaperIndex } = await import('../src/create-paper-index.js');
  const papers = await loadCorpus(process.argv.slice(2).length > 0 ? process.argv.slice(2) : [DEFAULT_CORPUS_PATH]);
  const index = createPaperIndex(papers);
  // Questions made from the corpus's own titles: every one finds something to rank.
  const questions = papers.slice(0, 200).map((paper) => `what is ${paper.title.split(/\s+/).slice(0, 4).join(' ')}?`);
  const { p50, p99 } = await benchDiscord(index, questions);
  process.stdout.write(`discord /ask on the loopback fake, ${papers.length} papers, ${questions.length} questions: p50 ${p50} ms, p99 ${p99} ms\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
