import { forEachWord, joinCompound } from './analyzer.js';

/** What a raw word stands for: its term id, or `NOT_A_TERM` for stop words and the like. */
export const NOT_A_TERM = -1;
/** An unused slot of the table. */
const EMPTY = -2;
/** 32-bit FNV-1a, a fast hash with few collisions on short words. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16_777_619;

/**
 * Text → term ids, remembering each raw word it has met. This is the hottest loop of a build (15 million words
 * at 75,000 papers), and a `Map` keyed by a copy of each word spent more time copying and hashing strings than
 * anything else: here a word is hashed where it stands in the text and compared there with the word on file,
 * so only words never met before are copied. An open-addressing table of typed arrays, kept at most half full.
 */
export class WordIds {
  private hashes: Int32Array;
  private ids: Int32Array;
  private words: string[];
  private size = 0;

  /** `idOfNewWord` gives a word's term id (or `NOT_A_TERM`) the first time the word is met. */
  constructor(private readonly idOfNewWord: (word: string) => number, capacity = 256) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.hashes = new Int32Array(slots);
    this.ids = new Int32Array(slots).fill(EMPTY);
    this.words = new Array<string>(slots);
  }

  /** The term ids of `text`'s words in order, then those of its hyphenated compounds (as `analyze` orders them). */
  read(text: string): Uint32Array {
    const found: number[] = [];
    const compounds: string[] = [];
    const keep = (id: number) => id !== NOT_A_TERM && found.push(id);
    forEachWord(
      text,
      (start, end) => keep(this.idAt(text, start, end)),
      (start, end) => compounds.push(joinCompound(text, start, end)),
    );
    for (const compound of compounds) keep(this.idAt(compound, 0, compound.length));
    return Uint32Array.from(found);
  }

  /** The id of the word `text[start, end)`. */
  private idAt(text: string, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    const mask = this.ids.length - 1;
    let slot = hash & mask;
    for (; this.ids[slot] !== EMPTY; slot = (slot + 1) & mask) {
      const word = this.words[slot]!;
      if (this.hashes[slot] === hash && word.length === end - start && text.startsWith(word, start)) return this.ids[slot]!;
    }
    const word = text.slice(start, end);
    const id = this.idOfNewWord(word);
    this.put(slot, hash, word, id);
    return id;
  }

  private put(slot: number, hash: number, word: string, id: number): void {
    this.hashes[slot] = hash;
    this.ids[slot] = id;
    this.words[slot] = word;
    this.size += 1;
    if (this.size * 2 > this.ids.length) this.grow();
  }

  private grow(): void {
    const { hashes, ids, words } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(EMPTY);
    this.words = new Array<string>(words.length * 2);
    const mask = this.ids.length - 1;
    for (let old = 0; old < ids.length; old += 1) {
      if (ids[old] === EMPTY) continue;
      let slot = hashes[old]! & mask;
      while (this.ids[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[old]!;
      this.ids[slot] = ids[old]!;
      this.words[slot] = words[old]!;
    }
  }
}
