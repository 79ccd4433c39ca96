import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackRunning } from '../adapters/slack/start.js';
import { readSlackConfig } from '../adapters/slack/config.js';
import { seedIndex } from './fixtures/slack-index.js';
import { recordingLog, visibleText } from './fixtures/slack-bed.js';
import { startFakeSocket, type FakeSocket } from './fixtures/slack-socket.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { BOT_USER, CHANNEL, commandBody, mentionEvent } from './fixtures/slack-payloads.js';

/**
 * Socket Mode, the default, end to end: the app asks SLACK_API_URL's `apps.connections.open` for a socket, connects,
 * and receives envelopes over it, acking each at once. The same listeners as over HTTP answer.
 */
let socket: FakeSocket;
let fake: FakeSlack;
let running: SlackRunning;
const log = recordingLog();

beforeAll(async () => {
  socket = await startFakeSocket();
  fake = await startFakeSlack({ socketUrl: socket.url });
  const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-fake', SLACK_APP_TOKEN: 'xapp-fake', SLACK_API_URL: fake.apiUrl })!;
  running = await startSlack(await seedIndex(), config, log, { retryConfig: { retries: 0 } });
});
afterAll(async () => {
  await running.stop();
  await fake.close();
  await socket.close();
});

it('connects through SLACK_API_URL and says so', () => {
  expect(running.port).toBeUndefined();
  expect(log.entries.map((entry) => entry.message)).toContain('Slack: connected (Socket Mode)');
});

it('acks a mention envelope and answers in the thread', async () => {
  const event = JSON.parse(mentionEvent({ text: `<@${BOT_USER}> attention sink`, ts: '1700000999.000100' })) as Record<string, unknown>;
  socket.send({ envelope_id: 'env-mention', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: event });
  expect(await socket.ack('env-mention')).toEqual({ envelope_id: 'env-mention', payload: {} });
  const [post] = await fake.waitForCalls(1);
  expect(post).toMatchObject({ method: 'chat.postMessage', body: { channel: CHANNEL, thread_ts: '1700000999.000100' } });
});

it('acks /papers with an empty payload, then answers through the response URL', async () => {
  const command = Object.fromEntries(new URLSearchParams(commandBody('search diffusion', fake.responseUrl('socket-cmd'))));
  socket.send({ envelope_id: 'env-command', type: 'slash_commands', accepts_response_payload: true, payload: command });
  expect(await socket.ack('env-command')).toEqual({ envelope_id: 'env-command', payload: {} });
  const calls = await fake.waitForCalls(2);
  expect(calls[1]).toMatchObject({ method: 'respond', responseId: 'socket-cmd', body: { response_type: 'ephemeral' } });
  expect(visibleText(calls[1]!.body)).toMatch(/^Search: diffusion/);
});

describe('start-up with bad credentials', () => {
  it('fails with invalid_auth when Slack refuses the bot token, instead of failing on the first message', async () => {
    const refusing = await startFakeSlack({ authError: 'invalid_auth' });
    try {
      const config = { mode: 'http', botToken: 'xoxb-revoked', signingSecret: 'abcdef0123456789', port: 0, apiUrl: refusing.apiUrl } as const;
      await expect(startSlack(await seedIndex(), config)).rejects.toThrow(/invalid_auth/);
    } finally {
      await refusing.close();
    }
  });

  it('fails with invalid_auth when Slack will not open a socket for the app token', async () => {
    const refusing = await startFakeSlack();
    try {
      const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-fake', SLACK_APP_TOKEN: 'xapp-wrong', SLACK_API_URL: refusing.apiUrl })!;
      await expect(startSlack(await seedIndex(), config, recordingLog(), { retryConfig: { retries: 0 } })).rejects.toThrow(/invalid_auth/);
    } finally {
      await refusing.close();
    }
  });
});
