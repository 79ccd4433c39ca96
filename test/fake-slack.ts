import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { limitViolations } from './fixtures/slack-message-checks.js';
import { BOT_ID, BOT_USER, TEAM } from './fixtures/slack-payloads.js';

/**
 * A loopback Slack Web API and response_url endpoint (platform-notes §4.2). It answers `auth.test` as the fake
 * bot, records every `chat.postMessage`, `chat.update` and response_url body, refuses messages that break a
 * Block Kit limit (`invalid_blocks`, as Slack does), answers `conversations.history` with the channel's accepted
 * top-level posts (metadata included), and misbehaves on request, down to not listening at all.
 */

/** One recorded request: the Web API method, or `respond` for a response_url. */
export interface SlackCall {
  method: string;
  /** For `respond`: the id in the response URL (which command or click it belongs to). */
  responseId?: string;
  body: Record<string, unknown>;
  /** `performance.now()` when the request arrived, for latency measurements. */
  receivedAt: number;
  /** Why the fake refused it (a limit, or a scripted fault); undefined when accepted. */
  refused?: string;
  /** The message ts the fake answered an accepted `chat.postMessage` with. */
  ts?: string;
  /** The bot the call's token belongs to: ours, or another app's (`OTHER_APP_TOKEN`). */
  botId: string;
}

/** A token the fake takes for another app's bot, whose posts carry `OTHER_APP_BOT` as `bot_id`. */
export const OTHER_APP_TOKEN = 'xoxb-other-app';
export const OTHER_APP_BOT = 'B0OTHERAPP';

/** A scripted misbehaviour for the next call to a method: a Slack error code, an HTTP status, or a slow answer. */
export type SlackFault = { error: string } | { status: number; retryAfter?: number } | { delayMs: number };

export interface FakeSlack {
  /** The Web API base, for `SLACK_API_URL` / `clientOptions.slackApiUrl`. */
  apiUrl: string;
  responseUrl(id: string): string;
  /** Every call but `auth.test` and `apps.connections.open`, in arrival order. */
  calls: SlackCall[];
  /** The `auth.test` and `apps.connections.open` calls, in arrival order, each as its method name. */
  handshakes: string[];
  /**
   * Fails the next call(s) to `method` (`chat.postMessage`, `respond`, `auth.test`, `apps.connections.open`, …),
   * first in first out.
   */
  fail(method: string, ...faults: SlackFault[]): void;
  /** Channels that answer every call naming them with this Slack error (`is_archived`, …), as a gone channel does. */
  goneChannels: Map<string, string>;
  /** Calls slowed by a `delayMs` fault that have arrived and are not answered yet. */
  heldCalls(): number;
  /** Resolves once `count` calls have arrived (all calls so far when already there); rejects after `timeoutMs`. */
  waitForCalls(count: number, timeoutMs?: number): Promise<SlackCall[]>;
  /** Stops listening, as a host where nothing listens (connection refused), until `comeBack()`. */
  goAway(): Promise<void>;
  /** Listens again, on the same port. */
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

/** Slack's v0 request signature over the exact raw body (same as Bolt's verify-request.js). */
export function signedHeaders(secret: string, rawBody: string, contentType: string, ts = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${rawBody}`).digest('hex')}`;
  return { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature };
}

/**
 * `socketUrl`: where `apps.connections.open` sends a Socket Mode app (see `fixtures/slack-socket.ts`); without it
 * the call fails with `invalid_auth`, or with `connectionsError` when given (`token_revoked`, `missing_scope`, …),
 * as for a bad app token. `authError`: make `auth.test` fail, as for a revoked bot token.
 */
export async function startFakeSlack(options: { socketUrl?: string; authError?: string; connectionsError?: string } = {}): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const handshakes: string[] = [];
  const faults = new Map<string, SlackFault[]>();
  const goneChannels = new Map<string, string>();
  const waiters = new Set<() => void>();
  let held = 0;
  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const call = record(req, raw);
      if (call) {
        const gone = goneChannels.get(String(call.body.channel));
        const fault = gone ? { error: gone } : faults.get(call.method)?.shift();
        const delayMs = fault && 'delayMs' in fault ? fault.delayMs : 0;
        // A slow call is recorded when it is answered: "accepted" then means the sender got its answer.
        if (delayMs > 0) held += 1;
        setTimeout(() => {
          if (delayMs > 0) held -= 1;
          call.refused = answer(res, call, fault, calls);
          calls.push(call);
          for (const wake of waiters) wake();
        }, delayMs);
      } else {
        const method = req.url?.endsWith('/apps.connections.open') ? 'apps.connections.open' : 'auth.test';
        handshakes.push(method);
        const fault = faults.get(method)?.shift();
        if (fault && 'status' in fault) json(res, fault.status, { ok: false, error: fault.status === 429 ? 'ratelimited' : 'fatal_error' }, fault.retryAfter);
        else if (fault && 'error' in fault) json(res, 200, { ok: false, error: fault.error });
        else if (method === 'apps.connections.open') json(res, 200, options.socketUrl ? { ok: true, url: options.socketUrl } : { ok: false, error: options.connectionsError ?? 'invalid_auth' });
        else if (options.authError) json(res, 200, { ok: false, error: options.authError });
        else json(res, 200, { ok: true, user_id: BOT_USER, bot_id: BOT_ID, team_id: TEAM, user: 'paperbot', team: 'Fake' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const stopListening = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${encodeURIComponent(id)}`,
    calls,
    handshakes,
    goneChannels,
    heldCalls: () => held,
    fail: (method, ...more) => faults.set(method, [...(faults.get(method) ?? []), ...more]),
    waitForCalls: (count, timeoutMs = 5000) => new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (calls.length < count) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve([...calls]);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`expected ${count} Slack calls within ${timeoutMs} ms, got ${calls.length}: ${calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    }),
    goAway: stopListening,
    comeBack: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: stopListening,
  };
}

/** The call for a request, or `undefined` for `auth.test` and `apps.connections.open` (answered, not recorded). */
function record(req: IncomingMessage, raw: string): SlackCall | undefined {
  const path = new URL(req.url ?? '/', 'http://fake').pathname;
  const isJson = (req.headers['content-type'] ?? '').includes('json');
  const body = isJson ? (JSON.parse(raw) as Record<string, unknown>) : decodeForm(raw);
  const receivedAt = performance.now();
  const botId = req.headers.authorization === `Bearer ${OTHER_APP_TOKEN}` ? OTHER_APP_BOT : BOT_ID;
  if (path.startsWith('/respond/')) return { method: 'respond', responseId: decodeURIComponent(path.slice('/respond/'.length)), body, receivedAt, botId };
  const method = path.replace(/^\/api\//, '');
  return method === 'auth.test' || method === 'apps.connections.open' ? undefined : { method, body, receivedAt, botId };
}

/** Web API form bodies carry objects (`blocks`, `metadata`) as JSON strings (@slack/web-api WebClient.js L508, L548). */
function decodeForm(raw: string): Record<string, unknown> {
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'metadata']) if (typeof body[key] === 'string') body[key] = JSON.parse(body[key] as string);
  return body;
}

