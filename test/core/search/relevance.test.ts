import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { buildSearchIndex, type RunbookToIndex } from '../../../core/search/buildSearchIndex';
import { searchRunbooks } from '../../../core/search/searchRunbooks';
import { bundledAndTeamCorpus, runbook } from './searchTestCorpus';

/**
 * Relevance over the bundled runbooks: for each query, the section a person would want must be among the
 * three best-scored sections. Expectations were written from reading the runbooks, before tuning.
 */
const RUNBOOKS = new URL('../../../runbooks/', import.meta.url);

function bundledRunbooks(): RunbookToIndex[] {
  return readdirSync(RUNBOOKS)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ingestRunbook('bundled', { path: name, bytes: readFileSync(new URL(name, RUNBOOKS)) }))
    .flatMap((result) => (result.kind === 'runbook' ? [result] : []));
}

const index = buildSearchIndex(bundledRunbooks());

/** `path#anchor` of the sections in the answer, best score first. */
function rankedSections(query: string): string[] {
  return searchRunbooks(index, query)
    .runbooks.flatMap((r) => r.sections.map((s) => ({ key: `${r.path}#${s.anchor}`, score: s.score })))
    .sort((a, b) => b.score - a.score)
    .map((s) => s.key);
}

const CASES: [kind: string, query: string, expected: string][] = [
  // Exact titles.
  ['title', 'Moderation Operations', 'moderation-operations.md#moderation-operations'],
  ['title', 'Ban Sync Troubleshooting', 'ban-sync-troubleshooting.md#ban-sync-troubleshooting'],
  ['title', 'HPA Scaling', 'hpa-scaling.md#hpa-scaling'],
  ['title', 'Database Failover', 'database-failover.md#database-failover'],
  ['title', 'Audit Log Operations', 'audit-log-operations.md#audit-log-operations'],
  ['title', 'Permission Escalation', 'permission-escalation.md#permission-escalation'],
  ['title', 'Alert Validation', 'alert-validation.md#alert-validation'],
  ['title', 'Background Jobs', 'background-jobs.md#background-jobs'],
  // Aliases.
  ['alias', 'mod ops', 'moderation-operations.md#moderation-operations'],
  ['alias', 'revert deploy', 'moderation-rollback.md#moderation-rollback'],
  ['alias', 'promote replica', 'database-failover.md#database-failover'],
  ['alias', 'dlq', 'background-jobs.md#dead-letter-queue-dlq-handling'],
  ['alias', 'emergency access', 'permission-escalation.md#emergency-admin-access'],
  ['alias', 'test alerts', 'alert-validation.md#alert-validation'],
  ['alias', 'runbook index', 'README.md#runbook-index'],
  ['alias', 'ban cron', 'legacy-ban-sync-v1.md#legacy-ban-sync-v1-retired'],
  // Symptoms described in words.
  ['symptom', 'users cannot submit clips', 'moderation-incidents.md#users-cannot-submit-clips'],
  ['symptom', 'pods not scaling up', 'hpa-scaling.md#pods-not-scaling-up'],
  ['symptom', 'queue is growing', 'background-jobs.md#queue-is-growing'],
  ['symptom', 'ban does not appear on twitch', 'moderation-incidents.md#ban-on-clipper-does-not-appear-on-twitch'],
  ['symptom', 'moderator gets permission denied when banning', 'permission-escalation.md#moderator-gets-permission-denied-when-banning'],
  ['symptom', 'admin pages blank screen', 'permission-escalation.md#admin-pages-show-a-blank-screen'],
  ['symptom', 'wrong user banned', 'moderation-incidents.md#wrong-user-banned'],
  ['symptom', 'jobs stuck', 'background-jobs.md#stuck-or-slow-jobs'],
  ['symptom', 'role granted but nothing changes', 'permission-escalation.md#role-granted-but-nothing-changes'],
  ['symptom', 'site unreachable', 'moderation-incidents.md#site-unreachable-browser-shows-err_connection_refused'],
  ['symptom', 'replica count goes up and down', 'hpa-scaling.md#scaling-flaps'],
  ['symptom', 'postgres primary down', 'database-failover.md#database-failover'],
  ['symptom', 'missing alerts', 'alert-validation.md#troubleshooting-missing-alerts'],
  // Typos.
  ['typo', 'moderaton operatons', 'moderation-operations.md#moderation-operations'],
  ['typo', 'rolback', 'moderation-rollback.md#moderation-rollback'],
  ['typo', 'permision escalation', 'permission-escalation.md#permission-escalation'],
  ['typo', 'backgrond jobs', 'background-jobs.md#background-jobs'],
  ['typo', 'databse failover', 'database-failover.md#database-failover'],
  ['typo', 'autoscalling', 'hpa-scaling.md#hpa-scaling'],
  // Identifiers, as people type or paste them.
  ['identifier', 'MOD_BAN_SYNC', 'ban-sync-troubleshooting.md#overview'],
  ['identifier', 'MOD_KILL_SWITCH', 'moderation-rollback.md#complete-moderation-system-shutdown'],
  ['identifier', 'ban_sync_failures_total', 'moderation-monitoring.md#key-metrics'],
  ['identifier', 'pg_stat_activity', 'background-jobs.md#stuck-or-slow-jobs'],
  ['identifier', 'HTTP 503', 'moderation-incidents.md#users-cannot-submit-clips'],
  ['identifier', '429 Too Many Requests', 'ban-sync-troubleshooting.md#twitch-rate-limits'],
  ['identifier', 'ERR_CONNECTION_REFUSED', 'moderation-incidents.md#site-unreachable-browser-shows-err_connection_refused'],
  ['identifier', 'kube-apiserver', 'hpa-scaling.md#pods-not-scaling-up'],
  ['identifier', 'p95 latency api.clpr.tv', 'hpa-scaling.md#pods-not-scaling-up'],
  ['identifier', 'post in #ops-team test page', 'alert-validation.md#step-4-fire-a-test-alert'],
  ['identifier', 'patronictl list', 'database-failover.md#step-1-assess-the-cluster'],
  ['identifier', 'metrics-server', 'hpa-scaling.md#pods-not-scaling-up'],
  ['identifier', 'BanSyncFailureRateHigh', 'moderation-monitoring.md#bansyncfailureratehigh'],
  ['identifier', 'promtool check rules', 'alert-validation.md#step-1-lint-the-rules'],
  ['identifier', 'dpo-montreal@clpr.tv', 'audit-log-operations.md#bureau-de-protection-des-données--montréal'],
  // Quoted phrases.
  ['phrase', '"emergency ban"', 'moderation-operations.md#emergency-ban-user'],
  ['phrase', '"feature flag rollback"', 'moderation-rollback.md#feature-flag-rollback'],
  ['phrase', '"dead-letter queue"', 'background-jobs.md#dead-letter-queue-dlq-handling'],
  ['phrase', '"do not scale it up"', 'ban-sync-troubleshooting.md#twitch-rate-limits'],
  // Accents and Japanese.
  ['accents', 'donnees personnelles', 'audit-log-operations.md#bureau-de-protection-des-données--montréal'],
  ['accents', 'Montreal', 'audit-log-operations.md#bureau-de-protection-des-données--montréal'],
  ['japanese', '障害対応', 'moderation-incidents.md#tokyo-support-handoff-東京サポート引き継ぎ'],
  ['japanese', '引き継ぎ', 'moderation-incidents.md#tokyo-support-handoff-東京サポート引き継ぎ'],
  // Retired procedures rank below current ones.
  ['status', 'ban sync', 'ban-sync-troubleshooting.md#ban-sync-troubleshooting'],
];

