import { analyze } from '../search/analyzer.js';
import { splitSentences } from './sentences.js';

/** How much one matched term weighs: rarer terms say more (idf). */
export type TermWeight = (term: string) => number;

/** Questions that ask for a quantity ("how much", "what score") are answered by sentences with numbers. */
const ASKS_FOR_NUMBER = /\b(how (much|many|fast|large|big|long)|number|score|accuracy|percent(age)?|speed-?up|faster|slower|rate)\b/i;
const HAS_NUMBER = /\d/;
/** "What is X?" asks for a definition; anything else about a paper mostly asks what it found. */
const ASKS_FOR_DEFINITION = /^\s*(what('s|\s+is|\s+are)|who|define|explain)\b|\bidea\b|\bwhat (is|are) (it|that|they)\b/i;
const DEFINITION_CUE = /\b(we (propose|present|introduce|develop|design)|namely|called|dubbed|termed|is an? )/i;
const FINDING_CUE = /\b(we (find|found|show|observe|achieve|demonstrate)|results? (show|demonstrate|indicate)|achiev|outperform|improv|best|demonstrat|significantly|surpass|reach)/i;
/** A sentence of the kind the question asks for counts this much more. */
const CUE_FACTOR = 1.3;
/** A sentence this short rarely stands alone ("We propose X."); quote the next one with it. */
const SHORT_SENTENCE = 80;

export interface PickedSentence {
  text: string;
  score: number;
  /** Position of the first sentence quoted. */
  index: number;
}

/**
 * The sentence of `text` that best answers a question: the most (idf-weighted) question terms, one with a
 * number when a quantity is asked for, more weight for a definition when one is asked for and for a reported
 * finding otherwise; earlier sentences win ties. A short sentence is quoted with the
 * next one. Returns undefined when no sentence shares a term with the question.
 */
export function pickSentence(text: string, question: string, questionTerms: ReadonlySet<string>, weight: TermWeight): PickedSentence | undefined {
  const sentences = splitSentences(text);
  const wantsNumber = ASKS_FOR_NUMBER.test(question);
  const cue = ASKS_FOR_DEFINITION.test(question) ? DEFINITION_CUE : FINDING_CUE;
  const scored = sentences.map((sentence, index) => ({
    text: sentence,
    index,
    score: sentenceScore(sentence, questionTerms, weight) * (cue.test(sentence) ? CUE_FACTOR : 1),
  }));
  // Asked for a number, quote a sentence that has one, as long as it is about the question at all.
  const withNumbers = scored.filter((s) => s.score > 0 && HAS_NUMBER.test(s.text));
  const candidates = wantsNumber && withNumbers.length > 0 ? withNumbers : scored;
  let best: PickedSentence | undefined;
  for (const sentence of candidates) if (sentence.score > 0 && (!best || sentence.score > best.score)) best = sentence;
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
