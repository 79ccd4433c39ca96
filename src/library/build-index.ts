import type { Paper } from '../types.js';
import { loadCorpus, type LoadOptions } from '../corpus/load.js';
import { SearchEngine } from '../search/search-engine.js';
import { writeSaved, type SavedLibrary } from './saved-index.js';

/** How long each step of a build took, in milliseconds. */
export interface BuildPhases {
  read: number;
  index: number;
  save: number;
}

export interface BuiltIndex {
  papers: Paper[];
  engine: SearchEngine;
  phases: BuildPhases;
  /** Why the index could not be saved; undefined when it was saved, or when there was nowhere to save it. */
  notSaved?: string;
}

export interface BuildOptions extends LoadOptions {
  /** Where to save the index; no saving when undefined. */
  cacheDir?: string;
}

/**
 * Reads the corpus, indexes it, and saves the index under `fingerprint` when `cacheDir` is set. The same steps
 * run in the serving process or in a child process (see build-in-child.ts).
 */
export async function buildIndex(paths: readonly string[], fingerprint: string, options: BuildOptions = {}): Promise<BuiltIndex> {
  const readStarted = performance.now();
  const papers = await loadCorpus(paths, options);
  const indexStarted = performance.now();
  const engine = SearchEngine.build(papers);
  const saveStarted = performance.now();
  const notSaved = options.cacheDir ? await saveOrSayWhy(options.cacheDir, fingerprint, { papers, engine: engine.toJSON() }) : undefined;
  const done = performance.now();
  return { papers, engine, notSaved, phases: { read: indexStarted - readStarted, index: saveStarted - indexStarted, save: done - saveStarted } };
}

/**
 * Saves a new index, or says why it could not: a failed save (a full disk, a read-only folder) is never fatal.
 * The built index serves, and the next start builds again.
 */
async function saveOrSayWhy(cacheDir: string, fingerprint: string, saved: SavedLibrary): Promise<string | undefined> {
  try {
    await writeSaved(cacheDir, fingerprint, saved);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
