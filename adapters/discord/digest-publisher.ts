import { DiscordAPIError, Routes, type Client } from 'discord.js';
import { ChannelUnavailableError, type DigestPublisher } from '../../src/digest/publisher.js';
import { formatDigest } from './format-digest.js';
import { partMarker, partNonce, digestRef, readMarker } from './digest-marker.js';
import { NO_MENTIONS, type DiscordMessage } from './message.js';

/**
 * Messages read back when looking for an earlier post: the most one request returns (resources/message.mdx,
 * Get Channel Messages, `limit` 1-100, default 50). A digest is found if it is among the channel's last 50.
 */
export const HISTORY_LIMIT = 50;

/**
 * Error codes that mean the channel is gone or closed to the bot (topics/opcodes-and-status-codes.mdx):
 * 10003 Unknown Channel, 50001 Missing Access, 50013 Missing Permissions. Retrying cannot help.
 */
const CHANNEL_GONE_CODES = new Set<unknown>([10003, 50001, 50013]);
const CHANNEL_GONE_STATUSES = new Set([403, 404]);

/** Parts of one digest already in the channel, by part number, and how many parts it has. */
interface FoundParts {
  ids: Map<number, string>;
  parts: number;
}

/**
 * Posts digests through `client`'s REST (no gateway cache needed: `channels.fetch` returns null for uncached
 * guilds, platform-notes §3.2). Every part carries a nonce with `enforce_nonce` and a footer marker; a post first
 * reads the channel's recent history and sends only the parts not there yet, so a post cut short by a crash is
 * completed rather than repeated.
 */
export function createDiscordPublisher(client: Client): DigestPublisher {
  return {
    platform: 'discord',
    async post(channelId, digest, digestKey) {
      return guarded(channelId, async () => {
        const messages = formatDigest(digest, (part, parts) => partMarker(digestKey, part, parts));
        const found = await findParts(client, channelId, digestKey);
        const ids: string[] = [];
        for (const [i, message] of messages.entries()) {
          const posted = found?.parts === messages.length ? found.ids.get(i + 1) : undefined;
          ids.push(posted ?? (await send(client, channelId, message, partNonce(digestKey, i + 1))));
        }
        return { messageId: ids[0]! };
      });
    },
    async findExisting(channelId, digestKey) {
      return guarded(channelId, async () => {
        const found = await findParts(client, channelId, digestKey);
        const complete = found !== undefined && found.ids.size === found.parts;
        return complete ? found.ids.get(1)! : null;
      });
    },
  };
}

async function send(client: Client, channelId: string, message: DiscordMessage, nonce: string): Promise<string> {
  const body = {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds.map((embed) => embed.toJSON()),
    allowed_mentions: NO_MENTIONS,
    nonce,
    enforce_nonce: true,
  };
  const created = await client.rest.post(Routes.channelMessages(channelId), { body });
  return idOf(created);
}

/** This digest's parts among the channel's recent messages from the bot; undefined when none is there. */
async function findParts(client: Client, channelId: string, digestKey: string): Promise<FoundParts | undefined> {
  const query = new URLSearchParams({ limit: String(HISTORY_LIMIT) });
  const history = await client.rest.get(Routes.channelMessages(channelId), { query });
  const ref = digestRef(digestKey);
  let found: FoundParts | undefined;
  for (const message of Array.isArray(history) ? (history as unknown[]) : []) {
    if (!isRecord(message) || !fromBot(client, message.author)) continue;
    for (const footer of footers(message)) {
      const marker = readMarker(footer);
      if (marker?.ref !== ref) continue;
      found ??= { ids: new Map(), parts: marker.parts };
      if (marker.parts === found.parts && !found.ids.has(marker.part)) found.ids.set(marker.part, idOf(message));
    }
  }
  return found;
}

function fromBot(client: Client, author: unknown): boolean {
  if (!isRecord(author) || author.bot !== true) return false;
  // Before login (tests, or a publisher used from a script) the bot's own id is not known yet.
  const self = client.user?.id ?? client.application?.id;
  return self === undefined || author.id === self;
}

function footers(message: Record<string, unknown>): string[] {
  const embeds = Array.isArray(message.embeds) ? (message.embeds as unknown[]) : [];
  return embeds.flatMap((embed) => {
    const footer = isRecord(embed) && isRecord(embed.footer) ? embed.footer.text : undefined;
    return typeof footer === 'string' ? [footer] : [];
  });
}

/** Runs a REST call, turning "this channel is gone or closed to us" into `ChannelUnavailableError`. */
async function guarded<T>(channelId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DiscordAPIError && (CHANNEL_GONE_CODES.has(error.code) || CHANNEL_GONE_STATUSES.has(error.status))) {
      throw new ChannelUnavailableError(channelId, `${error.status} ${error.code}: ${error.message}`);
    }
    throw error;
  }
}

function idOf(message: unknown): string {
  if (isRecord(message) && typeof message.id === 'string') return message.id;
  throw new Error('Discord returned a message without an id');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
