import type { AutocompleteInteraction, SlashCommandStringOption } from 'discord.js';
import type { Paper, TitleSuggestion } from '../../../src/types.js';
import type { PaperIndex } from '../../../src/paper-index.js';
import { UserError } from '../../../src/errors.js';
import { lookupPaper } from '../../../src/lookup-paper.js';
import { titleChoices } from '../choices.js';
import type { CommandContext } from './command.js';

/** Unknown text is echoed back this short: no title is longer, and the note stays readable. */
const ECHO_ROOM = 200;
const PICK_FROM_LIST = 'Pick one from the list that appears as you type.';

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
  const found = lookupPaper(index, value);
  switch (found.kind) {
    case 'paper':
      return found.paper;
    case 'nothing-typed':
      throw new UserError(`Which paper? ${PICK_FROM_LIST}`);
    case 'unknown':
      throw new UserError(`I have no paper called “${value.slice(0, ECHO_ROOM)}”. ${PICK_FROM_LIST}${tips(found.candidates)}`);
  }
}

function tips(candidates: readonly TitleSuggestion[]): string {
  if (candidates.length === 0) return '';
  return `\nDid you mean:\n${candidates.map((candidate) => `• ${candidate.title}`).join('\n')}`;
}
