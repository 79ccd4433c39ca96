import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperIndex } from '../src/paper-index.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { loadCorpusFile } from '../src/corpus/load.js';
import { loadSeedIndex } from './helpers/seed.js';

let seed: PaperIndex;
beforeAll(async () => {
  seed = await loadSeedIndex();
});

describe('a question the library has nothing on', () => {
  const offTopic = [
    'which papers study protein folding?',
    "what's a good recipe for banana bread? mine always comes out dry",
    'how do I fix a squeaky door hinge at home?',
    'who won the tour de france in 2023?',
  ];

  it.each(offTopic)('"%s" gets no quote: the library has nothing on it', (question) => {
    const answer = seed.answer(question);
    expect(answer.kind).toBe('not-in-library');
    expect(answer.answer).toBeNull();
  });

  it('still lists the nearest few papers, as possibly related, never more than three', () => {
    const answer = seed.answer('which papers study protein folding?', { limit: 10 });
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.length).toBeLessThanOrEqual(3);
    expect(answer.suggestions).toEqual([]);
  });
});

describe('questions the library does answer', () => {
  it.each([
    ['a broad topic in one common word', 'attention'],
    ['a topic in two words', 'federated learning'],
    ['a short name alone', 'what is NormGrad?'],
    ['a title', 'the consciousness prior'],
    ['a long chat question', 'we need to delete some copyrighted stuff from our LLM but we only have the data to forget, no retain set. anything that works?'],
  ])('%s is answered with a quote', (_, question) => {
    const answer = seed.answer(question);
    expect(answer.kind).toBe('answered');
    expect(answer.answer).not.toBeNull();
  });

  it('a greeting in front of a question does not make it small talk', () => {
    expect(seed.answer('hi! what is an attention sink?').kind).toBe('answered');
  });
});

describe('an author’s name in a question', () => {
  let withAuthors: PaperIndex;
  beforeAll(async () => {
    withAuthors = createPaperIndex(await loadCorpusFile('../shared/corpus/hf-daily-samples/daily_papers_2026-08-20.json'));
  });

  it('answers when the question asks about people ("papers by …")', () => {
    const answer = withAuthors.answer('any papers by Xin Ding?');
    expect(answer.kind).toBe('answered');
    expect(answer.answer?.paperId).toBe('2608.16590');
  });

  it('is a coincidence when the question asks about something else', () => {
    expect(withAuthors.answer('can you explain the Xin–Ding conjecture my teacher mentioned?').kind).toBe('not-in-library');
  });
});

describe('small talk', () => {
  it.each([
    ['thanks, that was helpful', /welcome/i],
    ['ok cool thx', /welcome/i],
    ['hi there 👋', /^Hi!/],
    ['good morning bot', /^Hi!/],
    ['bye, see you tomorrow', /bye/i],
    ['how are you doing today?', /all good/i],
    ['who are you?', /paperbot/],
    ['what can you do?', /paperbot/],
    ['lol ok', /^Sure/],
    ['never mind', /^Sure/],
  ])('"%s" gets a short reply in kind, and no papers', (message, reply) => {
    const answer = seed.answer(message);
    expect(answer.kind).toBe('small-talk');
    expect(answer.reply).toMatch(reply);
    expect(answer.answer).toBeNull();
    expect(answer.results).toEqual([]);
  });

  it('echoes the message tidied as questions are: invisible characters gone, control characters as spaces', () => {
    expect(seed.answer('than\u200bks\u0000!').question).toBe('thanks !');
  });
});
