import { afterEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackRunning, type SlackStartOptions } from '../adapters/slack/start.js';
import { readSlackConfig } from '../adapters/slack/config.js';
import type { SlackCredentialsError } from '../adapters/slack/credentials.js';
import { SlackUnreachableError } from '../adapters/slack/unreachable.js';
import { ConfigError } from '../src/errors.js';
import { seedIndex } from './fixtures/slack-index.js';
import { recordingLog } from './fixtures/slack-bed.js';
import { startFakeSocket, type FakeSocket } from './fixtures/slack-socket.js';
import { startFakeSlack, type FakeSlack, type SlackFault } from './fake-slack.js';
import { BOT_USER, mentionEvent } from './fixtures/slack-payloads.js';
import { pretendHostDoesNotExist } from './fixtures/unknown-host.js';

/**
 * Tokens Slack refuses stop paperbot at once, naming the variable and never showing the token; network errors,
 * 5xx and rate limits are retried, at start-up and when Socket Mode reconnects. Real Bolt, real Socket Mode client,
 * loopback Slack. Bolt 5.1.0 alone, by contrast, retried `apps.connections.open` forever on `token_revoked`,
 * `missing_scope` and `not_allowed_token_type`, gave up on the first 5xx, and printed only "An API error occurred".
 */
const BOT_TOKEN = 'xoxb-secret-bot-123';
const APP_TOKEN = 'xapp-secret-app-456';
/** Quick retries, so that a retry shows within a test and "retrying forever" shows as still waiting. */
const QUICK: SlackStartOptions = { retryConfig: { retries: 0 }, connectRetry: { firstMs: 20, maxMs: 100 } };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Bench {
  fake: FakeSlack;
  socket: FakeSocket;
  log: ReturnType<typeof recordingLog>;
  start(options?: SlackStartOptions): Promise<SlackRunning>;
}

async function bench(): Promise<Bench> {
  const socket = await startFakeSocket();
  const fake = await startFakeSlack({ socketUrl: socket.url });
  cleanups.push(() => socket.close(), () => fake.close());
  const log = recordingLog();
  const config = readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl })!;
  const start = async (options: SlackStartOptions = {}) => startSlack(await seedIndex(), config, log, { ...QUICK, ...options });
  return { fake, socket, log, start };
}

/** How a start ends within `ms`: the running app (stopped after the test), its error, or a note that it is still trying. */
async function outcome(start: Promise<SlackRunning>, ms = 2000): Promise<unknown> {
  const waiting = new Promise((resolve) => setTimeout(() => resolve(`still trying after ${ms} ms`), ms));
  const settled = start.then((running) => {
    cleanups.unshift(() => running.stop());
    return 'started';
  }, (error: unknown) => error);
  return Promise.race([settled, waiting]);
}

