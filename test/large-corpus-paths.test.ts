import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { SearchEngine } from '../src/search/search-engine.js';
import type { PaperIndex } from '../src/paper-index.js';
import type { Paper } from '../src/types.js';

/**
 * In corpora of 5,000 papers or more, words found in over 0.5% of abstracts are kept out of minisearch's abstract
 * postings and counted by the re-ranker instead, and questions made only of such words find candidates through
 * title lists. These tests lower the thresholds so that the 106-paper seed takes those paths.
 */
const TUNING = { commonTermShare: 0.1, commonMinDocuments: 50 };
let papers: Paper[];
let engine: SearchEngine;
let index: PaperIndex;
beforeAll(async () => {
  papers = await loadCorpus([DEFAULT_CORPUS_PATH]);
  engine = SearchEngine.build(papers, TUNING);
  index = createPaperIndex(papers, engine);
});

describe('a corpus large enough to have common words', () => {
  it('has them: "attention", "model" and "learn" are in more than a tenth of the abstracts', () => {
    // Index terms are stems: "attention" is "attent".
    expect(['attent', 'model', 'learn'].map((term) => engine.isCommon(term))).toEqual([true, true, true]);
    expect(engine.isCommon('sink')).toBe(false);
  });

  it('still ranks by the common words too: the re-ranker counts them from the term sequences', () => {
    expect(index.answer('attention sink').results[0]?.paper.title).toMatch(/Attention Sink/);
    expect(index.answer('attention sink').results[0]?.matchedTerms).toEqual(['attention', 'sink']);
  });

  it('answers a question made only of common words from the titles that have them', () => {
    const titles = index.answer('attention models').results.map((match) => match.paper.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles[0]).toMatch(/attention/i);
  });

  it('keeps title lists right through live additions and updates', () => {
    const live = createPaperIndex(papers, SearchEngine.build(papers, TUNING));
    const paper: Paper = { id: 'quokka-attention', title: 'Attention Models for Quokka Counting', abstract: 'We count quokkas.', authors: [], source: 'jsonl' };
    live.add([paper]);
    live.add([{ ...paper, upvotes: 3 }]);
    const found = live.answer('attention models').results.filter((match) => match.paper.id === 'quokka-attention');
    expect(found).toHaveLength(1);
    expect(found[0]!.paper.upvotes).toBe(3);
  });

  it('saves and restores which words are common', () => {
    const restored = createPaperIndex(papers, SearchEngine.load(engine.toJSON()));
    expect(restored.answer('attention models')).toEqual(index.answer('attention models'));
    expect(restored.answer('attention sink')).toEqual(index.answer('attention sink'));
  });
});
