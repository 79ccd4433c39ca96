import { analyze } from '../search/analyzer.js';
import { splitSentences } from './sentences.js';

/** How much one matched term weighs: rarer terms say more (idf). */
export type TermWeight = (term: string) => number;

/**
 * Questions that ask for a quantity ("how much", "how accurate", "what score", "what RMSE") are answered by
 * sentences with numbers: the measures papers report their results in, and the questions that ask for them.
 */
const ASKS_FOR_NUMBER =
  /\b(how (much|many|fast|large|big|long|accurate|well|often)|number|score|accuracy|precision|recall|f1|auc|bleu|rouge|[rm]?mse|mae|error|wer|perplexity|latency|throughput|percent(age)?|speed-?up|faster|slower|rate|gain)\b/gi;
/**
 * The measure a question names ("what RMSE", "what normalized score") counts this many times its weight: the
 * sentence that reports it is the answer, not one that shares more of the question's other words (the dataset).
 * On the arXiv questions' findings at 75k papers, 2-3 quoted the right sentence for 8 of 8 (1.5: 7; before
 * measures and given numbers counted: 5); the dev and team findings stayed 8 of 8.
 */
const MEASURE_FACTOR = 2;
/** A number standing as a word ("48%", "0.4", "~3x", "$2"), not a digit inside a name ("top-1", "R1", "GPT-4"). */
const NUMBER = /(?:^|[\s(~≈$])([-+]?\.?\d[\d.,]*)/g;
/**
 * A question word from the paper's title counts this share of its weight: it says which paper is meant, not which
 * of its sentences answers ("how many MHSA FLOPs does Sparsifiner cut" is answered by the sentence with the
 * figures, not by the one naming Sparsifiner). The team's finding questions went from 6/8 to 8/8 with 0.3-0.5;
 * the dev ones stayed 8/8.
 */
const TITLE_WORD_SHARE = 0.5;
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
 * The sentence of `text` that best answers a question: the most (weighted) question terms, those in the paper's
 * title (`titleTerms`) counting less and the measure asked for ("RMSE") more; one with a number the question does
 * not give when a quantity is asked for; more weight for a definition when one is asked for and for a reported
 * finding otherwise; earlier sentences win ties. A short sentence is quoted with the next one. Returns undefined
 * when no sentence shares a term with the question.
 */
export function pickSentence(text: string, question: string, questionTerms: ReadonlySet<string>, weight: TermWeight, titleTerms: ReadonlySet<string> = new Set()): PickedSentence | undefined {
  const sentences = splitSentences(text);
  const askedFor = Array.from(question.matchAll(ASKS_FOR_NUMBER), (match) => match[0]);
  const wantsNumber = askedFor.length > 0;
  const measures = new Set(askedFor.flatMap((words) => analyze(words)));
  const cue = ASKS_FOR_DEFINITION.test(question) ? DEFINITION_CUE : FINDING_CUE;
  const termsOf = sentences.map((sentence) => new Set(analyze(sentence)));
  const termWeight = withinAbstractWeights(termsOf, questionTerms, weight);
  for (const [term, value] of termWeight) {
    if (titleTerms.has(term)) termWeight.set(term, value * TITLE_WORD_SHARE);
    else if (measures.has(term)) termWeight.set(term, value * MEASURE_FACTOR);
  }
  const scored = sentences.map((sentence, index) => ({
    text: sentence,
    index,
    score: sentenceScore(termsOf[index]!, termWeight) * (cue.test(sentence) ? CUE_FACTOR : 1),
  }));
  const candidates = wantsNumber ? withNewNumbers(scored, question) : scored;
  let best: PickedSentence | undefined;
  for (const sentence of candidates) if (sentence.score > 0 && (!best || sentence.score > best.score)) best = sentence;
  if (!best) return undefined;
  const next = sentences[best.index + 1];
  if (best.text.length < SHORT_SENTENCE && next) best = { ...best, text: `${best.text} ${next}` };
  return best;
}

/**
 * How much each question term says about which sentence answers: its corpus weight, damped (log), times how
 * rare it is among the abstract's own sentences (inverse sentence frequency, as in TF-ISF sentence retrieval).
 * The words that found the paper are often in many of its sentences ("topology" in TopoMortar's), or are so
 * rare in a large corpus that they outweigh the words the question actually asks about ("brick wall" against
 * "noisy labels"); undamped, the pick changed with the corpus size (dev finding questions: 8/8 at 106 papers,
 * 7/8 at 75k; 8/8 at both with this weight, and with ISF alone or the square root of the weight too).
 */
function withinAbstractWeights(termsOf: readonly ReadonlySet<string>[], questionTerms: ReadonlySet<string>, weight: TermWeight): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of questionTerms) {
    const sentencesWith = termsOf.filter((terms) => terms.has(term)).length;
    if (sentencesWith > 0) weights.set(term, Math.log(1 + weight(term)) * Math.log(1 + termsOf.length / sentencesWith));
  }
  return weights;
}

function sentenceScore(sentenceTerms: ReadonlySet<string>, termWeight: ReadonlyMap<string, number>): number {
  let score = 0;
  for (const [term, weight] of termWeight) if (sentenceTerms.has(term)) score += weight;
  return score;
}

/**
 * Asked for a number, the sentences that have one, as long as they are about the question at all (all of them when
 * none has). A number the question itself gives ("the 1M-parameter agent") names what is asked about; it is not
 * the answer.
 */
function withNewNumbers(scored: readonly PickedSentence[], question: string): readonly PickedSentence[] {
  const given = new Set(numbersIn(question));
  const withNumbers = scored.filter((s) => s.score > 0 && numbersIn(s.text).some((number) => !given.has(number)));
  return withNumbers.length > 0 ? withNumbers : scored;
}

function numbersIn(text: string): string[] {
  return Array.from(text.matchAll(NUMBER), (match) => match[1]!.replace(/[.,]+$/, ''));
}
