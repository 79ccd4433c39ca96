import type { Answer, CorpusStats, Paper, PaperMatch, SearchPage, TitleSuggestion } from './types.js';

/** Result counts and limits shared by every front end. */
export const DEFAULT_RESULT_LIMIT = 10;
export const MAX_RESULT_LIMIT = 50;
export const MAX_SUGGESTIONS = 25;

export interface AnswerOptions {
  /** How many papers to list (default 10, at most 50). */
  limit?: number;
}

export interface SearchOptions {
  limit?: number;
  /** Skip this many results, for paging. */
  offset?: number;
}

/** What adding papers to the live index did, counted in papers. */
export interface IngestSummary {
  added: number;
  /** Known papers whose merged record changed, and were indexed again. */
  updated: number;
  /** Known papers that came in again with nothing new: left as they were. */
  unchanged: number;
}

/**
 * The core API every adapter calls. All methods are synchronous and fast (milliseconds); questions that cannot
 * be searched (empty, too long, nothing but stop words) throw `UserError` with a reason to show the person.
 */
export interface PaperIndex {
  /** The best answering sentence from the best abstract, cited, and the top papers with why each matched. */
  answer(question: string, options?: AnswerOptions): Answer;
  /** A page of ranked papers for a query. */
  search(query: string, options?: SearchOptions): SearchPage;
  /** A paper by id (arXiv id, with or without version, or slug) or by exact or near-exact title. */
  paper(idOrTitle: string): Paper | undefined;
  /** Papers like this one ("more like this"), the paper itself excluded. */
  similar(paperId: string, options?: { limit?: number }): PaperMatch[];
  /** Titles for autocomplete: each value resolves to exactly one paper through `paper()`. */
  suggestTitles(prefix: string, limit?: number): TitleSuggestion[];
  /** Adds new papers and updates known ones (same id) in the live index, without a rebuild; unchanged ones are skipped. */
  add(papers: readonly Paper[]): IngestSummary;
  /** Every paper, in corpus order. */
  papers(): readonly Paper[];
  stats(): CorpusStats;
}
