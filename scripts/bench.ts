/**
 * `npm run bench`: speed and memory of the core and the adapters, printed as one markdown table and (but for
 * `--quick`) written to scripts/bench-results.md. The full run indexes the seed + 74,728 arXiv abstracts (a few minutes);
 * `--quick` uses the seed only; `--scales` adds 10,000 and 40,000 papers, for the growth figures in the README.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEFAULT_CORPUS_PATH, loadCorpus } from '../src/corpus/load.js';
import { openLibrary } from '../src/library.js';
import { readQuestions } from './eval-metrics.js';
import { generatePrefixes, generateQueries } from './bench/queries.js';
import type { ServeJob, ServeReport } from './bench/serve.js';
import { benchDiscord } from './bench-discord.js';
import { benchSlack } from './bench-slack.js';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const ARXIV = `${SHARED}corpus/arxiv-cs-daily.jsonl.gz`;
const INGEST_DAY = `${SHARED}corpus/hf-daily-samples/daily_papers_2026-08-21.json`;
const RESULTS = fileURLToPath(new URL('./bench-results.md', import.meta.url));
const GENERATED_QUERIES = 1000;
const ADAPTER_QUESTIONS = 200;

const args = new Set(process.argv.slice(2));
const work = await mkdtemp(join(tmpdir(), 'paperbot-bench-'));
const devQuestions = readQuestions(`${SHARED}eval/dev.jsonl`).map((q) => q.q);
/** Long questions in chat voice, the blind sets' (scripts/chat-questions-*.jsonl), timed as a class of their own. */
const CHAT_SETS = ['chat-questions-seed.jsonl', 'chat-questions-arxiv.jsonl'].map((file) => fileURLToPath(new URL(`./${file}`, import.meta.url)));
const chatQuestions = CHAT_SETS.flatMap((path) => readQuestions(path).map((q) => q.q));

interface Scale {
  label: string;
  corpusPaths: string[];
}

const scales = await chooseScales();
const rows: { scale: Scale; build: ServeReport; serve: ServeReport }[] = [];
for (const scale of scales) {
  process.stderr.write(`bench: ${scale.label}…\n`);
  const papers = await loadCorpus(scale.corpusPaths);
  const job: ServeJob = {
    corpusPaths: scale.corpusPaths,
    cacheDir: join(work, `cache-${rows.length}`),
    queries: [...devQuestions, ...generateQueries(papers, GENERATED_QUERIES)],
    chatQuestions,
    prefixes: generatePrefixes(papers, GENERATED_QUERIES),
    ingestFile: INGEST_DAY,
  };
  // The same job twice: a first start, which builds and saves the index, then a start from the saved index.
  const build = await serve(job);
  rows.push({ scale, build, serve: await serve(job) });
}
const adapters = await benchAdapters(scales.at(-1)!, join(work, `cache-${rows.length - 1}`));
const table = renderTable();
process.stdout.write(`${table}\n`);
// The quick run (CI's) only checks that the bench works; the README's figures come from a full run.
if (!args.has('--quick')) await writeFile(RESULTS, `${table}\n`);

async function chooseScales(): Promise<Scale[]> {
  const seed: Scale = { label: 'seed', corpusPaths: [DEFAULT_CORPUS_PATH] };
  if (args.has('--quick')) return [seed];
  const full: Scale = { label: 'seed + arXiv cs', corpusPaths: [DEFAULT_CORPUS_PATH, ARXIV] };
  if (!args.has('--scales')) return [full];
  const arxiv = await loadCorpus([ARXIV]);
  const subset = async (size: number): Promise<Scale> => {
    const path = join(work, `arxiv-${size}.jsonl`);
    const lines = arxiv.slice(0, size).map((p) => JSON.stringify({ id: p.id, title: p.title, abstract: p.abstract, published: p.published, authors: p.authors }));
    await writeFile(path, `${lines.join('\n')}\n`);
    return { label: `seed + ${size.toLocaleString('en-US')} arXiv`, corpusPaths: [DEFAULT_CORPUS_PATH, path] };
  };
  return [await subset(10_000), await subset(40_000), full];
}

