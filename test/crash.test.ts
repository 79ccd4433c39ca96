import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { freshPgDatabase, POSTGRES_URL } from './helpers/postgres.js';
import type { TestDatabase } from './store-contract.js';

/** The loopback platform: keeps every message with its digest key, and finds them again. */
interface Message { channelId: string; digestKey: string; messageId: string }
const messages: Message[] = [];
let server: Server;
let platformUrl: string;
const dir = mkdtempSync(join(tmpdir(), 'paperbot-crash-'));
const driver = fileURLToPath(new URL('crash-driver.ts', import.meta.url));
/** The morning after the sample's day: its digest, of the 20th, is due. */
const NOW = '2026-08-21T09:00:30Z';
const CHANNELS = ['C1', 'C2'];
/** The lease of the drivers' claims: short, so that the restart need not wait for the crashed process's to end. */
const LEASE_MS = 300;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://platform');
    if (req.method === 'GET') {
      const found = messages.find((m) => m.channelId === url.searchParams.get('channelId') && m.digestKey === url.searchParams.get('digestKey'));
      res.end(JSON.stringify({ messageId: found?.messageId ?? null }));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { channelId, digestKey } = JSON.parse(body) as { channelId: string; digestKey: string };
      const messageId = `ts-${messages.length + 1}`;
      messages.push({ channelId, digestKey, messageId });
      res.end(JSON.stringify({ messageId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  platformUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the driver; with `crashAt`, SIGKILLs it as soon as it reports that step. Resolves with its output. */
function runBot(database: Record<string, string>, crashAt: string): Promise<{ output: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', driver], {
      env: { ...process.env, ...database, PLATFORM_URL: platformUrl, NOW, CRASH_AT: crashAt, LEASE_MS: String(LEASE_MS) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`STEP ${crashAt} `)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ output, killed: signal === 'SIGKILL' });
      else reject(new Error(`driver exited ${code}: ${errors}`));
    });
  });
}

/** What the restarted bot must do for C1 (the channel it crashed on) and C2 (not reached before the crash). */
const AFTER_RESTART: Record<string, { sent: string[]; recovered: string[] }> = {
  // Intent written, nothing sent: the platform has no such message, so it is sent now.
  intent: { sent: ['slack:C1:2026-08-20', 'slack:C2:2026-08-20'], recovered: [] },
  // Sent but not marked: found on the platform by its key and marked, not sent again.
  sent: { sent: ['slack:C2:2026-08-20'], recovered: ['slack:C1:2026-08-20'] },
  marked: { sent: ['slack:C2:2026-08-20'], recovered: [] },
};

const BACKENDS: { name: string; freshDatabase: (name: string) => Promise<TestDatabase> }[] = [
  { name: 'SQLite', freshDatabase: async (name) => {
    const path = join(dir, `${name}.sqlite`);
    return { open: () => openSqliteStore(path), env: { DATABASE_PATH: path }, drop: async () => {} };
  } },
  ...(POSTGRES_URL ? [{ name: 'PostgreSQL', freshDatabase: () => freshPgDatabase() }] : []),
];

for (const backend of BACKENDS) {
  describe(`crash at each step of posting, on ${backend.name}`, () => {
    for (const crashAt of Object.keys(AFTER_RESTART)) {
      it(`after "${crashAt}": a restart posts every channel's digest exactly once`, async () => {
        const database = await backend.freshDatabase(crashAt);
        const setup = await database.open();
        for (const channelId of CHANNELS) await setup.subscribe({ platform: 'slack', channelId, time: '09:00', timezone: 'UTC', top: 5, onEmptyDay: 'note' });
        await setup.close();

        const crashed = await runBot(database.env, crashAt);
        expect(crashed.killed).toBe(true);
        expect(crashed.output).not.toContain('DONE');
        // The crashed process's claim on C1 has lapsed by the time the restarted one starts.
        await new Promise((resolve) => setTimeout(resolve, LEASE_MS));
        const restarted = await runBot(database.env, 'none');
        const report: unknown = JSON.parse(/^DONE (.*)$/m.exec(restarted.output)?.[1] ?? 'null');
        expect(report).toMatchObject(AFTER_RESTART[crashAt]!);

        const store = await database.open();
        for (const channelId of CHANNELS) {
          const key = `slack:${channelId}:2026-08-20`;
          const posted = messages.filter((m) => m.digestKey === key);
          expect(posted, `${key} posted once`).toHaveLength(1);
          expect(await store.posting(key)).toMatchObject({ status: 'sent', messageId: posted[0]?.messageId });
        }
        await store.close();
        await database.drop();
        messages.length = 0;
      });
    }
  });
}
