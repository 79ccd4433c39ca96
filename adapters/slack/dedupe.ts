import { z } from 'zod';

/**
 * Slack delivers one message more than once: it retries an event it thinks we missed (`x-slack-retry-num`, same
 * `event_id`), and a mention in a conversation the app also reads arrives as both `app_mention` and `message`
 * (different `event_id`, same channel and `ts`). Each is answered once.
 */

/** Slack retries for about five minutes (immediately, after 1 min, after 5 min); keep keys a little longer. */
const REMEMBER_MS = 10 * 60_000;
/** Bounds memory under a flood; the oldest keys go first. */
const MAX_KEYS = 10_000;

/** Remembers which events and messages were already taken on. */
export class Deduper {
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True the first time any of `keys` is offered (and records them all); false for a repeat. */
  firstTime(keys: readonly string[]): boolean {
    const now = this.now();
    this.forgetOld(now);
    const repeat = keys.some((key) => this.seen.has(key));
    for (const key of keys) {
      // Re-inserting moves the key to the end, so the map stays in age order for `forgetOld`.
      this.seen.delete(key);
      this.seen.set(key, now);
    }
    return !repeat;
  }

  private forgetOld(now: number): void {
    for (const [key, at] of this.seen) {
      if (now - at <= REMEMBER_MS && this.seen.size <= MAX_KEYS) break;
      this.seen.delete(key);
    }
  }
}

/** The fields of a message event the adapter reads; the rest of Slack's payload is passed over. */
export const IncomingMessage = z.looseObject({
  channel: z.string().min(1),
  ts: z.string().min(1),
  text: z.string().default(''),
  user: z.string().optional(),
  thread_ts: z.string().optional(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  edited: z.unknown().optional(),
});
export type IncomingMessage = z.infer<typeof IncomingMessage>;

/** The keys one message is known by: its event delivery and the message itself. */
export function messageKeys(message: IncomingMessage, eventId: string | undefined): string[] {
  return [`message:${message.channel}:${message.ts}`, ...(eventId ? [`event:${eventId}`] : [])];
}

/** Subtypes that are still a person writing: a message with a file, a thread reply also sent to the channel. */
const PERSON_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/**
 * Messages the bot must not answer: from bots (its own posts included, which would loop), edits and other
 * subtypes (joins, deletions, changes), and anything without a human author.
 */
export function isIgnored(message: IncomingMessage, botUserId: string | undefined): boolean {
  if (message.bot_id !== undefined || message.edited !== undefined) return true;
  if (message.subtype !== undefined && !PERSON_SUBTYPES.has(message.subtype)) return true;
  return message.user === undefined || message.user === botUserId;
}
