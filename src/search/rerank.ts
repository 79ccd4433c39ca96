import type { SearchEngine } from './search-engine.js';
import { CandidateScorer, withSlotTable, type Slots } from './candidate-scorer.js';
import { editDistance } from './edit-distance.js';
import { findRelatedTerms } from './related-terms.js';
import { findWordVariants } from './word-variants.js';
import type { QueryWord } from './question.js';
import { topicShareIn } from './query-weights.js';

/**
 * A question word as re-ranking needs it: its index term, whether it is a joined compound, and the share of its
 * weight it keeps as a topic word (query-weights.ts; 1 when not given).
 */
export type QueryTerm = Pick<QueryWord, 'term' | 'joined'> & { share?: number };

/**
 * Weights of the final ranking, tuned with `npm run eval` on the dev questions (seed and seed + 74,728 arXiv
 * abstracts) as a whole, never per question, and checked on the team's questions (scripts/team-questions.jsonl).
 */
export const RANKING = {
  /**
   * A hyphenated compound's joined form ("fine-tuning" → "finetuning", searched besides "fine" and "tune") counts
   * this share of its weight: it is the concept its parts already carry, typed once, and at full weight a
   * question's compounds outweighed its other words three to one. At 75k papers, on the dev and team questions,
   * 0.01-0.2 put three more paraphrases first (78 → 81 of 94), 0.5 two; at 106 papers nothing changed.
   */
  joined: 0.2,
  /** BM25 term-frequency saturation and length normalisation. */
  k: 1.2,
  b: 0.75,
  /** A query word in the title counts this many times one in the abstract. */
  title: 3,
  /** A rare query word that is one of the paper's short names ("GarDiff"), and one in its authors. */
  names: 3,
  authors: 1.5,
  /** Two query words found next to each other, in order ("attention sink"), earn this share of their weights. */
  pair: 3,
  /** The score is multiplied by (the share of the question's weight that matched) to this power. */
  coverage: 3,
  /** A typo-tolerant or prefix match counts this share of an exact one. */
  expansion: 0.5,
  /**
   * A word that keeps company with a rare query word (related-terms.ts) counts this share of its own weight, and
   * covers the query word as a typo match does; related words are looked for only when the best paper matched
   * less than `relatedBelowCoverage` of the question's weight (a paraphrase: 0.48-0.67 on the dev questions at
   * 75k; 90% of the bench's generated questions are matched in full). At 75k papers this lifted every
   * paraphrase answer that was among the candidates (ranks 4, 45, >100 → 2, 9, 6) and moved no other dev answer;
   * 0.3-0.5 and 3 words a query word did as well, 2 or 4 words worse, and a gate of 0.6 missed one paraphrase.
   * Related words alone moved no other dev answer even with no gate; with the variants below, a gate of 0.8
   * put one finding question's paper second: the gate keeps stand-ins away from questions already well matched.
   * Their company was first read among the candidates only; a change in how minisearch orders candidates then
   * cost a paraphrase its first place, so it is now read among all the papers with the word (same figures).
   */
  related: 0.3,
  relatedBelowCoverage: 0.7,
  /** The `relatedPerTerm` best for each query word found in at most `relatedMaxShare` of the papers, from at least
   * `relatedMinFeedback` papers that have it, each related word in `relatedMinSupport` of them. Under 600
   * papers no word is rare enough: there are too few papers to tell company from chance (the seed has none). */
  relatedPerTerm: 3,
  /**
   * Related words are looked for only for question words that keep at least this share of their weight as topic
   * words (query-weights.ts). On all our sets at 75k (461 single-paper questions), 0.6-0.7 put 7 more first than
   * looking for all (0.5: 2; 0.8: 5, losing "haze" for the dev rain/snow/haze paraphrase), and long chat
   * questions spent about half as long on CPU (p99 42 → 26 ms).
   */
  relatedMinShare: 0.65,
  relatedMaxShare: 0.005,
  relatedMinFeedback: 3,
  relatedMinSupport: 2,
  /**
   * Other forms of a query word the stemmer kept apart (word-variants.ts: "explan"/"explain"), looked for with
   * the related words and counting this share of their own weight; truncated to `variantCut` letters fewer, but
   * never below `variantMinPrefix`. At 75k papers this put one more paraphrase first (rank 2 → 1) and lifted
   * another (6 → 4); 0.3-1 and a cut of 1-3 did the same, a minimum of 6 letters lost both.
   */
  variant: 0.5,
  variantMinPrefix: 5,
  variantCut: 2,
  /** Re-rank at most this many candidates (candidates.ts): 1,000 changed no first answer at 75k, and cost time. */
  maxCandidates: 300,
  everydayOdds: 170,
  answerFloor: 0.9,
  titleShare: 0.99,
  titleFloor: 0.15,
  smallTalkMaxShare: 0.2,
  /**
   * A common question word in a candidate's title earns it this much more than one in its abstract alone
   * (candidates.ts). 0-2 gave the same first answers at 75k papers, with or without the team's questions.
   */
  candidateTitle: 1,
  /** A short name counts only if it is this rare (share of documents, or this many at least): "FORM" does not. */
  nameMaxShare: 0.0005,
  nameMinDocuments: 50,
};
export type RankingWeights = typeof RANKING;

