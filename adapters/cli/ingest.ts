/**
 * `npm run ingest -- --date YYYY-MM-DD` fetches one day of Hugging Face Daily Papers into the database;
 * `npm run ingest -- --file PATH` imports a corpus file (page text, HF JSON, JSON Lines, .gz). Prints a summary:
 * added, updated, skipped with reasons. A running bot picks the new papers up at its next start or digest.
 */
import dotenv from 'dotenv';
import { SingleBar, Presets } from 'cli-progress';
import { z } from 'zod';
import { readDailyConfig } from '../../src/digest/config.js';
import { createHfClient, DEFAULT_HF_API_URL } from '../../src/ingest/hf-client.js';
import { isHfFetchError, type HfFetchError } from '../../src/ingest/hf-fetch-error.js';
import { UserError } from '../../src/errors.js';
import { ingestDay } from '../../src/ingest/ingest-day.js';
import { importFile } from '../../src/ingest/import-file.js';
import type { SkippedEntry } from '../../src/ingest/ingest-day.js';
import { openStore } from '../../src/store/open-store.js';
import { consoleLogger } from '../../src/logger.js';
import { exitWithError, UsageError } from './exit.js';
import { parseArguments } from './parse-arguments.js';
import type { Store } from '../../src/store/store.js';

const USAGE = 'usage: npm run ingest -- --date YYYY-MM-DD | --file PATH';
/** Said when `--date` alone is given but is not a calendar day ("yesterday", "2026-13-45"). */
const DATE_EXPECTED = '--date takes a calendar day as YYYY-MM-DD, e.g. 2026-08-20.';
/** Skip reasons shown in full; the rest are counted. */
const MAX_SKIPS_SHOWN = 20;

const Args = z.union([
  z.object({ date: z.iso.date(), file: z.undefined().optional() }),
  z.object({ file: z.string().min(1), date: z.undefined().optional() }),
]);

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const { values } = parseArguments({ options: { date: { type: 'string' }, file: { type: 'string' }, help: { type: 'boolean' } } }, USAGE);
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const args = Args.safeParse({ date: values.date, file: values.file });
  if (!args.success) throw new UsageError(values.date !== undefined && values.file === undefined ? `${DATE_EXPECTED}\n${USAGE}` : USAGE);
  const config = readDailyConfig(process.env);
  const store = await openStore(config, consoleLogger);
  try {
    if (args.data.date !== undefined) await runDate(args.data.date, store, config.hfApiUrl);
    else await runFile(args.data.file, store);
  } finally {
    await store.close();
  }
}

async function runDate(day: string, store: Store, hfApiUrl: string): Promise<void> {
  const report = await ingestDay(day, { hf: createHfClient({ baseUrl: hfApiUrl, logger: consoleLogger }), store }).catch((error: unknown) => {
    throw isHfFetchError(error) ? new UserError(fetchFailure(day, error, hfApiUrl)) : error;
  });
  printSummary(`${day}: ${report.papers.length} papers listed`, [report.added.length, report.updated.length, report.unchanged.length], report.skipped);
}

async function runFile(path: string, store: Store): Promise<void> {
  const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, hideCursor: true }, Presets.shades_classic) : undefined;
  const report = await importFile(path, {
    store,
    onProgress: (done, total) => (done === 0 ? bar?.start(total, 0) : bar?.update(done)),
  });
  bar?.stop();
  printSummary(`${path}: ${report.added + report.updated + report.unchanged} papers read`, [report.added, report.updated, report.unchanged], report.skipped);
}

/** A fetch that failed after its retries is the network's or Hugging Face's doing, not a fault to report: say what to check. */
function fetchFailure(day: string, error: HfFetchError, hfApiUrl: string): string {
  const host = new URL(hfApiUrl).host;
  const check = hfApiUrl === DEFAULT_HF_API_URL
    ? `check that this machine can reach ${host} (DNS, firewall, proxy), or try again later`
    : `check HF_API_URL (host ${host}) and that this machine can reach it, or try again later`;
  return `Could not fetch the Daily Papers of ${day} from ${host}: ${error.reason}. Nothing was stored; ${check}.`;
}

function printSummary(title: string, [added, updated, unchanged]: number[], skipped: readonly SkippedEntry[]): void {
  console.log(title);
  console.log(`  added ${added}, updated ${updated}, unchanged ${unchanged}, skipped ${skipped.length}`);
  for (const entry of skipped.slice(0, MAX_SKIPS_SHOWN)) console.log(`  skipped ${entry.ref}: ${entry.reason}`);
  if (skipped.length > MAX_SKIPS_SHOWN) console.log(`  … and ${skipped.length - MAX_SKIPS_SHOWN} more skipped`);
}

main().catch(exitWithError);
