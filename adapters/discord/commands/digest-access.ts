import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../../src/errors.js';
import type { DailyPapers } from '../../../src/digest/daily-papers.js';
import type { CommandContext } from './command.js';

/** Who may change a channel's digest: the same people who may change the channel itself. */
export const DIGEST_ADMIN_PERMISSION = PermissionFlagsBits.ManageChannels;

const NOT_CONFIGURED = 'Daily digests are not turned on for this bot. Whoever runs it can enable them (README, “Daily papers”).';
const GUILD_ONLY = 'Daily digests live in server channels. Run this command in the channel that should get them.';
const NOT_ALLOWED = 'Only members who can manage this channel (the Manage Channels permission) can change its daily digest.';

/** The daily-papers service, or a polite refusal when the bot runs without it. */
export function requireDaily(context: CommandContext): DailyPapers {
  if (!context.daily) throw new UserError(NOT_CONFIGURED);
  return context.daily;
}

/**
 * Checks the permission again at run time: the command's default member permission is only a default that server
 * admins can widen to any role (Server Settings → Integrations), while a channel's digest should always stay with
 * the people who can manage that channel (issue 6). `memberPermissions` are computed for this channel.
 */
export function requireDigestAdmin(interaction: ChatInputCommandInteraction): void {
  if (!interaction.inGuild()) throw new UserError(GUILD_ONLY);
  if (!interaction.memberPermissions?.has(DIGEST_ADMIN_PERMISSION)) throw new UserError(NOT_ALLOWED);
}

/** The guild a digest command runs in; digests are per channel, and channels belong to a guild. */
export function requireGuild(interaction: ChatInputCommandInteraction): string {
  if (!interaction.inGuild()) throw new UserError(GUILD_ONLY);
  return interaction.guildId;
}
