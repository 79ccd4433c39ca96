import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHfDailyPapers } from '../src/corpus/hf-api.js';
import { buildDigest, DIGEST_SUMMARY_MAX, oneLineSummary } from '../src/digest/build-digest.js';
import { searchWithin } from '../src/digest/search-within.js';
import type { Paper } from '../src/types.js';
import { loadSample } from './fake-hf.js';

const day20 = parseHfDailyPapers(loadSample('2026-08-20'), '2026-08-20');
const day2024 = parseHfDailyPapers(loadSample('2024-04-03'), '2024-04-03');
const golden = JSON.parse(readFileSync(new URL('fixtures/digest-2026-08-20-top3.json', import.meta.url), 'utf8')) as unknown;

describe('buildDigest', () => {
  it('lists the most upvoted papers first, with header data, links and a one-line summary (golden)', () => {
    expect(buildDigest(day20, { date: '2026-08-20', top: 3 })).toEqual(golden);
  });

  it('counts every paper of the day but lists only `top`, clamped to 1–25', () => {
    expect(buildDigest(day20, { date: '2026-08-20', top: 5 })).toMatchObject({ total: 15, entries: { length: 5 } });
    expect(buildDigest(day20, { date: '2026-08-20', top: 0 }).entries).toHaveLength(1);
    expect(buildDigest([...day20, ...day2024], { date: 'x', top: 99 }).entries).toHaveLength(25);
  });

  it('keeps the API order for equal upvotes', () => {
    const twelve = buildDigest(day20, { date: '2026-08-20', top: 25 }).entries.filter((e) => e.upvotes === 12);
    expect(twelve.map((e) => e.paperId)).toEqual(['2608.18746', '2608.18701', '2608.18423', '2608.13947']);
  });

  it('says "no papers" for an empty day', () => {
    expect(buildDigest([], { date: '2026-08-22', top: 10 })).toEqual({ date: '2026-08-22', total: 0, entries: [], empty: 'no-papers' });
  });

  it('with a filter lists only matching papers, by upvotes then score, and says "no matches" when none', () => {
    const search = searchWithin(day20);
    const digest = buildDigest(day20, { date: '2026-08-20', top: 10, filter: 'agent', search });
    expect(digest.total).toBeGreaterThan(0);
    expect(digest.total).toBeLessThan(15);
    const upvotes = digest.entries.map((e) => e.upvotes ?? 0);
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
    expect(buildDigest(day20, { date: '2026-08-20', top: 10, filter: 'zebrafish', search })).toMatchObject({ total: 0, empty: 'no-matches' });
  });

  it('breaks upvote ties with the filter score', () => {
    const tied = day20.map((paper) => ({ ...paper, upvotes: 1 }));
    const search = searchWithin(tied);
    const ranked = search('agent').map((m) => m.paper.id);
    expect(buildDigest(tied, { date: 'd', top: 25, filter: 'agent', search }).entries.map((e) => e.paperId)).toEqual(ranked);
  });

  it('ignores matches from outside the day', () => {
    const search = searchWithin([...day20, ...day2024]);
    const ids = new Set(day2024.map((p) => p.id));
    expect(buildDigest(day20, { date: 'd', top: 25, filter: 'model', search }).entries.some((e) => ids.has(e.paperId))).toBe(false);
  });
});

describe('oneLineSummary', () => {
  const base: Paper = { id: 'x', title: 'T', abstract: 'First we show $\\ell_2$ bounds, e.g. tight ones. Then more.', authors: [], source: 'hf-api' };

  it('prefers the AI summary', () => {
    expect(oneLineSummary({ ...base, aiSummary: 'A short\nsummary.' })).toBe('A short summary.');
  });

  it('else takes the first sentence, cleaned for display', () => {
    expect(oneLineSummary(base)).toBe('First we show ℓ2 bounds, e.g. tight ones.');
  });

  it('is never longer than DIGEST_SUMMARY_MAX', () => {
    expect(oneLineSummary({ ...base, abstract: 'word '.repeat(500) }).length).toBeLessThanOrEqual(DIGEST_SUMMARY_MAX);
  });
});
