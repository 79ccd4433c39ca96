import type { RankingWeights } from './rerank.js';
import type { Vocabulary } from './vocabulary.js';
import { isPlainWord } from './analyzer.js';

/** A word that may be another form of a query word. */
export interface WordVariant {
  term: string;
  /** The query word it may be a form of. */
  queryIndex: number;
}

/** Vocabulary words read per query word: the prefixes of common stems also start many joined compounds. */
const MAX_PREFIX_MATCHES = 1000;

/**
 * Other forms of the query's words that the stemmer did not conflate: Porter stems "explanation" to "explan"
 * but "explain" to "explain", "attending" to "attend" but "attention" to "attent". Truncation stemming (all words
 * that share their first few letters are one word; about as good as Porter's for English retrieval, Mayfield &
 * McNamee 2003) catches these: a variant shares all but the last `variantCut` letters of the query word, and at
 * least `variantMinPrefix`, and is at most `variantCut` letters longer. Longer words sharing the prefix are
 * mostly joined compounds ("attention-based" → "attentionbas"), whose parts are matched already.
 */
export function findWordVariants(queryTerms: readonly string[], vocabulary: Vocabulary, weights: RankingWeights): WordVariant[] {
  const known = new Set(queryTerms);
  const variants: WordVariant[] = [];
  queryTerms.forEach((term, queryIndex) => {
    if (!isPlainWord(term) || term.length < weights.variantMinPrefix) return;
    const stem = term.slice(0, Math.max(weights.variantMinPrefix, term.length - weights.variantCut));
    for (const variant of vocabulary.termsWithPrefix(stem, MAX_PREFIX_MATCHES)) {
      if (variant.length <= term.length + weights.variantCut && !known.has(variant)) variants.push({ term: variant, queryIndex });
    }
  });
  return variants;
}
