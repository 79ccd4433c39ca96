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

/**
 * Order: claim the button, post the copy (`in_channel`), then replace the private reply (`replace_original`).
 * Posting first loses nothing: if the post fails, the claim is given back and the button is still there to press
 * again; if the replacement fails, the copy is out and the claim keeps a second press from posting another.
 * Replacing first would remove the button before knowing the copy went out. A press while the first is posting
 * sends nothing (the first replaces the reply); a press after it sends the replacement again.
 */
async function shareOnce(deps: ListenerDeps, click: Click, key: string, copy: SlackMessage, respond: RespondFn): Promise<void> {
  const earlier = deps.shares.claim(key);
  if (earlier === 'sharing') return;
  const markShared = () => respond({
    response_type: 'ephemeral', replace_original: true, ...renderView(deps.index, click.view, { sharedHere: true }),
  });
  if (earlier === 'shared') {
    await markShared();
    return;
  }
  try {
    await respond({ response_type: 'in_channel', replace_original: false, ...copy });
  } catch (error) {
    deps.shares.release(key);
    throw error;
  }
  deps.shares.shared(key);
  await markShared();
}
