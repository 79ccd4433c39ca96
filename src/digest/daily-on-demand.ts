import { UserError } from '../errors.js';
import { isIsoDay } from '../iso-day.js';
import type { PaperStore } from '../store/store.js';
import type { Paper } from '../types.js';
import { buildDigest } from './build-digest.js';
import type { Digest } from './digest.js';
import { localMoment } from './local-time.js';
import { searchWithin } from './search-within.js';

export interface DailyRequest {
  /** ISO date; default: today in `timezone`, or the latest day known when today has nothing yet. */
  date?: string | undefined;
  now: Date;
  /** For "today"; default UTC. */
  timezone?: string | undefined;
  top: number;
  filter?: string | undefined;
}

export interface DailyDeps {
  store: Pick<PaperStore, 'papersListedOn' | 'latestListedDay'>;
  /** Fetches a day not stored yet (e.g. through `ingestDay`); without it only stored days are shown. */
  papersForDay?: (day: string) => Promise<readonly Paper[]>;
  /** The shipped corpus: its latest day is the answer when nothing was ever ingested. */
  corpus: () => readonly Paper[];
}

/**
 * `/daily [date]`: a digest on demand. A given date shows that day (fetched if not stored). No date shows today,
 * else the latest stored day, else (nothing ingested, the embedded default) the latest day of the shipped corpus;
 * the digest's `date` says which. Throws `UserError` for a malformed date or a day that cannot be fetched.
 */
export async function dailyDigest(request: DailyRequest, deps: DailyDeps): Promise<Digest> {
  const options = { top: request.top, ...(request.filter ? { filter: request.filter } : {}) };
  if (request.date !== undefined) {
    if (!isIsoDay(request.date)) {
      throw new UserError(`"${request.date}" is not a date. Use YYYY-MM-DD, e.g. 2026-08-20.`);
    }
    return digestOf(await papersOf(request.date, deps), request.date, options);
  }
  const today = localMoment(request.now, request.timezone ?? 'UTC').day;
  // Today may not be listed yet (early morning, HF unreachable): the latest known day is then the better answer.
  const todays = await papersOf(today, deps).catch(() => []);
  if (todays.length > 0) return digestOf(todays, today, options);
  const latest = deps.store.latestListedDay();
  if (latest) return digestOf(deps.store.papersListedOn(latest), latest, options);
  const shipped = latestCorpusDay(deps.corpus());
  return digestOf(shipped.papers, shipped.day ?? today, options);
}

async function papersOf(day: string, deps: DailyDeps): Promise<readonly Paper[]> {
  const stored = deps.store.papersListedOn(day);
  if (stored.length > 0 || !deps.papersForDay) return stored;
  try {
    return await deps.papersForDay(day);
  } catch {
    throw new UserError(`I could not fetch the papers of ${day} from Hugging Face just now. Please try again later.`);
  }
}

function digestOf(papers: readonly Paper[], date: string, options: { top: number; filter?: string }): Digest {
  return buildDigest(papers, { date, ...options, search: searchWithin(papers) });
}

/**
 * The papers of the corpus's latest day: the latest ISO `featuredOn`, else the most common `published` label (the
 * shipped page text says "Mar 13", with no year, for all its papers).
 */
export function latestCorpusDay(papers: readonly Paper[]): { day?: string; papers: readonly Paper[] } {
  const featured = papers.map((paper) => paper.featuredOn).filter((day): day is string => day !== undefined).sort();
  const latest = featured.at(-1);
  if (latest) return { day: latest, papers: papers.filter((paper) => paper.featuredOn === latest) };
  const counts = new Map<string, number>();
  for (const paper of papers) if (paper.published) counts.set(paper.published, (counts.get(paper.published) ?? 0) + 1);
  const label = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return label ? { day: label, papers: papers.filter((paper) => paper.published === label) } : { papers };
}
