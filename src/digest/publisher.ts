import type { Platform } from '../store/store.js';
import type { Digest } from './digest.js';

/**
 * What an adapter gives the scheduler to post digests: the one seam between the exactly-once logic of the core
 * and a platform. `digestKey` identifies one channel's digest of one day; the adapter attaches it to the message
 * (Discord: a `nonce` derived from it, with `enforce_nonce`; Slack: message `metadata`) so that `findExisting` can
 * tell, after a crash, whether the post went through.
 */
export interface DigestPublisher {
  platform: Platform;
  /**
   * Posts the digest (rendered, and split across messages or a thread when it does not fit one) and returns the
   * id of the first message. Throws `ChannelUnavailableError` when the channel is gone or closed to the bot.
   */
  post(channelId: string, digest: Digest, digestKey: string): Promise<{ messageId: string }>;
  /** The id of a message already posted for `digestKey` in the channel's recent history, or null. */
  findExisting(channelId: string, digestKey: string): Promise<string | null>;
}

/**
 * The channel was deleted, archived, or the bot lost the right to post there (Discord 10003 Unknown Channel,
 * 50001 Missing Access, 50013 Missing Permissions; Slack `channel_not_found`, `is_archived`, `not_in_channel`).
 * Retrying cannot help: the subscription is marked and skipped until someone subscribes again.
 */
export class ChannelUnavailableError extends Error {
  override name = 'ChannelUnavailableError' as const;

  constructor(
    readonly channelId: string,
    /** The platform's code or a short reason, for the logs. */
    readonly reason: string,
  ) {
    super(`channel ${channelId} is unavailable: ${reason}`);
  }
}

/** True for the error an adapter throws when a channel is gone or closed to the bot. */
export function isChannelUnavailable(error: unknown): error is ChannelUnavailableError {
  return error instanceof ChannelUnavailableError;
}
