import { isUserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PostingRecord, PostingRef, Subscription } from '../store/store.js';
import { holdClaim, type ClaimDeps } from '../claim/hold-claim.js';
import type { Paper } from '../types.js';
import { buildDigest } from './build-digest.js';
import type { Digest } from './digest.js';
import type { DigestDay } from './digest-day.js';
import { digestKey, MAX_DIGEST_ATTEMPTS, retryAt, type DigestRunDeps, type DigestRunReport } from './digest-run.js';
import { isChannelUnavailable, type DigestPublisher } from './publisher.js';
import { searchWithin } from './search-within.js';

type PostDeps = Omit<DigestRunDeps, 'claimant' | 'clock'> & ClaimDeps & {
  publisher: DigestPublisher;
  logger: Logger;
  /** Called right before each send, to space the posts of one run. */
  pace(): Promise<void>;
};

type Outcome = { kind: keyof DigestRunReport; key: string } | undefined;

const FINISHED = new Set(['sent', 'skipped', 'abandoned']);

/**
 * One channel's digest of one day, exactly once: intent written before the send, the message id after, both under
 * this process's claim on the posting, so that of several processes on one database only one posts it. The key
 * names the papers' day (`due.papersDay`), the date the digest's heading shows. A `pending` record (intent, no id)
 * is in doubt and is asked of the publisher before any new send.
 */
export async function postSubscription(subscription: Subscription, due: DigestDay, now: Date, deps: PostDeps): Promise<Outcome> {
  const ref = refOf(subscription, due.papersDay);
  // Checked before claiming, so that finished and resting postings cost no write.
  if (!isOpen(await deps.store.posting(ref.digestKey), now)) return undefined;
  const claimed = await holdClaim(ref, deps, () => postClaimed(subscription, due, ref, now, deps));
  return claimed.won ? claimed.result : { kind: 'elsewhere', key: ref.digestKey };
}

/** Whether a posting may be tried now: not finished, and not waiting for a later retry. */
function isOpen(record: PostingRecord | undefined, now: Date): boolean {
  if (record && FINISHED.has(record.status)) return false;
  return !(record?.nextAttemptAt && now < new Date(record.nextAttemptAt));
}

/** The posting under this process's claim. Read again: the claim's previous holder may have changed it. */
async function postClaimed(subscription: Subscription, due: DigestDay, ref: PostingRef, now: Date, deps: PostDeps): Promise<Outcome> {
  const record = await deps.store.posting(ref.digestKey);
  if (!isOpen(record, now)) return undefined;
  try {
    const today = await earlierPostToday(subscription, due.postingDay, now, deps);
    if (today !== 'none') return today;
    if (record?.status === 'pending') {
      const recovered = await recoverIfSent(ref, now, deps);
      if (recovered) return recovered;
    }
    if (record && record.attempts >= MAX_DIGEST_ATTEMPTS) return await abandon(ref, record.lastError ?? 'too many attempts', now, deps);
    const digest = await prepare(subscription, due.papersDay, ref, now, deps);
    if (digest === 'waiting' || digest === 'abandoned') return { kind: digest === 'waiting' ? 'retrying' : 'abandoned', key: ref.digestKey };
    if (digest.empty && subscription.onEmptyDay === 'silent') {
      await deps.store.recordOutcome(ref, { status: 'skipped', error: `nothing to post (${digest.empty})` }, now);
      return { kind: 'skipped', key: ref.digestKey };
    }
    await deps.pace();
    if (!(await deps.store.recordIntent(ref.digestKey, deps.claimant.owner, now))) return { kind: 'elsewhere', key: ref.digestKey };
    const { messageId } = await deps.publisher.post(ref.channelId, digest, ref.digestKey);
    await deps.store.markSent(ref.digestKey, messageId, now);
    deps.logger.info('digest: posted', { digestKey: ref.digestKey, messageId, papers: digest.entries.length });
    return { kind: 'sent', key: ref.digestKey };
  } catch (error) {
    return failed(ref, error, now, deps);
  }
}

/**
 * A digest the channel already had today under the key of the posting day itself; 'none' when there is none.
 * Until digests listed the day before, a key named the day of posting, which was also the day listed: right after
 * the upgrade, such a record of today means today's post went out, and the previous day's list would be a second
 * digest in one day. (Under the current rule that key lists a day not over yet, so it exists early only after a
 * zone change took the channel back a day, which also means it had a digest today.) A `pending` one is asked of
 * the platform like any post in doubt: found, it is marked sent; not found, nothing left, and it waits for its turn.
 */
