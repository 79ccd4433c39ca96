import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Claimant, PostingLog, PostingRecord } from './store.js';
import { CLAIM_SQL, claimParameters, INTENT_SQL } from './claim-sql.js';

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

function toRecord(raw: unknown): PostingRecord {
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

/** The posting log half of the SQLite store: the exactly-once bookkeeping of digests. */
export function createSqlitePostings(db: Database.Database): PostingLog {
  const select = db.prepare('SELECT * FROM postings WHERE digest_key = ?');
  const claim = db.prepare(CLAIM_SQL);
  const release = db.prepare('UPDATE postings SET claimed_by = NULL, claimed_until = NULL WHERE digest_key = ? AND claimed_by = ?');
  const intent = db.prepare(INTENT_SQL);
  const sent = db.prepare(`
    UPDATE postings SET status = 'sent', message_id = ?, last_error = NULL, next_attempt_at = NULL, updated_at = ?
    WHERE digest_key = ?`);
  const outcome = db.prepare(`
    INSERT INTO postings (digest_key, platform, channel_id, day, status, attempts, last_error, next_attempt_at, updated_at)
    VALUES (@digestKey, @platform, @channelId, @day, @status, 1, @error, @retryAt, @at)
    ON CONFLICT (digest_key) DO UPDATE SET status = @status, last_error = @error, next_attempt_at = @retryAt,
      updated_at = @at,
      attempts = CASE WHEN postings.status = 'pending' THEN attempts ELSE attempts + 1 END
    WHERE postings.status <> 'sent'`);

  return {
    posting: (digestKey) => {
      const row = select.get(digestKey);
      return row === undefined ? undefined : toRecord(row);
    },
    claim: db.transaction((ref, claimant: Claimant, at: Date) => claim.run(claimParameters(ref, claimant, at)).changes > 0),
    releaseClaim: (digestKey, owner) => {
      release.run(digestKey, owner);
    },
    recordIntent: db.transaction((digestKey: string, owner: string, at: Date) => intent.run({ digestKey, owner, at: at.toISOString() }).changes > 0),
    markSent: db.transaction((digestKey: string, messageId: string, at: Date) => {
      sent.run(messageId, at.toISOString(), digestKey);
    }),
    recordOutcome: db.transaction((ref, result, at: Date) => {
      outcome.run({
        ...ref,
        status: result.status,
        error: result.error ?? null,
        retryAt: result.retryAt?.toISOString() ?? null,
        at: at.toISOString(),
      });
    }),
  };
}
