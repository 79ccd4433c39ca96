import { z } from 'zod';
import { mergePapers } from '../corpus/make-paper.js';
import type { Paper } from '../types.js';
import type { UpsertResult } from './store.js';

/** A stored record is our own JSON, but the database may outlive this build: check the fields everything relies on. */
const StoredPaper = z.looseObject({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  source: z.enum(['hf-page', 'hf-api', 'jsonl']),
});

/** A paper from the JSON text of its stored record. */
export function readRecord(record: string): Paper {
  return StoredPaper.parse(JSON.parse(record)) as Paper;
}

/** One paper to write: its merged record, and whether it is new to the store. */
export interface PaperWrite {
  paper: Paper;
  record: string;
  added: boolean;
}

/**
 * What an upsert of `papers` does, given the records stored for their ids (`known`): new papers are added,
 * known ones merged (later values refresh counts, never blank out fields) and written only when that changed
 * them. The same id twice in `papers` merges twice, as two writes in a row would. Both backends write the plan.
 */
export function planUpsert(papers: readonly Paper[], known: Map<string, Paper>): { result: UpsertResult; writes: Map<string, PaperWrite> } {
  const result: UpsertResult = { added: [], updated: [], unchanged: [] };
  const writes = new Map<string, PaperWrite>();
  for (const paper of papers) {
    const before = writes.get(paper.id)?.paper ?? known.get(paper.id);
    if (before === undefined) {
      writes.set(paper.id, { paper, record: JSON.stringify(paper), added: true });
      result.added.push(paper.id);
      continue;
    }
    const merged = mergePapers(before, paper);
    const record = JSON.stringify(merged);
    // Compare like with like: both went through the same parse, so their keys are in the same order.
    if (record === JSON.stringify(before)) result.unchanged.push(paper.id);
    else {
      writes.set(paper.id, { paper: merged, record, added: writes.get(paper.id)?.added ?? false });
      result.updated.push(paper.id);
    }
  }
  return { result, writes };
}
