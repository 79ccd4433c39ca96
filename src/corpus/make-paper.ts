import type { Paper, PaperSource } from '../types.js';
import { slugify } from '../text.js';
import { normaliseArxivId } from './arxiv-id.js';

export type PaperFields = Omit<Paper, 'id' | 'arxivId' | 'source'> & { arxivId?: string | undefined };

/** Builds a `Paper` with its canonical id: the version-less arXiv id where known, else the title slug. */
export function makePaper(fields: PaperFields, source: PaperSource): Paper {
  const arxivId = fields.arxivId ? normaliseArxivId(fields.arxivId) : undefined;
  const paper: Paper = { ...withoutUndefined(fields), id: arxivId ?? slugify(fields.title), source };
  if (arxivId) paper.arxivId = arxivId;
  else delete paper.arxivId;
  return paper;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Merges records of the same paper: later sources fill gaps and refresh counts (upvotes, stars) but never
 * blank out what an earlier one knew.
 */
export function mergePapers(older: Paper, newer: Paper): Paper {
  const merged: Paper = { ...older };
  for (const [key, value] of Object.entries(newer) as [keyof Paper, Paper[keyof Paper]][]) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'source' || key === 'published') {
      if (merged[key] === undefined) Object.assign(merged, { [key]: value });
      continue;
    }
    Object.assign(merged, { [key]: value });
  }
  return merged;
}

/** Papers by id, in first-seen order, with duplicates merged. */
export function dedupePapers(papers: Iterable<Paper>): Paper[] {
  const byId = new Map<string, Paper>();
  for (const paper of papers) {
    const known = byId.get(paper.id);
    byId.set(paper.id, known ? mergePapers(known, paper) : paper);
  }
  return [...byId.values()];
}
