import { closestTitles, type TitleSuggestion } from './closestTitles';
import { foldSearchText } from './foldSearchText';
import { parseSearchQuery, type ParsedQuery } from './parseSearchQuery';
import { containsPhrase, phraseMatcher, type PhraseMatcher } from './containsPhrase';
import type { IndexedRunbook, PostingLists, SearchIndex } from './searchIndexData';
import { runbookFilter, type SearchFilters } from './searchFilters';
import { buildSnippet, highlightRanges, termMatcher, type TermMatcher, type TextRange } from './searchSnippet';
import { expandClause, type TermExpansion } from './expandQueryTerms';

export interface SearchOptions {
  filters?: SearchFilters;
  /** Runbooks in the answer (default 20). */
  maxRunbooks?: number;
  /** Sections shown under each runbook (default 3). */
  sectionsPerRunbook?: number;
}

export interface SectionHit {
  /** Heading anchor to open (`''`: the top of the runbook). */
  anchor: string;
  heading: string;
  headingRanges: TextRange[];
  snippet: string;
  snippetRanges: TextRange[];
  score: number;
}

export interface RunbookHit {
  sourceId: string;
  path: string;
  title: string;
  titleRanges: TextRange[];
  status?: string;
  area?: string;
  owner?: string;
  tags: string[];
  /** The best section's score. */
  score: number;
  sections: SectionHit[];
}

export interface SearchResponse {
  /** The query text as used (capped). */
  query: string;
  /** Only the start of the query was used (see `MAX_QUERY_CHARS`, `MAX_QUERY_CLAUSES`). */
  truncated: boolean;
  /** The query had nothing searchable and no filter was set: show bookmarks and recent searches instead. */
  empty: boolean;
  runbooks: RunbookHit[];
  /** How many runbooks matched in all (more than `runbooks.length` when capped). */
  totalRunbooks: number;
  /** When nothing matched: the runbook titles closest to the query. */
  suggestions: TitleSuggestion[];
}

/**
 * How much of a runbook-level match (title, aliases, tags, summary) counts for its sections other than the
 * first: a query naming the runbook opens it at the top, unless a section matches on its own as well.
 */
const RUNBOOK_SHARE = 0.5;

/** Sections ranked in full before grouping; the rest only count towards `totalRunbooks`. */
const RANKED_SECTIONS = 400;

/** Relative rank of a runbook by its `status`: retired procedures below current ones, drafts slightly below. */
export function statusWeight(status: string | undefined): number {
  switch (status) {
    case 'deprecated':
    case 'archived':
    case 'retired':
    case 'obsolete':
      return 0.45;
    case 'draft':
    case 'wip':
    case 'proposed':
      return 0.85;
    default:
      return 1;
  }
}

/**
 * Runs a query against the index: sections ranked by BM25 over weighted fields (a runbook-level match counts
 * for every section of that runbook), favouring sections that match more of the query's words, then grouped
 * under their runbook with highlighted snippets.
 */
export function searchRunbooks(index: SearchIndex, query: string | ParsedQuery, options: SearchOptions = {}): SearchResponse {
  const parsed = typeof query === 'string' ? parseSearchQuery(query) : query;
  const maxRunbooks = options.maxRunbooks ?? 20;
  const perRunbook = options.sectionsPerRunbook ?? 3;
  const allowed = runbookFilter(index, options.filters);
  const base = { query: parsed.text, truncated: parsed.truncated, suggestions: [] as TitleSuggestion[] };

  if (parsed.clauses.length === 0) {
    if (!allowed) return { ...base, empty: true, runbooks: [], totalRunbooks: 0 };
    return { ...base, empty: false, ...listFiltered(index, allowed, maxRunbooks) };
  }

  const scratch = scratchFor(index);
  const rb = scratch.runbooks;
  const sec = scratch.sections;
  rb.reset();
  sec.reset();
  const matchedTerms = new Set<string>();
  let requiredMask = 0;
  const clauseCount = parsed.clauses.length;

  parsed.clauses.forEach((clause, c) => {
    const clauseBit = (1 << c) >>> 0;
    if (clause.required) requiredMask = (requiredMask | clauseBit) >>> 0;
    for (const expansion of expandClause(index, clause)) {
      const bit = expansion.hint ? 0 : clauseBit;
      let found = scan(index.runbookPostings, expansion, index.runbooks.length, rb, bit);
      if (expansion.scope !== 'runbook') found = scan(index.headingPostings, expansion, index.sections.anchor.length, sec, bit) || found;
      if (expansion.scope === 'all') found = scan(index.bodyPostings, expansion, index.sections.anchor.length, sec, bit) || found;
      if (found && !expansion.hint) matchedTerms.add(index.terms[expansion.term]!);
    }
  });

  const top = new TopSections(RANKED_SECTIONS);
  let totalRunbooks = rankCandidates(index, scratch, top, allowed, requiredMask, clauseCount);

  const ranked = top.sorted(index);
  const runbooks = groupSections(index, parsed, ranked, termMatcher(matchedTerms), maxRunbooks, perRunbook);
  // Phrases are checked only on the sections shown, so only those runbooks are known to match.
  if (parsed.phrases.length > 0) totalRunbooks = runbooks.length;
  return {
    ...base,
    empty: false,
    runbooks,
    totalRunbooks: runbooks.length === 0 ? 0 : totalRunbooks,
    suggestions: runbooks.length === 0 ? closestTitles(index, parsed, allowed) : [],
  };
}

