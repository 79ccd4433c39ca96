/**
 * Text channels for `FakeDiscord`: Create Message (strict limits, `nonce` at most 25 characters, `enforce_nonce`
 * dedupe), Get Channel Messages (newest first, at most `limit`), and List Guild Channels. Shapes from
 * discord-api-docs `resources/message.mdx` and `resources/guild.mdx`.
 */
import { BOT_USER, fakeMessage, type FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { messageProblems } from './fake-discord-limits.js';

type Json = Record<string, unknown>;

const MESSAGES = /^\/channels\/(\d+)\/messages$/;
const GUILD_CHANNELS = /^\/guilds\/(\d+)\/channels$/;
const MAX_NONCE = 25;
const DEFAULT_HISTORY = 50;

export class FakeChannels {
  /** Messages per channel, oldest first. */
  readonly messages = new Map<string, Json[]>();
  /** Channel ids per guild, as List Guild Channels returns them. */
  readonly guilds = new Map<string, string[]>();
  /** Nonces Discord still remembers, per channel (it forgets them after a few minutes: `forgetNonces`). */
  private readonly nonces = new Map<string, Map<string, Json>>();
  private sequence = 0n;

  constructor(fake: FakeDiscord) {
    fake.addRoute((request) => this.route(request));
  }

  /** The messages of a channel, oldest first. */
  in(channelId: string): Json[] {
    return this.messages.get(channelId) ?? [];
  }

  /** Adds a message someone else wrote (a user, another bot), to sit in the history. */
  addMessage(channelId: string, data: Json): Json {
    const message = fakeMessage({ ...data, channel_id: channelId }, this.nextId());
    this.messages.set(channelId, [...this.in(channelId), message]);
    return message;
  }

  /** Time passes: `enforce_nonce` no longer catches a repeated send. */
  forgetNonces(): void {
    this.nonces.clear();
  }

  private route(request: RecordedRequest): { status: number; body?: unknown } | undefined {
    const guild = GUILD_CHANNELS.exec(request.path);
    if (guild && request.method === 'GET') {
      return { status: 200, body: (this.guilds.get(guild[1]!) ?? []).map((id) => ({ id, type: 0, guild_id: guild[1], name: `c${id.slice(-3)}` })) };
    }
    const channel = MESSAGES.exec(request.path)?.[1];
    if (!channel) return undefined;
    if (request.method === 'GET') return { status: 200, body: [...this.in(channel)].reverse().slice(0, DEFAULT_HISTORY) };
    if (request.method === 'POST') return this.create(channel, request);
    return undefined;
  }

  private create(channelId: string, request: RecordedRequest): { status: number; body: unknown } {
    const body = request.body ?? {};
    const nonce = body.nonce === undefined ? undefined : String(body.nonce);
    request.problems = [...messageProblems(body), ...(nonce && nonce.length > MAX_NONCE ? ['nonce over 25 characters'] : [])];
    if (request.problems.length > 0) return { status: 400, body: { code: 50035, message: 'Invalid Form Body' } };
    const remembered = nonce && body.enforce_nonce === true ? this.nonces.get(channelId)?.get(nonce) : undefined;
    if (remembered) return { status: 200, body: remembered };
    const { nonce: _nonce, enforce_nonce: _enforce, allowed_mentions: _mentions, ...shown } = body;
    const message = this.addMessage(channelId, { ...shown, author: BOT_USER });
    if (nonce) this.nonces.set(channelId, (this.nonces.get(channelId) ?? new Map<string, Json>()).set(nonce, message));
    return { status: 200, body: message };
  }

  private nextId(): string {
    this.sequence += 1n;
    return String(1500000000000000000n + this.sequence);
  }
}
