import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHfClient } from '../src/ingest/hf-client.js';
import { ingestDay, type IngestDeps } from '../src/ingest/ingest-day.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import type { Paper } from '../src/types.js';
import { loadSample, startFakeHf, type FakeHf } from './fake-hf.js';

let hf: FakeHf;
let store: Store;
let indexed: Paper[][];
let deps: IngestDeps;
beforeEach(async () => {
  hf = await startFakeHf();
  store = await openSqliteStore(':memory:');
  indexed = [];
  deps = {
    hf: createHfClient({ baseUrl: hf.url, sleep: async () => {} }),
    store,
    index: { add: (papers) => (indexed.push([...papers]), { added: papers.length, updated: 0, unchanged: 0 }) },
  };
});
afterEach(async () => {
  await store.close();
  await hf.close();
});

/** A deep copy of a sample day, to edit. */
function sample(day: string): Record<string, Record<string, unknown>>[] {
  return structuredClone(loadSample(day)) as Record<string, Record<string, unknown>>[];
}

describe('ingestDay', () => {
  it('stores a day and feeds the live index', async () => {
    const report = await ingestDay('2026-08-20', deps);
    expect(report.added).toHaveLength(15);
    expect(report.skipped).toEqual([]);
    expect(await store.papersListedOn('2026-08-20')).toHaveLength(15);
    expect(indexed).toHaveLength(1);
    expect(report.papers[0]).toMatchObject({ id: '2608.16590', upvotes: 92, featuredOn: '2026-08-20', source: 'hf-api' });
  });

  it('maps the 2024 shape too (no AI summary, no featured timestamp)', async () => {
    const report = await ingestDay('2024-04-03', deps);
    expect(report.papers).toHaveLength(11);
    expect(report.papers[0]).toMatchObject({ id: '2404.02078', upvotes: 31, featuredOn: '2024-04-03' });
    expect(report.papers[0]?.aiSummary).toBeUndefined();
  });

  it('updates upvotes on re-ingest and adds nothing twice', async () => {
    await ingestDay('2026-08-20', deps);
    const day = sample('2026-08-20');
    day[0]!.paper!.upvotes = 500;
    hf.days.set('2026-08-20', day);
    const again = await ingestDay('2026-08-20', deps);
    expect(again).toMatchObject({ added: [], updated: ['2608.16590'] });
    expect(again.unchanged).toHaveLength(14);
    expect((await store.papersChangedSince()).papers).toHaveLength(15);
    expect(indexed[1]?.find((p) => p.id === '2608.16590')?.upvotes).toBe(500);
    expect(indexed[1]).toHaveLength(15);
  });

  it('tolerates missing optional fields and skips an entry missing a required one, with the reason', async () => {
    const day = sample('2026-08-21');
    for (const key of ['ai_summary', 'ai_keywords', 'githubRepo', 'projectPage', 'upvotes', 'submittedOnDailyAt']) delete day[0]!.paper![key];
    delete day[1]!.paper!.title;
    hf.days.set('2026-08-21', day);
    const report = await ingestDay('2026-08-21', deps);
    expect(report.added).toHaveLength(16);
    expect(report.skipped).toEqual([{ ref: '2608.18580', reason: expect.stringMatching(/^paper\.title: /) }]);
    // Listed under the day asked for, whatever dates the entry carries.
    expect((await store.papersListedOn('2026-08-21')).map((p) => p.id)).toContain('2608.19880');
    expect(report.papers[0]).toMatchObject({ id: '2608.19880', title: expect.any(String) });
    expect(report.papers[0]?.upvotes).toBeUndefined();
  });

  it('treats a day of nothing but malformed entries as a failed fetch, not an empty day', async () => {
    hf.days.set('2026-08-21', [{ paper: { id: 'x' } }, { nonsense: true }]);
    await expect(ingestDay('2026-08-21', deps)).rejects.toThrow(/all 2 entries malformed/);
    expect((await store.papersChangedSince()).papers).toEqual([]);
  });

  it('reports a day with no papers as empty', async () => {
    const report = await ingestDay('2026-08-22', deps);
    expect(report).toMatchObject({ papers: [], added: [], skipped: [] });
    expect(indexed).toEqual([]);
  });

  it('stores nothing when the fetch fails', async () => {
    hf.faults.push(...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 502 })));
    await expect(ingestDay('2026-08-20', deps)).rejects.toThrow(/HTTP 502/);
    expect((await store.papersChangedSince()).papers).toEqual([]);
  });
});
