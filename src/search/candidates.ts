import type { CandidatePlan } from './query-plan.js';
import type { Candidate, RankingWeights } from './rerank.js';
import type { SearchEngine } from './search-engine.js';
import { ScoreTally } from './score-tally.js';

/**
 * The papers to re-rank, at most `maxCandidates`: those that earn the most from the question's rarer words
 * (minisearch's score, or the word's inverse document frequency for a one-off word minisearch does not hold) and
 * from its common words (the word's inverse document frequency for each paper that has it, and `candidateTitle`
 * times that again when its title has it). A paraphrase is mostly common words ("learn which tokens should carry
 * the reward and KL signal"): gathering candidates from its rarer words alone, or from titles, misses the paper.
 */
export function gatherCandidates(plan: CandidatePlan, engine: SearchEngine, weights: RankingWeights): Candidate[] {
  const tally = new ScoreTally(engine.documentCount);
  const hits = new Map<number, Candidate>();
  if (plan.query) {
    for (const hit of engine.search(plan.query)) {
      hits.set(hit.id as number, hit);
      tally.add(hit.id as number, hit.score);
    }
  }
  for (const term of plan.rareTerms) {
    const paper = engine.onlyPaperWith(term);
    if (paper !== undefined && !hits.has(paper)) tally.add(paper, engine.inverseDocumentFrequency(term) * (plan.shares.get(term) ?? 1));
  }
  for (const term of plan.commonTerms) {
    const idf = engine.inverseDocumentFrequency(term) * (plan.shares.get(term) ?? 1);
    for (const id of engine.papersWithCommon(term) ?? []) tally.add(id, idf);
    for (const id of engine.titlesWithCommon(term)) tally.add(id, idf * weights.candidateTitle);
  }
  return tally.best(weights.maxCandidates).map((id) => hits.get(id) ?? { id, terms: [], match: {} });
}
