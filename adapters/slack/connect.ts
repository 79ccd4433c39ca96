import { setTimeout as sleep } from 'node:timers/promises';
import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { credentialsError, type SlackCredentialsError, type SlackTokenVariable } from './credentials.js';
import { describe } from './explain-errors.js';

/** Waits between tries: the first, doubled after each failure up to the last. */
export interface RetryDelays {
  firstMs: number;
  maxMs: number;
}

/** 1 s, 2 s, 4 s … then once a minute: quick after a blip, gentle during an outage. */
export const CONNECT_RETRY: RetryDelays = { firstMs: 1000, maxMs: 60_000 };

/** What a retry loop needs besides the attempt. */
export interface RetryContext {
  log: Logger;
  delays: RetryDelays;
  /** Aborted on shutdown: the loop then stops waiting and rejects with the abort reason. */
  signal: AbortSignal;
}

/**
 * Runs `attempt` until it succeeds. Slack refusing the token in `variable` (`credentialsError`) ends it at once
 * with a `SlackCredentialsError`: no retry can fix a token. Anything else (network, HTTP 5xx, rate limits, a socket
 * that closed before Slack's hello) is logged and tried again after the next delay.
 */
export async function retryUntilAccepted<T>(what: string, variable: SlackTokenVariable, attempt: () => Promise<T>, context: RetryContext): Promise<T> {
  for (let wait = context.delays.firstMs; ; wait = Math.min(wait * 2, context.delays.maxMs)) {
    try {
      return await attempt();
    } catch (error) {
      const refused = credentialsError(error, variable);
      if (refused) throw refused;
      context.log.warn(`Slack: ${what} failed; trying again in ${wait} ms`, { error: describe(error) });
      await sleep(wait, undefined, { signal: context.signal });
    }
  }
}

/**
 * Reconnects Socket Mode ourselves whenever the connection drops (the receiver is built with
 * `autoReconnectEnabled: false`). @slack/socket-mode 3.1.0's own reconnection (`SocketModeClient.js`,
 * `retrieveWSSURL`) retries `apps.connections.open` forever on `token_revoked`, `missing_scope` and
 * `not_allowed_token_type`, and when a reconnect meets `invalid_auth`, a network error or a 5xx it rejects inside a
 * timer nobody awaits: either way the process looks alive and hears nothing. Here transient failures are retried
 * and a refused app token goes to `onRefused`, once.
 */
export function reconnectWhenDropped(receiver: SocketModeReceiver, connect: () => Promise<unknown>, context: RetryContext & { onRefused(error: SlackCredentialsError): void }): void {
  let connected = true;
  receiver.client.on('disconnected', () => {
    // A failed attempt of our own also ends in `disconnected`: only a drop of a live connection starts a loop.
    if (!connected || context.signal.aborted) return;
    connected = false;
    context.log.warn('Slack: the Socket Mode connection dropped; reconnecting');
    retryUntilAccepted('reconnecting Socket Mode', 'SLACK_APP_TOKEN', connect, context).then(
      () => {
        connected = true;
        context.log.info('Slack: reconnected (Socket Mode)');
      },
      (error: unknown) => {
        if (context.signal.aborted) return;
        const refused = credentialsError(error, 'SLACK_APP_TOKEN');
        if (refused) return context.onRefused(refused);
        context.log.error('Slack: reconnecting Socket Mode failed', { error: describe(error) });
      },
    );
  });
}
