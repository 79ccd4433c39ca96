/**
 * `npm run eval`: answer quality, printed as markdown tables, on the shipped seed (106 papers) and on the seed mixed
 * into the 74,728 arXiv cs abstracts of ../shared/corpus ("75k"). The sets, each described in docs/quality.md:
 * shared/eval/dev.jsonl; scripts/team-questions.jsonl and scripts/arxiv-questions.jsonl (written from the abstracts
 * without running paperbot); scripts/chat-questions-*.jsonl (written blind, in the voice of chat); and
 * scripts/offtopic-questions.jsonl (off-topic questions and small talk, which should get no cited answer). A set
 * whose papers are not in the seed is scored at 75k only.
 * `--seed-only` skips the large corpus; `--questions FILE` scores only FILE, on both corpora; `--verbose` lists misses;
 * `--bm25` adds, under each table, the same questions through a plain BM25 with no tuning (plain-bm25.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import type { PaperIndex } from '../src/paper-index.js';
import type { Answer, Paper } from '../src/types.js';
import { isUserError } from '../src/errors.js';
import { slugify } from '../src/text.js';
import { isDeclinedKind, meanScores, readQuestions, scoreAnswer, type EvalQuestion, type Scores } from './eval-metrics.js';
import { createPlainBm25, type PlainBm25 } from './plain-bm25.js';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const ARXIV_CORPUS = `${SHARED}corpus/arxiv-cs-daily.jsonl.gz`;
const ours = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url));

/** A question file to score; `largeCorpusOnly` when its papers are not in the seed, so a seed table means nothing. */
interface QuestionSet {
  name: string;
  path: string;
  largeCorpusOnly?: boolean;
}

const args = new Set(process.argv.slice(2));
const ALL_SETS: QuestionSet[] = [
  { name: 'Dev questions', path: `${SHARED}eval/dev.jsonl` },
  { name: 'Team questions', path: ours('team-questions.jsonl') },
  { name: 'arXiv questions', path: ours('arxiv-questions.jsonl'), largeCorpusOnly: true },
  { name: 'Chat questions (seed papers)', path: ours('chat-questions-seed.jsonl') },
  { name: 'Chat questions (arXiv papers)', path: ours('chat-questions-arxiv.jsonl'), largeCorpusOnly: true },
  { name: 'Off-topic questions and small talk', path: ours('offtopic-questions.jsonl') },
];
const chosen = args.has('--questions') ? [{ name: 'Questions', path: process.argv[process.argv.indexOf('--questions') + 1]! }] : ALL_SETS;
const missing = chosen.filter((set) => !existsSync(set.path));
const questionSets = chosen.filter((set) => existsSync(set.path)).map((set) => ({ ...set, questions: readQuestions(set.path) }));
const withLargeCorpus = !args.has('--seed-only') && existsSync(ARXIV_CORPUS);
if (missing.length > 0) console.log(`Not scored (file not found): ${missing.map((set) => set.path).join(', ')}`);
if (!args.has('--seed-only') && !withLargeCorpus) console.log(`Seed only: the 75k tables need ${ARXIV_CORPUS} (the repository's ../shared folder).`);

const seed = createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH]));
const mixedPapers = withLargeCorpus ? await loadCorpus([DEFAULT_CORPUS_PATH, ARXIV_CORPUS]) : undefined;
const mixed = mixedPapers && createPaperIndex(mixedPapers);
// Checked before any scoring, so a bad slug stops the run at once instead of after minutes of tables.
for (const { name, questions, largeCorpusOnly } of questionSets) {
  if (largeCorpusOnly && mixedPapers) assertEachSlugNamesOnePaper(name, questions, mixedPapers);
}
const baselines = args.has('--bm25') ? { seed: createPlainBm25(seed.papers()), mixed: mixedPapers && createPlainBm25(mixedPapers) } : undefined;
for (const { name, questions, largeCorpusOnly } of questionSets) {
  if (!largeCorpusOnly) {
    printTable(`${name}, seed (106 papers)`, evaluate(seed, questions), true);
    if (baselines) printBaseline(baselines.seed, questions);
  }
  if (!mixed) continue;
  const noTopics = questions.filter((q) => q.kind !== 'topic');
  printTable(`${name}, seed + arXiv cs (${mixedPapers!.length.toLocaleString('en-US')} papers), no topic questions`, evaluate(mixed, noTopics), false);
  if (baselines?.mixed) printBaseline(baselines.mixed, noTopics);
}

