import MiniSearch, { type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch';
import type { Paper } from '../types.js';
import { analyze, normaliseTerm } from './analyzer.js';
import { NOT_A_TERM, WordIds } from './word-ids.js';
import { extractShortNames } from './short-names.js';
import { Vocabulary } from './vocabulary.js';
import { includesSorted, newestInAll } from './sorted-ids.js';
import { PaperLists } from './paper-lists.js';
import { TermSequences, type TermSequence } from './term-sequences.js';
import { AuthorIndex, type SavedAuthors } from './author-index.js';

/** The searchable fields. `names` holds the short names a paper defines (see short-names.ts). */
export const FIELDS = ['title', 'abstract', 'authors', 'names'] as const;
export type Field = (typeof FIELDS)[number];
/** The fields minisearch indexes; authors are looked up whole in an `AuthorIndex`. */
const MINISEARCH_FIELDS = ['title', 'abstract', 'names'] as const satisfies readonly Field[];

/** How much a match in each field counts when gathering candidates; the final order comes from rerank.ts. */
export const FIELD_BOOST: Record<Field, number> = { title: 2, abstract: 1, authors: 1.5, names: 3 };

export interface EngineTuning {
  /** Above this share of documents a term is "common": kept out of minisearch's abstract postings… */
  commonTermShare: number;
  /** …in corpora of at least this many documents; smaller ones are indexed in full. */
  commonMinDocuments: number;
  /**
   * Common terms in at most this share of documents keep a plain list of the papers that have them, to gather
   * candidates from (candidates.ts). Above it, a term says little about a paper (idf < 2.3) and its list would be
   * long: at 75,000 papers the lists up to 10% hold 3.6 million ids (14 MiB), up to 20% 5.1 million, with the same
   * first answers.
   */
  listedTermShare: number;
}

/** `SearchEngine.lastFiled` of a term that keeps no list of its papers. */
const NOT_LISTED = -2;

/** At most this many papers per author word join a question's candidates (see `withAuthorHits`). */
const AUTHOR_PAPERS_PER_WORD = 300;

/** Distinct raw words a build expects (290,000 at 75,000 papers): room made at once rather than by doubling. */
const BUILD_WORD_CAPACITY = 1 << 16;

/** 0.5%: at 75,000 papers, 0.25% lost dev answers, and 1-2% only cost time (`npm run eval`, `npm run bench`). */
export const DEFAULT_ENGINE_TUNING: EngineTuning = { commonTermShare: 0.005, commonMinDocuments: 5000, listedTermShare: 0.1 };

/** A paper as minisearch sees it: already analyzed text, one space between terms. */
interface IndexedDocument {
  id: number;
  title: string;
  abstract: string;
  names: string;
}

/** What `SearchEngine.toJSON` saves; `sequences` is binary, the rest JSON. */
export interface SavedEngine {
  index: string;
  terms: string[];
  frequencies: number[];
  common: number[];
  authors: SavedAuthors;
  sequences: Uint32Array;
}

/**
 * The search index: minisearch over analyzed papers, plus every paper as a sequence of term ids.
 *
 * Terms that appear in a large share of abstracts ("model", "learn") make up most of minisearch's postings, its
 * memory and its build time, yet they can only refine an order, never find a paper on their own. They are
 * therefore kept out of minisearch in large corpora: the papers that have them are kept as plain id lists
 * (`papersWithCommon`, `titlesWithCommon`) to gather candidates from, and re-ranking counts them from the sequences.
 */
export class SearchEngine {
  readonly vocabulary: Vocabulary;
  readonly sequences: TermSequences;
  private readonly common: Set<number>;
  private readonly authors: AuthorIndex;
  /** For each common term, the papers whose title has it. */
  private readonly titlesWithCommonTerm = new PaperLists();
  /** For each listed common term (see `EngineTuning.listedTermShare`), the papers that have it. */
  private readonly papersWithListedTerm = new PaperLists();
  /**
   * For each listed term id, the last paper filed under it (-1 before the first); `NOT_LISTED` for other terms.
   * Read for every word of every paper a build files, it skips a paper's repeated words without touching their
   * lists, which lie all over memory.
   */
  private readonly lastFiled: Int32Array;
  /**
   * For each term found in one paper only when the index was made, that paper (-1 for other terms). A large
   * corpus keeps such words out of minisearch (see `build`), but a one-off can still be what a person asks for:
   * a method named once, in its own abstract ("sigmaReparam"). Papers added later have all their words in
   * minisearch, so terms new since then need no entry.
   */
  private readonly onlyPaper: Int32Array;
  private readonly miniSearch: MiniSearch<IndexedDocument>;
  private totalAbstractLength = 0;
  private totalTitleLength = 0;

  private constructor(vocabulary: Vocabulary, common: Set<number>, sequences: TermSequences, listed: readonly number[], authors = new AuthorIndex(), json?: string) {
    this.vocabulary = vocabulary;
    this.sequences = sequences;
    this.common = common;
    this.lastFiled = new Int32Array(vocabulary.size).fill(NOT_LISTED);
    this.onlyPaper = new Int32Array(vocabulary.size).fill(-1);
    for (const termId of listed) {
      this.lastFiled[termId] = -1;
      this.papersWithListedTerm.reserve(termId, vocabulary.frequencyOf(termId));
    }
    this.authors = authors;
    this.miniSearch = json ? MiniSearch.loadJSON(json, MINISEARCH_OPTIONS) : new MiniSearch(MINISEARCH_OPTIONS);
  }

  static build(papers: readonly Paper[], tuning = DEFAULT_ENGINE_TUNING): SearchEngine {
    const vocabulary = new Vocabulary();
    const words = wordIds(vocabulary, BUILD_WORD_CAPACITY);
    const analyzed = papers.map((paper): TermSequence => ({ title: words.read(paper.title), abstract: words.read(paper.abstract) }));
    for (const sequence of analyzed) vocabulary.countDocument(distinctIds(sequence));
    const totalIds = analyzed.reduce((sum, sequence) => sum + sequence.title.length + sequence.abstract.length, 0);
    const common = commonTerms(vocabulary, papers.length, tuning);
    const listed = listedTerms(vocabulary, common, papers.length, tuning);
    const engine = new SearchEngine(vocabulary, common, new TermSequences(totalIds, papers.length), listed);
    const large = papers.length >= tuning.commonMinDocuments;
    // A word found in one abstract only (and not in its title) is mostly a typo, a number or a one-off: in a large
    // corpus it would cost minisearch a term of its own. Names are indexed apart, and `onlyPaper` keeps the rest.
    const worthIndexing = (termId: number) => !large || vocabulary.frequencyOf(termId) > 1;
    analyzed.forEach((sequence, id) => engine.index(papers[id]!, id, sequence, worthIndexing));
    // Filed in a pass of their own: interleaved with minisearch's indexing, whose allocations keep evicting the
    // lists from the caches, filing took 2.2 s instead of 0.4 s at 75k papers.
    for (let id = 0; id < papers.length; id += 1) engine.fileUnderTerms(engine.sequences.get(id), id);
    vocabulary.sortForPrefixes();
    return engine;
  }

  /** Restores an engine saved with `toJSON`; throws when the saved data is not one. */
  static load(saved: SavedEngine, tuning = DEFAULT_ENGINE_TUNING): SearchEngine {
    const vocabulary = Vocabulary.restore(saved.terms, saved.frequencies);
    const sequences = TermSequences.fromPacked(saved.sequences);
    const common = new Set(saved.common);
    const listed = listedTerms(vocabulary, common, sequences.count, tuning);
    const engine = new SearchEngine(vocabulary, common, sequences, listed, AuthorIndex.restore(saved.authors), saved.index);
    for (let id = 0; id < sequences.count; id += 1) engine.fileUnderTerms(sequences.get(id), id);
    vocabulary.sortForPrefixes();
    return engine;
  }

  toJSON(): SavedEngine {
    const { terms, frequencies } = this.vocabulary.toJSON();
    const common = [...this.common];
    return { index: JSON.stringify(this.miniSearch), terms, frequencies, common, authors: this.authors.toJSON(), sequences: this.sequences.toPacked() };
  }

  get documentCount(): number {
    return this.sequences.count;
  }

  get averageTitleLength(): number {
    return this.totalTitleLength / Math.max(1, this.documentCount);
  }

  get averageAbstractLength(): number {
    return this.totalAbstractLength / Math.max(1, this.documentCount);
  }

  /** Adds a paper whose id (its position in the corpus) is `id`. */
  add(paper: Paper, id: number): void {
    const sequence = analyzePaper(paper, this.vocabulary);
    this.vocabulary.countDocument(distinctIds(sequence));
    this.index(paper, id, sequence);
    this.fileUnderTerms(sequence, id);
  }

  /** Replaces an updated paper's terms, keeping document frequencies exact. */
  replace(previous: Paper, paper: Paper, id: number): void {
    const old = this.sequences.get(id);
    this.vocabulary.uncountDocument(distinctIds(old));
    for (const termId of new Set(old.title)) this.titlesWithCommonTerm.remove(termId, id);
    for (const termId of distinctIds(old)) {
      this.papersWithListedTerm.remove(termId, id);
      if (this.lastFiled[termId] === id) this.lastFiled[termId] = -1;
    }
    this.totalTitleLength -= old.title.length;
    this.totalAbstractLength -= old.abstract.length;
    this.authors.remove(id, previous.authors);
    this.miniSearch.discard(id);
    this.add(paper, id);
  }

  /**
   * minisearch's hits for `query`, and, when it covers authors, papers whose authors have one of its plain words,
   * scored as a match in an `authors` field would be (boost × inverse document frequency). Re-ranking reads who
   * wrote a paper from the author index itself (`isByAuthorWord`), however the paper became a candidate.
   */
  search(query: Query, options: SearchOptions = {}): SearchResult[] {
    if (typeof query !== 'object' || !(query.fields ?? FIELDS).includes('authors')) return this.miniSearch.search(query, options);
    const fields = query.fields?.filter((field) => field !== 'authors');
    const hits = this.miniSearch.search({ ...query, fields }, options);
    const words = query.queries.filter((word): word is string => typeof word === 'string' && this.authors.frequency(word) > 0);
    return words.length === 0 ? hits : this.withAuthorHits(hits, words, query.boost?.authors);
  }

  /** How many papers contain `term` in their title or abstract, or else in their authors' names. */
  documentFrequency(term: string): number {
    return this.vocabulary.frequency(term) || this.authors.frequency(term);
  }

  /** The papers whose title has the common term `term`, ascending; empty for other terms. */
  titlesWithCommon(term: string): Uint32Array {
    return this.titlesWithCommonTerm.papersWith(this.vocabulary.idOf(term) ?? -1);
  }

  /** The paper `term` was found in, if it was found in one paper only when the index was made. */
  onlyPaperWith(term: string): number | undefined {
    const paper = this.onlyPaper[this.vocabulary.idOf(term) ?? -1] ?? -1;
    return paper >= 0 ? paper : undefined;
  }

  /**
   * The papers that have the common term `term` in their title or abstract, ascending; undefined when it is not
   * common, or too common to be listed (`EngineTuning.listedTermShare`).
   */
  papersWithCommon(term: string): Uint32Array | undefined {
    const id = this.vocabulary.idOf(term);
    return id !== undefined && id < this.lastFiled.length && this.lastFiled[id] !== NOT_LISTED ? this.papersWithListedTerm.papersWith(id) : undefined;
  }

  /** Whether an author of paper `id` has `term` in their name. */
  isByAuthorWord(id: number, term: string): boolean {
    return includesSorted(this.authors.papersWith(term), id);
  }

  /** How many papers have `term` in an author's name. */
  authorFrequency(term: string): number {
    return this.authors.frequency(term);
  }

  /** BM25's inverse document frequency: how much finding `term` in a paper says about it. */
  inverseDocumentFrequency(term: string): number {
    return idf(this.documentCount, this.documentFrequency(term));
  }

  /** The inverse document frequency of a term found in one paper only: the most that finding one word can say. */
  get rarestTermWeight(): number {
    return idf(this.documentCount, 1);
  }

  isCommon(term: string): boolean {
    const id = this.vocabulary.idOf(term);
    return id !== undefined && this.common.has(id);
  }

  private index(paper: Paper, id: number, sequence: TermSequence, worthIndexing: (termId: number) => boolean = () => true): void {
    this.sequences.set(id, sequence);
    // Common words never reach minisearch (see the class comment); the rest once each: minisearch's scores only
    // choose candidates, the re-ranker counts occurrences itself.
    const rare = (termId: number) => !this.common.has(termId);
    const rareAbstract = new Set<number>();
    for (const termId of sequence.abstract) {
      if (rare(termId) && (worthIndexing(termId) || sequence.title.includes(termId))) rareAbstract.add(termId);
    }
    this.miniSearch.add({
      id,
      title: this.text(sequence.title.filter(rare)),
      abstract: this.text([...rareAbstract]),
      names: analyze(extractShortNames(paper.title, paper.abstract).join(' ')).join(' '),
    });
    this.authors.add(id, paper.authors);
  }

  /**
   * minisearch's hits with papers by the question's author words merged in, best first. A common name ("Wang" is
   * on 15,000 papers) would flood the candidates and take tens of milliseconds to merge, so each word brings its
   * newest `AUTHOR_PAPERS_PER_WORD` papers, and several words also bring the newest papers by all of them.
   */
  private withAuthorHits(hits: SearchResult[], words: readonly string[], boost = FIELD_BOOST.authors): SearchResult[] {
    const byId = new Map(hits.map((hit) => [hit.id as number, hit]));
    const lists = words.map((word) => this.authors.papersWith(word));
    const byAll = words.length > 1 ? newestInAll(lists, AUTHOR_PAPERS_PER_WORD) : [];
    lists.forEach((list) => {
      const score = boost * idf(this.documentCount, list.length);
      for (const id of new Set([...newestInAll([list], AUTHOR_PAPERS_PER_WORD), ...byAll])) {
        const hit = byId.get(id) ?? { id, score: 0, terms: [], queryTerms: [], match: {} };
        hit.score += score;
        byId.set(id, hit);
      }
    });
    return [...byId.values()].sort((a, b) => b.score - a.score);
  }

  /**
   * Files paper `id` under its common title words, its listed words and its one-off words (see `onlyPaper`), and
   * adds its lengths to the totals.
   */
  private fileUnderTerms(sequence: TermSequence, id: number): void {
    for (const termId of sequence.title) if (this.common.has(termId)) this.titlesWithCommonTerm.add(termId, id);
    for (const ids of [sequence.title, sequence.abstract]) {
      for (const termId of ids) {
        const last = this.lastFiled[termId] ?? NOT_LISTED;
        if (last !== NOT_LISTED) {
          if (last !== id) this.papersWithListedTerm.add(termId, id);
          this.lastFiled[termId] = id;
        } else if (this.onlyPaper[termId] === -1 && this.vocabulary.frequencyOf(termId) === 1) this.onlyPaper[termId] = id;
      }
    }
    this.totalTitleLength += sequence.title.length;
    this.totalAbstractLength += sequence.abstract.length;
  }

  private text(ids: ArrayLike<number>): string {
    return Array.from(ids, (termId) => this.vocabulary.termOf(termId)).join(' ');
  }
}

/** Documents reach minisearch already analyzed, and queries are built from analyzed terms too. */
const MINISEARCH_OPTIONS: Options<IndexedDocument> = {
  fields: [...MINISEARCH_FIELDS],
  storeFields: [],
  tokenize: (text) => (text === '' ? [] : text.split(' ')),
  processTerm: (term) => term,
  searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
};

function analyzePaper(paper: Paper, vocabulary: Vocabulary): TermSequence {
  const words = wordIds(vocabulary);
  return { title: words.read(paper.title), abstract: words.read(paper.abstract) };
}

/** Raw words → term ids of `vocabulary`, new terms added. Lives as long as a build, or one paper's analysis. */
function wordIds(vocabulary: Vocabulary, capacity?: number): WordIds {
  return new WordIds((word) => {
    const term = normaliseTerm(word);
    return term ? vocabulary.intern(term) : NOT_A_TERM;
  }, capacity);
}

/** BM25's inverse document frequency. */
function idf(documentCount: number, frequency: number): number {
  return Math.log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5));
}

function distinctIds(sequence: TermSequence): Set<number> {
  return new Set([...sequence.title, ...sequence.abstract]);
}

/** The common terms worth a list of their papers: those in at most `listedTermShare` of them. */
function listedTerms(vocabulary: Vocabulary, common: ReadonlySet<number>, documentCount: number, tuning: EngineTuning): number[] {
  const limit = documentCount * tuning.listedTermShare;
  return [...common].filter((id) => vocabulary.frequencyOf(id) <= limit);
}

function commonTerms(vocabulary: Vocabulary, documentCount: number, tuning: EngineTuning): Set<number> {
  const common = new Set<number>();
  if (documentCount < tuning.commonMinDocuments) return common;
  const limit = documentCount * tuning.commonTermShare;
  for (let id = 0; id < vocabulary.size; id += 1) {
    if (vocabulary.frequencyOf(id) > limit) common.add(id);
  }
  return common;
}
