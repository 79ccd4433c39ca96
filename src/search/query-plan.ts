import type { QueryWord } from './question.js';
import { FIELD_BOOST, FIELDS, type Field } from './search-engine.js';

/**
 * How a question becomes a minisearch query. The costly part of a search is walking the postings of very common
 * terms ("model", "learn" appear in a third of all abstracts), which add little to the ranking: in a large
 * corpus they are matched in titles and short names only, where postings are short. Typo tolerance is spent
 * only on words the index does not know, and prefix matching only on the last word when the index does not know
 * it either: "Sparsif" is unfinished, but "sink" is a word and must not rank "SinkLoRA" above attention sinks.
 */
export interface PlanContext {
  documentCount: number;
  documentFrequency: (term: string) => number;
}

export interface PlanTuning {
  /** Above this share of documents a term is "common"… */
  commonTermShare: number;
  /** …in corpora of at least this many documents; smaller ones are searched in full. */
  commonMinDocuments: number;
}

export const DEFAULT_TUNING: PlanTuning = { commonTermShare: 0.02, commonMinDocuments: 5000 };
/** The shortest unknown word worth a fuzzy search, and the shortest last word worth a prefix search. */
const MIN_FUZZY_LENGTH = 4;
const MIN_PREFIX_LENGTH = 3;

export interface QueryPlan {
  query: { combineWith: 'OR'; queries: SubQuery[] };
}

interface SubQuery {
  queries: string[];
  fields: Field[];
  boost: Partial<Record<Field, number>>;
  combineWith: 'OR';
  fuzzy?: (term: string) => number | false;
  prefix?: (term: string, index: number, terms: string[]) => boolean;
}

export function planQuery(words: readonly QueryWord[], context: PlanContext, tuning = DEFAULT_TUNING): QueryPlan {
  const large = context.documentCount >= tuning.commonMinDocuments;
  const isCommon = (term: string) => large && context.documentFrequency(term) > context.documentCount * tuning.commonTermShare;
  const terms = words.map((w) => w.term);
  const lastTerm = terms.at(-1);
  const focused = terms.filter((term) => !isCommon(term));
  const common = terms.filter(isCommon);
  const queries: SubQuery[] = [];
  if (focused.length > 0) {
    queries.push({
      queries: focused,
      fields: [...FIELDS],
      boost: FIELD_BOOST,
      combineWith: 'OR',
      fuzzy: (term) => (context.documentFrequency(term) === 0 && term.length >= MIN_FUZZY_LENGTH ? fuzzyDistance(term) : false),
      prefix: (term) => term === lastTerm && term.length >= MIN_PREFIX_LENGTH && context.documentFrequency(term) === 0,
    });
  }
  if (common.length > 0) {
    queries.push({ queries: common, fields: ['title', 'names'], boost: FIELD_BOOST, combineWith: 'OR' });
  }
  return { query: { combineWith: 'OR', queries } };
}

/** One edit for most words, two for long ones: "lerning" → "learning", "invarient" → "invariant". */
function fuzzyDistance(term: string): number {
  return term.length >= 8 ? 2 : 1;
}
