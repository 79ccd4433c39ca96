import type { SocketModeReceiver } from '@slack/bolt';

/**
 * Whether the Socket Mode connection is up now, from the client's lifecycle events: `connected` on Slack's
 * `hello`, `disconnected` when the socket closes (a drop, a `disconnect` message, a failed reconnection).
 * Listen before `app.start()`, which resolves after the first `connected`.
 */
export function watchSocket(receiver: SocketModeReceiver): () => boolean {
  let connected = false;
  receiver.client.on('connected', () => (connected = true));
  receiver.client.on('disconnected', () => (connected = false));
  return () => connected;
}
