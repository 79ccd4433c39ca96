import { displayText, truncate } from '../text.js';

export const SNIPPET_LENGTH = 220;

/**
 * A short passage of `abstract` around the first of `words` it contains (case-insensitive), cut at word
 * boundaries; the abstract's opening when none is found. Cleaned for display.
 */
export function makeSnippet(abstract: string, words: readonly string[], length = SNIPPET_LENGTH): string {
  const text = displayText(abstract);
  const lower = text.toLowerCase();
  const positions = words.map((word) => lower.indexOf(word.toLowerCase())).filter((at) => at >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  if (first < length / 2) return truncate(text, length);
  const start = text.lastIndexOf(' ', first - Math.floor(length / 4)) + 1;
  return `…${truncate(text.slice(start), length - 1)}`;
}
