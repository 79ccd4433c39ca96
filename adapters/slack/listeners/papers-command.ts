import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommandText } from '../subcommands/index.js';
import { questionFromText } from '../incoming-text.js';
import { renderView } from '../render-view.js';
import { messageOrExplanation, sendSafely } from '../explain-errors.js';
import type { ListenerDeps } from './deps.js';

/** The slash command's name, as in `manifest.json`. */
export const PAPERS_COMMAND = '/papers';

/**
 * `/papers …`: acked at once (Slack allows 3 s), then answered through `respond` so only the caller sees it,
 * with a "Share in channel" button.
 */
export function papersCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    await deps.inflight.track(async () => {
      const { subcommand, argument } = parseCommandText(questionFromText(command.text));
      const reply = await messageOrExplanation(deps.log, `/papers ${subcommand.name}`, async () => {
        const result = await subcommand.run({ argument, index: deps.index, userId: command.user_id, channelId: command.channel_id });
        return 'view' in result ? renderView(deps.index, result.view, { shareable: true }) : result.message;
      });
      await sendSafely(deps.log, 'a /papers reply', () => respond({ response_type: 'ephemeral', ...reply }));
    });
  };
}
