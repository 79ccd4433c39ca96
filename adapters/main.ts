/**
 * `npm start`: reads the configuration once, opens the papers, then starts Discord when DISCORD_TOKEN is set,
 * Slack when SLACK_BOT_TOKEN is set (both in one process if both are), or else a terminal chat over the same
 * core, so that anyone can try paperbot with no tokens at all.
 */
import { existsSync } from 'node:fs';
import dotenv from 'dotenv';
import type { PaperIndex } from '../src/paper-index.js';
import { readDailyConfig } from '../src/digest/config.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { readCoreConfig } from '../src/config.js';
import { openLibrary } from '../src/library.js';
import { consoleLogger as log } from '../src/logger.js';
import { readDiscordConfig } from './discord/config.js';
import { startDiscord } from './discord/start.js';
import { readSlackConfig } from './slack/config.js';
import { startSlack } from './slack/start.js';
import { startTerminalChat } from './cli/chat.js';
import { exitWithError } from './cli/exit.js';

interface Running {
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const core = readCoreConfig(process.env);
  const discord = readDiscordConfig(process.env);
  const slack = readSlackConfig(process.env);
  const index = await openLibrary({
    corpusPaths: core.corpusPaths,
    cacheDir: core.cacheDir,
    onSkip: (file, record) => log.warn('Skipped a corpus record', { file, line: record.line, reason: record.reason }),
    onReady: (event) => log.info(`Index ${event.source}`, { papers: event.papers, milliseconds: Math.round(event.milliseconds) }),
  });
  addIngestedPapers(index, readDailyConfig(process.env).databasePath);
  if (!discord && !slack) return startTerminalChat(index);
  const running: Running[] = [];
  if (discord) running.push(await startDiscord(index, discord, log));
  if (slack) running.push(await startSlack(index, slack, log));
  stopOnSignals(running);
}

/** Papers brought in by `npm run ingest` live in the database, not in the corpus files: add them to the index. */
function addIngestedPapers(index: PaperIndex, databasePath: string): void {
  if (!existsSync(databasePath)) return;
  const store = openSqliteStore(databasePath);
  try {
    const { added, updated } = index.add(store.allPapers());
    if (added + updated > 0) log.info('Added ingested papers', { added, updated });
  } finally {
    store.close();
  }
}

/** SIGINT / SIGTERM: stop taking requests, let replies under way finish, disconnect, exit. */
function stopOnSignals(running: readonly Running[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('Shutting down', { signal });
    await Promise.allSettled(running.map((service) => service.stop()));
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  // A stray rejection must not end the bot; each adapter already answers its own errors.
  process.on('unhandledRejection', (reason) => log.error('Unhandled rejection', { reason: reason instanceof Error ? reason.message : String(reason) }));
}

main().catch(exitWithError);
