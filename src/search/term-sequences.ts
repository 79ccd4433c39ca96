import { copyWithRoom } from './typed-arrays.js';

/** A paper's title and abstract as sequences of term ids, in reading order (for term counts and word pairs). */
export interface TermSequence {
  title: Uint32Array;
  abstract: Uint32Array;
}

/**
 * Room made when the store is full, as a share of what it holds: a day's papers fit many times over, and the
 * copy stays rare without keeping half the store's size again in reserve.
 */
const GROWTH = 1.05;
/** The share of room a loader should leave after saved sequences (see `fromPacked`). */
export const ROOM_TO_GROW = GROWTH;
/** The least room made, so that a small store does not grow one paper at a time. */
const MIN_CAPACITY = 4096;

/**
 * Every paper's term sequence in one buffer of ids, with each paper's start and lengths. One typed array per
 * title and abstract cost 150,000 objects (14 MiB of heap at 75,000 papers) for nothing but their bounds.
 *
 * Saved layout (`toPacked`): [count, then per paper its title length and abstract length, then all ids in order].
 */
export class TermSequences {
  private ids: Uint32Array;
  private used = 0;
  private starts: Uint32Array;
  private titleLengths: Uint32Array;
  private abstractLengths: Uint32Array;
  private papers = 0;

  /** Builds know their sizes in advance; live additions grow the store as needed. */
  constructor(idCapacity = 0, paperCapacity = 0) {
    this.ids = new Uint32Array(idCapacity);
    this.starts = new Uint32Array(paperCapacity);
    this.titleLengths = new Uint32Array(paperCapacity);
    this.abstractLengths = new Uint32Array(paperCapacity);
  }

  /**
   * Sequences saved by `toPacked`, used in place. Whatever `packed` holds past the saved ids is room to grow: a
   * loader that leaves some (`ROOM_TO_GROW`) spares the first day of papers added after a start a copy of the
   * whole store (40 ms at 75,000 papers).
   */
  static fromPacked(packed: Uint32Array): TermSequences {
    const count = packed[0]!;
    const sequences = new TermSequences(0, Math.ceil(count * GROWTH));
    sequences.ids = packed.subarray(1 + 2 * count);
    for (let id = 0; id < count; id += 1) {
      sequences.starts[id] = sequences.used;
      sequences.titleLengths[id] = packed[1 + 2 * id]!;
      sequences.abstractLengths[id] = packed[2 + 2 * id]!;
      sequences.used += packed[1 + 2 * id]! + packed[2 + 2 * id]!;
    }
    if (sequences.used > sequences.ids.length) throw new Error('The saved term sequences are cut short.');
    sequences.papers = count;
    return sequences;
  }

  get count(): number {
    return this.papers;
  }

  /** Paper `id`'s sequence, as views into the store (valid until the next `set`). */
  get(id: number): TermSequence {
    const start = this.starts[id]!;
    const titleEnd = start + this.titleLengths[id]!;
    return { title: this.ids.subarray(start, titleEnd), abstract: this.ids.subarray(titleEnd, titleEnd + this.abstractLengths[id]!) };
  }

  /** Stores paper `id`'s sequence: a new paper (id = count) or a replacement, whose old ids are left unused. */
  set(id: number, sequence: TermSequence): void {
    const length = sequence.title.length + sequence.abstract.length;
    this.reserve(length, id + 1);
    this.ids.set(sequence.title, this.used);
    this.ids.set(sequence.abstract, this.used + sequence.title.length);
    this.starts[id] = this.used;
    this.titleLengths[id] = sequence.title.length;
    this.abstractLengths[id] = sequence.abstract.length;
    this.used += length;
    this.papers = Math.max(this.papers, id + 1);
  }

  toPacked(): Uint32Array {
    const lengths = new Uint32Array(1 + 2 * this.papers);
    lengths[0] = this.papers;
    let total = 0;
    for (let id = 0; id < this.papers; id += 1) {
      lengths[1 + 2 * id] = this.titleLengths[id]!;
      lengths[2 + 2 * id] = this.abstractLengths[id]!;
      total += this.titleLengths[id]! + this.abstractLengths[id]!;
    }
    const packed = new Uint32Array(lengths.length + total);
    packed.set(lengths);
    let at = lengths.length;
    for (let id = 0; id < this.papers; id += 1) {
      const { title, abstract } = this.get(id);
      packed.set(title, at);
      packed.set(abstract, at + title.length);
      at += title.length + abstract.length;
    }
    return packed;
  }

  private reserve(ids: number, papers: number): void {
    if (this.used + ids > this.ids.length) this.ids = grown(this.ids, this.used + ids, this.used);
    if (papers > this.starts.length) {
      this.starts = grown(this.starts, papers, this.papers);
      this.titleLengths = grown(this.titleLengths, papers, this.papers);
      this.abstractLengths = grown(this.abstractLengths, papers, this.papers);
    }
  }
}

/** A copy of the first `used` items of `array` with room for at least `needed`. */
function grown(array: Uint32Array, needed: number, used: number): Uint32Array {
  return copyWithRoom(array, Math.max(needed, Math.ceil(array.length * GROWTH), MIN_CAPACITY), used);
}
