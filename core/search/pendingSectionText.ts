/**
 * Which parts of a loaded index's section text are still in storage. The stored index keeps its section text
 * (half of its bytes) in rows of fixed-size chunks apart from the rest, so a start reads only what ranking
 * needs; `sections.text` then has its full length but only the chunks read so far filled in. Reading a section
 * whose text is not there yet gives `''` and notes its chunks as wanted, so a caller can read them and ask
 * again (see `SearchService.answer`).
 */
export class PendingSectionText {
  /** 1 for each chunk already copied into `sections.text`. */
  private readonly filled: Uint8Array;
  private unfilled: number;
  /** Chunks asked for and not filled yet. */
  readonly wanted = new Set<number>();

  constructor(
    /** Bytes per chunk row (the last one may be shorter). */
    readonly chunkBytes: number,
    readonly chunkCount: number,
    /** Names the chunk rows written together with the rest of this index. */
    readonly textId: string,
  ) {
    this.filled = new Uint8Array(chunkCount);
    this.unfilled = chunkCount;
  }

  /** Every chunk holding bytes `start`..`end` is filled; otherwise those not filled are noted as wanted. */
  holds(start: number, end: number): boolean {
    let all = true;
    for (let c = Math.floor(start / this.chunkBytes); c * this.chunkBytes < end; c++) {
      if (this.filled[c] === 1) continue;
      all = false;
      this.wanted.add(c);
    }
    return all;
  }

  isFilled(chunk: number): boolean {
    return this.filled[chunk] === 1;
  }

  markFilled(chunk: number): void {
    if (this.filled[chunk] === 1) return;
    this.filled[chunk] = 1;
    this.unfilled--;
    this.wanted.delete(chunk);
  }

  get complete(): boolean {
    return this.unfilled === 0;
  }
}
