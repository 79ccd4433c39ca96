import { z } from 'zod';
import { HfDailyEntry, hfEntryToPaper } from '../corpus/hf-api.js';
import { dedupePapers } from '../corpus/make-paper.js';
import type { PaperIndex } from '../paper-index.js';
import type { PaperStore } from '../store/store.js';
import type { Paper } from '../types.js';
import type { HfDailyClient } from './hf-client.js';
import { HfFetchError } from './hf-fetch-error.js';
import { silentLogger, type Logger } from '../logger.js';

export interface IngestDeps {
  hf: HfDailyClient;
  store: PaperStore;
  /** The live index: the day's papers are added to it (or refreshed) without a restart. */
  index?: Pick<PaperIndex, 'add'>;
  logger?: Logger;
}

/** An entry that could not be used, with where it was and why. */
export interface SkippedEntry {
  /** The arXiv id when the entry had one, else its position (`entry 3`). */
  ref: string;
  reason: string;
}

export interface IngestReport {
  day: string;
  /** The day's papers as stored (merged with what was known), in the API's order. */
  papers: Paper[];
  added: string[];
  updated: string[];
  unchanged: string[];
  skipped: SkippedEntry[];
}

/**
 * Fetches one day's Daily Papers list (all pages), stores it (re-ingesting updates upvotes and adds nothing
 * twice) and feeds the day's papers to the live index. An empty list is a real answer (a weekend); a list
 * whose every entry is malformed is not, and throws `HfFetchError`, so a broken API never looks like a quiet day.
 */
export async function ingestDay(day: string, deps: IngestDeps): Promise<IngestReport> {
  const entries = await deps.hf.fetchDay(day);
  const { papers, skipped } = validateEntries(entries);
  if (entries.length > 0 && papers.length === 0) {
    throw new HfFetchError(`daily_papers?date=${day}`, `all ${entries.length} entries malformed (${skipped[0]?.reason})`, false);
  }
  const result = await deps.store.upsertPapers(papers, day);
  const stored = new Map((await deps.store.papersListedOn(day)).map((paper) => [paper.id, paper]));
  const ordered = papers.map((paper) => stored.get(paper.id) ?? paper);
  // The whole day, not only what changed: the live index may have been built without the store (a restart),
  // and a day is tens of papers (about 0.5 ms each to re-add).
  if (deps.index && ordered.length > 0) deps.index.add(ordered);
  const logger = deps.logger ?? silentLogger;
  for (const entry of skipped) logger.warn('HF daily papers: skipped an entry', { day, ...entry });
  logger.info('HF daily papers ingested', { day, added: result.added.length, updated: result.updated.length, skipped: skipped.length });
  return { day, papers: ordered, ...result, skipped };
}

/** Each entry on its own: one malformed entry is skipped with its reason, the rest load. */
export function validateEntries(entries: readonly unknown[]): { papers: Paper[]; skipped: SkippedEntry[] } {
  const papers: Paper[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [position, entry] of entries.entries()) {
    const parsed = HfDailyEntry.safeParse(entry);
    if (parsed.success) {
      papers.push(hfEntryToPaper(parsed.data));
      continue;
    }
    const issue = parsed.error.issues[0];
    skipped.push({
      ref: entryId(entry) ?? `entry ${position + 1}`,
      reason: `${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`,
    });
  }
  return { papers: dedupePapers(papers), skipped };
}

const EntryWithId = z.object({ paper: z.object({ id: z.string().min(1) }) });

function entryId(entry: unknown): string | undefined {
  const parsed = EntryWithId.safeParse(entry);
  return parsed.success ? parsed.data.paper.id : undefined;
}
