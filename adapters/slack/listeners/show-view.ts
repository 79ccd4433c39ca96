import { renderView } from '../render-view.js';
import { buttonListener } from './button.js';
import type { ListenerDeps } from './deps.js';

/**
 * "More results": the message is replaced by the next page. An ephemeral reply is replaced through `respond`;
 * a public answer (the bot's own post) through `chat.update`, so the thread does not fill with pages.
 */
export function showView(deps: ListenerDeps) {
  return buttonListener(deps, 'showing more results', (click, { respond, client }) => {
    const target = click.publicMessage;
    return {
      render: () => renderView(deps.index, click.view, { shareable: !target }),
      deliver: (message) => target
        ? client.chat.update({ channel: target.channel, ts: target.ts, text: message.text, blocks: message.blocks })
        : respond({ response_type: 'ephemeral', replace_original: true, ...message }),
    };
  });
}
