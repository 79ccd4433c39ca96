import type { ReadyEvent } from '../src/library.js';
import type { Logger } from '../src/logger.js';

/** What `npm start` says once the index serves: how it was opened, and how the stored papers joined it. */
export function logReady(event: ReadyEvent, log: Logger): void {
  const builder = event.child ? { builtBy: 'child process', childPeakRssMiB: Math.round(event.child.peakRssBytes / 2 ** 20) } : {};
  const snapshot = event.stored?.snapshot === undefined ? {} : { snapshotOfStoreRevision: event.stored.snapshot };
  log.info(`Index ${event.source}`, { papers: event.papers, milliseconds: Math.round(event.milliseconds), ...builder, ...snapshot });
  if (event.childFailed) log.warn('Building the index in a child process failed; this process built it', { reason: event.childFailed });
  if (event.notSaved) log.warn('The index was not saved; the next start builds it again', { reason: event.notSaved });
  if (!event.stored) return;
  const { summary, snapshotRejected, snapshotSaved, snapshotNotSaved } = event.stored;
  // Papers that were already in the snapshot, or came back unchanged, are not news.
  if (summary.added + summary.updated > 0) log.info('Added ingested papers', { added: summary.added, updated: summary.updated });
  if (snapshotRejected) log.warn('The saved snapshot with the ingested papers could not serve; they were all added again', { reason: snapshotRejected });
  if (snapshotSaved !== undefined) log.info('Saved the index with the ingested papers, for the next start', { storeRevision: snapshotSaved });
  if (snapshotNotSaved) log.warn('The index with the ingested papers was not saved; the next start adds them again', { reason: snapshotNotSaved });
}
