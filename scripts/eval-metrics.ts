import { z } from 'zod';
import { readFileSync } from 'node:fs';
import type { Answer } from '../src/types.js';
import { slugify } from '../src/text.js';

/** One line of shared/eval/dev.jsonl (see shared/eval/README.md). */
export const EvalQuestion = z.object({
  q: z.string(),
  relevant: z.array(z.string()).min(1),
  kind: z.enum(['keyword', 'paraphrase', 'acronym', 'finding', 'topic', 'typo', 'title']),
  answer: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export function readQuestions(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => EvalQuestion.parse(JSON.parse(line)));
}

export interface Scores {
  hit1: number;
  hit3: number;
  mrr10: number;
  /** Topic questions only. */
  topicRecall10?: number;
  /** Finding questions only. */
  answerAccuracy?: number;
}

/** Scores one answer exactly as shared/eval/README.md defines the metrics. */
export function scoreAnswer(question: EvalQuestion, answer: Answer): Scores {
  const top = answer.results.slice(0, 10).map((match) => slugify(match.paper.title));
  const relevant = new Set(question.relevant);
  const firstRank = top.findIndex((slug) => relevant.has(slug)) + 1;
  const scores: Scores = {
    hit1: firstRank === 1 ? 1 : 0,
    hit3: firstRank >= 1 && firstRank <= 3 ? 1 : 0,
    mrr10: firstRank >= 1 ? 1 / firstRank : 0,
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
  const result: Scores = { hit1: mean((s) => s.hit1)!, hit3: mean((s) => s.hit3)!, mrr10: mean((s) => s.mrr10)! };
  const topic = mean((s) => s.topicRecall10);
  const accuracy = mean((s) => s.answerAccuracy);
  if (topic !== undefined) result.topicRecall10 = topic;
  if (accuracy !== undefined) result.answerAccuracy = accuracy;
  return result;
}
