import type { SkipReason } from '../model';

export const DEFAULT_MAX_RUNBOOK_BYTES = 2 * 1024 * 1024;

/** How far into a file to look for NUL bytes, the usual sign of a binary file (Git looks at 8000 bytes too). */
const BINARY_SNIFF_BYTES = 8000;

/** Reused: a decoder holds no state between whole-buffer `decode` calls, a failed one included. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type DecodedText = { ok: true; text: string } | { ok: false; reason: SkipReason; message: string };

/**
 * Turns a file's bytes into text, or says why it cannot be shown as a runbook.
 * A byte order mark is dropped and line endings are normalised to `\n`.
 */
export function decodeRunbookText(bytes: Uint8Array, maxBytes = DEFAULT_MAX_RUNBOOK_BYTES): DecodedText {
  if (bytes.length > maxBytes) {
    let size = formatBytes(bytes.length);
    let limit = formatBytes(maxBytes);
    // Rounded, a file just over the limit reads "2.0 MiB, over the 2.0 MiB limit"; exact bytes say why.
    if (size === limit) [size, limit] = [`${bytes.length} B`, `${maxBytes} B`];
    return {
      ok: false,
      reason: 'too-large',
      message: `File is ${size}, over the ${limit} limit for a runbook.`,
    };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) !== -1) {
    return { ok: false, reason: 'binary', message: 'File looks binary (it contains NUL bytes), not Markdown text.' };
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return {
      ok: false,
      reason: 'not-utf8',
      message: 'File is not valid UTF-8 text; re-save it as UTF-8 to read it here.',
    };
  }
  // TextDecoder already drops a leading BOM; a second one (double-saved files) is dropped too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
