import { useEffect } from 'react';
import { db } from '../app/database';
import type { OpenedRunbook } from '../app/cacheQueries';
import { useCachedPaths } from '../app/cacheQueries';
import { useOnline } from '../app/useOnline';
import { useScrollPlace } from '../app/useScrollPlace';
import { LinkContext } from './LinkContext';
import { MarkdownView } from './MarkdownView';
import { RenderBoundary } from './RenderBoundary';
import { RunbookHeader } from './RunbookHeader';
import { TableOfContents } from './TableOfContents';

interface Props {
  runbook: OpenedRunbook;
  section?: string | undefined;
}

/** A cached runbook: trust header, table of contents and the rendered procedure. */
export function RunbookView({ runbook, section }: Props) {
  const { meta, body, source } = runbook;
  const cachedPaths = useCachedPaths(meta.sourceId);
  const online = useOnline();
  useScrollPlace(cachedPaths !== undefined, section);

  useEffect(() => {
    document.title = `${meta.title} — Runbook Reader`;
  }, [meta.title]);

  useEffect(() => {
    // Opening a runbook is what clears its "updated" mark from the last sync.
    if (meta.changeMark) void db.runbooks.update([meta.sourceId, meta.path], { changeMark: undefined });
  }, [meta.sourceId, meta.path, meta.changeMark]);

  return (
    <LinkContext.Provider value={{ sourceId: meta.sourceId, path: meta.path, cachedPaths, online }}>
      <div className="rr-runbook-layout">
        <article className="rr-runbook" aria-labelledby="rr-runbook-title">
          <RunbookHeader meta={meta} source={source} today={new Date()} />
          <details className="rr-toc-inline">
            <summary>On this page</summary>
            <TableOfContents sourceId={meta.sourceId} path={meta.path} headings={meta.headings} activeId={section} />
          </details>
          <div className="rr-markdown">
            <RenderBoundary fallbackText={body.markdown}>
              <MarkdownView markdown={body.markdown} />
            </RenderBoundary>
          </div>
        </article>
        <aside className="rr-toc-aside">
          <TableOfContents sourceId={meta.sourceId} path={meta.path} headings={meta.headings} activeId={section} />
        </aside>
      </div>
    </LinkContext.Provider>
  );
}
