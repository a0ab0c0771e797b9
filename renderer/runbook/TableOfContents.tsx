import { memo, useMemo } from 'react';
import { RouteLink } from '../app/RouteLink';
import { useProgressiveCount } from '../app/useProgressiveCount';
import type { Heading } from '../../core/model';
import { runbookRoute } from '../routes';

interface Props {
  sourceId: string;
  path: string;
  headings: Heading[];
  activeId?: string | undefined;
}

/** Whether a heading is listed under "On this page" (levels 2 and 3; the title and deeper levels are not). */
export function isContentsEntry(heading: Heading): boolean {
  return heading.depth === 2 || heading.depth === 3;
}

/** "On this page": the runbook's headings (levels 2 and 3), each jumping to its section. A long list fills in while the page is idle. */
// Memoised: the page re-renders each time another slice of a long body is formatted, the contents need not.
export const TableOfContents = memo(function TableOfContents({ sourceId, path, headings, activeId }: Props) {
  const entries = useMemo(() => headings.filter(isContentsEntry), [headings]);
  const shown = useProgressiveCount(entries.length, 200, 500, entries);
  if (entries.length === 0) return null;
  return (
    <nav className="rr-toc" aria-label="On this page">
      <h2 className="rr-toc-title">On this page</h2>
      <ol>
        {entries.slice(0, shown).map((h) => (
          <li key={h.id} className={h.depth === 3 ? 'rr-toc-sub' : undefined}>
            <RouteLink to={runbookRoute(sourceId, path, h.id)} aria-current={h.id === activeId ? 'location' : undefined}>
              {h.text}
            </RouteLink>
          </li>
        ))}
      </ol>
    </nav>
  );
});
