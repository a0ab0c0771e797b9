import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { incidentJson, incidentMarkdown } from '../../../core/incident/exportIncident';
import { joinPieces, splitPlaceholders } from '../../../core/incident/fillPlaceholders';
import {
  addIncidentNote,
  closeIncident,
  deleteIncident,
  incidentEvents,
  listIncidents,
  openIncident,
  recordIncidentEvent,
  setIncidentValue,
  startIncident,
} from '../../../core/incident/incidentStore';
import { openTestDatabase } from '../cache/testDatabase';

describe('placeholders in code', () => {
  it('fills {{name}} always and <NAME> only when declared, leaving the rest as written', () => {
    const code = 'kubectl -n {{ namespace }} delete pod <POD> --user <USER_ID> # a<b>c {{unset}}';
    const pieces = splitPlaceholders(code, new Set(['USER_ID']), { namespace: 'mod', USER_ID: '42' });
    expect(joinPieces(pieces)).toBe('kubectl -n mod delete pod <POD> --user 42 # a<b>c {{unset}}');
    expect(pieces.filter((p) => p.kind === 'placeholder').map((p) => p.raw)).toEqual(['{{ namespace }}', '<USER_ID>', '{{unset}}']);
  });

  it('copies shell metacharacters in a value literally', () => {
    const value = '$(rm -rf /); `id` && echo "$HOME" | tee >(cat) \\';
    expect(joinPieces(splitPlaceholders('echo {{v}}', new Set(), { v: value }))).toBe(`echo ${value}`);
  });

  it('scans a 1 MB block of stray braces and angle brackets in one pass', () => {
    const code = `${'{{ <USER_ID'.repeat(100_000)} {{cluster}}`;
    const pieces = splitPlaceholders(code, new Set(['USER_ID']), { cluster: 'eu-1' });
    expect(joinPieces(pieces).endsWith(' eu-1')).toBe(true);
    expect(pieces.map((p) => p.kind)).toEqual(['text', 'placeholder']);
  });
});

describe('incident store', () => {
  let db: RunbookDatabase;
  beforeEach(() => {
    db = openTestDatabase();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('keeps one open incident, records events against it, clears values on close and keeps the log', async () => {
    const first = await startIncident(
      db,
      { name: 'Ban sync lag', alert: 'HighBanSyncLag', severity: 'SEV2' },
      new Date('2026-12-05T06:00:00Z'),
      'a',
    );
    await setIncidentValue(db, first.id, 'cluster', 'eu-1; rm -rf /', new Date('2026-12-05T06:01:00Z'));
    expect((await openIncident(db))?.values).toEqual({ cluster: 'eu-1; rm -rf /' });
    await recordIncidentEvent(
      db,
      { kind: 'opened', text: 'Ban Sync', sourceId: 'bundled', path: 'ban.md', commit: 'abcdef0123456789' },
      new Date('2026-12-05T06:02:00Z'),
    );
    await recordIncidentEvent(
      db,
      { kind: 'ticked', text: 'Pause the sync', sourceId: 'bundled', path: 'ban.md' },
      new Date('2026-12-05T06:03:00Z'),
    );
    await recordIncidentEvent(
      db,
      { kind: 'bookmark', text: 'Ban › Pause', sourceId: 'bundled', path: 'ban.md', anchor: 'pause' },
      new Date('2026-12-05T06:03:30Z'),
    );
    await addIncidentNote(db, first.id, 'Paged by PagerDuty', new Date('2026-12-05T05:55:00Z'), new Date('2026-12-05T06:04:00Z'));

    const second = await startIncident(db, { name: 'Other', severity: 'SEV4' }, new Date('2026-12-05T07:00:00Z'), 'b');
    expect((await openIncident(db))?.id).toBe(second.id);
    const closed = (await listIncidents(db)).find((i) => i.id === 'a')!;
    expect(closed).toMatchObject({ state: 'closed', values: {}, endedAt: '2026-12-05T07:00:00.000Z' });

    const markdown = incidentMarkdown(closed, await incidentEvents(db, 'a'));
    expect(markdown.split('\n')).toEqual(
      expect.arrayContaining([
        '# Incident: Ban sync lag',
        '- Alert: HighBanSyncLag',
        '- 2026-12-05 05:55:00Z Note: Paged by PagerDuty (written 2026-12-05 06:04:00Z)',
        '- 2026-12-05 06:00:00Z Incident started: Ban sync lag (SEV2, alert HighBanSyncLag)',
        '- 2026-12-05 06:01:00Z Set value of cluster',
        '- 2026-12-05 06:02:00Z Opened Ban Sync (ban.md @ abcdef012345)',
        '- 2026-12-05 06:03:00Z Ticked "Pause the sync" in ban.md',
        '- 2026-12-05 06:03:30Z Used bookmark "Ban › Pause" (ban.md#pause)',
        '- 2026-12-05 07:00:00Z Incident closed',
        '- ban.md (bundled, abcdef012345)',
      ]),
    );
    expect(markdown).not.toContain('rm -rf');
    const json = JSON.parse(incidentJson(closed, await incidentEvents(db, 'a'))) as { incident: object; timeline: unknown[] };
    expect(json.incident).not.toHaveProperty('values');
    expect(json.timeline).toHaveLength(7);
  });

  it('survives reopening the database and deletes an incident with its events', async () => {
    await startIncident(db, { name: 'Kept', severity: 'SEV3' }, new Date(), 'k');
    const reopened = new RunbookDatabase(db.name, { indexedDB, IDBKeyRange });
    expect((await openIncident(reopened))?.name).toBe('Kept');
    await closeIncident(reopened, 'k');
    await deleteIncident(reopened, 'k');
    expect(await listIncidents(reopened)).toEqual([]);
    expect(await incidentEvents(reopened, 'k')).toEqual([]);
    reopened.close();
  });
});
