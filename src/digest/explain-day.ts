import type { Subscription } from '../store/store.js';
import type { DigestNote } from './digest.js';
import { postingTime } from './digest-day.js';
import { localMoment } from './local-time.js';

/**
 * The sentences that tell people which day's list they get, in plain text (no markup; ISO dates and zone names
 * only, nothing a person typed): the adapters place and escape them. Kept here so that Discord and Slack explain
 * the same rule in the same words.
 */

/** Why `/daily` shows the day it shows. */
export function digestNoteText(note: DigestNote): string {
  switch (note.kind) {
    case 'latest':
      return 'The latest complete day (Hugging Face’s days end at midnight UTC), as in the daily digests.';
    case 'open':
      return 'This day is not over: Hugging Face adds papers to it until midnight UTC, so the list may still grow.';
    case 'fallback': {
      const why = note.reason === 'empty'
        ? `Hugging Face lists no papers for ${note.wanted}, the latest complete day (weekends and holidays are quiet)`
        : `I could not fetch ${note.wanted}, the latest complete day, from Hugging Face just now`;
      return `${why}: this is the latest day I have.`;
    }
  }
}

/**
 * Which day a subscription's digests list, and, where midnight UTC comes after its time (east of UTC), when they
 * really come: for the `/subscribe` confirmation. `now` picks the day for that local time (daylight saving moves it).
 */
export function subscriptionDayText(subscription: Pick<Subscription, 'time' | 'timezone'>, now: Date): string {
  const rule = 'Each digest lists the previous day’s papers, complete: Hugging Face adds papers to a day until midnight UTC.';
  const postsAt = postingTime(localMoment(now, subscription.timezone).day, subscription.timezone, subscription.time);
  if (postsAt === subscription.time) return rule;
  return `${rule} Midnight UTC is ${postsAt} in ${subscription.timezone}, so the digest comes at ${postsAt}, not ${subscription.time}.`;
}
