// @vitest-environment jsdom
import '../support/domTest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/app/database';
import { WriteFailureNotice } from '../../../renderer/app/WriteFailureNotice';
import { BookmarksPage } from '../../../renderer/bookmarks/BookmarksPage';
import { BookmarkToggle } from '../../../renderer/bookmarks/BookmarkToggle';
import { ingested } from '../../core/cache/testDatabase';

function showPage() {
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <WriteFailureNotice />
      <BookmarkToggle sourceId="team" path="ops/disk.md" label="Disk Pressure" />
      <BookmarkToggle sourceId="team" path="ops/db.md" anchor="promote" label="Database Failover › Promote" />
      <BookmarksPage />
    </MemoryRouter>,
  );
  return user;
}

const list = () => document.querySelector<HTMLElement>('.rr-bookmarks');

describe('bookmarks', () => {
  it('adds a runbook and a section from their toggles and lists them, newest last, with links to the place', async () => {
    const user = showPage();
    expect(await screen.findByText(/No bookmarks yet/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Bookmark runbook "Disk Pressure"' }));
    await user.click(screen.getByRole('button', { name: 'Bookmark section "Database Failover › Promote"' }));
    expect(await screen.findByRole('button', { name: 'Remove bookmark for runbook "Disk Pressure"' })).toBeTruthy();
    await vi.waitFor(() => expect(within(list()!).getAllByRole('link')).toHaveLength(2));
    const links = within(list()!).getAllByRole('link');
    expect(links.map((a) => a.querySelector('.rr-bookmark-label')?.textContent)).toEqual(['Disk Pressure', 'Database Failover › Promote']);
    expect(links[1]!.getAttribute('href')).toBe('/read/team/ops/db.md?section=promote');
  });

  it('removes a bookmark from the list and from its toggle', async () => {
    const user = showPage();
    await user.click(await screen.findByRole('button', { name: 'Bookmark runbook "Disk Pressure"' }));
    await user.click(await screen.findByRole('button', { name: 'Remove bookmark Disk Pressure' }));
    expect(await screen.findByText(/No bookmarks yet/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Bookmark runbook "Disk Pressure"' })).toBeTruthy();
    expect(await db.bookmarks.count()).toBe(0);
  });

  it('marks a bookmarked runbook its source removed, and drops the mark when a sync brings it back', async () => {
    const read = ingested('team', 'ops/disk.md', '# Disk Pressure\n\nFree some space.\n');
    if (read.kind !== 'runbook') throw new Error('the fixture is a runbook');
    const kept = { ...read.meta, sourceId: 'team', cachedAt: '2026-03-01T00:00:00.000Z' };
    await db.runbooks.put({ ...kept, removedFromSource: '2026-03-02T00:00:00.000Z' });
    const user = showPage();
    await user.click(await screen.findByRole('button', { name: 'Bookmark runbook "Disk Pressure"' }));
    await vi.waitFor(() => expect(within(list()!).getByText('removed from source')).toBeTruthy());
    await db.runbooks.put(kept);
    await vi.waitFor(() => expect(within(list()!).queryByText('removed from source')).toBeNull());
  });

  it('says "Storage full" with what to do when the disk is full, and keeps the bookmarks saved before', async () => {
    const user = showPage();
    await user.click(await screen.findByRole('button', { name: 'Bookmark runbook "Disk Pressure"' }));
    await vi.waitFor(async () => expect(await db.bookmarks.count()).toBe(1));
    vi.spyOn(db.bookmarks, 'add').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    vi.spyOn(db.bookmarks, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await user.click(screen.getByRole('button', { name: 'Bookmark section "Database Failover › Promote"' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Storage full: the bookmark was not saved\. Free some space on this device/);
    vi.restoreAllMocks();
    expect((await db.bookmarks.toArray()).map((b) => b.label)).toEqual(['Disk Pressure']);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
