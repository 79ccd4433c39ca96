/**
 * What every front end says for the kinds of answer that quote nothing (types.ts `AnswerKind`), so that Discord,
 * Slack and the terminal say the same.
 */

/** A question the library has nothing on (`not-in-library`): said instead of a quote. */
export const NOT_IN_LIBRARY = 'The library has nothing on that, as far as I can tell.';
/** The heading of the papers listed under `NOT_IN_LIBRARY`: they share some words with the question, no more. */
export const POSSIBLY_RELATED = 'Possibly related';
