/**
 * The child process that builds and saves an index for the serving process (see build-in-child.ts). It reads
 * its job from its one argument, reports each skipped corpus record and then its result or its error as JSON
 * messages, and exits: the memory a build leaves behind (fragmented heap, minisearch's serialized copy) goes
 * back to the system with the process.
 */
import { buildIndex } from './build-index.js';
import { BuildJob, sendableError, type ChildMessage } from './child-messages.js';
import { exitWithParent } from './exit-with-parent.js';

/**
 * A parent that is gone cannot use the index: stop rather than finish a build nobody waits for. 'disconnect'
 * comes between steps; the watching thread of `exitWithParent` also during the long synchronous ones.
 */
const stopWithoutParent = () => process.exit(1);
process.on('disconnect', stopWithoutParent);
exitWithParent();

try {
  const job = BuildJob.parse(JSON.parse(process.argv[2] ?? ''));
  const built = await buildIndex(job.corpusPaths, job.fingerprint, {
    cacheDir: job.cacheDir,
    onSkip: (file, record) => void send({ kind: 'skip', file, line: record.line, reason: record.reason }),
  });
  // maxRSS is in kibibytes.
  await send({ kind: 'built', papers: built.papers.length, phases: built.phases, notSaved: built.notSaved, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
} catch (error) {
  await send({ kind: 'failed', error: sendableError(error) });
}
process.off('disconnect', stopWithoutParent);
process.disconnect();

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) throw new Error('child-build-entry.ts runs only as a child process started by buildInChild');
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}
