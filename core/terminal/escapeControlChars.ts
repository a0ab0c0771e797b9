/**
 * Makes untrusted text (a file name, a server's message) safe to print to a terminal: C0 and C1 control
 * characters, DEL, the Unicode line/paragraph separators and bidi controls become visible escapes (`ESC` → `\x1b`, a
 * newline → `\n`), so a name cannot move the cursor, recolour or clear the screen, or fake a line of
 * output. A backslash is left as it is. For JSON output, JSON's own escaping already does this.
 */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, (ch) => {
    const named = NAMED[ch];
    if (named !== undefined) return named;
    const code = ch.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

// Bidi controls too: an override would reorder what the reader sees.
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
