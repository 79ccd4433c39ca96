/**
 * The core's platform-neutral model. Adapters (Discord, Slack, terminal) render these types; they never
 * reach into the index or the corpus files themselves.
 */

/** Where a paper's record came from; decides which fields can be trusted to exist. */
export type PaperSource = 'hf-page' | 'hf-api' | 'jsonl';

/** One research paper, as stored. Text fields are kept verbatim; clean-up happens only for display. */
export interface Paper {
  /** The version-less arXiv id (`2503.11677`) where known, else the title slug. */
  id: string;
  /** The version-less arXiv id, when the source named one. */
  arxivId?: string;
  title: string;
  abstract: string;
  authors: string[];
  /**
   * The day the paper was published or listed, as the source gives it: an ISO date (`2025-03-18`) or, for the
   * Daily Papers page text, the page's own date line (`Mar 13`, no year: the page does not say which).
   */
  published?: string;
  /** Hugging Face only: the day the paper was featured on Daily Papers (ISO date). */
  featuredOn?: string;
  upvotes?: number;
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  aiSummary?: string;
  aiKeywords?: string[];
  source: PaperSource;
}

/** Links a reader can follow for one paper. */
export interface PaperLinks {
  arxiv?: string;
  huggingFace?: string;
  github?: string;
  projectPage?: string;
  /** A title search, for papers with no known arXiv id. */
  search?: string;
}

/** One paper in a result list, with the evidence for why it is there. */
export interface PaperMatch {
  paper: Paper;
  /** The ranking score: comparable within one result list only. */
  score: number;
  /** A short passage of the abstract around the matched words, cleaned for display. */
  snippet: string;
  /** The words of the query (as the user typed them) that matched this paper: "why this matched". */
  matchedTerms: string[];
}

/** The sentence (or two) that answers a question, and the paper it is quoted from. */
export interface CitedAnswer {
  /** Verbatim text of the abstract's sentence(s). */
  text: string;
  paperId: string;
  paper: Paper;
}

/**
 * What kind of reply an answer is, so that every adapter says the same:
 * - `answered`: `answer` quotes the best paper, and `results` lists the papers that match.
 * - `not-in-library`: papers share words with the question, but none well enough to answer it (the library has
 *   nothing on that); `answer` is null and `results` lists the nearest few, as possibly related.
 * - `small-talk`: thanks, a greeting or a goodbye, not a question; `reply` says something back, and there are no papers.
 * - `nothing-found`: no paper matched; `suggestions` may list close titles.
 */
export type AnswerKind = 'answered' | 'not-in-library' | 'small-talk' | 'nothing-found';

/** What `answer(question)` returns. */
export interface Answer {
  kind: AnswerKind;
  question: string;
  answer: CitedAnswer | null;
  results: PaperMatch[];
  /** Titles or words to try when nothing matched; empty when there are results. */
  suggestions: string[];
  /** Small talk only: a short reply in kind ("You're welcome!"). */
  reply?: string;
}

/** What `search(query)` returns: one page of results and the total for paging. */
export interface SearchPage {
  query: string;
  results: PaperMatch[];
  /** How many papers matched in all (capped by the search's candidate limit). */
  total: number;
  offset: number;
  suggestions: string[];
}

/** An autocomplete choice: a display name and a value that resolves to exactly one paper. */
export interface TitleSuggestion {
  title: string;
  paperId: string;
}

/** A summary of what the bot knows, for `/help`. */
export interface CorpusStats {
  papers: number;
  /** Earliest and latest ISO dates among the papers that have one. */
  firstDate?: string;
  lastDate?: string;
  /** Non-ISO date labels (e.g. "Mar 13" from the page text), in the order first seen. */
  otherDates: string[];
}
