/** A new array of the same kind as `array`, `length` long, with its first `used` items copied and the rest 0. */
export function copyWithRoom<T extends Int32Array | Uint32Array>(array: T, length: number, used = array.length): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array.subarray(0, used));
  return copy;
}
