import type { SearchEngine } from './search-engine.js';
import { editDistance } from './edit-distance.js';

/**
 * Weights of the final ranking, tuned with `npm run eval` on the dev questions (seed and seed + 74,728 arXiv
 * abstracts) as a whole, never per question.
 */
export const RANKING = {
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
  /** Re-rank at most this many of minisearch's best candidates (more changed no dev answer, and cost time)… */
  maxCandidates: 600,
  /** …and look further (titles with the question's common words) while there are fewer than this many. */
  minCandidates: 150,
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
}

/** The terms looked for in each candidate: the query's own, then typo/prefix stand-ins. */
interface Slots {
  termIds: number[];
  queryIndex: number[];
  weight: number[];
}

/**
 * Slot of each term id, or -1: an array lookup per word of a candidate instead of a Map lookup, since this is
 * the innermost loop of every question (about 200 words × up to 600 candidates). Shared, and reset after use.
 */
let slotByTermId = new Int32Array(0);

function withSlotTable<T>(slots: Slots, vocabularySize: number, work: () => T): T {
  if (slotByTermId.length < vocabularySize) slotByTermId = new Int32Array(Math.ceil(vocabularySize * 1.25)).fill(-1);
  slots.termIds.forEach((termId, slot) => (slotByTermId[termId] = slot));
  try {
    return work();
  } finally {
    for (const termId of slots.termIds) slotByTermId[termId] = -1;
  }
}

/**
 * Re-ranks minisearch's candidates with BM25 over title and abstract counted from the term sequences (common
 * words included), bonuses for short names, authors and adjacent query words, and a penalty for the share of
 * the question left unmatched.
 */
export function rerank(hits: readonly Candidate[], queryTerms: readonly string[], engine: SearchEngine, weights: RankingWeights = RANKING): RankedHit[] {
  const candidates = hits.slice(0, weights.maxCandidates);
  const idf = inverseDocumentFrequency(engine);
  const expansions = findExpansions(candidates, queryTerms, engine);
  // An unknown word weighs what its best stand-in weighs, so "attenton" counts like "attention".
  const queryWeights = queryTerms.map((term) => (engine.vocabulary.frequency(term) === 0 ? 0 : idf(term)));
  for (const [term, queryIndex] of expansions) queryWeights[queryIndex] = Math.max(queryWeights[queryIndex]!, idf(term));
  const slots: Slots = { termIds: [], queryIndex: [], weight: [] };
  const addSlot = (term: string, queryIndex: number, weight: number) => {
    const id = engine.vocabulary.idOf(term);
    if (id === undefined || slots.termIds.includes(id)) return;
    slots.termIds.push(id);
    slots.queryIndex.push(queryIndex);
    slots.weight.push(weight);
  };
  queryTerms.forEach((term, queryIndex) => addSlot(term, queryIndex, queryWeights[queryIndex]!));
  for (const [term, queryIndex] of expansions) addSlot(term, queryIndex, idf(term) * weights.expansion);
  const scorer = new CandidateScorer(engine, slots, queryTerms, queryWeights, expansions, weights);
  const ranked = withSlotTable(slots, engine.vocabulary.size, () => candidates.map((hit) => scorer.score(hit)));
  return ranked.sort((a, b) => b.score - a.score);
}

/** Scores one candidate after another, reusing its buffers: this runs for up to 600 papers per question. */
class CandidateScorer {
  private readonly totalWeight: number;
  private readonly nameMaxDocuments: number;
  private readonly titleCounts: Int32Array;
  private readonly bodyCounts: Int32Array;
  private readonly matched: Uint8Array;
  private readonly pairs: Uint8Array;

  constructor(
    private readonly engine: SearchEngine,
    private readonly slots: Slots,
    private readonly queryTerms: readonly string[],
    private readonly queryWeights: readonly number[],
    private readonly expansions: Map<string, number>,
    private readonly weights: RankingWeights,
  ) {
    this.totalWeight = queryWeights.reduce((sum, w) => sum + w, 0);
    this.nameMaxDocuments = Math.max(weights.nameMinDocuments, engine.documentCount * weights.nameMaxShare);
    this.titleCounts = new Int32Array(slots.termIds.length);
    this.bodyCounts = new Int32Array(slots.termIds.length);
    this.matched = new Uint8Array(queryTerms.length);
    this.pairs = new Uint8Array(queryTerms.length);
  }

