import { APOLOGY } from '../../../src/errors.js';
import { section } from './blocks.js';
import { fitMessage } from './fit.js';
import type { SlackMessage } from './message.js';
import { safeMrkdwn } from '../escape.js';

/** A reason the person can act on (a `UserError`'s message), shown as is but escaped. */
export function formatUserError(reason: string): SlackMessage {
  return fitMessage([reason], [section(`:information_source: ${safeMrkdwn(reason)}`)]);
}

/** The one message for faults that are not the person's to fix; the details go to the log only. */
export function formatApology(): SlackMessage {
  return fitMessage([APOLOGY], [section(`:warning: ${safeMrkdwn(APOLOGY)}`)]);
}
