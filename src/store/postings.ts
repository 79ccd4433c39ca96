import { claimParameters, POSTING_SQL, toPostingRecord } from './posting-sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { PostingLog } from './store.js';

/**
 * The posting log, the exactly-once bookkeeping of digests, for either backend: one SQL text, one protocol
 * (`POSTING_SQL`), so that SQLite and PostgreSQL cannot drift apart on what a claim means.
 */
export function createPostings(sql: SqlRunner): PostingLog {
  return {
    posting: async (digestKey) => {
      const row = await sql.get(POSTING_SQL.select, { digestKey });
      return row === undefined ? undefined : toPostingRecord(row);
    },
    claim: async (ref, claimant, at) => (await sql.run(POSTING_SQL.claim, claimParameters(ref, claimant, at))) > 0,
    releaseClaim: async (digestKey, owner) => {
      await sql.run(POSTING_SQL.release, { digestKey, owner });
    },
    recordIntent: async (digestKey, owner, at) => (await sql.run(POSTING_SQL.intent, { digestKey, owner, at: at.toISOString() })) > 0,
    markSent: async (digestKey, messageId, at) => {
      await sql.run(POSTING_SQL.sent, { digestKey, messageId, at: at.toISOString() });
    },
    recordOutcome: async (ref, result, at) => {
      await sql.run(POSTING_SQL.outcome, {
        ...ref,
        status: result.status,
        error: result.error ?? null,
        retryAt: result.retryAt?.toISOString() ?? null,
        at: at.toISOString(),
      });
    },
  };
}
