import { stemmer } from 'stemmer';
import { eng as ENGLISH_STOP_WORDS } from 'stopword';

/**
 * Words that carry no topic in a question to a paper bot: the `stopword` package's English list plus the
 * phrasing people wrap their questions in ("which papers …", "tell me about …", "what's the idea").
 */
const QUESTION_WORDS = [
  'paper', 'papers', 'article', 'articles', 'study', 'studies', 'anything', 'something', 'tell', 'explain',
  'find', 'show', 'know', 'about', 'please', 'idea', 'whats', 'what', 'which', 'does', 'do', 'did', 'is', 'are',
  'there', 'any', 'one', 'ones', 'thing', 'things', 'use', 'uses', 'using', 'used', 'work', 'works', 'kind',
  's', 't', 'd', 're', 've', 'll', 'm', 'vs', 'etc', 'eg', 'ie', 'al', 'et', 'via', 'also', 'yet', 'however',
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH_STOP_WORDS, ...QUESTION_WORDS]);

const DIACRITICS = /\p{M}/gu;
/** Terms longer than this are hashes, URLs run together or garbage, never something a person types. */
const MAX_TERM_LENGTH = 40;
/** A hyphenated compound of two or three parts ("down-sampling", "text-to-image") is also indexed joined. */
const MAX_COMPOUND_PARTS = 3;
const HYPHEN = 0x2d;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The words of a text, and its hyphenated compounds written as one word ("down-sampling" → "downsampling"). */
export interface ScannedWords {
  words: string[];
  compounds: string[];
}

/**
 * Splits a text at everything that is not a letter or a digit, in one pass over its characters: indexing
 * 75,000 abstracts spends most of its time here, and a Unicode-aware regular expression was three times slower.
 */
export function scanWords(text: string): ScannedWords {
  const words: string[] = [];
  const compounds: string[] = [];
  forEachWord(
    text,
    (start, end) => words.push(text.slice(start, end)),
    (start, end) => compounds.push(joinCompound(text, start, end)),
  );
  return { words, compounds };
}

/**
 * Reports where each word of `text` starts and ends, and each hyphenated compound of two or three words after
 * its last word: the positions let a caller look words up without first copying each into a string of its own.
 */
export function forEachWord(text: string, onWord: (start: number, end: number) => void, onCompound: (start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    while (i < text.length && wordCharLength(text, i) === 0) i += 1;
    if (i >= text.length) break;
    const compoundStart = i;
    let parts = 0;
    for (;;) {
      const start = i;
      for (let step = wordCharLength(text, i); step > 0; step = wordCharLength(text, i)) i += step;
      onWord(start, i);
      parts += 1;
      if (text.charCodeAt(i) !== HYPHEN || wordCharLength(text, i + 1) === 0) break;
      i += 1;
    }
    if (parts >= 2 && parts <= MAX_COMPOUND_PARTS) onCompound(compoundStart, i);
  }
}

/** "down-sampling" → "downsampling". */
export function joinCompound(text: string, start: number, end: number): string {
  return text.slice(start, end).replaceAll('-', '');
}

/** How many UTF-16 units the letter or digit at `i` takes (0 when it is neither). */
function wordCharLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
  if (Number.isNaN(code)) return 0;
  const point = text.codePointAt(i)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

/** Splits text into raw words (not yet normalised), hyphenated compounds also joined. */
function tokenize(text: string): string[] {
  const { words, compounds } = scanWords(text);
  return compounds.length === 0 ? words : [...words, ...compounds];
}

const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 500_000;

/**
 * Normalises one word to an index term: lowercase, no diacritics, Porter-stemmed; `null` for stop words, lone
 * characters and over-long tokens. Memoised, since a corpus repeats its words millions of times.
 */
export function normaliseTerm(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const term = computeTerm(word);
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(word, term);
  return term;
}

function computeTerm(word: string): string | null {
  const lower = word.toLowerCase().normalize('NFD').replace(DIACRITICS, '');
  if (lower.length > MAX_TERM_LENGTH || STOP_WORDS.has(lower)) return null;
  if (lower.length < 2 && !/\d/.test(lower)) return null;
  // Stem only plain words: "llms" → "llm", but "gpt4", "3d" and "2503" are names and numbers, kept as typed.
  return isPlainWord(lower) ? stemmer(lower) : lower;
}

/** Letters a to z only: a word the stemmer treats, not a name or number such as "gpt4" or "3d". */
export function isPlainWord(term: string): boolean {
  return PLAIN_WORD.test(term);
}

const PLAIN_WORD = /^[a-z]+$/;

/** An index term and the first word of a text that gave it, as written ("attention" for "attent"). */
export interface TermAsWritten {
  term: string;
  word: string;
}

/** The index terms of a text, in order, stop words removed, each with the word it was read from. */
export function analyzeAsWritten(text: string): TermAsWritten[] {
  const terms: TermAsWritten[] = [];
  const add = (word: string, joined: string) => {
    const term = normaliseTerm(joined);
    if (term) terms.push({ term, word });
  };
  forEachWord(
    text,
    (start, end) => add(text.slice(start, end), text.slice(start, end)),
    (start, end) => add(text.slice(start, end), joinCompound(text, start, end)),
  );
  return terms;
}

/** The index terms of a text, in order, stop words removed. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const term = normaliseTerm(word);
    if (term) terms.push(term);
  }
  return terms;
}
