import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackMessage } from '../format/message.js';
import { explainError, sendSafely } from '../explain-errors.js';
import { readClick, type Click } from './click.js';
import type { ListenerDeps } from './deps.js';

/** What Bolt passes a `block_actions` listener. */
export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

/** What a button does: the message to show, and where it goes. */
export interface ButtonPlan {
  render(): SlackMessage;
  deliver(message: SlackMessage): Promise<unknown>;
}

/**
 * The common shape of every button: ack at once, read the state the button carries, render and deliver. Errors go
 * to the clicker alone (ephemeral), never over a message others can see.
 */
export function buttonListener(deps: ListenerDeps, what: string, plan: (click: Click, args: ButtonArgs) => ButtonPlan) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await deps.inflight.track(async () => {
      let reply: { message: SlackMessage; deliver: (message: SlackMessage) => Promise<unknown> };
      try {
        const chosen = plan(readClick(args.body), args);
        reply = { message: chosen.render(), deliver: (message) => chosen.deliver(message) };
      } catch (error) {
        const message = explainError(deps.log, what, error);
        reply = { message, deliver: () => args.respond({ response_type: 'ephemeral', replace_original: false, ...message }) };
      }
      await sendSafely(deps, what, () => reply.deliver(reply.message));
    });
  };
}
