/**
 * Two kinds of error, as in errbot: a `UserError` carries a reason the person can act on and is safe to show;
 * anything else is a fault, logged with its stack and answered with one constant apology.
 */
export class UserError extends Error {
  override name = 'UserError' as const;
}

/** A corpus file that cannot be read as what it claims to be; names the file and the line. */
export class CorpusError extends Error {
  override name = 'CorpusError' as const;

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly expected: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${expected}`);
  }
}

/** A missing or malformed setting; the message names the variable, never its value. */
export class ConfigError extends Error {
  override name = 'ConfigError' as const;
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The one message shown for faults that are not the user's to fix. */
export const APOLOGY = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';
