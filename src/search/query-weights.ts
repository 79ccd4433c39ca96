import type { QueryWord } from './question.js';
import type { SearchEngine } from './search-engine.js';
import { topicShare } from './everyday-words.js';

/** A question word with the share of its weight it keeps as a topic word (see `withTopicShares`). */
export interface WeightedWord extends QueryWord {
  share: number;
}

/** A capital past the first letter, or letters and digits in one word: "LoRA", "CORAL", "HPSv2", "GPT4" are names. */
const TYPED_AS_NAME = /^.+\p{Lu}|\p{L}\p{N}|\p{N}\p{L}/u;

/**
 * Each word with the share of its weight it keeps as a topic word: a long chat question is mostly everyday words
 * ("honestly", "remember", "stuff") that are rare in abstracts and would otherwise outweigh its few topic words.
 * A word typed as a name keeps all of it.
 */
export function withTopicShares(words: readonly QueryWord[], engine: SearchEngine, everydayOdds: number): WeightedWord[] {
  return words.map((word) => ({ ...word, share: TYPED_AS_NAME.test(word.word) ? 1 : topicShareIn(engine, word.term, everydayOdds) }));
}

/** The share of its weight the index term `term` keeps as a topic word in this corpus (everyday-words.ts). */
export function topicShareIn(engine: SearchEngine, term: string, everydayOdds: number): number {
  return topicShare(term, engine.documentFrequency(term) / Math.max(1, engine.documentCount), everydayOdds);
}
