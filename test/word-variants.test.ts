import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../src/search/vocabulary.js';
import { findWordVariants } from '../src/search/word-variants.js';
import { RANKING } from '../src/search/rerank.js';
import { analyze } from '../src/search/analyzer.js';

const vocabularyOf = (text: string) => {
  const vocabulary = new Vocabulary();
  for (const term of analyze(text)) vocabulary.intern(term);
  return vocabulary;
};
const variantsOf = (question: string, corpus: string) =>
  findWordVariants(analyze(question), vocabularyOf(corpus), RANKING).map(({ term, queryIndex }) => `${analyze(question)[queryIndex]}→${term}`);

describe('findWordVariants', () => {
  it('finds the forms of a word the stemmer kept apart', () => {
    // Porter: "explanation" → "explan", "explain" → "explain"; "attending" → "attend", "attention" → "attent".
    expect(variantsOf('explanation heatmaps', 'a method that explains predictions')).toEqual(['explan→explain']);
    expect(variantsOf('attending to pixels', 'self-attention over pixels')).toEqual(['attend→attent']);
  });

  it('leaves out joined compounds, whose parts match already', () => {
    // "attention-based" is indexed as "attention", "based" and "attentionbas".
    expect(variantsOf('attending', 'attention-based models')).toEqual(['attend→attent']);
  });

  it('does not truncate short words, names or numbers', () => {
    expect(variantsOf('conv layers', 'convolutional layers')).toEqual([]);
    expect(variantsOf('gpt4 results', 'gpt4o results')).toEqual([]);
  });
});
