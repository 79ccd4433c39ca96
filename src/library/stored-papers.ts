import type { Paper } from '../types.js';
import type { IngestSummary, PaperIndex } from '../paper-index.js';
import type { PaperStore, StoredPaperChanges } from '../store/store.js';
import type { SearchEngine } from '../search/search-engine.js';
import { createPaperIndex } from '../create-paper-index.js';
import { loadSaved } from './saved-index.js';
import { findSnapshot, removeSnapshot, saveSnapshot, type FoundSnapshot, type SnapshotMark } from './snapshot.js';

/**
 * A start that adds this many stored papers or more saves the index with them as a snapshot, so that the next
 * start adds only the papers stored after them. Adding costs about 0.5 ms a paper (4.8-5.4 s for a year of
 * Hugging Face papers, 9,877, on the seed); saving costs 0.9 s and 150 MiB more at the peak with those 9,983
 * papers, 4.0 s and 160 MiB at 80,000 (`scripts/bench/start-with-store.ts`, 2 cores). With 1,000, no start
 * spends much more than half a second adding stored papers, and the Hugging Face stream (about 27 papers a day,
 * plus the recent ones whose upvotes changed) pays for a save every few weeks.
 */
export const SNAPSHOT_MIN_PAPERS = 1_000;

/** What the library needs of the store, which has it. */
export type StoredPapers = Pick<PaperStore, 'papersChangedSince'>;

/** How the stored papers joined the index at start. */
export interface StoredPapersReport {
  /** The latest store revision the index holds: a process following the store goes on from there. */
  revision: number;
  /** The store revision of the snapshot the index was loaded from: only the papers changed after it were added. */
  snapshot?: number;
  /** Why the newest snapshot of the corpus could not serve (it is removed). */
  snapshotRejected?: string;
  /** What adding the stored papers did: those changed since the snapshot, or all of them without one. */
  summary: IngestSummary;
  /** The store revision of the snapshot saved at this start, if one was. */
  snapshotSaved?: number;
  /** Why a snapshot was due and could not be saved: the next start adds the same papers again. */
  snapshotNotSaved?: string;
}

/** An index over the corpus alone, and whether it could be saved. */
export interface CorpusIndex {
  papers: Paper[];
  engine: SearchEngine;
  ready: { notSaved?: string };
}

interface Begun<T> {
  index: PaperIndex;
  engine: SearchEngine;
  changes: StoredPaperChanges;
  /** The corpus index opened, when no snapshot served. */
  corpus?: T;
  snapshot?: number;
}

/**
 * The corpus with the stored papers: from the newest snapshot that fits the store, adding the papers changed
 * since; otherwise from the corpus index (`openCorpus`), adding every stored paper. Saves a new snapshot when
 * `SNAPSHOT_MIN_PAPERS` or more of them were new to the index or changed in it. Nothing here is fatal: a snapshot that cannot be read, removed or
 * saved only makes the next start slower.
 */
export async function openWithStoredPapers<T extends CorpusIndex>(
  stored: StoredPapers,
  cache: { cacheDir?: string; fingerprint: string },
  openCorpus: () => Promise<T>,
): Promise<{ index: PaperIndex; corpus?: T; stored: StoredPapersReport }> {
  const fromSnapshot = cache.cacheDir ? await startFromSnapshot(cache.cacheDir, cache.fingerprint, stored) : undefined;
  const begun: Begun<T> = fromSnapshot && 'index' in fromSnapshot ? fromSnapshot : await startFromCorpus(stored, openCorpus);
  const summary = begun.index.add(begun.changes.papers);
  const report: StoredPapersReport = { revision: latestRevision(begun.changes.revisions), summary, snapshot: begun.snapshot, snapshotRejected: fromSnapshot?.rejected };
  // Counted by what changed the index: stored papers that the corpus already has cost a start almost nothing.
  const due = summary.added + summary.updated >= SNAPSHOT_MIN_PAPERS && begun.corpus?.ready.notSaved === undefined;
  if (cache.cacheDir && due) Object.assign(report, await saveOrSayWhy(cache.cacheDir, cache.fingerprint, begun));
  return { index: begun.index, corpus: begun.corpus, stored: report };
}

type SnapshotStart = (Begun<never> & { rejected?: undefined }) | { rejected: string };

/** The newest snapshot and the papers changed since, if it fits the store; else why not (and it is removed). */
async function startFromSnapshot(cacheDir: string, fingerprint: string, stored: StoredPapers): Promise<SnapshotStart | undefined> {
  const found = await findSnapshot(cacheDir, fingerprint).catch(() => undefined);
  if (!found) return undefined;
  const start = await openSnapshot(cacheDir, found, stored);
  if ('rejected' in start) await removeSnapshot(cacheDir, found.name).catch(() => undefined);
  return start;
}

async function openSnapshot(cacheDir: string, found: FoundSnapshot, stored: StoredPapers): Promise<SnapshotStart> {
  if (!found.mark) return { rejected: 'its mark file is damaged' };
  const changes = await stored.papersChangedSince(found.mark.revision);
  if (!snapshotFits(found.mark, changes.revisions)) return { rejected: `the store does not have the papers it was taken with (revision ${found.mark.revision})` };
  const saved = await loadSaved(cacheDir, found.name);
  if (!saved || !holdsAll(saved.papers, found.mark.papers)) return { rejected: 'its files are damaged' };
  return { index: createPaperIndex(saved.papers, saved.engine), engine: saved.engine, changes, snapshot: found.mark.revision };
}

async function startFromCorpus<T extends CorpusIndex>(stored: StoredPapers, openCorpus: () => Promise<T>): Promise<Begun<T>> {
  const corpus = await openCorpus();
  return { index: createPaperIndex(corpus.papers, corpus.engine), engine: corpus.engine, changes: await stored.papersChangedSince(), corpus };
}

/**
 * Whether a snapshot shows an earlier state of this store: every stored paper it holds is still stored, at the
 * revision it had then or at one after the snapshot's, and every stored paper not changed since is in it. A
 * database replaced by another, or put back to a copy from before the snapshot, fails it (then ingested again,
 * it hands out the same revisions to other papers or in another order): served, the snapshot would miss papers
 * the store has.
 */
export function snapshotFits(mark: SnapshotMark, revisions: ReadonlyMap<string, number>): boolean {
  for (const [id, revision] of mark.papers) {
    const now = revisions.get(id);
    if (now === undefined || (now !== revision && now <= mark.revision)) return false;
  }
  for (const [id, revision] of revisions) {
    if (revision <= mark.revision && !mark.papers.has(id)) return false;
  }
  return true;
}

function holdsAll(papers: readonly Paper[], ids: ReadonlyMap<string, number>): boolean {
  const held = new Set(papers.map((paper) => paper.id));
  for (const id of ids.keys()) if (!held.has(id)) return false;
  return true;
}

async function saveOrSayWhy(cacheDir: string, fingerprint: string, begun: Begun<unknown>): Promise<Pick<StoredPapersReport, 'snapshotSaved' | 'snapshotNotSaved'>> {
  const mark = { revision: latestRevision(begun.changes.revisions), papers: begun.changes.revisions };
  try {
    await saveSnapshot(cacheDir, fingerprint, mark, { papers: [...begun.index.papers()], engine: begun.engine.toJSON() });
    return { snapshotSaved: mark.revision };
  } catch (error) {
    return { snapshotNotSaved: error instanceof Error ? error.message : String(error) };
  }
}

function latestRevision(revisions: ReadonlyMap<string, number>): number {
  let latest = 0;
  for (const revision of revisions.values()) latest = Math.max(latest, revision);
  return latest;
}
