import { renderView } from '../render-view.js';
import { buttonListener } from './button.js';
import type { ListenerDeps } from './deps.js';

/**
 * "Share in channel": the same view posted for everyone through the response URL (which works even where the
 * bot is not a member), replacing the private copy. The view is recomputed from the button's state.
 */
export function shareView(deps: ListenerDeps) {
  return buttonListener(deps, 'sharing a reply', (click, { respond }) => ({
    render: () => renderView(deps.index, click.view, { sharedBy: click.userName }),
    deliver: (message) => respond({ response_type: 'in_channel', delete_original: true, ...message }),
  }));
}
