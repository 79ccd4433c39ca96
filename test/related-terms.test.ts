import { describe, expect, it } from 'vitest';
import type { Paper } from '../src/types.js';
import { SearchEngine } from '../src/search/search-engine.js';
import { findRelatedTerms } from '../src/search/related-terms.js';
import { RANKING, rerank, type Candidate } from '../src/search/rerank.js';

const paper = (id: number, title: string, abstract: string): Paper => ({ id: `p${id}`, title, abstract, authors: [], source: 'jsonl' });

/** Three papers say "haze" and "dehazing" together; filler papers make both words rare in the corpus. */
const papers: Paper[] = [
  paper(0, 'Dehazing outdoor photos', 'Haze hides detail; dehazing networks restore contrast in hazy scenes.'),
  paper(1, 'A haze benchmark', 'We collect haze images and compare dehazing methods on them.'),
  paper(2, 'Physics of haze', 'Haze scatters light; dehazing must model the atmosphere.'),
  paper(3, 'Weather restoration', 'A dehazing and deraining transformer restores images.'),
  paper(4, 'Graph transformers', 'A transformer for molecules.'),
  ...Array.from({ length: 40 }, (_, i) => paper(10 + i, `Filler ${i}`, `Graph learning benchmark number ${i} for node classification.`)),
];
const engine = SearchEngine.build(papers);
const words = (terms: string[]) => terms.map((term) => ({ term }));
const candidatesFor = (terms: string[]): Candidate[] =>
  engine.search({ queries: terms, combineWith: 'OR' }).map((hit) => ({ id: hit.id as number, terms: hit.terms, match: hit.match }));

describe('findRelatedTerms', () => {
  it('relates a rare query word to the words its papers keep company with', () => {
    // "dehaz" is in every paper that says "haze", and rare elsewhere: the best stand-in for it.
    const related = findRelatedTerms(['haze'], engine, { ...RANKING, relatedMaxShare: 0.1 });
    expect(related[0]).toEqual({ term: 'dehaz', queryIndex: 0 });
  });

  it('leaves words too common to have a telling company alone', () => {
    // "benchmark" is in most papers: its company is the whole corpus, not a topic.
    expect(findRelatedTerms(['benchmark'], engine, { ...RANKING, relatedMaxShare: 0.1 })).toEqual([]);
  });

  it('needs a few papers with the word before trusting its company', () => {
    // "deraining" is in one paper only: anything it shares is chance.
    expect(findRelatedTerms(['derain'], engine, { ...RANKING, relatedMaxShare: 0.1 })).toEqual([]);
  });

  it('does not offer the question\'s own words', () => {
    const related = findRelatedTerms(['haze', 'dehaz'], engine, { ...RANKING, relatedMaxShare: 0.1 });
    expect(related.map((r) => r.term)).not.toContain('dehaz');
    expect(related.map((r) => r.term)).not.toContain('haze');
  });
});

describe('rerank with related words', () => {
  const weights = { ...RANKING, relatedMaxShare: 0.1 };
  const ranked = (terms: string[]) => rerank(candidatesFor(terms), words(terms), engine, weights).map((hit) => papers[hit.id]!.title);

  it('ranks first the paper that says the question in its own words', () => {
    // No paper has both "haze" and "transformer"; the one with "dehazing" and "transformer" covers both.
    expect(ranked(['haze', 'transform'])[0]).toBe('Weather restoration');
  });

  it('says a paper matched only the words it has, not those it was ranked by through related words', () => {
    const terms = ['haze', 'transform'];
    const top = rerank(candidatesFor(terms), words(terms), engine, weights)[0]!;
    expect(papers[top.id]!.title).toBe('Weather restoration');
    expect(top.matched).toEqual([false, true]);
  });

  it('adds no related words when a paper already has every word of the question', () => {
    // "Dehazing outdoor photos" has both words: the question is in the paper's own words already.
    const terms = ['haze', 'photo'];
    expect(rerank(candidatesFor(terms), words(terms), engine, weights)).toEqual(rerank(candidatesFor(terms), words(terms), engine, { ...weights, relatedPerTerm: 0 }));
  });
});
