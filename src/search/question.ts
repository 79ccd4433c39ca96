import { UserError } from '../errors.js';
import { normaliseTerm, scanWords } from './analyzer.js';

/** Longer questions are pasted documents, not questions; they would also slow every front end down. */
export const MAX_QUESTION_LENGTH = 1000;

/** Format characters (zero-width spaces and joiners, bidi overrides): they hide inside words, so they go. */
const INVISIBLE = /\p{Cf}+/gu;
/** Control characters (NUL, bell, tabs and newlines) separate words at most. */
const CONTROL = /\p{Cc}+/gu;

/**
 * How people ask what a short name means ("what does O-VIB stand for?", "SFT is short for what?"): words about the
 * name, not about a paper. Searched for, "stand" found a stand-up comedy paper first. Removed before the words are
 * read; the question is echoed as typed.
 */
const ASKING_WHAT_A_NAME_MEANS = /\b(?:stands?\s+for|short\s+for|(?:abbreviation|acronym)\s+(?:of|for))\b/gi;

/** A word of the question as typed, and the index term it searches for. */
export interface QueryWord {
  word: string;
  term: string;
  /**
   * A hyphenated compound written as one word ("down-sampling" → "downsampling"), added after the typed words so
   * that either spelling in a paper matches. Searched exactly: it is an extra chance, not something typed.
   */
  joined?: true;
}

export interface ParsedQuestion {
  /** The question with control characters removed and white space collapsed, for echoing back. */
  text: string;
  /** Distinct searchable words, in the order typed. */
  words: QueryWord[];
}

/**
 * Validates and normalises a question. Throws `UserError` with a reason a person can act on when there is
 * nothing to search for.
 */
export function parseQuestion(raw: string): ParsedQuestion {
  const text = tidyQuestion(raw);
  if (text === '') throw new UserError('Please ask a question or give a few words to search for.');
  if (text.length > MAX_QUESTION_LENGTH) {
    throw new UserError(`That is ${text.length.toLocaleString('en-US')} characters; please keep questions under ${MAX_QUESTION_LENGTH.toLocaleString('en-US')}.`);
  }
  const words = searchableWords(text.replace(ASKING_WHAT_A_NAME_MEANS, ' '));
  if (words.length === 0) {
    throw new UserError('I could not find any words to search for in that. Try naming a method, a task or a title, e.g. "attention sinks in language models".');
  }
  return { text, words };
}

/** The question with invisible and control characters removed and white space collapsed, for echoing back. */
export function tidyQuestion(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

function searchableWords(text: string): QueryWord[] {
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  const add = (word: string, joined: boolean) => {
    const term = normaliseTerm(word);
    if (!term || seen.has(term)) return;
    seen.add(term);
    words.push(joined ? { word, term, joined } : { word, term });
  };
  const { words: typed, compounds } = scanWords(text);
  for (const word of typed) add(word, false);
  for (const word of compounds) add(word, true);
  return words;
}
