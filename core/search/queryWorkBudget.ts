import type { TermExpansion } from './expandQueryTerms';
import type { SearchIndex } from './searchIndexData';

/**
 * Postings one query may scan. The benchmark's typed queries stay far below it (about 260,000 at most at
 * 10,000 runbooks); a pasted paragraph of everyday words can ask for millions, which would take several
 * keystrokes' worth of time. A posting costs roughly 10–30 ns to score and rank on the development machine.
 */
export const MAX_QUERY_POSTINGS = 400_000;

/**
 * The clauses' expansions, cut down until scanning them stays within `budget` postings; unchanged (the same
 * arrays) when they already fit. The least useful work goes first: typo corrections, then completions, and
 * then the body postings of the most common words (a word found in most sections says least about which one
 * is wanted; it still counts in titles and headings). A clause always keeps at least one term, so nothing the
 * user typed is ignored outright. The given arrays are not modified (they are memoized per index).
 */
export function fitWorkBudget(
  index: SearchIndex,
  plan: readonly (readonly TermExpansion[])[],
  budget = MAX_QUERY_POSTINGS,
): readonly (readonly TermExpansion[])[] {
  let total = 0;
  for (const clause of plan) for (const e of clause) total += postingsOf(index, e.term, e.scope);
  if (total <= budget) return plan;
  const fitted = plan.map((clause) => [...clause]);

  // Candidates to drop, cheapest loss first; within a kind, the most expensive first.
  const drops: { clause: number; expansion: TermExpansion; cost: number; rank: number }[] = [];
  plan.forEach((clause, c) => {
    for (const e of clause) {
      if (e.hint || e.source === 'typed') continue;
      drops.push({ clause: c, expansion: e, cost: postingsOf(index, e.term, e.scope), rank: e.source === 'correction' ? 0 : 1 });
    }
  });
  drops.sort((a, b) => a.rank - b.rank || b.cost - a.cost);
  for (const drop of drops) {
    if (total <= budget) return fitted;
    const clause = fitted[drop.clause]!;
    if (clause.filter((e) => !e.hint).length <= 1) continue;
    clause.splice(clause.indexOf(drop.expansion), 1);
    total -= drop.cost;
  }

  // Still too much: narrow the most common terms to titles and headings, then to titles only.
  for (const [from, to] of [
    ['all', 'headings'],
    ['headings', 'runbook'],
  ] as const) {
    const narrowing: { clause: number; position: number; saving: number }[] = [];
    fitted.forEach((clause, c) =>
      clause.forEach((e, position) => {
        if (e.scope === from)
          narrowing.push({ clause: c, position, saving: postingsOf(index, e.term, from) - postingsOf(index, e.term, to) });
      }),
    );
    narrowing.sort((a, b) => b.saving - a.saving);
    for (const { clause, position, saving } of narrowing) {
      if (total <= budget) return fitted;
      const e = fitted[clause]![position]!;
      fitted[clause]![position] = { ...e, scope: to };
      total -= saving;
    }
  }
  return fitted;
}

/** Postings scanned for `term` in the groups `scope` covers. */
export function postingsOf(index: SearchIndex, term: number, scope: TermExpansion['scope']): number {
  const length = (start: Uint32Array) => start[term + 1]! - start[term]!;
  let n = length(index.runbookPostings.start);
  if (scope !== 'runbook') n += length(index.headingPostings.start);
  if (scope === 'all') n += length(index.bodyPostings.start);
  return n;
}
