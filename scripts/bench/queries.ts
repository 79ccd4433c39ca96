import type { Paper } from '../../src/types.js';
import { splitSentences } from '../../src/answer/sentences.js';
import { extractShortNames } from '../../src/search/short-names.js';

/** The bench's fixed seed: the same 1,000 queries on every run and every machine. */
export const QUERY_SEED = 20_261_127;

/** mulberry32: a tiny, well-known seeded generator; Math.random cannot be seeded. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Realistic questions drawn from the corpus itself: part of a title, a phrase from an abstract, a question
 * about a short name, lower-cased as people type in chat.
 */
export function generateQueries(papers: readonly Paper[], count: number, seed = QUERY_SEED): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const span = (words: string[], min: number, max: number) => {
    const length = Math.min(words.length, min + Math.floor(random() * (max - min + 1)));
    const start = Math.floor(random() * Math.max(1, words.length - length + 1));
    return words.slice(start, start + length).join(' ');
  };
  const queries: string[] = [];
  while (queries.length < count) {
    const paper = pick(papers);
    const kind = random();
    if (kind < 0.4) queries.push(span(paper.title.split(/\s+/), 3, 7));
    else if (kind < 0.8) queries.push(span(pick(splitSentences(paper.abstract)).split(/\s+/), 4, 9).toLowerCase());
    else {
      const names = extractShortNames(paper.title, paper.abstract);
      queries.push(names.length > 0 ? `what is ${pick(names)}?` : `papers about ${span(paper.title.split(/\s+/), 2, 4).toLowerCase()}`);
    }
  }
  return queries;
}

/** Prefixes people type into autocomplete: the first characters of a title, or of a word in it. */
export function generatePrefixes(papers: readonly Paper[], count: number, seed = QUERY_SEED + 1): string[] {
  const random = seededRandom(seed);
  const prefixes: string[] = [];
  while (prefixes.length < count) {
    const title = papers[Math.floor(random() * papers.length)]!.title;
    const words = title.split(/\s+/);
    const from = random() < 0.5 ? title : words.slice(Math.floor(random() * words.length)).join(' ');
    prefixes.push(from.slice(0, 1 + Math.floor(random() * 14)));
  }
  return prefixes;
}