/** A paper to re-rank: minisearch's `Candidate` fits, and so does a title-scan find with nothing matched. */
export interface Candidate {
  id: number;
  /** Document terms minisearch matched, typo-tolerant and prefix matches included. */
  terms: readonly string[];
  /** Which fields each matched term was found in. */
  match: Readonly<Record<string, readonly string[]>>;
}

export interface RankedHit {
  id: number;
  score: number;
  /** For each query term, in order: whether this paper matched it (exactly or through a typo/prefix match). */
  matched: boolean[];
  /**
   * The weight of the question words it matched in its title, abstract or short names: their inverse document
   * frequencies, each times the share it keeps as a topic word (query-weights.ts). How much the paper has to do
   * with the question, whatever its rivals.
   */
  evidence: number;
  /** The same for question words it matched in an author's name only: about the paper only if authors are asked about. */
  authorEvidence: number;
  /** The share of the question's weight found in its title: 1 when the question is (part of) the title. */
  inTitle: number;
}

/**
 * Re-ranks minisearch's candidates with BM25 over title and abstract counted from the term sequences (common
 * words included), bonuses for short names, authors and adjacent query words, and a penalty for the share of
 * the question left unmatched. When even the best paper leaves much of the question unmatched, the words
 * are probably not the paper's own (a paraphrase): the candidates are scored again with other forms of the
 * question's words and words related to them.
 */
