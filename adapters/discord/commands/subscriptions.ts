import { InteractionContextType, MessageFlags, Routes, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { formatSubscriptions } from '../format-subscriptions.js';
import type { SlashCommand } from './command.js';
import { requireDaily, requireGuild } from './digest-access.js';

/** `/subscriptions`: this server's channels that get daily papers, only to the person who asked. */
export const subscriptionsCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('subscriptions')
    .setDescription('List the channels of this server that get daily papers')
    .setContexts(InteractionContextType.Guild)
    .toJSON(),

  async execute(interaction, context) {
    const daily = requireDaily(context);
    const guildId = requireGuild(interaction);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const channels = await guildChannelIds(interaction, guildId);
    await interaction.editReply(formatSubscriptions(await daily.subscriptions('discord', channels)));
  },
};

/**
 * The ids of the guild's channels, read over REST: the store keeps channel ids only, and the gateway cache is
 * empty until GUILD_CREATE arrives (and always in tests). Threads are not listed there, so the current channel is
 * added in case it is one.
 */
async function guildChannelIds(interaction: ChatInputCommandInteraction, guildId: string): Promise<Set<string>> {
  const channels = await interaction.client.rest.get(Routes.guildChannels(guildId));
  const ids = new Set([interaction.channelId]);
  for (const channel of Array.isArray(channels) ? (channels as unknown[]) : []) {
    if (typeof channel === 'object' && channel !== null && 'id' in channel && typeof channel.id === 'string') ids.add(channel.id);
  }
  return ids;
}
