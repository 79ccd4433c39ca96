import type { Answer, CorpusStats, Paper, PaperMatch, SearchPage, TitleSuggestion } from './types.js';
import {
  DEFAULT_RESULT_LIMIT, MAX_RESULT_LIMIT, MAX_SUGGESTIONS,
  type AnswerOptions, type IngestSummary, type PaperIndex, type SearchOptions,
} from './paper-index.js';
import { SearchEngine } from './search/search-engine.js';
import { parseQuestion, tidyQuestion, type ParsedQuestion } from './search/question.js';
import { planCandidates } from './search/query-plan.js';
import { rerank, RANKING, type RankedHit, type RankingWeights } from './search/rerank.js';
import { gatherCandidates } from './search/candidates.js';
import { topicShareIn, withTopicShares } from './search/query-weights.js';
import { smallTalkReply } from './answer/small-talk.js';
import { answersConfidently } from './answer/confidence.js';
import { orderByLikeness, telltaleWords } from './search/paper-likeness.js';
import { makeSnippet } from './answer/snippet.js';
import { pickSentence } from './answer/pick-sentence.js';
import { splitSentences } from './answer/sentences.js';
import { analyze } from './search/analyzer.js';
import { MAX_COMPLETIONS, unfinishedWordPrefix } from './search/unfinished-word.js';
import { mergePapers } from './corpus/make-paper.js';
import { PaperCatalog } from './paper-catalog.js';
import { corpusStats } from './corpus-stats.js';

/** At most this many ranked papers are kept for paging: nobody pages past 100 results in a chat. */
const MAX_RANKED = 100;
/** A question the library has nothing on lists this many papers at most, as possibly related. */
const POSSIBLY_RELATED = 3;

/** Builds the core API over a corpus. */
export function createPaperIndex(papers: readonly Paper[], engine = SearchEngine.build(papers), weights = RANKING): PaperIndex {
  return new LivePaperIndex([...papers], engine, weights);
}

class LivePaperIndex implements PaperIndex {
  private readonly catalog: PaperCatalog;

  constructor(
    private readonly corpus: Paper[],
    private readonly engine: SearchEngine,
    private readonly weights: RankingWeights,
  ) {
    this.catalog = new PaperCatalog(corpus);
  }

  answer(question: string, options: AnswerOptions = {}): Answer {
    const tidy = tidyQuestion(question);
    const reply = smallTalkReply(tidy, (term) => topicShareIn(this.engine, term, this.weights.everydayOdds), this.weights.smallTalkMaxShare);
    if (reply) return { kind: 'small-talk', question: tidy, answer: null, results: [], suggestions: [], reply };
    const parsed = parseQuestion(question);
    const ranked = this.rank(parsed);
    const top = ranked[0];
    const limit = clampLimit(options.limit);
    const base = { question: parsed.text, answer: null, suggestions: [] };
    if (!top) return { ...base, kind: 'nothing-found', results: [], suggestions: this.suggestionsFor(parsed) };
    if (!answersConfidently(top, parsed.text, this.engine.rarestTermWeight, this.weights)) {
      return { ...base, kind: 'not-in-library', results: this.toMatches(ranked.slice(0, Math.min(limit, POSSIBLY_RELATED)), parsed) };
    }
    const results = this.toMatches(ranked.slice(0, limit), parsed);
    return { ...base, kind: 'answered', answer: this.cite(results[0]!.paper, parsed), results };
  }

  search(query: string, options: SearchOptions = {}): SearchPage {
    const parsed = parseQuestion(query);
    const ranked = this.rank(parsed);
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    return {
      query: parsed.text,
      results: this.toMatches(ranked.slice(offset, offset + clampLimit(options.limit)), parsed),
      total: ranked.length,
      offset,
      suggestions: ranked.length > 0 ? [] : this.suggestionsFor(parsed),
    };
  }

  paper(idOrTitle: string): Paper | undefined {
    return this.catalog.find(idOrTitle);
  }

  similar(paperId: string, options: { limit?: number } = {}): PaperMatch[] {
    const paper = this.catalog.find(paperId);
    if (!paper) return [];
    const position = this.catalog.positionOf(paper.id)!;
    const query = { text: paper.title, words: telltaleWords(paper, this.engine) };
    const others = this.rank(query).filter((hit) => hit.id !== position);
    return this.toMatches(orderByLikeness(position, others, this.engine).slice(0, clampLimit(options.limit)), query);
  }

  suggestTitles(prefix: string, limit = MAX_SUGGESTIONS): TitleSuggestion[] {
    return this.catalog.titlesStartingWith(prefix, Math.min(limit, MAX_SUGGESTIONS), (words) => this.titleWordMatches(words));
  }

