import { embedLength, type ActionRowBuilder, type ButtonBuilder, type EmbedBuilder, type MessageMentionOptions } from 'discord.js';
import { DISCORD_LIMITS } from './limits.js';

/** What every formatter returns: fits `reply`, `editReply`, `update` and `followUp` alike. */
export interface DiscordMessage {
  content?: string;
  embeds: EmbedBuilder[];
  components: ActionRowBuilder<ButtonBuilder>[];
  allowedMentions: MessageMentionOptions;
}

/**
 * No pings from any reply, whatever the text says. Set on each message as well as on the client, so a reply
 * stays safe even if it is sent through a client configured elsewhere.
 */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/**
 * Checks the limits the builders do not: the 6000 characters summed across embeds, the embed count and the
 * content length (`EmbedBuilder` validates each field, not the total; platform-notes §3.2). A failure is our bug,
 * so it throws rather than sending a payload Discord would reject with 50035.
 */
export function checkedMessage(parts: Omit<DiscordMessage, 'allowedMentions'>): DiscordMessage {
  const message = { ...parts, allowedMentions: NO_MENTIONS };
  const total = message.embeds.reduce((sum, embed) => sum + embedLength(embed.toJSON()), 0);
  if (total > DISCORD_LIMITS.embedTotal) throw new Error(`Embeds total ${total} characters (limit ${DISCORD_LIMITS.embedTotal})`);
  if (message.embeds.length > DISCORD_LIMITS.embedsPerMessage) throw new Error(`${message.embeds.length} embeds in one message`);
  if ((message.content?.length ?? 0) > DISCORD_LIMITS.content) throw new Error(`Content of ${message.content?.length} characters`);
  return message;
}
