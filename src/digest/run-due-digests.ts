import { THIS_PROCESS } from '../claim/claimant.js';
import { silentLogger } from '../logger.js';
import { sleep as realSleep } from '../ingest/retry.js';
import type { Paper } from '../types.js';
import { DIGEST_POST_SPACING_MS, emptyReport, type DigestRunDeps, type DigestRunReport } from './digest-run.js';
import { dueDigest } from './digest-day.js';
import { postSubscription } from './post-subscription.js';

/**
 * Posts every digest that is due at `now` and not yet posted: each subscription at its local time of day (not
 * before midnight UTC, see `dueDigest`), listing the previous day's complete Hugging Face list, once per channel
 * and day, today's only (a digest missed while the bot was down is caught up the same local day). Call it every
 * minute and once at start. Channels fail on their own: an error in one is logged, recorded for a later retry,
 * and never stops the others. Never throws for a channel's failure.
 */
export async function runDueDigests(now: Date, deps: DigestRunDeps): Promise<DigestRunReport> {
  const report = emptyReport();
  const logger = deps.logger ?? silentLogger;
  const wait = deps.sleep ?? realSleep;
  const claimant = deps.claimant ?? THIS_PROCESS;
  const clock = deps.clock ?? (() => new Date());
  // One fetch per day per run, however many channels post it.
  const days = new Map<string, Promise<readonly Paper[]>>();
  const papersForDay = (day: string) => {
    let papers = days.get(day);
    if (!papers) {
      papers = deps.papersForDay(day);
      days.set(day, papers);
    }
    return papers;
  };
  let sends = 0;
  const pace = async () => {
    if (sends > 0) await wait(DIGEST_POST_SPACING_MS);
    sends += 1;
  };
  for (const subscription of await deps.store.subscriptions()) {
    if (deps.signal?.aborted) break;
    if (subscription.unavailableSince) continue;
    const publisher = deps.publishers[subscription.platform];
    if (!publisher) continue;
    try {
      // Inside the try: a zone this runtime no longer knows (ICU data changes) fails this channel only.
      const due = dueDigest(now, subscription.timezone, subscription.time);
      if (due === undefined) continue;
      const outcome = await postSubscription(subscription, due, now, { ...deps, publisher, papersForDay, logger, pace, claimant, clock });
      if (outcome) report[outcome.kind].push(outcome.key);
    } catch (error) {
      // A store failure or an unknown zone: nothing sent is left unrecorded, so a later run can sort it out.
      logger.error('digest: unexpected failure', { platform: subscription.platform, channelId: subscription.channelId, error: String(error) });
    }
  }
  return report;
}
