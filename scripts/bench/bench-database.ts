/**
 * A database for a bench run: a SQLite file in a temporary folder, or a fresh PostgreSQL database on the server at
 * `TEST_DATABASE_URL`, else on a throwaway cluster (`scripts/postgres-cluster.ts`) removed by `remove()`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreLocation } from '../../src/store/open-store.js';
import { createDatabase, dropDatabase, findPostgresBinaries, startCluster } from '../postgres-cluster.js';

export interface BenchDatabase {
  location: StoreLocation;
  /** The location as one command-line value: the SQLite path or the PostgreSQL URL. */
  argument: string;
  remove(): Promise<void>;
}

/** The location a command-line value names (see `BenchDatabase.argument`). */
export function locationOf(argument: string): StoreLocation {
  return /^postgres(ql)?:/.test(argument) ? { databasePath: '', databaseUrl: argument } : { databasePath: argument };
}

export async function benchDatabase(backend: 'sqlite' | 'postgres'): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'paperbot-bench-db-'));
  if (backend === 'sqlite') {
    const path = join(dir, 'paperbot.sqlite');
    return { location: locationOf(path), argument: path, remove: () => rm(dir, { recursive: true, force: true }) };
  }
  const bin = findPostgresBinaries();
  const cluster = process.env.TEST_DATABASE_URL || !bin ? undefined : await startCluster(bin);
  const server = process.env.TEST_DATABASE_URL ?? cluster?.url;
  if (!server) throw new Error('PostgreSQL: set TEST_DATABASE_URL or install the server (apt-get install postgresql)');
  const name = `paperbot_bench_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(server, name);
  return {
    location: locationOf(url),
    argument: url,
    remove: async () => {
      await dropDatabase(server, name);
      await cluster?.remove();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
