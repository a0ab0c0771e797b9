import { useMemo } from 'react';
import { joinPieces, splitPlaceholders } from '../../core/incident/fillPlaceholders';
import { PlaceholderMark } from '../incident/PlaceholderMark';
import { useDeclaredPlaceholders } from '../incident/useDeclaredPlaceholders';
import { useOpenIncident } from '../incident/useOpenIncident';
import { CodeCopyButton } from './CodeCopyButton';
import { linesInBoxes, PLAIN_LINES_PER_BOX, plainBoxStyle } from './plainBoxes';
import './progressive.css';

const NO_VALUES: Readonly<Record<string, string>> = {};

/**
 * A code block too large to format (a pasted megabyte): shown without syntax colours in boxes of lines laid
 * out only near the screen, with its placeholders filled from this incident and marked, and a Copy button
 * that copies the filled code. Each box is scanned on its own, so the work stays linear in the block's size.
 */
export function PlainCodeBlock({ code, language }: { code: string; language: string | undefined }) {
  const incident = useOpenIncident();
  const declared = useDeclaredPlaceholders();
  const values = incident?.values ?? NO_VALUES;
  const boxes = useMemo(
    () => linesInBoxes(code, PLAIN_LINES_PER_BOX).map((text) => ({ text, pieces: splitPlaceholders(text, declared, values) })),
    [code, declared, values],
  );
  const filled = () =>
    boxes
      .map((box) => joinPieces(box.pieces))
      .join('')
      .replace(/\n$/, '');

  return (
    <div className="rr-code rr-plain-code">
      <div className="rr-code-bar">
        <span className="rr-code-lang">{language ?? 'text'}</span>
        <CodeCopyButton language={language} text={filled} />
      </div>
      <pre tabIndex={0}>
        <code>
          {boxes.map((box, i) => (
            <span key={i} className="rr-plain-lines" style={plainBoxStyle(box.text)}>
              {box.pieces.map((piece, j) =>
                piece.kind === 'text' ? (
                  piece.text
                ) : (
                  <PlaceholderMark key={j} raw={piece.raw} value={piece.value} incidentOpen={!!incident} />
                ),
              )}
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}
