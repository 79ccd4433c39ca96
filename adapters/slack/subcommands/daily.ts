import { formatDigest } from '../format/digest.js';
import { needDaily } from './need-daily.js';
import type { Subcommand } from './subcommand.js';

/**
 * `/papers daily [YYYY-MM-DD]`: a digest now, for the caller alone. "Today" is today in the channel's
 * subscription time zone when it has one (UTC otherwise); the core falls back to the latest day it knows.
 */
export const daily: Subcommand = {
  name: 'daily',
  usage: '/papers daily [YYYY-MM-DD]',
  summary: "the day's most upvoted papers (today, or that date)",
  run: async (request) => {
    const core = needDaily(request);
    const timezone = core.store.subscription('slack', request.channelId)?.timezone;
    const digest = await core.daily({ date: request.argument.trim() || undefined, now: request.now, timezone });
    return { messages: formatDigest(digest) };
  },
};
