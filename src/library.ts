import type { Paper } from './types.js';
import type { PaperIndex } from './paper-index.js';
import type { SearchEngine } from './search/search-engine.js';
import { DEFAULT_CORPUS_PATH, type LoadOptions } from './corpus/load.js';
import type { SkippedRecord } from './corpus/json-lines.js';
import { createPaperIndex } from './create-paper-index.js';
import { fingerprintFiles, loadSaved, type CorpusFingerprint } from './library/saved-index.js';
import { buildIndex, type BuildPhases } from './library/build-index.js';
import { buildInChild, ChildBuildFailure, type ChildOptions } from './library/build-in-child.js';
import { openWithStoredPapers, type StoredPapers, type StoredPapersReport } from './library/stored-papers.js';

export { INDEX_FORMAT } from './library/saved-index.js';
export { SNAPSHOT_MIN_PAPERS, type StoredPapers, type StoredPapersReport } from './library/stored-papers.js';

/**
 * Corpora of this many bytes on disk or more (gzip files count compressed) are built in a child process when
 * there is a saved index to load afterwards.
 * A process that built the index keeps the build's fragmented heap: at 75k papers it settled at ~760 MiB RSS
 * (peak 1.25 GB), against ~530 MiB (peak 860 MiB) once the build moved to a child (`npm run bench -- --scales`).
 * The child costs about a second whatever the size (starting Node and tsx, importing the core, ~0.9 s on 2 cores),
 * plus loading what it saved. Measured on 2 busy cores: the 106-paper seed (180 kB) builds here in 0.33 s against
 * 1.1-1.2 s with a child, for 10 MiB less RSS; 800 papers (1.3 MB) in 0.9-1.2 s against 2.1-2.3 s, for 10 MiB
 * less settled and 85 MiB less at the peak; 2,100 papers (3.4 MB), 2.0 s against 3.4 s, for 6 and 175 MiB less.
 * From 1 MiB on, a first start pays that second for memory that grows with the corpus; below it, the second is
 * most of the start (the seed, the tests, `npm run ask`) and the memory small.
 */
export const CHILD_BUILD_MIN_BYTES = 1 << 20;

export interface LibraryOptions extends LoadOptions {
  /** Corpus files to index; default: the shipped seed. */
  corpusPaths?: readonly string[];
  /** Where the saved index lives; no saving when undefined. */
  cacheDir?: string;
  /**
   * Build a missing index in a child process, then load what it saved (needs `cacheDir`): the serving process
   * then holds no garbage of the build. Default: for corpora of `CHILD_BUILD_MIN_BYTES` or more.
   */
  buildInChild?: boolean;
  /**
   * How long the child process may take before it is stopped and this process builds the index instead; default
   * `CHILD_BUILD_TIMEOUT_MS` (src/library/build-in-child.ts).
   */
  childBuildTimeoutMs?: number;
  /**
   * Papers kept beside the corpus (ingested into the store): added to the index, and with `cacheDir`, saved with
   * it as a snapshot so that a restart adds only those stored since (src/library/stored-papers.ts).
   */
  storedPapers?: StoredPapers;
  /** Told whether the index was loaded or built, and how long it took. */
  onReady?: (event: ReadyEvent) => void;
}

export interface ReadyEvent {
  source: 'loaded' | 'built';
  /** In the index served, stored papers included. */
  papers: number;
  milliseconds: number;
  /**
   * For a build: reading the corpus, indexing it, and saving the index, in milliseconds; for a build in a child
   * process, `load` too: this process loading the index the child saved.
   */
  phases?: BuildPhases & { load?: number };
  /** For a build whose index could not be saved: why (the next start builds again). */
  notSaved?: string;
  /** For a build in a child process: the child's peak resident memory. */
  child?: { peakRssBytes: number };
  /** Why building in a child process failed, when this process then built the index itself. */
  childFailed?: string;
  /** With `storedPapers`: how they joined the index, and whether a snapshot served or was saved. */
  stored?: StoredPapersReport;
}

/**
 * Loads the corpus and its index: from the saved index when its fingerprint (the corpus files' bytes and the
 * index format) is unchanged, otherwise by building it and saving it for the next start. A large corpus is
 * built in a child process and then loaded as if saved earlier; when the child fails or cannot save, this
 * process builds the index itself, so the bot still serves. With `storedPapers`, a snapshot that already holds
 * them may take the corpus index's place (src/library/stored-papers.ts).
 */
