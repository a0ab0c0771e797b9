// @vitest-environment jsdom
import '../support/domTest';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppServices } from '../../../renderer/app/appServices';
import { db } from '../../../renderer/app/database';
import { putTeamSource, showTeamCard } from './support/teamSourceCard';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICoOxCbT/rL5Xj7QrHU16ixwAibOjlfCBAXWrIua9VRl alice@ops';
const COMMIT = 'a'.repeat(40);
const saveSettings = vi.fn(async () => ({ saved: true }));
// The card reads and writes the cache and tells the platform the source's settings; nothing else is touched.
const services = { db, platform: { kind: 'web' }, sourceTokens: { saveSettings } } as unknown as AppServices;

beforeEach(async () => {
  saveSettings.mockClear();
  await putTeamSource({ version: COMMIT, lastSyncAt: '2026-12-01T00:00:00Z' });
});

const show = () => showTeamCard(services);

const card = () => screen.findByRole('listitem', { name: 'Team runbooks' });

describe('pinned signing keys on a source’s card', () => {
  it('pins a key: saved on the source and told to the platform, and the card names whose key it is', async () => {
    const user = show();
    await user.click(await within(await card()).findByRole('button', { name: 'Change the pinned signing keys of Team runbooks' }));
    await user.type(within(await card()).getByRole('textbox', { name: /Pinned signing keys/ }), KEY);
    await user.click(within(await card()).getByRole('button', { name: 'Save' }));

    expect((await within(await card()).findByRole('status')).textContent).toContain('The next sync or import checks its commit');
    const saved = await db.sources.get('team');
    expect(saved?.pinnedSigningKeys).toBe(KEY);
    expect(saved?.requireSignedCommits).toBeUndefined();
    expect(saveSettings).toHaveBeenCalledWith(expect.objectContaining({ sourceId: 'team', pinnedSigningKeys: KEY }));
    expect((await card()).textContent).toContain('1 key (alice@ops) · unsigned commits accepted, marked unsigned');
  });

  it('refuses a key it cannot read, saying which line, and keeps what was typed and what was saved', async () => {
    await db.sources.update('team', { pinnedSigningKeys: KEY });
    const user = show();
    await user.click(await within(await card()).findByRole('button', { name: 'Change the pinned signing keys of Team runbooks' }));
    const box = within(await card()).getByRole('textbox', { name: /Pinned signing keys/ });
    await user.type(box, '\nssh-ed25519 oops');
    await user.click(within(await card()).getByRole('button', { name: 'Save' }));

    expect((await within(await card()).findByRole('alert')).textContent).toContain('line 2');
    expect((box as HTMLTextAreaElement).value).toBe(`${KEY}\nssh-ed25519 oops`);
    expect((await db.sources.get('team'))?.pinnedSigningKeys).toBe(KEY);
    expect(saveSettings).not.toHaveBeenCalled();
  });

  it('shows who signed the commit the cache holds, or that it is unsigned, and nothing for another commit', async () => {
    await db.sources.update('team', { signature: { status: 'signed', commit: COMMIT, signer: 'alice@ops', fingerprint: 'SHA256:abc' } });
    show();
    expect((await within(await card()).findByTestId('commit-signature')).textContent).toBe(' · ✓ signed by alice@ops');
    await db.sources.update('team', { signature: { status: 'unsigned', commit: COMMIT } });
    await vi.waitFor(async () => expect((await within(await card()).findByTestId('commit-signature')).textContent).toBe(' · unsigned'));
    await db.sources.update('team', { signature: { status: 'unsigned', commit: 'b'.repeat(40) } });
    await vi.waitFor(async () => expect(within(await card()).queryByTestId('commit-signature')).toBeNull());
  });
});
