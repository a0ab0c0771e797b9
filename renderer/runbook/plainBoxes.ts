import type { CSSProperties } from 'react';

/** Lines per box of a block shown as written: a megabyte in one box took the browser most of a second to lay out. */
export const PLAIN_LINES_PER_BOX = 200;

/** The text cut into runs of `perBox` lines, each with its line breaks: joined, they are the text again. */
export function linesInBoxes(text: string, perBox: number): string[] {
  const boxes: string[] = [];
  let start = 0;
  while (start < text.length) {
    let next = start;
    for (let n = 0; n < perBox && next < text.length; n++) {
      const end = text.indexOf('\n', next);
      next = end === -1 ? text.length : end + 1;
    }
    boxes.push(text.slice(start, next));
    start = next;
  }
  return boxes;
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
