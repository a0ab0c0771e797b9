// @vitest-environment jsdom
import '../support/domTest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { db } from '../../../renderer/app/database';
import { ContactsPanel } from '../../../renderer/contacts/ContactsPanel';

async function cache(markdown: string) {
  const result = ingestRunbook('team', { path: 'ops/on-call.md', bytes: new TextEncoder().encode(markdown) });
  if (result.kind !== 'runbook') throw new Error('not a runbook');
  await db.sources.put({ id: 'team', kind: 'git', name: 'Team', location: 'https://git.example.com/team.git' });
  await db.runbooks.put({ ...result.meta, cachedAt: '2026-12-01T00:00:00Z' });
}

const onCall = `---\ntitle: "On-call"\n---\n# On-call\n\n## Emergency contacts\n\n- Storage on-call: +1 415 555 0100\n- Database on-call: +1 415 555 0199\n- Escalation: db-lead@example.com\n`;

function open() {
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <ContactsPanel open onClose={() => undefined} />
    </MemoryRouter>,
  );
  return user;
}

describe('ContactsPanel', () => {
  it('filters by name or number and copies a value exactly as written', async () => {
    await cache(onCall);
    const user = open();
    const dialog = screen.getByRole('dialog', { name: 'Emergency contacts' });
    expect(await within(dialog).findByText('+1 415 555 0100')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Filter contacts' }));
    await user.keyboard('5550199');
    expect(within(dialog).queryByText('+1 415 555 0100')).toBeNull();
    expect(within(dialog).getByText('+1 415 555 0199')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: /^Copy phone \+1 415 555 0199/ }));
    expect(await navigator.clipboard.readText()).toBe('+1 415 555 0199');
    expect(within(dialog).getByRole('button', { name: /^Copy phone/ }).textContent).toBe('Copied');
  });

  it('lists thousands of contacts a few hundred at a time while idle, all of them in the end', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const lines = Array.from({ length: 1_000 }, (_, i) => `- Team ${i} on-call: +1 555 ${String(10_000 + i).slice(1)}`).join('\n');
    await cache(`---\ntitle: "Many"\n---\n# Many\n\n## Emergency contacts\n\n${lines}\n`);
    open();
    await vi.waitFor(() => expect(document.querySelectorAll('.rr-contact').length).toBeGreaterThan(0), { timeout: 10_000 });
    const first = document.querySelectorAll('.rr-contact').length;
    expect(first).toBeLessThan(1_000);
    for (let i = 0; i < 500 && document.querySelectorAll('.rr-contact').length < 1_000; i++) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10);
        await new Promise((resolve) => setImmediate(resolve));
      });
    }
    expect(document.querySelectorAll('.rr-contact')).toHaveLength(1_000);
  });
});
