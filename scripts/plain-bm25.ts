/**
 * A plain BM25 over title and abstract, with no tuning of any kind, for `npm run eval` to compare our ranking with:
 * the hidden chat-voice question set found such a baseline ahead of paperbot at 75k papers (issue 12). It reads
 * text through the core's analyzer (the same words, stop words and stems), then scores each paper that has a
 * question word with textbook BM25 (k1 1.2, b 0.75; Robertson & Zaragoza 2009) over one field, title + abstract.
 */
import { analyze } from '../src/search/analyzer.js';
import type { Answer, Paper } from '../src/types.js';

const K1 = 1.2;
const B = 0.75;
const TOP = 10;

/** For one term: the papers that have it and how often, in two parallel lists. */
interface Postings {
  papers: number[];
  counts: number[];
}

export interface PlainBm25 {
  /** The top papers for a question, as an `Answer` with no quoted sentence (only the rank metrics apply). */
  answer(question: string): Answer;
}

export function createPlainBm25(papers: readonly Paper[]): PlainBm25 {
  const postings = new Map<string, Postings>();
  const lengths = new Float64Array(papers.length);
  papers.forEach((paper, id) => {
    const terms = analyze(`${paper.title} ${paper.abstract}`);
    lengths[id] = terms.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      const list = postings.get(term) ?? { papers: [], counts: [] };
      list.papers.push(id);
      list.counts.push(count);
      postings.set(term, list);
    }
  });
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, papers.length);
  const scores = new Float64Array(papers.length);
  return {
    answer(question: string): Answer {
      const touched: number[] = [];
      for (const term of new Set(analyze(question))) {
        const list = postings.get(term);
        if (!list) continue;
        const idf = Math.log(1 + (papers.length - list.papers.length + 0.5) / (list.papers.length + 0.5));
        list.papers.forEach((id, i) => {
          const count = list.counts[i]!;
          if (scores[id] === 0) touched.push(id);
          scores[id]! += (idf * count * (K1 + 1)) / (count + K1 * (1 - B + (B * lengths[id]!) / averageLength));
        });
      }
      const best = touched.sort((a, b) => scores[b]! - scores[a]!).slice(0, TOP);
      const results = best.map((id) => ({ paper: papers[id]!, score: scores[id]!, snippet: '', matchedTerms: [] }));
      for (const id of touched) scores[id] = 0;
      return { kind: results.length > 0 ? 'answered' : 'nothing-found', question, answer: null, results, suggestions: [] };
    },
  };
}
