import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerMessage } from './answer-message.js';
import type { ListenerDeps } from './deps.js';

/** A question in a DM with the bot: answered in the DM. Messages elsewhere are left to `app_mention`. */
export function directMessage(deps: ListenerDeps) {
  return async ({ event, body, context, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>): Promise<void> => {
    if (event.channel_type !== 'im') return;
    await deps.inflight.track(() =>
      answerMessage(deps, { event, eventId: body.event_id, botUserId: context.botUserId, client, inThread: false }),
    );
  };
}
