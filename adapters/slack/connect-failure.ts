import { z } from 'zod';
import { NETWORK_REASONS } from '../network-codes.js';

/**
 * What @slack/web-api 8 throws when Slack could not be asked or did not answer (`dist/errors.d.ts`): no connection
 * (the cause carries Node's code: ENOTFOUND, ECONNREFUSED, ETIMEDOUT, …), an HTTP error status, or a rate limit
 * with its Retry-After in seconds. Parsed, not cast: anything else (a WebSocket that did not open) is left as is.
 */
const RequestError = z.object({
  code: z.literal('slack_webapi_request_error'),
  original: z.looseObject({ cause: z.looseObject({ code: z.string() }).optional() }),
});
const HttpError = z.object({ code: z.literal('slack_webapi_http_error'), statusCode: z.number() });
const RateLimited = z.object({ code: z.literal('slack_webapi_rate_limited_error'), retryAfter: z.number().nonnegative() });

/** A short, token-free reason for a failed try: `connection refused (ECONNREFUSED)`, `HTTP 503`, `rate limited`. */
export function failureReason(error: unknown): string {
  const request = RequestError.safeParse(error);
  if (request.success) return networkReason(request.data.original.cause?.code);
  const http = HttpError.safeParse(error);
  if (http.success) return `HTTP ${http.data.statusCode}`;
  const limited = RateLimited.safeParse(error);
  if (limited.success) return `rate limited (Retry-After ${limited.data.retryAfter} s)`;
  return error instanceof Error && error.message !== '' ? error.message : 'no reason given';
}

/** How long Slack asked us to wait before the next call (Retry-After), in ms; 0 when it did not ask. */
export function retryAfterMs(error: unknown): number {
  const limited = RateLimited.safeParse(error);
  return limited.success ? limited.data.retryAfter * 1000 : 0;
}

/** True when the resolver answered that the host name does not exist (NXDOMAIN), not that it could not tell. */
export function isUnknownHost(error: unknown): boolean {
  const request = RequestError.safeParse(error);
  return request.success && request.data.original.cause?.code === 'ENOTFOUND';
}

function networkReason(code: string | undefined): string {
  if (code === undefined) return 'network error';
  return `${NETWORK_REASONS[code] ?? 'network error'} (${code})`;
}
