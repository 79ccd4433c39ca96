import type { ChatInputCommandInteraction, SlashCommandStringOption } from 'discord.js';
import { UserError } from '../../../src/errors.js';
import { SEARCH_QUERY_MAX_LENGTH } from '../button-ids.js';
import { typedText } from '../escape.js';

/** A filter is a `/search` query, so it is held to a query's length: a filter can be tried with `/search` first. */
const FILTER_MAX_LENGTH = SEARCH_QUERY_MAX_LENGTH;

/** The optional `filter` of `/daily` and `/subscribe`, registered alike so that both read the same way. */
export function filterOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option.setName('filter').setDescription('Only papers matching this search, e.g. diffusion OR "world model"')
    .setMaxLength(FILTER_MAX_LENGTH);
}

/**
 * The filter typed, `undefined` when none. Discord's client enforces `max_length`, but a payload can carry more:
 * a `UserError` then (the core checks the rest: something searchable in it).
 */
export function filterOf(interaction: ChatInputCommandInteraction): string | undefined {
  const typed = typedText(interaction.options.getString('filter') ?? '').trim();
  if (typed.length > FILTER_MAX_LENGTH) {
    throw new UserError(`Please keep the filter to ${FILTER_MAX_LENGTH} characters or fewer (that one has ${typed.length}).`);
  }
  return typed || undefined;
}
