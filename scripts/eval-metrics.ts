import { z } from 'zod';
import { readFileSync } from 'node:fs';
import type { Answer } from '../src/types.js';
import { slugify } from '../src/text.js';

/** Questions no paper answers: the bot should decline them (no cited answer), whatever papers it lists. */
export const DECLINED_KINDS = ['offtopic', 'smalltalk'] as const;

/**
 * One line of shared/eval/dev.jsonl (see shared/eval/README.md), or of our own sets, which add the two kinds of
 * questions to decline, with no relevant papers.
 */
export const EvalQuestion = z
  .object({
    q: z.string(),
    relevant: z.array(z.string()),
    kind: z.enum(['keyword', 'paraphrase', 'acronym', 'finding', 'topic', 'typo', 'title', ...DECLINED_KINDS]),
    answer: z.string().optional(),
  })
  .refine((question) => isDeclinedKind(question.kind) === (question.relevant.length === 0), {
    message: 'off-topic and small-talk questions have no relevant papers; every other kind has at least one',
  });
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export function readQuestions(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => EvalQuestion.parse(JSON.parse(line)));
}

export function isDeclinedKind(kind: string): boolean {
  return (DECLINED_KINDS as readonly string[]).includes(kind);
}

/** The rank metrics are undefined for questions to decline, which have `declined` alone. */
export interface Scores {
  hit1?: number;
  hit3?: number;
  mrr10?: number;
  /** Topic questions only. */
  topicRecall10?: number;
  /** Finding questions only. */
  answerAccuracy?: number;
  /**
   * 1 when the bot gave no cited answer. Wanted for questions to decline; for the others, a decline is a question
   * the library does answer that the bot said it has nothing on.
   */
  declined?: number;
}

/** Scores one answer exactly as shared/eval/README.md defines the metrics. */
export function scoreAnswer(question: EvalQuestion, answer: Answer): Scores {
  if (isDeclinedKind(question.kind)) return { declined: answer.answer === null ? 1 : 0 };
  const top = answer.results.slice(0, 10).map((match) => slugify(match.paper.title));
  const relevant = new Set(question.relevant);
  const firstRank = top.findIndex((slug) => relevant.has(slug)) + 1;
  const scores: Scores = {
    hit1: firstRank === 1 ? 1 : 0,
    hit3: firstRank >= 1 && firstRank <= 3 ? 1 : 0,
    mrr10: firstRank >= 1 ? 1 / firstRank : 0,
    declined: answer.answer === null ? 1 : 0,
  };
  if (question.kind === 'topic') {
    scores.topicRecall10 = top.filter((slug) => relevant.has(slug)).length / Math.min(relevant.size, 10);
  }
  if (question.answer !== undefined) {
    const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
    scores.answerAccuracy = answer.answer && collapse(answer.answer.text).includes(collapse(question.answer)) ? 1 : 0;
  }
  return scores;
}

/** Means of each metric over the questions that have it. */
export function meanScores(all: readonly Scores[]): Scores {
  const mean = (pick: (s: Scores) => number | undefined) => {
    const values = all.map(pick).filter((v): v is number => v !== undefined);
    return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
  };
  const result: Scores = {};
  for (const metric of ['hit1', 'hit3', 'mrr10', 'topicRecall10', 'answerAccuracy', 'declined'] as const) {
    const value = mean((s) => s[metric]);
    if (value !== undefined) result[metric] = value;
  }
  return result;
}
