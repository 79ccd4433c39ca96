import { UserError } from '../errors.js';
import { isIsoDay } from '../iso-day.js';
import type { PaperStore } from '../store/store.js';
import type { Paper } from '../types.js';
import { buildDigest } from './build-digest.js';
import type { Digest, DigestNote } from './digest.js';
import { addDays, isDayOver, latestCompleteDay } from './digest-day.js';
import { checkedFilter } from './digest-filter.js';
import { searchWithin } from './search-within.js';

export interface DailyRequest {
  /** ISO date; default: the latest complete day as seen from `timezone` (see `latestCompleteDay`). */
  date?: string | undefined;
  now: Date;
  /** Whose "yesterday" a missing date means; default UTC. */
  timezone?: string | undefined;
  top: number;
  /** A query in the `/search` language, as typed: only the day's papers that match it are listed. */
  filter?: string | undefined;
}

export interface DailyDeps {
  store: Pick<PaperStore, 'papersListedOn' | 'latestListedDay'>;
  /** Fetches a day from Hugging Face (e.g. through `ingestDay`); without it only stored days are shown. */
  papersForDay?: (day: string) => Promise<readonly Paper[]>;
  /** The shipped corpus: its latest day is the answer when nothing was ever ingested. */
  corpus: () => readonly Paper[];
}

/**
 * `/daily [date]`: a digest on demand, its `note` saying how the day was chosen. A given date shows that day, even
 * one Hugging Face is still filling (`open`). No date shows what the channel's digests show: the latest complete
 * day (`latest`); when that has no papers or cannot be fetched, the latest stored day before it, else the latest
 * day of the shipped corpus (`fallback`). A filter lists only the matching papers (none matching: `empty` is
 * `no-matches`). Throws `UserError` for a malformed date or filter, or a day that cannot be fetched.
 */
export async function dailyDigest(request: DailyRequest, deps: DailyDeps): Promise<Digest> {
  // Checked first: a filter that cannot be searched must not cost a fetch from Hugging Face.
  const filter = checkedFilter(request.filter);
  const options = { top: request.top, ...(filter ? { filter } : {}) };
  if (request.date !== undefined) {
    if (!isIsoDay(request.date)) {
      throw new UserError(`"${request.date}" is not a date. Use YYYY-MM-DD, e.g. 2026-08-20.`);
    }
    const digest = digestOf(await papersOf(request.date, request.now, deps), request.date, options);
    return isDayOver(request.date, request.now) ? digest : { ...digest, note: { kind: 'open' } };
  }
  const day = latestCompleteDay(request.now, request.timezone ?? 'UTC');
  // Undefined when Hugging Face could not be reached and nothing was stored.
  const papers = await papersOf(day, request.now, deps).catch(() => undefined);
  if (papers && papers.length > 0) return { ...digestOf(papers, day, options), note: { kind: 'latest' } };
  const note: DigestNote = { kind: 'fallback', wanted: day, reason: papers ? 'empty' : 'unreachable' };
  const stored = await deps.store.latestListedDay(day);
  if (stored) return { ...digestOf(await deps.store.papersListedOn(stored), stored, options), note };
  const shipped = latestCorpusDay(deps.corpus());
  return { ...digestOf(shipped.papers, shipped.day ?? day, options), note };
}

/**
 * A day's papers: stored ones when the day has been over for a whole day (any copy from before its end was
 * refreshed by then, by the digests or `/daily`), else fresh from Hugging Face, the stored copy serving only when
 * the fetch fails.
 */
async function papersOf(day: string, now: Date, deps: DailyDeps): Promise<readonly Paper[]> {
  const stored = await deps.store.papersListedOn(day);
  const settled = isDayOver(addDays(day, 1), now);
  if ((stored.length > 0 && settled) || !deps.papersForDay) return stored;
  try {
    return await deps.papersForDay(day);
  } catch {
    if (stored.length > 0) return stored;
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
