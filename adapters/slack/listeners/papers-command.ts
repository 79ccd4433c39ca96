import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommandText } from '../subcommands/index.js';
import type { SubcommandReply } from '../subcommands/subcommand.js';
import { questionFromText } from '../incoming-text.js';
import { renderView } from '../render-view.js';
import { explainError, sendSafely } from '../explain-errors.js';
import type { SlackMessage } from '../format/message.js';
import type { ListenerDeps } from './deps.js';
import { stopwatch } from '../../ops/question-meter.js';

/** The slash command's name, as in `manifest.json`. */
export const PAPERS_COMMAND = '/papers';

/**
 * `/papers …`: acked at once (Slack allows 3 s), then answered through `respond` so only the caller sees it,
 * with a "Share in channel" button. A reply of several messages (a long digest) is sent in order, one `respond`
 * each (a response URL takes up to 5, platform-notes §4.4).
 */
export function papersCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    const elapsed = stopwatch();
    await ack();
    await deps.inflight.track(async () => {
      const { subcommand, argument } = parseCommandText(questionFromText(command.text));
      let replies: SlackMessage[];
      let answered = false;
      try {
        const result = await subcommand.run({
          argument, index: deps.index, userId: command.user_id, channelId: command.channel_id, daily: deps.daily, now: new Date(),
        });
        replies = messagesOf(deps, result);
        answered = 'view' in result && result.view.v === 'answer';
      } catch (error) {
        replies = [explainError(deps.log, `/papers ${subcommand.name}`, error)];
      }
      for (const reply of replies) {
        if (!(await sendSafely(deps, 'a /papers reply', () => respond({ response_type: 'ephemeral', ...reply })))) return;
      }
      if (answered) deps.meter?.answered('slack', elapsed());
    });
  };
}

function messagesOf(deps: ListenerDeps, result: SubcommandReply): SlackMessage[] {
  if ('view' in result) return [renderView(deps.index, result.view, { shareable: true })];
  return 'message' in result ? [result.message] : result.messages;
}