describe('search relevance over the bundled runbooks', () => {
  it('covers at least 40 queries', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('%s: %s', (_kind, query, expected) => {
    const top3 = rankedSections(query).slice(0, 3);
    expect(top3).toContain(expected);
  });

  it('ranks the active ban sync runbook above the retired one', () => {
    const runbooks = searchRunbooks(index, 'ban sync').runbooks.map((r) => r.path);
    expect(runbooks.indexOf('ban-sync-troubleshooting.md')).toBeLessThan(runbooks.indexOf('legacy-ban-sync-v1.md'));
  });
});

/**
 * The same runbooks twice: bundled with the app and synced from the team's repository (the whole docs folder).
 * Search must open the team's copy, fold the bundled one under it, put an exact heading or alias above body
 * matches, and never let a typo correction stand in for a word the index holds as typed.
 */
describe('search relevance with a bundled copy and a synced team copy of the same runbooks', () => {
  const both = buildSearchIndex(bundledAndTeamCorpus());
  const first = (query: string) => {
    const [hit] = searchRunbooks(both, query).runbooks;
    return hit ? `${hit.sourceId}:${hit.path}#${hit.sections[0]?.anchor}` : undefined;
  };

  it.each([
    ['ban user', 'git-team:docs/runbooks/moderation-operations.md#emergency-ban-user'],
    ['emergency ban user', 'git-team:docs/runbooks/moderation-operations.md#emergency-ban-user'],
    ['Check User Ban Status', 'git-team:docs/runbooks/moderation-operations.md#check-user-ban-status'],
    ['manual unban', 'git-team:docs/runbooks/moderation-operations.md#manual-unban'],
    ['ban procedures', 'git-team:docs/runbooks/moderation-operations.md#moderation-operations'],
    ['Database Failover', 'git-team:docs/runbooks/database-failover.md#database-failover'],
    ['promote replica', 'git-team:docs/runbooks/database-failover.md#database-failover'],
    ['Twitch Rate Limits', 'git-team:docs/runbooks/ban-sync-troubleshooting.md#twitch-rate-limits'],
    ['dead letter queue', 'git-team:docs/runbooks/background-jobs.md#dead-letter-queue-dlq-handling'],
  ])('Enter on "%s" opens %s', (query, expected) => {
    expect(first(query)).toBe(expected);
  });

  it('folds each bundled copy under the team copy that matched, and lists no runbook twice', () => {
    for (const query of ['ban user', 'moderation', 'failover', 'alerts', 'queue']) {
      const hits = searchRunbooks(both, query).runbooks;
      expect(hits.filter((h) => h.sourceId === 'bundled')).toEqual([]);
      const titles = hits.map((h) => h.title);
      expect(new Set(titles).size).toBe(titles.length);
      const team = hits.find((h) => h.path === 'docs/runbooks/moderation-operations.md');
      if (team) expect(team.copies).toEqual([{ sourceId: 'bundled', path: 'moderation-operations.md', title: 'Moderation Operations' }]);
    }
  });

  it('keeps a bundled runbook that has no team copy', () => {
    const alone = buildSearchIndex(bundledAndTeamCorpus().filter((r) => r.meta.path !== 'docs/runbooks/hpa-scaling.md'));
    const [hit] = searchRunbooks(alone, 'HPA Scaling').runbooks;
    expect([hit?.sourceId, hit?.path, hit?.copies]).toEqual(['bundled', 'hpa-scaling.md', undefined]);
  });

  it('treats a team runbook with the same title under another file name as the copy of the bundled one', () => {
    const renamed = runbook(
      'git-team',
      'ops/db/primary-failover.md',
      '---\ntitle: Database Failover\n---\n# Database Failover\n\n## Promote the standby\n\nOur own steps for promoting the standby.\n',
    );
    const mixed = buildSearchIndex([...bundledRunbooks(), renamed]);
    const hits = searchRunbooks(mixed, 'Database Failover').runbooks;
    expect([hits[0]?.sourceId, hits[0]?.path]).toEqual(['git-team', 'ops/db/primary-failover.md']);
    expect(hits[0]?.copies).toEqual([{ sourceId: 'bundled', path: 'database-failover.md', title: 'Database Failover' }]);
    expect(hits.some((h) => h.sourceId === 'bundled' && h.path === 'database-failover.md')).toBe(false);
  });

  it('ranks an exact section title above sections that only mention its words', () => {
    const hits = searchRunbooks(both, 'Emergency Contacts').runbooks;
    expect(hits[0]?.sections[0]?.heading).toBe('Emergency Contacts');
    const sections = hits.flatMap((h) => h.sections).sort((a, b) => b.score - a.score);
    const firstBody = sections.findIndex((s) => s.heading !== 'Emergency Contacts');
    const lastExact = sections.map((s) => s.heading).lastIndexOf('Emergency Contacts');
    expect(hits.filter((h) => h.sections.some((s) => s.heading === 'Emergency Contacts')).length).toBeGreaterThan(3);
    expect(firstBody === -1 || lastExact < firstBody).toBe(true);
  });

  it('ranks the runbook an alias names above sections whose body says the same words again and again', () => {
    const aliasIndex = buildSearchIndex([
      runbook(
        'git-team',
        'storage/volume-failover.md',
        '---\ntitle: Volume Failover\naliases: [disk swap]\n---\n# Volume Failover\n\nMove the volume to the standby.\n',
      ),
      runbook(
        'git-team',
        'storage/maintenance.md',
        `---\ntitle: Disk Maintenance\n---\n# Disk Maintenance\n\n## Disk Swap Notes\n\n${'A disk swap is routine; log every disk swap. '.repeat(6)}\n`,
      ),
    ]);
    const [hit] = searchRunbooks(aliasIndex, 'disk swap').runbooks;
    expect([hit?.path, hit?.sections[0]?.anchor]).toEqual(['storage/volume-failover.md', 'volume-failover']);
  });

  // Each exact word has a neighbour one letter shorter in the same index, which a typo correction would reach.
  it.each([
    ['user', 'use'],
    ['ban user', 'use'],
    ['bans', 'ban'],
    ['roles', 'role'],
    ['alerts', 'alert'],
    ['jobs', 'job'],
  ])('"%s" never matches or highlights "%s"', (query, neighbour) => {
    const last = query.split(' ').pop()!;
    expect(both.terms).toContain(last);
    expect(both.terms).toContain(neighbour);
    // Finished (a space after it) and still being typed (completions on): neither reaches the shorter word.
    for (const typed of [`${query} `, query]) {
      const hits = searchRunbooks(both, typed).runbooks;
      expect(hits.length).toBeGreaterThan(0);
      const highlighted = hits.flatMap((h) => [
        ...h.titleRanges.map(([a, b]) => h.title.slice(a, b)),
        ...h.sections.flatMap((s) => [
          ...s.headingRanges.map(([a, b]) => s.heading.slice(a, b)),
          ...s.snippetRanges.map(([a, b]) => s.snippet.slice(a, b)),
        ]),
      ]);
      expect(highlighted.map((w) => w.toLowerCase())).not.toContain(neighbour);
      expect(highlighted.map((w) => w.toLowerCase())).toContain(last);
    }
  });
});
