import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { silentLogger, type Logger } from '../logger.js';
import { migrate, type MigrationTarget } from './migrate.js';
import { connectPg, isConnectionLoss, PG_RETRY, type PgConnection, type Queryable, type RetryPolicy } from './pg-connection.js';
import { PG_MIGRATIONS } from './pg-migrations.js';
import { createPgPapers } from './pg-papers.js';
import { createPostings } from './postings.js';
import { redactUrl } from './redact-url.js';
import { positional, type SqlRunner } from './sql-runner.js';
import type { Store } from './store.js';
import { createSubscriptions } from './subscriptions.js';

/** The advisory lock that processes starting together take in turn to migrate. */
const MIGRATION_LOCK = 7_266_000;

const VersionRow = z.object({ version: z.number().int() });

export interface PgStoreOptions {
  logger?: Logger;
  retry?: RetryPolicy;
}

/**
 * Connects to the PostgreSQL database at `url` and migrates it (`PG_MIGRATIONS`, under a lock). A server that
 * cannot be reached even after retrying, or refuses the login, is the operator's to fix: a `ConfigError` that
 * names the URL without its password.
 */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<Store> {
  const db = connectPg(url, options.logger ?? silentLogger, options.retry ?? PG_RETRY);
  try {
    await migrate(pgMigrationTarget(db), PG_MIGRATIONS);
  } catch (error) {
    await db.close();
    if (!isConnectionLoss(error) && !isLoginRefused(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`The database ${redactUrl(url)} cannot be opened (${reason}): check DATABASE_URL and that the server is running.`);
  }
  const sql = pgRunner(db);
  return { ...createPgPapers(db), ...createSubscriptions(sql), ...createPostings(sql), close: () => db.close() };
}

/** PostgreSQL's invalid authorization (28xxx) and unknown database (3D000). */
function isLoginRefused(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('28') || code === '3D000');
}

function pgRunner(db: PgConnection): SqlRunner {
  const query = (sql: string, params?: Record<string, unknown>) => {
    const { text, values } = positional(sql, params);
    return db.query(text, values);
  };
  return {
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
    get: async (sql, params) => (await query(sql, params)).rows[0],
    all: async (sql, params) => (await query(sql, params)).rows,
    firstStored: 'position',
  };
}

/** The PostgreSQL side of the migration runner: the version in `paperbot_schema`, the lock an advisory lock. */
function pgMigrationTarget(db: PgConnection): MigrationTarget {
  let client: Queryable | undefined;
  const inLock = () => {
    if (!client) throw new Error('paperbot store: migration step outside its lock');
    return client;
  };
  return {
    locked: (work) => db.transaction(async (locked) => {
      await locked.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      client = locked;
      try {
        await work();
      } finally {
        client = undefined;
      }
    }),
    version: async () => {
      await inLock().query('CREATE TABLE IF NOT EXISTS paperbot_schema (version INTEGER NOT NULL)');
      const { rows } = await inLock().query('SELECT version FROM paperbot_schema');
      return rows.length === 0 ? 0 : VersionRow.parse(rows[0]).version;
    },
    apply: async (migration, version) => {
      await inLock().query(migration);
      await inLock().query('DELETE FROM paperbot_schema');
      await inLock().query('INSERT INTO paperbot_schema (version) VALUES ($1)', [version]);
    },
  };
}
