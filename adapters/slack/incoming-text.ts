/**
 * Incoming text: Slack sends message and command text with its own markup (`<@U123>`, `<#C1|general>`,
 * `<https://x|label>`, `<!here>`) and with `&`, `<`, `>` encoded as entities. The core wants what the person typed.
 */

/** Markup sequences and what a reader sees for each. */
const MARKUP = /<([@#!])?([^<>|]*)(?:\|([^<>]*))?>/g;

/**
 * The question in a message addressed to the bot: mentions of the bot removed, other markup turned into the
 * words a reader sees (`<@U123>` → `@U123`, `<!channel>` → `@channel`, `<https://x|label>` → `label`), entities
 * decoded. The result is plain text: it must be escaped again before it is echoed (see `escape.ts`).
 */
export function questionFromText(text: string, botUserId?: string): string {
  return decodeEntities(
    text.replace(MARKUP, (_whole, sigil: string | undefined, target: string, label: string | undefined) => {
      if (sigil === '@' && botUserId && target === botUserId) return ' ';
      return readableMarkup(sigil, target, label);
    }),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function readableMarkup(sigil: string | undefined, target: string, label: string | undefined): string {
  if (sigil === '@') return `@${label ?? target}`;
  if (sigil === '#') return `#${label ?? target}`;
  if (sigil === '!') {
    // `<!subteam^S1|@team>`, `<!date^…|fallback>` carry their own readable label; `<!here>` does not.
    return label ?? `@${target.split('^')[0]}`;
  }
  return label ?? target.replace(/^mailto:/, '');
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
