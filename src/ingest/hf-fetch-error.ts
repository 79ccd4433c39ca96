/** A Daily Papers request that did not give a usable answer; says which URL, why, and whether a retry may help. */
export class HfFetchError extends Error {
  override name = 'HfFetchError' as const;

  constructor(
    readonly url: string,
    readonly reason: string,
    readonly retryable: boolean,
    /** How long the server asked us to wait (429 `Retry-After`), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(`Hugging Face daily papers: ${reason} (${url})`);
  }
}

/** True for a failed Daily Papers fetch (as opposed to a fault in our code). */
export function isHfFetchError(error: unknown): error is HfFetchError {
  return error instanceof HfFetchError;
}
