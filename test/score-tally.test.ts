import { describe, expect, it } from 'vitest';
import { ScoreTally } from '../src/search/score-tally.js';

describe('a tally of what papers earn', () => {
  it('sums each paper\'s scores and hands back the best first', () => {
    const tally = new ScoreTally(10);
    tally.add(1, 1);
    tally.add(2, 3);
    tally.add(1, 2.5);
    tally.add(4, 0.5);
    expect(tally.best(10)).toEqual([1, 2, 4]);
  });

  it('keeps only as many as asked, the newest (highest id) first among equals', () => {
    const tally = new ScoreTally(10);
    for (const id of [2, 9, 5, 7]) tally.add(id, 1);
    tally.add(3, 2);
    expect(tally.best(3)).toEqual([3, 9, 7]);
  });

  it('ignores what earns nothing, and starts afresh after handing back the best', () => {
    const tally = new ScoreTally(10);
    tally.add(1, 0);
    tally.add(2, 1);
    expect(tally.best(5)).toEqual([2]);
    tally.add(3, 1);
    expect(tally.best(5)).toEqual([3]);
  });

  it('agrees with a full sort on many papers', () => {
    const tally = new ScoreTally(5000);
    const totals = new Map<number, number>();
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647);
    for (let i = 0; i < 20000; i += 1) {
      const id = next() % 5000;
      const score = (next() % 8) / 2;
      tally.add(id, score);
      if (score > 0) totals.set(id, (totals.get(id) ?? 0) + score);
    }
    const sorted = [...totals].sort(([a, x], [b, y]) => y - x || b - a).map(([id]) => id);
    expect(tally.best(100)).toEqual(sorted.slice(0, 100));
  });
});
