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

/** Splits on everything that is not a letter or a digit, so "GPT-4o" → ["GPT", "4o"] and "Lift3D" stays whole. */
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;
const DIACRITICS = /\p{M}/gu;
/** Terms longer than this are hashes, URLs run together or garbage, never something a person types. */
const MAX_TERM_LENGTH = 40;

/** Hyphenated compounds ("down-sampling", "Margin-MSE"), which people also write as one word. */
const COMPOUND = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+){1,2}(?![\p{L}\p{N}-])/gu;

/**
 * Splits text into raw words (not yet normalised). A hyphenated compound yields its parts and the joined word,
 * so "down-sampling" is found by "downsampling" and by "down sampling".
 */
export function tokenize(text: string): string[] {
  return [...splitWords(text), ...joinedCompounds(text)];
}

/** The words of a text, split at anything that is not a letter or a digit. */
export function splitWords(text: string): string[] {
  return text.split(WORD_SEPARATOR).filter((word) => word.length > 0);
}

/** Each hyphenated compound of a text, written as one word: "down-sampling" → "downsampling". */
export function joinedCompounds(text: string): string[] {
  return Array.from(text.matchAll(COMPOUND), (compound) => compound[0].replaceAll('-', ''));
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
  return /^[a-z]+$/.test(lower) ? stemmer(lower) : lower;
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