async function until(condition: () => boolean, what: string, ms = 3000): Promise<void> {
  for (const deadline = Date.now() + ms; !condition(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

const count = (fake: FakeSlack, method: string) => fake.handshakes.filter((call) => call === method).length;

function expectRefusal(error: unknown, variable: string, code: string): void {
  expect(error).toBeInstanceOf(ConfigError);
  const { message } = error as Error;
  expect(message).toContain(variable);
  expect(message).toContain(`(${code})`);
  expect(message).not.toContain(BOT_TOKEN);
  expect(message).not.toContain(APP_TOKEN);
}

describe('start-up with a token Slack refuses: one try, then a clear error naming the variable', () => {
  it.each(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive', 'not_allowed_token_type'])('SLACK_BOT_TOKEN: %s on auth.test', async (code) => {
    const { fake, start } = await bench();
    fake.fail('auth.test', { error: code });
    expectRefusal(await outcome(start()), 'SLACK_BOT_TOKEN', code);
    expect(fake.handshakes).toEqual(['auth.test']);
  });

  it.each(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive', 'missing_scope', 'not_allowed_token_type'])('SLACK_APP_TOKEN: %s on apps.connections.open', async (code) => {
    const { fake, start } = await bench();
    fake.fail('apps.connections.open', { error: code });
    expectRefusal(await outcome(start()), 'SLACK_APP_TOKEN', code);
    expect(fake.handshakes).toEqual(['auth.test', 'apps.connections.open']);
  });

  it('says what to do: which page, which scope', async () => {
    const { fake, start } = await bench();
    fake.fail('apps.connections.open', { error: 'missing_scope' });
    expect(((await outcome(start())) as Error).message).toMatch(/connections:write/);
    const other = await bench();
    other.fake.fail('auth.test', { error: 'token_revoked' });
    expect(((await outcome(other.start())) as Error).message).toMatch(/OAuth & Permissions/);
  });
});

describe('start-up through transient failures: retried until Slack answers', () => {
  const table: [string, string, SlackFault][] = [
    ['auth.test answering HTTP 500', 'auth.test', { status: 500 }],
    ['auth.test rate limited', 'auth.test', { status: 429, retryAfter: 0 }],
    ['apps.connections.open answering HTTP 503', 'apps.connections.open', { status: 503 }],
    ['apps.connections.open rate limited', 'apps.connections.open', { status: 429, retryAfter: 0 }],
  ];

  it.each(table)('%s twice', async (_name, method, fault) => {
    const { fake, log, start } = await bench();
    fake.fail(method, fault, fault);
    expect(await outcome(start())).toBe('started');
    expect(count(fake, method)).toBe(3);
    expect(log.entries.filter((entry) => entry.level === 'warn' && entry.message.includes('trying again'))).toHaveLength(2);
  });
});

describe('start-up that cannot reach Slack: retried for a while, then a clear error naming where and why', () => {
  const warnings = (log: Bench['log']) => log.entries.filter((entry) => entry.level === 'warn' && entry.message.includes('trying again')).length;

  function expectUnreachable(error: unknown, ...parts: string[]): void {
    expect(error).toBeInstanceOf(SlackUnreachableError);
    expect(error).toBeInstanceOf(ConfigError);
    const { message } = error as Error;
    for (const part of parts) expect(message).toContain(part);
    expect(message).not.toContain(BOT_TOKEN);
    expect(message).not.toContain(APP_TOKEN);
  }

  it('retries a refused connection, and starts once Slack listens again', async () => {
    const { fake, log, start } = await bench();
    await fake.goAway();
    const starting = outcome(start(), 5000);
    await until(() => warnings(log) >= 2, 'two tries to fail');
    await fake.comeBack();
    expect(await starting).toBe('started');
  });

  it('gives up on a refused connection after the limit, naming the host of SLACK_API_URL', async () => {
    const { fake, log, start } = await bench();
    await fake.goAway();
    const error = await outcome(start({ startUpLimitMs: 300 }));
    const host = new URL(fake.apiUrl).host;
    expectUnreachable(error, 'checking SLACK_BOT_TOKEN (auth.test) failed', 'connection refused (ECONNREFUSED)', `Check SLACK_API_URL (host ${host})`);
    expect(warnings(log)).toBeGreaterThanOrEqual(2);
  });

  it('gives up on HTTP 503 from apps.connections.open after the limit, naming the step and the status', async () => {
    const { fake, start } = await bench();
    fake.fail('apps.connections.open', ...Array<SlackFault>(100).fill({ status: 503 }));
    const error = await outcome(start({ startUpLimitMs: 300 }));
    expectUnreachable(error, 'opening the Socket Mode connection failed', 'the last time with HTTP 503');
    expect(count(fake, 'apps.connections.open')).toBeGreaterThanOrEqual(2);
  });

  it('has one limit for the whole start-up, not one per step', async () => {
    const { fake, start } = await bench();
    await fake.goAway();
    const startedAt = Date.now();
    const error = outcome(start({ startUpLimitMs: 600 }));
    // auth.test fails for half a second, then apps.connections.open fails until the limit.
    await new Promise((resolve) => setTimeout(resolve, 500));
    fake.fail('apps.connections.open', ...Array<SlackFault>(100).fill({ status: 503 }));
    await fake.comeBack();
    expectUnreachable(await error, 'opening the Socket Mode connection failed');
    expect(Date.now() - startedAt).toBeLessThan(900);
  });

  it('waits as long as Retry-After says before trying again', async () => {
    const { fake, start } = await bench();
    fake.fail('auth.test', { status: 429, retryAfter: 1 });
    const starting = outcome(start(), 3000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    // QUICK's back-off alone would have tried again after 20 ms.
    expect(count(fake, 'auth.test')).toBe(1);
    expect(await starting).toBe('started');
    expect(count(fake, 'auth.test')).toBe(2);
  });

  it('gives up at once when Retry-After is past the limit, rather than ask again too early', async () => {
    const { fake, start } = await bench();
    fake.fail('auth.test', { status: 429, retryAfter: 60 });
    expectUnreachable(await outcome(start({ startUpLimitMs: 1000 }), 500), 'rate limited (Retry-After 60 s)');
    expect(count(fake, 'auth.test')).toBe(1);
  });

  it('fails at the first try when the host of SLACK_API_URL does not exist (a typo, which no wait fixes)', async () => {
    const restore = pretendHostDoesNotExist('slack-proxy.example.invalid');
    cleanups.push(async () => restore());
    const log = recordingLog();
    const config = readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: 'http://slack-proxy.example.invalid:8080/api/' })!;
    // The full two-minute limit: the answer comes well before it.
    const error = await outcome(startSlack(await seedIndex(), config, log, { retryConfig: { retries: 0 } }), 1000);
    expectUnreachable(error, 'slack-proxy.example.invalid:8080, the host of SLACK_API_URL, does not exist (ENOTFOUND)', 'Check SLACK_API_URL for a typo');
    expect(warnings(log)).toBe(0);
  });

  it('retries slack.com not resolving (this machine\'s DNS, which may recover) until the limit', async () => {
    const restore = pretendHostDoesNotExist('slack.com');
    cleanups.push(async () => restore());
    const log = recordingLog();
    const config = readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN })!;
    const error = await outcome(startSlack(await seedIndex(), config, log, { ...QUICK, startUpLimitMs: 300 }));
    expectUnreachable(error, 'the last time with host not found (ENOTFOUND)', 'Check that this machine can reach slack.com');
    expect(warnings(log)).toBeGreaterThanOrEqual(2);
  });
});

