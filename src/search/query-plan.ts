import type { Query } from 'minisearch';
import type { QueryWord } from './question.js';
import { FIELD_BOOST, FIELDS } from './search-engine.js';

/**
 * How a question gathers candidates. Walking the postings of common terms is what makes a search slow, and they
 * cannot find a paper on their own, so minisearch is asked only for the rarer words; the common ones are counted
 * by re-ranking (rerank.ts), and only find candidates through a scan of the titles when too few were found. Typo tolerance is spent only on words the index does not
 * know, and prefix matching only on the last word when the index does not know it either: "TidalDec" is
 * unfinished, but "sink" is a word and must not turn into "SinkLoRA".
 */
export interface PlanContext {
  documentFrequency: (term: string) => number;
  isCommon: (term: string) => boolean;
}

/** The shortest unknown word worth a fuzzy search, and the shortest last word worth a prefix search. */
const MIN_FUZZY_LENGTH = 4;
const MIN_PREFIX_LENGTH = 3;

/** Where candidates come from: minisearch for the rarer words, a title scan for the common ones. */
export interface CandidatePlan {
  /** The rarer words in every field (typo-tolerant where unknown); undefined when every word is common. */
  query: Query | undefined;
  /** The common words, rarest first: papers whose titles have them are candidates too, when too few were found. */
  titleTerms: string[];
}

export function planCandidates(words: readonly QueryWord[], context: PlanContext): CandidatePlan {
  const typed = words.filter((w) => !w.joined).map((w) => w.term);
  const lastTerm = typed.at(-1);
  const unknown = (term: string) => context.documentFrequency(term) === 0;
  const searchable = words.filter((w) => !(w.joined && unknown(w.term))).map((w) => w.term);
  const selective = searchable.filter((term) => !context.isCommon(term));
  const titleTerms = searchable.filter((term) => context.isCommon(term)).sort((a, b) => context.documentFrequency(a) - context.documentFrequency(b));
  if (selective.length === 0) return { query: undefined, titleTerms };
  const query: Query = {
    queries: selective,
    fields: [...FIELDS],
    boost: FIELD_BOOST,
    combineWith: 'OR',
    fuzzy: (term: string) => (unknown(term) && typed.includes(term) && term.length >= MIN_FUZZY_LENGTH ? fuzzyDistance(term) : false),
    prefix: (term: string) => term === lastTerm && term.length >= MIN_PREFIX_LENGTH && unknown(term),
  };
  return { query, titleTerms };
}

/** One edit for most words, two for long ones: "lerning" → "learning", "invarient" → "invariant". */
function fuzzyDistance(term: string): number {
  return term.length >= 8 ? 2 : 1;
}
