import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { cacheFiles, removeCacheFiles, writeAtomically, writeSavedFiles, type SavedLibrary } from './saved-index.js';

/**
 * A snapshot is the live index saved once the stored papers were added to it, so that a restart adds only the
 * papers stored since. It is saved as an index is (saved-index.ts), named `<fingerprint>.r<revision>` beside the
 * corpus index `<fingerprint>`, which a first start relies on and which no snapshot ever removes, plus a mark
 * file: the store revision it includes and the revision each stored paper had then. The mark is written last,
 * so a snapshot without one is unfinished and never read.
 */
export interface SnapshotMark {
  /** The latest store revision the snapshot includes. */
  revision: number;
  /** The stored papers it holds, each with its revision when the snapshot was taken. */
  papers: ReadonlyMap<string, number>;
}

/** The newest finished snapshot of a corpus; `mark` is undefined when its mark file cannot be read. */
export interface FoundSnapshot {
  name: string;
  mark?: SnapshotMark;
}

const SavedMark = z.object({
  revision: z.number().int().nonnegative(),
  papers: z.array(z.tuple([z.string(), z.number().int().nonnegative()])),
});

const MARK_SUFFIX = '.mark.json';

/** The newest finished snapshot of the corpus with this fingerprint, if there is one. */
export async function findSnapshot(cacheDir: string, fingerprint: string): Promise<FoundSnapshot | undefined> {
  const revisions = markedRevisions(await cacheFiles(cacheDir), fingerprint);
  if (revisions.length === 0) return undefined;
  const revision = Math.max(...revisions);
  const name = snapshotName(fingerprint, revision);
  try {
    const saved = SavedMark.parse(JSON.parse(await readFile(join(cacheDir, `${name}${MARK_SUFFIX}`), 'utf8')));
    if (saved.revision !== revision) return { name };
    return { name, mark: { revision, papers: new Map(saved.papers) } };
  } catch {
    return { name };
  }
}

/**
 * Saves a snapshot that includes the store up to `mark.revision`, then removes the other snapshots of this corpus.
 * Files left under the same name by an unfinished save are removed first: each file is written atomically, but a
 * set mixing two saves would not fit together.
 */
export async function saveSnapshot(cacheDir: string, fingerprint: string, mark: SnapshotMark, saved: SavedLibrary): Promise<void> {
  const name = snapshotName(fingerprint, mark.revision);
  await removeCacheFiles(cacheDir, (file) => file.startsWith(`${name}.`));
  await writeSavedFiles(cacheDir, name, saved);
  await writeAtomically(join(cacheDir, `${name}${MARK_SUFFIX}`), JSON.stringify({ revision: mark.revision, papers: [...mark.papers] }));
  await removeCacheFiles(cacheDir, (file) => isSnapshotFile(file, fingerprint) && !file.startsWith(`${name}.`));
}

/** Removes a snapshot that cannot serve (damaged, or taken from another state of the store). */
export async function removeSnapshot(cacheDir: string, name: string): Promise<void> {
  await removeCacheFiles(cacheDir, (file) => file.startsWith(`${name}.`));
}

function snapshotName(fingerprint: string, revision: number): string {
  return `${fingerprint}.r${revision}`;
}

/** The store revision of this corpus's snapshot that `file` belongs to, and the rest of its name ("mark.json"). */
function snapshotPart(file: string, fingerprint: string): { revision: number; part: string } | undefined {
  const match = /^r(\d+)\.(.+)$/.exec(file.startsWith(`${fingerprint}.`) ? file.slice(fingerprint.length + 1) : '');
  return match ? { revision: Number(match[1]), part: match[2]! } : undefined;
}

function isSnapshotFile(file: string, fingerprint: string): boolean {
  return snapshotPart(file, fingerprint) !== undefined;
}

/** The revisions of this corpus's snapshots that have a mark file. */
function markedRevisions(files: readonly string[], fingerprint: string): number[] {
  return files.flatMap((file) => {
    const snapshot = snapshotPart(file, fingerprint);
    return snapshot && `.${snapshot.part}` === MARK_SUFFIX ? [snapshot.revision] : [];
  });
}
