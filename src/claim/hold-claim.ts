import type { Logger } from '../logger.js';
import type { Claimant, PostingLog, PostingRef } from '../store/store.js';

/** What holding a claim needs. */
export interface ClaimDeps {
  store: Pick<PostingLog, 'claim' | 'releaseClaim'>;
  claimant: Claimant;
  /** The time a claim is stamped with: the real clock (the lease is about time passing, whatever day a run is for). */
  clock: () => Date;
  logger: Logger;
}

/** Whether `work` ran, under the claim, and what it returned. */
export type Claimed<T> = { won: true; result: T } | { won: false };

/**
 * Runs `work` under `deps.claimant`'s claim on `ref`, so that no other process (of any backend) posts it
 * meanwhile; does not run it when the posting is finished or another process's claim is live. While `work`
 * runs, the claim is renewed every third of its lease, so it lasts however long the work takes and ends soon
 * after its process dies; it is released after. The one protocol for every "one message per key" of the bot.
 */
export async function holdClaim<T>(ref: PostingRef, deps: ClaimDeps, work: () => Promise<T>): Promise<Claimed<T>> {
  const { store, claimant, clock, logger } = deps;
  if (!(await store.claim(ref, claimant, clock()))) return { won: false };
  let warned = false;
  const renew = async () => {
    try {
      if (!(await store.claim(ref, claimant, clock()))) logger.error('claim: lost to another process; it will not be sent from here', { key: ref.digestKey });
    } catch (error) {
      // The store is unreachable: the work goes on, and its intent (fenced by the claim) decides whether it sends.
      if (!warned) logger.warn('claim: could not be renewed', { key: ref.digestKey, error: String(error) });
      warned = true;
    }
  };
  const renewal = setInterval(() => void renew(), claimant.leaseMs / 3);
  renewal.unref();
  try {
    return { won: true, result: await work() };
  } finally {
    clearInterval(renewal);
    try {
      await store.releaseClaim(ref.digestKey, claimant.owner);
    } catch (error) {
      // Harmless: the claim lapses with its lease.
      logger.warn('claim: could not be released; it lapses with its lease', { key: ref.digestKey, error: String(error) });
    }
  }
}
