import type { CandidatePlan } from './query-plan.js';
import type { Candidate, RankingWeights } from './rerank.js';
import type { SearchEngine } from './search-engine.js';

/**
 * The papers to re-rank: minisearch's hits for the question's rarer words, then, while there are fewer than
 * `minCandidates`, papers whose titles have the two rarest common words, then each of the three rarest alone.
 */
export function gatherCandidates(plan: CandidatePlan, engine: SearchEngine, weights: RankingWeights): Candidate[] {
  const candidates = new Map<number, Candidate>();
  if (plan.query) for (const hit of engine.search(plan.query)) candidates.set(hit.id as number, hit);
  for (const required of titleScans(plan.titleTerms)) {
    if (candidates.size >= weights.minCandidates) break;
    for (const id of engine.titlesContainingAll(required, weights.maxCandidates)) {
      if (!candidates.has(id)) candidates.set(id, { id, terms: [], match: {} });
    }
  }
  return [...candidates.values()];
}

/** The title scans to try, narrowest first, for common words sorted rarest first. */
function titleScans(common: readonly string[]): string[][] {
  const [rarest, second, third] = common;
  const scans: string[][] = [];
  if (rarest && second) scans.push([rarest, second]);
  for (const term of [rarest, second, third]) if (term) scans.push([term]);
  return scans;
}
