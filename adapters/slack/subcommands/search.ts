import { UserError } from '../../../src/errors.js';
import type { Subcommand } from './subcommand.js';

/** `/papers search <words>`: ranked papers, a page at a time. */
export const search: Subcommand = {
  name: 'search',
  usage: '/papers search <words>',
  summary: 'papers ranked by how well they match, with why each matched',
  run: ({ argument }) => {
    if (argument === '') throw new UserError('Give me some words to search for, e.g. `/papers search diffusion transformers`.');
    return { view: { v: 'search', q: argument, o: 0 } };
  },
};
