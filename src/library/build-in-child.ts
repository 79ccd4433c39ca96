import { fork } from 'node:child_process';
import type { LoadOptions } from '../corpus/load.js';
import type { BuildPhases } from './build-index.js';
import { ChildMessage, receivedError, type BuildJob } from './child-messages.js';
import { childExecArgv } from './child-exec-argv.js';

/** What a child process reports once it has built (and, unless `notSaved` says why not, saved) an index. */
export interface ChildBuild {
  papers: number;
  phases: BuildPhases;
  notSaved?: string;
  /** The child's peak resident memory. */
  peakRssBytes: number;
}

/**
 * The child ended without a result: it could not start, crashed, was killed, took too long, or said something
 * unreadable. The build itself may still succeed in this process; an error the build reported (a bad corpus file)
 * is thrown as itself instead.
 */
export class ChildBuildFailure extends Error {
  override name = 'ChildBuildFailure' as const;
}

export interface ChildOptions extends LoadOptions {
  /** How long the child may take; default `CHILD_BUILD_TIMEOUT_MS`. */
  timeoutMs?: number;
}

/** The child's entry module, in the language this module runs in (TypeScript under tsx or vitest, or built JavaScript). */
const CHILD_ENTRY = new URL(`./child-build-entry.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * How much of the child's stderr a failure's message quotes: its start, where Node puts an uncaught error's
 * message and V8 its out-of-memory report, both followed by long stack traces.
 */
const STDERR_KEPT_CHARS = 1000;

/**
 * How long the child may take before it is stopped and this process builds the index instead. The child builds
 * the 74,728 arXiv cs papers of ../shared/corpus in 15-20 s on 2 quiet cores and 25-30 s on busy ones (measured
 * 2026-11-27), and the time grows with the corpus (docs/performance.md): 5 minutes leaves room for several
 * times that corpus on a slower machine, and still ends a child that hangs (on a stalled disk, say) before the bot
 * has been silent long.
 */
export const CHILD_BUILD_TIMEOUT_MS = 5 * 60_000;

/**
 * How long a child has to end after SIGTERM before it gets SIGKILL. The child sets no SIGTERM handler, so it ends
 * at once unless something it loaded holds the signal back.
 */
const KILL_GRACE_MS = 2_000;

/**
 * Builds and saves the index in a short-lived child process, reporting skipped corpus records through
 * `onSkip` as they come. Settles only once the child has exited, so that its memory is back with the system
 * before the caller loads the saved index. A child that has not ended after `timeoutMs` (default
 * `CHILD_BUILD_TIMEOUT_MS`) is stopped, and the build fails with a `ChildBuildFailure`. `entry` replaces the child's module (tests).
 *
 * A process rather than a worker thread: at 75k papers, a worker that built the index and exited left its
 * process at 193 MiB RSS, which then settled at 615 MiB after loading the saved index, with a
 * 1.19 GB peak shared with the worker; with a child process, 510 MiB and 808 MiB.
 */
export function buildInChild(job: BuildJob, options: ChildOptions & { entry?: URL } = {}): Promise<ChildBuild> {
  const entry = options.entry ?? CHILD_ENTRY;
  const timeoutMs = options.timeoutMs ?? CHILD_BUILD_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = fork(entry, [JSON.stringify(job)], { execArgv: childExecArgv(entry), stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let outcome: ChildBuild | Error | undefined;
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (error: Error) => {
      outcome ??= error;
      child.kill('SIGTERM');
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    const timeout = setTimeout(() => stop(new ChildBuildFailure(`The index-building process had not finished after ${seconds(timeoutMs)} and was stopped${quoted(stderr)}`)), timeoutMs);
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(0, STDERR_KEPT_CHARS)));
    child.on('message', (raw) => {
      const parsed = ChildMessage.safeParse(raw);
      if (!parsed.success) return stop(new ChildBuildFailure(`The index-building process sent an unreadable message (${parsed.error.issues[0]?.message})`));
      const message = parsed.data;
      if (message.kind === 'failed') outcome ??= receivedError(message.error);
      else if (message.kind === 'built') outcome ??= { papers: message.papers, phases: message.phases, notSaved: message.notSaved, peakRssBytes: message.peakRssBytes };
      else {
        try {
          options.onSkip?.(message.file, { line: message.line, reason: message.reason });
        } catch (error) {
          // As when this process reads the corpus: the caller's own error ends the opening.
          stop(error instanceof Error ? error : new Error(String(error)));
        }
      }
    });
    const clearTimers = () => {
      clearTimeout(timeout);
      clearTimeout(killTimer);
    };
    // 'close' follows 'exit' once stderr and the IPC channel are closed too: every message has arrived by then.
    child.on('close', (code, signal) => {
      clearTimers();
      if (outcome === undefined) reject(new ChildBuildFailure(`The index-building process ended (${signal ?? `exit code ${code}`}) without a result${quoted(stderr)}`));
      else if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    });
    // When it could not be started, no 'close' may follow; a failed kill or send is followed by one.
    child.on('error', (error) => {
      if (child.pid !== undefined) return;
      clearTimers();
      reject(new ChildBuildFailure(`The index-building process could not start: ${error.message}`));
    });
  });
}

function seconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(1))} s`;
}

function quoted(stderr: string): string {
  const text = stderr.trim();
  return text ? `:\n${text}` : '';
}
