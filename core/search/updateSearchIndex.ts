import type { ChangeSet } from '../model';
import { SearchIndexBuilder, type RunbookToIndex } from './buildSearchIndex';
import type { RunbookSection } from './runbookSections';
import { runbookKeyOf, type IndexedRunbook, type PostingLists, type SearchIndex } from './searchIndexData';

/** Runbooks to (re-)index and runbooks to drop, named by source and path. */
export interface SearchIndexChanges {
  upserts: RunbookToIndex[];
  removed: { sourceId: string; path: string }[];
}

/** The search-index side of a sync's change set: renamed-away, removed and now-skipped paths are dropped. */
export function searchChangesOf(changes: ChangeSet): SearchIndexChanges {
  const { sourceId } = changes;
  const upserts: RunbookToIndex[] = [];
  const removed = [...changes.removed, ...changes.renamed.map((r) => r.from)].map((path) => ({ sourceId, path }));
  for (const result of changes.upserts) {
    if (result.kind === 'runbook') upserts.push({ meta: { ...result.meta, sourceId }, body: { ...result.body, sourceId } });
    else removed.push({ sourceId, path: result.skipped.path });
  }
  return { upserts, removed };
}

/**
 * A new index with the changed runbooks replaced: only the upserted runbooks are parsed and tokenized; the
 * postings of every other runbook are copied over as they are (renumbered). The result ranks exactly like a
 * full rebuild from the same runbooks. The given index is not modified, so it can keep answering meanwhile.
 */
export function updateSearchIndex(index: SearchIndex, changes: SearchIndexChanges, prepared?: Map<string, RunbookSection[]>): SearchIndex {
  const latest = new Map<string, RunbookToIndex>();
  for (const u of changes.upserts) latest.set(runbookKeyOf(u.meta), u);
  const dropped = new Set<string>([...changes.removed.map(runbookKeyOf), ...latest.keys()]);
  if (dropped.size === 0) return index;

  const added = new SearchIndexBuilder();
  for (const [key, u] of latest) added.add(u.meta, u.body, prepared?.get(key));
  return mergeIndexes(index, (r) => !dropped.has(runbookKeyOf(r)), added.finish());
}

/** `base` without the runbooks `keep` rejects, followed by every runbook of `extra`. */
function mergeIndexes(base: SearchIndex, keep: (r: IndexedRunbook) => boolean, extra: SearchIndex): SearchIndex {
  const runbookMap = new Int32Array(base.runbooks.length).fill(-1);
  const sectionMap = new Int32Array(base.sections.anchor.length).fill(-1);
  const runbooks: IndexedRunbook[] = [];
  let sectionCount = 0;
  base.runbooks.forEach((r, i) => {
    if (!keep(r)) return;
    runbookMap[i] = runbooks.length;
    runbooks.push({ ...r, firstSection: sectionCount });
    for (let s = 0; s < r.sectionCount; s++) sectionMap[r.firstSection + s] = sectionCount++;
  });
  const runbookOffset = runbooks.length;
  const sectionOffset = sectionCount;
  for (const r of extra.runbooks) runbooks.push({ ...r, firstSection: r.firstSection + sectionOffset });

  const terms: string[] = [];
  const runbookOut = new PostingWriter(base.runbookPostings, extra.runbookPostings);
  const headingOut = new PostingWriter(base.headingPostings, extra.headingPostings);
  const bodyOut = new PostingWriter(base.bodyPostings, extra.bodyPostings);
  let i = 0;
  let j = 0;
  while (i < base.terms.length || j < extra.terms.length) {
    const a = i < base.terms.length ? base.terms[i]! : undefined;
    const b = j < extra.terms.length ? extra.terms[j]! : undefined;
    const fromBase = a !== undefined && (b === undefined || a <= b) ? i++ : -1;
    const fromExtra = b !== undefined && (a === undefined || b <= a) ? j++ : -1;
    let written = runbookOut.write(fromBase, runbookMap, fromExtra, runbookOffset);
    written += headingOut.write(fromBase, sectionMap, fromExtra, sectionOffset);
    written += bodyOut.write(fromBase, sectionMap, fromExtra, sectionOffset);
    if (written > 0) {
      terms.push((fromBase >= 0 ? a : b)!);
      runbookOut.endTerm();
      headingOut.endTerm();
      bodyOut.endTerm();
    } else {
      runbookOut.dropTerm();
      headingOut.dropTerm();
      bodyOut.dropTerm();
    }
  }

  return {
    terms,
    runbookPostings: runbookOut.finish(),
    headingPostings: headingOut.finish(),
    bodyPostings: bodyOut.finish(),
    runbooks,
    sections: mergeSections(base, sectionMap, sectionCount, extra, runbookMap, runbookOffset),
  };
}

