import { Server } from 'node:http';
import { App, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { PaperIndex } from '../../src/paper-index.js';
import type { SlackConfig } from './config.js';
import { toBoltLogger } from './log.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import { Deduper } from './dedupe.js';
import { ShareClaims } from '../../src/share-claims.js';
import { InFlight } from './inflight.js';
import { registerListeners } from './listeners/index.js';
import { describe } from './explain-errors.js';
import type { DailyPapers } from '../../src/digest/daily-papers.js';
import type { DigestPublisher } from '../../src/digest/publisher.js';
import { createSlackPublisher } from './digest-publisher.js';
import { CONNECT_RETRY, reconnectWhenDropped, retryUntilAccepted, START_UP_LIMIT_MS, type RetryDelays } from './connect.js';
import { apiAddress } from '../api-address.js';
import { SLACK_API } from './unreachable.js';
import type { SlackCredentialsError } from './credentials.js';
import { watchSocket } from './socket-state.js';
import type { QuestionMeter } from '../ops/question-meter.js';

/**
 * Web API retries for chat replies: a few quick tries on 5xx and network errors, then give up. The library's
 * default (10 retries over 30 minutes) would post answers half an hour late.
 */
export const REPLY_RETRIES: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 };
/** How long shutdown waits for answers already being worked on. */
const DRAIN_MS = 5000;

/** Optional parts: daily papers, and knobs for tests and benchmarks (production uses the defaults). */
export interface SlackStartOptions {
  /** Override the Web API retry policy (tests use a fast one). */
  retryConfig?: webApi.RetryOptions;
  /**
   * Daily papers (subscriptions, `/papers daily`). Without it the bot runs as before and the digest subcommands
   * answer that daily digests are not configured.
   */
  daily?: DailyPapers;
  /** Waits between start-up and reconnection tries after a network error, 5xx or rate limit (tests use short ones). */
  connectRetry?: RetryDelays;
  /** How long start-up keeps trying before it gives up: `START_UP_LIMIT_MS` (tests use a short one). */
  startUpLimitMs?: number;
  /**
   * Called once if Slack refuses a token while the app runs (revoked, say): SLACK_APP_TOKEN when Socket Mode
   * reconnects (no event can arrive any more), SLACK_BOT_TOKEN on a reply or a digest (nothing can be posted).
   * `npm start` then logs it and shuts down with exit code 1 rather than look alive. Without it the error is
   * logged, once.
   */
  onCredentialsRefused?: (error: SlackCredentialsError) => void;
  /** Counts and times the questions answered, for the metrics. */
  meter?: QuestionMeter | undefined;
}

/** A running Slack app. */
export interface SlackRunning {
  /** Stops taking requests, lets answers in progress finish (up to 5 s), closes the connection. */
  stop(): Promise<void>;
  /** The HTTP port actually listened on (HTTP mode; useful with port 0), else `undefined`. */
  port: number | undefined;
  /**
   * Posts digests through this app's Web API client, for `daily.startSchedule({ slack: running.publisher })`.
   * Stop the schedule before `stop()`, so that no digest starts while the app shuts down.
   */
  publisher: DigestPublisher;
  /**
   * Whether Slack can reach the app now, for `/healthz`: in Socket Mode, the connection is up (false while it
   * reconnects); in HTTP mode, the app listens, which it does from start to stop.
   */
  connected(): boolean;
}

/**
 * Starts the Slack adapter over `index`: checks the bot token (`auth.test`, so a bad token fails here, not on the
 * first message), registers the listeners, and connects by Socket Mode or listens for HTTP as `config` says.
 * A token Slack refuses rejects with a `SlackCredentialsError` naming its variable; network errors, 5xx and rate
 * limits are retried (`connectRetry`), when Socket Mode reconnects and at start-up, where they end after
 * `startUpLimitMs` with a `SlackUnreachableError` naming SLACK_API_URL's host.
 */
export async function startSlack(index: PaperIndex, config: SlackConfig, log: Logger = silentLogger, options: SlackStartOptions = {}): Promise<SlackRunning> {
  const logger = toBoltLogger(log);
  // Paging answers must not wait for the 30-minute default; a rate limit drops the reply (logged) instead of queueing.
  const clientOptions = { retryConfig: options.retryConfig ?? REPLY_RETRIES, rejectRateLimitedCalls: true, ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}) };
  // Our own receiver, to reconnect on our terms (see connect.ts); it needs the client options of its own (platform-notes §4.1).
  const receiver = config.mode === 'socket'
    ? new SocketModeReceiver({ appToken: config.appToken, logger, autoReconnectEnabled: false, installerOptions: { clientOptions } })
    : undefined;
  const app = new App({
    token: config.botToken,
    ...(config.mode === 'socket' ? { socketMode: true, receiver } : { signingSecret: config.signingSecret }),
    logger,
    clientOptions,
    // Acks go out before listeners run: a slow answer must not make Slack retry (platform-notes §4.3).
    processBeforeResponse: false,
    deferInitialization: true,
  });
  const socketUp = receiver ? watchSocket(receiver) : undefined;
  const stopping = new AbortController();
  const retry = { log, delays: options.connectRetry ?? CONNECT_RETRY, signal: stopping.signal };
  // One limit for the whole start-up: auth.test and, in Socket Mode, apps.connections.open share it.
  const startUp = { ...retry, limit: { endsAt: Date.now() + (options.startUpLimitMs ?? START_UP_LIMIT_MS), api: apiAddress(config.apiUrl, SLACK_API) } };
  // Bolt's init calls auth.test with the bot token.
  await retryUntilAccepted('checking SLACK_BOT_TOKEN (auth.test)', 'SLACK_BOT_TOKEN', () => app.init(), startUp);
  const inflight = new InFlight();
  const onRefused = firstOnly(options.onCredentialsRefused ?? ((error: SlackCredentialsError) => log.error(`Slack: ${error.message}`)));
  registerListeners(app, { index, log, seen: new Deduper(), shares: new ShareClaims(), inflight, daily: options.daily, onBotTokenRefused: onRefused, meter: options.meter });
  app.error(async (error) => log.error('Slack: unhandled listener error', { error: describe(error) }));
  const started: unknown = config.mode === 'http'
    ? await app.start(config.port)
    : await retryUntilAccepted('opening the Socket Mode connection', 'SLACK_APP_TOKEN', () => app.start(), startUp);
  if (receiver) reconnectWhenDropped(receiver, () => app.start(), { ...retry, onRefused });
  const port = portOf(started);
  log.info(`Slack: connected (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${port}`})`);
  return {
    port,
    publisher: createSlackPublisher(app.client, { log, onBotTokenRefused: onRefused }),
    connected: () => socketUp?.() ?? true,
    stop: async () => {
      stopping.abort();
      await app.stop();
      await inflight.drain(DRAIN_MS);
      log.info('Slack: stopped');
    },
  };
}

/** `report` for the first refusal only: after one, every call with that token fails the same way, and once is enough. */
function firstOnly(report: (error: SlackCredentialsError) => void): (error: SlackCredentialsError) => void {
  let reported = false;
  return (error) => {
    if (reported) return;
    reported = true;
    report(error);
  };
}

/** The port an HTTP receiver's server listens on; Socket Mode's start result has none. */
function portOf(started: unknown): number | undefined {
  if (!(started instanceof Server)) return undefined;
  const address = started.address();
  return typeof address === 'object' && address !== null ? address.port : undefined;
}
