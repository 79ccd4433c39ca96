import type { RankedHit, RankingWeights } from '../search/rerank.js';

/**
 * Whether the best paper answers the question, or the library has nothing on it. The evidence counts in words
 * found in one paper only (`rarestTermWeight`, the most one word can say): the best paper must match question
 * words worth `answerFloor` of one such word, topic words counting in full and everyday words for little
 * (search/query-weights.ts). A question that is all in the paper's title (a title, or a topic such as
 * "federated learning") needs only `titleFloor` of it.
 */
export function answersConfidently(hit: RankedHit, rarestTermWeight: number, weights: RankingWeights): boolean {
  const evidence = hit.evidence / rarestTermWeight;
  return evidence >= weights.answerFloor || (hit.inTitle >= weights.titleShare && evidence >= weights.titleFloor);
}
