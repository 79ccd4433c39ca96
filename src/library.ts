import type { PaperIndex } from './paper-index.js';
import { DEFAULT_CORPUS_PATH, type LoadOptions } from './corpus/load.js';
import { createPaperIndex } from './create-paper-index.js';
import { fingerprintFiles, loadSaved } from './library/saved-index.js';
import { buildIndex, type BuildPhases } from './library/build-index.js';

export { INDEX_FORMAT } from './library/saved-index.js';

export interface LibraryOptions extends LoadOptions {
  /** Corpus files to index; default: the shipped seed. */
  corpusPaths?: readonly string[];
  /** Where the saved index lives; no saving when undefined. */
  cacheDir?: string;
  /** Told whether the index was loaded or built, and how long it took. */
  onReady?: (event: ReadyEvent) => void;
}

export interface ReadyEvent {
  source: 'loaded' | 'built';
  papers: number;
  milliseconds: number;
  /** For a build: reading the corpus, indexing it, and saving the index, in milliseconds. */
  phases?: BuildPhases;
  /** For a build whose index could not be saved: why (the next start builds again). */
  notSaved?: string;
}

/**
 * Loads the corpus and its index: from the saved index when its fingerprint (the corpus files' bytes and the
 * index format) is unchanged, otherwise by building it and saving it for the next start.
 */
export async function openLibrary(options: LibraryOptions = {}): Promise<PaperIndex> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const paths = options.corpusPaths?.length ? options.corpusPaths : [DEFAULT_CORPUS_PATH];
  const { fingerprint } = await fingerprintFiles(paths);
  const { cacheDir, onReady } = options;
  const saved = cacheDir ? await loadSaved(cacheDir, fingerprint) : undefined;
  if (saved) {
    onReady?.({ source: 'loaded', papers: saved.papers.length, milliseconds: elapsed() });
    return createPaperIndex(saved.papers, saved.engine);
  }
  const built = await buildIndex(paths, fingerprint, { onSkip: options.onSkip, cacheDir });
  onReady?.({ source: 'built', papers: built.papers.length, milliseconds: elapsed(), phases: built.phases, notSaved: built.notSaved });
  return createPaperIndex(built.papers, built.engine);
}
