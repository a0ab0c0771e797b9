import { startTransition, useEffect, useMemo, useState } from 'react';
import { whenIdle } from '../app/useProgressiveCount';
import { MarkdownView } from './MarkdownView';
import { MissingSectionNotice } from './MissingSectionNotice';
import type { ContactLinesRange } from './remarkContactLinks';
import { RenderBoundary } from './RenderBoundary';
import { useRunbookContext } from './RunbookContext';
import { SourceFilesContext } from './SourceFilesContext';
import { PlainSlice } from './PlainSlice';
import { layoutOfSlices, nextSliceToFormat, sliceIndexOfLine } from './sliceOrder';
import { splitMarkdown, type MarkdownPart } from './splitMarkdown';
import { useSourceFileQuery } from './useSourceFileQuery';
import './progressive.css';

interface Props {
  markdown: string;
  contactLines?: readonly ContactLinesRange[] | undefined;
  /** Anchor ids of the headings by body line (ingest's), used when the body is formatted in slices. */
  headingIdsByLine?: ReadonlyMap<number, string> | undefined;
  /** Body line the reader is sent to (a linked section): its slice is formatted first. */
  focusLine?: number | undefined;
  /** Told, each time another slice is formatted, which body lines are on screen and whether that is all. */
  onProgress?: ((isShown: (bodyLine: number) => boolean, complete: boolean) => void) | undefined;
}

/**
 * A runbook body, formatted slice by slice: the slice the reader is sent to (the top, or a linked section) at
 * once, each next one when the page is idle (see sliceOrder), so a long document shows the part asked for at
 * once and never holds the page for one long task. An ordinary runbook is one slice. Slices still waiting
 * keep a place of about their height, so the page does not jump as they arrive (the browser's scroll
 * anchoring keeps what is on screen in place). Each slice has its own boundary: one that cannot be
 * formatted is shown as written.
 */
export function ProgressiveMarkdown({ markdown, contactLines, headingIdsByLine, focusLine, onProgress }: Props) {
  const parts = useMemo(() => splitMarkdown(markdown), [markdown]);
  const firstLines = useMemo(() => parts.map((p) => p.firstLine), [parts]);
  const lineCount = useMemo(() => countLines(markdown), [markdown]);
  const focus = focusLine === undefined ? 0 : sliceIndexOfLine(firstLines, focusLine);
  const [state, setState] = useState(() => ({ parts, formatted: onlyFormatted(parts.length, focus) }));
  const current = state.parts === parts ? state : { parts, formatted: onlyFormatted(parts.length, focus) };
  if (current !== state) setState(current);
  const { formatted } = current;
  const next = nextSliceToFormat(formatted, focus);
  useEffect(() => {
    if (next === undefined) return undefined;
    return whenIdle(() =>
      startTransition(() =>
        setState((s) => (s.parts !== parts || s.formatted[next] ? s : { parts, formatted: withFormatted(s.formatted, next) })),
      ),
    );
  }, [next, parts]);
  const complete = next === undefined;
  useEffect(
    () => onProgress?.((line) => formatted[sliceIndexOfLine(firstLines, line)] === true, complete),
    [onProgress, formatted, firstLines, complete],
  );
  const sliced = parts.length > 1;
  const { sourceId, path, cachedPaths } = useRunbookContext();
  const sourceFiles = useSourceFileQuery(sourceId, path, cachedPaths);
  return (
    <SourceFilesContext.Provider value={sourceFiles}>
      <MissingSectionNotice />
      {layoutOfSlices(formatted).map((item) =>
        typeof item === 'number' ? (
          <Slice
            key={parts[item]!.firstLine}
            part={parts[item]!}
            contactLines={contactLines}
            // Always ingest's ids: the page's own text can differ from what ingest read (`:rocket:` becomes 🚀).
            headingIdsByLine={headingIdsByLine}
            sliced={sliced}
          />
        ) : (
          <PendingSlices
            key={`pending-${parts[item.from]!.firstLine}`}
            lines={(parts[item.to]?.firstLine ?? lineCount + 1) - parts[item.from]!.firstLine}
            above={item.to <= focus}
          />
        ),
      )}
    </SourceFilesContext.Provider>
  );
}

function onlyFormatted(count: number, index: number): boolean[] {
  return Array.from({ length: count }, (_, i) => i === index);
}

function withFormatted(formatted: readonly boolean[], index: number): boolean[] {
  const copy = [...formatted];
  copy[index] = true;
  return copy;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The place of slices not formatted yet: about one line of height per line of Markdown, so a section linked
 * further down lands where it will stay. Its note sits next to the text already shown.
 */
function PendingSlices({ lines, above }: { lines: number; above: boolean }) {
  return (
    <div
      className={above ? 'rr-formatting-more rr-formatting-more--above' : 'rr-formatting-more'}
      style={{ minHeight: `${lines}lh` }}
      aria-hidden="true"
    >
      <p className="rr-muted">Formatting this part of the runbook…</p>
    </div>
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
