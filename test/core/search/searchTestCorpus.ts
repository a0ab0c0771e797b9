import { readdirSync, readFileSync } from 'node:fs';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import type { RunbookMeta } from '../../../core/model';
import type { RunbookToIndex } from '../../../core/search/buildSearchIndex';

/** A real ingest of Markdown text, as the cache would hold it. */
export function runbook(sourceId: string, path: string, markdown: string): RunbookToIndex & { meta: RunbookMeta } {
  const result = ingestRunbook(sourceId, { path, bytes: new TextEncoder().encode(markdown) });
  if (result.kind !== 'runbook') throw new Error(`${path} was skipped`);
  return result;
}

function frontMatter(fields: Record<string, string | string[]>): string {
  const lines = Object.entries(fields).map(
    ([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v)}`,
  );
  return `---\n${lines.join('\n')}\n---\n`;
}

/** A small library with the features search must handle: identifiers, accents, Japanese, statuses, two sources. */
export function testCorpus(): RunbookToIndex[] {
  return [
    runbook(
      'team',
      'moderation/operations.md',
      frontMatter({
        title: 'Moderation Operations',
        summary: 'Ban or unban users, remove moderators.',
        tags: ['moderation', 'bans'],
        area: 'moderation',
        status: 'active',
        owner: 'team-trust-safety',
        aliases: ['mod ops'],
      }) +
        '# Moderation Operations\n\n## Emergency Ban User\n\nBan a user who is causing harm right now. Set `MOD_BAN_SYNC=on` first.\n\n```bash\ncurl -s https://api.clpr.tv/api/v1/admin/bans\n```\n\n## Manual Unban\n\nLift a ban placed by mistake.\n\n## Emergency Contacts\n\nSlack #ops-team, or call the on-call.\n',
    ),
    runbook(
      'team',
      'platform/rollback.md',
      frontMatter({
        title: 'Rollback a Release',
        summary: 'Undo a bad deploy.',
        tags: ['deploy', 'rollback'],
        area: 'platform',
        status: 'active',
        owner: 'team-platform',
        aliases: ['revert deploy'],
      }) +
        '# Rollback a Release\n\n## Application Rollback\n\nWhen the API returns HTTP 503 or browsers show ERR_CONNECTION_REFUSED, roll back:\n\n```bash\nkubectl -n prod rollout undo deploy/kube-apiserver-proxy\n```\n\n## Verify\n\np95 latency must return under 400 ms.\n',
    ),
    runbook(
      'team',
      'legacy/ban-sync-v1.md',
      frontMatter({
        title: 'Ban Sync v1',
        summary: 'The retired cron that synced bans.',
        tags: ['bans'],
        area: 'moderation',
        status: 'deprecated',
        owner: 'team-trust-safety',
      }) +
        '# Ban Sync v1\n\n## Ban Sync Failures\n\nBan sync failures were fixed by rerunning the cron. Ban sync is now the queue worker.\n',
    ),
    runbook(
      'team',
      'moderation/ban-sync.md',
      frontMatter({
        title: 'Ban Sync Troubleshooting',
        summary: 'Bans not reaching Twitch.',
        tags: ['bans', 'twitch'],
        area: 'moderation',
        status: 'active',
        owner: 'team-integrations',
      }) +
        '# Ban Sync Troubleshooting\n\n## Ban Sync Failures\n\nBan sync failures show in ban_sync_failures_total. Check the worker.\n\n## Rate Limits\n\nTwitch answers 429 Too Many Requests when we send too fast.\n',
    ),
    runbook(
      'team',
      'database/failover.md',
      frontMatter({
        title: 'Database Failover',
        summary: 'Promote the replica when the primary is gone.',
        tags: ['postgres'],
        area: 'database',
        status: 'draft',
        owner: 'team-data',
      }) + '# Database Failover\n\n## Check Replication\n\nQuery pg_stat_activity and the replication lag before promoting.\n',
    ),
    runbook(
      'partner',
      'privacy/montreal.md',
      frontMatter({ title: 'Demandes du bureau de Montréal', tags: ['privacy'], area: 'compliance', status: 'active', owner: 'dpo' }) +
        '# Demandes du bureau de Montréal\n\n## Données personnelles\n\nToute demande d’accès aux données personnelles doit être transmise au DPO.\n',
    ),
    runbook(
      'partner',
      'support/tokyo.md',
      frontMatter({ title: 'Tokyo Support Handoff', tags: ['support'], area: 'support', status: 'active', owner: 'team-support' }) +
        '# Tokyo Support Handoff\n\n## 東京サポート引き継ぎ\n\n障害対応が続いている場合は、東京のオンコール担当に引き継いでください。\n',
    ),
  ];
}

/**
 * The bundled runbooks as the app ships them, beside a team's synced repository that holds its own copy of
 * each under `docs/runbooks/` (the whole docs folder synced), one of them edited by the team, and a runbook
 * only the team has. Same paths and titles: the team's copies must win and the bundled ones fold under them.
 */
export function bundledAndTeamCorpus(): RunbookToIndex[] {
  const folder = new URL('../../../runbooks/', import.meta.url);
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const bundled = names.map((name) => runbookBytes('bundled', name, readFileSync(new URL(name, folder))));
  const team = names.map((name) => {
    let text = readFileSync(new URL(name, folder), 'utf8');
    // The team's edit: its own ban procedure step, so its copy differs from the bundled one.
    if (name === 'moderation-operations.md')
      text = text.replace('## Emergency Ban User\n', '## Emergency Ban User\n\nTeam note: ban from the admin console first.\n');
    return runbook('git-team', `docs/runbooks/${name}`, text);
  });
  const teamOnly = runbook(
    'git-team',
    'docs/runbooks/ban-appeals.md',
    frontMatter({ title: 'Ban Appeals', summary: 'Use this when a user appeals a ban.', tags: ['bans'], status: 'active' }) +
      '# Ban Appeals\n\n## Review an Appeal\n\nUse the appeal queue; a user may use one appeal per ban.\n',
  );
  return [...bundled, ...team, teamOnly];
}

function runbookBytes(sourceId: string, path: string, bytes: Uint8Array): RunbookToIndex {
  const result = ingestRunbook(sourceId, { path, bytes });
  if (result.kind !== 'runbook') throw new Error(`${path} was skipped`);
  return result;
}
