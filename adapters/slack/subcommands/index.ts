import type { Subcommand } from './subcommand.js';
import { ask } from './ask.js';
import { search } from './search.js';
import { paper } from './paper.js';
import { similar } from './similar.js';
import { daily } from './daily.js';
import { subscribe } from './subscribe.js';
import { unsubscribe } from './unsubscribe.js';
import { subscriptions } from './subscriptions.js';
import { help } from './help.js';

/** Every `/papers` subcommand, in the order help lists them. Add a subcommand here. */
export const SUBCOMMANDS: readonly Subcommand[] = [ask, search, paper, similar, daily, subscribe, unsubscribe, subscriptions, help];

/**
 * Splits `/papers` text into a subcommand and its argument: `search diffusion` → search + "diffusion". Text that
 * does not start with a subcommand's name is a question for `ask`; no text at all asks for help.
 */
export function parseCommandText(text: string): { subcommand: Subcommand; argument: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { subcommand: help, argument: '' };
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const named = SUBCOMMANDS.find((s) => s.name === first.toLowerCase());
  return named ? { subcommand: named, argument: rest.join(' ') } : { subcommand: ask, argument: trimmed };
}