describe('Socket Mode connection dropped while running', () => {
  const drop = (socket: FakeSocket) => socket.send({ type: 'disconnect', reason: 'refresh_requested' });

  it('stops, once, when Slack refuses the app token on reconnecting (revoked meanwhile)', async () => {
    const { fake, socket, start } = await bench();
    const refused: SlackCredentialsError[] = [];
    expect(await outcome(start({ onCredentialsRefused: (error) => refused.push(error) }))).toBe('started');
    fake.fail('apps.connections.open', { error: 'token_revoked' }, { error: 'token_revoked' });
    drop(socket);
    await until(() => refused.length > 0, 'the refusal to be reported');
    expectRefusal(refused[0], 'SLACK_APP_TOKEN', 'token_revoked');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No more tries: one to connect at start-up, one refused.
    expect(count(fake, 'apps.connections.open')).toBe(2);
    expect(refused).toHaveLength(1);
  });

  it('reconnects through a 5xx and a rate limit, and answers again', async () => {
    const { fake, socket, log, start } = await bench();
    expect(await outcome(start())).toBe('started');
    fake.fail('apps.connections.open', { status: 503 }, { status: 429, retryAfter: 0 });
    drop(socket);
    await until(() => count(fake, 'apps.connections.open') === 4, 'three more connection tries');
    await until(() => log.entries.some((entry) => entry.message === 'Slack: reconnected (Socket Mode)'), 'the reconnection');
    const event = JSON.parse(mentionEvent({ text: `<@${BOT_USER}> attention sink`, ts: '1700000777.000100' })) as Record<string, unknown>;
    socket.send({ envelope_id: 'env-after', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: event });
    expect(await socket.ack('env-after')).toEqual({ envelope_id: 'env-after', payload: {} });
    expect((await fake.waitForCalls(1))[0]).toMatchObject({ method: 'chat.postMessage', body: { thread_ts: '1700000777.000100' } });
  });

  it('says, as an error naming SLACK_BOT_TOKEN, when a reply fails because the bot token was revoked meanwhile', async () => {
    const { fake, socket, log, start } = await bench();
    expect(await outcome(start())).toBe('started');
    fake.fail('chat.postMessage', { error: 'token_revoked' });
    const event = JSON.parse(mentionEvent({ text: `<@${BOT_USER}> attention sink`, ts: '1700000888.000100' })) as Record<string, unknown>;
    socket.send({ envelope_id: 'env-revoked', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: event });
    await until(() => log.entries.some((entry) => entry.level === 'error'), 'an error to be logged');
    const logged = log.entries.find((entry) => entry.level === 'error')!;
    expect(logged.message).toMatch(/SLACK_BOT_TOKEN.*revoked.*\(token_revoked\)/);
    expect(JSON.stringify(log.entries)).not.toContain(BOT_TOKEN);
  });

  it('stops reconnecting when the app is stopped', async () => {
    const { fake, socket, start } = await bench();
    const running = await start();
    await running.stop();
    drop(socket);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(count(fake, 'apps.connections.open')).toBe(1);
  });
});

