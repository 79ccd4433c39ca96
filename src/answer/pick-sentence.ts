import { analyze } from '../search/analyzer.js';
import { splitSentences } from './sentences.js';

/** How much one matched term weighs: rarer terms say more (idf). */
export type TermWeight = (term: string) => number;

/** Questions that ask for a quantity ("how much", "what score") are answered by sentences with numbers. */
const ASKS_FOR_NUMBER = /\b(how (much|many|fast|faster|large|big|well|long)|what (score|number|accuracy|percentage|speed-?up)|by how|speed-?up|score)\b/i;
const HAS_NUMBER = /\d/;
const NUMBER_BONUS = 1.5;
/** A sentence this short rarely stands alone ("We propose X."); quote the next one with it. */
const SHORT_SENTENCE = 80;

export interface PickedSentence {
  text: string;
  score: number;
  /** Position of the first sentence quoted. */
  index: number;
}

/**
 * The sentence of `text` that best answers a question: the most (idf-weighted) question terms, a bonus for
 * numbers when a quantity is asked for, earlier sentences winning ties. A short sentence is quoted with the
 * next one. Returns undefined when no sentence shares a term with the question.
 */
export function pickSentence(text: string, question: string, questionTerms: ReadonlySet<string>, weight: TermWeight): PickedSentence | undefined {
  const sentences = splitSentences(text);
  const wantsNumber = ASKS_FOR_NUMBER.test(question);
  let best: PickedSentence | undefined;
  for (const [index, sentence] of sentences.entries()) {
    const score = sentenceScore(sentence, questionTerms, weight) + (wantsNumber && HAS_NUMBER.test(sentence) ? NUMBER_BONUS : 0);
    if (score > 0 && (!best || score > best.score)) best = { text: sentence, score, index };
  }
  if (!best) return undefined;
  const next = sentences[best.index + 1];
  if (best.text.length < SHORT_SENTENCE && next) best = { ...best, text: `${best.text} ${next}` };
  return best;
}

function sentenceScore(sentence: string, questionTerms: ReadonlySet<string>, weight: TermWeight): number {
  let score = 0;
  for (const term of new Set(analyze(sentence))) if (questionTerms.has(term)) score += weight(term);
  return score;
}
