import { SlashCommandBuilder } from 'discord.js';
import { formatPaperCard } from '../format-paper.js';
import type { SlashCommand } from './command.js';
import { completeTitle, resolvePaper, titleOption } from './title-option.js';

/** `/paper title`: one paper's card. A lookup by id, so it answers at once without deferring. */
export const paperCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('paper')
    .setDescription('Show one paper: authors, links, upvotes and the abstract')
    .addStringOption(titleOption)
    .toJSON(),

  async execute(interaction, { index }) {
    const paper = resolvePaper(index, interaction.options.getString('title', true));
    await interaction.reply(formatPaperCard(paper));
  },

  autocomplete: completeTitle,
};