let lastTs = 0;
/** A fresh, increasing message ts (two posts in the same millisecond must not share one). */
function nextMessageTs(): string {
  lastTs = Math.max(lastTs + 1, Date.now() * 1000);
  return `${Math.floor(lastTs / 1e6)}.${String(lastTs % 1e6).padStart(6, '0')}`;
}

/**
 * `conversations.history`: the channel's accepted top-level posts, newest first, each as its bot's message (thread
 * replies stay in their thread, as in Slack). Metadata is returned only with `include_all_metadata`.
 */
function history(calls: readonly SlackCall[], request: Record<string, unknown>): Record<string, unknown> {
  const withMetadata = String(request.include_all_metadata) === 'true';
  const limit = Number(request.limit ?? 100);
  const messages = calls
    .filter((c) => c.method === 'chat.postMessage' && c.ts !== undefined && c.body.channel === request.channel && c.body.thread_ts === undefined)
    .reverse()
    .slice(0, limit)
    .map((c) => ({
      type: 'message', ts: c.ts, bot_id: c.botId, ...(c.botId === BOT_ID ? { user: BOT_USER, app_id: 'A0FAKEAPP' } : {}), text: c.body.text,
      ...(withMetadata && c.body.metadata !== undefined ? { metadata: c.body.metadata } : {}),
    }));
  return { ok: true, messages, has_more: false };
}

/** Writes the response and returns why the call was refused, if it was. */
function answer(res: ServerResponse, call: SlackCall, fault: SlackFault | undefined, earlier: readonly SlackCall[]): string | undefined {
  if (fault && 'status' in fault) {
    res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}) });
    res.end(JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'fatal_error' }));
    return `HTTP ${fault.status}`;
  }
  const problems = call.body.blocks === undefined ? [] : limitViolations(call.body);
  const error = (fault && 'error' in fault ? fault.error : undefined) ?? (problems.length > 0 ? 'invalid_blocks' : undefined);
  if (call.method === 'respond') {
    // response_url answers plain HTTP: 200 "ok", or 4xx with a reason (Bolt's respond() throws on non-2xx).
    res.writeHead(error ? 400 : 200, { 'content-type': 'text/plain' }).end(error ?? 'ok');
  } else if (error) {
    json(res, 200, { ok: false, error });
  } else if (call.method === 'conversations.history') {
    json(res, 200, history(earlier, call.body));
  } else {
    call.ts = nextMessageTs();
    json(res, 200, { ok: true, channel: call.body.channel, ts: call.ts });
  }
  return error === undefined ? undefined : [error, ...problems].join(': ');
}

function json(res: ServerResponse, status: number, body: unknown, retryAfter?: number): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {}) }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
