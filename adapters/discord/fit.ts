import { truncate } from '../../src/text.js';
import { parseHttpUrl } from '../../src/links.js';
import { escapeMarkdownText, visibleText } from './escape.js';

/**
 * Cleans, trims (at a word boundary, with an ellipsis) and escapes `raw` so that the escaped result is at most
 * `max` characters. Trimming happens before escaping, so an escape sequence or a mention guard is never cut in half.
 */
export function fitText(raw: string, max: number): string {
  const clean = visibleText(raw);
  let budget = max;
  for (;;) {
    const escaped = escapeMarkdownText(truncate(clean, budget));
    if (escaped.length <= max) return escaped;
    if (budget <= 1) return '';
    // An escape at most doubles a character, so cutting half the overflow is the least that can suffice;
    // the budget shrinks on every pass, so the loop ends.
    budget = Math.max(1, budget - Math.ceil((escaped.length - max) / 2));
  }
}

/** Clean and trimmed but not escaped: for places Discord shows literally (autocomplete names, button labels). */
export function fitPlain(raw: string, max: number): string {
  return truncate(visibleText(raw), max);
}

const MAX_URL_LENGTH = 2048;

/**
 * The URL if it is a well-formed http(s) address, with parentheses encoded so it cannot close a markdown link
 * early; otherwise undefined (Discord rejects an embed whose `url` is not a valid URL with 50035).
 */
export function safeUrl(raw: string | undefined): string | undefined {
  const url = parseHttpUrl(raw);
  if (!url) return undefined;
  const href = url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return href.length <= MAX_URL_LENGTH ? href : undefined;
}

/** A masked link whose label is escaped text; `undefined` when the URL is not safe. */
export function maskedLink(label: string, raw: string | undefined): string | undefined {
  const url = safeUrl(raw);
  return url ? `[${label}](${url})` : undefined;
}
