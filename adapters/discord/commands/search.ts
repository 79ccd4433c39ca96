import { SlashCommandBuilder, type ButtonInteraction } from 'discord.js';
import { UserError } from '../../../src/errors.js';
import { DISCORD_LIMITS } from '../limits.js';
import { formatSearchPage } from '../format-search.js';
import { typedText } from '../escape.js';
import { BUTTON_KIND, SEARCH_QUERY_MAX_LENGTH, parseSearchPageId } from '../button-ids.js';
import type { CommandContext, SlashCommand } from './command.js';

/** Results per page when `limit` is not given: five fit with full snippets. */
export const DEFAULT_SEARCH_LIMIT = 5;
const MAX_SEARCH_LIMIT = DISCORD_LIMITS.fields;
const STALE_PAGE = 'This result list has changed since it was made. Run /search again for a fresh one.';

/** `/search query [limit]`: a page of papers with snippets and why each matched, with Previous/Next. */
export const searchCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('List papers matching some words, with why each matched')
    .addStringOption((option) => option.setName('query').setDescription('Words to look for').setRequired(true)
      .setMaxLength(SEARCH_QUERY_MAX_LENGTH))
    .addIntegerOption((option) => option.setName('limit').setDescription(`Results per page (1-${MAX_SEARCH_LIMIT}, default ${DEFAULT_SEARCH_LIMIT})`)
      .setMinValue(1).setMaxValue(MAX_SEARCH_LIMIT))
    .toJSON(),

  async execute(interaction, { index }) {
    const query = typedText(interaction.options.getString('query', true)).trim();
    // Discord enforces max_length in its client; a payload can still carry more, and the buttons must hold the query.
    if (query.length > SEARCH_QUERY_MAX_LENGTH) {
      throw new UserError(`Please keep searches under ${SEARCH_QUERY_MAX_LENGTH} characters (that one has ${query.length}), or use /ask for a longer question.`);
    }
    const requested = interaction.options.getInteger('limit') ?? DEFAULT_SEARCH_LIMIT;
    const limit = Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.floor(requested)));
    await interaction.deferReply();
    const page = index.search(query, { limit, offset: 0 });
    await interaction.editReply(formatSearchPage(page, { ownerId: interaction.user.id, offset: 0, limit, query }));
  },

  buttons: { [BUTTON_KIND.searchPage]: turnPage },
};

/** Previous/Next: re-runs the search for the page named in the button and edits the message in place. */
async function turnPage(interaction: ButtonInteraction, { index }: CommandContext): Promise<void> {
  const state = parseSearchPageId(interaction.customId);
  if (!state || state.limit < 1 || state.limit > MAX_SEARCH_LIMIT) throw new UserError(STALE_PAGE);
  if (interaction.user.id !== state.ownerId) {
    throw new UserError('Only the person who ran this search can page through it. Run /search to get your own list.');
  }
  const page = index.search(state.query, { limit: state.limit, offset: state.offset });
  if (page.results.length === 0) throw new UserError(STALE_PAGE);
  await interaction.update(formatSearchPage(page, state));
}
