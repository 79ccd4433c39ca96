/**
 * Bounds memory: a claim is only needed while someone may still press the same button (a double click, a retried
 * request, a client that missed the update), so the oldest claims go first once this many are held.
 */
const MAX_CLAIMS = 10_000;

/** Where a claimed share is: its public copy is being posted, or is out. */
export type ShareState = 'sharing' | 'shared';

/** What sharing does on one platform. */
export interface ShareSteps {
  /** Answers a press that must do nothing else (the first press is still posting). */
  acknowledge: () => Promise<void>;
  /** Posts the public copy. */
  post: () => Promise<void>;
  /** Puts the note in place of the button on the private answer. */
  markShared: () => Promise<void>;
}

/**
 * Which private answers have been shared, each by a key the adapter picks (the private message's id). A press on
 * "Share in channel" claims its message before posting, so a second press finds it claimed and posts nothing.
 * Claims live in memory: the adapters also remove the button, so after a restart only a message whose update
 * failed could be shared twice.
 */
export class ShareClaims {
  private readonly claims = new Map<string, ShareState>();

  constructor(private readonly max = MAX_CLAIMS) {}

  /**
   * Shares the answer `key` names, once, whichever press this is. The claim is taken before the first await, so
   * a double click handled concurrently cannot pass it twice. Order: post the copy, then mark the private answer.
   * Posting first loses nothing: if the post fails, the claim is given back and the button is still there to
   * press again; if marking fails, the copy is out and the claim keeps a second press from posting another.
   * Marking first would remove the button before knowing the copy went out. A press while the first is posting
   * only acknowledges (the first marks the answer); a press after it marks the answer again, for a client that
   * missed it.
   */
  async share(key: string, steps: ShareSteps): Promise<void> {
    const earlier = this.claim(key);
    if (earlier === 'sharing') return steps.acknowledge();
    if (earlier === 'shared') return steps.markShared();
    try {
      await steps.post();
    } catch (error) {
      this.release(key);
      throw error;
    }
    this.shared(key);
    await steps.markShared();
  }

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
