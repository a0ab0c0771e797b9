import { CONTROL_CHARS } from '../terminal/escapeControlChars';

/**
 * Text from outside (a server's answer, an error it caused) as it may appear in a message: control
 * characters become spaces, runs of whitespace one space, and at most `maxLength` characters are kept
 * (an ellipsis marks the cut).
 */
export function shortenUntrustedText(text: string, maxLength: number): string {
  const flat = text.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= maxLength ? flat : `${flat.slice(0, Math.max(0, maxLength - 1))}…`;
}
