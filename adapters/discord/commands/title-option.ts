import type { AutocompleteInteraction, SlashCommandStringOption } from 'discord.js';
import type { Paper } from '../../../src/types.js';
import type { PaperIndex } from '../../../src/paper-index.js';
import { UserError } from '../../../src/errors.js';
import { titleChoices } from '../choices.js';
import type { CommandContext } from './command.js';

/** The `title` option shared by `/paper` and `/similar`: autocompleted, its value a paper id. */
export function titleOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option.setName('title').setDescription('Start typing a title, then pick the paper').setRequired(true)
    .setAutocomplete(true).setMaxLength(300);
}

/** Autocomplete for the `title` option. */
export async function completeTitle(interaction: AutocompleteInteraction, { index }: CommandContext): Promise<void> {
  await interaction.respond(titleChoices(index, interaction.options.getFocused()));
}

/**
 * The paper a `title` value names: a chosen suggestion (an id) or typed text (an id or a title). Unknown text
 * is the person's to fix, so it throws `UserError` with titles to try.
 */
export function resolvePaper(index: PaperIndex, value: string): Paper {
  const paper = index.paper(value);
  if (paper) return paper;
  const near = index.suggestTitles(value.slice(0, 200), 3).map((suggestion) => `• ${suggestion.title}`);
  const tip = near.length > 0 ? `\nDid you mean:\n${near.join('\n')}` : '';
  throw new UserError(`I have no paper called “${value.slice(0, 200)}”. Pick one from the list that appears as you type.${tip}`);
}