async function earlierPostToday(subscription: Subscription, postingDay: string, now: Date, deps: PostDeps): Promise<Outcome | 'none'> {
  const ref = refOf(subscription, postingDay);
  const record = await deps.store.posting(ref.digestKey);
  if (record?.status === 'sent') return undefined;
  if (record?.status !== 'pending') return 'none';
  const recovered = await recoverIfSent(ref, now, deps);
  if (recovered) return recovered;
  await deps.store.recordOutcome(ref, { status: 'waiting', error: 'in doubt, and not found on the platform' }, now);
  return 'none';
}

/** Asks the platform about a post in doubt: found, it is marked sent and reported recovered; else undefined. */
async function recoverIfSent(ref: PostingRef, now: Date, deps: PostDeps): Promise<Outcome> {
  const existing = await deps.publisher.findExisting(ref.channelId, ref.digestKey);
  if (existing === null) return undefined;
  await deps.store.markSent(ref.digestKey, existing, now);
  deps.logger.info('digest: an in-doubt post was found sent', { digestKey: ref.digestKey, messageId: existing });
  return { kind: 'recovered', key: ref.digestKey };
}

/** Fetches and builds the digest; a failed fetch is recorded as `waiting` (nothing was sent) for a later try. */
async function prepare(subscription: Subscription, day: string, ref: PostingRef, now: Date, deps: PostDeps): Promise<Digest | 'waiting' | 'abandoned'> {
  let papers: readonly Paper[];
  try {
    papers = await deps.papersForDay(day);
  } catch (error) {
    const attempts = ((await deps.store.posting(ref.digestKey))?.attempts ?? 0) + 1;
    const reason = `papers of ${day} could not be fetched: ${error instanceof Error ? error.message : String(error)}`;
    if (attempts >= MAX_DIGEST_ATTEMPTS) {
      await abandon(ref, reason, now, deps);
      return 'abandoned';
    }
    await deps.store.recordOutcome(ref, { status: 'waiting', error: reason, retryAt: retryAt(now, attempts) }, now);
    deps.logger.warn('digest: will retry', { digestKey: ref.digestKey, reason, attempts });
    return 'waiting';
  }
  const options = { date: day, top: subscription.top, ...(subscription.filter ? { filter: subscription.filter } : {}) };
  return buildDigest(papers, { ...options, search: (deps.searchFor ?? searchWithin)(papers) });
}

async function failed(ref: PostingRef, error: unknown, now: Date, deps: PostDeps): Promise<Outcome> {
  if (isChannelUnavailable(error)) {
    await deps.store.markChannelUnavailable(ref.platform, ref.channelId, error.reason, now);
    await deps.store.recordOutcome(ref, { status: 'abandoned', error: `channel unavailable: ${error.reason}` }, now);
    deps.logger.warn('digest: channel unavailable; subscription paused until re-subscribed', { digestKey: ref.digestKey, reason: error.reason });
    return { kind: 'unavailable', key: ref.digestKey };
  }
  if (isUserError(error)) return abandon(ref, error.message, now, deps);
  const record = await deps.store.posting(ref.digestKey);
  // After an intent the send may have gone through: stay `pending` so the next try asks before sending.
  const status = record?.status === 'pending' ? 'pending' : 'waiting';
  const reason = error instanceof Error ? error.message : String(error);
  await deps.store.recordOutcome(ref, { status, error: reason, retryAt: retryAt(now, record?.attempts ?? 1) }, now);
  deps.logger.warn('digest: post failed; will retry', { digestKey: ref.digestKey, reason, attempts: record?.attempts });
  return { kind: 'retrying', key: ref.digestKey };
}

async function abandon(ref: PostingRef, reason: string, now: Date, deps: PostDeps): Promise<NonNullable<Outcome>> {
  await deps.store.recordOutcome(ref, { status: 'abandoned', error: reason }, now);
  deps.logger.error('digest: gave up for the day', { digestKey: ref.digestKey, reason });
  return { kind: 'abandoned', key: ref.digestKey };
}

/** The posting of `subscription`'s channel keyed by `day`. */
function refOf(subscription: Subscription, day: string): PostingRef {
  const { platform, channelId } = subscription;
  return { digestKey: digestKey(platform, channelId, day), platform, channelId, day };
}
