import { useMemo } from 'react';
import type { MarkdownPart } from './splitMarkdown';
import './progressive.css';

/** Lines per box of a block shown as written: a megabyte in one box took the browser most of a second to lay out. */
const PLAIN_LINES_PER_BOX = 200;

/** A part of a long body shown as written (too large or too deep to format), with the reason. */
export function PlainSlice({ part }: { part: MarkdownPart }) {
  const boxes = useMemo(() => linesInBoxes(part.text, PLAIN_LINES_PER_BOX), [part.text]);
  return (
    <div className="rr-plain-slice">
      <p className="rr-warnings" role="note">
        {part.plain === 'too-deep'
          ? 'This part is nested too deeply to format; it is shown as written.'
          : `This part is too large to format as one block (${part.text.length.toLocaleString('en')} characters); it is shown as written.`}
      </p>
      <pre className="rr-plain-text">
        {boxes.map((text, i) => (
          <span key={i} className="rr-plain-lines" style={{ containIntrinsicBlockSize: `auto ${lineCount(text)}lh` }}>
            {text}
          </span>
        ))}
      </pre>
    </div>
  );
}

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

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
