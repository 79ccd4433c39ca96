import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Digest } from '../src/digest/digest.js';
import type { DigestRunDeps } from '../src/digest/digest-run.js';
import { scheduleDigests, type DigestSchedule } from '../src/schedule.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { FakePublisher } from './digest-fake-publisher.js';

/** Records when (by the faked clock) each digest was posted. */
class TimedPublisher extends FakePublisher {
  readonly times: string[] = [];
  override async post(channelId: string, digest: Digest, digestKey: string) {
    this.times.push(`${new Date().toISOString()} ${digestKey}`);
    return super.post(channelId, digest, digestKey);
  }
}

let store: Store;
let publisher: TimedPublisher;
let deps: DigestRunDeps;
let schedule: DigestSchedule | undefined;

beforeEach(async () => {
  vi.useFakeTimers();
  store = await openSqliteStore(':memory:');
  publisher = new TimedPublisher('slack');
  deps = { store, publishers: { slack: publisher }, papersForDay: async () => [], sleep: async () => {} };
});
afterEach(async () => {
  schedule?.stop();
  await store.close();
  vi.useRealTimers();
});

/** A channel that subscribes to the digest at `time` in `timezone`. */
async function subscribe(time: string, timezone: string): Promise<void> {
  await store.subscribe({ platform: 'slack', channelId: 'C1', time, timezone, top: 10, onEmptyDay: 'note' });
}

/** Starts the schedule with the clock at `instant`, and waits for its start-up run (the catch-up). */
async function startAt(instant: string): Promise<void> {
  vi.setSystemTime(new Date(instant));
  schedule = scheduleDigests(deps);
  await schedule.started;
}

describe('scheduleDigests', () => {
  it('posts at the local time on both sides of a daylight-saving change', async () => {
    await subscribe('08:00', 'Europe/Paris');
    await startAt('2026-03-28T06:58:30Z');
    await vi.advanceTimersByTimeAsync(2 * 24 * 3600_000);
    // 08:00 CET = 07:00Z on the 28th; the clocks go forward on the 29th: 08:00 CEST = 06:00Z from then on. Each
    // lists the day before.
    expect(publisher.times).toEqual([
      '2026-03-28T07:00:00.000Z slack:C1:2026-03-27',
      '2026-03-29T06:00:00.000Z slack:C1:2026-03-28',
      '2026-03-30T06:00:00.000Z slack:C1:2026-03-29',
    ]);
  });

  it('posts an early hour east of UTC at midnight UTC, when the day it lists is over', async () => {
    await subscribe('08:00', 'Asia/Tokyo');
    await startAt('2026-08-20T22:58:30Z');
    await vi.advanceTimersByTimeAsync(26 * 3600_000);
    // 08:00 in Tokyo is 23:00Z the day before: each post waits an hour, to 09:00 there.
    expect(publisher.times).toEqual([
      '2026-08-21T00:00:00.000Z slack:C1:2026-08-20',
      '2026-08-22T00:00:00.000Z slack:C1:2026-08-21',
    ]);
  });

  it('catches up at start a digest that fell due while the bot was down, and only once', async () => {
    await subscribe('09:00', 'UTC');
    await startAt('2026-08-20T14:20:10Z');
    expect(publisher.times).toEqual(['2026-08-20T14:20:10.000Z slack:C1:2026-08-19']);
    await vi.advanceTimersByTimeAsync(3600_000);
    expect(publisher.times).toHaveLength(1);
  });

  it('skips ticks while a run is still posting', async () => {
    await subscribe('09:00', 'UTC');
    let calls = 0;
    const warnings: string[] = [];
    // The day's fetch takes 150 s: the ticks at 09:01 and 09:02 find the 09:00 run still going.
    deps.papersForDay = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 150_000));
      return [];
    };
    deps.logger = { info: () => {}, warn: (m) => void warnings.push(`${new Date().toISOString()} ${m}`), error: () => {} };
    await startAt('2026-08-20T08:59:50Z');
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(calls).toBe(1);
    expect(publisher.times).toEqual(['2026-08-20T09:02:30.000Z slack:C1:2026-08-19']);
    // croner re-arms its timer every 30 s and reports each blocked wake-up (platform-notes §6): 09:01, 09:01:30, 09:02.
    expect(warnings.map((w) => w.slice(11, 19))).toEqual(['09:01:00', '09:01:30', '09:02:00']);
  });
});

describe('boundary', () => {
  it('only src/schedule.ts imports croner, and no daily-papers code imports a platform SDK', () => {
    const src = fileURLToPath(new URL('../src/', import.meta.url));
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const croner = files.filter((file) => /from 'croner'/.test(readFileSync(join(src, file), 'utf8')));
    expect(croner).toEqual(['schedule.ts']);
    for (const file of files.filter((f) => /^(store|ingest|digest)\//.test(f) || f === 'schedule.ts')) {
      expect(readFileSync(join(src, file), 'utf8'), file).not.toMatch(/from '(discord\.js|@slack\/[^']+|\.\.\/\.\.\/adapters[^']*)'/);
    }
  });
});

/** A platform whose posts wait until `release` is called: a post under way when the bot is stopped. */
class HeldPublisher extends FakePublisher {
  release: () => void = () => {};
  private readonly held = new Promise<void>((resolve) => (this.release = resolve));
  private markStarted: () => void = () => {};
  /** Resolves when the first post has begun. */
  readonly started = new Promise<void>((resolve) => (this.markStarted = resolve));
  override async post(channelId: string, digest: Digest, digestKey: string) {
    this.markStarted();
    await this.held;
    return super.post(channelId, digest, digestKey);
  }
}

describe('stopping the schedule', () => {
  let held: HeldPublisher;
  beforeEach(async () => {
    vi.useRealTimers();
    held = new HeldPublisher('slack');
    deps = { ...deps, publishers: { slack: held } };
    for (const channelId of ['C1', 'C2']) await store.subscribe({ platform: 'slack', channelId, time: '00:00', timezone: 'UTC', top: 10, onEmptyDay: 'note' });
  });

  it('waits for the post under way, so that it is recorded before the store closes, and starts no other channel', async () => {
    schedule = scheduleDigests(deps);
    await held.started;
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    held.release();
    await stopping;
    expect(held.messages).toHaveLength(1);
    expect((await store.posting(held.messages[0]!.digestKey))?.status).toBe('sent');
    expect(held.posts).toHaveLength(1);
  });

  it('gives up waiting after the grace period when the post does not end', async () => {
    schedule = scheduleDigests(deps, 100);
    await held.started;
    const startedAt = Date.now();
    await schedule.stop();
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(90);
    expect(Date.now() - startedAt).toBeLessThan(2000);
    held.release();
  });
});
