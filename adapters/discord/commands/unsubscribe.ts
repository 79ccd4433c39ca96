import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { UserError } from '../../../src/errors.js';
import { formatUnsubscribed } from '../format-subscriptions.js';
import type { SlashCommand } from './command.js';
import { DIGEST_ADMIN_PERMISSION, requireDaily, requireDigestAdmin } from './digest-access.js';

/** `/unsubscribe`: this channel stops getting daily papers. Same permission as `/subscribe`. */
export const unsubscribeCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('unsubscribe')
    .setDescription('Stop posting daily papers in this channel')
    .setDefaultMemberPermissions(DIGEST_ADMIN_PERMISSION)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),

  async execute(interaction, context) {
    const daily = requireDaily(context);
    requireDigestAdmin(interaction);
    if (!(await daily.unsubscribe('discord', interaction.channelId))) {
      throw new UserError('This channel does not get daily papers, so there is nothing to stop. /subscriptions lists the ones that do.');
    }
    await interaction.reply(formatUnsubscribed());
  },
};
