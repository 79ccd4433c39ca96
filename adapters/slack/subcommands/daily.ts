import { UserError } from '../../../src/errors.js';
import { parseDailyText } from '../../../src/digest/subscribe-text.js';
import { formatDigest } from '../format/digest.js';
import { echoTyped } from './echo-typed.js';
import { needDaily } from './need-daily.js';
import type { Subcommand } from './subcommand.js';

/**
 * A date argument is at most this long (YYYY-MM-DD): longer text, or several words, is not a date at all. Discord's
 * `/daily` caps its date option the same way; Slack's free text needs the check here.
 */
const DATE_LENGTH = 'YYYY-MM-DD'.length;

/**
 * `/papers daily [YYYY-MM-DD] [filter:words]`: a digest now, for the caller alone. No date means the latest complete
 * day, the list of the channel's digests ("yesterday" in its subscription's time zone, UTC without one); the reply
 * says which day and why, and the core falls back to the latest day it knows. `filter:` is the one of
 * `/papers subscribe`, so a list can be tried before subscribing to it.
 */
export const daily: Subcommand = {
  name: 'daily',
  usage: '/papers daily [YYYY-MM-DD] [filter:words]',
  summary: "a day's most upvoted papers (the latest complete day, or that date), all or those matching the filter",
  run: async (request) => {
    const core = needDaily(request);
    const typed = parseDailyText(request.argument);
    const date = dateArgument(typed.date);
    const timezone = (await core.store.subscription('slack', request.channelId))?.timezone;
    const digest = await core.daily({ date, filter: typed.filter, now: request.now, timezone });
    return { messages: formatDigest(digest) };
  },
};

/**
 * The date asked for, `undefined` for the latest complete day. Words get the usage; a date-sized word that is no date ("yesterday")
 * is left to the core, which names the format as it does for Discord.
 */
function dateArgument(text: string): string | undefined {
  if (text.length > DATE_LENGTH || /\s/.test(text)) {
    throw new UserError(
      `${echoTyped(text)} is not a date. \`/papers daily\` shows the latest complete day's papers and \`/papers daily 2026-08-20\` that day's; `
      + 'to list only those about some words, end with `filter:` and the words; to search all papers, use `/papers search`.',
    );
  }
  return text || undefined;
}