  score(hit: Candidate): RankedHit {
    const id = hit.id;
    const sequence = this.engine.sequences[id]!;
    this.matched.fill(0);
    this.pairs.fill(0);
    this.count(sequence.title, this.titleCounts);
    this.count(sequence.abstract, this.bodyCounts);
    let score = this.fieldBonus(hit) + this.termScore(sequence.title.length, sequence.abstract.length);
    let coveredWeight = 0;
    for (let i = 0; i < this.queryTerms.length; i += 1) {
      if (this.pairs[i]) score += (this.weights.pair * (this.queryWeights[i]! + this.queryWeights[i + 1]!)) / 2;
      if (this.matched[i]) coveredWeight += this.queryWeights[i]!;
    }
    const coverage = this.totalWeight > 0 ? coveredWeight / this.totalWeight : 0;
    return { id, score: score * coverage ** this.weights.coverage, matched: Array.from(this.matched, Boolean) };
  }

  /** BM25 over the title (weighted) and the abstract, for every slot. */
  private termScore(titleLength: number, bodyLength: number): number {
    const { averageTitleLength, averageAbstractLength } = this.engine;
    let score = 0;
    for (let slot = 0; slot < this.slots.weight.length; slot += 1) {
      const inTitle = this.saturate(this.titleCounts[slot]!, titleLength, averageTitleLength);
      const inBody = this.saturate(this.bodyCounts[slot]!, bodyLength, averageAbstractLength);
      score += this.slots.weight[slot]! * (this.weights.title * inTitle + inBody);
    }
    return score;
  }

  /** Term counts per slot, matched query words, and consecutive query words found next to each other. */
  private count(ids: Uint32Array, counts: Int32Array): void {
    counts.fill(0);
    let previous = -2;
    for (let i = 0; i < ids.length; i += 1) {
      const slot = slotByTermId[ids[i]!]!;
      if (slot < 0) {
        previous = -2;
        continue;
      }
      const queryIndex = this.slots.queryIndex[slot]!;
      counts[slot]! += 1;
      this.matched[queryIndex] = 1;
      if (queryIndex === previous + 1) this.pairs[previous] = 1;
      previous = queryIndex;
    }
  }

  private saturate(frequency: number, length: number, averageLength: number): number {
    if (frequency === 0) return 0;
    const { k, b } = this.weights;
    return (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / Math.max(1, averageLength)));
  }

  /** Short names and authors are not in the sequences: minisearch's match tells which fields matched. */
  private fieldBonus(hit: Candidate): number {
    let bonus = 0;
    for (const term in hit.match) {
      const fields = hit.match[term]!;
      if (!fields.includes('names') && !fields.includes('authors')) continue;
      const exact = this.queryTerms.indexOf(term);
      const queryIndex = exact >= 0 ? exact : this.expansions.get(term);
      if (queryIndex === undefined) continue;
      const weight = this.queryWeights[queryIndex]!;
      if (fields.includes('names') && this.engine.vocabulary.frequency(term) <= this.nameMaxDocuments) {
        bonus += this.weights.names * weight;
        this.matched[queryIndex] = 1;
      }
      if (fields.includes('authors')) {
        bonus += this.weights.authors * weight;
        this.matched[queryIndex] = 1;
      }
    }
    return bonus;
  }
}

function inverseDocumentFrequency(engine: SearchEngine): (term: string) => number {
  const documents = engine.documentCount;
  return (term) => {
    const frequency = engine.vocabulary.frequency(term);
    return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
  };
}

/**
 * Words the candidates matched in place of a query word (typo-tolerant or prefix matches), each assigned to
 * the unknown query word it is closest to.
 */
function findExpansions(hits: readonly Candidate[], queryTerms: readonly string[], engine: SearchEngine): Map<string, number> {
  const unknown = queryTerms.map((term, index) => ({ term, index })).filter(({ term }) => engine.vocabulary.frequency(term) === 0);
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
