// @vitest-environment jsdom
import '../support/domTest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { db } from '../../../renderer/app/database';
import { ContactsPanel } from '../../../renderer/contacts/ContactsPanel';

async function cache(markdown: string, path = 'ops/on-call.md', region?: string) {
  const result = ingestRunbook('team', { path, bytes: new TextEncoder().encode(markdown) });
  if (result.kind !== 'runbook') throw new Error('not a runbook');
  await db.sources.put({ id: 'team', kind: 'git', name: 'Team', location: 'https://git.example.com/team.git', region });
  await db.runbooks.put({ ...result.meta, cachedAt: '2026-12-01T00:00:00Z' });
}

const onCall = `---\ntitle: "On-call"\n---\n# On-call\n\n## Emergency contacts\n\n- Storage on-call: +1 415 555 0100\n- Database on-call: +1 415 555 0199\n- Escalation: db-lead@example.com\n`;

/** The shape of the runbooks in the issue: paging and chat before the only phone, on-call said five ways. */
const incident = [
  '---',
  'title: "Ban Incident"',
  'last_reviewed: 2026-11-20',
  '---',
  '# Ban Incident',
  '',
  '## Emergency contacts',
  '',
  '- **Notify on-call engineer**: PagerDuty `ban-primary`',
  '- **Page on-call engineer**: Slack #ban-incidents',
  '- **On-call engineer**: https://acme.pagerduty.com/schedules/P1',
  '- **Secondary on-call**: 020 7946 0958',
  '- **On-call**: oncall@example.co.uk',
  '- **Trust team**: Slack #trust',
  '- **Trust team**: page them via PagerDuty',
  '- **VP of Engineering**',
  '',
  '| Trigger | Escalate to |',
  '| --- | --- |',
  '| 50% failure rate for ban operations | Incident Commander |',
].join('\n');

function open() {
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <ContactsPanel open onClose={() => undefined} />
    </MemoryRouter>,
  );
  return user;
}

