import type { RespondFn } from '@slack/bolt';
import { UserError } from '../../../src/errors.js';
import { renderView } from '../render-view.js';
import type { SlackMessage } from '../format/message.js';
import { buttonListener } from './button.js';
import type { Click } from './click.js';
import type { ListenerDeps } from './deps.js';

/**
 * "Share in channel" on a reply only the asker sees: the same view posted for everyone through the response URL
 * (which works even where the bot is not a member), once; the private reply then shows a note where the button
 * was. The view is recomputed from the button's state.
 */
export function shareView(deps: ListenerDeps) {
  return buttonListener(deps, 'sharing a reply', (click, { respond }) => {
    const key = click.buttonKey;
    if (!key) throw new UserError('I cannot tell which message this button is on; please ask again.');
    return {
      render: () => renderView(deps.index, click.view, { sharedBy: click.userName }),
      deliver: (copy) => shareOnce(deps, click, key, copy, respond),
    };
  });
}

/** Posts the copy for everyone (`in_channel`), then replaces the private reply (`replace_original`); see `ShareClaims.share`. */
function shareOnce(deps: ListenerDeps, click: Click, key: string, copy: SlackMessage, respond: RespondFn): Promise<void> {
  return deps.shares.share(key, {
    // Bolt has acknowledged the click already.
    acknowledge: async () => {},
    post: async () => void (await respond({ response_type: 'in_channel', replace_original: false, ...copy })),
    markShared: async () => void (await respond({
      response_type: 'ephemeral', replace_original: true, ...renderView(deps.index, click.view, { sharedHere: true }),
    })),
  });
}
