import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/errors.js';
import { openPgStore } from '../src/store/pg-store.js';
import { describePostgres, freshPgDatabase, POSTGRES_URL } from './helpers/postgres.js';
import { freePort } from './helpers/entry-point.js';
import { findPostgresBinaries, startCluster } from '../scripts/postgres-cluster.js';
import { storeContract } from './store-contract.js';

describePostgres('the Store contract on PostgreSQL', () => {
  storeContract(() => freshPgDatabase());
});

const FAST_RETRY = { budgetMs: 1_000, firstDelayMs: 50, maxDelayMs: 200 };

describePostgres('opening a PostgreSQL store', () => {
  it('refuses a wrong password with a setting error that shows the URL without the password', async () => {
    const url = new URL(POSTGRES_URL);
    url.password = 'not-the-password-4f1d';
    const failure = await openPgStore(url.toString(), { retry: FAST_RETRY }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect(String(failure)).toContain(`postgres://postgres:***@${url.host}/postgres`);
    expect(String(failure)).toMatch(/check DATABASE_URL/);
    expect(String(failure)).not.toContain('not-the-password-4f1d');
  });

  it('gives up on a server that cannot be reached after retrying, logging once, never the password', async () => {
    const port = await freePort();
    const url = `postgres://paperbot:s3cret-pw-77@127.0.0.1:${port}/paperbot`;
    const logged: string[] = [];
    const logger = { info: (m: string, d?: object) => void logged.push(`${m} ${JSON.stringify(d)}`), warn: (m: string, d?: object) => void logged.push(`${m} ${JSON.stringify(d)}`), error: () => {} };
    const failure = await openPgStore(url, { retry: FAST_RETRY, logger }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect(String(failure)).toContain(`postgres://paperbot:***@127.0.0.1:${port}/paperbot`);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/PostgreSQL cannot be reached; retrying with backoff .*ECONNREFUSED/);
    expect(`${logged.join('')} ${String(failure)}`).not.toContain('s3cret-pw-77');
  });
});

const binaries = findPostgresBinaries();

// A server of its own, to restart without troubling the other specs' server.
(binaries ? describe : describe.skip)('a PostgreSQL store whose server restarts', () => {
  it('waits for the server and goes on, losing no write, and logs the outage once when it starts and once when it ends', async () => {
    const cluster = await startCluster(binaries!);
    const logged: string[] = [];
    const log = (level: string) => (message: string) => void logged.push(`${level} ${message}`);
    const database = await freshPgDatabase({ logger: { info: log('info'), warn: log('warn'), error: log('error') } }, cluster.url);
    const store = await database.open();
    try {
      await store.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timezone: 'UTC', top: 10, onEmptyDay: 'note' });
      await cluster.stop();
      // Asked while the server is down: both wait for it.
      const written = store.subscribe({ platform: 'slack', channelId: 'C2', time: '10:00', timezone: 'UTC', top: 5, onEmptyDay: 'note' });
      const read = store.subscriptions();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await cluster.start();
      await written;
      expect((await read).map((s) => s.channelId)).toContain('C1');
      expect((await store.subscriptions()).map((s) => s.channelId)).toEqual(['C1', 'C2']);
      expect(logged).toEqual(['warn PostgreSQL cannot be reached; retrying with backoff', 'info PostgreSQL can be reached again']);
    } finally {
      await store.close();
      await cluster.remove();
    }
  });
});
