import { UserError } from '../../../src/errors.js';
import type { DailyPapers } from '../../../src/digest/daily-papers.js';
import type { SubcommandRequest } from './subcommand.js';

/** What the digest subcommands answer on a bot started without daily papers (no database configured). */
export const DAILY_NOT_CONFIGURED = 'Daily digests are not configured on this bot, so there is nothing to subscribe to yet. Ask whoever runs it to enable daily papers.';

/** The daily-papers core of a request; a polite `UserError` when the bot runs without it. */
export function needDaily(request: SubcommandRequest): DailyPapers {
  if (!request.daily) throw new UserError(DAILY_NOT_CONFIGURED);
  return request.daily;
}
