/** "Print / Save as PDF": asks where to save, then writes the page as a PDF. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import type { PrintToPdfResult } from '../core/desktop/ipcContract';

const FALLBACK_NAME = 'runbook';
const MAX_NAME_LENGTH = 120;

/**
 * A safe file name from a runbook title (which comes from untrusted content): no path
 * separators, no characters Windows refuses, no control characters, no leading dots, bounded,
 * always ending in `.pdf`.
 */
export function pdfFileName(suggestedName: string): string {
  const cleaned = suggestedName
    .normalize('NFC')
    .replace(/\.pdf$/i, '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, MAX_NAME_LENGTH)
    .trim();
  // Reserved device names on Windows (CON, PRN, NUL, COM1...) cannot be used as file names.
  const base = cleaned === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) ? FALLBACK_NAME : cleaned;
  return `${base}.pdf`;
}

function withPdfExtension(filePath: string): string {
  return filePath.toLowerCase().endsWith('.pdf') ? filePath : `${filePath}.pdf`;
}

/** Saves what `contents` shows as a PDF, at a place the user picks. Never throws. */
export async function printToPdf(contents: WebContents, suggestedName: string): Promise<PrintToPdfResult> {
  const window = BrowserWindow.fromWebContents(contents);
  const options = {
    title: 'Save runbook as PDF',
    defaultPath: path.join(app.getPath('documents'), pdfFileName(suggestedName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  try {
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false, reason: 'Cancelled.' };
    const target = withPdfExtension(choice.filePath);
    const pdf = await contents.printToPDF({ printBackground: true });
    await writeFile(target, pdf);
    return { saved: true, path: target };
  } catch (error) {
    return { saved: false, reason: `The PDF could not be saved: ${error instanceof Error ? error.message : String(error)}` };
  }
}
