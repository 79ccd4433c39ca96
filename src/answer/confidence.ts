import type { RankedHit, RankingWeights } from '../search/rerank.js';

/**
 * Words that ask about people: only then do question words found in an author's name say what the question is
 * about ("papers by Hinton"); otherwise a name is a coincidence ("a negroni", "the Kessler–Varga conjecture").
 */
const ASKS_ABOUT_AUTHORS = /\b(by|authors?|wrote|written|published|publications?|co-?authored)\b/i;

/**
 * Whether the best paper answers the question, or the library has nothing on it. Evidence counts in words found in
 * one paper only (`rarestTermWeight`, the most one word can say): the best paper must match question words worth
 * `answerFloor` of one such word, topic words counting in full and everyday words for little (query-weights.ts). A
 * question that is all in the paper's title (a title, or a topic such as "federated learning") needs only
 * `titleFloor` of it.
 */
export function answersConfidently(hit: RankedHit, question: string, rarestTermWeight: number, weights: RankingWeights): boolean {
  const fromAuthors = ASKS_ABOUT_AUTHORS.test(question) ? hit.authorEvidence : 0;
  const evidence = (hit.evidence + fromAuthors) / rarestTermWeight;
  return evidence >= weights.answerFloor || (hit.inTitle >= weights.titleShare && evidence >= weights.titleFloor);
}
