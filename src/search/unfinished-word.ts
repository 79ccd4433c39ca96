import { normaliseTerm } from './analyzer.js';

/** Shorter prefixes match too much of the vocabulary to be worth the time. */
const MIN_TITLE_PREFIX = 4;
/** A word being typed is completed to at most this many known terms ("diffu" → "diffus", "diffusionbas", …). */
export const MAX_COMPLETIONS = 50;
/** Porter stems keep at least the first six letters of a longer word in practice ("classification" → "classif"). */
const STEM_SAFE_PREFIX = 6;

/**
 * The index-term prefix an unfinished word can grow into. Index terms are stemmed, so "diffusi" (on its way to
 * "diffusion", indexed as "diffus") must lose its tail: the shorter of its stem and its first six letters.
 */
export function unfinishedWordPrefix(word: string): string | undefined {
  const lower = word.toLowerCase();
  const stem = normaliseTerm(word) ?? lower;
  const head = lower.slice(0, STEM_SAFE_PREFIX);
  const prefix = stem.length < head.length ? stem : head;
  return prefix.length >= MIN_TITLE_PREFIX ? prefix : undefined;
}
