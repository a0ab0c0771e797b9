import { startTransition, useEffect, useMemo, useState } from 'react';
import { countLines } from '../../core/text/countLines';
import { whenIdle } from '../app/useProgressiveCount';
import { useFormattingExtras } from './formattingExtras';
import { MarkdownView } from './MarkdownView';
import { MissingSectionNotice } from './MissingSectionNotice';
import type { ContactLinesRange } from './remarkContactLinks';
import { RenderBoundary } from './RenderBoundary';
import { useRunbookContext } from './RunbookContext';
import { SourceFilesContext, type SourceFiles } from './SourceFilesContext';
import { PlainSlice } from './PlainSlice';
import { layoutOfSlices, nextSliceToFormat, sliceIndexOfLine } from './sliceOrder';
import { splitMarkdown, startSplit, WHOLE_DOCUMENT_CHARS, type MarkdownPart, type MarkdownSplit } from './splitMarkdown';
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
 * A runbook body, formatted slice by slice: the slice the reader is sent to (the top, or a linked section)
 * first, each next one when the page is idle (see sliceOrder), so a document shows the part asked for soon
 * and never holds the page for one long task. A body of a screen or two is one slice; a medium one is cut
 * only between top-level blocks, so its slices show exactly what it shows whole (see splitMarkdown). Slices still waiting
 * keep a place of about their height, so the page does not jump as they arrive (the browser's scroll
 * anchoring keeps what is on screen in place). Each slice has its own boundary: one that cannot be
 * formatted is shown as written.
 */
export function ProgressiveMarkdown(props: Props) {
  const { markdown, onProgress, contactLines } = props;
  const parts = useSlices(markdown);
  // Nothing of the body is drawn (or reported shown) before the parts of the pipeline it needs have loaded.
  const extras = useFormattingExtras(markdown, (contactLines?.length ?? 0) > 0);
  const ready = parts !== undefined && extras !== undefined;
  useEffect(() => {
    if (!ready) onProgress?.(() => false, false);
  }, [ready, onProgress]);
  if (!parts || !extras) return <PendingSlices lines={countLines(markdown)} above={false} />;
  return <Slices {...props} parts={parts} />;
}

/** How long one step of cutting a long body may run before the page gets a turn (input, drawing). */
const CUT_STEP_MS = 25;

/**
 * The body's slices. A body up to WHOLE_DOCUMENT_CHARS is cut at once (a millisecond or two); a long one is cut after the page around it is
 * drawn, in steps of a few tens of ms with the page's turn between them: cut in one go, with the first
 * slice's formatting, 30,000 lines held a phone-speed page for over 200 ms. The steps follow one another as
 * tasks rather than idle moments, as nothing of the body can be shown until the cut is done.
 */
function useSlices(markdown: string): MarkdownPart[] | undefined {
  const whole = markdown.length <= WHOLE_DOCUMENT_CHARS;
  const wholeParts = useMemo(() => (whole ? splitMarkdown(markdown) : undefined), [whole, markdown]);
  const [cut, setCut] = useState<{ markdown: string; parts: MarkdownPart[] }>();
  useEffect(() => {
    if (whole) return undefined;
    let split: MarkdownSplit | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      split ??= startSplit(markdown);
      const until = performance.now() + CUT_STEP_MS;
      let done = split.scan(1_000);
      while (!done && performance.now() < until) done = split.scan(1_000);
      if (done) setCut({ markdown, parts: split.parts() });
      else timer = setTimeout(step, 0);
    };
    const cancelFirst = whenIdle(step);
    return () => {
      cancelFirst();
      clearTimeout(timer);
    };
  }, [whole, markdown]);
  return wholeParts ?? (cut?.markdown === markdown ? cut.parts : undefined);
}

function Slices({ markdown, contactLines, headingIdsByLine, focusLine, onProgress, parts }: Props & { parts: MarkdownPart[] }) {
  const firstLines = useMemo(() => parts.map((p) => p.firstLine), [parts]);
  const lineCount = useMemo(() => countLines(markdown), [markdown]);
  const focus = focusLine === undefined ? 0 : sliceIndexOfLine(firstLines, focusLine);
  const { sourceId, path, cachedPaths } = useRunbookContext();
  const sourceFiles = useSourceFileQuery(sourceId, path, cachedPaths);
  const sliced = parts.length > 1;
  const [state, setState] = useState(() => ({ parts, shown: onlyShown(parts.length, focus, sourceFiles) }));
  const current = state.parts === parts ? state : { parts, shown: onlyShown(parts.length, focus, sourceFiles) };
  if (current !== state) setState(current);
  const { shown } = current;
  const formatted = useMemo(() => shown.map((files) => files !== undefined), [shown]);
  // A slice of a long body is formatted again when the source's files change (the file index arrives after
  // the first slices, and wikilinks then resolve), one slice at a time like the first time: doing it in the
  // render that brings the new files held a phone-speed page for seconds once many slices were shown.
  const upToDate = useMemo(
    () => (sliced ? shown.map((files) => files === sourceFiles) : formatted),
    [sliced, shown, sourceFiles, formatted],
  );
  const next = nextSliceToFormat(upToDate, focus);
  useEffect(() => {
    if (next === undefined) return undefined;
    return whenIdle(() =>
      startTransition(() =>
        setState((s) => (s.parts !== parts || s.shown[next] === sourceFiles ? s : { parts, shown: withShown(s.shown, next, sourceFiles) })),
      ),
    );
  }, [next, parts, sourceFiles]);
  const complete = formatted.every(Boolean);
  useEffect(
    () => onProgress?.((line) => formatted[sliceIndexOfLine(firstLines, line)] === true, complete),
    [onProgress, formatted, firstLines, complete],
  );
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
            // A slice shows the files it was formatted with until its turn to be formatted again comes.
            sourceFiles={sliced ? shown[item]! : sourceFiles}
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

/** Which slices are shown, and with which of the source's files: only the `index`th one, with `files`. */
function onlyShown(count: number, index: number, files: SourceFiles): (SourceFiles | undefined)[] {
  return Array.from({ length: count }, (_, i) => (i === index ? files : undefined));
}

function withShown(shown: readonly (SourceFiles | undefined)[], index: number, files: SourceFiles): (SourceFiles | undefined)[] {
  const copy = [...shown];
  copy[index] = files;
  return copy;
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
  sourceFiles,
  sliced,
}: {
  part: MarkdownPart;
  contactLines: Props['contactLines'];
  headingIdsByLine: Props['headingIdsByLine'];
  sourceFiles: SourceFiles;
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
  return sliced ? (
    <SourceFilesContext.Provider value={sourceFiles}>
      <div className="rr-slice">{view}</div>
    </SourceFilesContext.Provider>
  ) : (
    view
  );
}
