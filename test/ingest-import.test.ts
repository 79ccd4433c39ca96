import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../src/ingest/import-file.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { SAMPLES_DIR } from './fake-hf.js';

const dir = mkdtempSync(join(tmpdir(), 'paperbot-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('importFile', () => {
  it('imports an HF API file, lists it under its featured day, and reports progress', async () => {
    const store = await openSqliteStore(':memory:');
    const progress: number[] = [];
    const path = fileURLToPath(new URL('daily_papers_2026-08-21.json', SAMPLES_DIR));
    const report = await importFile(path, { store, onProgress: (done) => progress.push(done) });
    expect(report).toMatchObject({ added: 17, updated: 0, unchanged: 0, skipped: [] });
    expect(progress).toEqual([0, 17]);
    expect(await store.papersListedOn('2026-08-21')).toHaveLength(17);
    expect((await importFile(path, { store })).unchanged).toBe(17);
    await store.close();
  });

  it('imports gzipped JSON Lines and skips bad lines with their reason', async () => {
    const store = await openSqliteStore(':memory:');
    const lines = [
      JSON.stringify({ id: '2401.00001', title: 'A title', abstract: 'An abstract.', authors: ['A'] }),
      '{"id": "2401.00002", "title": ',
      JSON.stringify({ id: '2401.00003', title: 'Another', abstract: 'More.' }),
    ];
    const path = join(dir, 'small.jsonl.gz');
    writeFileSync(path, gzipSync(lines.join('\n')));
    const indexed: string[] = [];
    const report = await importFile(path, { store, index: { add: (papers) => (indexed.push(...papers.map((p) => p.id)), { added: 0, updated: 0, unchanged: 0 }) } });
    expect(report).toMatchObject({ added: 2, skipped: [{ ref: 'line 2', reason: expect.any(String) }] });
    expect(indexed).toEqual(['2401.00001', '2401.00003']);
    await store.close();
  });

  it('fails with the file name when the file is missing', async () => {
    const store = await openSqliteStore(':memory:');
    await expect(importFile(join(dir, 'nope.jsonl'), { store })).rejects.toThrow(/nope\.jsonl: file not found/);
    await store.close();
  });
});