  add(papers: readonly Paper[]): IngestSummary {
    const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0 };
    for (const paper of papers) {
      const position = this.catalog.positionOf(paper.id);
      if (position === undefined) {
        this.catalog.append(paper);
        this.engine.add(paper, this.corpus.length - 1);
        summary.added += 1;
        continue;
      }
      const previous = this.corpus[position]!;
      const merged = mergePapers(previous, paper);
      // Re-indexing costs about 0.6 ms a paper: a restart that offers every stored paper again spent 6 s on a
      // year of Hugging Face papers that had not changed.
      if (samePaper(previous, merged)) {
        summary.unchanged += 1;
        continue;
      }
      this.catalog.replace(position, merged);
      this.engine.replace(previous, merged, position);
      summary.updated += 1;
    }
    return summary;
  }

  papers(): readonly Paper[] {
    return this.corpus;
  }

  stats(): CorpusStats {
    return corpusStats(this.corpus);
  }

  /** Every candidate that matched, best first, capped at `MAX_RANKED`. */
  private rank(parsed: ParsedQuestion): RankedHit[] {
    const context = {
      documentFrequency: (term: string) => this.engine.documentFrequency(term),
      isCommon: (term: string) => this.engine.isCommon(term),
      isAuthorWord: (term: string) => this.engine.authorFrequency(term) > 0,
    };
    const words = withTopicShares(parsed.words, this.engine, this.weights.everydayOdds);
    const candidates = gatherCandidates(planCandidates(words, context), this.engine, this.weights);
    return rerank(candidates, words, this.engine, this.weights).slice(0, MAX_RANKED);
  }

  /** Snippets cost a little each, so they are made only for the papers shown. */
  private toMatches(hits: readonly RankedHit[], parsed: ParsedQuestion): PaperMatch[] {
    return hits.map((hit) => this.toMatch(hit, parsed));
  }

  private toMatch(hit: RankedHit, parsed: ParsedQuestion): PaperMatch {
    const paper = this.corpus[hit.id]!;
    const matchedTerms = parsed.words.filter((_, i) => hit.matched[i]).map((w) => w.word);
    return { paper, score: round(hit.score), snippet: makeSnippet(paper.abstract, matchedTerms), matchedTerms };
  }

  private cite(paper: Paper, parsed: ParsedQuestion): Answer['answer'] {
    const terms = new Set(parsed.words.map((w) => w.term));
    const picked = pickSentence(paper.abstract, parsed.text, terms, (term) => this.engine.inverseDocumentFrequency(term), new Set(analyze(paper.title)));
    // A paper found by its author or a fuzzy title match may share no word with the question: quote its opening.
    const text = picked?.text ?? splitSentences(paper.abstract)[0] ?? paper.abstract;
    return { text, paperId: paper.id, paper };
  }

  /**
   * Papers whose title contains every typed word, the last one as a prefix: autocomplete past the title's start.
   * Common words ("models", "LLMs") are left out: their title postings are long and they narrow nothing down.
   */
  private titleWordMatches(words: string[]): Paper[] {
    const rare = (term: string) => !this.engine.isCommon(term);
    const typed = words.slice(0, -1).flatMap((word) => analyze(word).slice(0, 1)).filter(rare);
    const prefix = unfinishedWordPrefix(words.at(-1) ?? '');
    const completions = prefix ? this.engine.vocabulary.termsWithPrefix(prefix, MAX_COMPLETIONS).filter(rare) : [];
    const queries = completions.length > 0 ? [...typed, { combineWith: 'OR' as const, queries: completions }] : typed;
    if (queries.length === 0) return [];
    const hits = this.engine.search({ combineWith: 'AND', queries, fields: ['title', 'names'] });
    return hits.slice(0, MAX_SUGGESTIONS).map((hit) => this.corpus[hit.id as number]!);
  }

  /**
   * When nothing matched: titles close to the question's rarer words (a looser, fuzzier search). Common words
   * are left out: fuzzy matching multiplies their long postings.
   */
  private suggestionsFor(parsed: ParsedQuestion): string[] {
    const terms = parsed.words.map((w) => w.term).filter((term) => term.length >= 3 && !this.engine.isCommon(term));
    if (terms.length === 0) return [];
    const hits = this.engine.search({ combineWith: 'OR', queries: terms, fuzzy: 0.34, fields: ['title', 'names'] });
    return hits.slice(0, 5).map((hit) => this.corpus[hit.id as number]!.title);
  }
}

/**
 * Whether two records say the same. `mergePapers` keeps the older record's keys in their order and appends new
 * ones, so a merge that changed nothing serializes exactly as the record it started from.
 */
function samePaper(previous: Paper, merged: Paper): boolean {
  return JSON.stringify(previous) === JSON.stringify(merged);
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_RESULT_LIMIT;
  return Math.min(MAX_RESULT_LIMIT, Math.max(1, Math.floor(limit)));
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
