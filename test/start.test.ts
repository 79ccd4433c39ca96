import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders, startFakeSlack, type FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET } from './fixtures/slack-bed.js';
import { mentionEvent } from './fixtures/slack-payloads.js';

/** A port nothing listens on, for the bot's HTTP receiver. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
    const dataDir = await mkdtemp(join(tmpdir(), 'paperbot-start-slack-'));
    const port = await freePort();
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_PATH: join(dataDir, 'paperbot.sqlite'),
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: String(port),
      SLACK_API_URL: fake.apiUrl,
    };
    // Node itself, not npx: the signal must reach the bot's own process.
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    child.stderr.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const response = await postWhenUp(`http://127.0.0.1:${port}/slack/events`, mentionEvent({ text: '<@U0FAKEBOT> what is GarDiff?' }));
    expect(response.status).toBe(200);
    const [posted] = (await fake.waitForCalls(1, 30_000)).filter((call) => call.method === 'chat.postMessage');
    expect(JSON.stringify(posted?.body)).toContain('Garment-focused Diffusion');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logs).toMatch(/Shutting down/);
    expect(logs).not.toContain(SIGNING_SECRET);
    expect(logs).not.toContain('xoxb-start-test');
  });
});
