import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperIndex } from '../src/paper-index.js';
import { UserError } from '../src/errors.js';
import { MAX_QUESTION_LENGTH } from '../src/search/question.js';
import { loadSeedIndex } from './helpers/seed.js';

let index: PaperIndex;
beforeAll(async () => {
  index = await loadSeedIndex();
});

describe('answer(question)', () => {
  it('quotes the sentence that answers the question, verbatim, cited to its paper', () => {
    const answer = index.answer('what is an attention sink?');
    expect(answer.answer?.paper.title).toMatch(/Attention Sink/);
    expect(answer.answer?.paperId).toBe(answer.answer?.paper.id);
    expect(answer.answer?.paper.abstract).toContain(answer.answer?.text.split(' ').slice(0, 6).join(' '));
    expect(answer.results.length).toBeGreaterThanOrEqual(3);
  });

  it('quotes a sentence with a number when a quantity is asked for', () => {
    const answer = index.answer('how many loss functions were compared on TopoMortar?');
    expect(answer.answer?.text).toContain('We compared eight loss functions on TopoMortar');
  });

  it('quotes the defining sentence when asked what something is', () => {
    const answer = index.answer("what's SparsePO?");
    expect(answer.answer?.text).toMatch(/we propose|SparsePO/i);
  });

  it('lists at most `limit` papers, ten by default', () => {
    expect(index.answer('attention').results).toHaveLength(10);
    expect(index.answer('attention', { limit: 3 }).results).toHaveLength(3);
    expect(index.answer('attention', { limit: 500 }).results.length).toBeLessThanOrEqual(50);
  });

  it('suggests titles instead of an answer when nothing matches', () => {
    const answer = index.answer('quantum chromodynamics lattice');
    expect(answer.answer).toBeNull();
    expect(answer.results).toEqual([]);
    expect(Array.isArray(answer.suggestions)).toBe(true);
  });
});

describe('questions that cannot be searched', () => {
  const unusable: [string, string, RegExp][] = [
    ['empty', '', /ask a question/],
    ['only white space', ' \t\n ', /ask a question/],
    ['only stop words', 'what is the of and', /no words to search|could not find any words/],
    ['only emoji', '🤖🔥📄', /could not find any words/],
    ['too long', 'attention '.repeat(1200), new RegExp(`under ${MAX_QUESTION_LENGTH.toLocaleString('en-US')}`)],
  ];
  it.each(unusable)('%s gets a clear reason, as a UserError', (_, question, reason) => {
    expect(() => index.answer(question)).toThrow(UserError);
    expect(() => index.answer(question)).toThrow(reason);
  });

  const searchable: [string, string][] = [
    ['control characters', 'attention\u0000\u0007 sink\u202e'],
    ['zero-width characters inside words', 'atten\u200btion si\u200dnk'],
    ['regex metacharacters', 'attention.*sink (+?) [a-z]$ ^\\d'],
    ['another script', '注意力 シンク attention sink'],
    ['emoji around words', '🔥 attention sink 🤖'],
  ];
  it.each(searchable)('%s still search the words that are there', (_, question) => {
    const answer = index.answer(question);
    expect(answer.results[0]?.paper.title).toMatch(/Attention Sink/i);
    expect(answer.question).not.toMatch(/[\u0000-\u001f\u202e]/);
  });
});

describe('paper(idOrTitle)', () => {
  it('finds a paper by id, by exact title in any case, and by title with other punctuation', () => {
    const byId = index.paper('spam-spike-aware-adam-with-momentum-reset-for-stable-llm-training');
    expect(byId?.title).toBe('SPAM: Spike-Aware Adam with Momentum Reset for Stable LLM Training');
    expect(index.paper('spam: spike-aware adam with momentum reset for stable llm training')).toBe(byId);
    expect(index.paper('SPAM Spike Aware Adam with Momentum Reset for Stable LLM Training')).toBe(byId);
    expect(index.paper('no such paper')).toBeUndefined();
    expect(index.paper('   ')).toBeUndefined();
  });
});