export async function openLibrary(options: LibraryOptions = {}): Promise<PaperIndex> {
  const started = performance.now();
  const paths = options.corpusPaths?.length ? options.corpusPaths : [DEFAULT_CORPUS_PATH];
  const corpus = await fingerprintFiles(paths);
  const openCorpus = () => openCorpusIndex(paths, corpus, options);
  const serve = (index: PaperIndex, ready: ReadyDetails) => {
    options.onReady?.({ ...ready, papers: index.papers().length, milliseconds: performance.now() - started });
    return index;
  };
  if (!options.storedPapers) {
    const opened = await openCorpus();
    return serve(createPaperIndex(opened.papers, opened.engine), opened.ready);
  }
  const cache = { cacheDir: options.cacheDir, fingerprint: corpus.fingerprint };
  const opened = await openWithStoredPapers(options.storedPapers, cache, openCorpus);
  return serve(opened.index, { ...(opened.corpus?.ready ?? { source: 'loaded' }), stored: opened.stored });
}

type ReadyDetails = Omit<ReadyEvent, 'papers' | 'milliseconds'>;

/** The corpus's papers and their engine, and how they came to be. */
interface OpenedCorpus {
  papers: Paper[];
  engine: SearchEngine;
  ready: ReadyDetails;
}

/** The corpus index: loaded when saved, else built here or in a child process (see `openLibrary`). */
async function openCorpusIndex(paths: readonly string[], { fingerprint, bytes }: CorpusFingerprint, options: LibraryOptions): Promise<OpenedCorpus> {
  const { cacheDir } = options;
  const saved = cacheDir ? await loadSaved(cacheDir, fingerprint) : undefined;
  if (saved) return { ...saved, ready: { source: 'loaded' } };
  // A child that fails part-way through is followed by a build here, which reads the same records again.
  const onSkip = reportOnce(options.onSkip);
  let fallback: Pick<ReadyEvent, 'notSaved' | 'childFailed'> = {};
  if (cacheDir && (options.buildInChild ?? bytes >= CHILD_BUILD_MIN_BYTES)) {
    const child = await openBuiltInChild(paths, cacheDir, fingerprint, { onSkip, timeoutMs: options.childBuildTimeoutMs });
    if ('papers' in child) return child;
    fallback = child;
  }
  // The child could not save it: neither can this process, so it does not try (and skips the peak of saving).
  const built = await buildIndex(paths, fingerprint, { onSkip, cacheDir: fallback.notSaved === undefined ? cacheDir : undefined });
  return { papers: built.papers, engine: built.engine, ready: { source: 'built', phases: built.phases, notSaved: built.notSaved, ...fallback } };
}

type ChildOutcome = OpenedCorpus | { notSaved: string } | { childFailed: string };

/**
 * Builds and saves the index in a child process and loads what it saved; or says why this process must build
 * it instead. An error the build reports (a bad corpus file) is thrown as this process would throw it.
 */
async function openBuiltInChild(paths: readonly string[], cacheDir: string, fingerprint: string, options: ChildOptions): Promise<ChildOutcome> {
  try {
    const child = await buildInChild({ corpusPaths: [...paths], cacheDir, fingerprint }, options);
    if (child.notSaved !== undefined) return { notSaved: child.notSaved };
    const loadStarted = performance.now();
    const saved = await loadSaved(cacheDir, fingerprint);
    if (!saved) return { childFailed: 'the index it saved could not be loaded' };
    const phases = { ...child.phases, load: performance.now() - loadStarted };
    return { ...saved, ready: { source: 'built', phases, child: { peakRssBytes: child.peakRssBytes } } };
  } catch (error) {
    if (error instanceof ChildBuildFailure) return { childFailed: error.message };
    throw error;
  }
}

/** Passes each skipped record on once, however many times it is read. */
function reportOnce(onSkip: LoadOptions['onSkip']): LoadOptions['onSkip'] {
  if (!onSkip) return undefined;
  const seen = new Set<string>();
  return (file: string, record: SkippedRecord) => {
    const key = `${file}\n${record.line}`;
    if (seen.has(key)) return;
    seen.add(key);
    onSkip(file, record);
  };
}
