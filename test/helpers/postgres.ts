/**
 * The PostgreSQL side of the tests: a fresh database per test on the server of the global setup
 * (`test/setup/postgres.ts`), and `describe` that skips without a server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openPgStore, type PgStoreOptions } from '../../src/store/pg-store.js';
import type { TestDatabase } from '../store-contract.js';

/** The test server's superuser URL, or '' when there is none. */
export const POSTGRES_URL = inject('postgresUrl');

/** `describe` when a PostgreSQL server is there, else `describe.skip`. */
export const describePostgres = POSTGRES_URL ? describe : describe.skip;

/** `POSTGRES_URL` pointing at another database of the same server. */
export function databaseUrl(name: string, serverUrl = POSTGRES_URL): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement as the server's superuser. */
async function admin(sql: string, serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server (or on `serverUrl`), dropped with whatever still uses it. */
export async function freshPgDatabase(options: PgStoreOptions = {}, serverUrl = POSTGRES_URL): Promise<TestDatabase & { url: string }> {
  const name = `paperbot_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`, serverUrl);
  const url = databaseUrl(name, serverUrl);
  return {
    url,
    open: () => openPgStore(url, options),
    env: { DATABASE_URL: url },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, serverUrl),
  };
}
