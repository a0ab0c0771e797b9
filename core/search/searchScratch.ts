import { compareText, type SearchIndex } from './searchIndexData';
import { statusWeight } from './statusWeight';

// Working memory of a query, sized to the index and reused from one keystroke to the next.

/** Per-document score and matched-clause bits, reset between queries without clearing the arrays. */
export class Accumulator {
  readonly score: Float64Array;
  readonly mask: Uint32Array;
  readonly touched: Uint32Array;
  /** `stamp[doc] === generation`: the document has a score in this query. */
  readonly stamp: Uint32Array;
  private current = 0;
  count = 0;

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.mask = new Uint32Array(size);
    this.touched = new Uint32Array(size);
    this.stamp = new Uint32Array(size);
  }

  get generation(): number {
    return this.current;
  }

  reset(): void {
    this.count = 0;
    this.current++;
    if (this.current === 0xffffffff) {
      this.stamp.fill(0);
      this.current = 1;
    }
  }

  has(doc: number): boolean {
    return this.stamp[doc] === this.current;
  }

  /** Adds `weight × impact` of each posting in `[from, to)` to its document and marks it with `bit` (the hot loop of a query). */
  addPostings(docs: Uint32Array, impacts: Uint8Array, from: number, to: number, weight: number, bit: number): void {
    const stamp = this.stamp;
    const scores = this.score;
    const masks = this.mask;
    const touched = this.touched;
    const generation = this.current;
    let count = this.count;
    for (let p = from; p < to; p++) {
      const doc = docs[p]!;
      const score = weight * impacts[p]!;
      if (stamp[doc] !== generation) {
        stamp[doc] = generation;
        scores[doc] = score;
        masks[doc] = bit;
        touched[count++] = doc;
      } else {
        scores[doc] = scores[doc]! + score;
        masks[doc] = masks[doc]! | bit;
      }
    }
    this.count = count;
  }
}

export interface Scratch {
  runbooks: Accumulator;
  sections: Accumulator;
  seenRunbooks: Uint8Array;
  statusWeights: Float32Array;
  firstSections: Uint32Array;
  sectionCounts: Uint32Array;
  /** Per runbook, zero outside a query. */
  runbookScore: Float64Array;
  runbookMask: Uint32Array;
  /** Per number of matched clauses, that share of the query's clauses (filled per query). */
  coverage: Float64Array;
}

const scratchByIndex = new WeakMap<SearchIndex, Scratch>();

/** Work arrays sized to the index, allocated once per index instead of once per keystroke. */
export function scratchFor(index: SearchIndex): Scratch {
  let scratch = scratchByIndex.get(index);
  if (!scratch) {
    scratch = {
      runbooks: new Accumulator(index.runbooks.length),
      sections: new Accumulator(index.sections.anchor.length),
      seenRunbooks: new Uint8Array(index.runbooks.length),
      statusWeights: Float32Array.from(index.runbooks, (r) => statusWeight(r.status)),
      firstSections: Uint32Array.from(index.runbooks, (r) => r.firstSection),
      sectionCounts: Uint32Array.from(index.runbooks, (r) => r.sectionCount),
      runbookScore: new Float64Array(index.runbooks.length),
      runbookMask: new Uint32Array(index.runbooks.length),
      coverage: new Float64Array(33),
    };
    scratchByIndex.set(index, scratch);
  }
  return scratch;
}

/** The best `capacity` sections seen so far (a min-heap on score). */
export class TopSections {
  private readonly sections: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.sections = new Uint32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** The score a section must beat to enter (minus infinity until full). */
  floor(): number {
    return this.size < this.capacity ? -Infinity : this.scores[0]!;
  }

  offer(section: number, score: number): void {
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.scores[parent]! <= score) break;
        this.sections[i] = this.sections[parent]!;
        this.scores[i] = this.scores[parent]!;
        i = parent;
      }
      this.sections[i] = section;
      this.scores[i] = score;
      return;
    }
    if (score <= this.scores[0]!) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.scores[right]! < this.scores[left]! ? right : left;
      if (this.scores[child]! >= score) break;
      this.sections[i] = this.sections[child]!;
      this.scores[i] = this.scores[child]!;
      i = child;
    }
    this.sections[i] = section;
    this.scores[i] = score;
  }

  /** Best first; equal scores in a stable order (runbook source and path, then document order). */
  sorted(index: SearchIndex): { section: number; score: number }[] {
    const out: { section: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ section: this.sections[i]!, score: this.scores[i]! });
    const runbookOf = (s: number) => index.runbooks[index.sections.runbook[s]!]!;
    out.sort((a, b) => {
      if (b.score !== a.score) return b.score - a.score;
      const ra = runbookOf(a.section);
      const rb = runbookOf(b.section);
      return (
        compareText(ra.sourceId, rb.sourceId) ||
        compareText(ra.path, rb.path) ||
        sectionOrder(index, a.section) - sectionOrder(index, b.section)
      );
    });
    return out;
  }
}

function sectionOrder(index: SearchIndex, s: number): number {
  return s - index.runbooks[index.sections.runbook[s]!]!.firstSection;
}
