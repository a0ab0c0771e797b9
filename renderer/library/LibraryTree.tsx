import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { LibraryRow } from '../../core/runbook/libraryRows';
import type { LibraryFolder } from '../../core/runbook/libraryTree';
import { runbookHref } from '../routes';
import { ChangedMark } from './ChangedMark';
import { StatusBadge } from './StatusBadge';
import type { LibraryEntry } from './useLibraryData';

export interface LibraryTreeHandle {
  /** Moves focus into the tree, on its first row (from the filter box's ArrowDown). */
  focusFirst(): void;
}

interface Props {
  rows: readonly LibraryRow<LibraryEntry>[];
  /** Key of the runbook on screen, marked as the current page. */
  currentKey: string | undefined;
  /** The filter typed (the rows are already narrowed by it); a new filter scrolls back to the top. */
  filter: string;
  /** The element that scrolls the tree (it may hold other content above the tree). */
  scrollElement: HTMLElement | null;
  onToggle: (folder: LibraryFolder, open: boolean) => void;
  /** Called after a runbook is picked (closes the drawer on phones). */
  onNavigate?: (() => void) | undefined;
  /** ArrowUp on the first row goes back to the filter box. */
  onLeaveTop?: (() => void) | undefined;
  handle?: Ref<LibraryTreeHandle>;
}

const FOLDER_HEIGHT = 40;
const RUNBOOK_HEIGHT = 56;

/**
 * The library's rows as an ARIA tree, drawing only the rows in (or near) view so that a library of
 * thousands of runbooks costs what one screen does. Keyboard: arrows move, Right/Left open and close
 * folders (or go to the first child / the parent), Home/End jump, Enter opens.
 */
export function LibraryTree({ rows, currentKey, filter, scrollElement, onToggle, onNavigate, onLeaveTop, handle }: Props) {
  const treeRef = useRef<HTMLDivElement>(null);
  const scrollMargin = useOffsetInScroller(treeRef, scrollElement);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: (index) => (rows[index]?.kind === 'folder' ? FOLDER_HEIGHT : RUNBOOK_HEIGHT),
    getItemKey: (index) => rows[index]?.key ?? index,
    measureElement: measureRowWithoutLayout,
    observeElementRect: observeScrollerWithoutLayout,
    // A first guess at the window, so rows are drawn in the first commit (the observer corrects it).
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
    overscan: 10,
    scrollMargin,
  });
  const [focusKey, setFocusKey] = useState<string | undefined>(undefined);
  const pendingFocus = useRef<number | undefined>(undefined);

  const moveTo = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setFocusKey(row.key);
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    focusRendered(index);
  };
  // The row may be drawn only after scrolling: focus it once it is in the DOM.
  useEffect(() => {
    if (pendingFocus.current !== undefined) focusRendered(pendingFocus.current);
  });
  function focusRendered(index: number) {
    const element = treeRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!element) return;
    element.focus({ preventScroll: true });
    pendingFocus.current = undefined;
  }
  useImperativeHandle(handle, () => ({ focusFirst: () => moveTo(0) }));

  // Typing a filter shows its results from the top; otherwise the page on screen is scrolled into view when it
  // changes, when the filter is cleared and on first show (not on every redraw, so reading the list is not disturbed).
  const currentIndex = currentKey === undefined ? -1 : rows.findIndex((row) => row.key === currentKey);
  const shown = useRef<{ currentKey: string | undefined; filter: string } | undefined>(undefined);
  useEffect(() => {
    const last = shown.current;
    if (last && last.currentKey === currentKey && last.filter === filter) return;
    if (last && last.filter !== filter && filter !== '' && scrollElement) scrollElement.scrollTop = 0;
    else if (currentIndex !== -1) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
    else if (currentKey !== undefined) return; // Not drawn yet (still loading): try again on the next render.
    shown.current = { currentKey, filter };
  }, [currentIndex, currentKey, filter, scrollElement, virtualizer]);

  const items = virtualizer.getVirtualItems();
  // One row takes Tab (the last one focused, else the current page, else the first drawn).
  const preferred = rows.findIndex((row) => row.key === focusKey);
  const wanted = preferred !== -1 ? preferred : currentIndex;
  const tabbable = items.some((item) => item.index === wanted) ? wanted : items[0]?.index;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!element) return;
    const index = Number(element.dataset.index);
    const row = rows[index];
    if (!row) return;
    const last = rows.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(Math.min(index + 1, last));
        break;
      case 'ArrowUp':
        if (index === 0 && onLeaveTop) onLeaveTop();
        else moveTo(Math.max(index - 1, 0));
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(last);
        break;
      case 'ArrowRight':
        if (row.kind !== 'folder') return;
        if (!row.open) onToggle(row.folder, true);
        else moveTo(index + 1);
        break;
      case 'ArrowLeft':
        if (row.kind === 'folder' && row.open) onToggle(row.folder, false);
        else if (row.parentIndex !== undefined) moveTo(row.parentIndex);
        else return;
        break;
      case 'Enter':
      case ' ':
        if (row.kind === 'folder') onToggle(row.folder, !row.open);
        else if (event.key === ' ') element.click();
        else return; // Enter on a link follows it.
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div
      ref={treeRef}
      role="tree"
      aria-label="Runbooks"
      className="rr-library-tree"
      style={{ height: virtualizer.getTotalSize() }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const common = {
          'data-index': item.index,
          ref: virtualizer.measureElement,
          tabIndex: item.index === tabbable ? 0 : -1,
          'aria-level': row.depth + 1,
          onFocus: () => setFocusKey(row.key),
          style: { transform: `translateY(${item.start - scrollMargin}px)`, '--rr-depth': row.depth } as React.CSSProperties,
        };
        if (row.kind === 'folder') {
          const { folder, open } = row;
          return (
            <div
              key={item.key}
              {...common}
              role="treeitem"
              aria-expanded={open}
              className={row.isSourceRoot ? 'rr-library-row rr-library-folder rr-library-source' : 'rr-library-row rr-library-folder'}
              onClick={() => onToggle(folder, !open)}
            >
              <span className="rr-library-chevron" aria-hidden="true">
                {open ? '▾' : '▸'}
              </span>
              <span className="rr-library-folder-name">{folder.name}</span>
              <span className="rr-library-count" aria-label={`${folder.count} runbooks`}>
                {folder.count}
              </span>
            </div>
          );
        }
        const { runbook } = row;
        const current = row.key === currentKey;
        return (
          <a
            key={item.key}
            {...common}
            role="treeitem"
            href={runbookHref(runbook.sourceId, runbook.path)}
            className={current ? 'rr-library-row rr-library-entry active' : 'rr-library-row rr-library-entry'}
            aria-current={current ? 'page' : undefined}
            title={runbook.path}
            onClick={onNavigate}
          >
            <LibraryEntryText runbook={runbook} />
          </a>
        );
      })}
    </div>
  );
}

