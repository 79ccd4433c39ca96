/**
 * Vitest's global setup: the PostgreSQL server the PostgreSQL specs use. `TEST_DATABASE_URL` when set (as `.ci/run`
 * sets it); else a throwaway cluster when the server programs are installed, removed after the run; else none,
 * and those specs are skipped, said once here.
 */
import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startCluster } from '../../scripts/postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser's URL of the test server, or '' when there is none. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const bin = findPostgresBinaries();
  if (!bin) {
    console.log('PostgreSQL: no TEST_DATABASE_URL and no server installed (apt-get install postgresql): the PostgreSQL specs are skipped.');
    project.provide('postgresUrl', '');
    return undefined;
  }
  const cluster = await startCluster(bin);
  project.provide('postgresUrl', cluster.url);
  return () => cluster.remove();
}
