import type { Paper } from '../types.js';
import type { SearchEngine } from './search-engine.js';
import type { RankedHit } from './rerank.js';
import { analyzeAsWritten, type TermAsWritten } from './analyzer.js';

/** "More like this" searches with this many of a paper's most telling words, then orders what it found by likeness. */
const TELLTALE_WORDS = 12;

/** A paper as a weighted bag of its terms: term id → weight, and the vector's length. */
interface TermVector {
  weights: Map<number, number>;
  norm: number;
}

/**
 * `candidates` reordered by how alike each paper is to paper `id` as a whole: the cosine of their tf-idf vectors
 * (title words counted twice, term frequency damped by a log). Candidates come from a search for the paper's most
 * telling words, so each shares at least one of them; a paper that shares one word only ("rank", "batches") now
 * ranks below one that shares the vocabulary of its topic. The score is the cosine, from 0 to 1.
 */
export function orderByLikeness(id: number, candidates: readonly RankedHit[], engine: SearchEngine): RankedHit[] {
  const paper = termVector(id, engine);
  return candidates
    .map((hit) => ({ ...hit, score: cosine(paper, termVector(hit.id, engine)) }))
    .sort((a, b) => b.score - a.score);
}

function termVector(id: number, engine: SearchEngine): TermVector {
  const counts = new Map<number, number>();
  const { title, abstract } = engine.sequences.get(id);
  for (const termId of title) counts.set(termId, (counts.get(termId) ?? 0) + 2);
  for (const termId of abstract) counts.set(termId, (counts.get(termId) ?? 0) + 1);
  const weights = new Map<number, number>();
  let squares = 0;
  for (const [termId, count] of counts) {
    const weight = (1 + Math.log(count)) * engine.inverseDocumentFrequency(engine.vocabulary.termOf(termId));
    weights.set(termId, weight);
    squares += weight * weight;
  }
  return { weights, norm: Math.sqrt(squares) };
}

function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [termId, weight] of small.weights) dot += weight * (large.weights.get(termId) ?? 0);
  return dot / (a.norm * b.norm);
}

/**
 * The words that best tell `paper` apart: frequent in it (the title counts twice), rare in the corpus. Each is shown
 * as the abstract first writes it ("attention", not the index term "attent"; "spike", not the title's "Spike"),
 * since similar papers list it as why they match.
 */
export function telltaleWords(paper: Paper, engine: SearchEngine): TermAsWritten[] {
  const counts = new Map<string, { word: string; count: number }>();
  for (const { term, word } of analyzeAsWritten(`${paper.abstract} ${paper.title} ${paper.title}`)) {
    const seen = counts.get(term);
    if (seen) seen.count += 1;
    else counts.set(term, { word, count: 1 });
  }
  return [...counts]
    .map(([term, { word, count }]) => ({ term, word, weight: count * engine.inverseDocumentFrequency(term) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, TELLTALE_WORDS)
    .map(({ term, word }) => ({ term, word }));
}
