import { isUserError } from '../../src/errors.js';
import type { SlackMessage } from './format/message.js';
import { formatApology, formatUserError } from './format/notice.js';
import type { Logger } from '../../src/logger.js';
import { tokenRefused, type SlackCredentialsError } from './credentials.js';

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

/** Where a failed reply is reported: the log, and, when Slack no longer accepts the bot token, whoever must stop the bot. */
export interface ReplyFailures {
  log: Logger;
  onBotTokenRefused(error: SlackCredentialsError): void;
}

/**
 * Sends a reply and reports whether it went out. A Web API refusal (`ratelimited`, `not_in_channel`,
 * `channel_not_found`, `missing_scope`, 5xx) is logged, not thrown: there is nobody left to tell, and the next
 * request must still be served. A bot token Slack no longer accepts (revoked while the bot runs) also goes to
 * `onBotTokenRefused`: every reply fails until someone sets a new one, so the bot should stop rather than run deaf.
 */
export async function sendSafely(failures: ReplyFailures, what: string, send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    failures.log.warn(`Slack: could not send ${what}`, { error: describe(error) });
    const refused = tokenRefused(error, 'SLACK_BOT_TOKEN');
    if (refused) failures.onBotTokenRefused(refused);
    return false;
  }
}

/** The error's code and message (Web API errors carry `code` and `data.error`) and its stack; no request bodies. */
export function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, data } = error as Error & { code?: unknown; data?: { error?: unknown } };
  return { name: error.name, message: error.message, code, slackError: data?.error, stack: error.stack };
}
