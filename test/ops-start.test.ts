import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.js';
import { FakeGateway } from './fake-discord-gateway.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { startFakeSocket, type FakeSocket } from './fixtures/slack-socket.js';
import { chatInput } from './fixtures/discord-payloads.js';
import { BOT_USER, commandBody, mentionEvent } from './fixtures/slack-payloads.js';
import { exitCodeWithin, freePort, startBot, type RunningBot } from './helpers/entry-point.js';

/**
 * `npm start` with Discord and Slack (Socket Mode) at their loopback fakes and HEALTH_PORT set: `/healthz` follows
 * the start, each platform dropping and coming back, and the shutdown; `/metrics` counts what the bot did. The
 * steps run in order, on one bot.
 */
// Shaped like real credentials, so that the redaction of their shapes is tested too; none is one.
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.opsfakefakefakefakefakefakefake';
const SLACK_BOT_TOKEN = 'xoxb-1111-2222-opsfakefakefake';
const SLACK_APP_TOKEN = 'xapp-1-A0FAKE-3333-opsfakefakefake';
const SECRETS = [DISCORD_TOKEN, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, 'opsfake'];

interface Health {
  status: number;
  body: { status: string; reason?: string; index: string; platforms: Record<string, string> };
}

let discord: FakeDiscord;
let gateway: FakeGateway;
let socket: FakeSocket;
let slack: FakeSlack;
let bot: RunningBot;
let base: string;
let gatewayBot: ReturnType<FakeDiscord['hold']>;

beforeAll(async () => {
  discord = await FakeDiscord.start();
  gateway = FakeGateway.start(discord);
  socket = await startFakeSocket();
  slack = await startFakeSlack({ socketUrl: socket.url });
  // Discord's login waits here, so that the start can be seen.
  gatewayBot = discord.hold(/^\/gateway\/bot$/);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  bot = await startBot('paperbot-ops-', {
    DISCORD_TOKEN, DISCORD_API_URL: discord.apiUrl, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_API_URL: slack.apiUrl, HEALTH_PORT: String(port),
  });
});
afterAll(async () => {
  bot.child.kill('SIGKILL');
  gateway.close();
  await Promise.all([discord.close(), slack.close(), socket.close()]);
});

async function health(): Promise<Health> {
  const response = await fetch(`${base}/healthz`);
  return { status: response.status, body: (await response.json()) as Health['body'] };
}

/** Polls `/healthz` (through connection refused while the server is not up yet) until `wanted` holds; fails with the last answer. */
async function healthUntil(wanted: (health: Health) => boolean, timeoutMs = 30_000): Promise<Health> {
  let last: Health | string = 'no answer';
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) {
    last = await health().catch((error: unknown) => String(error));
    if (typeof last !== 'string' && wanted(last)) return last;
  }
  throw new Error(`/healthz never matched within ${timeoutMs} ms; last answer: ${JSON.stringify(last)}; log: ${bot.logs()}`);
}

async function metricsUntil(wanted: RegExp, timeoutMs = 10_000): Promise<string> {
  let text = '';
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) {
    text = await (await fetch(`${base}/metrics`)).text();
    if (wanted.test(text)) return text;
  }
  throw new Error(`/metrics never matched ${wanted}: ${text}`);
}

const isOk = (h: Health) => h.status === 200;

describe('npm start with HEALTH_PORT', () => {
  it('is 503 while starting, saying what it waits for, and 200 once the index is loaded and both platforms are connected', async () => {
    const first = await healthUntil(() => true);
    expect(first.status).toBe(503);
    const waiting = await healthUntil((h) => h.body.index === 'loaded');
    expect(waiting).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: 'Discord is not connected yet; Slack is not connected yet', index: 'loaded', platforms: { discord: 'starting', slack: 'starting' } },
    });
    await gatewayBot.arrived;
    gatewayBot.release();
    expect(await healthUntil(isOk)).toEqual({ status: 200, body: { status: 'ok', index: 'loaded', platforms: { discord: 'connected', slack: 'connected' } } });
  }, 60_000);

  it('is 503 while the Discord gateway is down, and 200 again once discord.js has reconnected', async () => {
    gateway.goDown();
    const down = await healthUntil((h) => h.status === 503);
    expect(down.body).toMatchObject({ reason: 'Discord is disconnected', platforms: { discord: 'disconnected', slack: 'connected' } });
    gateway.comeBack();
    expect((await healthUntil(isOk)).body.platforms).toEqual({ discord: 'connected', slack: 'connected' });
  }, 40_000);

  it('is 503 while Slack reconnects Socket Mode, and 200 again once connected', async () => {
    await slack.goAway();
    socket.send({ type: 'disconnect', reason: 'refresh_requested' });
    const down = await healthUntil((h) => h.status === 503);
    expect(down.body).toMatchObject({ reason: 'Slack is disconnected', platforms: { discord: 'connected', slack: 'disconnected' } });
    await slack.comeBack();
    expect((await healthUntil(isOk)).body.platforms).toEqual({ discord: 'connected', slack: 'connected' });
  }, 40_000);

  it('counts the questions answered on each platform, with their latency, and the papers indexed', async () => {
    const ask = chatInput('ask', { question: 'what is GarDiff?' });
    const edited = discord.nextReply(ask.token);
    gateway.dispatch('INTERACTION_CREATE', ask);
    expect((await edited).kind).toBe('edit');
    socket.send({ envelope_id: 'env-1', type: 'events_api', payload: JSON.parse(mentionEvent({ text: `<@${BOT_USER}> what is GarDiff?` })) });
    socket.send({ envelope_id: 'env-2', type: 'slash_commands', payload: Object.fromEntries(new URLSearchParams(commandBody('ask attention sinks', slack.responseUrl('r1')))) });
    // Help is an answer of sorts, but no question answered.
    socket.send({ envelope_id: 'env-3', type: 'events_api', payload: JSON.parse(mentionEvent({ text: `<@${BOT_USER}> help` })) });
    const text = await metricsUntil(/paperbot_questions_answered_total\{platform="slack"\} 2/);
    expect(text).toContain('paperbot_questions_answered_total{platform="discord"} 1');
    expect(text).toContain('paperbot_answer_duration_seconds_count{platform="discord"} 1');
    expect(text).toContain('paperbot_answer_duration_seconds_count{platform="slack"} 2');
    expect(text).toContain('paperbot_papers_indexed 106');
    expect(text).toContain('paperbot_digests_total{outcome="posted"} 0');
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    await slack.waitForCalls(3);
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
  }, 30_000);

  it('is 503 from the moment it is told to stop while replies finish, then exits 0; no secret in any line it logged, each line JSON', async () => {
    const slow = discord.hold(/@original$/);
    gateway.dispatch('INTERACTION_CREATE', chatInput('ask', { question: 'what is an attention sink?' }));
    await slow.arrived;
    bot.child.kill('SIGTERM');
    expect((await healthUntil((h) => h.status === 503, 5000)).body.reason).toBe('shutting down');
    slow.release();
    expect(await exitCodeWithin(bot, 20_000)).toBe(0);
    const lines = bot.logs().trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(expect.arrayContaining([
      'Health and metrics: listening', 'Discord: the gateway connection dropped; reconnecting', 'Discord: reconnected', 'Shutting down',
    ]));
    for (const secret of SECRETS) expect(bot.logs()).not.toContain(secret);
  }, 40_000);
});
