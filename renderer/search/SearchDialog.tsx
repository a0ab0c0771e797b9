import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { recordBookmarkUsed } from '../../core/incident/recordBookmarkUsed';
import { MAX_QUERY_CHARS, MAX_QUERY_CLAUSES } from '../../core/search/parseSearchQuery';
import type { SearchFacets, SearchFilters } from '../../core/search/searchFilters';
import type { RunbookHit, SearchResponse } from '../../core/search/searchRunbooks';
import type { Bookmark } from '../../core/userdata/bookmarks';
import { db } from '../app/database';
import { isModalHistoryEntry, Modal } from '../app/Modal';
import { useBookmarks } from '../bookmarks/bookmarkQueries';
import { StatusBadge } from '../library/StatusBadge';
import { runbookRoute } from '../routes';
import { MarkedText } from './MarkedText';
import { searchClient, startSearchWorker, useSearch, type SearchClientStatus } from './searchClient';
import { countFilters, SearchFilterChips } from './SearchFilterChips';
import './search.css';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Text to search for when the dialog opens (otherwise the previous search is kept, selected). */
  initialQuery?: string;
}

/** One selectable row: a section result, a bookmark, a recent search or a suggested title. */
interface Item {
  key: string;
  activate: () => void;
}

const MAX_BOOKMARKS = 6;

/**
 * The search dialog: searches as you type (in the search worker), shows sections grouped under their runbook
 * with the matched words marked, and is driven fully by keyboard (arrows, Enter, Esc) or by touch.
 */
