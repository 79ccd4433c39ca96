/**
 * A loopback fake of Discord's HTTP API, strict about limits, plus raw gateway payloads and a harness that
 * drives the real discord.js `Client` (platform-notes §3.1-3.2). Shared by the tests and `scripts/bench-discord.ts`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { choiceProblems, messageProblems } from './fake-discord-limits.js';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  /** The path after `/api/v10`, decoded (`/webhooks/1/tok/messages/@original`). */
  path: string;
  body: Json | null;
  /** The status the fake answered. */
  status: number;
  /** Why the fake rejected the body (400 / 50035); empty when accepted. */
  problems: string[];
  /** When it arrived (`Date.now()`). */
  at: number;
}

/** The first request that shows the person something for one interaction. */
export interface Reply {
  /** `reply` (callback 4), `update` (7), `choices` (8), `edit` (PATCH @original), `followup`. */
  kind: 'reply' | 'update' | 'choices' | 'edit' | 'followup';
  /** The message or autocomplete data as sent. */
  data: Json;
  ephemeral: boolean;
  request: RecordedRequest;
}

/** An extra route (see `addRoute`): its answer, or undefined to let the next route try. */
export type Route = (request: RecordedRequest) => { status: number; body?: unknown } | undefined;

/** A canned failure for the next request whose path matches. */
export interface Failure {
  match: RegExp;
  /** Only requests with this method; any when unset. */
  method?: string;
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

const EPHEMERAL = 64;
const CALLBACK = /^\/interactions\/(\d+)\/([^/]+)\/callback$/;
const WEBHOOK = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/;
const COMMANDS = /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/;

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  private readonly failures: Failure[] = [];
  private readonly holds: { match: RegExp; release: Promise<void>; arrived: () => void }[] = [];
  private readonly waiters = new Map<string, (reply: Reply) => void>();
  private readonly routes: Route[] = [];
  private readonly acknowledged = new Map<string, number>();
  private readonly componentMessageFlags = new Map<string, number>();
  private readonly server = createServer((req, res) => this.receive(req, res));
  /** Where `GET /gateway/bot` sends the client; set by `FakeGateway`. */
  gatewayUrl: string | undefined;

  /** The HTTP server, for a gateway to share its port. */
  get httpServer() {
    return this.server;
  }

  /** The REST base for `new Client({ rest: { api } })`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Serves more of the API (channel messages, guild channels: `fake-discord-channels.ts`) before the 404. */
  addRoute(route: Route): void {
    this.routes.push(route);
  }

  /** Answers the next request matching `failure.match` with the canned status instead. */
  failNext(failure: Failure): void {
    this.failures.push(failure);
  }

  /**
   * Holds the answer to the next request matching `match` until `release()`: a slow Discord, to test that a
   * shutdown waits for replies under way. `arrived` resolves when the request comes in.
   */
  hold(match: RegExp): { arrived: Promise<void>; release: () => void } {
    let release!: () => void;
    let arrived!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const came = new Promise<void>((resolve) => (arrived = resolve));
    this.holds.push({ match, release: released, arrived });
    return { arrived: came, release };
  }

  /**
   * Resolves with the first visible reply for the interaction with this token, accepted or not: a rejected one
   * carries its `request.problems`, so a test shows why instead of timing out.
   */
  nextReply(token: string): Promise<Reply> {
    return new Promise((resolve) => this.waiters.set(token, resolve));
  }

  /**
   * The flags of the message a component interaction's button sits on (see `TestBot.inject`): after an update
   * callback (6 or 7), `@original` is that message, ephemeral or not, whatever the callback's own flags.
   */
  componentMessage(token: string, flags: number): void {
    this.componentMessageFlags.set(token, flags);
  }

