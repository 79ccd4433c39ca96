import { DISCORD_LIMITS } from './limits.js';
import { fitText } from './fit.js';
import { NO_MENTIONS, type DiscordMessage } from './message.js';

/**
 * A short plain-text reply (user errors, the apology, "only the asker can page"). The text may quote the user,
 * so each line is escaped like everything else; line breaks are kept.
 */
export function formatNotice(text: string): DiscordMessage {
  const lines = text.split('\n');
  const room = Math.floor(DISCORD_LIMITS.content / lines.length) - 1;
  const content = lines.map((line) => fitText(line, room)).join('\n') || '…';
  return { content, embeds: [], components: [], allowedMentions: NO_MENTIONS };
}
