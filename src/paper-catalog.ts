import type { Paper, TitleSuggestion } from './types.js';
import { normaliseArxivId } from './corpus/arxiv-id.js';
import { slugify } from './text.js';
import { lowerBound } from './lower-bound.js';

/** Autocomplete names are cut to Discord's 100 characters by the adapters; the catalog returns whole titles. */
type WordMatcher = (words: string[]) => Paper[];

/**
 * Finds papers by id or title: the arXiv id with or without version, the slug, the exact title in any case,
 * or the title's slug ("near-exact": punctuation and case differences ignored). Also serves title prefixes.
 */
export class PaperCatalog {
  private readonly positionById = new Map<string, number>();
  private readonly idBySlug = new Map<string, string>();
  /** Lower-cased titles in sorted order, for prefix lookups by binary search; rebuilt lazily after changes. */
  private sortedTitles: { key: string; paper: Paper }[] | undefined;

  constructor(private readonly corpus: Paper[]) {
    corpus.forEach((paper, position) => this.remember(paper, position));
  }

  positionOf(id: string): number | undefined {
    return this.positionById.get(id);
  }

  append(paper: Paper): void {
    this.corpus.push(paper);
    this.remember(paper, this.corpus.length - 1);
  }

  replace(position: number, paper: Paper): void {
    this.corpus[position] = paper;
    this.remember(paper, position);
  }

  find(idOrTitle: string): Paper | undefined {
    const key = idOrTitle.trim();
    if (key === '') return undefined;
    const id = normaliseArxivId(key) ?? (this.positionById.has(key) ? key : this.idBySlug.get(slugify(key)));
    const position = id === undefined ? undefined : this.positionById.get(id);
    return position === undefined ? undefined : this.corpus[position];
  }

  /** Titles that start with `prefix`; then, to fill up, titles containing its words (via `matchWords`). */
  titlesStartingWith(prefix: string, limit: number, matchWords: WordMatcher): TitleSuggestion[] {
    const key = prefix.trim().toLowerCase();
    const found: Paper[] = key === '' ? this.corpus.slice(0, limit) : this.byTitlePrefix(key, limit);
    if (found.length < limit && key !== '') {
      const seen = new Set(found.map((paper) => paper.id));
      for (const paper of matchWords(key.split(/\s+/))) {
        if (found.length >= limit) break;
        if (!seen.has(paper.id)) found.push(paper);
        seen.add(paper.id);
      }
    }
    return found.map((paper) => ({ title: paper.title, paperId: paper.id }));
  }

  private byTitlePrefix(key: string, limit: number): Paper[] {
    const titles = this.titlesInOrder();
    const found: Paper[] = [];
    for (let i = lowerBound(titles, key, (title) => title.key); i < titles.length && found.length < limit && titles[i]!.key.startsWith(key); i += 1) {
      found.push(titles[i]!.paper);
    }
    return found;
  }

  private titlesInOrder(): { key: string; paper: Paper }[] {
    this.sortedTitles ??= this.corpus
      .map((paper) => ({ key: paper.title.toLowerCase(), paper }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return this.sortedTitles;
  }

  private remember(paper: Paper, position: number): void {
    this.positionById.set(paper.id, position);
    this.idBySlug.set(slugify(paper.title), paper.id);
    this.sortedTitles = undefined;
  }
}
