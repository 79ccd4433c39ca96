import type { App } from '@slack/bolt';
import { ACTION, EXTEND_ACTION } from '../views.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';
import { PAPERS_COMMAND, papersCommand } from './papers-command.js';
import { showView } from './show-view.js';
import { extendView } from './extend-view.js';
import { shareView } from './share-view.js';
import type { ListenerDeps } from './deps.js';

/** Wires every listener to the app: one callback per file, as in the Bolt starter template. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.event('app_mention', appMention(deps));
  app.message(directMessage(deps));
  app.command(PAPERS_COMMAND, papersCommand(deps));
  app.action({ type: 'block_actions', action_id: ACTION.show }, showView(deps));
  app.action({ type: 'block_actions', action_id: EXTEND_ACTION }, extendView(deps));
  app.action({ type: 'block_actions', action_id: ACTION.share }, shareView(deps));
}
