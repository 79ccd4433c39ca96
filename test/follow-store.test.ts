/**
 * A paper one process stores is searchable in every other within 5 s, without a restart (issue 17): each bot
 * follows the store it shares. Two connections here stand for two processes; the replicas spec runs real ones.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followStoredPapers, STORE_POLL_MS } from '../src/library/follow-store.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { waitFor } from './helpers/processes.js';
import { describePostgres, freshPgDatabase } from './helpers/postgres.js';
import { loadSeedIndex } from './helpers/seed.js';
import { paper, type TestDatabase } from './store-contract.js';

function followingSpecs(freshDatabase: () => Promise<TestDatabase>): void {
  it('finds a paper another process stored within 5 s, and goes on from the revision it opened at', async () => {
    const database = await freshDatabase();
    const writer = await database.open();
    const reader = await database.open();
    await writer.upsertPapers([paper('2612.00001', 1, { title: 'Known Before Start' })]);
    const index = createPaperIndex([...(await loadSeedIndex()).papers()]);
    const follower = followStoredPapers(reader, index, 1, { intervalMs: STORE_POLL_MS });
    try {
      const stored = Date.now();
      await writer.upsertPapers([paper('2612.00002', 1, { title: 'Quokka Grasping with Tactile Whiskers' })]);
      await waitFor('the new paper in the index', () => index.paper('2612.00002') !== undefined, 5000);
      expect(Date.now() - stored).toBeLessThan(5000);
      expect(index.answer('quokka grasping whiskers').results[0]?.paper.id).toBe('2612.00002');
      // The follower goes on after revision 1, as from an index opened with it: that revision is not asked for again.
      expect(index.paper('2612.00001')).toBeUndefined();
    } finally {
      await follower.stop();
      await closeAll([writer, reader]);
      await database.drop();
    }
  });
}

async function closeAll(stores: Store[]): Promise<void> {
  for (const store of stores) await store.close();
}

describe('following a SQLite store', () => {
  followingSpecs(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'paperbot-follow-')), 'paperbot.sqlite');
    return { open: () => openSqliteStore(path), env: { DATABASE_PATH: path }, drop: async () => {} };
  });
});

describePostgres('following a PostgreSQL store', () => {
  followingSpecs(() => freshPgDatabase());
});
