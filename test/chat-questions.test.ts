import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../src/types.js';
import type { PaperIndex } from '../src/paper-index.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { SearchEngine } from '../src/search/search-engine.js';
import { withTopicShares } from '../src/search/query-weights.js';
import { parseQuestion } from '../src/search/question.js';
import { splitSentences } from '../src/answer/sentences.js';
import { RANKING } from '../src/search/rerank.js';
import { loadSeedIndex } from './helpers/seed.js';

/**
 * A corpus of a realistic size for everyday words: the seed, 4,000 more abstracts made of its sentences (so topic
 * words keep their shares while everyday words stay as rare as in real abstracts), and one paper that uses the
 * everyday words a chat question wraps its topic in.
 */
async function largeCorpus(): Promise<Paper[]> {
  const seed = (await loadSeedIndex()).papers();
  const sentences = seed.flatMap((paper) => splitSentences(paper.abstract));
  let state = 7;
  const next = () => (state = (state * 48271) % 2147483647) % sentences.length;
  const filler = Array.from({ length: 4000 }, (_, i): Paper => ({
    id: `filler-${i}`, title: `Filler ${i}`, abstract: [next(), next(), next()].map((at) => sentences[at]).join(' '), authors: [], source: 'jsonl',
  }));
  const chatty: Paper = {
    id: 'memories', title: 'Honestly Remembered: Stuff People Say About What Matters', authors: [], source: 'jsonl',
    abstract: 'Honestly, people remember stuff that matters to them so much; we asked why, and kept what they said.',
  };
  return [...seed, ...filler, chatty];
}

let papers: Paper[];
let index: PaperIndex;
beforeAll(async () => {
  papers = await largeCorpus();
  index = createPaperIndex(papers);
});

describe('a long question in chat voice', () => {
  it('is ranked by its few topic words, not by the everyday words around them', () => {
    const question = 'honestly I remember reading some stuff about why the temperature matters so much in the contrastive loss, what was it?';
    expect(index.search(question).results[0]?.paper.title).toBe('Understanding the Behaviour of Contrastive Loss');
  });

  it('finds the paper it describes, with a greeting and thanks around it', () => {
    const chatty = 'hey, quick question. we need to delete some copyrighted stuff from our LLM but we only kept the data to forget, not the rest. is there an unlearning method that works with just that? thanks in advance!';
    expect(index.search(chatty).results[0]?.paper.title).toBe('LLM Unlearning via Loss Adjustment with Only Forget Data');
  });
});

describe('how much each question word counts as a topic word', () => {
  let engine: SearchEngine;
  beforeAll(() => {
    engine = SearchEngine.build(papers);
  });
  const shares = (question: string) => new Map(withTopicShares(parseQuestion(question).words, engine, RANKING.everydayOdds).map((w) => [w.word, w.share]));

  it('everyday words keep little of their weight; the words papers use keep nearly all', () => {
    const share = shares('honestly the contrastive loss stuff');
    expect(share.get('honestly')).toBeLessThan(0.2);
    expect(share.get('stuff')).toBeLessThan(0.2);
    expect(share.get('contrastive')).toBeGreaterThan(0.9);
  });

  it('a word typed as a name keeps all of it, whatever it means in English ("CORAL", "SOFA", "GPT4")', () => {
    const share = shares('what is CORAL, SOFA or GPT4 for?');
    expect([share.get('CORAL'), share.get('SOFA'), share.get('GPT4')]).toEqual([1, 1, 1]);
  });

  it('a plain number is mostly chat ("in 2023", "12 weeks")', () => {
    expect(shares('stuff from 2023').get('2023')).toBeLessThan(0.5);
  });
});
