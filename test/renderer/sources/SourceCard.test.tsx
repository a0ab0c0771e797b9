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

  it('names CORS on a failed source only when the connectivity signal found the host answering', () => {
    const failed: SourceRecord = {
      ...source,
      lastError: {
        at: '2026-12-04T11:50:00Z',
        code: 'host-not-found',
        message: 'Could not reach git.example.com. Check the repository address, your network or VPN.',
      },
    };
    const unreachable = renderToStaticMarkup(<SourceCard source={failed} state={undefined} canHide={false} />);
    expect(unreachable).toContain('Could not reach git.example.com');
    expect(unreachable).not.toMatch(/CORS|cross-origin/);
    const refused = renderToStaticMarkup(<SourceCard source={failed} state={undefined} canHide={false} crossOriginRefused />);
    expect(refused).toContain('git.example.com answers, but refuses requests from this page (CORS)');
    expect(refused).toContain('set a CORS proxy under Settings');
    // The probe's finding replaces the sync's guess, so the card does not also say to check the network or VPN.
    expect(refused).not.toContain('Could not reach');
    // Nothing to explain on a source whose last sync went through.
    expect(renderToStaticMarkup(<SourceCard source={source} state={undefined} canHide={false} crossOriginRefused />)).not.toContain('CORS');
  });

  it('promises the cached copy after a failed sync only when an earlier sync left one', () => {
    const lastError = { at: '2026-12-04T11:50:00Z', code: 'timed-out', message: 'The host did not answer in time.' } as const;
    const synced: SourceRecord = { ...source, lastSyncAt: '2026-12-04T10:00:00Z', lastError };
    const { version: _never, ...unsynced } = source;
    const neverSynced: SourceRecord = { ...unsynced, lastError };
    const card = (s: SourceRecord) => renderToStaticMarkup(<SourceCard source={s} state={undefined} canHide={false} />);
    expect(card(synced)).toContain('The cached copy is still shown.');
    expect(card(neverSynced)).toContain('Nothing from it is cached yet.');
    expect(card(neverSynced)).not.toContain('cached copy is still shown');
  });
});
