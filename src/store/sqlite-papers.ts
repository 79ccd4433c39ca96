import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Paper } from '../types.js';
import { mergePapers } from '../corpus/make-paper.js';
import type { PaperStore, StoredPaperChanges, UpsertResult } from './store.js';

/** A stored record is our own JSON, but the file may outlive this build: check the fields everything relies on. */
const StoredPaper = z.looseObject({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  source: z.enum(['hf-page', 'hf-api', 'jsonl']),
});

const RecordRow = z.object({ record: z.string() });
const RevisionRow = z.object({ id: z.string(), revision: z.number().int().nonnegative() });

function readPaper(row: unknown): Paper {
  return StoredPaper.parse(JSON.parse(RecordRow.parse(row).record)) as Paper;
}

/** The papers half of the SQLite store. */
export function createSqlitePapers(db: Database.Database): PaperStore {
  const select = db.prepare('SELECT record FROM papers WHERE id = ?');
  const insert = db.prepare('INSERT INTO papers (id, record, upvotes, updated_at, revision) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE papers SET record = ?, upvotes = ?, updated_at = ?, revision = ? WHERE id = ?');
  const latestRevision = db.prepare('SELECT coalesce(max(revision), 0) AS revision FROM papers').pluck();
  const revisions = db.prepare('SELECT id, revision FROM papers');
  const allRecords = db.prepare('SELECT record FROM papers ORDER BY rowid');
  const recordsAfter = db.prepare('SELECT record FROM papers WHERE revision > ? ORDER BY rowid');
  const list = db.prepare('INSERT OR IGNORE INTO daily_listings (day, paper_id) VALUES (?, ?)');
  const latest = db.prepare('SELECT max(day) AS day FROM daily_listings');
  const latestUpTo = db.prepare('SELECT max(day) AS day FROM daily_listings WHERE day <= ?');
  const listed = db.prepare(
    'SELECT p.record FROM daily_listings l JOIN papers p ON p.id = l.paper_id WHERE l.day = ? ORDER BY p.rowid',
  );

  const upsertPapers = db.transaction((papers: readonly Paper[], listedOn?: string): UpsertResult => {
    const result: UpsertResult = { added: [], updated: [], unchanged: [] };
    const now = new Date().toISOString();
    // One revision for the whole write: read inside its transaction, so no other writer can take it too.
    const revision = z.number().int().parse(latestRevision.get()) + 1;
    for (const paper of papers) {
      const row = select.get(paper.id);
      if (row === undefined) {
        insert.run(paper.id, JSON.stringify(paper), paper.upvotes ?? null, now, revision);
        result.added.push(paper.id);
      } else {
        const known = readPaper(row);
        const merged = mergePapers(known, paper);
        const record = JSON.stringify(merged);
        // Compare like with like: both went through the same parse, so their keys are in the same order.
        if (record === JSON.stringify(known)) result.unchanged.push(paper.id);
        else {
          update.run(record, merged.upvotes ?? null, now, revision, paper.id);
          result.updated.push(paper.id);
        }
      }
      if (listedOn) list.run(listedOn, paper.id);
    }
    return result;
  });

  return {
    // IMMEDIATE: the write lock is taken at the start, waiting out `busy_timeout`. A deferred transaction reads
    // first, and when another process (`npm run ingest` beside the bot) commits before it writes, SQLite fails it at
    // once ("database is locked"): in WAL mode a stale read cannot be upgraded to a write, so the timeout never helps.
    upsertPapers: (papers, listedOn) => upsertPapers.immediate(papers, listedOn),
    papersListedOn: (day) => listed.all(day).map(readPaper),
    latestListedDay: (onOrBefore) => {
      // Listed days are ISO dates, which sort as text.
      const get = onOrBefore === undefined ? latest.get() : latestUpTo.get(onOrBefore);
      return z.object({ day: z.string().nullable() }).parse(get).day ?? undefined;
    },
    // One transaction: both reads see the same state, even while `npm run ingest` writes beside the bot.
    papersChangedSince: db.transaction((after?: number): StoredPaperChanges => ({
      revisions: new Map(revisions.all().map((row) => {
        const { id, revision } = RevisionRow.parse(row);
        return [id, revision];
      })),
      papers: (after === undefined ? allRecords.all() : recordsAfter.all(after)).map(readPaper),
    })),
  };
}
