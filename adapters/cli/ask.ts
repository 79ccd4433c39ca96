/**
 * `npm run ask -- "question"`: answers from the terminal with no tokens and no server.
 *   --json            one JSON object per question
 *   --corpus PATH     index these files instead of the shipped corpus (repeatable; page text, HF JSON, JSON Lines, .gz)
 *   --limit N         how many papers to list (default 10)
 * With no question argument, reads questions from stdin, one per line, and writes one JSON object per line.
 * Reads `CORPUS_PATHS` and `DATA_DIR` from the environment or `.env`, as `npm start` does.
 */
import { createInterface } from 'node:readline';
import dotenv from 'dotenv';
import { z } from 'zod';
import { openLibrary } from '../../src/library.js';
import { readCoreConfig } from '../../src/config.js';
import { isUserError } from '../../src/errors.js';
import type { PaperIndex } from '../../src/paper-index.js';
import { MAX_RESULT_LIMIT } from '../../src/paper-index.js';
import { renderAnswer } from './render-text.js';
import { toJsonLine } from './json-answer.js';
import { endQuietlyWhenOutputCloses, exitWithError, UsageError } from './exit.js';
import { parseArguments } from './parse-arguments.js';

const Limit = z.coerce.number().int().min(1).max(MAX_RESULT_LIMIT);
const USAGE = 'usage: npm run ask -- [--json] [--limit N] [--corpus PATH]... "question"   (no question: one per line on stdin)';

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const { values, positionals } = parseArguments(
    { options: { json: { type: 'boolean', default: false }, corpus: { type: 'string', multiple: true }, limit: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true },
    USAGE,
  );
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const limit = values.limit === undefined ? undefined : Limit.safeParse(values.limit);
  if (limit && !limit.success) throw new UsageError(`--limit takes a whole number from 1 to ${MAX_RESULT_LIMIT}.`);
  // --corpus replaces CORPUS_PATHS, so a CORPUS_PATHS naming a file since removed must not stop the run.
  const config = readCoreConfig(values.corpus ? { ...process.env, CORPUS_PATHS: undefined } : process.env);
  const index = await openLibrary({
    corpusPaths: values.corpus ?? config.corpusPaths,
    cacheDir: config.cacheDir,
    onSkip: (file, record) => process.stderr.write(`${file}:${record.line}: skipped: ${record.reason}\n`),
  });
  const options = { limit: limit?.data ?? 10 };
  if (positionals.length > 0) return answerOne(index, positionals.join(' '), values.json, options);
  // Someone at a terminal who gave no question would otherwise face a silent wait for input.
  if (process.stdin.isTTY) process.stderr.write('No question given: type one per line, JSON comes out; Ctrl-D ends. (npm run ask -- --help)\n');
  await answerStdin(index, options);
}

function answerOne(index: PaperIndex, question: string, json: boolean, options: { limit: number }): void {
  const answer = index.answer(question, options);
  process.stdout.write(`${json ? toJsonLine(answer) : renderAnswer(answer)}\n`);
}

/** One JSON line per input line, in order; an unusable line gets an empty answer and a reason on stderr. */
async function answerStdin(index: PaperIndex, options: { limit: number }): Promise<void> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    try {
      process.stdout.write(`${toJsonLine(index.answer(line, options))}\n`);
    } catch (error) {
      if (!isUserError(error)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.stdout.write(`${JSON.stringify({ question: line, kind: 'nothing-found', answer: null, results: [] })}\n`);
    }
  }
}

endQuietlyWhenOutputCloses();
main().catch(exitWithError);
