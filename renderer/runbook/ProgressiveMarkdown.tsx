import { useEffect, useMemo } from 'react';
import { useProgressiveCount } from '../app/useProgressiveCount';
import { MarkdownView } from './MarkdownView';
import { MissingSectionNotice } from './MissingSectionNotice';
import type { ContactLinesRange } from './remarkContactLinks';
import { RenderBoundary } from './RenderBoundary';
import { useRunbookContext } from './RunbookContext';
import { SourceFilesContext } from './SourceFilesContext';
import { PlainSlice } from './PlainSlice';
import { splitMarkdown, type MarkdownPart } from './splitMarkdown';
import { useSourceFileQuery } from './useSourceFileQuery';
import './progressive.css';

interface Props {
  markdown: string;
  contactLines?: readonly ContactLinesRange[] | undefined;
  /** Anchor ids of the headings by body line (ingest's), used when the body is formatted in slices. */
  headingIdsByLine?: ReadonlyMap<number, string> | undefined;
  /** Told the last body line on screen each time more of the body is formatted, and whether that is all. */
  onProgress?: ((shownThroughLine: number, complete: boolean) => void) | undefined;
}

/**
 * A runbook body, formatted slice by slice: the first slice at once, each next one when the page is idle, so
 * a long document shows its beginning at once and never holds the page for one long task. An ordinary
 * runbook is one slice. Each slice has its own boundary: one that cannot be formatted is shown as written.
 */
export function ProgressiveMarkdown({ markdown, contactLines, headingIdsByLine, onProgress }: Props) {
  const parts = useMemo(() => splitMarkdown(markdown), [markdown]);
  const shown = useProgressiveCount(parts.length, 1, 1, parts);
  const sliced = parts.length > 1;
  const lastLine = shown >= parts.length ? Number.POSITIVE_INFINITY : parts[shown]!.firstLine - 1;
  useEffect(() => onProgress?.(lastLine, shown >= parts.length), [onProgress, lastLine, shown, parts.length]);
  const { sourceId, path, cachedPaths } = useRunbookContext();
  const sourceFiles = useSourceFileQuery(sourceId, path, cachedPaths);
  return (
    <SourceFilesContext.Provider value={sourceFiles}>
      <MissingSectionNotice />
      {parts.slice(0, shown).map((part) => (
        <Slice
          key={part.firstLine}
          part={part}
          contactLines={contactLines}
          // Always ingest's ids: the page's own text can differ from what ingest read (`:rocket:` becomes 🚀).
          headingIdsByLine={headingIdsByLine}
          sliced={sliced}
        />
      ))}
      {shown < parts.length && (
        <p className="rr-muted rr-formatting-more" aria-hidden="true">
          Formatting the rest of this runbook…
        </p>
      )}
    </SourceFilesContext.Provider>
  );
}

function Slice({
  part,
  contactLines,
  headingIdsByLine,
  sliced,
}: {
  part: MarkdownPart;
  contactLines: Props['contactLines'];
  headingIdsByLine: Props['headingIdsByLine'];
  sliced: boolean;
}) {
  if (part.plain) return <PlainSlice part={part} />;
  const view = (
    <RenderBoundary fallbackText={part.text}>
      <MarkdownView
        markdown={part.text}
        contactLines={contactLines}
        bodyLineOf={sliced ? part.bodyLineOf : undefined}
        headingIdsByLine={headingIdsByLine}
      />
    </RenderBoundary>
  );
  // Each slice of a long body in a box of its own (see progressive.css).
  return sliced ? <div className="rr-slice">{view}</div> : view;
}
