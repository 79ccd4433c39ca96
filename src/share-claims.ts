/**
 * Bounds memory: a claim is only needed while someone may still press the same button (a double click, a retried
 * request, a client that missed the update), so the oldest claims go first once this many are held.
 */
const MAX_CLAIMS = 10_000;

/** Where a claimed share is: its public copy is being posted, or is out. */
export type ShareState = 'sharing' | 'shared';

/**
 * Which private answers have been shared, each by a key the adapter picks (the private message's id). A press on
 * "Share in channel" claims its message before posting, so a second press finds it claimed and posts nothing.
 * Claims live in memory: the adapters also remove the button, so after a restart only a message whose update
 * failed could be shared twice.
 */
export class ShareClaims {
  private readonly claims = new Map<string, ShareState>();

  constructor(private readonly max = MAX_CLAIMS) {}

  /** Claims `key` and returns `undefined` if nobody had; otherwise the state of the earlier claim, unchanged. */
  claim(key: string): ShareState | undefined {
    const earlier = this.claims.get(key);
    if (earlier) return earlier;
    this.claims.set(key, 'sharing');
    // A Map iterates in insertion order: the first key is the oldest.
    for (const oldest of this.claims.keys()) {
      if (this.claims.size <= this.max) break;
      this.claims.delete(oldest);
    }
    return undefined;
  }

  /** The public copy is out: later presses only need the private answer brought up to date. */
  shared(key: string): void {
    if (this.claims.has(key)) this.claims.set(key, 'shared');
  }

  /** Gives a claim back after the public post failed, so the person can press again. */
  release(key: string): void {
    this.claims.delete(key);
  }
}
