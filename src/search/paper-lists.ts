import { lowerBound } from '../lower-bound.js';
import { copyWithRoom } from './typed-arrays.js';

/** The room a list gets when none was reserved. */
const FIRST_CAPACITY = 8;
/**
 * How a full list grows, and the room `reserve` leaves: a day of new papers adds a few ids to hundreds of lists,
 * which should not each be copied, nor each keep half their size again in reserve.
 */
const GROWTH = 1.1;

interface List {
  ids: Uint32Array;
  length: number;
}

/**
 * Which papers have each term, for the terms given a list. Typed arrays hold an id in 4 bytes where a plain
 * array of numbers takes 8 (Node's V8 does not compress pointers): 3.6 million postings at 75,000 papers.
 */
export class PaperLists {
  private readonly lists: List[] = [];
  /**
   * Each term's place in `lists`, plus one (0: no list): a typed array by term id, as a build files tens of
   * millions of words, and neither a Map nor a sparse array (which V8 keeps as a dictionary) is that fast.
   */
  private placeOf = new Int32Array(0);

  /** Makes room for `count` papers under `termId` and some more: a build knows each term's count in advance. */
  reserve(termId: number, count: number): void {
    const list = this.listOf(termId) ?? this.newList(termId);
    if (list.ids.length >= count) return;
    list.ids = copyWithRoom(list.ids, Math.ceil(count * GROWTH), list.length);
  }

  /** Files `paperId` under `termId`: appended in the usual case (ids grow), inserted when a paper is replaced. */
  add(termId: number, paperId: number): void {
    const list = this.listOf(termId) ?? this.newList(termId);
    const last = list.length === 0 ? -1 : list.ids[list.length - 1]!;
    // A paper's words are filed in turn, so a repeated word finds its paper last.
    if (last === paperId) return;
    if (list.length === list.ids.length) list.ids = copyWithRoom(list.ids, Math.max(FIRST_CAPACITY, Math.ceil(list.length * GROWTH)));
    const at = last < paperId ? list.length : position(list, paperId);
    if (at < list.length && list.ids[at] === paperId) return;
    list.ids.copyWithin(at + 1, at, list.length);
    list.ids[at] = paperId;
    list.length += 1;
  }

  remove(termId: number, paperId: number): void {
    const list = this.listOf(termId);
    if (!list) return;
    const at = position(list, paperId);
    if (list.ids[at] !== paperId || at >= list.length) return;
    list.ids.copyWithin(at, at + 1, list.length);
    list.length -= 1;
  }

  /** The papers filed under `termId`, ascending; empty when none are. A view: valid until the next change. */
  papersWith(termId: number): Uint32Array {
    const list = this.listOf(termId);
    return list ? list.ids.subarray(0, list.length) : EMPTY;
  }

  private listOf(termId: number): List | undefined {
    return termId >= 0 && termId < this.placeOf.length && this.placeOf[termId]! > 0 ? this.lists[this.placeOf[termId]! - 1] : undefined;
  }

  private newList(termId: number): List {
    if (termId >= this.placeOf.length) this.placeOf = copyWithRoom(this.placeOf, Math.max(termId + 1, Math.ceil(this.placeOf.length * GROWTH)));
    const list = { ids: new Uint32Array(FIRST_CAPACITY), length: 0 };
    this.lists.push(list);
    this.placeOf[termId] = this.lists.length;
    return list;
  }
}

const EMPTY = new Uint32Array(0);

/** Where `paperId` is, or would go, in `list`. */
function position(list: List, paperId: number): number {
  return lowerBound(list.ids.subarray(0, list.length), paperId, (id) => id);
}
