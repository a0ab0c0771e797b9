// @vitest-environment jsdom
import '../support/domTest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startIncident } from '../../../core/incident/incidentStore';
import { toggleBookmark } from '../../../core/userdata/bookmarks';
import { db } from '../../../renderer/app/database';
import { BookmarkList } from '../../../renderer/bookmarks/BookmarkList';
import { SearchDialog } from '../../../renderer/search/SearchDialog';

// No search worker in jsdom: with an empty query the dialog lists the bookmarks, which is what is tested.
vi.mock('../../../renderer/search/searchClient', () => ({
  startSearchWorker: () => undefined,
  searchClient: {
    recent: () => Promise.resolve([]),
    facets: () => Promise.resolve({ sources: [], areas: [], tags: [], statuses: [], owners: [] }),
    remember: () => Promise.resolve([]),
    clearRecent: () => Promise.resolve([]),
  },
  useSearch: () => ({ response: undefined, pending: false, current: true, status: { state: 'ready', runbooks: 2, generation: 1 } }),
}));

beforeEach(async () => {
  await toggleBookmark(db, { sourceId: 'team', path: 'ops/disk.md', label: 'Disk Pressure' }, new Date('2026-12-05T08:00:00Z'));
  await toggleBookmark(
    db,
    { sourceId: 'team', path: 'ops/db.md', anchor: 'promote', label: 'Database Failover › Promote' },
    new Date('2026-12-05T08:01:00Z'),
  );
});

function Harness() {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  return (
    <>
      <BookmarkList variant="compact" />
      <button type="button" onClick={() => setOpen(true)}>
        Open search
      </button>
      <p data-testid="location">{location.pathname + location.search}</p>
      <SearchDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function show() {
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <Harness />
    </MemoryRouter>,
  );
  return user;
}

async function loggedBookmarks() {
  const events = await db.incidentEvents.toArray();
  return events.filter((e) => e.kind === 'bookmark').map(({ text, sourceId, path, anchor }) => ({ text, sourceId, path, anchor }));
}

describe('bookmarks used during an incident are logged, wherever they are opened', () => {
  it('from a bookmark list: once per use, with its label and place', async () => {
    await startIncident(db, { name: 'Disk full', severity: 'SEV2' });
    const user = show();
    await user.click(await screen.findByRole('link', { name: /Database Failover › Promote/ }));
    expect(screen.getByTestId('location').textContent).toBe('/read/team/ops/db.md?section=promote');
    await waitFor(async () =>
      expect(await loggedBookmarks()).toEqual([
        { text: 'Database Failover › Promote', sourceId: 'team', path: 'ops/db.md', anchor: 'promote' },
      ]),
    );
  });

  it('from search, with Enter on the selected bookmark and with a click on another', async () => {
    await startIncident(db, { name: 'Disk full', severity: 'SEV2' });
    const user = show();
    await user.click(screen.getByRole('button', { name: 'Open search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Search runbooks' });
    await within(dialog).findByRole('option', { name: /Disk Pressure/ });
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('location').textContent).toBe('/read/team/ops/disk.md');
    await waitFor(async () => expect(await loggedBookmarks()).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Open search' }));
    await user.click(await screen.findByRole('option', { name: /Database Failover › Promote/ }));
    expect(screen.getByTestId('location').textContent).toBe('/read/team/ops/db.md?section=promote');
    await waitFor(async () =>
      expect(await loggedBookmarks()).toEqual([
        { text: 'Disk Pressure', sourceId: 'team', path: 'ops/disk.md', anchor: undefined },
        { text: 'Database Failover › Promote', sourceId: 'team', path: 'ops/db.md', anchor: 'promote' },
      ]),
    );
  });

  it('writes nothing when no incident is open', async () => {
    const user = show();
    await user.click(await screen.findByRole('link', { name: /Disk Pressure/ }));
    await user.click(screen.getByRole('button', { name: 'Open search' }));
    await user.click(await screen.findByRole('option', { name: /Disk Pressure/ }));
    expect(screen.getByTestId('location').textContent).toBe('/read/team/ops/disk.md');
    // Once an incident opens, the next use is its first bookmark line: the two before wrote nothing.
    await startIncident(db, { name: 'Disk full', severity: 'SEV2' });
    await user.click(screen.getByRole('link', { name: /Database Failover › Promote/ }));
    await waitFor(async () => expect(await loggedBookmarks()).toHaveLength(1));
    expect((await loggedBookmarks())[0]?.text).toBe('Database Failover › Promote');
  });
});
