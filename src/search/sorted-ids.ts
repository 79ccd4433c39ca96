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
