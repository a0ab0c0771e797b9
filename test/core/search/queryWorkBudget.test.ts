import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../core/search/buildSearchIndex';
import { expandClause, type TermExpansion } from '../../../core/search/expandQueryTerms';
import { parseSearchQuery } from '../../../core/search/parseSearchQuery';
import { fitWorkBudget, postingsOf } from '../../../core/search/queryWorkBudget';
import { runbook } from './searchTestCorpus';

// "service" is in every section and heading, "latency" in every other section, "failover" (and its near-spelling "failovers")
// in a few; "restarting" and "restored" complete "rest".
const index = buildSearchIndex(
  Array.from({ length: 30 }, (_, i) =>
    runbook(
      's',
      `r${i}.md`,
      `# Runbook ${i}\n\nThe service ${i % 2 === 0 ? 'latency ' : ''}${i % 10 === 0 ? 'failover ' : ''}${i % 10 === 5 ? 'failovers ' : ''}${i % 3 === 0 ? 'restarting ' : 'restored '}notes.\n\n## Service checks\n\nCheck the service.\n`,
    ),
  ),
);

const planOf = (query: string) => parseSearchQuery(query).clauses.map((c) => expandClause(index, c));
const words = (plan: readonly (readonly TermExpansion[])[]) => plan.map((clause) => clause.map((e) => `${index.terms[e.term]}:${e.scope}`));
const cost = (plan: readonly (readonly TermExpansion[])[]) => plan.flat().reduce((n, e) => n + postingsOf(index, e.term, e.scope), 0);

describe('fitWorkBudget', () => {
  it('leaves a query that fits as it is', () => {
    const plan = planOf('service failover rest');
    expect(fitWorkBudget(index, plan, cost(plan))).toBe(plan);
  });

  it('drops typo corrections first, then completions, and keeps what was typed', () => {
    // "failovre" is not in the index: its corrections stand in for it (a word found as typed is never corrected).
    const plan = planOf('failovre service rest');
    expect(words(plan)[0]).toEqual(expect.arrayContaining(['failover:all', 'failovers:all']));
    const withoutCorrections = fitWorkBudget(index, plan, cost(plan) - 1);
    expect(words(withoutCorrections)[0]).toHaveLength(1);
    expect(words(withoutCorrections)[1]).toEqual(['service:all']);
    expect(words(withoutCorrections)[2]!.length).toBeGreaterThan(1);

    const tighter = fitWorkBudget(index, plan, cost(withoutCorrections) - 1);
    expect(words(tighter)[0]).toHaveLength(1);
    expect(words(tighter)[1]).toEqual(['service:all']);
    expect(words(tighter)[2]).toHaveLength(1);
    expect(cost(tighter)).toBeLessThan(cost(withoutCorrections));
  });

  it('then searches the most common words in titles and headings only, and never drops a clause', () => {
    const plan = planOf('service latency failover ');
    const fitted = fitWorkBudget(
      index,
      plan,
      cost(plan) - postingsOf(index, plan[0]![0]!.term, 'all') + postingsOf(index, plan[0]![0]!.term, 'headings'),
    );
    expect(words(fitted)).toEqual([['service:headings'], ['latency:all'], ['failover:all']]);
    const starved = fitWorkBudget(index, plan, 0);
    expect(words(starved)).toEqual([['service:runbook'], ['latency:headings'], ['failover:headings']]);
    expect(cost(starved)).toBe(0);
  });

  it('does not change the memoized expansions it was given', () => {
    const plan = planOf('service latency failover');
    const before = JSON.stringify(plan);
    fitWorkBudget(index, plan, 0);
    expect(JSON.stringify(planOf('service latency failover'))).toBe(before);
  });
});
