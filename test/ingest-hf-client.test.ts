import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHfClient, HF_USER_AGENT, type HfClientOptions } from '../src/ingest/hf-client.js';
import { isHfFetchError } from '../src/ingest/hf-fetch-error.js';
import { backoffDelay, parseRetryAfter } from '../src/ingest/retry.js';
import { loadSample, startFakeHf, type FakeHf } from './fake-hf.js';

let hf: FakeHf;
let waits: number[];
beforeEach(async () => {
  hf = await startFakeHf();
  waits = [];
});
afterEach(() => hf.close());

function client(options: HfClientOptions = {}) {
  return createHfClient({ baseUrl: hf.url, timeoutMs: 300, sleep: async (ms) => void waits.push(ms), ...options });
}

describe('fetchDay', () => {
  it('returns the real response of a day and says who is asking', async () => {
    const entries = await client().fetchDay('2026-08-21');
    expect(entries).toEqual(loadSample('2026-08-21'));
    expect(hf.requests).toEqual([{ path: '/api/daily_papers?date=2026-08-21&limit=100&p=0', userAgent: HF_USER_AGENT }]);
  });

  it('reads every page', async () => {
    const entries = await client({ pageSize: 5 }).fetchDay('2026-08-21');
    expect(entries).toHaveLength(17);
    expect(hf.requests.map((r) => r.path.replace(/.*&p=/, 'p='))).toEqual(['p=0', 'p=1', 'p=2', 'p=3']);
  });

  it('stops when the server ignores the page number', async () => {
    hf.ignorePaging = true;
    const entries = await client({ pageSize: 5 }).fetchDay('2026-08-21');
    // Page 1 repeats page 0: nothing new, so paging ends instead of looping to the page limit.
    expect(entries).toHaveLength(5);
    expect(hf.requests).toHaveLength(2);
  });

  it('returns an empty list for a day with no papers', async () => {
    expect(await client().fetchDay('2026-08-22')).toEqual([]);
  });

  it('waits as long as a 429 Retry-After says, then succeeds', async () => {
    hf.faults.push({ kind: 'status', status: 429, retryAfter: '7' });
    expect(await client().fetchDay('2024-04-03')).toHaveLength(11);
    expect(waits).toEqual([7000]);
  });

  it('backs off on 5xx, timeouts, resets and truncated JSON', async () => {
    hf.faults.push({ kind: 'status', status: 500 }, { kind: 'hang' }, { kind: 'reset' });
    expect(await client({ maxAttempts: 4 }).fetchDay('2024-04-03')).toHaveLength(11);
    expect(waits).toEqual([1000, 2000, 4000]);
    hf.faults.push({ kind: 'truncated' });
    expect(await client().fetchDay('2024-04-03')).toHaveLength(11);
  });

  it('gives up after the last attempt with the reason', async () => {
    hf.faults.push({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const error: unknown = await client({ maxAttempts: 2 }).fetchDay('2024-04-03').catch((e: unknown) => e);
    expect(isHfFetchError(error) && error.reason).toBe('HTTP 503');
  });

  it('does not retry a 4xx other than 429', async () => {
    hf.faults.push({ kind: 'status', status: 404 });
    await expect(client().fetchDay('2024-04-03')).rejects.toThrow(/HTTP 404/);
    expect(hf.requests).toHaveLength(1);
  });

  it('fails on a timeout once attempts run out', async () => {
    hf.faults.push({ kind: 'hang' });
    await expect(client({ maxAttempts: 1, timeoutMs: 100 }).fetchDay('2024-04-03')).rejects.toThrow(/timed out/);
  });

  it('fails rather than blocking when asked to wait too long', async () => {
    hf.faults.push({ kind: 'status', status: 429, retryAfter: '3600' });
    await expect(client().fetchDay('2024-04-03')).rejects.toThrow(/asked to wait 3600000 ms/);
  });
});

describe('retry arithmetic', () => {
  it('doubles up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 1000, 30_000))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-08-20T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 20 Aug 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
