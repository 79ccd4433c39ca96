/** Backoff and `Retry-After` arithmetic for the Daily Papers client; pure, so the tests can check it directly. */

/** Exponential backoff: `baseMs`, 2×, 4× … capped at `maxMs`. `attempt` counts from 1 (the first retry). */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** (attempt - 1));
}

/**
 * A `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Returns ms to wait, or undefined when
 * the header is missing or unreadable (the caller then falls back to its own backoff).
 */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const when = Date.parse(trimmed);
  return Number.isNaN(when) ? undefined : Math.max(0, when - now.getTime());
}

/** Real waiting; tests pass their own. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