function rows(container: HTMLElement) {
  return [...container.querySelectorAll('.rr-contact')].map((li) => li.querySelector('.rr-contact-value')?.textContent);
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

  it('answers who to call first: one on-call group, its phone on top, unreachable names folded under More', async () => {
    await cache(incident, 'ops/ban-incident.md', 'GB');
    open();
    const dialog = screen.getByRole('dialog', { name: 'Emergency contacts' });
    await within(dialog).findByText('020 7946 0958');
    const groups = [...dialog.querySelectorAll('.rr-modal-body > .rr-contact-group h3')].map((h) => h.textContent);
    expect(groups).toEqual(['On-call', 'Trust team']);
    const onCallGroup = within(dialog).getByRole('region', { name: 'On-call' });
    expect(rows(onCallGroup)[0]).toBe('020 7946 0958');
    expect(within(onCallGroup).getByText('Secondary')).toBeTruthy();
    // The number was written without +44: the source's region placed it, and the panel says so.
    expect(within(onCallGroup).getByRole('link', { name: '020 7946 0958' }).getAttribute('href')).toBe('tel:+442079460958');
    expect(within(onCallGroup).getByText(/read as GB, the source’s region/)).toBeTruthy();
    const more = dialog.querySelector('details.rr-contacts-more')!;
    expect(more.hasAttribute('open')).toBe(false);
    expect(within(more as HTMLElement).getByText(/More: 3 entries/)).toBeTruthy();
    await userEvent.setup().click(within(more as HTMLElement).getByText(/More: 3 entries/));
    expect(within(more as HTMLElement).getByRole('region', { name: 'VP of Engineering' })).toBeTruthy();
    // An instruction with nothing to dial or copy waits under More, beside its team's name.
    expect(within(more as HTMLElement).getByRole('region', { name: 'Trust team' }).textContent).toContain('page them via PagerDuty');
    const trust = [...dialog.querySelectorAll<HTMLElement>('.rr-modal-body > .rr-contact-group')].find(
      (g) => g.getAttribute('aria-label') === 'Trust team',
    )!;
    expect(rows(trust)).toEqual(['#trust']);
  });

  it('shows the runbook each number came from and when that runbook was reviewed', async () => {
    await cache(incident, 'ops/ban-incident.md', 'GB');
    open();
    const dialog = screen.getByRole('dialog', { name: 'Emergency contacts' });
    const phone = (await within(dialog).findByText('020 7946 0958')).closest('li')!;
    expect(within(phone).getByRole('link', { name: 'from Ban Incident' }).getAttribute('href')).toMatch(
      /ops\/ban-incident\.md.*emergency-contacts/,
    );
    expect(phone.textContent).toMatch(/reviewed 2026-11-20/);
  });

  it('marks a number from a runbook reviewed long ago, or never, as one whose currency is in doubt', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 5, 12));
    try {
      await cache(
        `---\ntitle: Old NOC\nlast_reviewed: 2026-06-01\n---\n# Old NOC\n\n## Emergency contacts\n\n- **NOC**: +44 20 7946 0001\n`,
        'ops/old.md',
      );
      await cache(
        `---\ntitle: Undated NOC\n---\n# Undated NOC\n\n## Emergency contacts\n\n- **Lab**: +44 20 7946 0002\n`,
        'ops/undated.md',
      );
      open();
      const dialog = screen.getByRole('dialog', { name: 'Emergency contacts' });
      const old = (await within(dialog).findByText('+44 20 7946 0001')).closest('li')!;
      expect(old.querySelector('.rr-contact-review-old')?.textContent).toBe(' · reviewed 2026-06-01 (187 days ago)');
      const undated = within(dialog).getByText('+44 20 7946 0002').closest('li')!;
      expect(undated.querySelector('.rr-contact-review-old')?.textContent).toBe(' · no review date');
    } finally {
      vi.useRealTimers();
    }
  });

  it('copies the paging policy or link, never the label', async () => {
    await cache(incident, 'ops/ban-incident.md', 'GB');
    const user = open();
    const dialog = screen.getByRole('dialog', { name: 'Emergency contacts' });
    await within(dialog).findByText('ban-primary');
    await user.click(within(dialog).getByRole('button', { name: 'Copy paging ban-primary' }));
    expect(await navigator.clipboard.readText()).toBe('ban-primary');
    await user.click(within(dialog).getByRole('button', { name: 'Copy paging https://acme.pagerduty.com/schedules/P1' }));
    expect(await navigator.clipboard.readText()).toBe('https://acme.pagerduty.com/schedules/P1');
    expect(within(dialog).queryByRole('button', { name: /Copy .*on-call/i })).toBeNull();
  });

  it('marks an example number as one to check, and keeps it dialable', async () => {
    await cache(`---\ntitle: Lab\nregion: US\n---\n# Lab\n\n## Emergency contacts\n\n- **Lab desk**: (555) 010-3300\n`, 'ops/lab.md');
    open();
    const dialog = screen.getByRole('dialog', { name: 'Emergency contacts' });
    const link = await within(dialog).findByRole('link', { name: '(555) 010-3300' });
    expect(link.getAttribute('href')).toBe('tel:+15550103300');
    const row = link.closest('li')!;
    expect(row.textContent).toMatch(/Check this number: not a valid US number/);
    expect(row.textContent).toMatch(/read as US, the runbook’s region/);
  });

  it('lists thousands of contacts a few hundred at a time while idle, all of them in the end', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const lines = Array.from({ length: 1_000 }, (_, i) => `- Team ${i} on-call: +1 415 555 ${String(10_000 + i).slice(1)}`).join('\n');
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
  it('keeps an open panel current: a synced runbook’s contacts appear, a hidden source’s leave', async () => {
    await cache(onCall);
    open();
    const dialog = screen.getByRole('dialog', { name: 'Emergency contacts' });
    expect(await within(dialog).findByText('+1 415 555 0100')).toBeTruthy();
    await cache(`---\ntitle: "Network"\n---\n# Network\n\n## Emergency contacts\n\n- Network on-call: +1 415 555 0142\n`, 'ops/network.md');
    expect(await within(dialog).findByText('+1 415 555 0142')).toBeTruthy();
    await db.sources.update('team', { hidden: true });
    await vi.waitFor(() => expect(within(dialog).queryByText('+1 415 555 0100')).toBeNull());
    expect(within(dialog).getByText('No contacts found in the cached runbooks.')).toBeTruthy();
  });
});
