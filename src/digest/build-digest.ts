import { splitSentences } from '../answer/sentences.js';
import { paperLinks, primaryLink } from '../links.js';
import { displayText, truncate } from '../text.js';
import type { Paper, PaperMatch } from '../types.js';
import { MAX_DIGEST_TOP } from './config.js';
import type { Digest, DigestEntry } from './digest.js';

/**
 * The longest one-line summary the core hands out; renderers cut further to their own limits. 300 is about two
 * lines in a Discord embed or Slack section on a laptop.
 */
export const DIGEST_SUMMARY_MAX = 300;

export interface DigestOptions {
  /** The day the papers were listed on, ISO date: the clock is the caller's. */
  date: string;
  /** How many papers to list, clamped to 1–25. */
  top: number;
  /** A query in the `/search` language; only matching papers are listed. Needs `search`. */
  filter?: string;
  /** Runs `filter` over this day's papers (see `searchWithin`); scores break upvote ties. */
  search?: (query: string) => readonly PaperMatch[];
}

/**
 * Builds a day's digest from the papers listed that day: the most upvoted first, then (with a filter) the
 * better match. Pure. May throw the search's `UserError` for a filter that cannot be searched.
 */
export function buildDigest(papers: readonly Paper[], options: DigestOptions): Digest {
  const top = Math.min(MAX_DIGEST_TOP, Math.max(1, Math.trunc(options.top)));
  const ranked = options.filter ? filtered(papers, options.filter, options.search) : unfiltered(papers);
  const digest: Digest = { date: options.date, total: ranked.length, entries: ranked.slice(0, top).map(toEntry) };
  if (options.filter) digest.filter = options.filter;
  if (ranked.length === 0) digest.empty = papers.length === 0 ? 'no-papers' : 'no-matches';
  return digest;
}

function unfiltered(papers: readonly Paper[]): Paper[] {
  // Array sort is stable: equal upvotes keep the API's order.
  return [...papers].sort((a, b) => (b.upvotes ?? 0) - (a.upvotes ?? 0));
}

function filtered(papers: readonly Paper[], filter: string, search: DigestOptions['search']): Paper[] {
  if (!search) throw new TypeError('buildDigest: a filter needs a search function');
  const onDay = new Map(papers.map((paper) => [paper.id, paper]));
  const matches = search(filter).filter((match) => onDay.has(match.paper.id));
  return matches
    .sort((a, b) => (b.paper.upvotes ?? 0) - (a.paper.upvotes ?? 0) || b.score - a.score)
    .map((match) => onDay.get(match.paper.id)!);
}

function toEntry(paper: Paper): DigestEntry {
  const entry: DigestEntry = {
    paperId: paper.id,
    title: displayText(paper.title),
    link: primaryLink(paper),
    summary: oneLineSummary(paper),
    links: paperLinks(paper),
  };
  if (paper.upvotes !== undefined) entry.upvotes = paper.upvotes;
  return entry;
}

/** The AI summary where HF wrote one, else the abstract's first sentence, on one line. */
export function oneLineSummary(paper: Paper): string {
  const text = paper.aiSummary ? displayText(paper.aiSummary) : firstSentence(displayText(paper.abstract));
  return truncate(text, DIGEST_SUMMARY_MAX);
}

function firstSentence(text: string): string {
  return splitSentences(text)[0]?.trim() || text;
}
