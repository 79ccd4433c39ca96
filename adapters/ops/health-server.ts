import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { ConfigError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { HealthAddress } from './config.js';
import type { HealthReport } from './health.js';

/** The two paths served; anything else is 404. */
export const HEALTH_PATH = '/healthz';
export const METRICS_PATH = '/metrics';

/** What the server shows: the health of the moment, and the metrics registry. */
export interface HealthSources {
  health(): HealthReport;
  metrics: Registry;
}

/** Where this machine reaches the server: its address, or loopback when it listens on every interface. */
export function healthUrl({ host, port }: HealthAddress, path = HEALTH_PATH): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}${path}`;
}

export interface HealthServer {
  /** The port listened on. */
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `GET /healthz` (200 or 503, with a JSON body saying why) and `GET /metrics` (Prometheus text format) on
 * `address`; HEAD too, for checkers that use it. Rejects with a `ConfigError` naming HEALTH_PORT or HEALTH_HOST
 * when the address cannot be listened on.
 */
export async function startHealthServer(address: HealthAddress, sources: HealthSources, log: Logger): Promise<HealthServer> {
  const server = createServer((request, response) => {
    respond(request, response, sources).catch((error: unknown) => {
      log.error('Health server: could not answer', { path: request.url, error: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenFailure(error, address)));
    server.listen(address.port, address.host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive connections of a scraper would otherwise hold the close open.
      server.closeAllConnections();
    }),
  };
}

async function respond(request: IncomingMessage, response: ServerResponse, sources: HealthSources): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path !== HEALTH_PATH && path !== METRICS_PATH) return send(response, 404, 'text/plain; charset=utf-8', 'Not found: paperbot serves /healthz and /metrics\n');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
  }
  if (path === METRICS_PATH) return send(response, 200, sources.metrics.contentType, await sources.metrics.metrics());
  const { healthy, ...body } = sources.health();
  send(response, healthy ? 200 : 503, 'application/json', `${JSON.stringify(body)}\n`);
}

/** Node leaves out the body of a reply to HEAD by itself. */
function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body);
}

function listenFailure(error: NodeJS.ErrnoException, { port, host }: HealthAddress): Error {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new ConfigError(`HEALTH_PORT: ${where} is already in use; choose another port, or stop what listens there`);
    case 'EACCES':
      return new ConfigError(`HEALTH_PORT: this user may not listen on ${where}; ports below 1024 need privileges, so choose a higher one`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigError(`HEALTH_HOST: ${host} is not an address of this machine (${error.code}); use 127.0.0.1, or 0.0.0.0 for every interface`);
    default:
      return error;
  }
}
