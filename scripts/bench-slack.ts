import { pathToFileURL } from 'node:url';
import type { PaperIndex } from '../src/paper-index.js';
import { DEFAULT_CORPUS_PATH, loadCorpus } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { startSlackBed } from '../test/fixtures/slack-bed.js';
import { BOT_USER, mentionEvent } from '../test/fixtures/slack-payloads.js';

/** Questions asked before measuring, so module loading and the first JIT passes are not counted. */
const WARM_UP = 5;

/**
 * Latency of the Slack adapter from a signed `app_mention` POST leaving the client to its `chat.postMessage`
 * reaching the loopback fake Web API: signature check, Bolt's routing, the core's answer, Block Kit and the
 * Web API call, all real. Questions go one at a time (latency, not throughput). Milliseconds.
 */
export async function benchSlack(index: PaperIndex, questions: string[]): Promise<{ p50: number; p99: number }> {
  if (questions.length === 0) throw new Error('benchSlack needs at least one question');
  const bed = await startSlackBed(index);
  try {
    for (const question of questions.slice(0, WARM_UP)) await ask(question);
    const latencies: number[] = [];
    for (const question of questions) latencies.push(await ask(question));
    latencies.sort((a, b) => a - b);
    return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
  } finally {
    await bed.stop();
  }

  async function ask(question: string): Promise<number> {
    const expected = bed.fake.calls.length + 1;
    const body = mentionEvent({ text: `<@${BOT_USER}> ${question}` });
    const sentAt = performance.now();
    await bed.event(body);
    const calls = await bed.fake.waitForCalls(expected);
    return calls[expected - 1]!.receivedAt - sentAt;
  }
}

/** The nearest-rank percentile of sorted values, to 0.1 ms. */
function percentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return Math.round(sorted[rank]! * 10) / 10;
}

// `npx tsx scripts/bench-slack.ts`: the seed corpus, a question made of the first words of each title.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const papers = await loadCorpus([DEFAULT_CORPUS_PATH]);
  const questions = papers.map((paper) => paper.title.split(/\s+/).slice(0, 5).join(' '));
  const { p50, p99 } = await benchSlack(createPaperIndex(papers), questions);
  process.stdout.write(`slack: event → chat.postMessage over ${questions.length} questions: p50 ${p50} ms, p99 ${p99} ms\n`);
}
