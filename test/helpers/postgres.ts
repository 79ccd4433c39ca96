/**
 * The PostgreSQL side of the tests: a fresh database per test on the server of the global setup
 * (`test/setup/postgres.ts`), and `describe` that skips without a server.
 */
import { randomBytes } from 'node:crypto';
import { describe, inject } from 'vitest';
import { openPgStore, type PgStoreOptions } from '../../src/store/pg-store.js';
import type { TestDatabase } from '../store-contract.js';
import { createDatabase, dropDatabase } from '../../scripts/postgres-cluster.js';

/** The test server's superuser URL, or '' when there is none. */
export const POSTGRES_URL = inject('postgresUrl');

/** `describe` when a PostgreSQL server is there, else `describe.skip`. */
export const describePostgres = POSTGRES_URL ? describe : describe.skip;

/** A new, empty database on the test server (or on `serverUrl`), dropped with whatever still uses it. */
export async function freshPgDatabase(options: PgStoreOptions = {}, serverUrl = POSTGRES_URL): Promise<TestDatabase & { url: string }> {
  const name = `paperbot_test_${randomBytes(6).toString('hex')}`;
  const url = await createDatabase(serverUrl, name);
  return { url, open: () => openPgStore(url, options), env: { DATABASE_URL: url }, drop: () => dropDatabase(serverUrl, name) };
}
