import { lowerBound } from '../lower-bound.js';

/**
 * Every index term with a small integer id and its document frequency. Papers are also kept as sequences of
 * these ids (see search-engine.ts), 4 bytes a word instead of a string, which is what makes re-ranking cheap.
 */
export class Vocabulary {
  private readonly idByTerm = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly frequencies: number[] = [];
  /**
   * Every term in sorted order, for prefix lookups: sorted once (180 ms at 75,000 papers, so at start-up rather
   * than on someone's question; see `sortForPrefixes`), then kept in order as terms are added (a merge).
   */
  private sorted: string[] | undefined;
  /** Terms added since the sort, merged in on the next prefix lookup: one pass for a day's papers, not one each. */
  private unsorted: string[] = [];

  static restore(terms: readonly string[], frequencies: ArrayLike<number>): Vocabulary {
    const vocabulary = new Vocabulary();
    terms.forEach((term, id) => {
      vocabulary.idByTerm.set(term, id);
      vocabulary.terms.push(term);
      vocabulary.frequencies.push(frequencies[id] ?? 0);
    });
    return vocabulary;
  }

  get size(): number {
    return this.terms.length;
  }

  idOf(term: string): number | undefined {
    return this.idByTerm.get(term);
  }

  /** The id of `term`, adding it when new. */
  intern(term: string): number {
    let id = this.idByTerm.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.idByTerm.set(term, id);
      this.terms.push(term);
      this.frequencies.push(0);
      if (this.sorted) this.unsorted.push(term);
    }
    return id;
  }

  termOf(id: number): string {
    return this.terms[id]!;
  }

  /** How many documents contain the term (0 for unknown terms). */
  frequency(term: string): number {
    const id = this.idByTerm.get(term);
    return id === undefined ? 0 : this.frequencies[id]!;
  }

  frequencyOf(id: number): number {
    return this.frequencies[id] ?? 0;
  }

  /** Up to `limit` known terms that start with `prefix`, in sorted order (autocomplete of a word being typed). */
  termsWithPrefix(prefix: string, limit: number): string[] {
    const sorted = this.sortForPrefixes();
    const found: string[] = [];
    for (let i = lowerBound(sorted, prefix, (term) => term); i < sorted.length && found.length < limit && sorted[i]!.startsWith(prefix); i += 1) found.push(sorted[i]!);
    return found;
  }

  /** The terms in sorted order, sorted now if they never were. Call once the vocabulary is complete. */
  sortForPrefixes(): readonly string[] {
    this.sorted ??= [...this.terms].sort();
    if (this.unsorted.length > 0) {
      this.sorted = mergeSorted(this.sorted, this.unsorted.sort());
      this.unsorted = [];
    }
    return this.sorted;
  }

  /** Counts one more document for each of these (distinct) term ids. */
  countDocument(ids: Iterable<number>): void {
    for (const id of ids) this.frequencies[id]! += 1;
  }

  /** Takes back the count of a document that is being replaced. */
  uncountDocument(ids: Iterable<number>): void {
    for (const id of ids) this.frequencies[id]! -= 1;
  }

  toJSON(): { terms: string[]; frequencies: number[] } {
    return { terms: this.terms, frequencies: this.frequencies };
  }
}

/** Two sorted lists as one. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const merged = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < merged.length; k += 1) merged[k] = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
  return merged;
}