/**
 * Scores every matched section (and the first section of every runbook matched on its own fields) and keeps the
 * best in `top`; returns how many runbooks matched. Hot loop: plain arrays, no closures, no per-item objects.
 */
function rankCandidates(index: SearchIndex, scratch: Scratch, top: TopSections, allowed: Uint8Array | undefined, requiredMask: number, clauseCount: number): number {
  const rb = scratch.runbooks;
  const sec = scratch.sections;
  const status = scratch.statusWeights;
  const firstSection = scratch.firstSections;
  const seen = scratch.seenRunbooks;
  const sectionRunbook = index.sections.runbook;
  // Runbook-level matches spread into dense arrays (zero elsewhere), so the section loop needs no checks.
  const rbScore = scratch.runbookScore;
  const rbMask = scratch.runbookMask;
  for (let i = 0; i < rb.count; i++) {
    const r = rb.touched[i]!;
    rbScore[r] = rb.score[r]!;
    rbMask[r] = rb.mask[r]!;
  }
  seen.fill(0);
  let total = 0;
  const offer = (s: number, r: number, sectionScore: number, sectionMask: number): void => {
    if (allowed !== undefined && allowed[r] === 0) return;
    const mask = (sectionMask | rbMask[r]!) >>> 0;
    if (mask === 0 || (mask & requiredMask) !== requiredMask) return;
    const coverage = popCount(mask) / clauseCount;
    const runbookScore = rbScore[r]! * (s === firstSection[r] ? 1 : RUNBOOK_SHARE);
    if (seen[r] === 0) {
      seen[r] = 1;
      total++;
    }
    top.offer(s, (sectionScore + runbookScore) * coverage * coverage * status[r]!);
  };
  const touched = sec.touched;
  const secScore = sec.score;
  const secMask = sec.mask;
  for (let i = 0; i < sec.count; i++) {
    const s = touched[i]!;
    offer(s, sectionRunbook[s]!, secScore[s]!, secMask[s]!);
  }
  // A runbook that matched only on its title, aliases, tags or summary opens at its first section.
  for (let i = 0; i < rb.count; i++) {
    const r = rb.touched[i]!;
    if (index.runbooks[r]!.sectionCount > 0 && !sec.has(firstSection[r]!)) offer(firstSection[r]!, r, 0, 0);
  }
  for (let i = 0; i < rb.count; i++) {
    const r = rb.touched[i]!;
    rbScore[r] = 0;
    rbMask[r] = 0;
  }
  return total;
}

function scan(lists: PostingLists, expansion: TermExpansion, documents: number, acc: Accumulator, bit: number): boolean {
  const from = lists.start[expansion.term]!;
  const to = lists.start[expansion.term + 1]!;
  const df = to - from;
  if (df === 0) return false;
  const idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
  const weight = expansion.weight * idf * lists.scale;
  const { doc, impact } = lists;
  for (let p = from; p < to; p++) acc.add(doc[p]!, weight * impact[p]!, bit);
  return true;
}

function groupSections(
  index: SearchIndex,
  parsed: ParsedQuery,
  ranked: { section: number; score: number }[],
  matchedTerms: TermMatcher,
  maxRunbooks: number,
  perRunbook: number,
): RunbookHit[] {
  const groups = new Map<number, RunbookHit>();
  const phrases = parsed.phrases.map(phraseMatcher);
  const decoder = new TextDecoder();
  const textOf = (s: number) => decoder.decode(index.sections.text.subarray(index.sections.textStart[s]!, index.sections.textStart[s + 1]!));
  for (const { section, score } of ranked) {
    const r = index.sections.runbook[section]!;
    let group = groups.get(r);
    if (!group && groups.size >= maxRunbooks) continue;
    if (group && group.sections.length >= perRunbook) continue;
    const entry = index.runbooks[r]!;
    const text = textOf(section);
    if (phrases.length > 0 && !containsPhrases(phrases, entry, index.sections.heading[section]!, text)) continue;
    if (!group) {
      group = runbookHit(entry, matchedTerms, score);
      groups.set(r, group);
    }
    group.sections.push(sectionHit(index, entry, section, text, matchedTerms, score));
  }
  return [...groups.values()];
}

function runbookHit(entry: IndexedRunbook, matchedTerms: TermMatcher, score: number): RunbookHit {
  const hit: RunbookHit = {
    sourceId: entry.sourceId,
    path: entry.path,
    title: entry.title,
    titleRanges: highlightRanges(entry.title, matchedTerms),
    tags: entry.tags,
    score,
    sections: [],
  };
  if (entry.status !== undefined) hit.status = entry.status;
  if (entry.area !== undefined) hit.area = entry.area;
  if (entry.owner !== undefined) hit.owner = entry.owner;
  return hit;
}

