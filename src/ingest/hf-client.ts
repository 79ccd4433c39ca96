import { HfFetchError } from './hf-fetch-error.js';
import { backoffDelay, parseRetryAfter, sleep as realSleep } from './retry.js';
import { silentLogger, type Logger } from '../logger.js';

/** The public API; `HF_API_URL` replaces it (a proxy, or the loopback fake in tests). */
export const DEFAULT_HF_API_URL = 'https://huggingface.co/api';

/** Paging as other consumers do it (`limit=100&p=N`; the API's own default is 50, platform-notes §5.1). */
export const HF_PAGE_SIZE = 100;
/** A day has had at most about 60 papers; 10 pages of 100 means the server is ignoring `p`. */
export const HF_MAX_PAGES = 10;

const DEFAULTS = { pageSize: HF_PAGE_SIZE, timeoutMs: 15_000, maxAttempts: 4, backoffBaseMs: 1_000, backoffMaxMs: 30_000, maxRetryAfterMs: 5 * 60_000 };

/** Says who we are, as HF asks of API clients; no token is ever sent (the endpoint is public). */
export const HF_USER_AGENT = 'paperbot/0.1 (open-source research-paper chat bot; daily digest ingestion)';

export interface HfClientOptions {
  /** The API base, e.g. `https://huggingface.co/api`. */
  baseUrl?: string;
  /** Per request, default 15 s. */
  timeoutMs?: number;
  /** Tries per request, first one included (default 4). */
  maxAttempts?: number;
  /** First backoff delay (default 1 s), doubled each retry up to `backoffMaxMs` (default 30 s). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Entries per page (default `HF_PAGE_SIZE`). */
  pageSize?: number;
  /** A 429 asking for a longer wait than this (default 5 min) fails the fetch instead of blocking. */
  maxRetryAfterMs?: number;
  logger?: Logger;
  /** Injected in tests so retries do not really wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** Fetches the raw Daily Papers entries of a day; validation and mapping are the caller's (`ingestDay`). */
export interface HfDailyClient {
  /** Every entry listed on `day` (ISO date), all pages; throws `HfFetchError` when no complete list could be had. */
  fetchDay(day: string): Promise<unknown[]>;
}

/**
 * A client for `GET {baseUrl}/daily_papers?date=…`: a timeout per request, backoff on 5xx, network errors and
 * incomplete JSON, the server's `Retry-After` on 429, a 4xx other than 429 failing at once.
 */
export function createHfClient(options: HfClientOptions = {}): HfDailyClient {
  const settings = { ...DEFAULTS, ...withoutUndefined(options) };
  const base = (options.baseUrl ?? DEFAULT_HF_API_URL).replace(/\/+$/, '');
  const logger = options.logger ?? silentLogger;
  const wait = options.sleep ?? realSleep;

  async function getWithRetry(url: string): Promise<unknown[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await getOnce(url, settings.timeoutMs);
      } catch (error) {
        const failure = error instanceof HfFetchError ? error : new HfFetchError(url, describeFailure(error), true);
        if (!failure.retryable || attempt >= settings.maxAttempts) throw failure;
        const delay = failure.retryAfterMs ?? backoffDelay(attempt, settings.backoffBaseMs, settings.backoffMaxMs);
        if (delay > settings.maxRetryAfterMs) throw new HfFetchError(url, `${failure.reason}; asked to wait ${delay} ms`, false);
        logger.warn('HF daily papers request failed; retrying', { url, reason: failure.reason, attempt, delayMs: delay });
        await wait(delay);
      }
    }
  }

  return {
    async fetchDay(day) {
      const entries: unknown[] = [];
      const seen = new Set<string>();
      for (let page = 0; page < HF_MAX_PAGES; page += 1) {
        const url = `${base}/daily_papers?date=${encodeURIComponent(day)}&limit=${settings.pageSize}&p=${page}`;
        const batch = await getWithRetry(url);
        const fresh = batch.filter((entry) => {
          const key = JSON.stringify(entry);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        entries.push(...fresh);
        // A short page is the last one; a page of nothing new means the server ignores `p`.
        if (batch.length < settings.pageSize || fresh.length === 0) return entries;
      }
      logger.warn('HF daily papers: stopped paging at the page limit', { day, pages: HF_MAX_PAGES });
      return entries;
    },
  };
}

async function getOnce(url: string, timeoutMs: number): Promise<unknown[]> {
  const response = await fetch(url, {
    headers: { 'User-Agent': HF_USER_AGENT, Accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status === 429) {
    await response.body?.cancel();
    throw new HfFetchError(url, 'HTTP 429 (rate limited)', true, parseRetryAfter(response.headers.get('retry-after'), new Date()));
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new HfFetchError(url, `HTTP ${response.status}`, response.status >= 500);
  }
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // A cut connection can end a 200 response early: worth another try.
    throw new HfFetchError(url, 'response is not complete JSON', true);
  }
  if (!Array.isArray(body)) throw new HfFetchError(url, 'response is not a JSON array of entries', true);
  return body;
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'request timed out';
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
