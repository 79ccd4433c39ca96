import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Paper } from '../types.js';
import { planUpsert, readRecord } from './paper-record.js';
import type { PaperStore, StoredPaperChanges, UpsertResult } from './store.js';

const RecordRow = z.object({ record: z.string() });
const RevisionRow = z.object({ id: z.string(), revision: z.number().int().nonnegative() });
const RevisionRecordRow = z.object({ record: z.string(), revision: z.number().int().nonnegative() });

function readPaper(row: unknown): Paper {
  return readRecord(RecordRow.parse(row).record);
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
  const newerRecords = db.prepare('SELECT record, revision FROM papers WHERE revision > ? ORDER BY revision, rowid');
  const list = db.prepare('INSERT OR IGNORE INTO daily_listings (day, paper_id) VALUES (?, ?)');
  const latest = db.prepare('SELECT max(day) AS day FROM daily_listings');
  const latestUpTo = db.prepare('SELECT max(day) AS day FROM daily_listings WHERE day <= ?');
  const listed = db.prepare(
    'SELECT p.record FROM daily_listings l JOIN papers p ON p.id = l.paper_id WHERE l.day = ? ORDER BY p.rowid',
  );

  const upsertPapers = db.transaction((papers: readonly Paper[], listedOn?: string): UpsertResult => {
    const known = new Map<string, Paper>();
    for (const { id } of papers) {
      const row = select.get(id);
      if (row !== undefined) known.set(id, readPaper(row));
    }
    const { result, writes } = planUpsert(papers, known);
    const now = new Date().toISOString();
    // One revision for the whole write: read inside its transaction, so no other writer can take it too.
    const revision = z.number().int().parse(latestRevision.get()) + 1;
    for (const [id, { paper, record, added }] of writes) {
      if (added) insert.run(id, record, paper.upvotes ?? null, now, revision);
      else update.run(record, paper.upvotes ?? null, now, revision, id);
    }
    if (listedOn) for (const { id } of papers) list.run(listedOn, id);
    return result;
  });

  // One transaction: both reads see the same state, even while `npm run ingest` writes beside the bot.
  const changedSince = db.transaction((after?: number): StoredPaperChanges => ({
    revisions: new Map(revisions.all().map((row) => {
      const { id, revision } = RevisionRow.parse(row);
      return [id, revision];
    })),
    papers: (after === undefined ? allRecords.all() : recordsAfter.all(after)).map(readPaper),
  }));

  return {
    // IMMEDIATE: the write lock is taken at the start, waiting out `busy_timeout`. A deferred transaction reads
    // first, and when another process (`npm run ingest` beside the bot) commits before it writes, SQLite fails it at
    // once ("database is locked"): in WAL mode a stale read cannot be upgraded to a write, so the timeout never helps.
    upsertPapers: async (papers, listedOn) => upsertPapers.immediate(papers, listedOn),
    papersListedOn: async (day) => listed.all(day).map(readPaper),
    latestListedDay: async (onOrBefore) => {
      // Listed days are ISO dates, which sort as text.
      const get = onOrBefore === undefined ? latest.get() : latestUpTo.get(onOrBefore);
      return z.object({ day: z.string().nullable() }).parse(get).day ?? undefined;
    },
    papersChangedSince: async (after) => changedSince(after),
    papersAfter: async (after) => {
      const rows = newerRecords.all(after).map((row) => RevisionRecordRow.parse(row));
      return { revision: rows.at(-1)?.revision ?? after, papers: rows.map(readPaper) };
    },
  };
}
