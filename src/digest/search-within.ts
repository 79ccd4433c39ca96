import { createPaperIndex } from '../create-paper-index.js';
import { MAX_RESULT_LIMIT } from '../paper-index.js';
import type { Paper, PaperMatch } from '../types.js';

/**
 * A search over just these papers, for digest filters: a day has tens of papers, so a throw-away index is
 * cheap, and searching the whole corpus could rank the day's papers out of the result page.
 */
export function searchWithin(papers: readonly Paper[]): (query: string) => readonly PaperMatch[] {
  const index = createPaperIndex(papers);
  return (query) => index.search(query, { limit: MAX_RESULT_LIMIT }).results;
}
