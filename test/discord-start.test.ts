import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import { ConfigError } from '../src/errors.js';
import type { PaperIndex } from '../src/paper-index.js';
import { startDiscord } from '../adapters/discord/start.js';
import { FakeDiscord } from './fake-discord.js';
import { FakeGateway } from './fake-discord-gateway.js';
import { MemoryLogger } from './fake-discord-bot.js';
import { chatInput } from './fixtures/discord-payloads.js';

// Shaped like a bot token; not a real one.
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.fakefakefakefakefakefakefakefake';
let index: PaperIndex;
beforeAll(async () => {
  index = createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH]));
});

describe('startDiscord', () => {
  let fake: FakeDiscord;
  let gateway: FakeGateway;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    gateway = FakeGateway.start(fake);
  });
  afterAll(async () => {
    gateway.close();
    await fake.close();
  });

  it('logs in through DISCORD_API_URL’s gateway with the Guilds intent only, answers over the gateway, and stops cleanly', async () => {
    const log = new MemoryLogger();
    const bot = await startDiscord(index, { token: TOKEN, apiUrl: fake.apiUrl }, log);
    const identify = await gateway.identified;
    expect(identify).toMatchObject({ token: TOKEN, intents: GatewayIntentBits.Guilds });
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot' });

    const raw = chatInput('help');
    const reply = fake.nextReply(raw.token);
    gateway.dispatch('INTERACTION_CREATE', raw);
    expect((await reply).kind).toBe('reply');

    await bot.stop();
    await gateway.closed;
    expect(log.entries.map((entry) => entry.message)).toEqual(['Discord bot ready', 'Discord bot stopped']);
  });
});

describe('startDiscord with a rejected token', () => {
  it('rejects with a setting error that names DISCORD_TOKEN and where to get a new one, without echoing the token', async () => {
    const fake = await FakeDiscord.start();
    fake.failNext({ match: /^\/gateway\/bot$/, status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const failure = await startDiscord(index, { token: TOKEN, apiUrl: fake.apiUrl }).then(() => undefined, (error: unknown) => error);
    await fake.close();
    // A ConfigError is printed alone by `npm start` (exit 1), not as a fault to report.
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/Discord refused DISCORD_TOKEN.*Bot → Reset Token/);
    expect((failure as Error).message).not.toContain(TOKEN);
  });
});

describe('startDiscord when Discord cannot be reached', () => {
  it('rejects with a setting error that names the host and DISCORD_API_URL', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api`;
    const failure = await startDiscord(index, { token: TOKEN, apiUrl }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/^Discord could not be reached at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Check DISCORD_API_URL/);
  });
});

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
