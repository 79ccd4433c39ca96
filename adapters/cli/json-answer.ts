import type { Answer } from '../../src/types.js';

/** The `--json` line format: exactly `{question, answer: {text, paperId} | null, results: [{id, title, score}]}`. */
export function toJsonLine(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answer: answer.answer ? { text: answer.answer.text, paperId: answer.answer.paperId } : null,
    results: answer.results.map((match) => ({ id: match.paper.id, title: match.paper.title, score: match.score })),
  });
}
