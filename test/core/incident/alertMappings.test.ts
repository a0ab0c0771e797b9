import { describe, expect, it } from 'vitest';
import { findAlertTargets } from '../../../core/incident/findAlertTargets';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { readAlertMappings } from '../../../core/ingest/readAlertMappings';
import { buildSearchIndex } from '../../../core/search/buildSearchIndex';
import { searchRunbooks } from '../../../core/search/searchRunbooks';

function ingest(path: string, text: string, sourceId = 'bundled') {
  const result = ingestRunbook(sourceId, { path, bytes: new TextEncoder().encode(text) });
  if (result.kind !== 'runbook') throw new Error('expected a runbook');
  return result;
}

describe('front matter alerts:', () => {
  it('reads a list of names, a map of name to section, and a mixed list', () => {
    expect(readAlertMappings(['HighBanSyncLag', 'ModerationQueueBacklog']).alerts).toEqual([
      { name: 'HighBanSyncLag' },
      { name: 'ModerationQueueBacklog' },
    ]);
    expect(readAlertMappings({ HighBanSyncLag: '#ban-sync-lag', Other: null }).alerts).toEqual([
      { name: 'HighBanSyncLag', anchor: 'ban-sync-lag' },
      { name: 'Other' },
    ]);
    expect(readAlertMappings(['A', { B: 'section-b' }]).alerts).toEqual([{ name: 'A' }, { name: 'B', anchor: 'section-b' }]);
    expect(readAlertMappings('A, B').alerts).toEqual([{ name: 'A' }, { name: 'B' }]);
  });

  it('keeps the first mapping of a repeated name and flags unreadable entries', () => {
    const read = readAlertMappings(['A', { A: '#later' }, { nested: ['x'] }, '']);
    expect(read.alerts).toEqual([{ name: 'A' }]);
    expect(read.invalid).toBe(true);
    expect(readAlertMappings(42).invalid).toBe(true);
  });

  it('stores the mapping on the runbook record and warns about an unreadable one', () => {
    const ok = ingest('ban.md', '---\ntitle: Ban\nalerts:\n  HighBanSyncLag: "#ban-sync-lag"\n---\n# Ban\n## Ban sync lag\n');
    expect(ok.meta.alerts).toEqual([{ name: 'HighBanSyncLag', anchor: 'ban-sync-lag' }]);
    expect(ok.meta.extra).not.toHaveProperty('alerts');
    const bad = ingest('bad.md', '---\ntitle: Bad\nalerts: 7\n---\n# Bad\n');
    expect(bad.meta.alerts).toBeUndefined();
    expect(bad.meta.warnings.map((w) => w.code)).toContain('field-invalid');
  });

  it('makes alert names searchable', () => {
    const index = buildSearchIndex([
      ingest('ban.md', '---\ntitle: Ban sync\nalerts: [HighBanSyncLag]\n---\n# Ban sync\nText.\n'),
      ingest('other.md', '---\ntitle: Other\n---\n# Other\nText.\n'),
    ]);
    expect(searchRunbooks(index, 'HighBanSyncLag').runbooks.map((r) => r.path)).toEqual(['ban.md']);
  });
});

describe('findAlertTargets', () => {
  const runbooks = [
    { sourceId: 'bundled', path: 'ban.md', title: 'Ban (bundled)', alerts: [{ name: 'HighBanSyncLag', anchor: 'lag' }] },
    { sourceId: 'team', path: 'ban.md', title: 'Ban (team)', alerts: [{ name: 'HighBanSyncLag', anchor: 'lag' }] },
    { sourceId: 'team', path: 'queue.md', title: 'Queue', alerts: [{ name: 'QueueBacklog' }] },
    { sourceId: 'team', path: 'none.md', title: 'None' },
  ];

  it('finds the mapped runbooks, team copies before the bundled one', () => {
    expect(findAlertTargets(runbooks, 'HighBanSyncLag')).toEqual([
      { sourceId: 'team', path: 'ban.md', title: 'Ban (team)', anchor: 'lag' },
      { sourceId: 'bundled', path: 'ban.md', title: 'Ban (bundled)', anchor: 'lag' },
    ]);
  });

  it('falls back to another case only when no exact name matches, and finds nothing for an unknown alert', () => {
    expect(findAlertTargets(runbooks, 'queuebacklog')).toEqual([{ sourceId: 'team', path: 'queue.md', title: 'Queue', anchor: undefined }]);
    expect(findAlertTargets(runbooks, 'NoSuchAlert')).toEqual([]);
  });
});
