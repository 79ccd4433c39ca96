import type { Paper } from '../types.js';

/**
 * The lasting state of daily papers, behind one small interface with two backends: the embedded SQLite file
 * (`sqlite-store.ts`) and PostgreSQL (`pg-store.ts`), held to the same specs (`test/store-contract.ts`). Every
 * method that writes is atomic: it either happens in full or not at all.
 */
export interface Store extends PaperStore, SubscriptionStore, PostingLog {
  close(): Promise<void>;
}

/** What an upsert did to each paper, by id. */
export interface UpsertResult {
  added: string[];
  /** Known papers whose stored record changed (new upvotes, stars, links …). */
  updated: string[];
  /** Known papers that came in again with nothing new. */
  unchanged: string[];
}

export interface PaperStore {
  /**
   * Adds new papers and merges known ones (same id; later values refresh counts, never blank out fields).
   * With `listedOn`, also records that the papers were on that day's Daily Papers list.
   */
  upsertPapers(papers: readonly Paper[], listedOn?: string): Promise<UpsertResult>;
  /** The papers listed on a day (ISO date), in no particular order. */
  papersListedOn(day: string): Promise<Paper[]>;
  /** The latest day with a listing, if any; with `onOrBefore` (ISO date), the latest up to that day. */
  latestListedDay(onOrBefore?: string): Promise<string | undefined>;
  /**
   * For the live index at start, in one consistent reading: every stored paper's revision, and the papers changed
   * after revision `after` (every paper when it is undefined).
   */
  papersChangedSince(after?: number): Promise<StoredPaperChanges>;
  /**
   * The papers written after revision `after`, in the order of their revisions, and the latest revision (`after`
   * when there is none): how a running process finds what others stored since it last looked. Revisions are
   * handed out in the order writes commit, so that nothing committed at or before the latest is ever missed.
   */
  papersAfter(after: number): Promise<{ revision: number; papers: Paper[] }>;
}

/** Each write of papers takes the next revision (1, 2, ...); a paper keeps the revision of its latest change. */
export interface StoredPaperChanges {
  /** Every stored paper's id, with the revision at which it last changed. */
  revisions: Map<string, number>;
  /** The papers asked for, in the order they were first stored. */
  papers: Paper[];
}

/** The chat platforms a subscription can live on. */
export type Platform = 'discord' | 'slack';

/** What a subscription posts on a day with no papers. */
export type EmptyDayPolicy = 'note' | 'silent';

/** One channel's daily digest settings; at most one per channel. */
export interface Subscription {
  platform: Platform;
  channelId: string;
  /** Local time of day, `HH:MM` (24 h). */
  time: string;
  /** IANA time zone name, e.g. `Europe/Paris`. */
  timezone: string;
  /** A query in the `/search` language; only matching papers are posted. */
  filter?: string;
  /** How many papers to post (1–25). */
  top: number;
  onEmptyDay: EmptyDayPolicy;
  /** Set when the channel was found deleted or closed to the bot; such subscriptions are not run. */
  unavailableSince?: string;
  unavailableReason?: string;
}

export interface SubscriptionStore {
  /** Creates or replaces the channel's subscription; a re-subscribe makes an unavailable channel active again. */
  subscribe(subscription: Subscription): Promise<void>;
  /** Removes the channel's subscription; false when there was none. */
  unsubscribe(platform: Platform, channelId: string): Promise<boolean>;
  subscription(platform: Platform, channelId: string): Promise<Subscription | undefined>;
  /** Every subscription, the unavailable ones included. */
  subscriptions(): Promise<Subscription[]>;
  markChannelUnavailable(platform: Platform, channelId: string, reason: string, at: Date): Promise<void>;
}

/**
 * The state of one channel's digest of one Hugging Face day.
 * - `waiting`: nothing was sent; a later run may try again (after `nextAttemptAt`).
 * - `pending`: the intent to send was written and the outcome is unknown (a send in flight, a crash, an error
 *   after the request left): resolve with the publisher before sending again.
 * - `sent`: posted, with the platform's message id. `skipped`: nothing to post by the subscription's choice.
 * - `abandoned`: given up for the day, with the reason.
 */
export type PostingStatus = 'waiting' | 'pending' | 'sent' | 'skipped' | 'abandoned';

export interface PostingRecord {
  digestKey: string;
  platform: Platform;
  channelId: string;
  /**
   * The Hugging Face day the digest lists (posted the local day after). Records written before digests listed the
   * day before have the local day they were posted on, which was also the day they listed.
   */
  day: string;
  status: PostingStatus;
  attempts: number;
  messageId?: string;
  lastError?: string;
  /** ISO timestamp before which no new attempt is made. */
  nextAttemptAt?: string;
  updatedAt: string;
  /** The owner of the latest claim (`Claimant.owner`), while it is held. */
  claimedBy?: string;
  /** ISO timestamp at which that claim ends unless renewed. */
  claimedUntil?: string;
}

/** The identity of one posting: a channel's digest of one Hugging Face day (see `PostingRecord.day`). */
export interface PostingRef {
  digestKey: string;
  platform: Platform;
  channelId: string;
  day: string;
}

/**
 * Who claims a posting: one process, and how long its claim lasts unless renewed. Several processes on one
 * database (replicas of `npm start`) each run the scheduler; a claim makes one of them the only one to post.
 */
export interface Claimant {
  /** Unique per process: `host:pid:random` (`src/claim/claimant.ts`). */
  owner: string;
  /** How long a claim lasts from its last renewal; after that, another process may take the posting over. */
  leaseMs: number;
}

export interface PostingLog {
  posting(digestKey: string): Promise<PostingRecord | undefined>;
  /**
   * Claims the posting for `claimant` until `at` + its lease, creating the posting (`waiting`, no attempt yet)
   * when it has no record. Atomic: of processes claiming at once, one wins. True when won, or renewed by the same
   * owner; false when the posting is finished (`sent`, `skipped`, `abandoned`) or another owner's claim is still
   * live at `at`. A claim whose lease ran out (its process died) is taken over: a `pending` posting is then in
   * doubt, and the new holder asks the platform before sending.
   */
  claim(ref: PostingRef, claimant: Claimant, at: Date): Promise<boolean>;
  /** Ends `owner`'s claim on the posting; nothing when another owner holds it now. */
  releaseClaim(digestKey: string, owner: string): Promise<void>;
  /**
   * Writes the intent to send and counts the attempt, only under `owner`'s claim. Fails (returns false) when the
   * posting is finished or another process holds its claim (this one's lapsed and was taken over), so that two
   * processes can never both send one digest.
   */
  recordIntent(digestKey: string, owner: string, at: Date): Promise<boolean>;
  /** Marks the posting sent with the platform's message id. */
  markSent(digestKey: string, messageId: string, at: Date): Promise<void>;
  /**
   * Records a failed attempt. `status` says what is known: `waiting` (nothing left the bot), `pending`
   * (possibly sent), `skipped` or `abandoned` (final for the day).
   */
  recordOutcome(ref: PostingRef, outcome: { status: Exclude<PostingStatus, 'sent'>; error?: string; retryAt?: Date }, at: Date): Promise<void>;
}
