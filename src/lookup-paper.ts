import type { Paper, TitleSuggestion } from './types.js';
import type { PaperIndex } from './paper-index.js';

/** Close titles offered for text that names no paper: a few to choose from, not a search result. */
export const DEFAULT_CANDIDATES = 3;
/** Longer typed text is cut before titles are suggested: no title is this long, and suggesting must stay fast. */
const MAX_TYPED = 200;

/** What a person's typed title or id names; each front end words every case in its own way. */
export type PaperLookup =
  | { kind: 'paper'; paper: Paper }
  | { kind: 'nothing-typed' }
  /** No paper has this id or title; `candidates` are the closest titles, possibly none. */
  | { kind: 'unknown'; candidates: TitleSuggestion[] };

export interface LookupOptions {
  /** How many close titles to offer when the text names no paper (default 3). */
  candidates?: number;
  /**
   * Take the only close title, when it starts with the typed text, as the paper (default false): for front ends
   * where typing the start of a title is the way to pick it. "Only" is judged among `candidates`, so keep that 2 or more.
   */
  completeUniquePrefix?: boolean;
}

/**
 * The paper a person means by what they typed: an arXiv id or slug, the title in any case or punctuation, or,
 * with `completeUniquePrefix`, the start of exactly one title. Otherwise the closest titles to offer instead.
 */
export function lookupPaper(index: PaperIndex, typed: string, options: LookupOptions = {}): PaperLookup {
  const text = typed.trim();
  if (text === '') return { kind: 'nothing-typed' };
  const paper = index.paper(text);
  if (paper) return { kind: 'paper', paper };
  const candidates = index.suggestTitles(text.slice(0, MAX_TYPED), options.candidates ?? DEFAULT_CANDIDATES);
  const completed = options.completeUniquePrefix ? uniquePrefixMatch(index, text, candidates) : undefined;
  return completed ? { kind: 'paper', paper: completed } : { kind: 'unknown', candidates };
}

/**
 * The paper behind the one candidate, if its title starts with `text`. A lone candidate that merely shares
 * words with the text is a guess, not a pick, so it stays a suggestion.
 */
function uniquePrefixMatch(index: PaperIndex, text: string, candidates: readonly TitleSuggestion[]): Paper | undefined {
  const [only, ...others] = candidates;
  if (!only || others.length > 0 || !only.title.toLowerCase().startsWith(text.toLowerCase())) return undefined;
  return index.paper(only.paperId);
}
