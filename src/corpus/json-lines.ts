import { z } from 'zod';
import type { Paper } from '../types.js';
import { makePaper } from './make-paper.js';
import { linesOf } from './lines.js';

/** One line of the JSON Lines corpus format (shared/corpus): `{id, title, abstract, published?, authors?}`. */
const JsonLinesRecord = z.looseObject({
  id: z.string().trim().min(1).optional(),
  title: z.string().trim().min(1),
  abstract: z.string().trim().min(1),
  published: z.string().optional(),
  authors: z.array(z.string()).optional(),
});

/** A record that could not be loaded, with where and why. */
export interface SkippedRecord {
  line: number;
  reason: string;
}

export interface JsonLinesResult {
  papers: Paper[];
  skipped: SkippedRecord[];
}

/** Parses JSON Lines; a bad line is reported in `skipped` and the rest load. */
export function parseJsonLines(text: string | Uint8Array): JsonLinesResult {
  const papers: Paper[] = [];
  const skipped: SkippedRecord[] = [];
  let lineNumber = 0;
  for (const line of linesOf(text)) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') skipped.push({ line: lineNumber, reason: parsed });
    else papers.push(parsed);
  }
  return { papers, skipped };
}

function parseLine(line: string): Paper | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'expected a JSON object on this line';
  }
  const record = JsonLinesRecord.safeParse(json);
  if (!record.success) {
    const issue = record.error.issues[0];
    return `expected ${issue?.path.join('.') || 'an object'}: ${issue?.message}`;
  }
  const { id, title, abstract, published, authors } = record.data;
  return makePaper({ arxivId: id, title, abstract, published, authors: authors ?? [] }, 'jsonl');
}
