/**
 * Offline copies as files on desktop: saving a source's bundle where the person chooses (a save dialog),
 * and reading a `.bundle` or `.zip` the app was asked to open (file association, macOS `open-file`, the
 * command line), checked by its size before it is read and by its first bytes after.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import type { OfflineCopyOpened, OfflineCopySaveRequest, OfflineCopySaveResult } from '../core/desktop/ipcContract';
import type { OfflineCopySaveOutcome } from '../core/offlineCopy/offlineCopyInHost';
import { offlineCopyKind } from '../core/offlineCopy/offlineCopyKind';
import { checkOfflineCopySize } from '../core/offlineCopy/offlineCopyLimits';

export type WriteOfflineCopy = (source: {
  id: string;
  name: string;
  version: string;
  branch?: string | undefined;
}) => Promise<OfflineCopySaveOutcome>;

/** Writes the bundle first (so a failure is told before asking anything), then asks where to save it. */
export async function saveOfflineCopyWithDialog(
  request: OfflineCopySaveRequest,
  contents: WebContents,
  write: WriteOfflineCopy,
): Promise<OfflineCopySaveResult> {
  const bundle = await write({ id: request.sourceId, name: request.name, version: request.commit, branch: request.branch });
  if (!bundle.ok) return { saved: false, reason: bundle.error.message };
  const window = BrowserWindow.fromWebContents(contents);
  const options = {
    title: 'Save offline copy',
    defaultPath: path.join(app.getPath('documents'), bundle.fileName),
    filters: [{ name: 'Git bundle', extensions: ['bundle'] }],
  };
  try {
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false, cancelled: true, reason: 'Cancelled.' };
    await writeFile(choice.filePath, bundle.bytes);
    return {
      saved: true,
      fileName: path.basename(choice.filePath),
      partialHistory: bundle.prerequisites.length > 0,
      historyNotFetched: bundle.historyNotFetched,
    };
  } catch (error) {
    return { saved: false, reason: `The offline copy could not be saved: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The first command-line argument that names an offline copy by its extension (Windows and Linux "Open with"). */
export function findOfflineCopyArgument(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((arg) => !arg.startsWith('-') && /\.(bundle|zip)$/i.test(arg));
}

/**
 * The opened file for the import panel, or why it cannot be: refused by its size before a byte is read,
 * and when it is neither a Git bundle nor a zip.
 */
export async function readOpenedOfflineCopy(
  filePath: string,
): Promise<{ ok: true; file: OfflineCopyOpened } | { ok: false; reason: string }> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return { ok: false, reason: 'It is not a file.' };
    checkOfflineCopySize(info.size);
    const bytes = new Uint8Array(await readFile(filePath));
    if (!offlineCopyKind(bytes)) return { ok: false, reason: 'It is neither a Git bundle nor a zip.' };
    return { ok: true, file: { fileName: path.basename(filePath), bytes } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
