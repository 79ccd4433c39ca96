import { ConfigError, CorpusError, isUserError } from '../../src/errors.js';

/** A mistake in the command's own arguments. */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

/**
 * Ends a command-line run on an error: a message a person can act on, never a stack trace, and exit code 1
 * (2 for a usage mistake). Faults that are not the user's print their message and a hint to report them.
 */
export function exitWithError(error: unknown): never {
  if (isUserError(error) || error instanceof CorpusError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`paperbot failed: ${error instanceof Error ? error.message : String(error)}\nPlease report this with the command you ran.\n`);
  process.exit(1);
}

/**
 * Ends the run quietly when whoever reads the output stops reading (`npm run ask -- … | head`): a closed pipe
 * is the reader's choice, not a fault, and deserves no stack trace.
 */
export function endQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    exitWithError(error);
  });
}
