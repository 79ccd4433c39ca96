import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperIndex } from '../src/paper-index.js';
import { lookupPaper } from '../src/lookup-paper.js';
import { loadSeedIndex } from './helpers/seed.js';

const SINK_TITLE = 'When Attention Sink Emerges in Language Models: An Empirical View';
const TOPOMORTAR_TITLE = 'TopoMortar: A dataset to evaluate image segmentation methods focused on topology accuracy';
const SNOOPI_TITLE = 'SNOOPI: Supercharged One-step Diffusion Distillation with Proper Guidance';

let index: PaperIndex;
beforeAll(async () => {
  index = await loadSeedIndex();
});

describe('lookupPaper(index, typed)', () => {
  it('finds a paper by its id or its title, whatever the case and punctuation', () => {
    const sink = index.papers().find((paper) => paper.title === SINK_TITLE)!;
    expect(lookupPaper(index, sink.id)).toEqual({ kind: 'paper', paper: sink });
    expect(lookupPaper(index, `  ${SINK_TITLE}  `)).toEqual({ kind: 'paper', paper: sink });
    expect(lookupPaper(index, 'when attention sink emerges in language models - an empirical view')).toEqual({ kind: 'paper', paper: sink });
  });

  it('says nothing was typed for empty or blank text, rather than suggesting arbitrary titles', () => {
    expect(lookupPaper(index, '')).toEqual({ kind: 'nothing-typed' });
    expect(lookupPaper(index, ' \t ')).toEqual({ kind: 'nothing-typed' });
  });

  it('offers close titles for text that names no paper, three by default', () => {
    expect(lookupPaper(index, 'when attention sink')).toEqual({ kind: 'unknown', candidates: [{ title: SINK_TITLE, paperId: expect.any(String) }] });
    const attention = lookupPaper(index, 'attention');
    expect(attention.kind === 'unknown' && attention.candidates).toHaveLength(3);
    const more = lookupPaper(index, 'attention', { candidates: 5 });
    expect(more.kind === 'unknown' && more.candidates).toHaveLength(5);
  });

  it('offers no titles when nothing is close', () => {
    expect(lookupPaper(index, 'Zzyzx Quantum Teapots')).toEqual({ kind: 'unknown', candidates: [] });
  });

  describe('with completeUniquePrefix', () => {
    it('takes the start of exactly one title as that paper', () => {
      const found = lookupPaper(index, 'TopoMor', { completeUniquePrefix: true });
      expect(found.kind === 'paper' && found.paper.title).toBe(TOPOMORTAR_TITLE);
    });

    it('still offers a lone title that only shares words with the text: that is a guess, not a pick', () => {
      // "one-step diffusi" appears inside SNOOPI's title, not at its start.
      const found = lookupPaper(index, 'one-step diffusi', { completeUniquePrefix: true });
      expect(found).toEqual({ kind: 'unknown', candidates: [{ title: SNOOPI_TITLE, paperId: expect.any(String) }] });
    });

    it('still offers the titles when several start with the text', () => {
      expect(lookupPaper(index, 'attention', { completeUniquePrefix: true }).kind).toBe('unknown');
    });
  });

  it('leaves the start of a title a suggestion by default', () => {
    expect(lookupPaper(index, 'TopoMor')).toEqual({ kind: 'unknown', candidates: [{ title: TOPOMORTAR_TITLE, paperId: expect.any(String) }] });
  });
});
