import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDailyPapers, type DailyPapers } from '../src/digest/daily-papers.js';
import { readDailyConfig } from '../src/digest/config.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { createMetrics, type BotMetrics } from '../adapters/ops/metrics.js';
import { loadSample, startFakeHf, type FakeHf } from './fake-hf.js';
import { FakePublisher } from './digest-fake-publisher.js';

/** The metrics fed through the hooks daily papers offer, as `npm start` wires them. */
let hf: FakeHf;
let metrics: BotMetrics;
let daily: DailyPapers;
beforeEach(async () => {
  hf = await startFakeHf();
  metrics = createMetrics(['discord']);
  const index = createPaperIndex([]);
  metrics.watchIndex(index);
  daily = openDailyPapers({ ...readDailyConfig({}), hfApiUrl: hf.url }, {
    index, store: openSqliteStore(':memory:'), onIngested: metrics.onIngested, onDigestRun: metrics.onDigestRun,
  });
});
afterEach(async () => {
  daily.close();
  await hf.close();
});

/** The value of one sample in the registry's text, or undefined when it is not there. */
async function sample(name: string): Promise<number | undefined> {
  const line = (await metrics.registry.metrics()).split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('metrics fed by daily papers', () => {
  it('a day ingested sets the last ingest time, and its papers count as indexed', async () => {
    expect(await sample('paperbot_last_ingest_timestamp_seconds')).toBeUndefined();
    const papers = await daily.papersForDay('2026-08-20');
    expect(papers).toHaveLength(loadSample('2026-08-20').length);
    expect(await sample('paperbot_last_ingest_timestamp_seconds')).toBeCloseTo(Date.now() / 1000, -1);
    expect(await sample('paperbot_papers_indexed')).toBe(papers.length);
  });

  it('a failed fetch is no ingest', async () => {
    hf.faults.push({ kind: 'status', status: 404 });
    await expect(daily.papersForDay('2026-08-21')).rejects.toThrow();
    expect(await sample('paperbot_last_ingest_timestamp_seconds')).toBeUndefined();
  });

  it('each scheduled run counts the digests posted and the attempts that failed', async () => {
    // Due all day (00:00 UTC): the run at scheduling posts both channels' digest of yesterday.
    for (const channelId of ['1', '2']) daily.subscribe({ platform: 'discord', channelId, time: '00:00', timezone: 'UTC' });
    const publisher = new FakePublisher('discord');
    publisher.failures.push({ error: new Error('Discord 500') });
    const schedule = daily.startSchedule({ discord: publisher });
    await schedule.started;
    await schedule.stop();
    expect(await sample('paperbot_digests_total{outcome="posted"}')).toBe(1);
    expect(await sample('paperbot_digests_total{outcome="failed"}')).toBe(1);
  });
});