async function serve(job: ServeJob): Promise<ServeReport> {
  const jobFile = join(work, `job-${Date.now()}.json`);
  await writeFile(jobFile, JSON.stringify(job));
  const script = fileURLToPath(new URL('./bench/serve.ts', import.meta.url));
  // As `npm start` runs (package.json), plus --expose-gc to measure memory after a collection.
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', script, jobFile], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as ServeReport;
}

async function benchAdapters(scale: Scale, cacheDir: string) {
  const index = await openLibrary({ corpusPaths: scale.corpusPaths, cacheDir });
  const questions = [...devQuestions, ...generateQueries(index.papers(), ADAPTER_QUESTIONS)].slice(0, ADAPTER_QUESTIONS);
  return { discord: await benchDiscord(index, questions), slack: await benchSlack(index, questions), questions: questions.length };
}

/**
 * "33 s: 2.4 + 17.1 + 9.2 s", with "+ 3.5 s" more for loading when a child process built the index (the rest is
 * starting processes), or the total alone when the phases are unknown.
 */
function buildTimes(build: ServeReport): string {
  const seconds = (value: number) => (value / 1000).toFixed(1);
  const { phases } = build;
  if (!phases) return `${seconds(build.startMs)} s`;
  const steps = [phases.read, phases.index, phases.save, ...(phases.load === undefined ? [] : [phases.load])];
  return `${seconds(build.startMs)} s: ${steps.map(seconds).join(' + ')} s`;
}

/** "517 / 858 MiB": settled and peak RSS of a serving process, and the peak of the child that built its index. */
function rss(report: ServeReport): string {
  const child = report.childPeakRssMiB === undefined ? '' : ` (child: ${Math.round(report.childPeakRssMiB)} MiB)`;
  return `${Math.round(report.rssMiB)} / ${Math.round(report.peakRssMiB)} MiB${child}`;
}

function renderTable(): string {
  const cpu = cpus();
  const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`);
  const triple = (p: { p50: number; p95: number; p99: number }) => `${p.p50} / ${p.p95} / ${p.p99}`;
  const lines = [
    `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    'RSS settled: after the queries, once garbage is collected and freed pages are returned (a bot between questions); peak: the most at any moment, loading included.',
    'First start: the serving process builds the index, or has a child process build and save it and then loads it (+ load); the child\'s peak is its own.',
    `Queries: the ${devQuestions.length} dev questions + ${GENERATED_QUERIES} generated from titles and abstracts (seed ${'20261127'}); chat: the ${chatQuestions.length} questions of the chat-voice sets; latencies in ms, p50 / p95 / p99.`,
    '',
    '| corpus | papers | first start: read + index + save (+ load) | first start: RSS settled / peak (child peak) | start → ready (saved index) | RSS settled / peak | heap | answer | answer, chat | search | suggest | ingest one day |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(({ scale, build, serve: s }) =>
      `| ${scale.label} | ${s.papers.toLocaleString('en-US')} | ${buildTimes(build)} | ${rss(build)} | ${ms(s.startMs)} | ${rss(s)} | ${Math.round(s.heapMiB)} MiB | ${triple(s.answer)} | ${triple(s.chat)} | ${triple(s.search)} | ${triple(s.suggest)} | ${ms(s.ingestDayMs)} (${s.ingestDayPapers} papers) |`),
    '',
    `Adapters on loopback fakes, ${rows.at(-1)!.serve.papers.toLocaleString('en-US')} papers, ${adapters.questions} questions (ms, p50 / p99): Discord \`/ask\` interaction → reply ${adapters.discord.p50} / ${adapters.discord.p99}; Slack mention → \`chat.postMessage\` ${adapters.slack.p50} / ${adapters.slack.p99}.`,
  ];
  return lines.join('\n');
}
