import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { PaperIndex } from '../../src/paper-index.js';
import { DISCORD_LIMITS } from './limits.js';
import { fitPlain } from './fit.js';

/** Longer typed text is cut before it reaches the core: no title is this long, and autocomplete must be fast. */
const MAX_TYPED = 200;

/**
 * Autocomplete choices for a paper title: at most 25, names cut to 100 characters (Discord shows them as plain
 * text, so they are cleaned, not escaped), values the paper ids, each resolving to exactly one paper.
 * discord.js does not clamp choices (platform-notes §3.2), so this does.
 */
export function titleChoices(index: PaperIndex, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  const seen = new Set<string>();
  for (const suggestion of index.suggestTitles(typed.slice(0, MAX_TYPED), DISCORD_LIMITS.choices)) {
    const name = fitPlain(suggestion.title, DISCORD_LIMITS.choiceName);
    const value = suggestion.paperId;
    if (name === '' || value.length > DISCORD_LIMITS.choiceValue || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name, value });
    if (choices.length === DISCORD_LIMITS.choices) break;
  }
  return choices;
}