function sectionHit(index: SearchIndex, entry: IndexedRunbook, section: number, text: string, matchedTerms: TermMatcher, score: number): SectionHit {
  const heading = index.sections.heading[section]!;
  // A title-only section (the top heading with nothing under it) is better described by the summary.
  const shown = text === '' && section === entry.firstSection && entry.summary ? entry.summary : text;
  const snippet = buildSnippet(shown.length > 20_000 ? shown.slice(0, 20_000) : shown, matchedTerms);
  return {
    anchor: index.sections.anchor[section]!,
    heading,
    headingRanges: highlightRanges(heading, matchedTerms),
    snippet: snippet.text,
    snippetRanges: snippet.ranges,
    score,
  };
}

/** Every phrase appears, words side by side, in one of the section's or its runbook's texts. */
function containsPhrases(phrases: PhraseMatcher[], entry: IndexedRunbook, heading: string, text: string): boolean {
  return phrases.every(
    (phrase) =>
      containsPhrase(text, phrase) ||
      containsPhrase(heading, phrase) ||
      containsPhrase(entry.title, phrase) ||
      containsPhrase(entry.summary ?? '', phrase) ||
      entry.aliases.some((alias) => containsPhrase(alias, phrase)),
  );
}

/** Filters but no words: the matching runbooks by title, each opening at its top. */
function listFiltered(index: SearchIndex, allowed: Uint8Array, maxRunbooks: number): Pick<SearchResponse, 'runbooks' | 'totalRunbooks'> {
  const matching = index.runbooks.map((entry, r) => ({ entry, r })).filter(({ r }) => allowed[r]);
  matching.sort((a, b) => compareText(foldSearchText(a.entry.title), foldSearchText(b.entry.title)) || compareText(a.entry.path, b.entry.path));
  const none = termMatcher([]);
  const runbooks = matching.slice(0, maxRunbooks).map(({ entry }) => {
    const hit = runbookHit(entry, none, 0);
    if (entry.sectionCount > 0) {
      const s = entry.firstSection;
      const text = new TextDecoder().decode(index.sections.text.subarray(index.sections.textStart[s]!, index.sections.textStart[s + 1]!));
      hit.sections.push(sectionHit(index, entry, s, text, none, 0));
    }
    return hit;
  });
  return { runbooks, totalRunbooks: matching.length };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function popCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Per-document score and matched-clause bits, reset between queries without clearing the arrays. */
class Accumulator {
  readonly score: Float64Array;
  readonly mask: Uint32Array;
  readonly touched: Uint32Array;
  private readonly stamp: Uint32Array;
  private generation = 0;
  count = 0;

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.mask = new Uint32Array(size);
    this.touched = new Uint32Array(size);
    this.stamp = new Uint32Array(size);
  }

  reset(): void {
    this.count = 0;
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
  }

  has(doc: number): boolean {
    return this.stamp[doc] === this.generation;
  }

  add(doc: number, score: number, bit: number): void {
    if (this.stamp[doc] !== this.generation) {
      this.stamp[doc] = this.generation;
      this.score[doc] = score;
      this.mask[doc] = bit;
      this.touched[this.count++] = doc;
      return;
    }
    this.score[doc] = this.score[doc]! + score;
    this.mask[doc] = (this.mask[doc]! | bit) >>> 0;
  }
}

interface Scratch {
  runbooks: Accumulator;
  sections: Accumulator;
  seenRunbooks: Uint8Array;
  statusWeights: Float32Array;
  firstSections: Uint32Array;
  /** Per runbook, zero outside a query. */
  runbookScore: Float64Array;
  runbookMask: Uint32Array;
}

const scratchByIndex = new WeakMap<SearchIndex, Scratch>();

/** Work arrays sized to the index, allocated once per index instead of once per keystroke. */
function scratchFor(index: SearchIndex): Scratch {
  let scratch = scratchByIndex.get(index);
  if (!scratch) {
    scratch = {
      runbooks: new Accumulator(index.runbooks.length),
      sections: new Accumulator(index.sections.anchor.length),
      seenRunbooks: new Uint8Array(index.runbooks.length),
      statusWeights: Float32Array.from(index.runbooks, (r) => statusWeight(r.status)),
      firstSections: Uint32Array.from(index.runbooks, (r) => r.firstSection),
      runbookScore: new Float64Array(index.runbooks.length),
      runbookMask: new Uint32Array(index.runbooks.length),
    };
    scratchByIndex.set(index, scratch);
  }
  return scratch;
}

/** The best `capacity` sections seen so far (a min-heap on score). */
class TopSections {
  private readonly sections: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.sections = new Uint32Array(capacity);
    this.scores = new Float64Array(capacity);
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
      return compareText(ra.sourceId, rb.sourceId) || compareText(ra.path, rb.path) || sectionOrder(index, a.section) - sectionOrder(index, b.section);
    });
    return out;
  }
}

function sectionOrder(index: SearchIndex, s: number): number {
  return s - index.runbooks[index.sections.runbook[s]!]!.firstSection;
}
