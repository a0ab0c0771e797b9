import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../core/model';
import { buildSearchIndex, type RunbookToIndex } from '../../../core/search/buildSearchIndex';
import type { SearchIndex } from '../../../core/search/searchIndexData';
import { searchRunbooks } from '../../../core/search/searchRunbooks';
import { searchChangesOf, updateSearchIndex } from '../../../core/search/updateSearchIndex';
import { runbook, testCorpus } from './searchTestCorpus';

const QUERIES = [
  'ban',
  'ban sync failures',
  'rollb',
  'rolback',
  'MOD_BAN_SYNC',
  'HTTP 503',
  '"ban sync"',
  'donnees',
  '障害対応',
  'restart cache',
  'cache',
  'replica',
  'zzz',
];

/** What a user sees for each query: runbooks, sections, scores (rounded: float sums may differ in the last bit). */
function answers(index: SearchIndex): unknown[] {
  return QUERIES.map((q) => {
    const r = searchRunbooks(index, q);
    return {
      q,
      total: r.totalRunbooks,
      suggestions: r.suggestions,
      runbooks: r.runbooks.map((g) => [
        g.sourceId,
        g.path,
        g.title,
        g.sections.map((s) => [s.anchor, s.snippet, s.snippetRanges, s.score.toFixed(6)]),
      ]),
    };
  });
}

/** The index content independent of numbering: for each term, the runbooks/sections it occurs in and how much. */
function content(index: SearchIndex): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const sectionKey = (s: number) => {
    const r = index.runbooks[index.sections.runbook[s]!]!;
    return `${r.sourceId}|${r.path}#${index.sections.anchor[s]}@${s - r.firstSection}`;
  };
  index.terms.forEach((term, t) => {
    const rows: string[] = [];
    const groups = [
      ['r', index.runbookPostings, (d: number) => `${index.runbooks[d]!.sourceId}|${index.runbooks[d]!.path}`],
      ['h', index.headingPostings, sectionKey],
      ['b', index.bodyPostings, sectionKey],
    ] as const;
    for (const [name, lists, key] of groups) {
      for (let p = lists.start[t]!; p < lists.start[t + 1]!; p++) rows.push(`${name} ${key(lists.doc[p]!)} ${lists.impact[p]!.toFixed(5)}`);
    }
    out[term] = rows.sort();
  });
  return out;
}

const cacheRunbook = (status: string, body = 'Restart the cache nodes one by one.') =>
  runbook('team', 'platform/cache.md', `---\ntitle: Restart the cache\nstatus: ${status}\n---\n# Restart the cache\n\n${body}\n`);

describe('updateSearchIndex', () => {
  it('adds, replaces and removes runbooks with the same result as a full rebuild', () => {
    const corpus = testCorpus();
    const [operations, rollback, legacy, ...rest] = corpus;
    const before = buildSearchIndex(corpus);

    const changedOperations = runbook(
      'team',
      operations!.meta.path,
      '---\ntitle: Moderation Operations\n---\n# Moderation Operations\n\n## Emergency Ban User\n\nNow with a replica check.\n',
    );
    const added = cacheRunbook('active');
    const after = updateSearchIndex(before, {
      upserts: [changedOperations, added],
      removed: [{ sourceId: 'team', path: legacy!.meta.path }],
    });
    const rebuilt = buildSearchIndex([rollback!, ...rest, changedOperations, added]);

    expect(content(after)).toEqual(content(rebuilt));
    expect(answers(after)).toEqual(answers(rebuilt));
    expect(after.runbooks.map((r) => r.path).sort()).toEqual(rebuilt.runbooks.map((r) => r.path).sort());
    // The old index is untouched and still answers as before.
    expect(answers(before)).toEqual(answers(buildSearchIndex(corpus)));
  });

  it('drops terms no runbook uses any more', () => {
    const before = buildSearchIndex([cacheRunbook('active', 'Mention QUIRKYWORD once.')]);
    expect(before.terms).toContain('quirkyword');
    const after = updateSearchIndex(before, { upserts: [cacheRunbook('active')], removed: [] });
    expect(after.terms).not.toContain('quirkyword');
    expect(searchRunbooks(after, 'quirkyword').runbooks).toEqual([]);
  });

  it('returns the same index when nothing changes, and can empty an index', () => {
    const index = buildSearchIndex(testCorpus());
    expect(updateSearchIndex(index, { upserts: [], removed: [] })).toBe(index);
    const emptied = updateSearchIndex(index, { upserts: [], removed: index.runbooks.map(({ sourceId, path }) => ({ sourceId, path })) });
    expect(emptied.terms).toEqual([]);
    expect(emptied.sections.anchor).toEqual([]);
    expect(searchRunbooks(emptied, 'ban').runbooks).toEqual([]);
  });

  it('keeps the last of several upserts of the same runbook', () => {
    const index = updateSearchIndex(buildSearchIndex([]), { upserts: [cacheRunbook('draft'), cacheRunbook('active')], removed: [] });
    expect(index.runbooks.map((r) => r.status)).toEqual(['active']);
  });

  it('turns a sync change set into index changes: renames move, skips and removals drop', () => {
    const moved = runbook('team', 'ops/new-name.md', '# Moved\n\nText.\n');
    const changes: ChangeSet = {
      sourceId: 'team',
      version: 'c2',
      upserts: [
        { kind: 'runbook', meta: moved.meta, body: moved.body },
        { kind: 'skipped', skipped: { sourceId: 'team', path: 'ops/binary.md', oid: 'x', reason: 'binary', message: 'binary' } },
      ],
      removed: ['ops/gone.md'],
      renamed: [{ from: 'ops/old-name.md', to: 'ops/new-name.md' }],
    };
    const result = searchChangesOf(changes);
    expect(result.upserts.map((u: RunbookToIndex) => u.meta.path)).toEqual(['ops/new-name.md']);
    expect(result.removed.map((r) => r.path).sort()).toEqual(['ops/binary.md', 'ops/gone.md', 'ops/old-name.md']);
  });
});
