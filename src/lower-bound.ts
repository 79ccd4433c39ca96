/**
 * The first position in a sorted list whose item is not below `value` (a binary search): where `value` is, or
 * would go. `keyOf` picks what the list is sorted by.
 */
export function lowerBound<T, K extends number | string>(list: ArrayLike<T>, value: K, keyOf: (item: T) => K): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(list[middle]!) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
