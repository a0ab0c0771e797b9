/** Print or save as PDF: the desktop app offers a save dialog for a PDF, the browser its print dialog. */
export async function printRunbook(title: string): Promise<string | undefined> {
  const bridge = window.runbookReader;
  if (!bridge) {
    window.print();
    return undefined;
  }
  const result = await bridge.printToPdf(title);
  if (result.saved) return `Saved ${result.path ?? 'the PDF'}.`;
  return result.reason;
}
