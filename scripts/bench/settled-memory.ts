/** Collections, and pauses between them, before memory is read (see `settledMemory`). */
const SETTLE_ROUNDS = 3;
const SETTLE_PAUSE_MS = 200;

/**
 * Memory after a full collection whose freed pages are back with the system. V8 sweeps and unmaps pages on
 * background threads after `gc()`, so reading at once catches a transient: readings then varied by ±30%.
 */
export async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < SETTLE_ROUNDS; round += 1) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_PAUSE_MS));
  }
  return process.memoryUsage();
}
