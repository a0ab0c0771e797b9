import type { RunbookBody, RunbookMeta } from '../model';
import { foldSearchText } from './foldSearchText';
import { GrowableArray } from './growableArray';
import { runbookSections, type RunbookSection } from './runbookSections';
import { scanSearchTokens } from './scanSearchTokens';
import type { IndexedRunbook, PostingLists, SearchIndex } from './searchIndexData';
import { STOP_WORDS } from './stopWords';

/** A cached runbook as the index takes it (the cache keeps no links). */
export interface RunbookToIndex {
  meta: Omit<RunbookMeta, 'links'>;
  body: RunbookBody;
}

interface FieldWeight {
  /** How much a match in this field counts against the others. */
  boost: number;
  /** Typical length in terms; a fixed value (not the corpus average) so a runbook's postings depend on it alone. */
  typicalLength: number;
  /** BM25 length normalisation: 0 ignores the field's length, 1 scales fully with it. */
  lengthEffect: number;
}

/** Fields in order of importance: title, aliases, tags, heading, summary, body. */
export const FIELD_WEIGHTS = {
  title: { boost: 10, typicalLength: 4, lengthEffect: 0.5 },
  aliases: { boost: 8, typicalLength: 6, lengthEffect: 0.5 },
  tags: { boost: 6, typicalLength: 4, lengthEffect: 0.3 },
  heading: { boost: 5, typicalLength: 4, lengthEffect: 0.5 },
  summary: { boost: 2, typicalLength: 20, lengthEffect: 0.75 },
  area: { boost: 1.5, typicalLength: 2, lengthEffect: 0.3 },
  owner: { boost: 1.5, typicalLength: 3, lengthEffect: 0.3 },
  parentHeadings: { boost: 1, typicalLength: 8, lengthEffect: 0.5 },
  body: { boost: 1, typicalLength: 150, lengthEffect: 0.75 },
} satisfies Record<string, FieldWeight>;

/** BM25's term-frequency saturation. */
const K1 = 1.2;

/** The largest impact a posting of each group can have (every field of the group matching), for quantizing. */
const MAX_IMPACT = {
  runbook: maxImpact([
    FIELD_WEIGHTS.title,
    FIELD_WEIGHTS.aliases,
    FIELD_WEIGHTS.tags,
    FIELD_WEIGHTS.summary,
    FIELD_WEIGHTS.area,
    FIELD_WEIGHTS.owner,
  ]),
  heading: maxImpact([FIELD_WEIGHTS.heading, FIELD_WEIGHTS.parentHeadings]),
  body: maxImpact([FIELD_WEIGHTS.body]),
};

function maxImpact(fields: FieldWeight[]): number {
  return fields.reduce((sum, f) => sum + f.boost * (K1 + 1), 0);
}

/** Builds the index of the given runbooks in one go. */
export function buildSearchIndex(runbooks: Iterable<RunbookToIndex>): SearchIndex {
  const builder = new SearchIndexBuilder();
  for (const r of runbooks) builder.add(r.meta, r.body);
  return builder.finish();
}

/**
 * Collects runbooks one at a time (so a caller can yield between them) and produces the index at the end.
 * Each runbook's postings depend only on that runbook, which is what lets `updateSearchIndex` replace a few
 * runbooks and get the same index as a full rebuild.
 */
