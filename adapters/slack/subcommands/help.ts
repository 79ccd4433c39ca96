import type { Subcommand } from './subcommand.js';

/** `/papers help` (and `/papers` alone): what the bot can do and what it knows. */
export const help: Subcommand = {
  name: 'help',
  usage: '/papers help',
  summary: 'this list',
  run: () => ({ view: { v: 'help' } }),
};
