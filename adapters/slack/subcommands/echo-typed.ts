import { truncate } from '../../../src/text.js';

/** Typed text is echoed back this short: enough to recognise, not a wall of text. */
const ECHO_ROOM = 120;

/** What the person typed, quoted and cut short, for a reply that says it was not understood. */
export function echoTyped(text: string): string {
  return `“${truncate(text, ECHO_ROOM)}”`;
}