export function rerank(candidates: readonly Candidate[], words: readonly QueryTerm[], engine: SearchEngine, weights: RankingWeights = RANKING): RankedHit[] {
  const queryTerms = words.map((word) => word.term);
  const idf = (term: string) => engine.inverseDocumentFrequency(term);
  const expansions = findExpansions(candidates, queryTerms, engine);
  // An unknown word weighs what its likeliest stand-in weighs, so "attenton" counts like "attention".
  const queryWeights = words.map(({ term, share = 1 }) => (engine.documentFrequency(term) === 0 ? 0 : idf(term) * share));
  // A stand-in weighs as a topic word what it is one ("fastr" → "fast" is chat); and an everyday word the corpus
  // lacks ("banana") is no typo, so its stand-ins ("bandana") weigh nothing (query-weights.ts).
  const standInWeight = (term: string, queryIndex: number) => idf(term) * (words[queryIndex]!.share ?? 1) * topicShareIn(engine, term, weights.everydayOdds);
  for (const [queryIndex, term] of likeliestStandIns(expansions, engine)) queryWeights[queryIndex] = standInWeight(term, queryIndex);
  words.forEach((word, queryIndex) => {
    if (word.joined) queryWeights[queryIndex]! *= weights.joined;
  });
  const slots: Slots = { termIds: [], queryIndex: [], weight: [] };
  const addSlot = (term: string, queryIndex: number, weight: number) => {
    const id = engine.vocabulary.idOf(term);
    if (id === undefined || slots.termIds.includes(id)) return;
    slots.termIds.push(id);
    slots.queryIndex.push(queryIndex);
    slots.weight.push(weight);
  };
  queryTerms.forEach((term, queryIndex) => addSlot(term, queryIndex, queryWeights[queryIndex]!));
  for (const [term, queryIndex] of expansions) addSlot(term, queryIndex, standInWeight(term, queryIndex) * weights.expansion);
  const scoreAll = () => {
    const scorer = new CandidateScorer(engine, slots, queryTerms, queryWeights, expansions, weights);
    const ranked = withSlotTable(slots, engine.vocabulary.size, () => candidates.map((hit) => scorer.score(hit)));
    return ranked.sort((a, b) => b.score - a.score);
  };
  const ranked = scoreAll();
  if (coverage(ranked[0], queryWeights) >= weights.relatedBelowCoverage) return ranked;
  const related = findRelatedTerms(queryTerms, engine, weights, (queryIndex) => (words[queryIndex]!.share ?? 1) >= weights.relatedMinShare);
  const variants = findWordVariants(queryTerms, engine.vocabulary, weights);
  if (related.length === 0 && variants.length === 0) return ranked;
  for (const { term, queryIndex } of variants) addSlot(term, queryIndex, idf(term) * weights.variant);
  for (const { term, queryIndex } of related) addSlot(term, queryIndex, idf(term) * weights.related);
  // Stand-ins order the papers, but a paper is said to match only the words it has ("hospital", not "medical").
  const ownWords = new Map(ranked.map((hit) => [hit.id, hit]));
  return scoreAll().map((hit) => {
    const own = ownWords.get(hit.id)!;
    return { ...hit, matched: own.matched, evidence: own.evidence, authorEvidence: own.authorEvidence, inTitle: own.inTitle };
  });
}

/** The share of the question's weight a hit matched (1 when there is no hit: nothing to improve on). */
function coverage(hit: RankedHit | undefined, queryWeights: readonly number[]): number {
  if (!hit) return 1;
  const total = queryWeights.reduce((sum, weight) => sum + weight, 0);
  const matched = queryWeights.reduce((sum, weight, i) => sum + (hit.matched[i] ? weight : 0), 0);
  return total > 0 ? matched / total : 1;
}

/**
 * For each unknown query word, the stand-in most papers have: the likeliest meant (spelling correction picks
 * the most frequent candidate), where the rarest one was mostly a junk word ("retreival" → the name "ReTreVal").
 */
function likeliestStandIns(expansions: ReadonlyMap<string, number>, engine: SearchEngine): Map<number, string> {
  const likeliest = new Map<number, string>();
  for (const [term, queryIndex] of expansions) {
    const best = likeliest.get(queryIndex);
    if (best === undefined || engine.documentFrequency(term) > engine.documentFrequency(best)) likeliest.set(queryIndex, term);
  }
  return likeliest;
}

/**
 * Words the candidates matched in place of a query word (typo-tolerant or prefix matches), each assigned to
 * the unknown query word it is closest to.
 */
function findExpansions(hits: readonly Candidate[], queryTerms: readonly string[], engine: SearchEngine): Map<string, number> {
  const unknown = queryTerms.map((term, index) => ({ term, index })).filter(({ term }) => engine.documentFrequency(term) === 0);
  const expansions = new Map<string, number>();
  if (unknown.length === 0) return expansions;
  const known = new Set(queryTerms);
  for (const hit of hits) {
    for (const term of hit.terms) {
      if (known.has(term) || expansions.has(term) || engine.vocabulary.idOf(term) === undefined) continue;
      const closest = unknown.reduce((best, candidate) => (editDistance(term, candidate.term) < editDistance(term, best.term) ? candidate : best));
      expansions.set(term, closest.index);
    }
  }
  return expansions;
}
