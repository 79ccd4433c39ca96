import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Paper } from '../src/types.js';

const paper = (i: number): Paper => ({ id: `p${i}`, title: `Paper ${i}`, abstract: `Abstract ${i}.`, authors: [], source: 'jsonl' });

describe('the SQLite store beside another writer', () => {
  it('stores papers while another connection writes to the same file, without a "database is busy" failure', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'paperbot-concurrent-')), 'paperbot.sqlite');
    const store = await openSqliteStore(path);
    const other = new Worker(new URL('./fixtures/store-writer.mjs', import.meta.url), { workerData: { path, milliseconds: 1500 } });
    const otherWrites = new Promise<number>((resolve, reject) => other.once('message', resolve).once('error', reject));
    await new Promise((resolve) => other.once('online', resolve));
    const failures: string[] = [];
    let stored = 0;
    for (const until = Date.now() + 1500; Date.now() < until; stored += 1) {
      try {
        await store.upsertPapers([paper(stored)]);
      } catch (error) {
        failures.push(String(error));
      }
    }
    expect(await otherWrites).toBeGreaterThan(0);
    await store.close();
    expect(failures.slice(0, 3)).toEqual([]);
    expect(stored).toBeGreaterThan(0);
  });
});
