import type { Query } from 'minisearch';
import type { QueryWord } from './question.js';
import { FIELD_BOOST, FIELDS } from './search-engine.js';

/**
 * How a question becomes the minisearch query that gathers candidates. Walking the postings of common terms is
 * what makes a search slow, and they cannot find a paper on their own, so they are left to re-ranking
 * (rerank.ts) whenever the question has a rarer word. Typo tolerance is spent only on words the index does not
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

/**
 * The candidate queries, from the most selective to the broadest, to be run in order while too few candidates
 * are found: the rarer words in every field, then titles with the two rarest common words, then titles with the
 * rarest one. Common words are only ever looked up in titles, which keeps the work bounded.
 */
export function planCandidateQueries(words: readonly QueryWord[], context: PlanContext): Query[] {
  const typed = words.filter((w) => !w.joined).map((w) => w.term);
  const lastTerm = typed.at(-1);
  const unknown = (term: string) => context.documentFrequency(term) === 0;
  const searchable = words.filter((w) => !(w.joined && unknown(w.term))).map((w) => w.term);
  const selective = searchable.filter((term) => !context.isCommon(term));
  const common = searchable.filter((term) => context.isCommon(term)).sort((a, b) => context.documentFrequency(a) - context.documentFrequency(b));
  const inTitles = { fields: ['title', 'names'], boost: FIELD_BOOST, combineWith: 'AND' as const };
  const titleQueries = common.length === 0 ? [] : [{ ...inTitles, queries: common.slice(0, 2) }, { ...inTitles, queries: common.slice(0, 1) }];
  if (selective.length === 0) return titleQueries;
  return [
    {
      queries: selective,
      fields: [...FIELDS],
      boost: FIELD_BOOST,
      combineWith: 'OR',
      fuzzy: (term: string) => (unknown(term) && typed.includes(term) && term.length >= MIN_FUZZY_LENGTH ? fuzzyDistance(term) : false),
      prefix: (term: string) => term === lastTerm && term.length >= MIN_PREFIX_LENGTH && unknown(term),
    },
    ...titleQueries,
  ];
}

/** One edit for most words, two for long ones: "lerning" → "learning", "invarient" → "invariant". */
function fuzzyDistance(term: string): number {
  return term.length >= 8 ? 2 : 1;
}
