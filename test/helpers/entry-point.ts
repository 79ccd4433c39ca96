/** `npm start`'s entry point run as a process of its own, as a supervisor runs it, and what it logs. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port nothing listens on, for a server the bot opens. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The bot's process, and what it has logged so far. */
export interface RunningBot {
  child: ChildProcess;
  logs(): string;
  exited: Promise<number | null>;
  /** The SQLite database; its write-ahead log (`-wal`) is gone only when the store was closed. */
  databasePath: string;
}

/**
 * Starts the bot with a fresh data folder, no platform but what `settings` turn on, and these settings. Node
 * itself runs it, not npx: signals must reach the bot's own process.
 */
export async function startBot(dataDirPrefix: string, settings: Record<string, string>): Promise<RunningBot> {
  const dataDir = await mkdtemp(join(tmpdir(), dataDirPrefix));
  const databasePath = join(dataDir, 'paperbot.sqlite');
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: databasePath, DISCORD_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', ...settings };
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let logs = '';
  child.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, logs: () => logs, exited, databasePath };
}

/** The bot's exit code, or a sentence saying it was still running after `ms`. */
export function exitCodeWithin(bot: RunningBot, ms: number): Promise<number | null | string> {
  return Promise.race([bot.exited, sleep(ms).then(() => `still running after ${ms / 1000} s`)]);
}

/** Waits until the bot's log matches `pattern`; fails with the log after `ms`. */
export async function loggedWithin(bot: RunningBot, pattern: RegExp, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; !pattern.test(bot.logs()); await sleep(50)) {
    if (Date.now() > deadline) throw new Error(`nothing in the log matched ${pattern} after ${ms / 1000} s: ${bot.logs()}`);
  }
}
