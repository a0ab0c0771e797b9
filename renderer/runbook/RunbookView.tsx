import { useEffect, useMemo } from 'react';
import { toggleBookmark } from '../../core/userdata/bookmarks';
import { recordOpened } from '../../core/userdata/history';
import { db } from '../app/database';
import type { OpenedRunbook } from '../app/cacheQueries';
import { useCachedPaths } from '../app/cacheQueries';
import { useOnline } from '../app/useOnline';
import { useScrollPlace } from '../app/useScrollPlace';
import { ChecklistContext } from '../checklist/ChecklistContext';
import { useChecklistState } from '../checklist/useChecklistState';
import { contactSectionRanges } from '../../core/contacts/findContactSections';
import { MarkdownView } from './MarkdownView';
import { RenderBoundary } from './RenderBoundary';
import { RunbookContext } from './RunbookContext';
import { RunbookHeader } from './RunbookHeader';
import { TableOfContents } from './TableOfContents';
import { useKeyboardShortcut } from '../app/useKeyboardShortcut';
import { useAppCommand } from '../app/appCommands';
import { printRunbook } from './printRunbook';
import { usePlatform } from '../app/appServices';

interface Props {
  runbook: OpenedRunbook;
  section?: string | undefined;
}

/** A cached runbook: trust header, table of contents and the rendered procedure. */
export function RunbookView({ runbook, section }: Props) {
  const { meta, body, source } = runbook;
  const cachedPaths = useCachedPaths(meta.sourceId);
  const online = useOnline();
  const checklist = useChecklistState(meta, body);
  const contactLines = useMemo(() => {
    const lastLine = body.bodyLine + body.markdown.split('\n').length - 1;
    return contactSectionRanges(meta.headings, lastLine).map((r) => ({ from: r.line - body.bodyLine + 1, to: r.endLine - body.bodyLine + 1 }));
  }, [meta.headings, body.markdown, body.bodyLine]);
  const headingText = useMemo(() => new Map(meta.headings.map((h) => [h.id, h.text])), [meta.headings]);
  useScrollPlace(cachedPaths !== undefined, section, `${meta.sourceId}/${meta.path}`);

  useEffect(() => {
    document.title = `${meta.title} — Runbook Reader`;
    void recordOpened(db, { sourceId: meta.sourceId, path: meta.path, title: meta.title });
  }, [meta.sourceId, meta.path, meta.title]);

  useEffect(() => {
    // Opening a runbook is what clears its "updated" mark from the last sync.
    if (meta.changeMark) void db.runbooks.update([meta.sourceId, meta.path], { changeMark: undefined });
  }, [meta.sourceId, meta.path, meta.changeMark]);

  const toggleCurrentBookmark = () => {
    const sectionText = section ? headingText.get(section) : undefined;
    void toggleBookmark(db, {
      sourceId: meta.sourceId,
      path: meta.path,
      anchor: sectionText ? section : undefined,
      label: sectionText ? `${meta.title} › ${sectionText}` : meta.title,
    });
  };
  useKeyboardShortcut('b', toggleCurrentBookmark);
  useAppCommand('bookmark', toggleCurrentBookmark);
  const platform = usePlatform();
  useAppCommand('print', () => void printRunbook(platform, meta.title));

  return (
    <RunbookContext.Provider value={{ sourceId: meta.sourceId, path: meta.path, title: meta.title, headingText, cachedPaths, online }}>
      <ChecklistContext.Provider value={checklist}>
        <div className="rr-runbook-layout">
          <article className="rr-runbook" aria-labelledby="rr-runbook-title">
            <RunbookHeader meta={meta} source={source} today={new Date()} checklist={checklist} />
            <details className="rr-toc-inline">
              <summary>On this page</summary>
              <TableOfContents sourceId={meta.sourceId} path={meta.path} headings={meta.headings} activeId={section} />
            </details>
            <div className="rr-markdown">
              <RenderBoundary fallbackText={body.markdown}>
                <MarkdownView markdown={body.markdown} contactLines={contactLines} />
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
