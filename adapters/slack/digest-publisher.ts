import { z } from 'zod';
import type { webApi } from '@slack/bolt';
import type { Digest } from '../../src/digest/digest.js';
import { ChannelUnavailableError, type DigestPublisher } from '../../src/digest/publisher.js';
import type { Logger } from '../../src/logger.js';
import { formatDigest } from './format/digest.js';
import { describe, type ReplyFailures } from './explain-errors.js';
import { tokenRefused, type SlackCredentialsError } from './credentials.js';
import { slackErrorCode } from './error-code.js';

/** The metadata event type on every digest message: how `findExisting` recognises ours after a crash. */
export const DIGEST_EVENT_TYPE = 'paperbot_digest';

/**
 * How many of a channel's latest messages `findExisting` reads. The core asks only about a post that was in
 * flight a moment ago (a crash, a timeout), so the digest, if it went out, is among the newest; 100 is one page,
 * the most Slack recommends per `conversations.history` call
 * (https://docs.slack.dev/reference/methods/conversations.history, checked 2026-11).
 */
export const HISTORY_LOOKBACK = 100;

/**
 * Web API errors that mean "this channel is gone or closed to the bot": retrying cannot help, the subscription is
 * paused (ChannelUnavailableError). From the chat.postMessage and conversations.history references (checked
 * 2026-11). `missing_scope` is deliberately not here: it is the app's configuration, fixed once for every
 * channel by reinstalling with the manifest's scopes, so it propagates, is logged, and the core retries.
 */
export const CHANNEL_GONE_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found', 'is_archived', 'channel_is_archived', 'not_in_channel', 'restricted_action', 'team_access_not_granted',
]);

/** The fields of a `conversations.history` message that tell whether it is one of our digests. */
const HistoryMessage = z.looseObject({
  ts: z.string(),
  bot_id: z.string().optional(),
  user: z.string().optional(),
  metadata: z.looseObject({ event_type: z.string(), event_payload: z.looseObject({ key: z.unknown() }).optional() }).optional(),
});
const History = z.looseObject({ messages: z.array(z.unknown()).optional() });

/**
 * Posts daily digests with `client` (the app's own WebClient): the first message in the channel, the rest (a
 * digest that needs more than one) in its thread. Every message carries `metadata` naming the digest key. A call
 * refused because Slack no longer accepts the bot token goes to `onBotTokenRefused` as well as failing.
 */
export function createSlackPublisher(client: webApi.WebClient, { log, onBotTokenRefused }: ReplyFailures): DigestPublisher {
  let botId: Promise<string | undefined> | undefined;
  // auth.test once, lazily: the bot's id tells our messages from another app's that copied the metadata. A failed
  // call is forgotten (and the lookup fails, for the core to retry) rather than cached.
  const ourBotId = () => (botId ??= client.auth.test().then((r) => r.bot_id, (error: unknown) => {
    botId = undefined;
    throw error;
  }));
  return {
    platform: 'slack',
    post: (channelId, digest, digestKey) => reportingRefusedToken(onBotTokenRefused, () =>
      unavailableOnChannelErrors(channelId, () => postDigest(client, log, channelId, digest, digestKey))),
    findExisting: (channelId, digestKey) => reportingRefusedToken(onBotTokenRefused, () => unavailableOnChannelErrors(channelId, async () => {
      const history = await client.conversations.history({ channel: channelId, limit: HISTORY_LOOKBACK, include_all_metadata: true });
      return findDigest(History.parse(history).messages ?? [], digestKey, await ourBotId());
    })),
  };
}

/** The ts of the message in `messages` that our bot posted for `digestKey`, or null. */
function findDigest(messages: readonly unknown[], digestKey: string, botId: string | undefined): string | null {
  for (const raw of messages) {
    const message = HistoryMessage.safeParse(raw);
    if (!message.success) continue;
    const { ts, bot_id, metadata } = message.data;
    if (bot_id === botId && metadata?.event_type === DIGEST_EVENT_TYPE && metadata.event_payload?.key === digestKey) return ts;
  }
  return null;
}

/**
 * Posts the parts in order. Once the first is in the channel the digest exists: a later part that fails is logged
 * and the first message's ts returned, because failing the post would make the core look for it (and find it)
 * or post the whole digest again.
 */
async function postDigest(client: webApi.WebClient, log: Logger, channel: string, digest: Digest, key: string): Promise<{ messageId: string }> {
  const [first, ...rest] = formatDigest(digest);
  const metadata = { event_type: DIGEST_EVENT_TYPE, event_payload: { key } };
  // Paper links would otherwise unfurl into a large preview each.
  const common = { channel, metadata, unfurl_links: false, unfurl_media: false } as const;
  const posted = await client.chat.postMessage({ ...common, text: first!.text, blocks: first!.blocks });
  if (!posted.ts) throw new Error(`chat.postMessage answered without a ts for ${key}`);
  for (const [i, part] of rest.entries()) {
    try {
      await client.chat.postMessage({ ...common, thread_ts: posted.ts, text: part.text, blocks: part.blocks });
    } catch (error) {
      log.warn('Slack: a digest part could not be posted in its thread', { digestKey: key, part: i + 2, error: describe(error) });
      break;
    }
  }
  return { messageId: posted.ts };
}

/**
 * Runs `call`, passing on a refusal of the bot token itself (revoked, say) before rethrowing it: every digest would
 * fail the same way until someone sets a new token. The core records the post as waiting and retries it later.
 */
async function reportingRefusedToken<T>(onBotTokenRefused: (error: SlackCredentialsError) => void, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const refused = tokenRefused(error, 'SLACK_BOT_TOKEN');
    if (refused) onBotTokenRefused(refused);
    throw error;
  }
}

/** Runs a channel call, turning "the channel is gone or closed to us" into `ChannelUnavailableError`. */
async function unavailableOnChannelErrors<T>(channelId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined && CHANNEL_GONE_ERRORS.has(code)) throw new ChannelUnavailableError(channelId, code);
    throw error;
  }
}
