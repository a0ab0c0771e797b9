// @vitest-environment jsdom
import '../support/domTest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { strToU8, zipSync } from 'fflate';
import { mkdtempSync, rmSync } from 'node:fs';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge, OfflineCopyImportWireResponse, OfflineCopyInspectRequest } from '../../../core/desktop/ipcContract';
import type { SourceRecord } from '../../../core/model';
import { inspectBundleForSources } from '../../../core/offlineCopy/inspectBundle';
import { RunbookRepo, git } from '../../helpers/makeRunbookRepo';
import { makeBundle } from '../../core/offlineCopy/bundleFixture';

// Desktop paths: main (played here by the core it calls) inspects and imports; the worker is not used.
vi.mock('../../../renderer/sync/syncClient', () => ({ syncClient: {} }));
vi.mock('../../../renderer/search/searchClient', () => ({ notifySearchIndexChanged: () => undefined }));
const { ImportOfflineCopyPanel } = await import('../../../renderer/offlineCopy/ImportOfflineCopyPanel');
const { db } = await import('../../../renderer/app/database');

let repo: RunbookRepo;
let theirs: RunbookRepo;
let first: string;
let unrelated: string;
let folder: string;
/** Object stores as main keeps them: "ops" synced the newer commit this morning. */
const storeDirs = new Map<string, string>();
const stores = { fs, dirOf: (id: string) => storeDirs.get(id) ?? join(folder, `none-${id}.git`) };

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'import-panel-'));
  repo = new RunbookRepo();
  repo.write('db/failover.md', '# Failover\n\nPromote the replica.\n');
  first = repo.commit('first');
  repo.write('net/dns.md', '# DNS\n');
  repo.commit('second');
  git(repo.workDir, ['branch', 'yesterday', first]);
  theirs = new RunbookRepo();
  unrelated = theirs.write('a.md', '# Another team\n').commit('theirs');
  // As a sync leaves it: a bare repository holding the newer commit (made by git, as main's store would be).
  const gitdir = join(folder, 'ops.git');
  git(folder, ['clone', '-q', '--bare', repo.workDir, gitdir]);
  storeDirs.set('ops', gitdir);
});
afterAll(() => {
  repo.dispose();
  theirs.dispose();
  rmSync(folder, { recursive: true, force: true });
});
afterEach(() => {
  delete window.runbookReader;
});

const gitSource = (id: string, name: string, version: string): SourceRecord => ({ id, kind: 'git', name, version });

/** The desktop bridge: inspection through the real core over real stores; an import main refuses (what was asked is what counts). */
function desktop(inspect?: (request: OfflineCopyInspectRequest) => Promise<{ match?: unknown }>) {
  const inspectOfflineCopy = vi.fn(
    inspect ??
      (async ({ bytes, sources }: OfflineCopyInspectRequest) => ({ match: await inspectBundleForSources(bytes, sources, stores) })),
  );
  const importOfflineCopy = vi.fn(
    async (_request: Parameters<DesktopBridge['importOfflineCopy']>[0]): Promise<OfflineCopyImportWireResponse> => ({
      ok: false,
      error: { code: 'damaged', message: 'Main stopped here.' },
    }),
  );
  window.runbookReader = { inspectOfflineCopy, importOfflineCopy } as Partial<DesktopBridge> as DesktopBridge;
  return { inspectOfflineCopy, importOfflineCopy };
}

async function pick(sources: SourceRecord[], file: File) {
  render(
    <MemoryRouter>
      <ImportOfflineCopyPanel sources={sources} />
    </MemoryRouter>,
  );
  await userEvent.setup().upload(screen.getByTestId('offline-copy-input'), file);
  await screen.findByText(
    (_text, element) => element?.tagName === 'LEGEND' && element.textContent?.startsWith(`Import ${file.name}`) === true,
  );
}

const bundleFile = (of: RunbookRepo, name: string) => new File([new Uint8Array(makeBundle(of, ['main']))], name);
/** The line under the choice once the check has answered (it says "Looking…" until then). */
const noteSays = (text: RegExp) => waitFor(() => expect(screen.getByTestId('offline-copy-match-note').textContent).toMatch(text));
const importButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Import' });
const isChecked = (name: RegExp) => screen.getByRole<HTMLInputElement>('radio', { name }).checked;

