import type { Query } from 'minisearch';
import type { QueryTerm } from './rerank.js';
import { FIELD_BOOST, FIELDS } from './search-engine.js';

/**
 * How a question gathers candidates. Walking minisearch's postings of common terms is what makes a search slow,
 * so minisearch is asked only for the rarer words; the common ones add their weight from plain lists of papers
 * (candidates.ts), and are counted again by re-ranking (rerank.ts). Typo tolerance is spent only on words the
 * index does not know, and prefix matching only on the last word when the index does not know it either:
 * "TidalDec" is unfinished, but "sink" is a word and must not turn into "SinkLoRA".
 */
export interface PlanContext {
  documentFrequency: (term: string) => number;
  isCommon: (term: string) => boolean;
  /** Whether some author has `term` in their name. */
  isAuthorWord: (term: string) => boolean;
}

/**
 * The shortest unknown word worth a fuzzy search, and the shortest last word worth a prefix search. A four-letter
 * word one edit from a known one is more often another word than a typo ("haze" found "gaze" and "mazes", "snow"
 * found "show"): at 106 papers that put a gaze-prediction paper first for a question about rain, snow and haze.
 * With 5, no typo question of the dev or team sets changed.
 */
const MIN_FUZZY_LENGTH = 5;
const MIN_PREFIX_LENGTH = 3;
/**
 * Words that keep less of their weight as topic words (query-weights.ts) gather no candidates: a chat question's
 * "keep", "want" or "stuff" would walk long lists of papers to add next to nothing. Re-ranking still counts them.
 * Names of authors gather all the same ("Wang", "Li"): papers by someone are found through their name alone.
 * 0.1-0.3 gave the same first answers on our sets at 75k.
 */
const MIN_GATHERING_SHARE = 0.1;

/** Where candidates come from: minisearch for the rarer words, lists of papers for the common ones. */
export interface CandidatePlan {
  /** The rarer words in every field (typo-tolerant where unknown); undefined when every word is common. */
  query: Query | undefined;
  /** The rarer words themselves. */
  rareTerms: string[];
  /** The common words. */
  commonTerms: string[];
  /** The share of its weight each word keeps as a topic word (query-weights.ts). */
  shares: ReadonlyMap<string, number>;
}

export function planCandidates(words: readonly QueryTerm[], context: PlanContext): CandidatePlan {
  const shares = new Map(words.map((w) => [w.term, w.share ?? 1]));
  const typed = words.filter((w) => !w.joined).map((w) => w.term);
  const lastTerm = typed.at(-1);
  const unknown = (term: string) => context.documentFrequency(term) === 0;
  const gathers = (w: QueryTerm) => (w.share ?? 1) >= MIN_GATHERING_SHARE || context.isAuthorWord(w.term);
  const searchable = words.filter((w) => !(w.joined && unknown(w.term)) && gathers(w)).map((w) => w.term);
  const selective = searchable.filter((term) => !context.isCommon(term));
  const commonTerms = searchable.filter((term) => context.isCommon(term));
  if (selective.length === 0) return { query: undefined, rareTerms: [], commonTerms, shares };
  const query: Query = {
    queries: selective,
    fields: [...FIELDS],
    boost: FIELD_BOOST,
    combineWith: 'OR',
    fuzzy: (term: string) => (unknown(term) && typed.includes(term) && term.length >= MIN_FUZZY_LENGTH ? fuzzyDistance(term) : false),
    prefix: (term: string) => term === lastTerm && term.length >= MIN_PREFIX_LENGTH && unknown(term),
    boostTerm: (term: string) => shares.get(term) ?? 1,
  };
  return { query, rareTerms: selective, commonTerms, shares };
}

/** One edit for most words, two for long ones: "lerning" → "learning", "invarient" → "invariant". */
function fuzzyDistance(term: string): number {
  return term.length >= 8 ? 2 : 1;
}
