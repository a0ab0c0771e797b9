import { RunbookIncidentValues } from '../incident/RunbookIncidentValues';
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { saveUserData } from '../app/userDataWrites';
import { toggleBookmark } from '../../core/userdata/bookmarks';
import { recordOpened } from '../../core/userdata/history';
import { recordRead } from '../../core/userdata/readCopies';
import type { ReadVersion } from '../../core/cache/runbookDatabase';
import { db } from '../app/database';
import type { OpenedRunbook } from '../app/cacheQueries';
import { useCachedPaths } from '../app/cacheQueries';
import { useOnline } from '../app/useOnline';
import { useHistoryPlace, useScrollPlace } from '../app/useScrollPlace';
import { ChecklistContext } from '../checklist/ChecklistContext';
import { useChecklistState } from '../checklist/useChecklistState';
import { useBookmarkedAnchors } from '../bookmarks/bookmarkQueries';
import { contactSectionRanges } from '../../core/contacts/contactHeadings';
import { countLines } from '../../core/text/countLines';
import { choosePhoneRegion, runbookRegion } from '../../core/contacts/phoneRegion';
import { deviceRegion } from '../contacts/deviceRegion';
import { ProgressiveMarkdown } from './ProgressiveMarkdown';
import { RenderBoundary } from './RenderBoundary';
import { RunbookContext } from './RunbookContext';
import { RunbookHeader } from './RunbookHeader';
import { isContentsEntry, TableOfContents } from './TableOfContents';
import { WhatChanged } from './WhatChanged';
import { useKeyboardShortcut } from '../app/useKeyboardShortcut';
import { useAppCommand } from '../app/appCommands';
import { printRunbook } from './printRunbook';
import { usePlatform } from '../app/appServices';

interface Props {
  runbook: OpenedRunbook;
  section?: string | undefined;
}

/**
 * A cached runbook: trust header, table of contents and the rendered procedure. Everything worked out from
 * the runbook's content happens inside the render boundary, so one hostile runbook shows as plain text
 * instead of taking the whole app down.
 */
export function RunbookView({ runbook, section }: Props) {
  const { meta, body } = runbook;
  useRecordOpened(meta.sourceId, meta.path, meta.title, meta.changeMark);
  useRecordRead(runbook);
  return (
    <RenderBoundary key={`${meta.sourceId}/${meta.path}/${meta.oid}`} fallbackText={body.markdown} title={meta.title}>
      <RunbookContent runbook={runbook} section={section} />
    </RenderBoundary>
  );
}

