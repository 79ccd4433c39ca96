import { displayText } from '../../src/text.js';

/**
 * Makes text from users and papers safe to put inside Discord markdown: it cannot mention anyone, link anywhere,
 * or change the formatting around it. `allowed_mentions: { parse: [] }` already stops pings; escaping also stops
 * the text from *rendering* as a mention pill, a masked link, a heading or a code block.
 */

/** Zero-width characters and bidirectional controls: they hide or reorder text (e.g. an RTL override). */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/**
 * Characters with markdown meaning anywhere in a line. Discord honours a backslash before any ASCII punctuation,
 * so `\<@123>` shows the raw text instead of a mention and `\[a](b)` shows no link.
 */
const MARKDOWN = /[\\*_~|`<>[\]#]/g;
/** Markdown that only counts at the start of a line: list markers and numbered lists. */
const LINE_START = /^([-+]|\d+\.)(\s)/;
/** `@everyone` and `@here` ping without angle brackets; a zero-width space after `@` keeps them plain text. */
const MASS_MENTION = /@(everyone|here)/gi;
const ZERO_WIDTH_SPACE = '\u200B';

/** Display text with invisible and reordering characters removed; white space collapsed to single spaces. */
export function visibleText(raw: string): string {
  return displayText(raw.replace(INVISIBLE, ''));
}

/**
 * What a person typed, minus characters they cannot see (a zero-width space pasted inside "dif\u200Bfusion"
 * would otherwise split the word for the search). Nothing else changes: the core does its own parsing.
 */
export function typedText(raw: string): string {
  return raw.replace(INVISIBLE, '');
}

/** Escapes already visible text for use inside markdown. The result may be up to twice as long. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(MARKDOWN, (char) => `\\${char}`)
    .replace(LINE_START, '\\$1$2')
    .replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`);
}