export function SearchDialog({ open, onClose, initialQuery }: Props) {
  const navigate = useNavigate();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState(initialQuery ?? '');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [facets, setFacets] = useState<SearchFacets>();
  const [recent, setRecent] = useState<string[]>([]);
  const search = useSearch(open ? query : '', filters);
  const bookmarks = useBookmarks();
  const sources = useLiveQuery(() => db.sources.toArray(), []);
  const sourceName = useCallback((id: string) => sources?.find((s) => s.id === id)?.name ?? id, [sources]);

  // main.tsx starts the worker before the app renders (startSearchWorkerEarly.ts); this covers any other host.
  useEffect(() => startSearchWorker(), []);
  // Letters typed between opening and the frame that selects the previous search must not be selected (and so
  // replaced by the next letter): a fast typist's "/fail" would search "ail".
  const typedSinceOpen = useRef(false);

  useEffect(() => {
    if (!open) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- opening is the event: the query it opens with is set once per opening, with the focus and recent-list work below
    if (initialQuery !== undefined) setQuery(initialQuery);
    // The modal focuses the field; the previous search is selected, so typing replaces it.
    typedSinceOpen.current = false;
    requestAnimationFrame(() => {
      if (!typedSinceOpen.current) input.current?.select();
    });
    searchClient.recent().then(setRecent, () => setRecent([]));
  }, [open, initialQuery]);

  useEffect(() => {
    if (open) searchClient.facets().then(setFacets, () => setFacets(undefined));
  }, [open, search.status.generation]);

  const openPlace = useCallback(
    (sourceId: string, path: string, anchor: string | undefined, remember: boolean) => {
      if (remember && query.trim() !== '') searchClient.remember(query).catch(() => undefined);
      // The entry the open dialog added to history becomes the runbook, so Back returns to where search began.
      // A hash-router navigation settles at once; nothing waits on it.
      void navigate(runbookRoute(sourceId, path, anchor || undefined), { replace: isModalHistoryEntry() });
      onClose();
    },
    [navigate, onClose, query],
  );

  const response = search.response;
  const showingResults = response !== undefined && !response.empty;
  const items = useMemo<Item[]>(() => {
    if (!open) return [];
    if (showingResults) {
      const results = response.runbooks.flatMap((r) =>
        r.sections.map((s) => ({
          key: `${r.sourceId}|${r.path}#${s.anchor}`,
          activate: () => openPlace(r.sourceId, r.path, s.anchor, true),
        })),
      );
      if (results.length > 0) return results;
      return response.suggestions.map((s) => ({
        key: `suggest:${s.sourceId}|${s.path}`,
        activate: () => openPlace(s.sourceId, s.path, undefined, false),
      }));
    }
    return [
      ...(bookmarks ?? []).slice(0, MAX_BOOKMARKS).map((b) => ({
        key: `bookmark:${b.id}`,
        activate: () => {
          // The open incident's log keeps which bookmarks were used (nothing is written without one).
          void recordBookmarkUsed(db, b).catch(() => undefined);
          openPlace(b.sourceId, b.path, b.anchor, false);
        },
      })),
      ...recent.map((q) => ({ key: `recent:${q}`, activate: () => setQuery(q) })),
    ];
  }, [open, showingResults, response, bookmarks, recent, openPlace]);

  // A new list of options starts at its first one (adjusted while rendering rather than in an effect).
  const [activeItems, setActiveItems] = useState(items);
  if (activeItems !== items) {
    setActiveItems(items);
    setActive(0);
  }
  useEffect(() => {
    document.getElementById(optionId(ids, active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active, ids]);

  // Enter pressed before the answer to what was typed arrived (a fast typist, a slow phone) opens the best match of
  // the whole query once it arrives, not the result of an earlier prefix still on screen.
  const openWhenAnswered = useRef(false);
  const answered = search.current;
  const failed = search.error !== undefined;
  useEffect(() => {
    if (!openWhenAnswered.current) return;
    if (failed || !open) openWhenAnswered.current = false;
    else if (answered) {
      openWhenAnswered.current = false;
      items[active]?.activate();
    }
  }, [answered, failed, open, items, active]);

  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (items.length === 0) return;
      event.preventDefault();
      openWhenAnswered.current = false;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + items.length) % items.length);
    } else if (event.key === 'Enter' && event.target === input.current) {
      event.preventDefault();
      if (search.current) items[active]?.activate();
      else openWhenAnswered.current = true;
    }
  };

  const activeKey = items[active]?.key;
  // Every option's action lives in `items`, the list the arrow keys and Enter use too.
  const optionProps: OptionProps = (key) => {
    const index = items.findIndex((item) => item.key === key);
    return {
      id: optionId(ids, index),
      role: 'option',
      'aria-selected': key === activeKey,
      className: `rr-search-option${key === activeKey ? ' rr-search-option-active' : ''}`,
      onClick: () => items[index]?.activate(),
      onMouseMove: () => index !== active && setActive(index),
    };
  };
  const filterCount = countFilters(filters);
  const listId = `${ids}-results`;

  return (
    <Modal open={open} onClose={onClose} labelledBy={`${ids}-title`} className="rr-search" initialFocus={input} onKeyDown={onKeyDown}>
      <h2 id={`${ids}-title`} className="rr-visually-hidden">
        Search runbooks
      </h2>
      <div className="rr-search-head">
        <input
          ref={input}
          className="rr-search-input"
          type="search"
          role="combobox"
          aria-label="Search runbooks"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items.length > 0 ? optionId(ids, active) : undefined}
          placeholder="Search titles, steps, commands, errors…"
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="go"
          value={query}
          onChange={(e) => {
            typedSinceOpen.current = true;
            openWhenAnswered.current = false;
            setQuery(e.target.value);
          }}
        />
        <button
          type="button"
          className="rr-search-button"
          aria-expanded={filtersOpen}
          aria-controls={`${ids}-filters`}
          onClick={() => setFiltersOpen((o) => !o)}
        >
          Filters{filterCount > 0 ? ` (${filterCount})` : ''}
        </button>
        <button type="button" className="rr-search-button rr-search-close" aria-label="Close search" onClick={onClose}>
          ✕
        </button>
      </div>
      {filtersOpen && (
        <SearchFilterChips id={`${ids}-filters`} facets={facets} filters={filters} onChange={setFilters} sourceName={sourceName} />
      )}
      {!filtersOpen && filterCount > 0 && (
        <p className="rr-search-note">
          Filtered by {describeFilters(filters, sourceName)}.{' '}
          <button type="button" className="rr-search-link" onClick={() => setFilters({})}>
            Clear filters
          </button>
        </p>
      )}
      <Notices status={search.status} response={response} error={search.error} />
      <div id={listId} className="rr-search-body" role="listbox" aria-label="Search results">
        {showingResults ? (
          response.runbooks.length > 0 ? (
            response.runbooks.map((hit) => (
              <ResultGroup key={`${hit.sourceId}|${hit.path}`} hit={hit} ids={ids} sourceName={sourceName} optionProps={optionProps} />
            ))
          ) : (
            <NoResults response={response} optionProps={optionProps} />
          )
        ) : (
          <>
            {query.trim() !== '' && response?.empty && (
              <p className="rr-search-note">Nothing to search for: type letters, numbers or an identifier.</p>
            )}
            <EmptyQuery
              bookmarks={(bookmarks ?? []).slice(0, MAX_BOOKMARKS)}
              recent={recent}
              optionProps={optionProps}
              onClearRecent={() => void searchClient.clearRecent().then(setRecent, () => undefined)}
            />
          </>
        )}
      </div>
      <p className="rr-visually-hidden" aria-live="polite">
        {summaryOf(response, search.pending)}
      </p>
    </Modal>
  );
}

type OptionProps = (key: string) => {
  id: string;
  role: 'option';
  'aria-selected': boolean;
  className: string;
  onClick: () => void;
  onMouseMove: () => void;
};

