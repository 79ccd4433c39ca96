import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The real `api/daily_papers` responses (see the folder's README), by the day they were requested for. */
export const SAMPLES_DIR = new URL('../../shared/corpus/hf-daily-samples/', import.meta.url);
export const SAMPLE_DAYS: Record<string, string> = {
  '2024-04-03': 'daily_papers_2024-04-03.raw.json',
  '2026-08-20': 'daily_papers_2026-08-20.json',
  '2026-08-21': 'daily_papers_2026-08-21.json',
};

export function loadSample(day: string): unknown[] {
  const file = SAMPLE_DAYS[day];
  if (!file) throw new Error(`no sample for ${day}`);
  return JSON.parse(readFileSync(new URL(file, SAMPLES_DIR), 'utf8')) as unknown[];
}

/** One scripted misbehaviour, used up by the next request. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'hang' }
  | { kind: 'truncated' }
  | { kind: 'reset' };

export interface FakeHf {
  /** The API base to pass as `baseUrl` / `HF_API_URL`. */
  url: string;
  /** Every request, in order: path with query, and the User-Agent it sent. */
  requests: { path: string; userAgent: string | undefined }[];
  /** Days served; a day not listed answers `[]` (a weekend). Tests may replace entries. */
  days: Map<string, unknown[]>;
  /** Faults applied to the next requests, first in first out. */
  faults: Fault[];
  /** Serve page 0 whatever `p` says, as a server that does not page would. */
  ignorePaging: boolean;
  close(): Promise<void>;
}

/** A loopback Daily Papers API: honours `date`, `limit` and `p` like the real one, and misbehaves on request. */
export async function startFakeHf(): Promise<FakeHf> {
  const days = new Map(Object.keys(SAMPLE_DAYS).map((day) => [day, loadSample(day)]));
  const fake: Omit<FakeHf, 'url' | 'close'> = { requests: [], days, faults: [], ignorePaging: false };
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => handle(fake, req, res, hanging));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The handler reads `fake`; hand out the same object so tests can change it.
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}/api`,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

function handle(fake: Omit<FakeHf, 'url' | 'close'>, req: IncomingMessage, res: ServerResponse, hanging: Set<ServerResponse>): void {
  const url = new URL(req.url ?? '/', 'http://fake');
  fake.requests.push({ path: url.pathname + url.search, userAgent: req.headers['user-agent'] });
  const fault = fake.faults.shift();
  if (fault?.kind === 'hang') {
    hanging.add(res);
    return;
  }
  if (fault?.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'status') {
    res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) });
    res.end(JSON.stringify({ error: `fake ${fault.status}` }));
    return;
  }
  if (url.pathname !== '/api/daily_papers') {
    res.writeHead(404).end();
    return;
  }
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const page = fake.ignorePaging ? 0 : Number(url.searchParams.get('p') ?? 0);
  const entries = fake.days.get(url.searchParams.get('date') ?? '') ?? [];
  const body = JSON.stringify(entries.slice(page * limit, (page + 1) * limit));
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(fault?.kind === 'truncated' ? body.slice(0, Math.floor(body.length / 2)) : body);
}
