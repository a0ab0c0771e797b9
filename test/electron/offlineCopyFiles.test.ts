import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findOfflineCopyArgument, readOpenedOfflineCopy, saveOfflineCopyWithDialog } from '../../electron/offlineCopyFiles';
import { fakeElectron } from '../setup/electronMock';

const BUNDLE = new TextEncoder().encode('# v2 git bundle\nabc refs/heads/main\n\nPACK');

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'offline-copy-files-'));
  fakeElectron().app.paths.documents = folder;
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('findOfflineCopyArgument', () => {
  it('finds a .bundle or .zip among the arguments, never the executable or a switch', () => {
    expect(findOfflineCopyArgument(['/opt/rr/runbook-reader', '--no-sandbox', '/home/me/Runbooks.BUNDLE'])).toBe(
      '/home/me/Runbooks.BUNDLE',
    );
    expect(findOfflineCopyArgument(['C:\\rr.exe', 'D:\\copies\\ops.zip'])).toBe('D:\\copies\\ops.zip');
    expect(findOfflineCopyArgument(['/x/app.bundle', '--flag=a.zip'])).toBeUndefined();
  });
});

describe('readOpenedOfflineCopy', () => {
  it('reads a bundle, keeping only its name', async () => {
    const file = path.join(folder, 'runbooks.bundle');
    await writeFile(file, BUNDLE);
    expect(await readOpenedOfflineCopy(file)).toEqual({ ok: true, file: { fileName: 'runbooks.bundle', bytes: BUNDLE } });
  });

  it('refuses a file that is neither a bundle nor a zip, and a 2 GB file by its size', async () => {
    const text = path.join(folder, 'notes.zip');
    await writeFile(text, 'not a zip');
    expect(await readOpenedOfflineCopy(text)).toEqual({ ok: false, reason: 'It is neither a Git bundle nor a zip.' });
    const huge = path.join(folder, 'huge.bundle');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 2 * 1024 ** 3);
    closeSync(fd);
    expect(await readOpenedOfflineCopy(huge)).toMatchObject({ ok: false, reason: expect.stringContaining('over the 512 MiB limit') });
  });
});

describe('saveOfflineCopyWithDialog', () => {
  const contents = () => new (fakeElectron().BrowserWindow)().webContents as unknown as WebContents;
  const request = { sourceId: 'ops', name: 'Ops', commit: 'c'.repeat(40), branch: 'main' };

  it('offers the bundle name in Documents and writes the bundle where the person chose', async () => {
    const electron = fakeElectron();
    const target = path.join(folder, 'chosen.bundle');
    electron.dialog.nextSaveResult = { canceled: false, filePath: target };
    const write = vi.fn(async () => ({
      ok: true as const,
      bytes: BUNDLE,
      fileName: 'Ops-ccccccc.bundle',
      prerequisites: ['d'.repeat(40)],
    }));
    const result = await saveOfflineCopyWithDialog(request, contents(), write);
    expect(write).toHaveBeenCalledWith({ id: 'ops', name: 'Ops', version: 'c'.repeat(40), branch: 'main' });
    expect(electron.dialog.saveDialogs.at(-1)).toMatchObject({ defaultPath: path.join(folder, 'Ops-ccccccc.bundle') });
    expect(result).toEqual({ saved: true, fileName: 'chosen.bundle', partialHistory: true });
    expect(new Uint8Array(await readFile(target))).toEqual(BUNDLE);
  });

  it('says why when the bundle cannot be written, without asking where', async () => {
    const electron = fakeElectron();
    const before = electron.dialog.saveDialogs.length;
    const write = vi.fn(async () => ({ ok: false as const, error: { code: 'damaged', message: 'Commit ccccccc is not on this device.' } }));
    expect(await saveOfflineCopyWithDialog(request, contents(), write)).toEqual({
      saved: false,
      reason: 'Commit ccccccc is not on this device.',
    });
    expect(electron.dialog.saveDialogs.length).toBe(before);
  });
});
