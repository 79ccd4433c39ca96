/**
 * `node --import tsx scripts/bench/start-with-store.ts [--corpus PATH]... [--postgres]`: how long `npm start` takes to
 * serve with a year of Hugging Face daily papers in its database (9,877), beside the seed corpus or the corpus given;
 * the database is SQLite, or PostgreSQL with `--postgres` (see `bench-database.ts`). Each start
 * is a fresh process opening the library as adapters/main.ts does: the first builds the corpus index; the second
 * loads it and adds every stored paper, as every start did before snapshots (both save a snapshot); the third
 * starts from the snapshot, and the fourth does too after one more day was ingested. Prints one line per start.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { DEFAULT_CORPUS_PATH } from '../../src/corpus/load.js';
import { importFile } from '../../src/ingest/import-file.js';
import { openLibrary, type ReadyEvent } from '../../src/library.js';
import { openStore } from '../../src/store/open-store.js';
import { benchDatabase, locationOf } from './bench-database.js';
import { removeCacheFiles } from '../../src/library/saved-index.js';
import { settledMemory } from './settled-memory.js';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const YEAR = `${SHARED}corpus/hf-daily-papers.jsonl.gz`;
const ONE_MORE_DAY = `${SHARED}corpus/hf-daily-samples/daily_papers_2026-08-21.json`;

interface StartReport {
  /** From this process's start to the index being ready. */
  startMs: number;
  ready: Omit<ReadyEvent, 'phases'>;
  /** Once garbage is collected and freed pages are returned (as scripts/bench/serve.ts reads it). */
  rssMiB: number;
  peakRssMiB: number;
}

const { values } = parseArgs({ options: { corpus: { type: 'string', multiple: true }, serve: { type: 'string' }, database: { type: 'string' }, postgres: { type: 'boolean' } } });
const corpusPaths = values.corpus ?? [DEFAULT_CORPUS_PATH];
if (values.serve !== undefined && values.database !== undefined) await serveOnce(values.serve, values.database);
else await compareStarts();

async function compareStarts(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'paperbot-start-with-store-'));
  const cacheDir = join(work, 'cache');
  const bench = await benchDatabase(values.postgres ? 'postgres' : 'sqlite');
  const database = bench.argument;
  await importInto(database, YEAR);
  const line = (label: string, report: StartReport) => {
    const { ready } = report;
    const stored = ready.stored;
    process.stdout.write(`${label}: ${(report.startMs / 1000).toFixed(2)} s to ready (library ${(ready.milliseconds / 1000).toFixed(2)} s), ${ready.papers} papers, source ${ready.source}` +
      `, snapshot ${stored?.snapshot ?? '-'}, added ${JSON.stringify(stored?.summary)}, saved ${stored?.snapshotSaved ?? '-'}; RSS ${Math.round(report.rssMiB)} / peak ${Math.round(report.peakRssMiB)} MiB\n`);
  };
  line('first start: builds the corpus index, adds every stored paper, saves a snapshot', await start(cacheDir, database));
  await removeCacheFiles(cacheDir, (file) => /\.r\d+\./.test(file));
  line('start from the corpus index (as before snapshots): adds every stored paper, saves a snapshot', await start(cacheDir, database));
  line('start from the snapshot', await start(cacheDir, database));
  await importInto(database, ONE_MORE_DAY);
  line('start from the snapshot after one more day was ingested', await start(cacheDir, database));
  await bench.remove();
}

async function importInto(database: string, file: string): Promise<void> {
  const store = await openStore(locationOf(database));
  try {
    await importFile(file, { store });
  } finally {
    await store.close();
  }
}

async function start(cacheDir: string, database: string): Promise<StartReport> {
  const script = fileURLToPath(import.meta.url);
  const corpora = corpusPaths.flatMap((path) => ['--corpus', path]);
  // As `npm start` runs (package.json), plus --expose-gc to measure memory after a collection.
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...corpora, '--serve', cacheDir, '--database', database], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as StartReport;
}

/** One start, as `npm start` opens the library; prints its report as JSON. */
async function serveOnce(cacheDir: string, database: string): Promise<void> {
  const store = await openStore(locationOf(database));
  let ready: ReadyEvent | undefined;
  const index = await openLibrary({ corpusPaths, cacheDir, storedPapers: store, onReady: (event) => (ready = event) });
  const startMs = performance.now();
  await store.close();
  const memory = await settledMemory();
  // Asked after the memory is read, so that the index is still alive then.
  index.answer('attention sinks');
  const { phases: _phases, ...rest } = ready!;
  const report: StartReport = { startMs, ready: rest, rssMiB: memory.rss / 2 ** 20, peakRssMiB: process.resourceUsage().maxRSS / 2 ** 10 };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
