/**
 * What the parent and the index-building child process say to each other (see build-in-child.ts): the job goes
 * down as a JSON argument, and the child answers with JSON messages over the IPC channel. Both ends validate
 * what they receive, as any outside input.
 */
import { z } from 'zod';
import { CorpusError } from '../errors.js';

/** The one command-line argument of the child: what to build and where to save it. */
export const BuildJob = z.object({
  corpusPaths: z.array(z.string()).min(1),
  cacheDir: z.string().min(1),
  fingerprint: z.string().min(1),
});
export type BuildJob = z.infer<typeof BuildJob>;

const milliseconds = z.number().nonnegative();

/** An error as it crosses the process boundary: a `CorpusError` keeps its parts, so the parent can rethrow it. */
const SentError = z.object({
  name: z.string(),
  message: z.string(),
  corpus: z.object({ file: z.string(), line: z.number().int().optional(), expected: z.string() }).optional(),
});
type SentError = z.infer<typeof SentError>;

export const ChildMessage = z.discriminatedUnion('kind', [
  /** A corpus record that was skipped, as `LoadOptions.onSkip` reports it. */
  z.object({ kind: z.literal('skip'), file: z.string(), line: z.number().int(), reason: z.string() }),
  /** The index is built and, unless `notSaved` says why not, saved. */
  z.object({
    kind: z.literal('built'),
    papers: z.number().int().nonnegative(),
    phases: z.object({ read: milliseconds, index: milliseconds, save: milliseconds }),
    notSaved: z.string().optional(),
    peakRssBytes: z.number().nonnegative(),
  }),
  /** Reading or indexing the corpus failed. */
  z.object({ kind: z.literal('failed'), error: SentError }),
]);
export type ChildMessage = z.infer<typeof ChildMessage>;

export function sendableError(error: unknown): SentError {
  if (error instanceof CorpusError) return { name: error.name, message: error.message, corpus: { file: error.file, line: error.line, expected: error.expected } };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error the parent throws for one the child sent: the same class and message it would have thrown itself. */
export function receivedError(sent: SentError): Error {
  if (sent.corpus) return new CorpusError(sent.corpus.file, sent.corpus.line, sent.corpus.expected);
  const error = new Error(sent.message);
  error.name = sent.name;
  return error;
}
