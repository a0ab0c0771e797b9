/** A run of lines of a block shown as written: text, or a fenced code block (its fences left out). */
export type FencedSegment = { kind: 'text'; text: string } | { kind: 'code'; code: string; language?: string | undefined };

const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})([^\n]*)$/;

/**
 * Finds the top-level fenced code blocks (```` ``` ```` or `~~~`, indented at most three spaces) in Markdown
 * that is shown as written, so each can still offer Copy and this incident's values. One pass over the
 * lines; a block that is never closed runs to the end, as CommonMark reads it. Fences inside lists or
 * quotes are left in the text.
 */
export function splitFencedCode(markdown: string): FencedSegment[] {
  const lines = markdown.split('\n');
  const segments: FencedSegment[] = [];
  let textFrom = 0;
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING_FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    // A backtick fence's info string may not hold a backtick (that line is inline code, not a fence).
    if (fence[0] === '`' && info.includes('`')) continue;
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end]!)) end++;
    if (i > textFrom) segments.push({ kind: 'text', text: lines.slice(textFrom, i).join('\n') + '\n' });
    const dedent = new RegExp(`^ {0,${indent.length}}`);
    const code = lines.slice(i + 1, end).map((line) => line.replace(dedent, ''));
    const language = info.trim().split(/\s+/)[0] || undefined;
    segments.push({ kind: 'code', code: code.length > 0 ? `${code.join('\n')}\n` : '', language });
    textFrom = end + 1;
    i = end;
  }
  if (textFrom < lines.length) {
    const rest = lines.slice(textFrom).join('\n');
    if (rest !== '') segments.push({ kind: 'text', text: rest });
  }
  return segments;
}
