import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../core/search/buildSearchIndex';
import { foldSearchText } from '../../../core/search/foldSearchText';
import { searchFacets } from '../../../core/search/searchFilters';
import { searchRunbooks, type SearchResponse } from '../../../core/search/searchRunbooks';
import { runbook, testCorpus } from './searchTestCorpus';

const index = buildSearchIndex(testCorpus());

/** `path#anchor` of every section, best first. */
function ranked(response: SearchResponse): string[] {
  return response.runbooks
    .flatMap((r) => r.sections.map((s) => ({ key: `${r.path}#${s.anchor}`, score: s.score })))
    .sort((a, b) => b.score - a.score)
    .map((s) => s.key);
}

const top = (query: string) => ranked(searchRunbooks(index, query))[0];

describe('searchRunbooks: identifiers as people type them', () => {
  it.each([
    ['MOD_BAN_SYNC', 'moderation/operations.md#emergency-ban-user'],
    ['mod_ban_sync', 'moderation/operations.md#emergency-ban-user'],
    ['api.clpr.tv', 'moderation/operations.md#emergency-ban-user'],
    ['kube-apiserver', 'platform/rollback.md#application-rollback'],
    ['HTTP 503', 'platform/rollback.md#application-rollback'],
    ['ERR_CONNECTION_REFUSED', 'platform/rollback.md#application-rollback'],
    ['p95', 'platform/rollback.md#verify'],
    ['#ops-team', 'moderation/operations.md#emergency-contacts'],
    ['ban_sync_failures_total', 'moderation/ban-sync.md#ban-sync-failures'],
    ['429 Too Many Requests', 'moderation/ban-sync.md#rate-limits'],
    ['pg_stat_activity', 'database/failover.md#check-replication'],
  ])('%s', (query, expected) => {
    expect(top(query)).toBe(expected);
  });
});

