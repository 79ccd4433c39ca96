import { describe, expect, it } from 'vitest';
import { displayText, formatAuthors, slugify, truncate } from '../src/text.js';
import { paperLinks } from '../src/links.js';
import type { Paper } from '../src/types.js';

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('short text', 20)).toBe('short text');
  });

  it('cuts at a word boundary and ends with an ellipsis, never past the limit', () => {
    const cut = truncate('Scaling laws provide important insights that can guide the design', 30);
    expect(cut).toBe('Scaling laws provide…');
    expect(cut.length).toBeLessThanOrEqual(30);
  });

  it('cuts inside a word when the boundary is far back, and never splits an emoji', () => {
    expect(truncate('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
    expect(truncate('ab🤖cd', 4)).toBe('ab…');
  });
});

describe('displayText', () => {
  it('turns LaTeX leftovers into plain text', () => {
    expect(displayText('We use \\emph{sparse} codes, 90.7\\% accurate, with $\\ell_2$ loss and $10^{3}$ steps.')).toBe(
      'We use sparse codes, 90.7% accurate, with ℓ2 loss and 10^3 steps.',
    );
  });

  it('removes control characters and collapses white space', () => {
    expect(displayText('a\u0000b\n\n  c\td')).toBe('ab c d');
  });
});

describe('slugify', () => {
  it('makes the eval set’s title slugs: no dash at either end, even after the cut', () => {
    expect(slugify('Lift3D Foundation Policy: Lifting 2D Large-Scale Pretrained Models for Robust 3D Robotic Manipulation')).toBe(
      'lift3d-foundation-policy-lifting-2d-large-scale-pretrained-models-for-robust-3d',
    );
    expect(slugify('  The Z-loss: a shift!  ')).toBe('the-z-loss-a-shift');
  });
});

describe('formatAuthors', () => {
  it('lists up to three names, then "et al."', () => {
    expect(formatAuthors(['A'])).toBe('A');
    expect(formatAuthors(['A', 'B', 'C'])).toBe('A, B and C');
    expect(formatAuthors(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
  });
});

describe('paperLinks', () => {
  const base: Paper = { id: 'x', title: 'A Title & More', abstract: '', authors: [], source: 'jsonl' };
  it('links arXiv and Hugging Face when the arXiv id is known', () => {
    expect(paperLinks({ ...base, id: '2503.11677', arxivId: '2503.11677' })).toEqual({
      arxiv: 'https://arxiv.org/abs/2503.11677',
      huggingFace: 'https://huggingface.co/papers/2503.11677',
    });
  });

  it('falls back to a title search otherwise', () => {
    expect(paperLinks(base).search).toBe('https://arxiv.org/search/?searchtype=title&query=A%20Title%20%26%20More');
  });
});
