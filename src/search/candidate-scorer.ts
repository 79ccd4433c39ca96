import type { SearchEngine } from './search-engine.js';
import type { Candidate, RankedHit, RankingWeights } from './rerank.js';

/** The terms looked for in each candidate: the query's own, then typo/prefix stand-ins. */
export interface Slots {
  termIds: number[];
  queryIndex: number[];
  weight: number[];
}

/**
 * Slot of each term id, or -1: an array lookup per word of a candidate instead of a Map lookup, since this is
 * the innermost loop of every question (about 200 words × up to 600 candidates). Shared, and reset after use.
 */
let slotByTermId = new Int32Array(0);

export function withSlotTable<T>(slots: Slots, vocabularySize: number, work: () => T): T {
  if (slotByTermId.length < vocabularySize) slotByTermId = new Int32Array(Math.ceil(vocabularySize * 1.25)).fill(-1);
  slots.termIds.forEach((termId, slot) => (slotByTermId[termId] = slot));
  try {
    return work();
  } finally {
    for (const termId of slots.termIds) slotByTermId[termId] = -1;
  }
}

/** Scores one candidate after another, reusing its buffers: this runs for up to 600 papers per question. */
export class CandidateScorer {
  private readonly totalWeight: number;
  private readonly nameMaxDocuments: number;
  private readonly titleCounts: Int32Array;
  private readonly bodyCounts: Int32Array;
  private readonly matched: Uint8Array;
  private readonly pairs: Uint8Array;
  /** Query words this paper matched in an author's name only. */
  private readonly byAuthorOnly: Uint8Array;
  /** Which query words are in some author's name. */
  private readonly authorWords: boolean[];

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
    this.byAuthorOnly = new Uint8Array(queryTerms.length);
    // A word typed twice earns its bonus once, as a name does.
    this.authorWords = queryTerms.map((term, i) => engine.authorFrequency(term) > 0 && queryTerms.indexOf(term) === i);
  }

  score(hit: Candidate): RankedHit {
    const id = hit.id;
    const sequence = this.engine.sequences.get(id);
    this.matched.fill(0);
    this.pairs.fill(0);
    this.byAuthorOnly.fill(0);
    this.count(sequence.title, this.titleCounts);
    const titleWeight = this.matchedWeight();
    this.count(sequence.abstract, this.bodyCounts);
    let score = this.fieldBonus(hit) + this.termScore(sequence.title.length, sequence.abstract.length);
    for (let i = 0; i < this.queryTerms.length; i += 1) {
      if (this.pairs[i]) score += (this.weights.pair * (this.queryWeights[i]! + this.queryWeights[i + 1]!)) / 2;
    }
    const coveredWeight = this.matchedWeight();
    const authorOnlyWeight = this.authorOnlyWeight();
    const share = (weight: number) => (this.totalWeight > 0 ? weight / this.totalWeight : 0);
    return {
      id,
      score: score * share(coveredWeight) ** this.weights.coverage,
      matched: Array.from(this.matched, Boolean),
      evidence: coveredWeight - authorOnlyWeight,
      authorEvidence: authorOnlyWeight,
      inTitle: share(titleWeight),
    };
  }

  /** The weight of the query words this paper has in an author's name only. */
  private authorOnlyWeight(): number {
    let weight = 0;
    for (let i = 0; i < this.queryTerms.length; i += 1) if (this.byAuthorOnly[i]) weight += this.queryWeights[i]!;
    return weight;
  }

  /** The weight of the query words matched so far. */
  private matchedWeight(): number {
    let weight = 0;
    for (let i = 0; i < this.queryTerms.length; i += 1) if (this.matched[i]) weight += this.queryWeights[i]!;
    return weight;
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

  /**
   * Short names and authors are not in the sequences. minisearch's match tells which short names matched; the
   * author index tells whether the paper is by someone with a query word in their name, however it became a
   * candidate (a common name brings only its newest papers along).
   */
  private fieldBonus(hit: Candidate): number {
    let bonus = 0;
    for (const term in hit.match) {
      if (!hit.match[term]!.includes('names')) continue;
      const exact = this.queryTerms.indexOf(term);
      const queryIndex = exact >= 0 ? exact : this.expansions.get(term);
      if (queryIndex === undefined || this.engine.vocabulary.frequency(term) > this.nameMaxDocuments) continue;
      bonus += this.weights.names * this.queryWeights[queryIndex]!;
      this.matched[queryIndex] = 1;
    }
    this.queryTerms.forEach((term, queryIndex) => {
      if (!this.authorWords[queryIndex] || !this.engine.isByAuthorWord(hit.id, term)) return;
      bonus += this.weights.authors * this.queryWeights[queryIndex]!;
      if (!this.matched[queryIndex]) this.byAuthorOnly[queryIndex] = 1;
      this.matched[queryIndex] = 1;
    });
    return bonus;
  }
}
