import pg from 'pg';
import type { Logger } from '../logger.js';
import { redactUrl, withoutPassword } from './redact-url.js';

/** What runs SQL: the pool, or one client inside a transaction. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

/** A PostgreSQL connection pool that rides out a restart of the server. */
export interface PgConnection extends Queryable {
  /** Runs `work` in one transaction on one client (`begin` may set its isolation), retried whole after a connection loss. */
  transaction<T>(work: (client: Queryable) => Promise<T>, begin?: string): Promise<T>;
  close(): Promise<void>;
}

/** How long one operation keeps retrying while the server cannot be reached, and the waits between tries. */
export interface RetryPolicy {
  budgetMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/**
 * A restart of PostgreSQL takes seconds; a minute covers it with room, and an operation that still fails after
 * that fails like any other store error (a digest run records nothing, and the next tick tries again).
 */
export const PG_RETRY: RetryPolicy = { budgetMs: 60_000, firstDelayMs: 250, maxDelayMs: 5_000 };

/** Connections per process: the scheduler, the commands and a poll rarely need more than two at once. */
const POOL_SIZE = 4;

/** Node's network errors and PostgreSQL's "connection" class (08) and shutdown codes (57P01-57P03). */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03']);

/** Whether `error` says the server went away (then retrying may help), as opposed to a bad query. */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  // node-postgres reports a socket closed under it with these messages and no code.
  return /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect/i.test(error.message);
}

/**
 * Connects lazily to `url`. While the server cannot be reached, every operation waits and retries with backoff
 * (`policy`), and the outage is logged once when it starts and once when it ends; messages never hold the URL's
 * password.
 */
export function connectPg(url: string, logger: Logger, policy: RetryPolicy = PG_RETRY): PgConnection {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: 5_000, application_name: 'paperbot' });
  const where = redactUrl(url);
  let down = false;
  let closed = false;
  const lost = (error: unknown) => {
    if (down) return;
    down = true;
    logger.warn('PostgreSQL cannot be reached; retrying with backoff', { database: where, reason: reasonOf(error, url) });
  };
  // An idle client whose server went away emits 'error'; without a listener Node would end the process.
  pool.on('error', (error) => lost(error));
  const withRetry = async <T>(operation: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + policy.budgetMs;
    for (let delay = policy.firstDelayMs; ; delay = Math.min(delay * 2, policy.maxDelayMs)) {
      try {
        const result = await operation();
        if (down) logger.info('PostgreSQL can be reached again', { database: where });
        down = false;
        return result;
      } catch (error) {
        if (closed || !isConnectionLoss(error) || Date.now() + delay > deadline) throw cleaned(error, url);
        lost(error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };
  return {
    query: (text, values) => withRetry(() => pool.query(text, values)),
    transaction: (work, begin = 'BEGIN') => withRetry(() => inTransaction(pool, begin, work)),
    close: async () => {
      closed = true;
      await pool.end();
    },
  };
}

async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = isConnectionLoss(error) ? error : undefined;
    if (!broken) await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    // A client whose connection failed is destroyed, not put back in the pool.
    client.release(broken instanceof Error ? broken : undefined);
  }
}

function reasonOf(error: unknown, url: string): string {
  return withoutPassword(error instanceof Error ? error.message : String(error), url);
}

/** The error with any copy of the password taken out of its message. */
function cleaned(error: unknown, url: string): unknown {
  if (error instanceof Error) error.message = withoutPassword(error.message, url);
  return error;
}