function mergeSections(
  base: SearchIndex,
  sectionMap: Int32Array,
  kept: number,
  extra: SearchIndex,
  runbookMap: Int32Array,
  runbookOffset: number,
): SearchIndex['sections'] {
  const total = kept + extra.sections.anchor.length;
  const runbook = new Uint32Array(total);
  const depth = new Uint8Array(total);
  const anchor: string[] = new Array<string>(total);
  const heading: string[] = new Array<string>(total);
  const textStart = new Uint32Array(total + 1);
  let textLength = 0;
  const from = base.sections;
  for (let s = 0; s < sectionMap.length; s++) if (sectionMap[s]! >= 0) textLength += from.textStart[s + 1]! - from.textStart[s]!;
  textLength += extra.sections.text.length;
  const text = new Uint8Array(textLength);
  let at = 0;
  for (let s = 0; s < sectionMap.length; s++) {
    const to = sectionMap[s]!;
    if (to < 0) continue;
    runbook[to] = runbookMap[from.runbook[s]!]!;
    depth[to] = from.depth[s]!;
    anchor[to] = from.anchor[s]!;
    heading[to] = from.heading[s]!;
    textStart[to] = at;
    text.set(from.text.subarray(from.textStart[s], from.textStart[s + 1]), at);
    at += from.textStart[s + 1]! - from.textStart[s]!;
  }
  const add = extra.sections;
  for (let s = 0; s < add.anchor.length; s++) {
    const to = kept + s;
    runbook[to] = add.runbook[s]! + runbookOffset;
    depth[to] = add.depth[s]!;
    anchor[to] = add.anchor[s]!;
    heading[to] = add.heading[s]!;
    textStart[to] = at + add.textStart[s]!;
  }
  text.set(add.text, at);
  textStart[total] = textLength;
  return { runbook, anchor, heading, depth, text, textStart };
}

/** Writes one group's merged posting lists term by term. */
class PostingWriter {
  private readonly start: number[] = [0];
  private readonly doc: Uint32Array;
  private readonly impact: Uint8Array;
  private length = 0;
  private termStart = 0;

  constructor(
    private readonly base: PostingLists,
    private readonly extra: PostingLists,
  ) {
    const capacity = base.doc.length + extra.doc.length;
    this.doc = new Uint32Array(capacity);
    this.impact = new Uint8Array(capacity);
    // Both indexes come from the same builder constants, so their impacts share one scale.
    if (base.doc.length > 0 && extra.doc.length > 0 && base.scale !== extra.scale)
      throw new Error('Search indexes with different impact scales cannot be merged.');
  }

  /** Appends the kept postings of base term `i` (renumbered) and of extra term `j` (offset); returns how many. */
  write(i: number, map: Int32Array, j: number, offset: number): number {
    const before = this.length;
    if (i >= 0) {
      const { start, doc, impact } = this.base;
      for (let p = start[i]!; p < start[i + 1]!; p++) {
        const d = map[doc[p]!]!;
        if (d < 0) continue;
        this.doc[this.length] = d;
        this.impact[this.length++] = impact[p]!;
      }
    }
    if (j >= 0) {
      const { start, doc, impact } = this.extra;
      for (let p = start[j]!; p < start[j + 1]!; p++) {
        this.doc[this.length] = doc[p]! + offset;
        this.impact[this.length++] = impact[p]!;
      }
    }
    return this.length - before;
  }

  endTerm(): void {
    this.start.push(this.length);
    this.termStart = this.length;
  }

  /** The term has no posting left in any group: forget what was written for it (nothing, in this group). */
  dropTerm(): void {
    this.length = this.termStart;
  }

  finish(): PostingLists {
    return {
      start: Uint32Array.from(this.start),
      doc: this.doc.slice(0, this.length),
      impact: this.impact.slice(0, this.length),
      scale: this.extra.scale,
    };
  }
}
