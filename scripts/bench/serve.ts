/**
 * The bench's serving process: a fresh Node process that opens the library as `npm start` does (building the
 * index on a first start, loading the saved one after), then measures start-up, query latency, one more day of
 * ingestion and memory, and prints one JSON line. Run by scripts/bench.ts; not meant to be run by hand.
 */
import { readFileSync } from 'node:fs';
import { openLibrary, type ReadyEvent } from '../../src/library.js';
import { loadCorpusFile } from '../../src/corpus/load.js';
import type { PaperIndex } from '../../src/paper-index.js';
import { percentiles, type Percentiles } from './percentile.js';
import { settledMemory } from './settled-memory.js';

export interface ServeReport {
  papers: number;
  source: 'loaded' | 'built';
  /** From this process's start to the index answering its first question. */
  startMs: number;
  /** For a first start, which built the index: reading, indexing and saving (ms), and loading what a child saved. */
  phases?: ReadyEvent['phases'];
  /** For an index built in a child process: the child's peak resident memory. */
  childPeakRssMiB?: number;
  answer: Percentiles;
  /** `answer` for long questions in chat voice (the chat-questions sets). */
  chat: Percentiles;
  search: Percentiles;
  suggest: Percentiles;
  ingestDayMs: number;
  ingestDayPapers: number;
  /** Resident memory once garbage is collected and the freed pages are returned, as a bot idles between questions. */
  rssMiB: number;
  /** The most resident memory at any moment, loading included. */
  peakRssMiB: number;
  heapMiB: number;
}

export interface ServeJob {
  corpusPaths: string[];
  cacheDir: string;
  queries: string[];
  /** Long questions in chat voice, timed apart from `queries`. */
  chatQuestions: string[];
  prefixes: string[];
  ingestFile: string;
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ServeJob;
let ready: ReadyEvent | undefined;
const index = await openLibrary({ corpusPaths: job.corpusPaths, cacheDir: job.cacheDir, onReady: (event) => (ready = event) });
const source = ready?.source ?? 'built';
index.answer(job.queries[0] ?? 'attention');
const startMs = performance.now();

const time = (work: () => unknown): number => {
  const started = performance.now();
  work();
  return performance.now() - started;
};
const measure = (run: (query: string) => unknown, inputs: readonly string[]): Percentiles => {
  for (const input of inputs.slice(0, 20)) run(input);
  return percentiles(inputs.map((input) => time(() => run(input))));
};
const safely = (run: (index: PaperIndex, query: string) => unknown) => (query: string) => {
  try {
    run(index, query);
  } catch {
    // A generated query of nothing but stop words is refused like a person's would be; its time still counts.
  }
};

const answer = measure(safely((i, q) => i.answer(q)), job.queries);
const chat = measure(safely((i, q) => i.answer(q)), job.chatQuestions);
const search = measure(safely((i, q) => i.search(q)), job.queries);
const suggest = measure((prefix) => index.suggestTitles(prefix), job.prefixes);
const papers = index.stats().papers;
const day = await loadCorpusFile(job.ingestFile);
const ingestDayMs = time(() => index.add(day));
const memory = await settledMemory();
const report: ServeReport = {
  papers,
  source,
  startMs,
  phases: ready?.phases,
  childPeakRssMiB: ready?.child && ready.child.peakRssBytes / 2 ** 20,
  answer,
  chat,
  search,
  suggest,
  ingestDayMs,
  ingestDayPapers: day.length,
  rssMiB: memory.rss / 2 ** 20,
  peakRssMiB: process.resourceUsage().maxRSS / 2 ** 10,
  heapMiB: memory.heapUsed / 2 ** 20,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
