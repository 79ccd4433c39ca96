import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { SearchEngine } from '../src/search/search-engine.js';
import { analyze } from '../src/search/analyzer.js';
import type { PaperIndex } from '../src/paper-index.js';
import type { Paper } from '../src/types.js';

/**
 * In corpora of 5,000 papers or more, words found in over 0.5% of abstracts are kept out of minisearch and
 * counted by the re-ranker instead; candidates come from plain lists of the papers that have them. Words found in
 * one abstract only are kept out of minisearch too. These tests lower the thresholds so that the 106-paper seed
 * takes those paths.
 */
const TUNING = { commonTermShare: 0.1, commonMinDocuments: 50, listedTermShare: 0.5 };
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

  it('finds a paper by common words that are in its abstract only, not in its title', () => {
    const question = 'teacher and student scores in an application domain';
    const terms = analyze(question);
    expect(terms.every((term) => engine.isCommon(term))).toBe(true);
    const top = index.answer(question).results[0]!.paper;
    expect(top.title).toBe('Improving Efficient Neural Ranking Models with Cross-Architecture Knowledge Distillation');
    expect(analyze(top.title).filter((term) => terms.includes(term))).toEqual([]);
  });

  it('finds a paper by a word that is in its abstract and nowhere else', () => {
    expect(engine.documentFrequency('sigmareparam')).toBe(1);
    expect(index.answer("what's sigmaReparam?").results[0]?.paper.title).toBe('Stabilizing Transformer Training by Preventing Attention Entropy Collapse');
  });

  it('keeps title lists right through live additions and updates', () => {
    const paper: Paper = { id: 'quokka-attention', title: 'Attention Models for Quokka Counting', abstract: 'We count quokkas.', authors: [], source: 'jsonl' };
    expect(matchesAfterAddAndUpdate(paper, 'attention models')).toEqual([{ upvotes: 3 }]);
  });

  it('keeps the lists of papers with a common word right through live additions and updates', () => {
    const paper: Paper = { id: 'quokka-counting', title: 'Quokka Counting', abstract: 'A teacher and a student score each application domain.', authors: [], source: 'jsonl' };
    expect(matchesAfterAddAndUpdate(paper, 'teacher and student scores in an application domain')).toEqual([{ upvotes: 3 }]);
  });

  it('saves and restores which words are common', () => {
    const restored = createPaperIndex(papers, SearchEngine.load(engine.toJSON(), TUNING));
    expect(restored.answer('attention models')).toEqual(index.answer('attention models'));
    expect(restored.answer('attention sink')).toEqual(index.answer('attention sink'));
    expect(restored.answer('teacher and student scores in an application domain')).toEqual(index.answer('teacher and student scores in an application domain'));
    expect(restored.answer("what's sigmaReparam?")).toEqual(index.answer("what's sigmaReparam?"));
  });
});

/** Adds `paper` to a live index, then an update of it with 3 upvotes: the upvotes of each match for `question`. */
function matchesAfterAddAndUpdate(paper: Paper, question: string): { upvotes: number | undefined }[] {
  const live = createPaperIndex(papers, SearchEngine.build(papers, TUNING));
  live.add([paper]);
  live.add([{ ...paper, upvotes: 3 }]);
  return live.answer(question).results.filter((match) => match.paper.id === paper.id).map((match) => ({ upvotes: match.paper.upvotes }));
}
