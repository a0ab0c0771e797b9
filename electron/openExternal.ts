/** The one place where the app hands a URL to the operating system. */
import { shell } from 'electron';
import type { OpenExternalResult } from '../core/desktop/ipcContract';
import { decideOpenExternal } from './policy/externalLinks';

/**
 * Opens `url` in the system browser / mail client / dialer / chat client if the allowlist permits.
 * Electronegativity's OPEN_EXTERNAL_JS_CHECK flags the call below for review: the URL has just
 * passed `decideOpenExternal` (https, http, mailto without attach=, tel, the chat schemes; no
 * credentials in web links), so it is accepted in test/electron/electronegativity.test.ts.
 */
export async function openExternalSafely(url: unknown): Promise<OpenExternalResult> {
  const decision = decideOpenExternal(url);
  if (!decision.allow) return { opened: false, reason: decision.reason };
  try {
    await shell.openExternal(url as string);
    return { opened: true };
  } catch {
    return { opened: false, reason: 'The operating system could not open the link (no application for it?).' };
  }
}
