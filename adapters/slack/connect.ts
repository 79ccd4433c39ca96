import { setTimeout as sleep } from 'node:timers/promises';
import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { credentialsError, SlackCredentialsError, type SlackTokenVariable } from './credentials.js';
import { describe } from './explain-errors.js';
import { failureReason, isUnknownHost, retryAfterMs } from './connect-failure.js';
import type { ApiAddress } from '../api-address.js';
import { SlackUnreachableError } from './unreachable.js';

/** Waits between tries: the first, doubled after each failure up to the last. */
export interface RetryDelays {
  firstMs: number;
  maxMs: number;
}

/** 1 s, 2 s, 4 s … then once a minute: quick after a blip, gentle during an outage. */
export const CONNECT_RETRY: RetryDelays = { firstMs: 1000, maxMs: 60_000 };

/**
 * How long start-up keeps trying through network errors, 5xx and rate limits before it gives up with exit code 1.
 * Two minutes ride out a blip, a proxy or network that comes up just after the bot, and a usual Retry-After (Slack
 * counts its rate limits per minute, https://api.slack.com/apis/rate-limits); past that, a wrong SLACK_API_URL or a
 * machine that cannot reach Slack is the likely cause, and it needs a person (or a supervisor that restarts the bot
 * and shows the failures) more than warnings logged forever. Reconnecting a running bot has no such limit: Slack
 * was reachable a moment ago, and an outage passes.
 */
export const START_UP_LIMIT_MS = 2 * 60_000;

/** Start-up's limit: when it stops trying (`Date.now()` time, one for all its steps), and which Web API address to name then. */
export interface StartUpLimit {
  endsAt: number;
  api: ApiAddress;
}

/** What a retry loop needs besides the attempt. */
export interface RetryContext {
  log: Logger;
  delays: RetryDelays;
  /** Aborted on shutdown: the loop then stops waiting and rejects with the abort reason. */
  signal: AbortSignal;
  /** Start-up only; without it (reconnection) the loop tries until it succeeds or is aborted. */
  limit?: StartUpLimit;
}

/**
 * Runs `attempt` until it succeeds. Slack refusing the token in `variable` (`credentialsError`) ends it at once
 * with a `SlackCredentialsError`: no retry can fix a token. Anything else (network, HTTP 5xx, rate limits, a socket
 * that closed before Slack's hello) is logged and tried again after the next delay, or Retry-After when Slack gave
 * a longer one; with a `limit`, until that runs out (`SlackUnreachableError`).
 */
export async function retryUntilAccepted<T>(what: string, variable: SlackTokenVariable, attempt: () => Promise<T>, context: RetryContext): Promise<T> {
  const startedAt = Date.now();
  for (let tries = 1, backoff = context.delays.firstMs; ; tries += 1, backoff = Math.min(backoff * 2, context.delays.maxMs)) {
    try {
      return await attempt();
    } catch (error) {
      const refused = credentialsError(error, variable);
      if (refused) throw refused;
      const wait = nextWait(error, backoff, context.limit, { what, tries, startedAt });
      context.log.warn(`Slack: ${what} failed; trying again in ${wait} ms`, { error: describe(error) });
      await sleep(wait, undefined, { signal: context.signal });
    }
  }
}

/**
 * The wait before the next try: the back-off, or Slack's Retry-After when longer, cut to what is left of the
 * limit, so that the last try falls on it. Throws `SlackUnreachableError` when start-up should stop instead: the
 * limit has run out, Slack asked to wait past it, or SLACK_API_URL names a host that does not exist.
 */
function nextWait(error: unknown, backoffMs: number, limit: StartUpLimit | undefined, progress: { what: string; tries: number; startedAt: number }): number {
  const asked = retryAfterMs(error);
  if (!limit) return Math.max(backoffMs, asked);
  const elapsedMs = Date.now() - progress.startedAt;
  const leftMs = limit.endsAt - Date.now();
  // A SLACK_API_URL host that does not exist fails at once. ENOTFOUND is the resolver's answer that the name does
  // not exist (NXDOMAIN), not a failure to ask it (EAI_AGAIN, retried like any network error); for a name someone
  // typed, a typo is far likelier than a name about to appear, and no wait fixes a typo (a proxy whose name appears
  // only once its container runs is left to the supervisor's restart). slack.com itself not resolving says that
  // this machine's DNS is off for now (a network coming up, a captive portal): that is retried within the limit.
  const unknownHost = limit.api.fromSetting && isUnknownHost(error);
  if (unknownHost || leftMs <= 0 || asked > leftMs) {
    throw new SlackUnreachableError(progress.what, limit.api, { reason: failureReason(error), tries: progress.tries, elapsedMs, unknownHost });
  }
  return Math.min(Math.max(backoffMs, asked), leftMs);
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
        // retryUntilAccepted has already turned a refusal of the app token into this error.
        if (error instanceof SlackCredentialsError) return context.onRefused(error);
        context.log.error('Slack: reconnecting Socket Mode failed', { error: describe(error) });
      },
    );
  });
}
