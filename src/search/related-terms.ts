import type { RankingWeights } from './rerank.js';
import type { SearchEngine } from './search-engine.js';

/** A word that keeps company with a rare query word, to look for in its place at a low weight. */
export interface RelatedTerm {
  term: string;
  /** The query word it stands in for. */
  queryIndex: number;
}

/**
 * Per vocabulary term: in how many feedback papers it was seen, and the last paper that counted it. Shared and
 * reset after use, like the scorer's slot table: 8 bytes a term (about 2 MiB at 75k papers), allocated on the
 * first question that needs them.
 */
let seenIn = new Int32Array(0);
let lastPaper = new Int32Array(0);

/**
 * Query expansion from co-occurrence among the candidates (local context analysis, Xu & Croft 1996; the
 * Kullback-Leibler term score of Carpineto et al. 2001). A paraphrase shares few words with the paper it
 * describes, but a rare query word ("haze") keeps company with that paper's own words ("dehazing", "weather")
 * in the other papers that contain it. For each rare query word, every paper with it in its title or abstract
 * is a feedback paper (at most `relatedMaxShare` of the corpus): all of them, not only the question's
 * candidates, so that the company a word keeps does not change with how minisearch cut the candidate list. A
 * word in many of them and rare in the corpus is related. Computed per question from the term sequences: no
 * co-occurrence table is built or stored. Only topic words (`isTopicWord`) are expanded: the company an everyday
 * word keeps ("honestly", "drag") says nothing about the question.
 */
export function findRelatedTerms(queryTerms: readonly string[], engine: SearchEngine, weights: RankingWeights, isTopicWord: (queryIndex: number) => boolean = () => true): RelatedTerm[] {
  const maxDocuments = engine.documentCount * weights.relatedMaxShare;
  const known = new Set(queryTerms);
  const related: RelatedTerm[] = [];
  queryTerms.forEach((term, queryIndex) => {
    const frequency = engine.vocabulary.frequency(term);
    if (frequency === 0 || frequency > maxDocuments || !isTopicWord(queryIndex)) return;
    const feedback = feedbackPapers(engine, term);
    if (feedback.length < weights.relatedMinFeedback) return;
    for (const found of companions(feedback, engine, weights, known)) related.push({ term: found, queryIndex });
  });
  return related;
}

/** The papers with `term` in their title or abstract (an author's name says nothing about a topic). */
function feedbackPapers(engine: SearchEngine, term: string): number[] {
  return engine.search({ queries: [term], fields: ['title', 'abstract'] }).map((hit) => hit.id as number);
}

/** The `relatedPerTerm` words most telling of these papers: frequent among them, rare in the corpus. */
function companions(feedback: readonly number[], engine: SearchEngine, weights: RankingWeights, known: ReadonlySet<string>): string[] {
  const touched = countPapersWith(feedback, engine);
  const documents = engine.documentCount;
  const scored: { term: string; score: number }[] = [];
  for (const termId of touched) {
    const count = seenIn[termId]!;
    seenIn[termId] = 0;
    lastPaper[termId] = -1;
    if (count < weights.relatedMinSupport) continue;
    const term = engine.vocabulary.termOf(termId);
    if (known.has(term)) continue;
    const frequency = engine.vocabulary.frequencyOf(termId);
    const share = count / feedback.length;
    scored.push({ term, score: share * Math.log((share * documents) / frequency) });
  }
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, weights.relatedPerTerm)
    .map((entry) => entry.term);
}

/** Counts, per term id, the papers that have it (title or abstract); returns the ids counted. */
function countPapersWith(papers: readonly number[], engine: SearchEngine): number[] {
  if (seenIn.length < engine.vocabulary.size) {
    seenIn = new Int32Array(Math.ceil(engine.vocabulary.size * 1.25));
    lastPaper = new Int32Array(seenIn.length).fill(-1);
  }
  const touched: number[] = [];
  for (const paper of papers) {
    const { title, abstract } = engine.sequences.get(paper);
    for (const ids of [title, abstract]) {
      for (let i = 0; i < ids.length; i += 1) {
        const termId = ids[i]!;
        if (lastPaper[termId] === paper) continue;
        if (seenIn[termId] === 0) touched.push(termId);
        lastPaper[termId] = paper;
        seenIn[termId]! += 1;
      }
    }
  }
  return touched;
}
