/** Platform-neutral text helpers: display clean-up, trimming, slugs. Stored text is never rewritten. */

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters (code units), at a word boundary where one is near, ending with an
 * ellipsis when anything was cut. Never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = max - ELLIPSIS.length;
  if (isLowSurrogate(text.charCodeAt(cut))) cut -= 1;
  const head = text.slice(0, cut);
  const lastSpace = head.search(/\s\S*$/);
  // Prefer a word boundary unless it would throw away more than half of the room (one very long word).
  const kept = lastSpace > cut * 0.5 ? head.slice(0, lastSpace) : head;
  return kept.trimEnd() + ELLIPSIS;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Text for display: LaTeX leftovers of arXiv abstracts (`\emph{x}`, `\%`, `$\ell_2$`, `{GarDiff}`) become plain
 * text, control characters go, white space collapses. Use on titles, abstracts and snippets before rendering.
 */
export function displayText(raw: string): string {
  return raw
    .replace(/\\(?:emph|textbf|textit|texttt|mathrm|mathbf|mathcal|text|url|textsc|underline)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\$([^$]{0,200})\$/g, (_, math: string) => plainMath(math))
    .replace(/\\([%&#_$])/g, '$1')
    .replace(/\\(?:cite|ref)\{[^{}]*\}/g, '')
    .replace(/\{([^{}]*)\}/g, '$1')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `\ell_2` → `ℓ2`, `\times` → `×`, `10^{3}` → `10^3`: enough to read, not a TeX renderer. */
function plainMath(math: string): string {
  const symbols: Record<string, string> = {
    ell: 'ℓ', times: '×', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', lambda: 'λ',
    mu: 'μ', sigma: 'σ', tau: 'τ', theta: 'θ', pi: 'π', leq: '≤', geq: '≥', le: '≤', ge: '≥', sim: '~',
    approx: '≈', pm: '±', cdot: '·', infty: '∞', rightarrow: '→', to: '→',
  };
  return math
    .replace(/\\([a-zA-Z]+)/g, (whole, name: string) => symbols[name] ?? name)
    .replace(/[_^]\{([^{}]*)\}/g, (whole: string, inner: string) => (whole.startsWith('^') ? `^${inner}` : inner))
    .replace(/_(\w)/g, '$1')
    .replace(/[{}]/g, '')
    .trim();
}

const SLUG_LENGTH = 80;

/** The title slug: lowercase, runs of other characters than a-z and 0-9 to `-`, cut to 80, no `-` at either end. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, SLUG_LENGTH)
    .replace(/-+$/, '');
}

/** "A, B and C", or "A, B, C et al." past `max` names. */
export function formatAuthors(authors: readonly string[], max = 3): string {
  if (authors.length === 0) return '';
  if (authors.length > max) return `${authors.slice(0, max).join(', ')} et al.`;
  if (authors.length === 1) return authors[0]!;
  return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

/** `1 paper`, `2 papers`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * A message that, alone, asks a chat bot what it can do rather than asks about papers: "help", "hi", "commands?".
 * Searched for, such words match nothing useful ("help" is in many abstracts), so chat adapters show their help.
 */
const HELP_REQUEST = /^(?:help|usage|commands|hi|hello|hey)[\s.!?]*$/i;

export function asksForHelp(text: string): boolean {
  return HELP_REQUEST.test(text.trim());
}
