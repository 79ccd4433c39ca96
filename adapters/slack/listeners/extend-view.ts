import { renderView } from '../render-view.js';
import { buttonListener } from './button.js';
import type { ListenerDeps } from './deps.js';

/**
 * "Similar papers": a new message below the answer. Under a public answer it goes in the answer's thread; under
 * an ephemeral reply it is another ephemeral reply, with its own share button.
 */
export function extendView(deps: ListenerDeps) {
  return buttonListener(deps, 'showing similar papers', (click, { respond, client }) => {
    const target = click.publicMessage;
    return {
      render: () => renderView(deps.index, click.view, { shareable: !target }),
      deliver: (message) => target
        ? client.chat.postMessage({
          channel: target.channel, thread_ts: target.threadTs ?? target.ts, text: message.text, blocks: message.blocks,
          unfurl_links: false, unfurl_media: false,
        })
        : respond({ response_type: 'ephemeral', replace_original: false, ...message }),
    };
  });
}
