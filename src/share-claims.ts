/**
 * Bounds memory: a claim is only needed while someone may still press the same button (a double click, a retried
 * request, a client that missed the update), so the oldest claims go first once this many are held.
 */
const MAX_CLAIMS = 10_000;

/**
 * Which private answers have been shared, each by a key the adapter picks (the private message's id). A press on
 * "Share in channel" claims its message before posting, so a second press finds it claimed and posts nothing.
 * Claims live in memory: the adapters also remove the button, so after a restart only a message whose update
 * failed could be shared twice.
 */
export class ShareClaims {
  private readonly claimed = new Set<string>();

  constructor(private readonly max = MAX_CLAIMS) {}

  /** True for the first claim of `key` (which is recorded); false when it is claimed already. */
  claim(key: string): boolean {
    if (this.claimed.has(key)) return false;
    this.claimed.add(key);
    // A Set iterates in insertion order: the first key is the oldest.
    for (const oldest of this.claimed) {
      if (this.claimed.size <= this.max) break;
      this.claimed.delete(oldest);
    }
    return true;
  }

  /** Gives a claim back after the public post failed, so the person can press again. */
  release(key: string): void {
    this.claimed.delete(key);
  }
}
