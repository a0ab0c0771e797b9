import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfFileName, printToPdf } from '../../electron/printToPdf';
import { fakeElectron } from '../setup/electronMock';

describe('pdfFileName makes a safe file name from an untrusted title', () => {
  it.each([
    ['DB failover', 'DB failover.pdf'],
    ['DB failover.pdf', 'DB failover.pdf'],
    ['../../etc/passwd', 'etc passwd.pdf'],
    ['..\\..\\Windows\\System32', 'Windows System32.pdf'],
    ['C:\\evil', 'C evil.pdf'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a b c d e f g h i j.pdf'],
    ['line\nbreak\u0000nul', 'line break nul.pdf'],
    ['evil\u202Efdp.exe', 'evil fdp.exe.pdf'],
    ['   ...hidden...   ', 'hidden.pdf'],
    ['', 'runbook.pdf'],
    ['///', 'runbook.pdf'],
    ['CON', 'runbook.pdf'],
    ['nul', 'runbook.pdf'],
    ['Café réseau — étape 3', 'Café réseau — étape 3.pdf'],
  ])('%j → %j', (title, name) => {
    expect(pdfFileName(title)).toBe(name);
  });

  it('bounds the length', () => {
    expect(pdfFileName('x'.repeat(1000)).length).toBeLessThanOrEqual(124);
  });
});

describe('printToPdf', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'print-'));
    fakeElectron().app.paths.documents = folder;
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  function windowContents() {
    const window = new (fakeElectron().BrowserWindow)();
    return window.webContents as unknown as WebContents;
  }

  it('offers a sanitised name in Documents and saves the PDF where the user chose', async () => {
    const electron = fakeElectron();
    const target = path.join(folder, 'chosen');
    electron.dialog.nextSaveResult = { canceled: false, filePath: target };
    const result = await printToPdf(windowContents(), '../DB failover');
    expect(electron.dialog.saveDialogs[0]).toMatchObject({ defaultPath: path.join(folder, 'DB failover.pdf') });
    expect(result).toEqual({ saved: true, path: `${target}.pdf` });
    expect((await readFile(`${target}.pdf`, 'latin1')).startsWith('%PDF')).toBe(true);
  });

  it('reports a cancelled dialog', async () => {
    expect(await printToPdf(windowContents(), 'x')).toEqual({ saved: false, reason: 'Cancelled.' });
  });

  it('reports a write failure instead of throwing', async () => {
    fakeElectron().dialog.nextSaveResult = { canceled: false, filePath: path.join(folder, 'missing-folder', 'x.pdf') };
    const result = await printToPdf(windowContents(), 'x');
    expect(result.saved).toBe(false);
    expect(result.reason).toMatch(/could not be saved/);
  });
});
