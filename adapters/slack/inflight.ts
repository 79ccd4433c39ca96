/** Work started by listeners and not finished yet, so shutdown can let it finish instead of cutting replies off. */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Runs `work` and remembers it until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.pending.add(promise);
    try {
      return await promise;
    } finally {
      this.pending.delete(promise);
    }
  }

  /** Waits for all pending work, or `timeoutMs`, whichever comes first. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.pending]), timeout]);
    clearTimeout(timer);
  }
}