describe('the import panel suggests the source a bundle updates', () => {
  it('preselects the one Git source of the same repository, says why, and imports into it', async () => {
    const { importOfflineCopy } = desktop();
    const laptop = gitSource('ops-laptop', 'Ops runbooks', first);
    await db.sources.put(laptop);
    await pick([gitSource('team', 'Team runbooks', unrelated), laptop], bundleFile(repo, 'colleague.bundle'));

    expect((await screen.findByTestId('offline-copy-match')).textContent).toBe(`Same repository: contains ${first.slice(0, 7)}.`);
    const update = screen.getByRole('radio', { name: /update “Ops runbooks”/ });
    expect((update as HTMLInputElement).checked).toBe(true);
    expect(update.getAttribute('aria-describedby')).toBe(screen.getByTestId('offline-copy-match').id);
    expect(isChecked(/a new source named/)).toBe(false);
    expect(screen.queryByTestId('offline-copy-match-note')).toBeNull();

    await userEvent.setup().click(importButton());
    await screen.findByText('Main stopped here.');
    expect(importOfflineCopy.mock.calls[0]![0]).toMatchObject({ sourceId: 'ops-laptop', fileName: 'colleague.bundle' });
  });

  it('an older bundle: finds the source whose store already has its commit', async () => {
    desktop();
    const older = new File([new Uint8Array(makeBundle(repo, ['yesterday']))], 'older.bundle');
    await pick([gitSource('ops', 'Ops runbooks', repo.head())], older);
    expect((await screen.findByTestId('offline-copy-match')).textContent).toBe(`Same repository: contains ${first.slice(0, 7)}.`);
    expect(isChecked(/update “Ops runbooks”/)).toBe(true);
  });

  it('another repository’s bundle: nothing preselected, and a line says the app was not sure', async () => {
    desktop();
    await pick([gitSource('ops', 'Ops runbooks', repo.head())], bundleFile(theirs, 'theirs.bundle'));
    await noteSays(/^No source here holds this repository’s commits; choose a new source or the one to update\.$/);
    expect(isChecked(/a new source named/)).toBe(true);
    expect(isChecked(/update “Ops runbooks”/)).toBe(false);
    expect(screen.queryByTestId('offline-copy-match')).toBeNull();
  });

  it('two sources of the same repository: nothing preselected, the person chooses', async () => {
    desktop();
    await pick(
      [gitSource('ops', 'Ops runbooks', repo.head()), gitSource('ops-laptop', 'Ops (laptop)', first)],
      bundleFile(repo, 'colleague.bundle'),
    );
    await noteSays(/^Several sources hold this repository’s commits/);
    expect(isChecked(/a new source named/)).toBe(true);
  });

  it('a zip is never matched: the person chooses, told why', async () => {
    const { inspectOfflineCopy } = desktop();
    const zip = new File([zipSync({ 'a.md': strToU8('# A\n') })], 'runbooks.zip');
    await pick([gitSource('ops', 'Ops runbooks', repo.head())], zip);
    expect(screen.getByTestId('offline-copy-match-note').textContent).toMatch(/^A zip holds files, not commits/);
    expect(isChecked(/a new source named/)).toBe(true);
    expect(inspectOfflineCopy).not.toHaveBeenCalled();
  });

  it('waits for the check before importing, and keeps a choice the person made meanwhile', async () => {
    let answer: (value: { match?: unknown }) => void = () => undefined;
    desktop(() => new Promise((resolve) => (answer = resolve)));
    await pick([gitSource('ops-laptop', 'Ops runbooks', first)], bundleFile(repo, 'colleague.bundle'));
    expect(screen.getByTestId('offline-copy-match-note').textContent).toBe('Looking for the source this copy belongs to…');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Checking…' }).disabled).toBe(true);

    await userEvent.setup().click(screen.getByRole('radio', { name: /a new source named/ }));
    answer({ match: { kind: 'same', sourceId: 'ops-laptop', commit: first } });
    await waitFor(() => expect(importButton().disabled).toBe(false));
    expect(isChecked(/a new source named/)).toBe(true);
    expect(screen.getByTestId('offline-copy-match').textContent).toBe(`Same repository: contains ${first.slice(0, 7)}.`);
  });
});
