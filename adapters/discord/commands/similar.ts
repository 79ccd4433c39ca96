import { MessageFlags, SlashCommandBuilder, type ButtonInteraction } from 'discord.js';
import { UserError } from '../../../src/errors.js';
import { formatSimilar } from '../format-search.js';
import { BUTTON_KIND, parseSimilarId } from '../button-ids.js';
import type { CommandContext, SlashCommand } from './command.js';
import { completeTitle, resolvePaper, titleOption } from './title-option.js';

/** Papers shown by `/similar` and the card's button. */
export const SIMILAR_RESULTS = 5;

/** `/similar title`: more papers like this one. */
export const similarCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('similar')
    .setDescription('Find papers like one you know')
    .addStringOption(titleOption)
    .toJSON(),

  async execute(interaction, { index }) {
    const paper = resolvePaper(index, interaction.options.getString('title', true));
    // "More like this" is a wide query over the whole library: acknowledge first.
    await interaction.deferReply();
    await interaction.editReply(formatSimilar(paper, index.similar(paper.id, { limit: SIMILAR_RESULTS })));
  },

  autocomplete: completeTitle,
  buttons: { [BUTTON_KIND.similar]: showSimilar },
};

/** "Similar papers" on a paper card: answers only the person who clicked, so a card stays one message. */
async function showSimilar(interaction: ButtonInteraction, { index }: CommandContext): Promise<void> {
  const paperId = parseSimilarId(interaction.customId);
  const paper = paperId === undefined ? undefined : index.paper(paperId);
  if (!paper) throw new UserError('That paper is no longer in my library. Try /search for it.');
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(formatSimilar(paper, index.similar(paper.id, { limit: SIMILAR_RESULTS })));
}
