/**
 * `npm start`: reads the configuration once, opens the papers, then starts Discord when DISCORD_TOKEN is set,
 * Slack when SLACK_BOT_TOKEN is set (both in one process if both are) with the daily digests and their
 * scheduler, or else a terminal chat over the same core, so that anyone can try paperbot with no tokens at all.
 */
import { existsSync } from 'node:fs';
import dotenv from 'dotenv';
import type { PaperIndex } from '../src/paper-index.js';
import { readDailyConfig } from '../src/digest/config.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { openDailyPapers } from '../src/digest/daily-papers.js';
import { readCoreConfig, type CoreConfig } from '../src/config.js';
import { openLibrary } from '../src/library.js';
import { consoleLogger, type Logger } from '../src/logger.js';
import { createConsoleLogger } from '../src/log/console-logger.js';
import { readDiscordConfig } from './discord/config.js';
import { readSlackConfig } from './slack/config.js';
import { startBots } from './start-bots.js';
import { unusedSettings } from './unused-settings.js';
import { logReady } from './log-ready.js';
import { startTerminalChat } from './cli/chat.js';
import { exitWithError } from './cli/exit.js';
import { readOpsConfig, secretValues } from './ops/config.js';
import { startOperations } from './ops/operations.js';

/** The configured logger once LOG_LEVEL is read; the default until then. */
let log: Logger = consoleLogger;

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const opsConfig = readOpsConfig(process.env);
  log = createConsoleLogger({ level: opsConfig.logLevel, secrets: secretValues(process.env) });
  const core = readCoreConfig(process.env);
  const dailyConfig = readDailyConfig(process.env);
  const discord = readDiscordConfig(process.env);
  const slack = readSlackConfig(process.env);
  for (const warning of unusedSettings(process.env)) log.warn(warning);
  if (!discord && !slack) {
    if (opsConfig.health) log.warn('HEALTH_PORT is set but no bot token is: the terminal chat serves no health or metrics endpoint');
    // Papers brought in by `npm run ingest` live in the database: the chat reads them, and never creates one.
    const store = existsSync(dailyConfig.databasePath) ? openSqliteStore(dailyConfig.databasePath) : undefined;
    const index = await openPapers(core, store).finally(() => store?.close());
    return startTerminalChat(index);
  }
  const ops = await startOperations(opsConfig, { discord, slack }, log);
  const store = openSqliteStore(dailyConfig.databasePath);
  // From here on a signal closes what is open so far: a start can take minutes (a first build, Slack retrying).
  shutDown = async () => {
    ops.stopping();
    store.close();
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  const index = await openPapers(core, store).catch((error: unknown) => {
    store.close();
    throw error;
  });
  ops.indexLoaded(index);
  const daily = openDailyPapers(dailyConfig, { index, logger: log, store, ...ops.dailyHooks });
  // A token refused while running (the app token on reconnecting, the bot token on a reply; revoked, say) cannot
  // come back without a person and a restart: say so, shut down as on SIGTERM, and exit non-zero so that a
  // supervisor notices, instead of running on deaf or mute (adapters/slack/start.ts).
  const onCredentialsRefused = (error: Error) => {
    log.error(error.message);
    void stop('credentials refused', 1);
  };
  const bots = await startBots(index, { discord, slack }, daily, log, onCredentialsRefused, ops).catch((error: unknown) => {
    // The bots already up are disconnected; the store is closed before the error ends the process.
    daily.close();
    throw error;
  });
  shutDown = async () => {
    // /healthz says so at once: a supervisor or load balancer stops sending work while replies finish.
    ops.stopping();
    await bots.stop();
    daily.close();
    await ops.close();
  };
  // A stray rejection must not end the bot; each adapter already answers its own errors.
  process.on('unhandledRejection', (reason) => log.error('Unhandled rejection', { reason: reason instanceof Error ? reason.message : String(reason) }));
}

/** The corpus with the papers stored in the database, if any. */
function openPapers(core: CoreConfig, store: Store | undefined): Promise<PaperIndex> {
  return openLibrary({
    corpusPaths: core.corpusPaths,
    cacheDir: core.cacheDir,
    storedPapers: store,
    onSkip: (file, record) => log.warn('Skipped a corpus record', { file, line: record.line, reason: record.reason }),
    onReady: (event) => logReady(event, log),
  });
}

/** What stopping closes: the store while the bots start, then the bots and the store. */
let shutDown: () => Promise<void> = async () => {};
let stopping = false;

/** SIGINT / SIGTERM (exit code 0) or a refused token (1): stop taking requests, let replies under way finish, disconnect, exit. */
async function stop(reason: string, exitCode = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info('Shutting down', { reason });
  await shutDown();
  process.exit(exitCode);
}

main().catch(exitWithError);
