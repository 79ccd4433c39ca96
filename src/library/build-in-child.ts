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
 * The child ended without a result: it could not start, crashed, was killed, or said something unreadable. The
 * build itself may still succeed in this process; an error the build reported (a bad corpus file) is thrown as
 * itself instead.
 */
export class ChildBuildFailure extends Error {
  override name = 'ChildBuildFailure' as const;
}

/** The child's entry module, in the language this module runs in (TypeScript under tsx or vitest, or built JavaScript). */
const CHILD_ENTRY = new URL(`./child-build-entry.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * How much of the child's stderr a failure's message quotes: its start, where Node puts an uncaught error's
 * message and V8 its out-of-memory report, both followed by long stack traces.
 */
const STDERR_KEPT_CHARS = 1000;

/**
 * Builds and saves the index in a short-lived child process, reporting skipped corpus records through
 * `onSkip` as they come. Settles only once the child has exited, so that its memory is back with the system
 * before the caller loads the saved index. `entry` replaces the child's module (tests).
 *
 * A process rather than a worker thread: at 75k papers, a worker that built the index and exited left its
 * process at 193 MiB RSS, which then settled at 615 MiB after loading the saved index, with a
 * 1.19 GB peak shared with the worker; with a child process, 510 MiB and 808 MiB.
 */
export function buildInChild(job: BuildJob, options: LoadOptions & { entry?: URL } = {}): Promise<ChildBuild> {
  const entry = options.entry ?? CHILD_ENTRY;
  return new Promise((resolve, reject) => {
    const child = fork(entry, [JSON.stringify(job)], { execArgv: childExecArgv(entry), stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let outcome: ChildBuild | Error | undefined;
    let stderr = '';
    const stop = (error: Error) => {
      outcome ??= error;
      child.kill();
    };
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
    // 'close' follows 'exit' once stderr and the IPC channel are closed too: every message has arrived by then.
    child.on('close', (code, signal) => {
      if (outcome === undefined) reject(new ChildBuildFailure(`The index-building process ended (${signal ?? `exit code ${code}`}) without a result${quoted(stderr)}`));
      else if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    });
    // Only when it could not be started (or killed): then no 'close' may follow.
    child.on('error', (error) => {
      if (child.pid === undefined) reject(new ChildBuildFailure(`The index-building process could not start: ${error.message}`));
    });
  });
}

function quoted(stderr: string): string {
  const text = stderr.trim();
  return text ? `:\n${text}` : '';
}
