// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { db } from '../../../renderer/app/database';

const onCall = `---\ntitle: "On-call"\n---\n# On-call\n\n## Emergency contacts\n\n- Storage on-call: +1 415 555 0100\n`;

async function panelAt(open: boolean) {
  const { LazyContactsPanel } = await import('../../../renderer/contacts/LazyContactsPanel');
  const page = (isOpen: boolean) => (
    <MemoryRouter>
      <LazyContactsPanel open={isOpen} onClose={() => undefined} />
    </MemoryRouter>
  );
  const view = render(page(open));
  return { reopen: (isOpen: boolean) => view.rerender(page(isOpen)) };
}

describe('the contacts panel, loaded apart from the app', () => {
  afterEach(() => {
    vi.doUnmock('../../../renderer/contacts/ContactsPanel');
    vi.resetModules();
  });

  it('is not drawn before it is first opened, then lists the phone numbers of the cached runbooks', async () => {
    const result = ingestRunbook('team', { path: 'ops/on-call.md', bytes: new TextEncoder().encode(onCall) });
    if (result.kind !== 'runbook') throw new Error('not a runbook');
    await db.sources.put({ id: 'team', kind: 'git', name: 'Team', location: 'https://git.example.com/team.git' });
    await db.runbooks.put({ ...result.meta, cachedAt: '2026-12-01T00:00:00Z' });
    const { reopen } = await panelAt(false);
    expect(screen.queryByRole('heading', { name: 'Emergency contacts' })).toBeNull();
    reopen(true);
    expect(await screen.findByRole('heading', { name: 'Emergency contacts' })).toBeTruthy();
    const phone = await screen.findByRole('link', { name: /\+1 415 555 0100/ });
    expect(phone.getAttribute('href')).toBe('tel:+14155550100');
  });

  it('says so, and how to try again, when its chunk cannot be loaded', async () => {
    vi.doMock('../../../renderer/contacts/ContactsPanel', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    await panelAt(true);
    // The reason is the import's own error (vitest words a failed mock its own way).
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^The contacts panel could not be loaded \(.+\)\. Reload the page to try again/,
    );
  });
});
