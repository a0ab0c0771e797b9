import { useMemo } from 'react';
import { splitFencedCode } from '../../core/markdown/splitFencedCode';
import { PlainCodeBlock } from './PlainCodeBlock';
import { linesInBoxes, PLAIN_CHARS_PER_BOX, PLAIN_LINES_PER_BOX, plainBoxStyle } from './plainBoxes';
import type { MarkdownPart } from './splitMarkdown';
import './progressive.css';

/**
 * A part of a long body shown as written (too large or too deep to format), with the reason. Its fenced code
 * blocks still get a Copy button and this incident's values, without syntax colours.
 */
export function PlainSlice({ part }: { part: MarkdownPart }) {
  const segments = useMemo(() => splitFencedCode(part.text), [part.text]);
  return (
    <div className="rr-plain-slice">
      <p className="rr-warnings" role="note">
        {part.plain === 'too-deep'
          ? 'This part is nested too deeply to format; it is shown as written.'
          : `This part is too large to format as one block (${part.text.length.toLocaleString('en')} characters); it is shown as written.`}
      </p>
      {segments.map((segment, i) =>
        segment.kind === 'code' ? (
          <PlainCodeBlock key={i} code={segment.code} language={segment.language} />
        ) : (
          <PlainText key={i} text={segment.text} />
        ),
      )}
    </div>
  );
}

function PlainText({ text }: { text: string }) {
  const boxes = useMemo(() => linesInBoxes(text, PLAIN_LINES_PER_BOX, PLAIN_CHARS_PER_BOX), [text]);
  return (
    <pre className="rr-plain-text">
      {boxes.map((box, i) => (
        <span key={i} className="rr-plain-lines" style={plainBoxStyle(box)}>
          {box}
        </span>
      ))}
    </pre>
  );
}
