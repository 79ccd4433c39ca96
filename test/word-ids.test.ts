import { describe, expect, it } from 'vitest';
import { analyze, normaliseTerm } from '../src/search/analyzer.js';
import { NOT_A_TERM, WordIds } from '../src/search/word-ids.js';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';

/** A WordIds over a plain term list, and a way back from ids to terms. */
function termTable(capacity?: number) {
  const terms: string[] = [];
  const ids = new Map<string, number>();
  const words = new WordIds((word) => {
    const term = normaliseTerm(word);
    if (!term) return NOT_A_TERM;
    if (!ids.has(term)) ids.set(term, terms.push(term) - 1);
    return ids.get(term)!;
  }, capacity);
  return { read: (text: string) => Array.from(words.read(text), (id) => terms[id]) };
}

describe('WordIds: text to term ids without copying known words', () => {
  it('gives the terms analyze() gives, in the same order, compounds last', () => {
    const table = termTable();
    for (const text of ['Down-sampling of text-to-image models', 'Ünïcode naïve café, 𝛼-β and CJK 注意力 words', 'The of and a', '', 'GPT-4o beats gpt4o; LLMs vs. LLM']) {
      expect(table.read(text)).toEqual(analyze(text));
    }
  });

  it('finds every word again after growing many times from its smallest size, probing past words in the same slot', () => {
    const table = termTable(1);
    const text = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    expect(table.read(text)).toEqual(analyze(text));
    expect(table.read(text)).toEqual(analyze(text));
  });

  it('agrees with analyze() on every title and abstract of the seed', async () => {
    const table = termTable();
    for (const paper of await loadCorpus([DEFAULT_CORPUS_PATH])) {
      expect(table.read(paper.title)).toEqual(analyze(paper.title));
      expect(table.read(paper.abstract)).toEqual(analyze(paper.abstract));
    }
  });
});
