import { describe, expect, it } from 'vitest';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { benchDiscord } from '../scripts/bench-discord.js';

describe('benchDiscord', () => {
  it('measures interaction-to-reply latency on the loopback fake and returns p50 ≤ p99', async () => {
    const index = createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH]));
    const { p50, p99 } = await benchDiscord(index, ['what is distillation?', 'diffusion guidance', 'neural ranking', 'attention heads', 'plagiarism']);
    expect(p50).toBeGreaterThan(0);
    expect(p99).toBeGreaterThanOrEqual(p50);
    expect(p99).toBeLessThan(3000);
  });
});
