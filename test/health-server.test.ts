import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Health } from '../adapters/ops/health.js';
import { createMetrics, type BotMetrics } from '../adapters/ops/metrics.js';
import { startHealthServer, type HealthServer } from '../adapters/ops/health-server.js';
import { ConfigError } from '../src/errors.js';
import { silentLogger } from '../src/logger.js';
import { emptyReport } from '../src/digest/digest-run.js';
import { loadSeedIndex } from './helpers/seed.js';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(health: Health, metrics: BotMetrics = createMetrics(['discord'])): Promise<string> {
  server = await startHealthServer({ port: 0, host: '127.0.0.1' }, { health: () => health.report(), metrics: metrics.registry }, silentLogger);
  return `http://127.0.0.1:${server.port}`;
}

async function healthOf(base: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}/healthz`);
  return { status: response.status, body: await response.json() };
}

describe('/healthz', () => {
  it('is 503 while the index loads, 503 until every configured platform has connected, then 200', async () => {
    const health = new Health(['discord', 'slack']);
    const base = await serve(health);
    expect(await healthOf(base)).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: 'loading the paper index', index: 'loading', platforms: { discord: 'starting', slack: 'starting' } },
    });
    health.markIndexLoaded();
    health.watch('discord', () => true);
    expect(await healthOf(base)).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: 'Slack is not connected yet', index: 'loaded', platforms: { discord: 'connected', slack: 'starting' } },
    });
    let slackUp = true;
    health.watch('slack', () => slackUp);
    expect(await healthOf(base)).toEqual({ status: 200, body: { status: 'ok', index: 'loaded', platforms: { discord: 'connected', slack: 'connected' } } });
    slackUp = false;
    expect(await healthOf(base)).toMatchObject({ status: 503, body: { reason: 'Slack is disconnected', platforms: { slack: 'disconnected' } } });
    slackUp = true;
    health.markStopping();
    expect(await healthOf(base)).toMatchObject({ status: 503, body: { reason: 'shutting down' } });
  });

  it('answers HEAD with the status alone, and is never cached', async () => {
    const health = new Health([]);
    health.markIndexLoaded();
    const base = await serve(health);
    const response = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('');
  });
});

describe('the paths served', () => {
  it('answers 404 for any other path, and 405 for another method on its own paths', async () => {
    const base = await serve(new Health([]));
    for (const path of ['/', '/health', '/healthz/extra', '/metrics.json', '/slack/events']) expect((await fetch(`${base}${path}`)).status).toBe(404);
    const post = await fetch(`${base}/healthz`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/metrics?debug=1`)).status).toBe(200);
  });

  it('refuses a port already taken with a setting error naming HEALTH_PORT', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as { port: number };
    const failure = await startHealthServer({ port, host: '127.0.0.1' }, { health: () => new Health([]).report(), metrics: createMetrics([]).registry }, silentLogger)
      .then(() => undefined, (error: unknown) => error);
    taken.close();
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toBe(`HEALTH_PORT: 127.0.0.1:${port} is already in use; choose another port, or stop what listens there`);
  });
});

describe('/metrics', () => {
  it('serves the process metrics and paperbot’s own in Prometheus text format, each platform counted from zero', async () => {
    const metrics = createMetrics(['discord', 'slack']);
    const response = await fetch(`${await serve(new Health([]), metrics)}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const line of [
      'paperbot_questions_answered_total{platform="discord"} 0',
      'paperbot_questions_answered_total{platform="slack"} 0',
      'paperbot_answer_duration_seconds_count{platform="slack"} 0',
      'paperbot_digests_total{outcome="posted"} 0',
      'paperbot_digests_total{outcome="failed"} 0',
      'paperbot_papers_indexed 0',
      '# TYPE process_cpu_user_seconds_total counter',
      '# TYPE nodejs_heap_size_used_bytes gauge',
    ]) expect(text).toContain(line);
    // No ingest since start: no time to give, rather than a 0 that reads as 1970.
    expect(text).not.toContain('paperbot_last_ingest_timestamp_seconds');
  });

  it('counts what the hooks report: answers with their latency, digest outcomes, ingests and the live index', async () => {
    const metrics = createMetrics(['discord']);
    const index = await loadSeedIndex();
    metrics.watchIndex(index);
    metrics.questions.answered('discord', 0.2);
    metrics.questions.answered('discord', 3);
    metrics.onDigestRun({ ...emptyReport(), sent: ['discord:1:2026-08-20', 'discord:2:2026-08-20'], recovered: ['discord:3:2026-08-20'], retrying: ['discord:4:2026-08-20'], skipped: ['discord:5:2026-08-20'] });
    metrics.onDigestRun({ ...emptyReport(), abandoned: ['discord:4:2026-08-20'], unavailable: ['discord:6:2026-08-20'] });
    const before = Date.now() / 1000;
    metrics.onIngested({ day: '2026-08-20', papers: [], added: [], updated: [], unchanged: [], skipped: [] });
    const text = await metrics.registry.metrics();
    expect(text).toContain('paperbot_questions_answered_total{platform="discord"} 2');
    expect(text).toContain('paperbot_answer_duration_seconds_bucket{le="0.25",platform="discord"} 1');
    expect(text).toContain('paperbot_answer_duration_seconds_bucket{le="5",platform="discord"} 2');
    expect(text).toContain('paperbot_answer_duration_seconds_sum{platform="discord"} 3.2');
    expect(text).toContain('paperbot_digests_total{outcome="posted"} 3');
    expect(text).toContain('paperbot_digests_total{outcome="failed"} 3');
    expect(text).toContain(`paperbot_papers_indexed ${index.papers().length}`);
    const ingested = Number(/^paperbot_last_ingest_timestamp_seconds (\S+)$/m.exec(text)?.[1]);
    expect(ingested).toBeGreaterThanOrEqual(Math.floor(before));
    expect(ingested).toBeLessThanOrEqual(Date.now() / 1000);
  });
});
