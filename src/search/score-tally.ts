/**
 * Running totals per paper, shared by every search and reset by `best`: a paper's slot is an array lookup, not a
 * Map entry, since a question's common words touch tens of thousands of papers.
 */
let totals = new Float64Array(0);

/** Sums what each paper earns from several lists of papers, then hands back the best. */
export class ScoreTally {
  private readonly touched: number[] = [];

  constructor(documentCount: number) {
    if (totals.length < documentCount) totals = new Float64Array(Math.ceil(documentCount * 1.25));
  }

  add(id: number, score: number): void {
    if (score <= 0) return;
    if (totals[id] === 0) this.touched.push(id);
    totals[id]! += score;
  }

  /** The `limit` papers with the highest totals, best first, the newest first among equals; empties the tally. */
  best(limit: number): number[] {
    const heap = new WorstOnTop(limit);
    for (const id of this.touched) heap.offer(id);
    const best = heap.drainBestFirst();
    for (const id of this.touched) totals[id] = 0;
    this.touched.length = 0;
    return best;
  }
}

/** Whether paper `a` ranks below paper `b`. */
function below(a: number, b: number): boolean {
  return totals[a]! < totals[b]! || (totals[a] === totals[b] && a < b);
}

/** A binary min-heap of at most `limit` papers: the worst kept is on top, to be replaced by anything better. */
class WorstOnTop {
  private readonly ids: number[] = [];

  constructor(private readonly limit: number) {}

  offer(id: number): void {
    if (this.ids.length < this.limit) {
      this.ids.push(id);
      this.siftUp(this.ids.length - 1);
    } else if (this.limit > 0 && below(this.ids[0]!, id)) {
      this.ids[0] = id;
      this.siftDown(0);
    }
  }

  drainBestFirst(): number[] {
    const ordered = new Array<number>(this.ids.length);
    for (let i = this.ids.length - 1; i >= 0; i -= 1) {
      ordered[i] = this.ids[0]!;
      const last = this.ids.pop()!;
      if (this.ids.length > 0) {
        this.ids[0] = last;
        this.siftDown(0);
      }
    }
    return ordered;
  }

  private siftUp(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!below(this.ids[at]!, this.ids[parent]!)) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(at: number): void {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < this.ids.length && below(this.ids[left]!, this.ids[worst]!)) worst = left;
      if (right < this.ids.length && below(this.ids[right]!, this.ids[worst]!)) worst = right;
      if (worst === at) return;
      this.swap(at, worst);
      at = worst;
    }
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
  }
}
