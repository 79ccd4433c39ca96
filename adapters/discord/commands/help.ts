import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { PaperSource } from '../../../src/types.js';
import { formatHelp } from '../format-help.js';
import type { SlashCommand } from './command.js';

/** `/help`: what the bot does, its commands, and its library (shown only to the asker, to keep channels quiet). */
export const helpCommand: SlashCommand = {
  data: new SlashCommandBuilder().setName('help').setDescription('What paperbot does, its commands, and where its papers come from').toJSON(),

  async execute(interaction, { index, commands }) {
    const sources = new Set<PaperSource>();
    for (const paper of index.papers()) sources.add(paper.source);
    await interaction.reply({ ...formatHelp(index.stats(), sources, commands), flags: MessageFlags.Ephemeral });
  },
};
