import type { PaperLinks } from '../types.js';

/**
 * One day's digest as platform-neutral data: the core picks and words it, each adapter renders it (embeds,
 * Block Kit, plain text) and splits it across messages when it does not fit one.
 */
export interface Digest {
  /** The day the papers were listed on, ISO date. */
  date: string;
  /** Papers that day (matching the filter, if any); `entries` holds the first `top` of them. */
  total: number;
  entries: DigestEntry[];
  filter?: string;
  /** Set when there is nothing to list: no papers that day at all, or none matching the filter. */
  empty?: 'no-papers' | 'no-matches';
  /** Why an on-demand digest shows this day, for the reply to say; scheduled digests have none. */
  note?: DigestNote;
}

/**
 * How `/daily` chose its day. Scheduled digests need no note: they always list the complete day before their own.
 * - `latest`: no day asked for: the latest complete day (`latestCompleteDay`), the list of the channel's latest digest.
 * - `open`: a day not over yet in UTC: Hugging Face may still add papers to it.
 * - `fallback`: no day asked for, and `wanted`, the latest complete day, had no papers (`empty`) or could not be
 *   fetched (`unreachable`): the latest day known before it instead.
 */
export type DigestNote =
  | { kind: 'latest' }
  | { kind: 'open' }
  | { kind: 'fallback'; wanted: string; reason: 'empty' | 'unreachable' };

export interface DigestEntry {
  paperId: string;
  /** Display text (LaTeX leftovers cleaned). */
  title: string;
  /** The link for the title. */
  link: string;
  /** One line: the AI summary where HF has one, else the abstract's first sentence. */
  summary: string;
  upvotes?: number;
  links: PaperLinks;
}
