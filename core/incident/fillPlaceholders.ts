import { isVariableName, MAX_VARIABLE_NAME_LENGTH } from './runbookVariable';

/** A piece of a code block: plain text, or a placeholder with the value this incident gives it (if any). */
export type CodePiece = { kind: 'text'; text: string } | { kind: 'placeholder'; name: string; raw: string; value?: string | undefined };

/**
 * Splits code into text and placeholders: `{{name}}` (spaces inside the braces allowed) always, `<NAME>`
 * only for names the runbook declares in `variables:` (so `<br>` or `a<b>c` in code stay code). One pass
 * over the text; each candidate looks at most a name's length ahead, so a 1 MB block with stray `{{` or `<`
 * stays linear.
 */
export function splitPlaceholders(code: string, declared: ReadonlySet<string>, values: Readonly<Record<string, string>> = {}): CodePiece[] {
  // Almost every block has neither opening: skip the character-by-character pass (it ran for every block on screen).
  if (!code.includes('{{') && (declared.size === 0 || !code.includes('<'))) return code === '' ? [] : [{ kind: 'text', text: code }];
  const pieces: CodePiece[] = [];
  let textStart = 0;
  const push = (at: number, end: number, name: string) => {
    if (at > textStart) pieces.push({ kind: 'text', text: code.slice(textStart, at) });
    const value = Object.hasOwn(values, name) && values[name] !== '' ? values[name] : undefined;
    pieces.push({ kind: 'placeholder', name, raw: code.slice(at, end), value });
    textStart = end;
  };
  const limit = MAX_VARIABLE_NAME_LENGTH + 4;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 123 /* { */ && code.charCodeAt(i + 1) === 123) {
      // Searched in a bounded window: an unbounded indexOf per stray `{{` would make the scan quadratic.
      const found = code.slice(i + 2, i + limit).indexOf('}}');
      const close = found === -1 ? -1 : i + 2 + found;
      if (close !== -1) {
        const name = code.slice(i + 2, close).trim();
        if (isVariableName(name)) {
          push(i, close + 2, name);
          i = close + 1;
        }
      }
    } else if (c === 60 /* < */ && declared.size > 0) {
      const found = code.slice(i + 1, i + MAX_VARIABLE_NAME_LENGTH + 2).indexOf('>');
      const close = found === -1 ? -1 : i + 1 + found;
      if (close !== -1) {
        const name = code.slice(i + 1, close);
        if (declared.has(name)) {
          push(i, close + 1, name);
          i = close;
        }
      }
    }
  }
  if (textStart < code.length) pieces.push({ kind: 'text', text: code.slice(textStart) });
  return pieces;
}

/** The text with every filled placeholder replaced by its value, literally (nothing is ever evaluated). */
export function joinPieces(pieces: readonly CodePiece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.text : (p.value ?? p.raw))).join('');
}

/** Whether any piece is a placeholder: only then is the block shown differently. */
export function hasPlaceholders(pieces: readonly CodePiece[]): boolean {
  return pieces.some((p) => p.kind === 'placeholder');
}
