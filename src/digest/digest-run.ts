import type { Logger } from '../logger.js';
import type { Platform, Store } from '../store/store.js';
import type { Paper, PaperMatch } from '../types.js';
import type { DigestPublisher } from './publisher.js';

/** Tries (fetches and sends together) per channel and day before giving up with a logged reason. */
export const MAX_DIGEST_ATTEMPTS = 6;
/** Wait after the first failure, doubled each time: 5, 10, 20, 40, 80 min, about 2.5 h in all. */
export const DIGEST_RETRY_BASE_MS = 5 * 60_000;
/**
 * Pause between two posts of one run. discord.js and Bolt queue on the platforms' rate limits themselves; this
 * keeps a large run from bursting (Slack `chat.postMessage`: about one message per second per channel,
 * https://api.slack.com/methods/chat.postMessage, checked 2026-11).
 */
export const DIGEST_POST_SPACING_MS = 1_000;

/** What `runDueDigests` needs; the scheduler wires the real ones, tests pass fakes. */
export interface DigestRunDeps {
  store: Pick<Store, 'subscriptions' | 'markChannelUnavailable' | 'posting' | 'recordIntent' | 'markSent' | 'recordOutcome'>;
  /** By platform; subscriptions of a platform that is not running are left for later. */
  publishers: Partial<Record<Platform, DigestPublisher>>;
  /**
   * The papers listed on a day, fetched fresh (e.g. `ingestDay(day, …).papers`, which also stores them and feeds
   * the live index). Throws when no trustworthy list could be had; an empty array means a day without papers.
   */
  papersForDay(day: string): Promise<readonly Paper[]>;
  /** Search for filters over a day's papers; default `searchWithin`. */
  searchFor?: (papers: readonly Paper[]) => (query: string) => readonly PaperMatch[];
  logger?: Logger;
  /** Waits between posts; tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  /** Aborted on shutdown: the run finishes the channel it is posting to and starts no other. */
  signal?: AbortSignal;
  /** Told what each scheduled run did (`scheduleDigests`), for metrics. */
  onReport?: ((report: DigestRunReport) => void) | undefined;
}

/** What one run did, by digest key: for logs and tests. */
export interface DigestRunReport {
  sent: string[];
  /** In-doubt digests found already posted: marked sent, not posted again. */
  recovered: string[];
  skipped: string[];
  /** Failed this time; a later run tries again. */
  retrying: string[];
  abandoned: string[];
  unavailable: string[];
}

/** A report with nothing in it yet. */
export function emptyReport(): DigestRunReport {
  return { sent: [], recovered: [], skipped: [], retrying: [], abandoned: [], unavailable: [] };
}

/**
 * The one key of a channel's digest of a Hugging Face day (the day it lists, not the day it is posted on); the
 * publisher attaches it to the message.
 */
export function digestKey(platform: Platform, channelId: string, day: string): string {
  return `${platform}:${channelId}:${day}`;
}

/** When the next try may happen after `attempts` failures. */
export function retryAt(now: Date, attempts: number): Date {
  return new Date(now.getTime() + DIGEST_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}