function ResultGroup({
  hit,
  ids,
  sourceName,
  optionProps,
}: {
  hit: RunbookHit;
  ids: string;
  sourceName: (id: string) => string;
  optionProps: OptionProps;
}) {
  const groupId = `${ids}-group-${hit.sourceId}-${hit.path}`.replace(/[^\w-]/g, '_');
  return (
    <div className="rr-search-group" role="group" aria-labelledby={groupId}>
      <div id={groupId} className="rr-search-group-head" role="presentation">
        <span className="rr-search-group-title">
          <MarkedText text={hit.title} ranges={hit.titleRanges} />
        </span>
        <StatusBadge status={hit.status} />
        <span className="rr-search-group-path">
          {sourceName(hit.sourceId)} · {hit.path}
          {/* Bundled copies of the same runbook are folded under the team's (core/search/foldDuplicateCopies.ts). */}
          {hit.copies && hit.copies.length > 0 && ' · shown instead of the bundled copy'}
        </span>
      </div>
      {hit.sections.map((section) => {
        const key = `${hit.sourceId}|${hit.path}#${section.anchor}`;
        return (
          <div key={key} {...optionProps(key)}>
            <span className="rr-search-option-title">
              {section.heading ? <MarkedText text={section.heading} ranges={section.headingRanges} /> : 'Top of the runbook'}
            </span>
            {section.snippet && (
              <span className="rr-search-snippet">
                <MarkedText text={section.snippet} ranges={section.snippetRanges} />
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

function NoResults({ response, optionProps }: { response: SearchResponse; optionProps: OptionProps }) {
  return (
    <div className="rr-search-empty">
      <p>
        No runbook matches <strong>“{response.query.trim()}”</strong>.
      </p>
      {response.suggestions.length > 0 && (
        <div role="group" aria-label="Did you mean">
          <p className="rr-search-section-label">Did you mean</p>
          {response.suggestions.map((s) => (
            <div key={`suggest:${s.sourceId}|${s.path}`} {...optionProps(`suggest:${s.sourceId}|${s.path}`)}>
              <span className="rr-search-option-title">{s.title}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

interface EmptyQueryProps {
  bookmarks: Bookmark[];
  recent: string[];
  optionProps: OptionProps;
  onClearRecent: () => void;
}

function EmptyQuery({ bookmarks, recent, optionProps, onClearRecent }: EmptyQueryProps) {
  if (bookmarks.length === 0 && recent.length === 0) {
    return (
      <p className="rr-search-note">
        Type a title, a symptom, an error message or a command. Put words in "quotes" to find them side by side.
      </p>
    );
  }
  return (
    <>
      {bookmarks.length > 0 && (
        <div role="group" aria-label="Bookmarks">
          <p className="rr-search-section-label">Bookmarks</p>
          {bookmarks.map((b) => (
            <div key={b.id} {...optionProps(`bookmark:${b.id}`)}>
              <span className="rr-search-option-title">
                {b.pinned && <span aria-label="Pinned">📌 </span>}
                {b.label}
              </span>
            </div>
          ))}
        </div>
      )}
      {recent.length > 0 && (
        <div role="group" aria-label="Recent searches">
          <p className="rr-search-section-label">
            Recent searches{' '}
            <button type="button" className="rr-search-link" onClick={onClearRecent}>
              Clear
            </button>
          </p>
          {recent.map((q) => (
            <div key={q} {...optionProps(`recent:${q}`)}>
              <span className="rr-search-option-title">{q}</span>
            </div>
          ))}
        </div>
      )}
    </>
  );
}

function Notices({
  status,
  response,
  error,
}: {
  status: SearchClientStatus;
  response: SearchResponse | undefined;
  error: string | undefined;
}) {
  const notes: ReactNode[] = [];
  if (status.unavailable) notes.push(status.unavailable);
  else if (status.state === 'loading') notes.push('Loading the search index…');
  else if (status.state === 'indexing') notes.push('Indexing the runbooks for search. Results appear as soon as it is done.');
  if (status.error) notes.push(`The search index could not be updated (${status.error}); results may be out of date.`);
  if (error) notes.push(`Search failed: ${error}`);
  if (response?.truncated)
    notes.push(`Only the first ${MAX_QUERY_CHARS} characters (at most ${MAX_QUERY_CLAUSES} words) of the search are used.`);
  if (notes.length === 0) return null;
  return (
    <div className="rr-search-notices" role="status">
      {notes.map((note, i) => (
        <p key={i} className="rr-search-note">
          {note}
        </p>
      ))}
    </div>
  );
}

function summaryOf(response: SearchResponse | undefined, pending: boolean): string {
  if (pending || !response || response.empty) return '';
  if (response.runbooks.length === 0) return response.suggestions.length > 0 ? 'No results. Suggestions are listed.' : 'No results.';
  const n = response.totalRunbooks;
  return `${n} runbook${n === 1 ? '' : 's'} found.`;
}

function describeFilters(filters: SearchFilters, sourceName: (id: string) => string): string {
  const parts: string[] = [];
  if (filters.sources?.length) parts.push(`source ${filters.sources.map(sourceName).join(' or ')}`);
  if (filters.areas?.length) parts.push(`area ${filters.areas.join(' or ')}`);
  if (filters.tags?.length) parts.push(`tag ${filters.tags.join(' or ')}`);
  if (filters.statuses?.length) parts.push(`status ${filters.statuses.join(' or ')}`);
  if (filters.owners?.length) parts.push(`owner ${filters.owners.join(' or ')}`);
  return parts.join(', ');
}

function optionId(ids: string, index: number): string {
  return `${ids}-option-${index}`;
}
