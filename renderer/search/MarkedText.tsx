import type { ReactNode } from 'react';
import type { TextRange } from '../../core/search/searchSnippet';

/**
 * Text with the given ranges wrapped in `<mark>`. The text is rendered as text (React escapes it): runbook
 * content is untrusted, so no HTML from it is ever interpreted.
 */
export function MarkedText({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start < at || end > text.length || end <= start) return;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
