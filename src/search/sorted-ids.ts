/** Ascending lists of paper ids: binary search, and keeping them sorted as papers are added or replaced. */
import { lowerBound } from '../lower-bound.js';

const identity = (id: number) => id;

/** Where `value` is, or would go, in an ascending list. */
function indexInSorted(list: readonly number[], value: number): number {
  return lowerBound(list, value, identity);
}

export function includesSorted(list: readonly number[], value: number): boolean {
  return list[indexInSorted(list, value)] === value;
}

/** Appends in the usual case (ids grow as papers are added); inserts in place when a paper is replaced. */
export function insertSorted(list: number[], value: number): void {
  if (list.length === 0 || list[list.length - 1]! < value) list.push(value);
  else if (!includesSorted(list, value)) list.splice(indexInSorted(list, value), 0, value);
}

export function removeSorted(list: number[] | undefined, value: number): void {
  if (list && includesSorted(list, value)) list.splice(indexInSorted(list, value), 1);
}

/**
 * The ids found in every one of these ascending lists, newest (highest) first, at most `limit`: corpora are read
 * in date order, so these are the latest papers. Walks the shortest list backwards and looks the others up.
 */
export function newestInAll(lists: readonly (readonly number[])[], limit: number): number[] {
  if (lists.length === 0) return [];
  const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  const found: number[] = [];
  for (let i = shortest!.length - 1; i >= 0 && found.length < limit; i -= 1) {
    const id = shortest![i]!;
    if (others.every((list) => includesSorted(list, id))) found.push(id);
  }
  return found;
}
