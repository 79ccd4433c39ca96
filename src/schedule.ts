import { setTimeout as delay } from 'node:timers/promises';
import { Cron } from 'croner';
import type { DigestRunDeps, DigestRunReport } from './digest/digest-run.js';
import { runDueDigests } from './digest/run-due-digests.js';
import { silentLogger } from './logger.js';

/**
 * Every minute, on the minute. Each subscription's own local time and zone are checked by `runDueDigests`
 * (DST-correct through `Intl`), so one UTC tick serves every zone; minute steps match the `HH:MM` of a subscription.
 */
export const DIGEST_TICK_PATTERN = '* * * * *';

/**
 * How long stopping waits for a run in progress to finish its channel. The store must stay open until then, or
 * the post is left in doubt; yet a shutdown must end before a supervisor kills the process (Docker waits 10 s
 * after SIGTERM, systemd 90 s), and the adapters still have to close after it. A post takes about a second; a
 * fetch from Hugging Face that is retrying may take longer, and is cut short at no cost (nothing was sent).
 */
export const DIGEST_STOP_GRACE_MS = 5000;

export interface DigestSchedule {
  /**
   * Stops the ticks and tells a run in progress to start no other channel; resolves once that run is over, or
   * after `DIGEST_STOP_GRACE_MS`. Close the store only after this.
   */
  stop(): Promise<void>;
  /** Resolves when the run started at scheduling (the catch-up after a restart) is over. */
  started: Promise<void>;
}

/**
 * Starts the digest scheduler: one `runDueDigests` at once (digests missed while the bot was down are posted,
 * for the current day only), then one a minute. `protect` skips a tick while a run is still posting, so two runs
 * never race for a channel. The only file that imports croner.
 */
export function scheduleDigests(deps: DigestRunDeps, graceMs = DIGEST_STOP_GRACE_MS): DigestSchedule {
  const logger = deps.logger ?? silentLogger;
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  const run = async () => {
    const report = await runDueDigests(new Date(), { ...deps, signal: stopping.signal });
    logReport(report, deps);
    deps.onReport?.(report);
  };
  const job = new Cron(
    DIGEST_TICK_PATTERN,
    {
      timezone: 'UTC',
      protect: () => logger.warn('digest: previous run still going; tick skipped'),
      catch: (error) => logger.error('digest: run failed', { error: String(error) }),
    },
    () => {
      const current = run().finally(() => {
        if (running === current) running = undefined;
      });
      running = current;
      return current;
    },
  );
  const stop = async () => {
    job.stop();
    stopping.abort();
    // The run's own failure was logged by `catch`; here only its end matters.
    if (running) await Promise.race([running.catch(() => {}), delay(graceMs, undefined, { ref: false })]);
  };
  return { stop, started: job.trigger() };
}

function logReport(report: DigestRunReport, deps: DigestRunDeps): void {
  const counts = Object.fromEntries(Object.entries(report).map(([kind, keys]) => [kind, keys.length]));
  if (Object.values(counts).some((count) => count > 0)) (deps.logger ?? silentLogger).info('digest: run done', counts);
}
