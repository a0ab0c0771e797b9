import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../../core/model';
import { SourceCard } from '../../../renderer/sources/SourceCard';
import type { SourceSyncState } from '../../../renderer/sync/syncClient';

const source: SourceRecord = {
  id: 'team',
  kind: 'git',
  name: 'Team runbooks',
  location: 'https://git.example.com/team.git',
  version: 'a'.repeat(40),
};

function render(state: SourceSyncState | undefined): string {
  return renderToStaticMarkup(<SourceCard source={source} state={state} canHide={false} />);
}

const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);

describe('SourceCard', () => {
  it('offers to cancel a sync only while one runs', () => {
    expect(buttons(render({ running: true, progress: { phase: 'fetching', percent: 40 } }))).toEqual([
      'Set',
      'Pin keys',
      'Syncing…',
      'Cancel sync',
      'Hide from library',
      'Save offline copy',
      'Remove',
    ]);
    expect(buttons(render(undefined))).toEqual(['Set', 'Pin keys', 'Sync now', 'Hide from library', 'Save offline copy', 'Remove']);
  });

  it('offers no sync and no saved copy for a source imported from a zip, but it can be hidden and removed', () => {
    const zip: SourceRecord = { id: 'zip-1', kind: 'folder', name: 'From a zip', version: 'zip-0123456789ab' };
    expect(buttons(renderToStaticMarkup(<SourceCard source={zip} state={undefined} canHide={false} />))).toEqual([
      'Set',
      'Hide from library',
      'Remove',
    ]);
  });

  it('says a cancelled sync changed nothing, and says no more once another sync starts', () => {
    const cancelled: SourceSyncState = {
      running: false,
      last: { ok: false, error: { code: 'cancelled', message: 'The sync was cancelled. Nothing was changed.' } },
    };
    expect(render(cancelled)).toContain('Sync cancelled; nothing was changed.');
    expect(render({ ...cancelled, running: true })).not.toContain('Sync cancelled');
    expect(render({ running: false, last: { ok: false, error: { code: 'timed-out', message: 'x' } } })).not.toContain('Sync cancelled');
  });
});
