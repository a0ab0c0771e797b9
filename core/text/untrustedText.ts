/**
 * Control characters (C0, DEL, C1) and the Unicode line/paragraph separators and bidi controls, which a
 * terminal or a log viewer would act on instead of showing: an ESC could recolour or rewrite the screen,
 * a CR overwrite the line, a bidi override reorder what is read.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes untrusted text (a file name from a repository, a server's answer) safe to print in human output:
 * every control character becomes a visible escape (`\x1b`, `\u202e`) and nothing else changes.
 */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Text from outside (a server's answer, an error it caused) as it may appear in a message: control
 * characters become spaces, runs of whitespace one space, and at most `maxLength` characters are kept
 * (an ellipsis marks the cut).
 */
export function shortenUntrustedText(text: string, maxLength: number): string {
  const flat = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= maxLength ? flat : `${flat.slice(0, Math.max(0, maxLength - 1))}…`;
}
