/**
 * A bot process for the crash test: runs one `runDueDigests` against a real database file and a loopback
 * "platform" over HTTP, printing `STEP <name> <digestKey>` at each step of posting. With `CRASH_AT=<name>` it
 * freezes right after that step (a synchronous wait, so nothing else runs) until the test SIGKILLs it.
 * Env: DATABASE_PATH or DATABASE_URL, PLATFORM_URL, NOW (ISO), CRASH_AT (intent | sent | marked | none), LEASE_MS (its
 * claims' lease).
 */
import { writeSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseHfDailyPapers } from '../src/corpus/hf-api.js';
import type { Digest } from '../src/digest/digest.js';
import type { DigestPublisher } from '../src/digest/publisher.js';
import { runDueDigests } from '../src/digest/run-due-digests.js';
import { newClaimant } from '../src/claim/claimant.js';
import { readDailyConfig } from '../src/digest/config.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { SAMPLES_DIR } from './fake-hf.js';

const env = z
  .object({ PLATFORM_URL: z.string(), NOW: z.iso.datetime(), CRASH_AT: z.string(), LEASE_MS: z.coerce.number().int().positive() })
  .parse(process.env);

function step(name: string, key: string): void {
  writeSync(1, `STEP ${name} ${key}\n`);
  if (env.CRASH_AT === name) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

const MessageId = z.object({ messageId: z.string().nullable() });

const publisher: DigestPublisher = {
  platform: 'slack',
  async post(channelId: string, digest: Digest, digestKey: string) {
    const response = await fetch(`${env.PLATFORM_URL}/messages`, {
      method: 'POST',
      body: JSON.stringify({ channelId, digestKey, date: digest.date, entries: digest.entries.length }),
    });
    const { messageId } = MessageId.parse(await response.json());
    if (messageId === null) throw new Error('platform refused the message');
    step('sent', digestKey);
    return { messageId };
  },
  async findExisting(channelId: string, digestKey: string) {
    const query = new URLSearchParams({ channelId, digestKey });
    return MessageId.parse(await (await fetch(`${env.PLATFORM_URL}/messages?${query}`)).json()).messageId;
  },
};

const store = await openStore(readDailyConfig(process.env));
const watched: Store = {
  ...store,
  recordIntent: async (key, owner, at) => {
    const claimed = await store.recordIntent(key, owner, at);
    step('intent', key);
    return claimed;
  },
  markSent: async (key, messageId, at) => {
    await store.markSent(key, messageId, at);
    step('marked', key);
  },
};

const papers = parseHfDailyPapers(JSON.parse(readFileSync(new URL('daily_papers_2026-08-20.json', SAMPLES_DIR), 'utf8')), 'sample');
const report = await runDueDigests(new Date(env.NOW), {
  store: watched,
  publishers: { slack: publisher },
  papersForDay: async () => papers,
  sleep: async () => {},
  claimant: newClaimant(env.LEASE_MS),
});
writeSync(1, `DONE ${JSON.stringify(report)}\n`);
await store.close();
