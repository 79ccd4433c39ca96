import { subscriptionDayText } from '../../../src/digest/explain-day.js';
import type { Subscription } from '../../../src/store/store.js';
import { plural, truncate } from '../../../src/text.js';
import { SLACK_LIMITS } from '../limits.js';
import { safeMrkdwn } from '../escape.js';
import { context, header, section } from './blocks.js';
import { fitMessage } from './fit.js';
import type { KnownBlock, SlackMessage } from './message.js';

/** Filters are echoed this short in confirmations and lists. */
const FILTER_ROOM = 200;

/**
 * The confirmation of `/papers subscribe`, restating every setting so a typo shows at once, and saying which day's
 * papers each digest lists and when it comes (as of `now`).
 */
export function formatSubscribed(subscription: Subscription, now: Date): SlackMessage {
  const line = `This channel gets ${describeSubscription(subscription)}.`;
  const day = subscriptionDayText(subscription, now);
  return fitMessage([line, day], [
    section(`:white_check_mark: ${safeMrkdwn(line)}\n${safeMrkdwn(day)}`),
    context(['I can only post where I am a member: if I am not in this channel yet, `/invite @paperbot`. Change it with `/papers subscribe …` again, stop it with `/papers unsubscribe`.']),
  ]);
}

export function formatUnsubscribed(removed: boolean): SlackMessage {
  const line = removed ? 'This channel no longer gets a daily digest.' : 'This channel had no daily digest; nothing changed.';
  return fitMessage([line], [section(safeMrkdwn(line))]);
}

/** Every subscribed channel (as a channel link, which notifies nobody) with its settings; the caller's marked. */
export function formatSubscriptions(subscriptions: readonly Subscription[], here: string): SlackMessage {
  if (subscriptions.length === 0) {
    const none = 'No channel gets a daily digest yet. Start one with `/papers subscribe`.';
    return fitMessage([none], [section(none)]);
  }
  const lines = subscriptions.map((s) => `• ${channelLink(s.channelId)}${s.channelId === here ? ' (this channel)' : ''}: ${safeMrkdwn(describeSubscription(s))}${paused(s)}`);
  const title = `Daily digests: ${plural(subscriptions.length, 'channel')}`;
  return fitMessage([title], [header(title), ...sectionsOf(lines)]);
}

/** "the top 10 papers at 09:00 (Europe/Paris) every day, matching “x”, with a note on days without papers" */
export function describeSubscription(s: Subscription): string {
  const filter = s.filter ? `, matching “${truncate(s.filter, FILTER_ROOM)}”` : '';
  const empty = s.onEmptyDay === 'note' ? 'a short note on days without papers' : 'nothing on days without papers';
  return `the top ${plural(s.top, 'paper')} of Hugging Face Daily Papers at ${s.time} (${s.timezone}) every day${filter}, and ${empty}`;
}

function paused(s: Subscription): string {
  if (!s.unavailableSince) return '';
  return ` _(paused since ${safeMrkdwn(s.unavailableSince.slice(0, 10))}: ${safeMrkdwn(s.unavailableReason ?? 'channel unavailable')}; subscribe again to resume)_`;
}

/** `<#C123>` for a well-formed channel id (Slack shows the name, and it notifies nobody); the bare id otherwise. */
function channelLink(channelId: string): string {
  return /^[CGD][A-Z0-9]{2,}$/.test(channelId) ? `<#${channelId}>` : safeMrkdwn(channelId);
}

/** Lines grouped into sections that each fit Slack's section text limit. */
function sectionsOf(lines: readonly string[]): KnownBlock[] {
  const groups: string[] = [];
  for (const line of lines) {
    const last = groups.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= SLACK_LIMITS.sectionText) groups[groups.length - 1] = `${last}\n${line}`;
    else groups.push(line);
  }
  return groups.map((group) => section(group));
}
