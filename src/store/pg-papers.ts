import { z } from 'zod';
import { planUpsert, readRecord, type PaperWrite } from './paper-record.js';
import type { PgConnection, Queryable } from './pg-connection.js';
import type { PaperStore } from './store.js';

/**
 * An advisory lock of this database taken by every write of papers until it commits, so that revisions are handed
 * out in commit order: a process polling for papers after revision r could otherwise read r + 1 before r committed,
 * and never see r. Writes of papers are rare (a day's list, an import), so taking turns costs nothing.
 */
const PAPER_WRITE_LOCK = 7_266_001;

const RecordRow = z.object({ record: z.string() });
const IdRecordRow = z.object({ id: z.string(), record: z.string() });
const RevisionRow = z.object({ id: z.string(), revision: z.number().int().nonnegative() });
const RevisionRecordRow = z.object({ record: z.string(), revision: z.number().int().nonnegative() });
const DayRow = z.object({ day: z.string().nullable() });
const NextRevision = z.object({ revision: z.number().int() });

const papersOf = (rows: unknown[]) => rows.map((row) => readRecord(RecordRow.parse(row).record));

/** The papers half of the PostgreSQL store. */
export function createPgPapers(db: PgConnection): PaperStore {
  return {
    upsertPapers: (papers, listedOn) => db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PAPER_WRITE_LOCK]);
      const ids = [...new Set(papers.map((paper) => paper.id))];
      const stored = await client.query('SELECT id, record FROM papers WHERE id = ANY($1::text[])', [ids]);
      const known = new Map(stored.rows.map((row: unknown) => {
        const { id, record } = IdRecordRow.parse(row);
        return [id, readRecord(record)] as const;
      }));
      const { result, writes } = planUpsert(papers, known);
      const next = await client.query('SELECT (coalesce(max(revision), 0) + 1)::integer AS revision FROM papers');
      await writePapers(client, [...writes.values()], NextRevision.parse(next.rows[0]).revision);
      if (listedOn && ids.length > 0) {
        await client.query('INSERT INTO daily_listings (day, paper_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [listedOn, ids]);
      }
      return result;
    }),
    papersListedOn: async (day) => papersOf((await db.query(
      'SELECT p.record FROM daily_listings l JOIN papers p ON p.id = l.paper_id WHERE l.day = $1 ORDER BY p.position', [day],
    )).rows),
    latestListedDay: async (onOrBefore) => {
      const { rows } = onOrBefore === undefined
        ? await db.query('SELECT max(day) AS day FROM daily_listings')
        : await db.query('SELECT max(day) AS day FROM daily_listings WHERE day <= $1', [onOrBefore]);
      return DayRow.parse(rows[0]).day ?? undefined;
    },
    // One snapshot for both reads, even while another process writes.
    papersChangedSince: (after) => db.transaction(async (client) => {
      const revisions = await client.query('SELECT id, revision FROM papers');
      const changed = after === undefined
        ? await client.query('SELECT record FROM papers ORDER BY position')
        : await client.query('SELECT record FROM papers WHERE revision > $1 ORDER BY position', [after]);
      return {
        revisions: new Map(revisions.rows.map((row: unknown) => {
          const { id, revision } = RevisionRow.parse(row);
          return [id, revision] as const;
        })),
        papers: papersOf(changed.rows),
      };
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'),
    papersAfter: async (after) => {
      const { rows } = await db.query('SELECT record, revision FROM papers WHERE revision > $1 ORDER BY revision, position', [after]);
      const parsed = rows.map((row: unknown) => RevisionRecordRow.parse(row));
      return { revision: parsed.at(-1)?.revision ?? after, papers: parsed.map((row) => readRecord(row.record)) };
    },
  };
}

/** Writes the planned papers in one statement, all at `revision`: new ones added, known ones replaced. */
async function writePapers(client: Queryable, writes: readonly PaperWrite[], revision: number): Promise<void> {
  if (writes.length === 0) return;
  const now = new Date().toISOString();
  await client.query(
    `INSERT INTO papers (id, record, upvotes, updated_at, revision)
     SELECT id, record, upvotes, $4, $5 FROM unnest($1::text[], $2::text[], $3::integer[]) AS w(id, record, upvotes)
     ON CONFLICT (id) DO UPDATE SET record = excluded.record, upvotes = excluded.upvotes, updated_at = excluded.updated_at,
       revision = excluded.revision`,
    [writes.map((w) => w.paper.id), writes.map((w) => w.record), writes.map((w) => w.paper.upvotes ?? null), now, revision],
  );
}
