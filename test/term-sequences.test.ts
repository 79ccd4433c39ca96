import { describe, expect, it } from 'vitest';
import { TermSequences } from '../src/search/term-sequences.js';

const ids = (...values: number[]) => Uint32Array.from(values);

describe('TermSequences: every paper as term ids in one buffer', () => {
  it('grows as papers are added, and gives each paper its own title and abstract back', () => {
    const store = new TermSequences();
    for (let id = 0; id < 5000; id += 1) store.set(id, { title: ids(id), abstract: ids(id, id + 1, id + 2) });
    expect(store.count).toBe(5000);
    expect(store.get(4321)).toEqual({ title: ids(4321), abstract: ids(4321, 4322, 4323) });
  });

  it('replaces a paper without disturbing its neighbours', () => {
    const store = new TermSequences();
    store.set(0, { title: ids(1), abstract: ids(2) });
    store.set(1, { title: ids(3), abstract: ids(4) });
    store.set(0, { title: ids(5, 6), abstract: ids(7, 8, 9) });
    expect(store.get(0)).toEqual({ title: ids(5, 6), abstract: ids(7, 8, 9) });
    expect(store.get(1)).toEqual({ title: ids(3), abstract: ids(4) });
  });

  it('saves without the room left by replacements, and loads back the same sequences', () => {
    const store = new TermSequences();
    store.set(0, { title: ids(1, 2), abstract: ids(3) });
    store.set(1, { title: ids(), abstract: ids(4, 5) });
    store.set(0, { title: ids(6), abstract: ids() });
    const packed = store.toPacked();
    expect(Array.from(packed)).toEqual([2, 1, 0, 0, 2, 6, 4, 5]);
    const loaded = TermSequences.fromPacked(packed);
    loaded.set(2, { title: ids(7), abstract: ids(8) });
    expect([0, 1, 2].map((id) => loaded.get(id))).toEqual([
      { title: ids(6), abstract: ids() },
      { title: ids(), abstract: ids(4, 5) },
      { title: ids(7), abstract: ids(8) },
    ]);
  });
});
