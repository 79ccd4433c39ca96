/**
 * Outgoing text safety. Slack's mrkdwn treats `<…>` as control sequences (`<!channel>`, `<@U123>`, `<url|label>`),
 * so every character that comes from a user or a paper is escaped before it is put in a message; only the
 * formatter's own links use `<` and `>`. Slack asks to escape exactly `&`, `<` and `>`
 * (https://docs.slack.dev/messaging/formatting-message-text#escaping, checked 2026-11).
 */
import { parseHttpUrl } from '../../src/links.js';

const WORD_JOINER = '\u2060';

/** `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`; nothing else changes. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Breaks the plain words `@channel`, `@here` and `@everyone` with an invisible word joiner. Escaping already
 * stops `<!channel>`; this also covers notification text and clients that parse the bare words.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/** Untrusted text for a mrkdwn field: escaped and with broadcast words broken. */
export function safeMrkdwn(text: string): string {
  return neutraliseMentions(escapeMrkdwn(text));
}

/**
 * Untrusted text for a `plain_text` object (headers, buttons). Slack shows plain text as is, but angle brackets
 * become look-alikes so that no `<!…>` sequence exists anywhere in what we send.
 */
export function safePlainText(text: string): string {
  return neutraliseMentions(text.replace(/</g, '‹').replace(/>/g, '›'));
}

/**
 * The URL as it may appear inside `<…|…>`, or `undefined` when it is not a plain http(s) URL. Paper records
 * carry links from third parties (GitHub repos, project pages): one with `|` or `>` could forge a second link.
 */
export function safeUrl(raw: string): string | undefined {
  const url = parseHttpUrl(raw);
  if (!url || /[\s<>|]/.test(url.href)) return undefined;
  return url.href.replace(/&/g, '&amp;');
}

/** A mrkdwn link `<url|label>` with the label made safe; just the safe label when the URL is not usable. */
export function mrkdwnLink(url: string, label: string): string {
  // A `|` in the label would end nothing, but a reader cannot tell it from the separator: use a look-alike.
  const text = safeMrkdwn(label.replace(/\|/g, '｜'));
  const href = safeUrl(url);
  return href ? `<${href}|${text}>` : text;
}
