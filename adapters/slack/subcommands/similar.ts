import type { Subcommand } from './subcommand.js';
import { findPaper } from './find-paper.js';

const usage = '/papers similar <title or arXiv id>';

/** `/papers similar <title>`: papers on the same subject as one you know. */
export const similar: Subcommand = {
  name: 'similar',
  usage,
  summary: 'papers like that one',
  run: ({ argument, index }) => ({ view: { v: 'similar', id: findPaper(index, usage, argument).id } }),
};