function LibraryEntryText({ runbook }: { runbook: LibraryEntry }) {
  return (
    <>
      <span className="rr-library-title">
        {runbook.title} <StatusBadge status={runbook.status} />
        <ChangedMark mark={runbook.changeMark} />
      </span>
      {runbook.summary && <span className="rr-library-summary">{runbook.summary}</span>}
    </>
  );
}

/**
 * A row's height from its ResizeObserver entry, which arrives after layout. Reading `offsetHeight` when a row
 * is drawn (the library's default) forces a layout of the whole page in the middle of React's commit: with a
 * long runbook opening at the same time that cost a phone a fifth of a second. Until the entry arrives the
 * row keeps its last known (or estimated) height. Without ResizeObserver (jsdom) the element is read directly.
 */
function measureRowWithoutLayout(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLElement, Element>,
): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  if (typeof ResizeObserver === 'undefined') return (element as HTMLElement).offsetHeight;
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}

/** The scroller's size from ResizeObserver only (the library's default reads it at once, forcing a layout). */
function observeScrollerWithoutLayout(
  instance: Virtualizer<HTMLElement, Element>,
  report: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  if (typeof ResizeObserver === 'undefined') {
    report({ width: element.clientWidth, height: element.clientHeight });
    return undefined;
  }
  const observer = new ResizeObserver(([entry]) => {
    const box = entry?.borderBoxSize?.[0];
    if (box) report({ width: Math.round(box.inlineSize), height: Math.round(box.blockSize) });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/** Distance from the top of the scrolling element's content to the tree (what is drawn above it: filter, bookmarks). */
function useOffsetInScroller(treeRef: React.RefObject<HTMLElement | null>, scroller: HTMLElement | null): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const tree = treeRef.current;
    if (!tree || !scroller) return;
    const measure = () =>
      setOffset(Math.max(0, Math.round(tree.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop)));
    // Measured from the observer's first report (after layout), not here: reading positions during the commit
    // would force a layout of the whole page.
    if (typeof ResizeObserver === 'undefined') {
      measure();
      return;
    }
    const observer = new ResizeObserver(measure);
    for (let sibling = tree.previousElementSibling; sibling; sibling = sibling.previousElementSibling) observer.observe(sibling);
    return () => observer.disconnect();
  }, [treeRef, scroller]);
  return offset;
}