function RunbookContent({ runbook, section }: Props) {
  const { meta, body, source } = runbook;
  const cachedPaths = useCachedPaths(meta.sourceId);
  const bookmarkedAnchors = useBookmarkedAnchors(meta.sourceId, meta.path);
  const online = useOnline();
  const returning = useHistoryPlace().returning;
  const checklist = useChecklistState(meta, body);
  const contactLines = useMemo(() => {
    const lastLine = body.bodyLine + countLines(body.markdown) - 1;
    const region = choosePhoneRegion({ runbook: runbookRegion(meta.extra), source: source?.region, device: deviceRegion() })?.region;
    return contactSectionRanges(meta.headings, lastLine).map((r) => ({
      from: r.line - body.bodyLine + 1,
      to: r.endLine - body.bodyLine + 1,
      region,
    }));
  }, [meta.headings, meta.extra, source?.region, body.markdown, body.bodyLine]);
  const headingText = useMemo(() => new Map(meta.headings.map((h) => [h.id, h.text])), [meta.headings]);
  const headingIdsByLine = useMemo(
    () => new Map(meta.headings.map((h) => [h.line - body.bodyLine + 1, h.id])),
    [meta.headings, body.bodyLine],
  );
  const [shown, setShown] = useState<{ isShown: (bodyLine: number) => boolean; complete: boolean }>(NOTHING_SHOWN);
  // The inline copy of the contents (narrow screens) is built only when opened.
  const [inlineTocOpen, setInlineTocOpen] = useState(false);
  const onProgress = useCallback((isShown: (bodyLine: number) => boolean, complete: boolean) => setShown({ isShown, complete }), []);
  // A long body is formatted in slices, the linked section's first: the place is found once the section is
  // there. Going back or forward returns to a scroll position, which is right only once all of it is there.
  const targetLine = section ? meta.headings.find((h) => h.id === section)?.line : undefined;
  const focusLine = targetLine === undefined || returning ? undefined : targetLine - body.bodyLine + 1;
  const placeShown = shown.complete || (!returning && shown.isShown(focusLine ?? 1));
  useScrollPlace(cachedPaths !== undefined && placeShown, section, `${meta.sourceId}/${meta.path}`);

  const runbookContext = useMemo(
    () => ({ sourceId: meta.sourceId, path: meta.path, title: meta.title, headingText, bookmarkedAnchors, cachedPaths, online }),
    [meta.sourceId, meta.path, meta.title, headingText, bookmarkedAnchors, cachedPaths, online],
  );

  const toggleCurrentBookmark = () => {
    const sectionText = section ? headingText.get(section) : undefined;
    saveUserData(
      'the bookmark',
      toggleBookmark(db, {
        sourceId: meta.sourceId,
        path: meta.path,
        anchor: sectionText ? section : undefined,
        label: sectionText ? `${meta.title} › ${sectionText}` : meta.title,
      }),
    );
  };
  useKeyboardShortcut('b', toggleCurrentBookmark);
  useAppCommand('bookmark', toggleCurrentBookmark);
  const platform = usePlatform();
  useAppCommand('print', () => void printRunbook(platform, meta.title));

  return (
    <RunbookContext.Provider value={runbookContext}>
      <ChecklistContext.Provider value={checklist}>
        <div className="rr-runbook-layout">
          <article className="rr-runbook" aria-labelledby="rr-runbook-title">
            <RunbookHeader meta={meta} source={source} today={new Date()} checklist={checklist} />
            <WhatChanged sourceId={meta.sourceId} path={meta.path} version={readVersionOf(runbook)} />
            <RunbookIncidentValues meta={meta} markdown={body.markdown} />
            {meta.headings.some(isContentsEntry) && (
              <details className="rr-toc-inline" onToggle={(e) => setInlineTocOpen(e.currentTarget.open)}>
                <summary>On this page</summary>
                {inlineTocOpen && <TableOfContents sourceId={meta.sourceId} path={meta.path} headings={meta.headings} activeId={section} />}
              </details>
            )}
            <div className="rr-markdown">
              <RenderBoundary fallbackText={body.markdown}>
                <ProgressiveMarkdown
                  markdown={body.markdown}
                  contactLines={contactLines}
                  headingIdsByLine={headingIdsByLine}
                  focusLine={focusLine}
                  onProgress={onProgress}
                />
              </RenderBoundary>
            </div>
          </article>
          <aside className="rr-toc-aside">
            <TableOfContents sourceId={meta.sourceId} path={meta.path} headings={meta.headings} activeId={section} />
          </aside>
        </div>
      </ChecklistContext.Provider>
    </RunbookContext.Provider>
  );
}

const NOTHING_SHOWN = { isShown: () => false, complete: false };

/** The version on screen as "What changed" keeps it. */
function readVersionOf({ meta, body, source }: OpenedRunbook): ReadVersion {
  return { oid: meta.oid, commit: source?.version, cachedAt: meta.cachedAt, markdown: body.markdown };
}

/** Keeps the text on screen locally, so the next version can say what changed since it was read. */
function useRecordRead(runbook: OpenedRunbook) {
  const { sourceId, path, oid } = runbook.meta;
  const version = useEffectEvent(() => readVersionOf(runbook));
  useEffect(() => {
    saveUserData('the copy kept for "What changed"', recordRead(db, sourceId, path, version()));
  }, [sourceId, path, oid]);
}

/** History and the "updated" mark: about the runbook being opened, not its content, so outside the boundary. */
function useRecordOpened(sourceId: string, path: string, title: string, changeMark: string | undefined) {
  useEffect(() => {
    document.title = `${title} — Runbook Reader`;
    saveUserData('the history entry', recordOpened(db, { sourceId, path, title }));
  }, [sourceId, path, title]);

  useEffect(() => {
    // Opening a runbook is what clears its "updated" mark from the last sync.
    if (changeMark) void db.runbooks.update([sourceId, path], { changeMark: undefined });
  }, [sourceId, path, changeMark]);
}
