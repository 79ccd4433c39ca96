import type { CorpusStats, Paper } from './types.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** How many papers there are and which days they cover, for `/help`. */
export function corpusStats(papers: readonly Paper[]): CorpusStats {
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  const otherDates = new Set<string>();
  for (const paper of papers) {
    const day = paper.featuredOn ?? paper.published;
    if (!day) continue;
    if (!ISO_DAY.test(day)) {
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
