import type { Subcommand } from './subcommand.js';

/** `/papers <question>`: the cited answer and the top papers. The default when no subcommand is named. */
export const ask: Subcommand = {
  name: 'ask',
  usage: '/papers <question>',
  summary: 'the sentence that answers it, cited, and the top 3 papers',
  run: ({ argument }) => ({ view: { v: 'answer', q: argument } }),
};
