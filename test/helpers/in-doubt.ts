import type { Claimant, PostingLog, PostingRef } from '../../src/store/store.js';

/** A process that died long ago: its claims have lapsed. */
export const DEAD_PROCESS: Claimant = { owner: 'gone-host:1:dead', leaseMs: 30_000 };

/**
 * The posting as a process leaves it when it dies right after writing its intent: `pending`, in doubt, under a
 * claim that lapsed long ago (stamped at the epoch, whatever the test's clock says).
 */
export async function leaveInDoubt(store: Pick<PostingLog, 'claim' | 'recordIntent'>, ref: PostingRef, at: Date): Promise<void> {
  await store.claim(ref, DEAD_PROCESS, new Date(0));
  await store.recordIntent(ref.digestKey, DEAD_PROCESS.owner, at);
}
