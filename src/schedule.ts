import { Cron } from 'croner';
import type { DigestRunDeps, DigestRunReport } from './digest/digest-run.js';
import { runDueDigests } from './digest/run-due-digests.js';
import { silentLogger } from './logger.js';

/**
 * Every minute, on the minute. Each subscription's own local time and zone are checked by `runDueDigests`
 * (DST-correct through `Intl`), so one UTC tick serves every zone; minute steps match the `HH:MM` of a subscription.
 */
export const DIGEST_TICK_PATTERN = '* * * * *';

export interface DigestSchedule {
  /** Stops the ticks; a run in progress finishes. */
  stop(): void;
  /** Resolves when the run started at scheduling (the catch-up after a restart) is over. */
  started: Promise<void>;
}

/**
 * Starts the digest scheduler: one `runDueDigests` at once (digests missed while the bot was down are posted,
 * for the current day only), then one a minute. `protect` skips a tick while a run is still posting, so two runs
 * never race for a channel. The only file that imports croner.
 */
export function scheduleDigests(deps: DigestRunDeps): DigestSchedule {
  const logger = deps.logger ?? silentLogger;
  const job = new Cron(
    DIGEST_TICK_PATTERN,
    {
      timezone: 'UTC',
      protect: () => logger.warn('digest: previous run still going; tick skipped'),
      catch: (error) => logger.error('digest: run failed', { error: String(error) }),
    },
    async () => {
      logReport(await runDueDigests(new Date(), deps), deps);
    },
  );
  return { stop: () => job.stop(), started: job.trigger() };
}

function logReport(report: DigestRunReport, deps: DigestRunDeps): void {
  const counts = Object.fromEntries(Object.entries(report).map(([kind, keys]) => [kind, keys.length]));
  if (Object.values(counts).some((count) => count > 0)) (deps.logger ?? silentLogger).info('digest: run done', counts);
}
