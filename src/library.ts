import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Paper } from './types.js';
import { readCorpusBytes } from './corpus/read-bytes.js';
import type { PaperIndex } from './paper-index.js';
import { loadCorpus, DEFAULT_CORPUS_PATH, type LoadOptions } from './corpus/load.js';
import { createPaperIndex } from './create-paper-index.js';
import { SearchEngine, type SavedEngine } from './search/search-engine.js';

/**
 * Bump when the analyzer, the fields or the saved layout change: a saved index made by other code must not be
 * loaded, and the corpus fingerprint alone cannot tell.
 */
export const INDEX_FORMAT = 'paperbot-index-3';

export interface LibraryOptions extends LoadOptions {
  /** Corpus files to index; default: the shipped seed. */
  corpusPaths?: readonly string[];
  /** Where the saved index lives; no saving when undefined. */
  cacheDir?: string;
  /** Told whether the index was loaded or built, and how long it took. */
  onReady?: (event: { source: 'loaded' | 'built'; papers: number; milliseconds: number }) => void;
}

interface SavedLibrary {
  papers: Paper[];
  engine: SavedEngine;
}

/**
 * Loads the corpus and its index: from the saved index when its fingerprint (the corpus files' bytes and the
 * index format) is unchanged, otherwise by building it and saving it for the next start.
 */
export async function openLibrary(options: LibraryOptions = {}): Promise<PaperIndex> {
  const started = performance.now();
  const paths = options.corpusPaths?.length ? options.corpusPaths : [DEFAULT_CORPUS_PATH];
  const fingerprint = await fingerprintFiles(paths);
  const saved = options.cacheDir ? await readSaved(options.cacheDir, fingerprint) : undefined;
  if (saved) {
    const index = createPaperIndex(saved.papers, SearchEngine.load(saved.engine));
    options.onReady?.({ source: 'loaded', papers: saved.papers.length, milliseconds: performance.now() - started });
    return index;
  }
  const papers = await loadCorpus(paths, options);
  const engine = SearchEngine.build(papers);
  if (options.cacheDir) await writeSaved(options.cacheDir, fingerprint, { papers, engine: engine.toJSON() });
  options.onReady?.({ source: 'built', papers: papers.length, milliseconds: performance.now() - started });
  return createPaperIndex(papers, engine);
}

async function fingerprintFiles(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(INDEX_FORMAT);
  for (const path of paths) {
    hash.update(path).update(await readCorpusBytes(path));
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * The saved index is two files named by the fingerprint: the papers with their term frequencies, and
 * minisearch's own JSON (kept apart so its large string is not escaped into another JSON document).
 */
function savedFiles(cacheDir: string, fingerprint: string) {
  return { papers: join(cacheDir, `${fingerprint}.papers.json`), index: join(cacheDir, `${fingerprint}.index.json`) };
}

async function readSaved(cacheDir: string, fingerprint: string): Promise<SavedLibrary | undefined> {
  const files = savedFiles(cacheDir, fingerprint);
  try {
    const { papers, documentFrequency } = JSON.parse(await readFile(files.papers, 'utf8')) as { papers: Paper[]; documentFrequency: [string, number][] };
    return { papers, engine: { documentFrequency, index: await readFile(files.index, 'utf8') } };
  } catch {
    // Missing or unreadable: rebuilding is always safe.
    return undefined;
  }
}

/**
 * Writes each file to a temporary name and renames it, index first, so a crash mid-write never leaves a half
 * file under a real name; then removes the files of older fingerprints.
 */
async function writeSaved(cacheDir: string, fingerprint: string, saved: SavedLibrary): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const files = savedFiles(cacheDir, fingerprint);
  await writeAtomically(files.index, saved.engine.index);
  await writeAtomically(files.papers, JSON.stringify({ papers: saved.papers, documentFrequency: saved.engine.documentFrequency }));
  for (const name of await readdir(cacheDir)) {
    if (/^[0-9a-f]{32}\.(papers|index)\.json$/.test(name) && !name.startsWith(fingerprint)) await rm(join(cacheDir, name), { force: true });
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}
