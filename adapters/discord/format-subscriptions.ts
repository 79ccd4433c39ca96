import { subscriptionDayText } from '../../src/digest/explain-day.js';
import type { Subscription } from '../../src/store/store.js';
import { plural } from '../../src/text.js';
import { DISCORD_LIMITS } from './limits.js';
import { fitText } from './fit.js';
import { NO_MENTIONS, type DiscordMessage } from './message.js';

const FILTER_ROOM = 200;
const REASON_ROOM = 120;
/** Which day's papers, and when: two sentences of the core's (`subscriptionDayText`). */
const DAY_TEXT_ROOM = 400;

/** `/subscribe`'s confirmation: what the channel will get, which day's papers, and when (as of `now`). */
export function formatSubscribed(subscription: Subscription, now: Date): DiscordMessage {
  const lines = [
    `This channel will get ${schedule(subscription)}.`,
    fitText(subscriptionDayText(subscription, now), DAY_TEXT_ROOM),
    emptyDays(subscription),
    'Run /unsubscribe to stop, or /subscribe again to change it.',
  ];
  return textMessage(lines.join('\n'));
}

/** `/unsubscribe`'s confirmation. */
export function formatUnsubscribed(): DiscordMessage {
  return textMessage('This channel will no longer get daily papers. Run /subscribe to start again.');
}

/**
 * `/subscriptions`: one line per channel of this server (a channel mention, shown as its name to those who can see
 * it), cut with "and N more" before the 2000-character content limit.
 */
export function formatSubscriptions(subscriptions: readonly Subscription[]): DiscordMessage {
  if (subscriptions.length === 0) return textMessage('No channel of this server gets daily papers. Run /subscribe in one to start.');
  const verb = subscriptions.length === 1 ? 'gets' : 'get';
  const lines = [`${plural(subscriptions.length, 'channel')} of this server ${verb} daily papers:`];
  let length = lines[0]!.length;
  for (const [i, subscription] of subscriptions.entries()) {
    const line = `• <#${subscription.channelId}>: ${schedule(subscription)}${paused(subscription)}`;
    const rest = subscriptions.length - i - 1;
    // Keep room for the "and N more" line whenever more lines could follow.
    if (length + line.length + 1 + (rest > 0 ? 30 : 0) > DISCORD_LIMITS.content) {
      lines.push(`…and ${subscriptions.length - i} more.`);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return textMessage(lines.join('\n'));
}

/** `the 10 most upvoted papers matching “x” every day at 09:00 (Europe/Paris)`, user text escaped. */
function schedule(subscription: Subscription): string {
  const filter = subscription.filter ? ` matching “${fitText(subscription.filter, FILTER_ROOM)}”` : '';
  const papers = subscription.top === 1 ? 'the most upvoted paper' : `the ${subscription.top} most upvoted papers`;
  return `${papers}${filter} every day at ${subscription.time} (${fitText(subscription.timezone, 64)})`;
}

function emptyDays(subscription: Subscription): string {
  return subscription.onEmptyDay === 'silent' ? 'Days without papers pass silently.' : 'A day without papers gets a short note.';
}

function paused(subscription: Subscription): string {
  if (!subscription.unavailableSince) return '';
  const reason = subscription.unavailableReason ? `: ${fitText(subscription.unavailableReason, REASON_ROOM)}` : '';
  return ` — paused, I could not post there${reason}. Run /subscribe there again to resume.`;
}

function textMessage(content: string): DiscordMessage {
  return { content, embeds: [], components: [], allowedMentions: NO_MENTIONS };
}
