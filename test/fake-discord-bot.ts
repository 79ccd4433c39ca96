/** Drives the real discord.js `Client` against `FakeDiscord`: inject a gateway payload, await the reply. */
import { Client } from 'discord.js';
import { expect } from 'vitest';
import type { PaperIndex } from '../src/paper-index.js';
import { createDiscordClient } from '../adapters/discord/start.js';
import { serveInteractions, type InteractionService } from '../adapters/discord/serve.js';
import type { Logger } from '../src/logger.js';
import type { CommandServices } from '../adapters/discord/commands/command.js';
import { FakeDiscord, type Reply } from './fake-discord.js';

const REPLY_TIMEOUT_MS = 10_000;

/** A logger that keeps what it is told, for assertions. */
export class MemoryLogger implements Logger {
  readonly entries: { level: string; message: string; details?: Record<string, unknown> }[] = [];
  info(message: string, details?: Record<string, unknown>) { this.entries.push({ level: 'info', message, details }); }
  warn(message: string, details?: Record<string, unknown>) { this.entries.push({ level: 'warn', message, details }); }
  error(message: string, details?: Record<string, unknown>) { this.entries.push({ level: 'error', message, details }); }
}

/** Every payload the bot sent passed the fake's limits, and none could ping anyone (run after each test). */
export function expectSafeTraffic(bot: TestBot): void {
  expect(bot.fake.rejected).toEqual([]);
  for (const request of bot.fake.requests) {
    const data = (request.path.endsWith('/callback') ? request.body?.data : request.body) as Record<string, unknown> | undefined;
    if (data && ('embeds' in data || 'content' in data)) expect(data.allowed_mentions).toEqual({ parse: [] });
  }
}

export class TestBot {
  private constructor(
    readonly fake: FakeDiscord,
    readonly client: Client,
    readonly service: InteractionService,
    readonly log: MemoryLogger,
  ) {}

  /** A real client, REST at the fake (no retries on 5xx, so failures show at once), serving `index` (and `services`). */
  static async start(index: PaperIndex, fake?: FakeDiscord, services: CommandServices = {}): Promise<TestBot> {
    const server = fake ?? (await FakeDiscord.start());
    const client = createDiscordClient({ apiUrl: server.apiUrl }, { retries: 0 });
    client.rest.setToken('test-token');
    const log = new MemoryLogger();
    return new TestBot(server, client, serveInteractions(client, index, log, services), log);
  }

  /** Delivers `raw` where the gateway would; does not wait. */
  inject(raw: { token: string; message?: { flags?: number } }): void {
    if (raw.message) this.fake.componentMessage(raw.token, raw.message.flags ?? 0);
    // `client.actions` is private in the typings (platform-notes §3.1): the one documented `as any`.
    (this.client as any).actions.InteractionCreate.handle(raw);
  }

  /** Delivers `raw` and resolves with the first thing the person sees; waits for the handler to finish too. */
  async run(raw: { token: string; message?: { flags?: number } }): Promise<Reply> {
    const reply = this.fake.nextReply(raw.token);
    this.inject(raw);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no reply to ${raw.token}`)), REPLY_TIMEOUT_MS).unref());
    const result = await Promise.race([reply, timeout]);
    await this.idle();
    return result;
  }

  /** Resolves when no interaction is being handled. */
  async idle(): Promise<void> {
    while (this.service.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 2));
  }

  async stop(): Promise<void> {
    await this.service.close();
    await this.client.destroy();
    await this.fake.close();
  }
}
