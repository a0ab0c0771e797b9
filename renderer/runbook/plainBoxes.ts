import type { CSSProperties } from 'react';

/** Lines per box of a block shown as written: a megabyte in one box took the browser most of a second to lay out. */
export const PLAIN_LINES_PER_BOX = 200;

/**
 * Characters per box of wrapped text shown as written: a 300 KB line with no space (link-syntax pathology) in one
 * box took the browser 200–380 ms to lay out in one go, while boxes off screen are not laid out at all.
 */
export const PLAIN_CHARS_PER_BOX = 4_000;

/**
 * The text cut into runs of `perBox` lines, each with its line breaks: joined, they are the text again. With
 * `maxChars`, a box also ends before it would grow past that many characters, within a line if it must (never
 * between the two halves of a surrogate pair).
 */
export function linesInBoxes(text: string, perBox: number, maxChars = Number.POSITIVE_INFINITY): string[] {
  const boxes: string[] = [];
  let start = 0;
  while (start < text.length) {
    const limit = Math.min(text.length, start + maxChars);
    let next = start;
    for (let n = 0; n < perBox && next < limit; n++) {
      const end = text.indexOf('\n', next);
      const lineEnd = end === -1 ? text.length : end + 1;
      if (lineEnd > limit && next > start) break; // the next line starts the next box
      next = Math.min(lineEnd, limit);
    }
    if (next < text.length && isLowSurrogate(text.charCodeAt(next)) && next - 1 > start) next--;
    boxes.push(text.slice(start, next));
    start = next;
  }
  return boxes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A box's size before it is laid out (boxes are laid out only near the screen): one line height per line. */
export function plainBoxStyle(text: string): CSSProperties {
  return { containIntrinsicBlockSize: `auto ${lineCount(text)}lh` };
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
