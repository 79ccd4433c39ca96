import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Paper } from '../types.js';
import { readCorpusBytes } from '../corpus/read-bytes.js';
import { linesOf } from '../corpus/lines.js';
import { SearchEngine, type SavedEngine } from '../search/search-engine.js';
import { ROOM_TO_GROW } from '../search/term-sequences.js';

/**
 * Bump when the analyzer, the fields or the saved layout change: a saved index made by other code must not be
 * loaded, and the corpus fingerprint alone cannot tell.
 */
export const INDEX_FORMAT = 'paperbot-index-9';

export interface SavedLibrary {
  papers: Paper[];
  engine: SavedEngine;
}

/** The corpus files as one fingerprint (their paths, bytes and the index format), and their size on disk. */
export interface CorpusFingerprint {
  fingerprint: string;
  bytes: number;
}

export async function fingerprintFiles(paths: readonly string[]): Promise<CorpusFingerprint> {
  const hash = createHash('sha256').update(INDEX_FORMAT);
  let bytes = 0;
  for (const path of paths) {
    const content = await readCorpusBytes(path);
    hash.update(path).update(content);
    bytes += content.length;
  }
  return { fingerprint: hash.digest('hex').slice(0, 32), bytes };
}

/**
 * A saved index is three files under one name: minisearch's own JSON (kept apart so its large string is not
 * escaped into another JSON document), the papers with the vocabulary, and the term sequences as raw 32-bit
 * integers. The corpus index is named by its fingerprint; a snapshot with stored papers (snapshot.ts) by the
 * fingerprint and a store revision.
 */
function savedFiles(cacheDir: string, name: string) {
  const file = (kind: string) => join(cacheDir, `${name}.${kind}`);
  return { index: file('index.json'), papers: file('papers.json'), sequences: file('sequences.bin') };
}

/** The first line of the papers file (the vocabulary and the author index); one JSON line per paper follows. */
type SavedTerms = Omit<SavedEngine, 'index' | 'sequences'>;

/** The saved papers and their engine; undefined when they are missing, unreadable or do not fit together. */
export async function loadSaved(cacheDir: string, name: string): Promise<{ papers: Paper[]; engine: SearchEngine } | undefined> {
  const files = savedFiles(cacheDir, name);
  try {
    const [index, papersBytes, sequences] = await Promise.all([readFile(files.index, 'utf8'), readFile(files.papers), readWithRoom(files.sequences)]);
    const [terms, ...papers] = readJsonLines(papersBytes) as [SavedTerms, ...Paper[]];
    const engine = SearchEngine.load({ ...terms, index, sequences });
    return engine.documentCount === papers.length ? { papers, engine } : undefined;
  } catch {
    // Rebuilding is always safe.
    return undefined;
  }
}

/**
 * Saves the corpus index under its fingerprint, then removes the files of older fingerprints, their snapshots
 * included (a snapshot's files start with the fingerprint it was made from).
 */
export async function writeSaved(cacheDir: string, fingerprint: string, saved: SavedLibrary): Promise<void> {
  await writeSavedFiles(cacheDir, fingerprint, saved);
  await removeCacheFiles(cacheDir, (file) => /^[0-9a-f]{32}\./.test(file) && !file.startsWith(`${fingerprint}.`) && !file.endsWith(TEMPORARY_SUFFIX));
}

/**
 * Writes each file to a temporary name and renames it, so a crash mid-write never leaves a half file under a
 * real name; then removes what earlier saves that died left under temporary names.
 */
export async function writeSavedFiles(cacheDir: string, name: string, saved: SavedLibrary): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const files = savedFiles(cacheDir, name);
  const { index, sequences, ...terms } = saved.engine;
  await writeAtomically(files.index, index);
  await writeAtomically(files.sequences, new Uint8Array(sequences.buffer, sequences.byteOffset, sequences.byteLength));
  await writeAtomically(files.papers, jsonLines([terms, ...saved.papers]));
  await removeAbandonedTemporaryFiles(cacheDir);
}

/** Removes the files of `cacheDir` whose names `remove` picks; a missing folder has none. */
export async function removeCacheFiles(cacheDir: string, remove: (file: string) => boolean): Promise<void> {
  for (const file of await cacheFiles(cacheDir)) {
    if (remove(file)) await rm(join(cacheDir, file), { force: true });
  }
}

/** The names of the files in `cacheDir`; none when it does not exist yet. */
export async function cacheFiles(cacheDir: string): Promise<string[]> {
  try {
    return await readdir(cacheDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A file of 32-bit integers, read into an array with room to grow after them (see `TermSequences.fromPacked`). */
async function readWithRoom(path: string): Promise<Uint32Array> {
  const file = await open(path);
  try {
    const { size } = await file.stat();
    const integers = new Uint32Array(Math.ceil((size / 4) * ROOM_TO_GROW));
    const bytes = new Uint8Array(integers.buffer, 0, size);
    for (let read = 0; read < size; ) {
      const { bytesRead } = await file.read(bytes, read, size - read, read);
      if (bytesRead === 0) throw new Error(`${path} ended early`);
      read += bytesRead;
    }
    return integers;
  } finally {
    await file.close();
  }
}

/** One JSON value per line of `bytes`. */
function readJsonLines(bytes: Buffer): unknown[] {
  return Array.from(linesOf(bytes), (line) => JSON.parse(line) as unknown);
}

/**
 * The values as JSON Lines, in chunks of about a megabyte: one string of every paper would add the corpus's size
 * (or twice that) to the peak memory of a first start.
 */
function* jsonLines(values: readonly unknown[]): Generator<string> {
  let chunk = '';
  for (const [i, value] of values.entries()) {
    chunk += `${i > 0 ? '\n' : ''}${JSON.stringify(value)}`;
    if (chunk.length >= WRITE_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

const WRITE_CHUNK = 1 << 20;

export async function writeAtomically(path: string, text: string | Uint8Array | Iterable<string>): Promise<void> {
  // A name of its own per write: a bot and `npm run ask` (or the terminal chat) saving into one data folder at
  // once must not write one temporary file together, and rename it from under each other.
  temporaryFiles += 1;
  const temporary = `${path}.${process.pid}-${temporaryFiles}${TEMPORARY_SUFFIX}`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

const TEMPORARY_SUFFIX = '.tmp';
let temporaryFiles = 0;

/** Temporary files left by saves that died half-way (their process is gone): nothing will rename them now. */
async function removeAbandonedTemporaryFiles(cacheDir: string): Promise<void> {
  await removeCacheFiles(cacheDir, (file) => {
    const pid = /\.(\d+)-\d+\.tmp$/.exec(file)?.[1];
    return pid !== undefined && !isRunning(Number(pid));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
