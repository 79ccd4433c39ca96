import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PaperIndex } from '../../src/paper-index.js';
import type { IngestReport } from '../../src/ingest/ingest-day.js';
import type { DigestRunReport } from '../../src/digest/digest-run.js';
import type { Platform } from '../../src/store/store.js';
import type { QuestionMeter } from './question-meter.js';

/**
 * From the answer computed in milliseconds to Discord or Slack slow to take the reply: the buckets span 10 ms
 * to 10 s, where Discord's 3 s deferral and Slack's 3 s ack fall in between.
 */
const ANSWER_SECONDS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What a digest run's outcomes count as: posted (or found posted after a crash), or a failed attempt. */
const DIGEST_OUTCOMES: Readonly<Record<'posted' | 'failed', readonly (keyof DigestRunReport)[]>> = {
  posted: ['sent', 'recovered'],
  failed: ['retrying', 'abandoned', 'unavailable'],
};

const LAST_INGEST = 'paperbot_last_ingest_timestamp_seconds';

/** paperbot's metrics in a registry of their own, with the hooks that feed them. */
export interface BotMetrics {
  registry: Registry;
  questions: QuestionMeter;
  onDigestRun(report: DigestRunReport): void;
  onIngested(report: IngestReport): void;
  /** Papers indexed is read from `index` at each scrape from now on. */
  watchIndex(index: PaperIndex): void;
}

/**
 * The metrics `/metrics` serves: Node's default process metrics, plus questions answered and their latency by
 * platform, digests posted and failed, the last successful ingest and the papers indexed.
 */
export function createMetrics(platforms: readonly Platform[]): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const questions = questionMetrics(registry, platforms);
  const digests = new Counter({
    name: 'paperbot_digests_total', help: 'Scheduled digests posted, and attempts that failed (each retry counts).',
    labelNames: ['outcome'], registers: [registry],
  });
  for (const outcome of Object.keys(DIGEST_OUTCOMES)) digests.labels(outcome).inc(0);
  // Registered at the first ingest: before it there is no time to give, and a 0 would read as "1970".
  const lastIngest = new Gauge({ name: LAST_INGEST, help: 'When a day of Hugging Face papers was last ingested (Unix time), since start.', registers: [] });
  let index: PaperIndex | undefined;
  const papers: Gauge = new Gauge({ name: 'paperbot_papers_indexed', help: 'Papers in the live index.', registers: [registry], collect: () => papers.set(index?.papers().length ?? 0) });
  return {
    registry,
    questions,
    onDigestRun: (report) => {
      for (const [outcome, kinds] of Object.entries(DIGEST_OUTCOMES)) {
        digests.labels(outcome).inc(kinds.reduce((sum, kind) => sum + report[kind].length, 0));
      }
    },
    onIngested: () => {
      if (!registry.getSingleMetric(LAST_INGEST)) registry.registerMetric(lastIngest);
      lastIngest.setToCurrentTime();
    },
    watchIndex: (watched) => {
      index = watched;
    },
  };
}

/** Questions answered and their latency, by platform; each platform named starts at zero, so that a rate is defined at once. */
function questionMetrics(registry: Registry, platforms: readonly Platform[]): QuestionMeter {
  const answered = new Counter({
    name: 'paperbot_questions_answered_total', help: 'Questions answered, by platform.', labelNames: ['platform'], registers: [registry],
  });
  const latency = new Histogram({
    name: 'paperbot_answer_duration_seconds', help: 'From a question arriving to its answer sent, by platform.',
    labelNames: ['platform'], buckets: ANSWER_SECONDS_BUCKETS, registers: [registry],
  });
  for (const platform of platforms) {
    answered.labels(platform).inc(0);
    latency.zero({ platform });
  }
  return {
    answered: (platform, seconds) => {
      answered.labels(platform).inc();
      latency.labels(platform).observe(seconds);
    },
  };
}
