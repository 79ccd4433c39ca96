import { analyze } from './analyzer.js';
import { insertSorted, removeSorted } from './sorted-ids.js';

/** What `AuthorIndex.toJSON` saves: each author-name term and the ids of its papers, ascending. */
export type SavedAuthors = [term: string, paperIds: number[]][];

/**
 * The papers of each author-name term ("hofstatter" → its papers). Names are only ever looked up whole, never
 * by prefix or typo, and in minisearch they were a third of all postings and 95,000 terms (94 MiB of heap at
 * 75,000 papers): plain id lists hold the same for a tenth of that.
 */
export class AuthorIndex {
  private readonly papersByTerm = new Map<string, number[]>();

  static restore(saved: SavedAuthors): AuthorIndex {
    const index = new AuthorIndex();
    for (const [term, ids] of saved) index.papersByTerm.set(term, ids);
    return index;
  }

  /** Counts the paper `id` for each term of its authors' names. */
  add(id: number, authors: readonly string[]): void {
    for (const term of authorTerms(authors)) {
      const list = this.papersByTerm.get(term) ?? [];
      insertSorted(list, id);
      this.papersByTerm.set(term, list);
    }
  }

  remove(id: number, authors: readonly string[]): void {
    for (const term of authorTerms(authors)) {
      const list = this.papersByTerm.get(term);
      removeSorted(list, id);
      if (list?.length === 0) this.papersByTerm.delete(term);
    }
  }

  /** The papers with `term` in an author's name, ascending (empty when none). */
  papersWith(term: string): readonly number[] {
    return this.papersByTerm.get(term) ?? NONE;
  }

  frequency(term: string): number {
    return this.papersWith(term).length;
  }

  toJSON(): SavedAuthors {
    return [...this.papersByTerm];
  }
}

const NONE: readonly number[] = [];

/** Names go through the same analyzer as questions, so the words a person types meet them as index terms. */
function authorTerms(authors: readonly string[]): Set<string> {
  return new Set(analyze(authors.join(' ')));
}
