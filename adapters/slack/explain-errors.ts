import { isUserError } from '../../src/errors.js';
import type { SlackMessage } from './format/message.js';
import { formatApology, formatUserError } from './format/notice.js';
import type { Logger } from '../../src/logger.js';
import { tokenRefused } from './credentials.js';

/**
 * The message for a request: what `build` returns, or, when it throws, the reason for a `UserError` and an
 * apology for anything else (logged with its stack, never shown).
 */
export async function messageOrExplanation(log: Logger, what: string, build: () => SlackMessage | Promise<SlackMessage>): Promise<SlackMessage> {
  try {
    return await build();
  } catch (error) {
    return explainError(log, what, error);
  }
}

/** The reason of a `UserError`; for anything else, a log line with the stack and the apology. */
export function explainError(log: Logger, what: string, error: unknown): SlackMessage {
  if (isUserError(error)) return formatUserError(error.message);
  log.error(`Slack: ${what} failed`, { error: describe(error) });
  return formatApology();
}

/**
 * Sends a reply and reports whether it went out. A Web API refusal (`ratelimited`, `not_in_channel`,
 * `channel_not_found`, 5xx) is logged, not thrown: there is nobody left to tell, and the next request must still
 * be served. A bot token Slack no longer accepts (revoked while the bot runs) is logged as an error saying what to
 * do: every reply fails until someone sets a new one, and a warning per reply would hide why.
 */
export async function sendSafely(log: Logger, what: string, send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    const refused = tokenRefused(error, 'SLACK_BOT_TOKEN');
    if (refused) log.error(`Slack: could not send ${what}. ${refused.message}`);
    else log.warn(`Slack: could not send ${what}`, { error: describe(error) });
    return false;
  }
}

/** The error's code and message (Web API errors carry `code` and `data.error`) and its stack; no request bodies. */
export function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, data } = error as Error & { code?: unknown; data?: { error?: unknown } };
  return { name: error.name, message: error.message, code, slackError: data?.error, stack: error.stack };
}
