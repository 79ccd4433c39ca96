/** A paper's title and abstract as sequences of term ids, in reading order (for term counts and word pairs). */
export interface TermSequence {
  title: Uint32Array;
  abstract: Uint32Array;
}

/** Layout: [count, then per document its title length and abstract length, then all ids in order]. */
export function packSequences(sequences: readonly TermSequence[]): Uint32Array {
  const total = sequences.reduce((sum, s) => sum + s.title.length + s.abstract.length, 0);
  const packed = new Uint32Array(1 + 2 * sequences.length + total);
  packed[0] = sequences.length;
  let at = 1 + 2 * sequences.length;
  sequences.forEach((sequence, i) => {
    packed[1 + 2 * i] = sequence.title.length;
    packed[2 + 2 * i] = sequence.abstract.length;
    packed.set(sequence.title, at);
    packed.set(sequence.abstract, at + sequence.title.length);
    at += sequence.title.length + sequence.abstract.length;
  });
  return packed;
}

export function unpackSequences(packed: Uint32Array): TermSequence[] {
  const count = packed[0]!;
  const sequences: TermSequence[] = [];
  let at = 1 + 2 * count;
  for (let i = 0; i < count; i += 1) {
    const titleLength = packed[1 + 2 * i]!;
    const abstractLength = packed[2 + 2 * i]!;
    sequences.push({ title: packed.subarray(at, at + titleLength), abstract: packed.subarray(at + titleLength, at + titleLength + abstractLength) });
    at += titleLength + abstractLength;
  }
  return sequences;
}
