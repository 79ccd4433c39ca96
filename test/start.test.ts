import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders, startFakeSlack, type FakeSlack } from './fake-slack.js';
import { startFakeSocket } from './fixtures/slack-socket.js';
import { SIGNING_SECRET } from './fixtures/slack-bed.js';
import { mentionEvent } from './fixtures/slack-payloads.js';
import { exitCodeWithin, freePort, loggedWithin, startBot } from './helpers/entry-point.js';

/** POSTs a signed event, retrying while the bot is still starting (connection refused). */
async function postWhenUp(url: string, raw: string, deadline = Date.now() + 60_000): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url, { method: 'POST', body: raw, headers: signedHeaders(SIGNING_SECRET, raw, 'application/json') });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});

describe('npm start with Slack settings', () => {
  it('answers a mention through the real entry point, with daily papers open, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const bot = await startBot('paperbot-start-slack-', { SLACK_BOT_TOKEN: 'xoxb-start-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(port), SLACK_API_URL: fake.apiUrl });

    const response = await postWhenUp(`http://127.0.0.1:${port}/slack/events`, mentionEvent({ text: '<@U0FAKEBOT> what is GarDiff?' }));
    expect(response.status).toBe(200);
    const [posted] = (await fake.waitForCalls(1, 30_000)).filter((call) => call.method === 'chat.postMessage');
    expect(JSON.stringify(posted?.body)).toContain('Garment-focused Diffusion');

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.logs()).toMatch(/Shutting down/);
    expect(bot.logs()).not.toContain(SIGNING_SECRET);
    expect(bot.logs()).not.toContain('xoxb-start-test');
  });
});

describe('npm start with a Slack token that Slack refuses', () => {
  // Bolt 5.1.0 alone printed "paperbot failed: An API error occurred: invalid_auth … Please report this" for a
  // refused bot token, and retried apps.connections.open forever on a revoked app token.
  const table: [string, string, { authError?: string; connectionsError?: string }][] = [
    ['SLACK_BOT_TOKEN', 'invalid_auth', { authError: 'invalid_auth' }],
    ['SLACK_APP_TOKEN', 'token_revoked', { connectionsError: 'token_revoked' }],
  ];

  it.each(table)('%s refused (%s): says which variable and what to check, closes the store, exits 1', async (variable, code, refusal) => {
    const refusing = await startFakeSlack(refusal);
    const bot = await startBot('paperbot-start-refused-', { SLACK_BOT_TOKEN: 'xoxb-refused-secret', SLACK_APP_TOKEN: 'xapp-refused-secret', SLACK_API_URL: refusing.apiUrl });
    try {
      const code30s = await exitCodeWithin(bot, 30_000);
      expect(code30s).toBe(1);
      expect(bot.logs()).toContain(`${variable} `);
      expect(bot.logs()).toContain(`(${code})`);
      expect(bot.logs()).not.toContain('refused-secret');
      expect(bot.logs()).not.toMatch(/Please report|\n\s+at /);
      expect(existsSync(`${bot.databasePath}-wal`)).toBe(false);
    } finally {
      bot.child.kill('SIGKILL');
      await refusing.close();
    }
  }, 40_000);
});

describe('npm start with Socket Mode when the app token is revoked while running', () => {
  it('logs which variable and exits 1 at the next reconnection, instead of running on deaf', async () => {
    const socket = await startFakeSocket();
    const slack = await startFakeSlack({ socketUrl: socket.url });
    const bot = await startBot('paperbot-start-revoked-', { SLACK_BOT_TOKEN: 'xoxb-revoked-secret', SLACK_APP_TOKEN: 'xapp-revoked-secret', SLACK_API_URL: slack.apiUrl });
    try {
      await loggedWithin(bot, /Slack: connected/, 30_000);
      slack.fail('apps.connections.open', { error: 'token_revoked' });
      socket.send({ type: 'disconnect', reason: 'refresh_requested' });
      expect(await exitCodeWithin(bot, 10_000)).toBe(1);
      expect(bot.logs()).toMatch(/"level":"error","msg":"Slack says SLACK_APP_TOKEN has been revoked \(token_revoked\)/);
      expect(bot.logs()).not.toContain('revoked-secret');
    } finally {
      bot.child.kill('SIGKILL');
      await slack.close();
      await socket.close();
    }
  }, 45_000);
});

describe('npm start when the bot token is revoked while running', () => {
  it('logs which variable and what to do at the first refused reply, closes the store and exits 1, instead of running on deaf', async () => {
    const port = await freePort();
    const slack = await startFakeSlack();
    const bot = await startBot('paperbot-start-bot-revoked-', { SLACK_BOT_TOKEN: 'xoxb-revoked-secret', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(port), SLACK_API_URL: slack.apiUrl });
    try {
      slack.fail('chat.postMessage', { error: 'token_revoked' });
      expect((await postWhenUp(`http://127.0.0.1:${port}/slack/events`, mentionEvent({ text: '<@U0FAKEBOT> what is GarDiff?' }))).status).toBe(200);
      expect(await exitCodeWithin(bot, 15_000)).toBe(1);
      expect(bot.logs()).toMatch(/"level":"error","msg":"Slack says SLACK_BOT_TOKEN has been revoked \(token_revoked\)\. Create a new one/);
      expect(bot.logs()).toMatch(/"msg":"Shutting down","reason":"credentials refused"\}[\s\S]*Slack: stopped/);
      expect(existsSync(`${bot.databasePath}-wal`)).toBe(false);
      expect(bot.logs()).not.toContain('revoked-secret');
    } finally {
      bot.child.kill('SIGKILL');
      await slack.close();
    }
  }, 75_000);
});

describe('npm start stopped while it is still starting', () => {
  it('on SIGTERM while Slack cannot be reached yet, closes the store and exits 0, instead of dying mid-start', async () => {
    // Nothing listens on this port: auth.test is refused, and start-up keeps retrying (for up to two minutes).
    const port = await freePort();
    const bot = await startBot('paperbot-start-early-', { SLACK_BOT_TOKEN: 'xoxb-early-stop', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `http://127.0.0.1:${port}/api/` });
    try {
      await loggedWithin(bot, /trying again/, 30_000);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.logs()).toMatch(/Shutting down/);
      expect(existsSync(`${bot.databasePath}-wal`)).toBe(false);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 45_000);
});
