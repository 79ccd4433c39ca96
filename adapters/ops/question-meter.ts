import type { Platform } from '../../src/store/store.js';

/**
 * Where the adapters report the questions they answer, for the metrics: an interface of their own, so that
 * they need no metrics library and tests can pass a recorder.
 */
export interface QuestionMeter {
  /** A question on `platform` was answered: the answer reached the person `seconds` after the question arrived. */
  answered(platform: Platform, seconds: number): void;
}

/** A stopwatch started now: the result says how many seconds have passed since. */
export function stopwatch(): () => number {
  const started = performance.now();
  return () => (performance.now() - started) / 1000;
}
