import type { webApi } from '@slack/bolt';
import { IncomingMessage, isIgnored, messageKeys } from '../dedupe.js';
import { questionFromText } from '../incoming-text.js';
import { renderView } from '../render-view.js';
import type { ViewState } from '../views.js';
import { asksForHelp } from '../../../src/text.js';
import { messageOrExplanation, sendSafely } from '../explain-errors.js';
import type { ListenerDeps } from './deps.js';
import { stopwatch } from '../../ops/question-meter.js';

/** A message event and what is needed to answer it. */
export interface MessageToAnswer {
  /** The event as Slack sent it; validated here. */
  event: unknown;
  eventId: string | undefined;
  botUserId: string | undefined;
  client: webApi.WebClient;
  /** Channels answer in the message's thread (starting one); DMs answer in place unless already in a thread. */
  inThread: boolean;
}

/**
 * The shared path of mentions and DMs: skip what must not be answered or was answered already, take the
 * question out of the text, answer it, post once.
 */
export async function answerMessage(deps: ListenerDeps, input: MessageToAnswer): Promise<void> {
  const elapsed = stopwatch();
  const parsed = IncomingMessage.safeParse(input.event);
  if (!parsed.success) {
    deps.log.warn('Slack: message event without channel or ts', { issues: parsed.error.issues.length });
    return;
  }
  const message = parsed.data;
  if (isIgnored(message, input.botUserId) || !deps.seen.firstTime(messageKeys(message, input.eventId))) return;
  const question = questionFromText(message.text, input.botUserId);
  // A bare mention, "help" or a greeting gets what the bot can do; anything else is a question.
  const view: ViewState = question === '' || asksForHelp(question) ? { v: 'help' } : { v: 'answer', q: question };
  // Set once the answer is rendered: an explanation in its place (a question that cannot be searched) is no answer.
  let answered = false;
  const reply = await messageOrExplanation(deps.log, 'answering a message', () => {
    const rendered = renderView(deps.index, view);
    answered = view.v === 'answer';
    return rendered;
  });
  const threadTs = message.thread_ts ?? (input.inThread ? message.ts : undefined);
  const sent = await sendSafely(deps, 'an answer', () =>
    input.client.chat.postMessage({
      channel: message.channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: reply.text,
      blocks: reply.blocks,
      // Paper links would otherwise unfurl into large previews under every answer.
      unfurl_links: false,
      unfurl_media: false,
    }),
  );
  if (answered && sent) deps.meter?.answered('slack', elapsed());
}
