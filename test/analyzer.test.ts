import { describe, expect, it } from 'vitest';
import { analyze, scanWords } from '../src/search/analyzer.js';

describe('scanWords', () => {
  it('splits at anything that is not a letter or a digit, in any script', () => {
    expect(scanWords('GPT-4o, LLaMA (arXiv:2501.00001) über 注意力 🤖 naïve').words).toEqual([
      'GPT', '4o', 'LLaMA', 'arXiv', '2501', '00001', 'über', '注意力', 'naïve',
    ]);
  });

  it('joins hyphenated compounds of two or three parts, not longer chains', () => {
    expect(scanWords('down-sampling and text-to-image but not a-b-c-d').compounds).toEqual(['downsampling', 'texttoimage']);
  });

  it('keeps letters outside the Basic Multilingual Plane whole', () => {
    expect(scanWords('𝒜𝒷 x').words).toEqual(['𝒜𝒷', 'x']);
  });
});

describe('analyze', () => {
  it('lowercases, drops stop words and question phrasing, stems plain words and keeps names with digits', () => {
    expect(analyze('What are the Models that use LLMs for Lift3D?')).toEqual(['model', 'llm', 'lift3d']);
  });

  it('folds diacritics', () => {
    expect(analyze('Schrödinger naïve')).toEqual(analyze('Schrodinger naive'));
  });
});

describe('Vocabulary.termsWithPrefix', () => {
  it('lists known terms that start with a prefix, in order, up to a limit, including terms added later', async () => {
    const { Vocabulary } = await import('../src/search/vocabulary.js');
    const vocabulary = new Vocabulary();
    for (const term of ['diffus', 'model', 'diffusionbas', 'dif', 'diffract']) vocabulary.intern(term);
    expect(vocabulary.termsWithPrefix('diff', 10)).toEqual(['diffract', 'diffus', 'diffusionbas']);
    expect(vocabulary.termsWithPrefix('diff', 2)).toEqual(['diffract', 'diffus']);
    vocabulary.intern('diffeomorph');
    expect(vocabulary.termsWithPrefix('diffe', 10)).toEqual(['diffeomorph']);
    expect(vocabulary.termsWithPrefix('zzz', 10)).toEqual([]);
  });
});
