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
  const text = await readText(path);
  const start = text.trimStart()[0];
  if (start === '[') return parseHfDailyPapers(parseJson(text, path), path);
  if (start === '{') {
    const { papers, skipped } = parseJsonLines(text);
    for (const record of skipped) options.onSkip?.(path, record);
    if (papers.length === 0) throw new CorpusError(path, skipped[0]?.line, 'expected JSON Lines records with title and abstract');
    return papers;
  }
  return parsePageText(text, path);
}

/** Reads every file, in order, and merges papers that share an id. */
export async function loadCorpus(paths: readonly string[], options: LoadOptions = {}): Promise<Paper[]> {
  const papers: Paper[] = [];
  for (const path of paths) papers.push(...(await loadCorpusFile(path, options)));
  return dedupePapers(papers);
}

async function readText(path: string): Promise<string> {
  let bytes = await readCorpusBytes(path);
  if (path.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new CorpusError(path, undefined, 'expected gzip data (the file is truncated or not gzip)');
    }
  }
  return bytes.toString('utf8');
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
