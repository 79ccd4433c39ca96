/**
 * Ends the index-building child process soon after its parent is gone, even in the middle of a step that keeps
 * its main thread busy for seconds (indexing 75k papers is one synchronous call of 12-25 s). The IPC channel's
 * 'disconnect' event says the same, but only once the main thread is free to handle it: by then an orphan
 * has spent the whole step's CPU on an index nobody waits for, and may have started to save it.
 */
import { Worker } from 'node:worker_threads';

/**
 * How often the watching thread looks for its parent: a parent gone is noticed within this time. The check
 * is one system call (getppid).
 */
const PARENT_CHECK_INTERVAL_MS = 200;

/**
 * The watching thread, as plain JavaScript: it starts without the TypeScript loader the child runs under. An
 * orphan is adopted by another process (init or a subreaper), which changes its parent id. The main thread may
 * be busy, so the thread ends the whole process itself, with SIGKILL: nothing the process would do on its way
 * out (finishing a save) is wanted. Files are saved under temporary names and renamed, so none is left half
 * written under its real name (saved-index.ts).
 */
const WATCHER_SOURCE = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.parentPid) process.kill(process.pid, 'SIGKILL');
}, workerData.intervalMs);
`;

/** Starts a thread that ends this process when its parent, as of now, is gone. It never keeps the process alive. */
export function exitWithParent(): void {
  const workerData = { parentPid: process.ppid, intervalMs: PARENT_CHECK_INTERVAL_MS };
  // No inherited flags: the child's `--import tsx` would load the TypeScript loader into this thread too.
  const watcher = new Worker(WATCHER_SOURCE, { eval: true, workerData, execArgv: [] });
  watcher.unref();
}
