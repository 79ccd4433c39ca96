import type { PaperIndex } from '../paper-index.js';
import { scheduleDigests, type DigestSchedule } from '../schedule.js';
import { createHfClient } from '../ingest/hf-client.js';
import { ingestDay, type IngestReport } from '../ingest/ingest-day.js';
import { silentLogger, type Logger } from '../logger.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { Platform, Store, Subscription } from '../store/store.js';
import type { Paper } from '../types.js';
import type { DailyConfig } from './config.js';
import { dailyDigest, type DailyRequest } from './daily-on-demand.js';
import type { Digest } from './digest.js';
import type { DigestPublisher } from './publisher.js';
import type { DigestRunReport } from './digest-run.js';
import { parseSubscriptionRequest, type SubscriptionRequest } from './subscription-request.js';

/** Everything an adapter needs for daily papers, over one store: the commands and the scheduler. */
export interface DailyPapers {
  store: Store;
  /** Fetches a day from HF, stores it and adds it to the live index; throws when no trustworthy list came back. */
  papersForDay(day: string): Promise<Paper[]>;
  /** `/subscribe`: checks, fills defaults, stores (replacing the channel's earlier one). Throws `UserError`. */
  subscribe(request: SubscriptionRequest): Subscription;
  /** `/unsubscribe`: false when the channel had none. */
  unsubscribe(platform: Platform, channelId: string): boolean;
  /** `/subscriptions`: this platform's, or, with `channelIds`, only those channels' (e.g. one guild's). */
  subscriptions(platform: Platform, channelIds?: ReadonlySet<string>): Subscription[];
  /** `/daily [date]`. Throws `UserError`. */
  daily(request: Omit<DailyRequest, 'top'> & { top?: number }): Promise<Digest>;
  /** Starts the minute scheduler with the running platforms' publishers; call once both adapters are up. */
  startSchedule(publishers: Partial<Record<Platform, DigestPublisher>>): DigestSchedule;
  close(): void;
}

export interface DailyPapersOptions {
  /** The live index: ingested papers are added to it. */
  index: PaperIndex;
  logger?: Logger;
  /** Default: the SQLite store at `config.databasePath`. */
  store?: Store;
  /** Told of each day ingested (scheduled digests, `/daily`), for metrics. */
  onIngested?: (report: IngestReport) => void;
  /** Told what each scheduled digest run did, for metrics. */
  onDigestRun?: (report: DigestRunReport) => void;
}

/** Opens the store (creating and migrating it) and wires ingestion, commands and the scheduler. */
export function openDailyPapers(config: DailyConfig, options: DailyPapersOptions): DailyPapers {
  const store = options.store ?? openSqliteStore(config.databasePath);
  const logger = options.logger ?? silentLogger;
  const hf = createHfClient({ baseUrl: config.hfApiUrl, logger });
  const papersForDay = async (day: string) => {
    const report = await ingestDay(day, { hf, store, index: options.index, logger });
    options.onIngested?.(report);
    return report.papers;
  };
  return {
    store,
    papersForDay,
    subscribe: (request) => {
      const subscription = parseSubscriptionRequest(request, config);
      store.subscribe(subscription);
      return subscription;
    },
    unsubscribe: (platform, channelId) => store.unsubscribe(platform, channelId),
    subscriptions: (platform, channelIds) =>
      store.subscriptions().filter((s) => s.platform === platform && (!channelIds || channelIds.has(s.channelId))),
    daily: (request) =>
      dailyDigest({ ...request, top: request.top ?? config.digestTop }, { store, papersForDay, corpus: () => options.index.papers() }),
    startSchedule: (publishers) => scheduleDigests({ store, publishers, papersForDay, logger, onReport: options.onDigestRun }),
    close: () => store.close(),
  };
}
