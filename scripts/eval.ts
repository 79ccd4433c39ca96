/**
 * `npm run eval`: answer quality on shared/eval/dev.jsonl, on the shipped seed and on the seed mixed into the
 * 74,728 arXiv abstracts, printed as markdown tables; then the same for scripts/team-questions.jsonl, 60 questions
 * about 60 other seed papers that a teammate wrote from the abstracts alone, without running paperbot: a check that
 * tuning on the dev questions generalises. Last, scripts/arxiv-questions.jsonl: 60 questions, written the same blind
 * way, about 60 random papers of the arXiv cs corpus (not the seed), a check that ranking changes generalise beyond
 * the seed papers; it is scored on the large corpus only, as its papers are not in the seed, so it has no seed table.
 * `--seed-only` skips the large corpus and so the arXiv set; `--questions FILE` scores only FILE, on both corpora;
 * `--verbose` lists misses.
 */
import { fileURLToPath } from 'node:url';
import { loadCorpus, DEFAULT_CORPUS_PATH } from '../src/corpus/load.js';
import { createPaperIndex } from '../src/create-paper-index.js';
import type { PaperIndex } from '../src/paper-index.js';
import type { Paper } from '../src/types.js';
import { slugify } from '../src/text.js';
import { meanScores, readQuestions, scoreAnswer, type EvalQuestion, type Scores } from './eval-metrics.js';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const DEV_QUESTIONS = `${SHARED}eval/dev.jsonl`;
const TEAM_QUESTIONS = fileURLToPath(new URL('./team-questions.jsonl', import.meta.url));
const ARXIV_QUESTIONS = fileURLToPath(new URL('./arxiv-questions.jsonl', import.meta.url));
const ARXIV_CORPUS = `${SHARED}corpus/arxiv-cs-daily.jsonl.gz`;

/** A question file to score; `largeCorpusOnly` when its papers are not in the seed, so a seed table means nothing. */
interface QuestionSet {
  name: string;
  questions: EvalQuestion[];
  largeCorpusOnly?: boolean;
}

const args = new Set(process.argv.slice(2));
const questionSets: QuestionSet[] = args.has('--questions')
  ? [{ name: 'Questions', questions: readQuestions(process.argv[process.argv.indexOf('--questions') + 1]!) }]
  : [
      { name: 'Dev questions', questions: readQuestions(DEV_QUESTIONS) },
      { name: 'Team questions', questions: readQuestions(TEAM_QUESTIONS) },
      { name: 'arXiv questions', questions: readQuestions(ARXIV_QUESTIONS), largeCorpusOnly: true },
    ];

const seed = createPaperIndex(await loadCorpus([DEFAULT_CORPUS_PATH]));
const mixedPapers = args.has('--seed-only') ? undefined : await loadCorpus([DEFAULT_CORPUS_PATH, ARXIV_CORPUS]);
const mixed = mixedPapers && createPaperIndex(mixedPapers);
// Checked before any scoring, so a bad slug stops the run at once instead of after minutes of tables.
for (const { name, questions, largeCorpusOnly } of questionSets) {
  if (largeCorpusOnly && mixedPapers) assertEachSlugNamesOnePaper(name, questions, mixedPapers);
}
for (const { name, questions, largeCorpusOnly } of questionSets) {
  if (!largeCorpusOnly) printTable(`${name}, seed (106 papers)`, evaluate(seed, questions), true);
  if (!mixed) continue;
  const singlePaper = questions.filter((q) => q.kind !== 'topic');
  printTable(`${name}, seed + arXiv cs (${mixedPapers!.length.toLocaleString('en-US')} papers), single-paper kinds`, evaluate(mixed, singlePaper), false);
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
    const scores = scoreAnswer(question, index.answer(question.q));
    if (args.has('--verbose') && (scores.hit1 < 1 || scores.answerAccuracy === 0 || (scores.topicRecall10 ?? 1) < 1)) {
      const answer = index.answer(question.q);
      console.log(`MISS [${question.kind}] ${question.q}\n  got: ${answer.results.slice(0, 3).map((r) => r.paper.title.slice(0, 50)).join(' | ')}\n  want: ${question.relevant.join(', ')}${question.answer ? `\n  answer: ${answer.answer?.text}\n  gold:   ${question.answer}` : ''}`);
    }
    for (const kind of ['all', question.kind]) byKind.set(kind, [...(byKind.get(kind) ?? []), scores]);
  }
  return byKind;
}

function printTable(title: string, byKind: Map<string, Scores[]>, withTopics: boolean): void {
  const format = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(3));
  console.log(`\n### ${title}\n`);
  console.log(`| kind | n | hit@1 | hit@3 | MRR@10 |${withTopics ? ' topic recall@10 |' : ''} answer accuracy |`);
  console.log(`|---|---|---|---|---|${withTopics ? '---|' : ''}---|`);
  for (const [kind, scores] of [...byKind].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)))) {
    const m = meanScores(scores);
    console.log(`| ${kind} | ${scores.length} | ${format(m.hit1)} | ${format(m.hit3)} | ${format(m.mrr10)} |${withTopics ? ` ${format(m.topicRecall10)} |` : ''} ${format(m.answerAccuracy)} |`);
  }
}
