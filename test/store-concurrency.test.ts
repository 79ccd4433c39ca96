import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Paper } from '../src/types.js';

const run = promisify(execFile);

const paper = (i: number): Paper => ({ id: `p${i}`, title: `Paper ${i}`, abstract: `Abstract ${i}.`, authors: [], source: 'jsonl' });

describe('the SQLite store beside another writer', () => {
  it('stores papers while another connection writes to the same file, without a "database is busy" failure', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'paperbot-concurrent-')), 'paperbot.sqlite');
    const store = openSqliteStore(path);
    const other = new Worker(new URL('./fixtures/store-writer.mjs', import.meta.url), { workerData: { path, milliseconds: 1500 } });
    const otherWrites = new Promise<number>((resolve, reject) => other.once('message', resolve).once('error', reject));
    await new Promise((resolve) => other.once('online', resolve));
    const failures: string[] = [];
    let stored = 0;
    for (const until = Date.now() + 1500; Date.now() < until; stored += 1) {
      try {
        store.upsertPapers([paper(stored)]);
      } catch (error) {
        failures.push(String(error));
      }
    }
    expect(await otherWrites).toBeGreaterThan(0);
    store.close();
    expect(failures.slice(0, 3)).toEqual([]);
    expect(stored).toBeGreaterThan(0);
  });
});

describe('claims by several processes on one database file', () => {
  it('are each won by exactly one process, however they race', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'paperbot-claims-')), 'paperbot.sqlite');
    openSqliteStore(path).close();
    const keys = 200;
    // Long enough for every racer to have started and opened the database.
    const env = { ...process.env, DATABASE_PATH: path, START_AT: String(Date.now() + 8000), KEYS: String(keys) };
    const racers = Array.from({ length: 4 }, () => run(process.execPath, ['--import', 'tsx', 'test/fixtures/claim-racer.ts'], { env }));
    const won = (await Promise.all(racers)).map(({ stdout }) => JSON.parse(stdout) as string[]);
    expect(won.flat().sort()).toEqual(Array.from({ length: keys }, (_, i) => `C${i}`).sort());
    // A race, not a queue: more than one process won some.
    expect(won.filter((keysWon) => keysWon.length > 0).length).toBeGreaterThan(1);
  });
});
