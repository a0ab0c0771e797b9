// @vitest-environment jsdom
import '../support/domTest';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import type { AppServices } from '../../../renderer/app/appServices';
import { db } from '../../../renderer/app/database';
import { ContactsPanel } from '../../../renderer/contacts/ContactsPanel';
import { putTeamSource, showTeamCard } from './support/teamSourceCard';

// The card only reads and writes the cache here; no sync, token or search service is touched.
const services = { db, platform: { kind: 'web' } } as unknown as AppServices;

const RUNBOOK = `---\ntitle: "On-call"\n---\n# On-call\n\n## Emergency contacts\n\n- **Secondary on-call**: 020 7946 0958\n`;

beforeEach(async () => {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
  const result = ingestRunbook('team', { path: 'ops/on-call.md', bytes: new TextEncoder().encode(RUNBOOK) });
  if (result.kind !== 'runbook') throw new Error('not a runbook');
  await putTeamSource();
  await db.runbooks.put({ ...result.meta, cachedAt: '2026-12-01T00:00:00Z' });
  return () => vi.restoreAllMocks();
});

const show = () => showTeamCard(services, <ContactsPanel open onClose={() => undefined} />);

const findCard = () => screen.findByRole('listitem', { name: 'Team runbooks' });
const card = () => screen.getByRole('listitem', { name: 'Team runbooks' });
const panel = () => screen.getByRole('dialog', { name: 'Emergency contacts' });

describe('phone region on an existing source', () => {
  it('is set on the card and read at once by the contacts panel, which says which region applied — no sync', async () => {
    const user = show();
    expect(await within(panel()).findByText(/read as US, this device’s region/)).toBeTruthy();
    expect(within(card()).getByText(/not set \(this device’s region, US, is used\)/)).toBeTruthy();

    await user.click(within(card()).getByRole('button', { name: 'Change the phone region of Team runbooks' }));
    const input = within(card()).getByRole('textbox', { name: 'Phone region' });
    await user.type(input, 'gb');
    await user.click(within(card()).getByRole('button', { name: 'Save' }));

    expect((await within(card()).findByRole('status')).textContent).toBe('Saved. Numbers written without + are now read as GB numbers.');
    expect(within(card()).getByText('GB').tagName).toBe('STRONG');
    expect((await db.sources.get('team'))?.region).toBe('GB');
    expect(await within(panel()).findByText(/read as GB, the source’s region/)).toBeTruthy();
    expect(within(panel()).getByRole('link', { name: '020 7946 0958' }).getAttribute('href')).toBe('tel:+442079460958');
  });

  it('refuses a code that is not a region, keeping what was typed and the saved region', async () => {
    await db.sources.update('team', { region: 'GB' });
    const user = show();
    await user.click(await within(await findCard()).findByRole('button', { name: 'Change the phone region of Team runbooks' }));
    const input = within(card()).getByRole('textbox', { name: 'Phone region' });
    expect((input as HTMLInputElement).value).toBe('GB');
    await user.clear(input);
    await user.type(input, 'ZZ');
    await user.click(within(card()).getByRole('button', { name: 'Save' }));

    expect(within(card()).getByRole('alert').textContent).toBe('“ZZ” is not a region code: use two letters, such as GB, DE or US.');
    expect((input as HTMLInputElement).value).toBe('ZZ');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((await db.sources.get('team'))?.region).toBe('GB');

    await user.click(within(card()).getByRole('button', { name: 'Cancel' }));
    expect(within(card()).queryByRole('textbox')).toBeNull();
    expect(document.activeElement).toBe(within(card()).getByRole('button', { name: /^Change the phone region/ }));
    expect(within(card()).getByText('GB').tagName).toBe('STRONG');
  });

  it('accepts UK for GB, and an empty box clears the setting so the device’s region applies again', async () => {
    const user = show();
    await user.click(await within(await findCard()).findByRole('button', { name: /^Change the phone region/ }));
    await user.type(within(card()).getByRole('textbox', { name: 'Phone region' }), 'uk{Enter}');
    await within(card()).findByText('GB');
    expect((await db.sources.get('team'))?.region).toBe('GB');

    await user.click(within(card()).getByRole('button', { name: /^Change the phone region/ }));
    await user.clear(within(card()).getByRole('textbox', { name: 'Phone region' }));
    await user.click(within(card()).getByRole('button', { name: 'Save' }));

    expect((await within(card()).findByRole('status')).textContent).toBe(
      'Cleared. Numbers written without + are now read in this device’s region (US).',
    );
    expect((await db.sources.get('team'))?.region).toBeUndefined();
    expect(await within(panel()).findByText(/read as US, this device’s region/)).toBeTruthy();
  });
});
