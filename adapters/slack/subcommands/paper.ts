import type { Subcommand } from './subcommand.js';
import { findPaper } from './find-paper.js';

const usage = '/papers paper <title or arXiv id>';

/** `/papers paper <title>`: one paper in full. */
export const paper: Subcommand = {
  name: 'paper',
  usage,
  summary: 'one paper: authors, abstract and links',
  run: ({ argument, index }) => ({ view: { v: 'paper', id: findPaper(index, usage, argument).id } }),
};
