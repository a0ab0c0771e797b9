// @vitest-environment jsdom
import '../support/domTest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReadVersion } from '../../../core/cache/runbookDatabase';
import { recordRead } from '../../../core/userdata/readCopies';
import { db } from '../../../renderer/app/database';
import { WhatChanged } from '../../../renderer/runbook/WhatChanged';

const OLD_COMMIT = '1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const NEW_COMMIT = '2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const read: ReadVersion = {
  oid: 'blob-1',
  commit: OLD_COMMIT,
  cachedAt: '2026-12-01T08:00:00Z',
  markdown: '# Cache outage\n\n## Steps\n\n1. Drain the cache tier.\n2. Page the storage on-call.\n',
};
const arrived: ReadVersion = {
  oid: 'blob-2',
  commit: NEW_COMMIT,
  cachedAt: '2026-12-04T09:30:00Z',
  markdown: '# Cache outage\n\n## Steps\n\n1. Drain the cache tier.\n2. Page the storage on-call.\n3. Write the timeline.\n',
};

const network = vi.fn(() => Promise.reject(new Error('What changed must not fetch')));
beforeEach(() => {
  network.mockClear();
  vi.stubGlobal('fetch', network);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('WhatChanged', () => {
  it('offers nothing for a runbook read for the first time', async () => {
    await recordRead(db, 'team', 'first-time.md', arrived);
    await recordRead(db, 'team', 'cache.md', read);
    render(
      <>
        <WhatChanged sourceId="team" path="first-time.md" version={arrived} />
        <WhatChanged sourceId="team" path="cache.md" version={arrived} />
      </>,
    );
    // Once the runbook read before shows its offer, the one read for the first time has had its answer too.
    await screen.findByText('What changed since you last read it');
    expect(document.querySelectorAll('.rr-what-changed')).toHaveLength(1);
  });

  it('shows the lines added since the version last read, from the local copy, with the commit and time of both versions', async () => {
    await recordRead(db, 'team', 'cache.md', read);
    render(<WhatChanged sourceId="team" path="cache.md" version={arrived} />);
    const summary = await screen.findByText('What changed since you last read it');
    const details = summary.closest('details')!;
    expect(details.querySelector(`code[title="${OLD_COMMIT}"]`)?.textContent).toBe('1111111');
    expect(details.querySelector(`code[title="${NEW_COMMIT}"]`)?.textContent).toBe('2222222');
    expect([...details.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).toEqual([read.cachedAt, arrived.cachedAt]);

    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(details.querySelector('ins')?.textContent).toContain('3. Write the timeline.'));
    expect(details.querySelectorAll('del')).toHaveLength(0);
    expect(details.textContent).toContain('1 line added, 0 removed.');
    expect(network).not.toHaveBeenCalled();
  });
});
