import { createHash } from 'node:crypto';

/**
 * How a posted digest message names the digest it belongs to. Two marks, because each covers what the other
 * cannot: the `nonce` (with `enforce_nonce`) makes Discord itself drop a repeated send, but only for a few
 * minutes and it is not returned when reading history; the footer marker stays on the message, so
 * `findExisting` can find the post after any downtime.
 */

/** Discord's `nonce`: an integer or a string of at most 25 characters (resources/message.mdx, Create Message). */
export const NONCE_MAX_LENGTH = 25;
/** Hex characters of the key's hash shown in the footer: 48 bits, no collision among a channel's recent posts. */
const REF_LENGTH = 12;
const MARKER = /\bdigest ([0-9a-f]{12}) · part (\d+) of (\d+)$/;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A short, stable reference to a digest key (which holds a channel id and a date, too long for a nonce). */
export function digestRef(digestKey: string): string {
  return sha256(digestKey).slice(0, REF_LENGTH);
}

/** The nonce of one part: distinct per part, so that Discord's dedupe never merges two parts of one digest. */
export function partNonce(digestKey: string, part: number): string {
  return sha256(`${digestKey}#${part}`).slice(0, NONCE_MAX_LENGTH);
}

/** The footer text of one part, e.g. `paperbot · digest 3fa9c0e1b2d4 · part 1 of 3`. No markdown characters. */
export function partMarker(digestKey: string, part: number, parts: number): string {
  return `paperbot · digest ${digestRef(digestKey)} · part ${part} of ${parts}`;
}

/** The digest ref and part a footer names, if it is one of ours. */
export function readMarker(footer: string): { ref: string; part: number; parts: number } | undefined {
  const match = MARKER.exec(footer);
  if (!match) return undefined;
  return { ref: match[1]!, part: Number(match[2]), parts: Number(match[3]) };
}
