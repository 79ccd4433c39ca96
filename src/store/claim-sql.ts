import type { Claimant, PostingRef } from './store.js';

/**
 * The claim, in SQL that SQLite and PostgreSQL both run as is: one statement, so atomic on either. It creates the
 * posting when it has none, else takes it when it is not finished and nobody else's claim is live at `@at`: free,
 * this owner's own (a renewal), or lapsed (its process died). ISO timestamps of one format compare as text. On
 * PostgreSQL, two inserts of one key at once meet in `ON CONFLICT`, which re-checks the WHERE on the winner's row.
 */
export const CLAIM_SQL = `
  INSERT INTO postings (digest_key, platform, channel_id, day, status, attempts, updated_at, claimed_by, claimed_until)
  VALUES (@digestKey, @platform, @channelId, @day, 'waiting', 0, @at, @owner, @until)
  ON CONFLICT (digest_key) DO UPDATE SET claimed_by = @owner, claimed_until = @until
  WHERE postings.status IN ('waiting', 'pending')
    AND (postings.claimed_by IS NULL OR postings.claimed_by = @owner OR postings.claimed_until <= @at)`;

/** The intent to send, written only under the writer's own claim: the fence against a holder whose claim lapsed. */
export const INTENT_SQL = `
  UPDATE postings SET status = 'pending', attempts = attempts + 1, next_attempt_at = NULL, updated_at = @at
  WHERE digest_key = @digestKey AND status IN ('waiting', 'pending') AND claimed_by = @owner`;

/** The named parameters of `CLAIM_SQL`. */
export function claimParameters(ref: PostingRef, claimant: Claimant, at: Date): Record<string, string> {
  return { ...ref, owner: claimant.owner, at: at.toISOString(), until: new Date(at.getTime() + claimant.leaseMs).toISOString() };
}