describe('the bot token refused while running: reported once, so that npm start can stop', () => {
  /** Mentions the bot over the socket; the answer goes out with chat.postMessage and the bot token. */
  const mention = (socket: FakeSocket, envelopeId: string) => {
    const event = JSON.parse(mentionEvent({ text: `<@${BOT_USER}> attention sink` })) as Record<string, unknown>;
    socket.send({ envelope_id: envelopeId, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: event });
  };

  it.each(['token_revoked', 'invalid_auth', 'account_inactive'])('%s on a reply: one report naming SLACK_BOT_TOKEN, however many replies fail', async (code) => {
    const { fake, socket, start } = await bench();
    const refused: SlackCredentialsError[] = [];
    expect(await outcome(start({ onCredentialsRefused: (error) => refused.push(error) }))).toBe('started');
    fake.fail('chat.postMessage', { error: code }, { error: code });
    mention(socket, 'env-first');
    mention(socket, 'env-second');
    await fake.waitForCalls(2);
    await until(() => refused.length > 0, 'the refusal to be reported');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(refused).toHaveLength(1);
    expectRefusal(refused[0], 'SLACK_BOT_TOKEN', code);
  });

  it.each(['missing_scope', 'not_allowed_token_type'])('%s on a reply is that reply\'s problem: logged, not reported, and the next mention is answered', async (code) => {
    const { fake, socket, log, start } = await bench();
    const refused: SlackCredentialsError[] = [];
    expect(await outcome(start({ onCredentialsRefused: (error) => refused.push(error) }))).toBe('started');
    fake.fail('chat.postMessage', { error: code });
    mention(socket, 'env-scope');
    await fake.waitForCalls(1);
    await until(() => log.entries.some((entry) => entry.message.startsWith('Slack: could not send an answer')), 'the failure to be logged');
    mention(socket, 'env-after-scope');
    const [, next] = await fake.waitForCalls(2);
    expect(next).toMatchObject({ method: 'chat.postMessage', refused: undefined });
    expect(refused).toEqual([]);
  });
});
