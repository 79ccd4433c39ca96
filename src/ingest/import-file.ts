import { loadCorpusFile } from '../corpus/load.js';
import type { PaperIndex } from '../paper-index.js';
import type { PaperStore } from '../store/store.js';
import type { Paper } from '../types.js';
import type { SkippedEntry } from './ingest-day.js';

/** Papers per transaction: big enough to be quick, small enough for a progress bar to move. */
export const IMPORT_BATCH_SIZE = 1_000;

export interface ImportDeps {
  store: PaperStore;
  index?: Pick<PaperIndex, 'add'>;
  /** Told after each batch: papers stored so far, and in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  file: string;
  added: number;
  updated: number;
  unchanged: number;
  skipped: SkippedEntry[];
}

/**
 * Imports any corpus file the core can parse (page text, HF API JSON, JSON Lines, gzipped or not) into the
 * store. Papers that carry the day they were featured on are listed under it, so `/daily` can show that day.
 * Records that cannot be read are skipped with their line and reason; a file that cannot be read at all throws
 * `CorpusError`.
 */
export async function importFile(path: string, deps: ImportDeps): Promise<ImportReport> {
  const skipped: SkippedEntry[] = [];
  const papers = await loadCorpusFile(path, {
    onSkip: (_file, record) => skipped.push({ ref: `line ${record.line}`, reason: record.reason }),
  });
  const report: ImportReport = { file: path, added: 0, updated: 0, unchanged: 0, skipped };
  deps.onProgress?.(0, papers.length);
  for (let start = 0; start < papers.length; start += IMPORT_BATCH_SIZE) {
    const batch = papers.slice(start, start + IMPORT_BATCH_SIZE);
    const changed = new Set<string>();
    for (const [day, group] of groupByFeaturedDay(batch)) {
      const result = await deps.store.upsertPapers(group, day);
      report.added += result.added.length;
      report.updated += result.updated.length;
      report.unchanged += result.unchanged.length;
      for (const id of [...result.added, ...result.updated]) changed.add(id);
    }
    if (deps.index && changed.size > 0) deps.index.add(batch.filter((paper) => changed.has(paper.id)));
    deps.onProgress?.(start + batch.length, papers.length);
  }
  return report;
}

function groupByFeaturedDay(papers: readonly Paper[]): Map<string | undefined, Paper[]> {
  const groups = new Map<string | undefined, Paper[]>();
  for (const paper of papers) {
    const group = groups.get(paper.featuredOn) ?? [];
    group.push(paper);
    groups.set(paper.featuredOn, group);
  }
  return groups;
}
