/**
 * A minimal Discord gateway on the fake's port: HELLO, heartbeat ACKs, READY after IDENTIFY, then whatever
 * dispatches a test sends. Enough for `client.login()` and `startDiscord()` to run for real, offline.
 * Opcodes: discord-api-docs `topics/opcodes-and-status-codes.mdx` (0 dispatch, 1 heartbeat, 2 identify, 10 hello, 11 ack).
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { APPLICATION_ID, BOT_USER, type FakeDiscord } from './fake-discord.js';

type Json = Record<string, unknown>;

export class FakeGateway {
  /** The IDENTIFY payload's `d`, once the client has sent it. */
  readonly identified: Promise<Json>;
  /** Resolves when the client closes its connection. */
  readonly closed: Promise<void>;
  private socket: WebSocket | undefined;
  private sequence = 0;
  private refusing = false;

  private constructor(private readonly wss: WebSocketServer) {
    let identify!: (payload: Json) => void;
    let close!: () => void;
    this.identified = new Promise((resolve) => (identify = resolve));
    this.closed = new Promise((resolve) => (close = resolve));
    wss.on('connection', (socket) => {
      if (this.refusing) return void socket.terminate();
      this.socket = socket;
      socket.on('close', () => close());
      socket.on('message', (data: Buffer) => this.receive(JSON.parse(data.toString('utf8')) as Json, identify));
      this.send({ op: 10, d: { heartbeat_interval: 41_250 } });
    });
  }

  /** Serves the gateway on `fake`'s port and points `GET /gateway/bot` at it. */
  static start(fake: FakeDiscord): FakeGateway {
    const gateway = new FakeGateway(new WebSocketServer({ server: fake.httpServer }));
    fake.gatewayUrl = `ws://127.0.0.1:${(fake.httpServer.address() as AddressInfo).port}`;
    return gateway;
  }

  /** Sends an event as Discord would, e.g. `dispatch('INTERACTION_CREATE', raw)`. */
  dispatch(type: string, data: unknown): void {
    this.send({ op: 0, t: type, s: ++this.sequence, d: data });
  }

  /**
   * An outage: drops the connection (as a network failure would, with no close frame) and cuts every new one
   * before HELLO, until `comeBack()`.
   */
  goDown(): void {
    this.refusing = true;
    for (const client of this.wss.clients) client.terminate();
  }

  /** Ends the outage: the client's next try gets HELLO and, after IDENTIFY, READY again. */
  comeBack(): void {
    this.refusing = false;
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  private receive(payload: Json, identify: (payload: Json) => void): void {
    if (payload.op === 1) this.send({ op: 11 });
    if (payload.op !== 2) return;
    identify(payload.d as Json);
    this.dispatch('READY', {
      v: 10, user: BOT_USER, guilds: [], session_id: 'fake-session', resume_gateway_url: 'ws://127.0.0.1:1',
      application: { id: APPLICATION_ID, flags: 0 }, shard: [0, 1],
    });
  }

  private send(payload: Json): void {
    this.socket?.send(JSON.stringify(payload));
  }
}