export class SearchIndexBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  private readonly runbookGroup = new PostingBuffer(MAX_IMPACT.runbook);
  private readonly headingGroup = new PostingBuffer(MAX_IMPACT.heading);
  private readonly bodyGroup = new PostingBuffer(MAX_IMPACT.body);
  private readonly runbooks: IndexedRunbook[] = [];
  private readonly sectionRunbook = new GrowableArray(Uint32Array);
  private readonly sectionDepth = new GrowableArray(Uint8Array);
  private readonly anchors: string[] = [];
  private readonly headings: string[] = [];
  private readonly text = new GrowableArray(Uint8Array, 1 << 16);
  private readonly textStart = new GrowableArray(Uint32Array);
  private readonly encoder = new TextEncoder();

  add(meta: Omit<RunbookMeta, 'links'>, body: RunbookBody, sections: RunbookSection[] = runbookSections(meta, body)): void {
    const runbookNo = this.runbooks.length;
    const entry: IndexedRunbook = {
      sourceId: meta.sourceId,
      path: meta.path,
      oid: meta.oid,
      title: meta.title,
      aliases: [...meta.aliases],
      tags: [...meta.tags],
      firstSection: this.anchors.length,
      sectionCount: sections.length,
    };
    if (meta.summary !== undefined) entry.summary = meta.summary;
    if (meta.area !== undefined) entry.area = meta.area;
    if (meta.status !== undefined) entry.status = meta.status;
    if (meta.owner !== undefined) entry.owner = meta.owner;
    this.runbooks.push(entry);

    this.addPostings(this.runbookGroup, runbookNo, [
      [meta.title, FIELD_WEIGHTS.title],
      // Alert names are searched as aliases: an on-call engineer types the name the page showed them.
      [[...meta.aliases, ...(meta.alerts ?? []).map((alert) => alert.name)].join(' ; '), FIELD_WEIGHTS.aliases],
      [meta.tags.join(' ; '), FIELD_WEIGHTS.tags],
      [meta.summary ?? '', FIELD_WEIGHTS.summary],
      [meta.area ?? '', FIELD_WEIGHTS.area],
      [meta.owner ?? '', FIELD_WEIGHTS.owner],
    ]);

    const foldedTitle = foldSearchText(meta.title);
    for (const section of sections) {
      const sectionNo = this.anchors.length;
      // A top heading that repeats the title is already scored once for the whole runbook.
      const parents = section.parents.filter((p, i) => i > 0 || foldSearchText(p) !== foldedTitle);
      this.addPostings(this.headingGroup, sectionNo, [
        [section.heading, FIELD_WEIGHTS.heading],
        [parents.join(' ; '), FIELD_WEIGHTS.parentHeadings],
      ]);
      this.addPostings(this.bodyGroup, sectionNo, [[section.text, FIELD_WEIGHTS.body]]);
      this.sectionRunbook.push(runbookNo);
      this.sectionDepth.push(section.depth);
      this.anchors.push(section.anchor);
      this.headings.push(section.heading);
      this.textStart.push(this.text.length);
      this.text.pushAll(this.encoder.encode(section.text));
    }
  }

  finish(): SearchIndex {
    const order = this.termList.map((_, i) => i).sort((a, b) => compareTerms(this.termList[a]!, this.termList[b]!));
    const rank = new Uint32Array(order.length);
    order.forEach((termId, position) => (rank[termId] = position));
    const textStart = this.textStart.toArray();
    const withEnd = new Uint32Array(textStart.length + 1);
    withEnd.set(textStart);
    withEnd[textStart.length] = this.text.length;
    return {
      terms: order.map((i) => this.termList[i]!),
      runbookPostings: this.runbookGroup.toPostingLists(rank),
      headingPostings: this.headingGroup.toPostingLists(rank),
      bodyPostings: this.bodyGroup.toPostingLists(rank),
      runbooks: this.runbooks,
      sections: {
        runbook: this.sectionRunbook.toArray(),
        anchor: this.anchors,
        heading: this.headings,
        depth: this.sectionDepth.toArray(),
        text: this.text.toArray(),
        textStart: withEnd,
      },
    };
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
    }
    return id;
  }

  /** Adds one posting per distinct term of the fields, its impact summed over the fields it occurs in. */
  private addPostings(group: PostingBuffer, doc: number, fields: [text: string, weight: FieldWeight][]): void {
    const impacts = new Map<string, number>();
    for (const [text, weight] of fields) {
      if (text === '') continue;
      const counts = new Map<string, number>();
      let length = 0;
      scanSearchTokens(text, (term, _start, _end, kind) => {
        length++;
        if (kind !== 'compound' && STOP_WORDS.has(term)) return;
        counts.set(term, (counts.get(term) ?? 0) + 1);
      });
      const norm = K1 * (1 - weight.lengthEffect + (weight.lengthEffect * length) / weight.typicalLength);
      for (const [term, tf] of counts) {
        const impact = (weight.boost * tf * (K1 + 1)) / (tf + norm);
        impacts.set(term, (impacts.get(term) ?? 0) + impact);
      }
    }
    for (const [term, impact] of impacts) group.push(this.termId(term), doc, impact);
  }
}

/** Code-unit order, the order `Array.prototype.sort` gives strings and the one prefix ranges rely on. */
function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Postings in the order they were added (ascending doc per term), grouped by term at the end. */
class PostingBuffer {
  private readonly termIds = new GrowableArray(Uint32Array, 1 << 14);
  private readonly docs = new GrowableArray(Uint32Array, 1 << 14);
  private readonly impacts = new GrowableArray(Uint8Array, 1 << 14);
  private readonly scale: number;

  constructor(maxImpact: number) {
    this.scale = maxImpact / 255;
  }

  push(termId: number, doc: number, impact: number): void {
    this.termIds.push(termId);
    this.docs.push(doc);
    // A byte per posting is precise enough to rank (1/255 of the group's maximum) and a quarter of a float.
    this.impacts.push(Math.min(255, Math.max(1, Math.round(impact / this.scale))));
  }

  /** Counting sort by the term's rank in the sorted vocabulary; stable, so docs stay ascending. */
  toPostingLists(rank: Uint32Array): PostingLists {
    const count = this.termIds.length;
    const start = new Uint32Array(rank.length + 1);
    for (let i = 0; i < count; i++) start[rank[this.termIds.get(i)]! + 1]!++;
    for (let t = 0; t < rank.length; t++) start[t + 1]! += start[t]!;
    const cursor = start.slice(0, rank.length);
    const doc = new Uint32Array(count);
    const impact = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const at = cursor[rank[this.termIds.get(i)]!]!++;
      doc[at] = this.docs.get(i);
      impact[at] = this.impacts.get(i);
    }
    return { start, doc, impact, scale: this.scale };
  }
}
