import { describe, expect, it } from 'vitest';
import { PaperLists } from '../src/search/paper-lists.js';

describe('lists of the papers that have a term', () => {
  it('keep each list ascending, whatever order papers are filed in, and each paper once', () => {
    const lists = new PaperLists();
    for (const paper of [3, 1, 7, 3, 5, 0]) lists.add(42, paper);
    expect([...lists.papersWith(42)]).toEqual([0, 1, 3, 5, 7]);
  });

  it('grow past the room reserved for them', () => {
    const lists = new PaperLists();
    lists.reserve(1, 2);
    for (let paper = 0; paper < 100; paper += 1) lists.add(1, paper);
    expect(lists.papersWith(1)).toHaveLength(100);
  });

  it('drop a paper that is removed, and ignore one that was never filed', () => {
    const lists = new PaperLists();
    for (const paper of [1, 2, 3]) lists.add(7, paper);
    lists.remove(7, 2);
    lists.remove(7, 9);
    lists.remove(8, 1);
    expect([...lists.papersWith(7)]).toEqual([1, 3]);
  });

  it('give an empty list for a term nothing was filed under', () => {
    expect(new PaperLists().papersWith(5)).toHaveLength(0);
  });
});