describe('searchRunbooks: forgiving matching', () => {
  it('completes the word being typed', () => {
    expect(top('rollb')).toMatch(/^platform\/rollback\.md#/);
    expect(top('emergency ba')).toBe('moderation/operations.md#emergency-ban-user');
    expect(top('unba')).toBe('moderation/operations.md#manual-unban');
  });

  it('tolerates typos', () => {
    expect(top('rolback')).toMatch(/^platform\/rollback\.md#/);
    expect(top('moderaton operatons')).toMatch(/^moderation\/operations\.md#/);
    expect(top('replicaton')).toBe('database/failover.md#check-replication');
  });

  it('finds accented text without the accents, and the other way round', () => {
    expect(top('donnees personnelles')).toBe('privacy/montreal.md#données-personnelles');
    expect(top('Montreal')).toMatch(/^privacy\/montreal\.md#/);
    expect(top('Données')).toBe('privacy/montreal.md#données-personnelles');
  });

  it('finds Japanese text', () => {
    expect(top('障害対応')).toBe('support/tokyo.md#東京サポート引き継ぎ');
    expect(top('引き継ぎ')).toBe('support/tokyo.md#東京サポート引き継ぎ');
  });

  it('finds a runbook by an alias', () => {
    expect(top('revert deploy')).toMatch(/^platform\/rollback\.md#/);
  });
});

describe('searchRunbooks: phrases', () => {
  it('keeps only sections where the quoted words stand side by side, in order', () => {
    const keys = ranked(searchRunbooks(index, '"ban sync failures"'));
    expect(keys).toContain('moderation/ban-sync.md#ban-sync-failures');
    expect(keys).toContain('legacy/ban-sync-v1.md#ban-sync-failures');
    expect(ranked(searchRunbooks(index, '"failures ban sync"'))).toEqual([]);
    expect(ranked(searchRunbooks(index, '"user ban"'))).toEqual([]);
    expect(ranked(searchRunbooks(index, '"ban user"'))).toEqual(['moderation/operations.md#emergency-ban-user']);
  });

  it('combines a phrase with other words', () => {
    expect(top('"emergency ban" user')).toBe('moderation/operations.md#emergency-ban-user');
  });
});

describe('searchRunbooks: ranking by status', () => {
  it('ranks a deprecated runbook below the active one that says the same', () => {
    const keys = ranked(searchRunbooks(index, 'ban sync failures'));
    expect(keys.indexOf('moderation/ban-sync.md#ban-sync-failures')).toBeLessThan(keys.indexOf('legacy/ban-sync-v1.md#ban-sync-failures'));
  });

  it('ranks draft slightly and deprecated clearly below active, all else equal', () => {
    const twins = ['active', 'draft', 'deprecated', 'archived'].map((status) =>
      runbook(
        's',
        `${status}.md`,
        `---\ntitle: Restart the cache\nstatus: ${status}\n---\n# Restart the cache\n\nRestart the cache nodes one by one.\n`,
      ),
    );
    const response = searchRunbooks(buildSearchIndex(twins), 'restart cache');
    expect(response.runbooks.map((r) => r.status).slice(0, 2)).toEqual(['active', 'draft']);
    expect(
      response.runbooks
        .map((r) => r.status)
        .slice(2)
        .sort(),
    ).toEqual(['archived', 'deprecated']);
    const [active, draft, deprecated] = response.runbooks.map((r) => r.score);
    expect(draft! / active!).toBeGreaterThan(0.7);
    expect(deprecated! / active!).toBeLessThan(0.6);
  });
});

describe('searchRunbooks: filters', () => {
  it('filters by source, area, tag, status and owner', () => {
    const paths = (filters: Parameters<typeof searchRunbooks>[2]) =>
      searchRunbooks(index, 'ban', filters)
        .runbooks.map((r) => r.path)
        .sort();
    expect(paths({ filters: { statuses: ['deprecated'] } })).toEqual(['legacy/ban-sync-v1.md']);
    expect(paths({ filters: { owners: ['team-integrations'] } })).toEqual(['moderation/ban-sync.md']);
    expect(paths({ filters: { tags: ['twitch'] } })).toEqual(['moderation/ban-sync.md']);
    expect(paths({ filters: { areas: ['Moderation'] } })).toEqual([
      'legacy/ban-sync-v1.md',
      'moderation/ban-sync.md',
      'moderation/operations.md',
    ]);
    expect(paths({ filters: { sources: ['partner'] } })).toEqual([]);
    expect(searchRunbooks(index, 'demande', { filters: { sources: ['partner'] } }).runbooks.map((r) => r.path)).toEqual([
      'privacy/montreal.md',
    ]);
  });

  it('lists the filtered runbooks by title when there are no words', () => {
    const response = searchRunbooks(index, '', { filters: { areas: ['moderation'] } });
    expect(response.empty).toBe(false);
    expect(response.runbooks.map((r) => r.title)).toEqual(['Ban Sync Troubleshooting', 'Ban Sync v1', 'Moderation Operations']);
    expect(response.runbooks.every((r) => r.sections.length === 1)).toBe(true);
  });

  it('offers the values each filter can take', () => {
    const facets = searchFacets(index);
    expect(facets.sources).toEqual([
      { value: 'team', count: 5 },
      { value: 'partner', count: 2 },
    ]);
    expect(facets.statuses.map((f) => f.value)).toEqual(['active', 'deprecated', 'draft']);
    expect(facets.tags[0]).toEqual({ value: 'bans', count: 3 });
  });
});

describe('searchRunbooks: results', () => {
  it('groups sections under their runbook, best runbook first, at most three sections each', () => {
    const response = searchRunbooks(index, 'ban');
    const paths = response.runbooks.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const r of response.runbooks) {
      expect(r.sections.length).toBeGreaterThan(0);
      expect(r.sections.length).toBeLessThanOrEqual(3);
      expect(r.score).toBe(r.sections[0]!.score);
    }
    const scores = response.runbooks.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(response.totalRunbooks).toBe(response.runbooks.length);
  });

  it('marks the matched words in snippets, headings and titles with ranges', () => {
    const response = searchRunbooks(index, 'MOD_BAN_SYNC emergency');
    const hit = response.runbooks[0]!;
    const section = hit.sections.find((s) => s.anchor === 'emergency-ban-user')!;
    const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));
    expect(marked(section.snippet, section.snippetRanges)).toContain('MOD_BAN_SYNC');
    expect(marked(section.heading, section.headingRanges)).toEqual(['Emergency']);
    const words = marked(section.snippet, section.snippetRanges).map(foldSearchText);
    expect(words.every((w) => ['mod_ban_sync', 'mod', 'ban', 'sync', 'emergency'].includes(w))).toBe(true);
  });

  it('centres the snippet of a long section on the match', () => {
    const long = runbook(
      's',
      'long.md',
      `# Long\n\n${'Filler words about nothing. '.repeat(200)}Finally restart ENOSPC_GUARD here. ${'More filler. '.repeat(50)}`,
    );
    const section = searchRunbooks(buildSearchIndex([long]), 'ENOSPC_GUARD').runbooks[0]!.sections[0]!;
    expect(section.snippet.startsWith('…')).toBe(true);
    expect(section.snippet.endsWith('…')).toBe(true);
    expect(section.snippet).toContain('ENOSPC_GUARD');
    expect(section.snippet.length).toBeLessThan(200);
  });

  it('opens a runbook matched only by its title at its top section, described by its summary', () => {
    const response = searchRunbooks(index, 'Tokyo Handoff');
    const hit = response.runbooks[0]!;
    expect(hit.path).toBe('support/tokyo.md');
    expect(hit.sections[0]!.anchor).toBe('tokyo-support-handoff');
  });

  it('offers the closest titles when nothing matches', () => {
    const response = searchRunbooks(index, 'rolbakc');
    expect(response.runbooks).toEqual([]);
    expect(response.suggestions.map((s) => s.title)).toEqual(['Rollback a Release']);
    expect(searchRunbooks(index, 'ban').suggestions).toEqual([]);
  });
});

describe('searchRunbooks: bad input', () => {
  it('says an empty or blank query is empty', () => {
    for (const q of ['', '   ', '\n\t']) expect(searchRunbooks(index, q)).toMatchObject({ empty: true, runbooks: [], suggestions: [] });
  });

  it.each(['!!!', '.*+?^${}()|[]\\', '🔥🚒', '"', '""', '(ban', 'ban)', 'ban*', '[a-z]+', '\\d{3}', '%s %n', '\u0000'])(
    'answers %j without error',
    (q) => {
      const response = searchRunbooks(index, q);
      expect(Array.isArray(response.runbooks)).toBe(true);
    },
  );

  it('answers a 10,000-character query using its start, and says so', () => {
    const response = searchRunbooks(index, `rollback ${'x'.repeat(10_000)}`);
    expect(response.truncated).toBe(true);
    expect(response.query.length).toBeLessThanOrEqual(256);
    expect(response.runbooks[0]?.path).toBe('platform/rollback.md');
  });

  it('answers a query of 10,000 short words', () => {
    const response = searchRunbooks(index, 'ban '.repeat(2500));
    expect(response.truncated).toBe(true);
    expect(response.runbooks.length).toBeGreaterThan(0);
  });

  it('searches an empty index', () => {
    const empty = buildSearchIndex([]);
    expect(searchRunbooks(empty, 'ban')).toMatchObject({ runbooks: [], suggestions: [], totalRunbooks: 0 });
  });
});

describe('searchRunbooks: broad and narrow queries', () => {
  // Every section says "procedure"; only two say "quiesce". A broad word touches most sections of the index.
  const library = buildSearchIndex(
    Array.from({ length: 40 }, (_, i) =>
      runbook(
        's',
        `r${String(i).padStart(2, '0')}.md`,
        `# Runbook ${i}\n\nA procedure for step ${i}.\n\n## Detail\n\nThe procedure continues${i % 20 === 7 ? ' and you quiesce the writer' : ''}.\n`,
      ),
    ),
  );

  it('counts every matching runbook whether a query matches most sections or a few', () => {
    expect(searchRunbooks(library, 'procedure').totalRunbooks).toBe(40);
    expect(searchRunbooks(library, 'procedure', { maxRunbooks: 50 }).runbooks).toHaveLength(40);
    expect(searchRunbooks(library, 'quiesce').totalRunbooks).toBe(2);
  });

  it('ranks sections matching more of the words first when most sections match one of them', () => {
    const response = searchRunbooks(library, 'procedure quiesce');
    expect(response.totalRunbooks).toBe(40);
    expect(ranked(response).slice(0, 2).sort()).toEqual(['r07.md#detail', 'r27.md#detail']);
  });
});
