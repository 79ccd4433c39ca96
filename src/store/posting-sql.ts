import { z } from 'zod';
import type { Claimant, PostingRecord, PostingRef } from './store.js';

/**
 * The posting log's SQL, which SQLite and PostgreSQL both run as is (`@name` parameters, see `sql-runner.ts`).
 * ISO timestamps of one format compare as text, so leases are compared in SQL on either.
 */
export const POSTING_SQL = {
  select: 'SELECT * FROM postings WHERE digest_key = @digestKey',
  /**
   * The claim, one statement, so atomic on either backend. It creates the posting when it has none, else takes it
   * when it is not finished and nobody else's claim is live at `@at`: free, this owner's own (a renewal), or lapsed
   * (its process died). On PostgreSQL, two inserts of one key at once meet in `ON CONFLICT`, which checks the
   * WHERE again on the row the winner wrote.
   */
  claim: `
    INSERT INTO postings (digest_key, platform, channel_id, day, status, attempts, updated_at, claimed_by, claimed_until)
    VALUES (@digestKey, @platform, @channelId, @day, 'waiting', 0, @at, @owner, @until)
    ON CONFLICT (digest_key) DO UPDATE SET claimed_by = @owner, claimed_until = @until
    WHERE postings.status IN ('waiting', 'pending')
      AND (postings.claimed_by IS NULL OR postings.claimed_by = @owner OR postings.claimed_until <= @at)`,
  release: 'UPDATE postings SET claimed_by = NULL, claimed_until = NULL WHERE digest_key = @digestKey AND claimed_by = @owner',
  /** The intent to send, written only under the writer's own claim: the fence against a holder whose claim lapsed. */
  intent: `
    UPDATE postings SET status = 'pending', attempts = attempts + 1, next_attempt_at = NULL, updated_at = @at
    WHERE digest_key = @digestKey AND status IN ('waiting', 'pending') AND claimed_by = @owner`,
  sent: `
    UPDATE postings SET status = 'sent', message_id = @messageId, last_error = NULL, next_attempt_at = NULL, updated_at = @at
    WHERE digest_key = @digestKey`,
  /** A failed attempt; never over a sent posting. An attempt that wrote its intent was counted then. */
  outcome: `
    INSERT INTO postings (digest_key, platform, channel_id, day, status, attempts, last_error, next_attempt_at, updated_at)
    VALUES (@digestKey, @platform, @channelId, @day, @status, 1, @error, @retryAt, @at)
    ON CONFLICT (digest_key) DO UPDATE SET status = @status, last_error = @error, next_attempt_at = @retryAt,
      updated_at = @at,
      attempts = CASE WHEN postings.status = 'pending' THEN postings.attempts ELSE postings.attempts + 1 END
    WHERE postings.status <> 'sent'`,
} as const;

/** The named parameters of `POSTING_SQL.claim`. */
export function claimParameters(ref: PostingRef, claimant: Claimant, at: Date): Record<string, string> {
  return { ...ref, owner: claimant.owner, at: at.toISOString(), until: new Date(at.getTime() + claimant.leaseMs).toISOString() };
}

const PostingRow = z.object({
  digest_key: z.string(),
  platform: z.enum(['discord', 'slack']),
  channel_id: z.string(),
  day: z.string(),
  status: z.enum(['waiting', 'pending', 'sent', 'skipped', 'abandoned']),
  attempts: z.number().int(),
  message_id: z.string().nullable(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
  updated_at: z.string(),
  claimed_by: z.string().nullable(),
  claimed_until: z.string().nullable(),
});

/** A postings row as a record; fields that are NULL are left out. */
export function toPostingRecord(raw: unknown): PostingRecord {
  const row = PostingRow.parse(raw);
  const record: PostingRecord = {
    digestKey: row.digest_key,
    platform: row.platform,
    channelId: row.channel_id,
    day: row.day,
    status: row.status,
    attempts: row.attempts,
    updatedAt: row.updated_at,
  };
  if (row.message_id !== null) record.messageId = row.message_id;
  if (row.last_error !== null) record.lastError = row.last_error;
  if (row.next_attempt_at !== null) record.nextAttemptAt = row.next_attempt_at;
  if (row.claimed_by !== null) record.claimedBy = row.claimed_by;
  if (row.claimed_until !== null) record.claimedUntil = row.claimed_until;
  return record;
}