describe('similar(paper)', () => {
  it('lists papers on the same topic, never the paper itself', () => {
    const spam = index.paper('SPAM: Spike-Aware Adam with Momentum Reset for Stable LLM Training')!;
    const similar = index.similar(spam.id, { limit: 5 });
    expect(similar).toHaveLength(5);
    expect(similar.map((m) => m.paper.id)).not.toContain(spam.id);
    // FRUGAL is the other optimizer-state paper of the seed.
    expect(similar.slice(0, 3).map((m) => m.paper.title)).toContainEqual(expect.stringMatching(/^FRUGAL/));
  });

  it('weighs what the paper is about, not any one shared word: the contrastive-loss paper lists contrastive-loss papers', () => {
    const contrastive = index.paper('Understanding the Behaviour of Contrastive Loss')!;
    const titles = index.similar(contrastive.id, { limit: 3 }).map((m) => m.paper.title);
    expect(titles).toEqual([expect.stringMatching(/Contrastive/), expect.stringMatching(/Contrastive/), expect.stringMatching(/Contrastive/)]);
  });

  it('says why each matched in the words the paper writes, not in index terms ("attention", not "attent")', () => {
    const sink = index.paper('When Attention Sink Emerges in Language Models: An Empirical View')!;
    const words = index.similar(sink.id, { limit: 5 }).flatMap((match) => match.matchedTerms);
    expect(words).toContain('attention');
    for (const word of words) expect(`${sink.title} ${sink.abstract}`).toContain(word);
  });

  it('returns nothing for an unknown id', () => {
    expect(index.similar('nope')).toEqual([]);
  });
});

describe('suggestTitles(prefix)', () => {
  it('offers titles starting with the prefix, then titles containing its words, each resolving to one paper', () => {
    const suggestions = index.suggestTitles('attention');
    expect(suggestions.length).toBeGreaterThan(3);
    expect(suggestions[0]!.title.toLowerCase().startsWith('attention')).toBe(true);
    for (const s of suggestions) expect(index.paper(s.paperId)?.title).toBe(s.title);
  });

  it('completes a word still being typed, though index terms are stemmed', () => {
    // "diffusi" is on its way to "diffusion" (indexed as "diffus"); "classificati" to "classification" ("classif").
    expect(index.suggestTitles('one-step diffusi').map((s) => s.title)).toEqual(['SNOOPI: Supercharged One-step Diffusion Distillation with Proper Guidance']);
    expect(index.suggestTitles('whole slide image classificati').map((s) => s.title)).toContainEqual(expect.stringMatching(/Whole Slide Image Classification/));
  });

  it('never offers more than 25, and offers some titles for an empty prefix', () => {
    expect(index.suggestTitles('a', 100).length).toBeLessThanOrEqual(25);
    expect(index.suggestTitles('').length).toBeGreaterThan(0);
  });
});

describe('add(papers)', () => {
  it('adds new papers to the live index and updates known ones without listing them twice', async () => {
    const { createPaperIndex } = await import('../src/create-paper-index.js');
    const { loadCorpusFile } = await import('../src/corpus/load.js');
    const live = createPaperIndex([]);
    const day = await loadCorpusFile('../shared/corpus/hf-daily-samples/daily_papers_2026-08-20.json');
    expect(live.add(day)).toEqual({ added: 15, updated: 0, unchanged: 0 });
    expect(live.search('closed-loop embodied harness').results[0]?.paper.id).toBe('2608.16590');
    const again = day.map((paper) => ({ ...paper, upvotes: (paper.upvotes ?? 0) + 1 }));
    expect(live.add(again)).toEqual({ added: 0, updated: 15, unchanged: 0 });
    expect(live.papers()).toHaveLength(15);
    expect(live.paper('2608.16590')?.upvotes).toBe(93);
    expect(live.search('closed-loop embodied harness').results.filter((m) => m.paper.id === '2608.16590')).toHaveLength(1);
  });

  it('leaves a paper that comes in again with nothing new as it was, and counts it unchanged', async () => {
    const { createPaperIndex } = await import('../src/create-paper-index.js');
    const { loadCorpusFile } = await import('../src/corpus/load.js');
    const day = await loadCorpusFile('../shared/corpus/hf-daily-samples/daily_papers_2026-08-20.json');
    const live = createPaperIndex(day);
    const before = [...live.papers()];
    // Copies, as a store hands them back: equal records, other objects.
    const copies = day.map((paper) => JSON.parse(JSON.stringify(paper)) as typeof paper);
    const bumped = { ...copies[0]!, upvotes: (copies[0]!.upvotes ?? 0) + 1 };
    expect(live.add([bumped, ...copies.slice(1)])).toEqual({ added: 0, updated: 1, unchanged: 14 });
    // Not merged and re-indexed: the very records the index had.
    expect(live.papers().slice(1)).toEqual(before.slice(1));
    live.papers().slice(1).forEach((paper, i) => expect(paper).toBe(before[i + 1]));
    expect(live.search('closed-loop embodied harness').results.filter((m) => m.paper.id === '2608.16590')).toHaveLength(1);
  });
});

describe('stats()', () => {
  it('counts the papers and names the days they cover', () => {
    expect(index.stats()).toEqual({ papers: 106, otherDates: ['Mar 13'] });
  });
});
