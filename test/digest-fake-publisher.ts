import type { Digest } from '../src/digest/digest.js';
import { ChannelUnavailableError, type DigestPublisher } from '../src/digest/publisher.js';
import type { Platform } from '../src/store/store.js';

export interface PostedMessage {
  channelId: string;
  digestKey: string;
  digest: Digest;
  messageId: string;
}

/**
 * An in-memory platform: remembers every message with its digest key (as Slack metadata or a Discord nonce
 * would), answers `findExisting` from that history, and fails on request.
 */
export class FakePublisher implements DigestPublisher {
  readonly messages: PostedMessage[] = [];
  readonly posts: string[] = [];
  /** Channels that are deleted or closed to the bot. */
  readonly gone = new Set<string>();
  /** Errors thrown by the next `post` calls; `afterSend` ones are thrown after the message was stored. */
  readonly failures: { error: Error; afterSend?: boolean }[] = [];
  lookups = 0;
  /** How long a post takes before the message is stored. */
  postMs = 0;

  constructor(readonly platform: Platform = 'discord') {}

  async post(channelId: string, digest: Digest, digestKey: string): Promise<{ messageId: string }> {
    this.posts.push(digestKey);
    if (this.gone.has(channelId)) throw new ChannelUnavailableError(channelId, 'Unknown Channel');
    const failure = this.failures.shift();
    if (failure && !failure.afterSend) throw failure.error;
    if (this.postMs > 0) await new Promise((resolve) => setTimeout(resolve, this.postMs));
    const messageId = `m${this.messages.length + 1}`;
    this.messages.push({ channelId, digestKey, digest, messageId });
    if (failure) throw failure.error;
    return { messageId };
  }

  async findExisting(channelId: string, digestKey: string): Promise<string | null> {
    this.lookups += 1;
    return this.messages.find((m) => m.channelId === channelId && m.digestKey === digestKey)?.messageId ?? null;
  }
}
