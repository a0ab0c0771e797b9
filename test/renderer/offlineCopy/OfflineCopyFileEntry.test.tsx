// @vitest-environment jsdom
import '../support/domTest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge, OfflineCopyImportWireResponse, OfflineCopyOpened } from '../../../core/desktop/ipcContract';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { RunbookRepo } from '../../helpers/makeRunbookRepo';
import { makeBundle } from '../../core/offlineCopy/bundleFixture';

// The browser's sync worker and search index are not part of these paths (desktop imports go to main).
vi.mock('../../../renderer/sync/syncClient', () => ({ syncClient: {} }));
vi.mock('../../../renderer/search/searchClient', () => ({ notifySearchIndexChanged: () => undefined }));
const { OfflineCopyFileEntry } = await import('../../../renderer/offlineCopy/OfflineCopyFileEntry');
const { ImportOfflineCopyPanel } = await import('../../../renderer/offlineCopy/ImportOfflineCopyPanel');
const { db } = await import('../../../renderer/app/database');

type LaunchConsumer = (params: { files: ReadonlyArray<{ getFile(): Promise<File> }> }) => void;
type AppWindow = Window & { launchQueue?: { setConsumer(consumer: LaunchConsumer): void } };

let repo: RunbookRepo;
let bundle: Uint8Array<ArrayBuffer>;
const FILES = { 'db/failover.md': '# Failover\n\nPromote the replica.\n', 'net/dns.md': '# DNS\n' };

beforeAll(() => {
  repo = new RunbookRepo();
  for (const [path, text] of Object.entries(FILES)) repo.write(path, text);
  repo.commit('runbooks');
  bundle = new Uint8Array(makeBundle(repo, ['main']));
});
afterAll(() => repo.dispose());
afterEach(() => {
  delete (window as AppWindow).launchQueue;
  delete window.runbookReader;
});

/** The app's frame: the entry listens on every page; the import panel lives on Sources. */
function renderApp() {
  render(
    <MemoryRouter initialEntries={['/read/bundled/a.md']}>
      <OfflineCopyFileEntry />
      <Routes>
        <Route path="/read/*" element={<p>A runbook</p>} />
        <Route path="/sources" element={<ImportOfflineCopyPanel sources={[]} />} />
      </Routes>
    </MemoryRouter>,
  );
}

const offeredFile = () =>
  screen.findByText((_text, element) => element?.tagName === 'LEGEND' && /^Import .* into$/.test(element.textContent ?? ''));

describe('files that reach the app from outside the import panel', () => {
  it('the installed PWA opened with a .bundle (launch queue): Sources opens with the file offered', async () => {
    let consumer: LaunchConsumer | undefined;
    (window as AppWindow).launchQueue = { setConsumer: (c) => (consumer = c) };
    renderApp();
    expect(consumer).toBeTypeOf('function');

    act(() => consumer!({ files: [] })); // a plain start of the installed app: nothing to import
    expect(screen.getByText('A runbook')).toBeTruthy();

    act(() => consumer!({ files: [{ getFile: async () => new File([bundle], 'runbooks.bundle') }] }));
    expect((await offeredFile()).textContent).toBe('Import runbooks.bundle (Git bundle) into');
    expect(screen.queryByText('A runbook')).toBeNull();
  });

  it('a file dragged over the window shows where it goes, and dropped goes to the import panel', async () => {
    renderApp();
    const over = dragEvent('dragover', []);
    act(() => void window.dispatchEvent(over));
    expect(over.defaultPrevented).toBe(true); // the browser does not open the file itself
    expect(screen.getByText('Drop a Git bundle or a zip of runbooks to import it')).toBeTruthy();

    const drop = dragEvent('drop', [new File([bundle], 'dropped.bundle')]);
    act(() => void window.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(true);
    expect((await offeredFile()).textContent).toBe('Import dropped.bundle (Git bundle) into');
    expect(screen.queryByText('Drop a Git bundle or a zip of runbooks to import it')).toBeNull();
  });

  it('desktop: a .bundle opened with the app is offered, and Import sends it to main and applies main’s change set', async () => {
    // Main's answer (test/electron/gitSyncOfflineCopy.test.ts computes it from the bundle): the commit's runbooks.
    const importOfflineCopy = vi.fn(
      async (request: Parameters<DesktopBridge['importOfflineCopy']>[0]): Promise<OfflineCopyImportWireResponse> => ({
        ok: true,
        changeSet: {
          sourceId: request.sourceId,
          version: repo.head(),
          upserts: Object.entries(FILES).map(([path, text]) =>
            ingestRunbook(request.sourceId, { path, bytes: new TextEncoder().encode(text) }),
          ),
          removed: [],
          renamed: [],
        },
        provenance: { kind: 'bundle', fileName: request.fileName, version: repo.head(), commit: repo.head(), branch: 'main' },
      }),
    );
    let opened: ((file: OfflineCopyOpened) => void) | undefined;
    // Only the two methods these paths use; anything else the page called would fail the test.
    window.runbookReader = {
      importOfflineCopy,
      onOfflineCopyOpened: (listener) => {
        opened = listener;
        return () => (opened = undefined);
      },
    } as Partial<DesktopBridge> as DesktopBridge;
    renderApp();

    act(() => opened!({ fileName: 'runbooks.bundle', bytes: bundle }));
    expect((await offeredFile()).textContent).toBe('Import runbooks.bundle (Git bundle) into');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Import' }));

    expect((await screen.findByRole('status')).textContent).toMatch(
      /^Imported runbooks\.bundle into “.*”: 2 added, 0 updated, 0 removed\./,
    );
    // Main gets the file's bytes as they are, and what the (empty) cache holds.
    expect(importOfflineCopy).toHaveBeenCalledTimes(1);
    expect(importOfflineCopy.mock.calls[0]![0]).toMatchObject({ fileName: 'runbooks.bundle', bytes: bundle, cached: {} });
    const [source] = await db.sources.toArray();
    expect(source).toMatchObject({
      kind: 'git',
      name: 'runbooks',
      version: repo.head(),
      importedFrom: { kind: 'bundle', fileName: 'runbooks.bundle' },
    });
    expect((await db.runbooks.where('sourceId').equals(source!.id).toArray()).map((r) => r.path).sort()).toEqual([
      'db/failover.md',
      'net/dns.md',
    ]);
  });
});

/** jsdom has no DragEvent or DataTransfer: a plain event carrying what the handlers read. */
function dragEvent(type: 'dragover' | 'drop', files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  return event;
}
