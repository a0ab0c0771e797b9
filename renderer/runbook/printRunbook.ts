import type { Platform } from '../app/appServices';

/** Print or save as PDF: the desktop app offers a save dialog for a PDF, the browser its print dialog. */
export async function printRunbook(platform: Platform, title: string): Promise<string | undefined> {
  if (platform.kind === 'web') {
    window.print();
    return undefined;
  }
  const result = await platform.desktop.printToPdf(title);
  if (result.saved) return `Saved ${result.path ?? 'the PDF'}.`;
  return result.reason;
}
