import { boostExactMatches } from './boostExactMatches';
import { closestTitles, type TitleSuggestion } from './closestTitles';
import { expandClause, type TermExpansion } from './expandQueryTerms';
import { parseSearchQuery, type ParsedQuery } from './parseSearchQuery';
import { foldDuplicateCopies, hasTeamCopies } from './foldDuplicateCopies';
import { fitWorkBudget } from './queryWorkBudget';
import { runbookFilter, type SearchFilters } from './searchFilters';
import type { PostingLists, SearchIndex } from './searchIndexData';
import { groupSections, listFiltered, type SearchResponse } from './searchResults';
import { scratchFor, TopSections, type Accumulator, type Scratch } from './searchScratch';
import { termMatcher } from './searchSnippet';

export type { RunbookHit, SearchResponse, SectionHit } from './searchResults';
export { statusWeight } from './statusWeight';

export interface SearchOptions {
  filters?: SearchFilters;
  /** Runbooks in the answer (default 20). */
  maxRunbooks?: number;
  /** Sections shown under each runbook (default 3). */
  sectionsPerRunbook?: number;
}

/**
 * How much of a runbook-level match (title, aliases, tags, summary) counts for its sections other than the
 * first: a query naming the runbook opens it at the top, unless a section matches on its own as well.
 */
const RUNBOOK_SHARE = 0.5;

/** Sections ranked in full before grouping; the rest only count towards `totalRunbooks`. */
const RANKED_SECTIONS = 400;

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

  const plan = fitWorkBudget(
    index,
    parsed.clauses.map((clause) => expandClause(index, clause)),
  );
  parsed.clauses.forEach((clause, c) => {
    const clauseBit = (1 << c) >>> 0;
    if (clause.required) requiredMask = (requiredMask | clauseBit) >>> 0;
    for (const expansion of plan[c]!) {
      const bit = expansion.hint ? 0 : clauseBit;
      let found = scan(index.runbookPostings, expansion, index.runbooks.length, rb, bit);
      if (expansion.scope !== 'runbook') found = scan(index.headingPostings, expansion, index.sections.anchor.length, sec, bit) || found;
      if (expansion.scope === 'all') found = scan(index.bodyPostings, expansion, index.sections.anchor.length, sec, bit) || found;
      if (found && !expansion.hint) matchedTerms.add(index.terms[expansion.term]!);
    }
  });

  const top = new TopSections(RANKED_SECTIONS);
  let totalRunbooks = rankCandidates(index, scratch, top, allowed, requiredMask, clauseCount);

  const ranked = boostExactMatches(index, parsed, top.sorted(index));
  // Room for bundled copies that fold under their team's copy, so the answer still holds `maxRunbooks`.
  const room = hasTeamCopies(index) ? maxRunbooks * 2 : maxRunbooks;
  const grouped = groupSections(index, parsed, ranked, termMatcher(matchedTerms), room, perRunbook);
  const runbooks = foldDuplicateCopies(index, grouped).slice(0, maxRunbooks);
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

/** Above one matched section in this many, `rankCandidates` walks every section in order. */
const DENSE_WALK = 8;

/**
 * Scores every matched section (and the first section of every runbook matched on its own fields) and keeps the
 * best in `top`; returns how many runbooks matched. Hot loop: plain arrays, no closures, no per-item objects,
 * and a section that cannot enter `top` is not offered to it.
 */
function rankCandidates(
  index: SearchIndex,
  scratch: Scratch,
  top: TopSections,
  allowed: Uint8Array | undefined,
  requiredMask: number,
  clauseCount: number,
): number {
  const rb = scratch.runbooks;
  const sec = scratch.sections;
  const status = scratch.statusWeights;
  const firstSection = scratch.firstSections;
  const sectionCounts = scratch.sectionCounts;
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
  // Share of the query's clauses a mask covers, by its number of bits.
  const coverageOf = scratch.coverage;
  for (let bits = 0; bits <= 32; bits++) coverageOf[bits] = bits / clauseCount;
  seen.fill(0);
  let total = 0;
  let floor = top.floor();
  const touched = sec.touched;
  const secScore = sec.score;
  const secMask = sec.mask;
  const stamp = sec.stamp;
  const generation = sec.generation;
  // When many sections matched, walking all of them in order reads memory sequentially and beats jumping
  // around the matched ones in the order they were found.
  const dense = sec.count * DENSE_WALK > sectionRunbook.length;
  const steps = dense ? sectionRunbook.length : sec.count;
  for (let i = 0; i < steps; i++) {
    let s = i;
    if (dense) {
      if (stamp[i] !== generation) continue;
    } else {
      s = touched[i]!;
    }
    const r = sectionRunbook[s]!;
    if (allowed !== undefined && allowed[r] === 0) continue;
    const mask = (secMask[s]! | rbMask[r]!) >>> 0;
    if (mask === 0 || (mask & requiredMask) !== requiredMask) continue;
    if (seen[r] === 0) {
      seen[r] = 1;
      total++;
    }
    const coverage = coverageOf[popCount(mask)]!;
    const score = (secScore[s]! + rbScore[r]! * (s === firstSection[r] ? 1 : RUNBOOK_SHARE)) * coverage * coverage * status[r]!;
    if (score > floor) {
      top.offer(s, score);
      floor = top.floor();
    }
  }
  // A runbook that matched only on its title, aliases, tags or summary opens at its first section.
  for (let i = 0; i < rb.count; i++) {
    const r = rb.touched[i]!;
    const s = firstSection[r]!;
    if (sectionCounts[r] === 0 || stamp[s] === generation) continue;
    if (allowed !== undefined && allowed[r] === 0) continue;
    const mask = rbMask[r]!;
    if (mask === 0 || (mask & requiredMask) !== requiredMask) continue;
    if (seen[r] === 0) {
      seen[r] = 1;
      total++;
    }
    const coverage = coverageOf[popCount(mask)]!;
    top.offer(s, rbScore[r]! * coverage * coverage * status[r]!);
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
  acc.addPostings(lists.doc, lists.impact, from, to, weight, bit);
  return true;
}

function popCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
