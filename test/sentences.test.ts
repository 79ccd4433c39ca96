import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/answer/sentences.js';

describe('splitSentences: one sentence to quote, whole', () => {
  it('breaks at the end of each sentence, keeping the words as written', () => {
    expect(splitSentences('We propose SPAM.  It resets momentum!  Does it help? Yes.')).toEqual(['We propose SPAM.', 'It resets momentum!', 'Does it help?', 'Yes.']);
  });

  it('keeps decimals, abbreviations and citations inside their sentence', () => {
    const text = 'Accuracy rises from 3.5 to 4.2 percent, e.g. on MMLU, vs. GPT-4 as in Fig. 3 and (see Sec. 2) of Smith et al. (2020). Next.';
    expect(splitSentences(text)).toEqual([text.slice(0, -' Next.'.length), 'Next.']);
  });

  it('breaks after a number or a closing quote that ends a sentence', () => {
    expect(splitSentences('We test on Waymo and Argoverse 2. Particularly, we win.')).toEqual(['We test on Waymo and Argoverse 2.', 'Particularly, we win.']);
    expect(splitSentences('It is like ``finding a needle in a haystack.\'\' To address this, we search.')).toHaveLength(2);
  });

  it('has no sentences in empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n ')).toEqual([]);
  });
});
