import { createElement, type ComponentProps } from 'react';
import { BookmarkButton } from '../bookmarks/BookmarkToggle';
import { useRunbookContext } from './RunbookContext';

type Props = ComponentProps<'h2'> & { level: 2 | 3; node?: unknown };

/** A section heading with its own bookmark control beside it (outside the heading, so its name stays clean). */
export function SectionHeading({ level, node: _node, children, id, ...rest }: Props) {
  const ctx = useRunbookContext();
  const heading = createElement(`h${level}`, { id, ...rest }, children);
  if (!id || !ctx.sourceId) return heading;
  const text = ctx.headingText?.get(id) ?? id;
  return (
    <div className={`rr-heading rr-heading-${level}`}>
      {heading}
      <BookmarkButton
        compact
        sourceId={ctx.sourceId}
        path={ctx.path}
        anchor={id}
        label={`${ctx.title} › ${text}`}
        on={ctx.bookmarkedAnchors?.has(id) ?? false}
      />
    </div>
  );
}
