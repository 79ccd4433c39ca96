import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Paper } from '../types.js';
import { CorpusError } from '../errors.js';
import { parsePageText } from './page-text.js';
import { parseHfDailyPapers } from './hf-api.js';
import { parseJsonLines, type SkippedRecord } from './json-lines.js';
import { dedupePapers } from './make-paper.js';
import { readCorpusBytes } from './read-bytes.js';

/** The shipped corpus: the Hugging Face Daily Papers page of "Mar 13" (106 papers). */
export const DEFAULT_CORPUS_PATH = fileURLToPath(new URL('../../data/hf-daily-papers-mar13.txt', import.meta.url));

export interface LoadOptions {
  /** Told about each JSON Lines record that was skipped, with the file, line and reason. */
  onSkip?: (file: string, record: SkippedRecord) => void;
}

/** Reads one corpus file of any supported format (page text, HF API JSON, JSON Lines; `.gz` or not). */
export async function loadCorpusFile(path: string, options: LoadOptions = {}): Promise<Paper[]> {
  const bytes = await readBytes(path);
  const start = String.fromCharCode(bytes[bytes.findIndex((byte) => !WHITE_SPACE.has(byte))] ?? 0);
  if (start === '[') {
    const text = bytes.toString('utf8');
    return parseHfDailyPapers(parseJson(text, path), path);
  }
  if (start === '{') {
    const { papers, skipped } = parseJsonLines(bytes);
    for (const record of skipped) options.onSkip?.(path, record);
    if (papers.length === 0) throw new CorpusError(path, skipped[0]?.line, 'expected JSON Lines records with title and abstract');
    return papers;
  }
  return parsePageText(bytes.toString('utf8'), path);
}

/** JSON's white space, and the byte order mark's bytes: what may come before a file's first character. */
const WHITE_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]);

/** Reads every file, in order, and merges papers that share an id. */
export async function loadCorpus(paths: readonly string[], options: LoadOptions = {}): Promise<Paper[]> {
  const papers: Paper[] = [];
  for (const path of paths) papers.push(...(await loadCorpusFile(path, options)));
  return dedupePapers(papers);
}

/** The file's bytes, unzipped when it is gzip. */
async function readBytes(path: string): Promise<Buffer> {
  let bytes = await readCorpusBytes(path);
  if (path.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new CorpusError(path, undefined, 'expected gzip data (the file is truncated or not gzip)');
    }
  }
  return bytes;
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorpusError(path, lineOfJsonError(text, error), 'expected a complete JSON document');
  }
}

/** V8 reports "at position N" (Node 20) or "(line L column C)"; turn either into a line number. */
function lineOfJsonError(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  return undefined;
}
