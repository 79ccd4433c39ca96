import { z } from 'zod';
import { UserError } from '../errors.js';
import type { Platform, Subscription } from '../store/store.js';
import { MAX_DIGEST_TOP, type DailyConfig } from './config.js';
import { checkedFilter } from './digest-filter.js';
import { closestTimeZone, isTimeZone } from './time-zone.js';

/** What `/subscribe` (Discord) or `/papers subscribe` (Slack) passes in; every setting optional. */
export interface SubscriptionRequest {
  platform: Platform;
  channelId: string;
  time?: string | undefined;
  timezone?: string | undefined;
  filter?: string | undefined;
  top?: number | undefined;
  onEmptyDay?: 'note' | 'silent' | undefined;
}

const Request = z.object({
  platform: z.enum(['discord', 'slack']),
  channelId: z.string().min(1),
  time: z.string().trim().optional(),
  timezone: z.string().trim().optional(),
  filter: z.string().trim().optional(),
  top: z.number().optional(),
  onEmptyDay: z.enum(['note', 'silent']).optional(),
});

/** `9:05`, `09:05`, `9` → `09:05`, `09:05`, `09:00`. */
const LOOSE_TIME = /^(\d{1,2})(?::(\d{2}))?$/;

/**
 * Checks a subscription request and fills in the defaults (09:00, UTC, 10 papers, a note on empty days).
 * Throws `UserError` with a reason to show: a bad time, an unknown time zone (with the closest known name),
 * `top` outside 1–25, or a filter too long or with nothing searchable in it.
 */
export function parseSubscriptionRequest(request: SubscriptionRequest, defaults: Pick<DailyConfig, 'digestTime' | 'digestTimezone' | 'digestTop'>): Subscription {
  const input = Request.parse(request);
  const subscription: Subscription = {
    platform: input.platform,
    channelId: input.channelId,
    time: input.time ? timeOfDay(input.time) : defaults.digestTime,
    timezone: input.timezone ? timeZone(input.timezone) : defaults.digestTimezone,
    top: input.top === undefined ? defaults.digestTop : top(input.top),
    onEmptyDay: input.onEmptyDay ?? 'note',
  };
  const filter = checkedFilter(input.filter);
  if (filter) subscription.filter = filter;
  return subscription;
}

function timeOfDay(raw: string): string {
  const match = LOOSE_TIME.exec(raw);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2] ?? 0);
  if (!match || hours > 23 || minutes > 59) throw new UserError(`"${raw}" is not a time of day. Use HH:MM, 24-hour, e.g. 09:00 or 17:30.`);
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function timeZone(raw: string): string {
  if (isTimeZone(raw)) return new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
  const suggestion = closestTimeZone(raw);
  throw new UserError(`"${raw}" is not a time zone I know.${suggestion ? ` Did you mean ${suggestion}?` : ''} Use an IANA name such as Europe/Paris.`);
}

function top(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_DIGEST_TOP) throw new UserError(`The number of papers must be a whole number from 1 to ${MAX_DIGEST_TOP}.`);
  return value;
}