  /** Requests the fake turned down for breaking a limit. */
  get rejected(): RecordedRequest[] {
    return this.requests.filter((request) => request.problems.length > 0);
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const path = decodeURIComponent((req.url ?? '').replace(/^\/api\/v10/, '').replace(/\?.*$/, ''));
      const body = raw ? (JSON.parse(raw) as Json) : null;
      const request: RecordedRequest = { method: req.method ?? '', path, body, status: 0, problems: [], at: Date.now() };
      this.requests.push(request);
      const failure = this.failures.findIndex((candidate) => candidate.match.test(path) && (candidate.method ?? request.method) === request.method);
      if (failure !== -1) {
        const [{ status, body: failBody, headers }] = this.failures.splice(failure, 1) as [Failure];
        return this.send(res, request, status, failBody, headers);
      }
      const held = this.holds.findIndex((candidate) => candidate.match.test(path));
      if (held === -1) return this.route(request, res);
      const [{ release, arrived }] = this.holds.splice(held, 1) as [(typeof this.holds)[number]];
      arrived();
      void release.then(() => this.route(request, res));
    });
  }

  private route(request: RecordedRequest, res: ServerResponse): void {
    const { method, path, body } = request;
    const callback = CALLBACK.exec(path);
    const webhook = WEBHOOK.exec(path);
    if (method === 'POST' && callback) return this.callback(request, callback[2]!, body ?? {}, res);
    // An interaction's webhook exists only once the interaction is acknowledged (a callback accepted).
    if (webhook && !this.acknowledged.has(webhook[2]!)) return this.send(res, request, 404, { message: 'Unknown Webhook', code: 10015 });
    if (webhook && method === 'DELETE') return this.send(res, request, 204);
    if (webhook && (method === 'PATCH' || method === 'POST')) {
      const problems = messageProblems(body ?? {});
      const kind = method === 'PATCH' ? 'edit' : 'followup';
      const flags = method === 'PATCH' ? (this.acknowledged.get(webhook[2]!) ?? 0) : Number(body?.flags ?? 0);
      if (!this.reject(res, request, problems)) this.send(res, request, 200, fakeMessage(body ?? {}));
      return this.notify(webhook[2]!, { kind, data: body ?? {}, ephemeral: (flags & EPHEMERAL) !== 0, request });
    }
    if (method === 'GET' && path === '/gateway/bot' && this.gatewayUrl) {
      const limit = { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 };
      return this.send(res, request, 200, { url: this.gatewayUrl, shards: 1, session_start_limit: limit });
    }
    if (method === 'PUT' && COMMANDS.test(path)) {
      const commands = Array.isArray(body) ? (body as Json[]) : [];
      return this.send(res, request, 200, commands.map((command, i) => ({ id: `90000000000000000${i}`, ...command })));
    }
    for (const extra of this.routes) {
      const answer = extra(request);
      if (answer) return this.send(res, request, answer.status, answer.body);
    }
    this.send(res, request, 404, { message: 'Unknown', code: 0 });
  }

  private callback(request: RecordedRequest, token: string, body: Json, res: ServerResponse): void {
    if (this.acknowledged.has(token)) {
      return this.send(res, request, 400, { message: 'Interaction has already been acknowledged.', code: 40060 });
    }
    const type = Number(body.type);
    const data = (body.data ?? {}) as Json;
    const problems = type === 8 ? choiceProblems(data) : messageProblems(data);
    const rejected = this.reject(res, request, problems);
    if (!rejected) {
      const updatesComponentMessage = type === 6 || type === 7;
      this.acknowledged.set(token, updatesComponentMessage ? (this.componentMessageFlags.get(token) ?? 0) : Number(data.flags ?? 0));
      this.send(res, request, 204);
    }
    const kind = type === 4 ? 'reply' : type === 7 ? 'update' : type === 8 ? 'choices' : undefined;
    if (kind) this.notify(token, { kind, data, ephemeral: ((this.acknowledged.get(token) ?? Number(data.flags ?? 0)) & EPHEMERAL) !== 0, request });
  }

  private notify(token: string, reply: Reply): void {
    this.waiters.get(token)?.(reply);
    this.waiters.delete(token);
  }

  private reject(res: ServerResponse, request: RecordedRequest, problems: string[]): true | undefined {
    if (problems.length === 0) return undefined;
    request.problems = problems;
    const errors = { _errors: problems.map((message) => ({ code: 'BASE_TYPE_MAX_LENGTH', message })) };
    this.send(res, request, 400, { code: 50035, message: 'Invalid Form Body', errors });
    return true;
  }

  private send(res: ServerResponse, request: RecordedRequest, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    request.status = status;
    res.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }
}

/** The message object Discord returns for an edit or follow-up: enough for discord.js to build a `Message`. */
export function fakeMessage(data: Json, id = '1400000000000000001'): Json {
  return {
    id, type: 0, channel_id: CHANNEL_ID, author: BOT_USER, content: '', embeds: [], components: [], attachments: [],
    mentions: [], mention_roles: [], pinned: false, mention_everyone: false, tts: false,
    timestamp: '2026-11-27T00:00:00.000Z', edited_timestamp: null, flags: 0, application_id: APPLICATION_ID, ...data,
  };
}

export const APPLICATION_ID = '1100000000000000001';
export const GUILD_ID = '1200000000000000001';
export const CHANNEL_ID = '1250000000000000001';
export const BOT_USER = { id: APPLICATION_ID, username: 'paperbot', discriminator: '0', global_name: null, avatar: null, bot: true };
