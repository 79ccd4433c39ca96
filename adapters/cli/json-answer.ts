import type { Answer } from '../../src/types.js';

/**
 * The `--json` line format: exactly `{question, kind, answer: {text, paperId} | null, results: [{id, title, score}]}`,
 * plus `reply` for small talk. `kind` is the core's `AnswerKind`; for `not-in-library`, `answer` is null and
 * `results` are the possibly related papers.
 */
export function toJsonLine(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    kind: answer.kind,
    answer: answer.answer ? { text: answer.answer.text, paperId: answer.answer.paperId } : null,
    results: answer.results.map((match) => ({ id: match.paper.id, title: match.paper.title, score: match.score })),
    ...(answer.reply === undefined ? {} : { reply: answer.reply }),
  });
}
