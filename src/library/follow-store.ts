import { setTimeout as delay } from 'node:timers/promises';
import type { PaperIndex } from '../paper-index.js';
import { silentLogger, type Logger } from '../logger.js';
import type { PaperStore } from '../store/store.js';

/**
 * How often a running bot asks the store for papers other processes stored (`npm run ingest`, another replica's
 * digest fetch): they are searchable here within this, plus the time to add them (about 0.5 ms a paper). A poll
 * that finds nothing is one indexed query.
 */
export const STORE_POLL_MS = 2_000;

/**
 * How long stopping waits for a poll under way: one that is waiting out a database outage (the store retries for
 * up to a minute) must not hold up a shutdown, and is cut short when the store closes.
 */
export const FOLLOW_STOP_GRACE_MS = 1_000;

export interface StoreFollower {
  /** Stops polling; resolves once a poll under way is over, or after `FOLLOW_STOP_GRACE_MS`. */
  stop(): Promise<void>;
}

/**
 * Adds to `index` every paper stored after revision `from` (the revision the index was opened at), polling every
 * `intervalMs`. A poll that fails (the database unreachable past the store's own retries) is logged and tried again
 * at the next one: the index keeps serving what it has.
 */
export function followStoredPapers(
  store: Pick<PaperStore, 'papersAfter'>, index: Pick<PaperIndex, 'add'>, from: number,
  options: { intervalMs?: number; logger?: Logger } = {},
): StoreFollower {
  const logger = options.logger ?? silentLogger;
  let revision = from;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> = Promise.resolve();
  const poll = async () => {
    try {
      const found = await store.papersAfter(revision);
      const summary = found.papers.length > 0 ? index.add(found.papers) : undefined;
      // This process's own writes come back too, unchanged: not news.
      if (summary && summary.added + summary.updated > 0) logger.info('Added papers stored by another process', { ...summary, storeRevision: found.revision });
      revision = found.revision;
    } catch (error) {
      logger.warn('Could not look for papers stored by another process; trying again later', { error: String(error) });
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      polling = poll().finally(schedule);
    }, options.intervalMs ?? STORE_POLL_MS);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await Promise.race([polling, delay(FOLLOW_STOP_GRACE_MS, undefined, { ref: false })]);
    },
  };
}
