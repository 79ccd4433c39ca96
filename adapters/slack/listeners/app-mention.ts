import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerMessage } from './answer-message.js';
import type { ListenerDeps } from './deps.js';

/** `@paperbot <question>` in a channel: answered in the message's thread. Bolt has acked the event already. */
export function appMention(deps: ListenerDeps) {
  return async ({ event, body, context, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>): Promise<void> => {
    await deps.inflight.track(() =>
      answerMessage(deps, { event, eventId: body.event_id, botUserId: context.botUserId, client, inThread: true }),
    );
  };
}