/** One line under a table: the same questions through a plain BM25 (plain-bm25.ts), for the single-paper kinds. */
function printBaseline(baseline: PlainBm25, questions: readonly EvalQuestion[]): void {
  const ranked = questions.filter((q) => !isDeclinedKind(q.kind) && q.kind !== 'topic');
  if (ranked.length === 0) return;
  const byKind = new Map<string, Scores[]>();
  for (const question of ranked) {
    const scores = scoreAnswer(question, baseline.answer(question.q));
    for (const kind of ['all', question.kind]) byKind.set(kind, [...(byKind.get(kind) ?? []), scores]);
  }
  const hit1 = (kind: string) => (meanScores(byKind.get(kind) ?? []).hit1 ?? 0).toFixed(3);
  const kinds = [...byKind.keys()].filter((kind) => kind !== 'all').sort();
  console.log(`\nPlain BM25, same single-paper questions: hit@1 ${hit1('all')}, MRR@10 ${(meanScores(byKind.get('all')!).mrr10 ?? 0).toFixed(3)} (${kinds.map((kind) => `${kind} ${hit1(kind)}`).join(', ')}).`);
}

/**
 * Throws unless every `relevant` slug of the set names exactly one paper: a misspelt slug would otherwise count as
 * a miss, and a slug shared by two papers would make a hit depend on which of them ranks first.
 */
function assertEachSlugNamesOnePaper(setName: string, questions: readonly EvalQuestion[], papers: readonly Paper[]): void {
  const papersBySlug = new Map<string, number>();
  for (const paper of papers) {
    const slug = slugify(paper.title);
    papersBySlug.set(slug, (papersBySlug.get(slug) ?? 0) + 1);
  }
  const bad = questions
    .flatMap((question) => question.relevant)
    .filter((slug) => papersBySlug.get(slug) !== 1)
    .map((slug) => `${slug} (${papersBySlug.get(slug) ?? 0} papers)`);
  if (bad.length > 0) throw new Error(`${setName}: each relevant slug must name exactly one paper:\n  ${bad.join('\n  ')}`);
}

function evaluate(index: PaperIndex, qs: readonly EvalQuestion[]): Map<string, Scores[]> {
  const byKind = new Map<string, Scores[]>();
  for (const question of qs) {
    const answer = answerOrRefusal(index, question.q);
    const scores = scoreAnswer(question, answer);
    if (args.has('--verbose') && isMiss(question, scores)) {
      console.log(`MISS [${question.kind}] ${question.q}\n  got: ${answer.results.slice(0, 3).map((r) => r.paper.title.slice(0, 50)).join(' | ')}\n  want: ${question.relevant.join(', ') || '(no answer)'}${question.answer || scores.declined === 0 ? `\n  answer: ${answer.answer?.text}` : ''}${question.answer ? `\n  gold:   ${question.answer}` : ''}`);
    }
    // Questions to decline are not counted under "all", which keeps the rank metrics of the questions papers answer.
    for (const kind of [isDeclinedKind(question.kind) ? 'all declined' : 'all', question.kind]) byKind.set(kind, [...(byKind.get(kind) ?? []), scores]);
  }
  return byKind;
}

/** A question the bot refuses to search (nothing but stop words, say) is scored as an answer with nothing in it. */
function answerOrRefusal(index: PaperIndex, question: string): Answer {
  try {
    return index.answer(question);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { kind: 'nothing-found', question, answer: null, results: [], suggestions: [] };
  }
}

function isMiss(question: EvalQuestion, scores: Scores): boolean {
  if (isDeclinedKind(question.kind)) return scores.declined === 0;
  return scores.hit1 === 0 || scores.answerAccuracy === 0 || (scores.topicRecall10 ?? 1) < 1 || scores.declined === 1;
}

function printTable(title: string, byKind: Map<string, Scores[]>, withTopics: boolean): void {
  const format = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(3));
  console.log(`\n### ${title}\n`);
  console.log(`| kind | n | hit@1 | hit@3 | MRR@10 |${withTopics ? ' topic recall@10 |' : ''} answer accuracy | declined |`);
  console.log(`|---|---|---|---|---|${withTopics ? '---|' : ''}---|---|`);
  const order = (kind: string) => (kind === 'all' ? '0' : kind === 'all declined' ? '1' : `2${kind}`);
  for (const [kind, scores] of [...byKind].sort(([a], [b]) => order(a).localeCompare(order(b)))) {
    const m = meanScores(scores);
    console.log(`| ${kind} | ${scores.length} | ${format(m.hit1)} | ${format(m.hit3)} | ${format(m.mrr10)} |${withTopics ? ` ${format(m.topicRecall10)} |` : ''} ${format(m.answerAccuracy)} | ${format(m.declined)} |`);
  }
}
