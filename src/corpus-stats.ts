import type { CorpusStats, Paper } from './types.js';
import { isIsoDay } from './iso-day.js';


/** How many papers there are and which days they cover, for `/help`. */
export function corpusStats(papers: readonly Paper[]): CorpusStats {
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  const otherDates = new Set<string>();
  for (const paper of papers) {
    const day = paper.featuredOn ?? paper.published;
    if (!day) continue;
    if (!isIsoDay(day)) {
      otherDates.add(day);
      continue;
    }
    if (!firstDate || day < firstDate) firstDate = day;
    if (!lastDate || day > lastDate) lastDate = day;
  }
  const stats: CorpusStats = { papers: papers.length, otherDates: [...otherDates] };
  if (firstDate) stats.firstDate = firstDate;
  if (lastDate) stats.lastDate = lastDate;
  return stats;
}
