import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperIndex } from '../src/paper-index.js';
import type { Paper } from '../src/types.js';
import { loadSeedIndex } from './helpers/seed.js';
import { loadCorpusFile } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';

/**
 * Ranking set over the shipped seed corpus (106 papers): query → expected first paper, with the reason.
 * These are not the eval questions; they pin down the mechanisms (stemming, short names, typos, prefixes).
 */
let index: PaperIndex;
beforeAll(async () => {
  index = await loadSeedIndex();
});

const topTitle = (query: string) => index.search(query).results[0]?.paper.title;
/** A paper of a small made-up corpus. */
const paper = (id: string, title: string, abstract: string): Paper => ({ id, title, abstract, authors: [], source: 'jsonl' });
/** Papers on other subjects, so that the words of a small corpus are not all in every paper. */
const otherSubjects = [
  paper('c', 'Retrieval for question answering', 'We retrieve passages to answer questions.'),
  paper('d', 'Image generation with diffusion', 'Diffusion models generate images from text.'),
];

describe('ranking', () => {
  it('finds a paper by the short name its title defines', () => {
    // "SPAM:" heads the title; the short-name field outranks every abstract that merely says "spike".
    expect(topTitle('SPAM')).toBe('SPAM: Spike-Aware Adam with Momentum Reset for Stable LLM Training');
  });

  it('finds a method name defined only in the abstract', () => {
    // "namely GarDiff" is in the abstract, not in the title.
    expect(topTitle('GarDiff')).toBe('Improving Virtual Try-On with Garment-focused Diffusion Models');
  });

  it('matches inflected forms through stemming', () => {
    // "sinks" / "sink", "emerging" / "emerges": the same stems as the title's words.
    expect(topTitle('attention sinks emerging in language models')).toBe('When Attention Sink Emerges in Language Models: An Empirical View');
  });

  it('tolerates typos in words the index does not know', () => {
    // "distilation" and "garmnet" are not in the vocabulary: fuzzy matching finds "distillation", "garment".
    expect(topTitle('one step diffusion distilation')).toBe('SNOOPI: Supercharged One-step Diffusion Distillation with Proper Guidance');
    expect(topTitle('garmnet virtual try-on')).toBe('Improving Virtual Try-On with Garment-focused Diffusion Models');
  });

  it('does not take a short unknown word for a typo of another one', () => {
    // "haze" is in no seed paper; one edit away are "gaze" and "maze", which have nothing to do with it.
    expect(index.search('haze').results).toEqual([]);
  });

  it('completes an unfinished last word by prefix', () => {
    // "TidalDec" is no word of the corpus: it is the start of "TidalDecode", typed as far as the person got.
    expect(topTitle('fast LLM decoding TidalDec')).toBe('TidalDecode: Fast and Accurate LLM Decoding with Position Persistent Sparse Attention');
    expect(topTitle('ClassDiff')).toBe('ClassDiffusion: More Aligned Personalization Tuning with Explicit Class Guidance');
  });

  it('finds a hyphenated compound written as one word', () => {
    // The abstract says "Margin-MSE"; people also type "marginmse".
    expect(topTitle('marginmse distillation')).toBe('Improving Efficient Neural Ranking Models with Cross-Architecture Knowledge Distillation');
  });

  it('counts a hyphenated compound as the one concept it is, not three words', () => {
    // "fine-tuning" is searched as "fine", "tune" and the joined "finetuning": at full weight, one typed concept
    // outweighed the two others the question asks about.
    const small = createPaperIndex([
      paper('a', 'Fine-tuning language models', 'We study fine-tuning of language models, and when fine-tuning helps them.'),
      paper('b', 'Pruning attention heads for translation', 'Pruning attention heads speeds up translation models at equal quality.'),
      ...otherSubjects,
    ]);
    expect(small.search('pruning heads with fine-tuning for translation').results[0]?.paper.id).toBe('b');
  });

  it('reads "what does X stand for?" as asking about X alone', () => {
    // "stand" is no topic here: searched for, it put a stand-up comedy paper above the one that defines the name.
    const small = createPaperIndex([
      paper('a', 'Compressing speech features', 'We propose O-VIB, an optimized variational information bottleneck (VIB) for speech.'),
      paper('b', 'Stand-up comedy with a VIB', 'Jokes written by a model trained with a VIB.'),
      ...otherSubjects,
    ]);
    for (const question of ['what does O-VIB stand for?', 'O-VIB is short for what?', 'the acronym for O-VIB?']) {
      expect(small.answer(question).results[0]?.paper.id, question).toBe('a');
    }
  });

  it('finds papers by author name', async () => {
    // Seed papers carry no authors (the page text has none), so this uses an API response that has them.
    const papers = await loadCorpusFile('../shared/corpus/hf-daily-samples/daily_papers_2026-08-20.json');
    const withAuthors = createPaperIndex(papers);
    const [first] = withAuthors.search('Xin Ding').results;
    expect(first?.paper.id).toBe('2608.16590');
    expect(first?.matchedTerms).toEqual(['Xin', 'Ding']);
    expect(first?.score).toBeGreaterThan(0);
  });

  it('finds nothing for a name no author has, rather than any paper', async () => {
    const papers = await loadCorpusFile('../shared/corpus/hf-daily-samples/daily_papers_2026-08-21.json');
    expect(createPaperIndex(papers).search('Xin Ding').results).toEqual([]);
  });

  it('finds the papers two people with common names share, however old', () => {
    // 1,000 papers by a Wang, newest last; only the first is also by a Li: it is far from Wang's newest.
    const papers: Paper[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `p${i}`, title: `Study ${i}`, abstract: `Result number ${i}.`, authors: i === 0 ? ['Wei Wang', 'Na Li'] : ['Wei Wang'], source: 'jsonl',
    }));
    const results = createPaperIndex(papers).search('Wang Li', { limit: 50 });
    expect(results.results[0]?.paper.id).toBe('p0');
    expect(results.results[0]?.matchedTerms).toEqual(['Wang', 'Li']);
  });

  it('forgets the authors a paper had before an update', async () => {
    const [paper] = await loadCorpusFile('../shared/corpus/hf-daily-samples/daily_papers_2026-08-20.json');
    const index = createPaperIndex([paper!]);
    const [firstAuthor] = paper!.authors;
    index.add([{ ...paper!, authors: ['Quentin Quokka'] }]);
    expect(index.search('Quokka').results[0]?.paper.id).toBe(paper!.id);
    expect(index.search(firstAuthor!).results).toEqual([]);
  });

  it('says why each paper matched, in the words the person typed', () => {
    const [first] = index.search('entropy collapse in transformer training').results;
    expect(first?.paper.title).toBe('Stabilizing Transformer Training by Preventing Attention Entropy Collapse');
    expect(first?.matchedTerms).toEqual(expect.arrayContaining(['entropy', 'collapse', 'transformer', 'training']));
    expect(first?.snippet.length).toBeLessThanOrEqual(220);
  });
});
