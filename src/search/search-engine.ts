import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Paper } from '../types.js';
import { analyze } from './analyzer.js';
import { extractShortNames } from './short-names.js';

/** The indexed fields. `names` holds the short names a paper defines (see short-names.ts). */
export const FIELDS = ['title', 'abstract', 'authors', 'names'] as const;
export type Field = (typeof FIELDS)[number];

/** How much a match in each field counts against one in the abstract; tuned with `npm run eval`. */
export const FIELD_BOOST: Record<Field, number> = { title: 2, abstract: 1, authors: 1.5, names: 6 };

/** A paper as minisearch sees it: its position in the corpus array is its id (compact, and stable on update). */
interface IndexedDocument {
  id: number;
  paper: Paper;
}

/**
 * Minisearch over papers, with our analyzer, plus the document frequency of every term (minisearch keeps it
 * only inside its private index) so that queries can be planned before they run.
 */
export class SearchEngine {
  readonly documentFrequency: Map<string, number>;
  private readonly miniSearch: MiniSearch<IndexedDocument>;
  /** Terms of the document being added, gathered by `tokenize` to count document frequencies in one pass. */
  private termsOfCurrentDocument: Set<string> | undefined;

  private constructor(documentFrequency: Map<string, number>, json?: string) {
    this.documentFrequency = documentFrequency;
    const options = this.options();
    this.miniSearch = json ? MiniSearch.loadJSON(json, options) : new MiniSearch(options);
  }

  static build(papers: readonly Paper[]): SearchEngine {
    const engine = new SearchEngine(new Map());
    engine.addAll(papers, 0);
    return engine;
  }

  /** Restores an engine saved with `toJSON`; throws when the saved data is not one. */
  static load(saved: SavedEngine): SearchEngine {
    return new SearchEngine(new Map(saved.documentFrequency), saved.index);
  }

  toJSON(): SavedEngine {
    return { index: JSON.stringify(this.miniSearch), documentFrequency: [...this.documentFrequency] };
  }

  get documentCount(): number {
    return this.miniSearch.documentCount;
  }

  /** Adds papers whose ids are their positions, starting at `firstId`. */
  addAll(papers: readonly Paper[], firstId: number): void {
    papers.forEach((paper, offset) => this.add(paper, firstId + offset));
  }

  add(paper: Paper, id: number): void {
    this.termsOfCurrentDocument = new Set();
    this.miniSearch.add({ id, paper });
    for (const term of this.termsOfCurrentDocument) {
      this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.termsOfCurrentDocument = undefined;
  }

  /** Replaces the indexed text of an updated paper. Frequencies of its old terms are left as they were: close enough. */
  replace(paper: Paper, id: number): void {
    this.miniSearch.discard(id);
    this.add(paper, id);
  }

  search(query: Parameters<MiniSearch['search']>[0], options: Parameters<MiniSearch['search']>[1]): SearchResult[] {
    return this.miniSearch.search(query, options);
  }

  private options(): Options<IndexedDocument> {
    return {
      fields: [...FIELDS],
      storeFields: [],
      extractField: (document, field) => (field === 'id' ? document.id : fieldText(document.paper, field as Field)),
      tokenize: (text) => {
        const terms = analyze(text);
        if (this.termsOfCurrentDocument) for (const term of terms) this.termsOfCurrentDocument.add(term);
        return terms;
      },
      // Terms come out of `tokenize` already normalised; queries are built from normalised terms too.
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
    } as Options<IndexedDocument>;
  }
}

/** What `SearchEngine.toJSON` saves. */
export interface SavedEngine {
  index: string;
  documentFrequency: [string, number][];
}

function fieldText(paper: Paper, field: Field): string {
  switch (field) {
    case 'title':
      return paper.title;
    case 'abstract':
      return paper.abstract;
    case 'authors':
      return paper.authors.join(' ');
    case 'names':
      return extractShortNames(paper.title, paper.abstract).join(' ');
  }
}
