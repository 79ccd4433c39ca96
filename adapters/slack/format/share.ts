import { safeMrkdwn } from '../escape.js';
import { ACTION, encodeView, type ViewState } from '../views.js';
import { actions, button, context } from './blocks.js';
import { appendBlocks } from './fit.js';
import type { SlackMessage } from './message.js';

/** A private reply with a "Share in channel" button that carries the view, so sharing recomputes the same reply. */
export function withShareButton(message: SlackMessage, view: ViewState): SlackMessage {
  return appendBlocks(message, actions([button('Share in channel', ACTION.share, encodeView(view), 'primary')]));
}

/** A shared copy, saying who shared it (their Slack username, escaped: it is text, not a mention). */
export function withSharedBy(message: SlackMessage, userName: string): SlackMessage {
  return appendBlocks(message, [context([`Shared by ${safeMrkdwn(userName)}`])]);
}

/** Replaces the share button on a private reply once it is shared; names no one, so it cannot ping. */
export const SHARED_NOTE = 'Shared in this channel.';

/** The private reply once shared: the same view, no share button, the note at the bottom. */
export function withSharedNote(message: SlackMessage): SlackMessage {
  return appendBlocks(message, [context([SHARED_NOTE])]);
}
