// @vitest-environment jsdom
import '../support/domTest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { RunbookHit, SearchResponse } from '../../../core/search/searchResults';
import { useKeyboardShortcut } from '../../../renderer/app/useKeyboardShortcut';
import { SearchDialog } from '../../../renderer/search/SearchDialog';

// The search worker's seam: answers come from this fixture, synchronously, instead of a worker.
const hits: RunbookHit[] = [
  hit('disk-pressure.md', 'Disk Pressure', ['free-space-fast', 'rotate-logs']),
  // The team's copy of a bundled runbook: the bundled copy is folded under it (core/search/foldDuplicateCopies).
  {
    ...hit('database-failover.md', 'Database Failover', ['promote-the-replica']),
    copies: [{ sourceId: 'bundled', path: 'database-failover.md', title: 'Database Failover' }],
  },
];
vi.mock('../../../renderer/search/searchClient', () => ({
  startSearchWorker: () => undefined,
  searchClient: {
    recent: () => Promise.resolve([]),
    facets: () => Promise.resolve({ sources: [], areas: [], tags: [], statuses: [], owners: [] }),
    remember: () => Promise.resolve([]),
    clearRecent: () => Promise.resolve([]),
  },
  useSearch: (query: string) => {
    const answered = useSyncExternalStore(lag.subscribe, () => lag.answered) ?? query;
    return {
      response: answered.trim() ? response(answered) : undefined,
      pending: answered !== query,
      current: answered === query,
      status: { state: 'ready', runbooks: 2, generation: 1 },
    };
  },
}));

// Answers come at once unless a test holds them at an earlier query, as a slow phone's worker would still be.
const lag = {
  answered: undefined as string | undefined,
  listeners: new Set<() => void>(),
  subscribe: (listener: () => void) => {
    lag.listeners.add(listener);
    return () => lag.listeners.delete(listener);
  },
  set(answered: string | undefined) {
    lag.answered = answered;
    lag.listeners.forEach((listener) => listener());
  },
};

function hit(path: string, title: string, anchors: string[]): RunbookHit {
  return {
    sourceId: 'team',
    path,
    title,
    titleRanges: [],
    tags: [],
    score: 1,
    sections: anchors.map((anchor) => ({
      anchor,
      heading: anchor.replace(/-/g, ' '),
      headingRanges: [],
      snippet: '',
      snippetRanges: [],
      score: 1,
    })),
  };
}

// Like the real hook, one answer per query (a new object each render would reset the selection).
const answers = new Map<string, SearchResponse>();
function response(query: string): SearchResponse {
  // A query naming the database runbook ranks it first; any other lists the fixture in order.
  const runbooks = query.startsWith('data') ? [...hits].reverse() : hits;
  if (!answers.has(query))
    answers.set(query, { query, truncated: false, empty: false, runbooks, totalRunbooks: hits.length, suggestions: [] });
  return answers.get(query)!;
}

/** The app shell's wiring: a button and the `/` key open the dialog. */
function Harness() {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  useKeyboardShortcut('/', () => setOpen(true));
  const location = useLocation();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open search
      </button>
      <p data-testid="location">{location.pathname + location.search}</p>
      <SearchDialog open={open} onClose={close} />
    </>
  );
}

function setup() {
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <Harness />
    </MemoryRouter>,
  );
  return user;
}

const options = () => screen.getAllByRole('option');
const selected = () => options().find((o) => o.getAttribute('aria-selected') === 'true');

describe('SearchDialog (keyboard and focus)', () => {
  it("says when a team's copy is shown instead of the bundled one", async () => {
    const user = setup();
    await user.keyboard('/');
    await user.keyboard('failover');
    const group = screen.getByRole('group', { name: /Database Failover/ });
    expect(group.textContent).toContain('shown instead of the bundled copy');
    expect(screen.getByRole('group', { name: /Disk Pressure/ }).textContent).not.toContain('bundled copy');
  });

  it('opens with /, puts the cursor in the search field and searches as you type', async () => {
    const user = setup();
    await user.keyboard('/');
    const field = await screen.findByRole('combobox', { name: 'Search runbooks' });
    expect(screen.getByRole('dialog', { name: 'Search runbooks' })).toBeTruthy();
    expect(document.activeElement).toBe(field);
    await user.keyboard('disk');
    expect(options().map((o) => o.textContent)).toEqual(['free space fast', 'rotate logs', 'promote the replica']);
  });

  it('keeps letters typed right after "/" and still selects the previous search when reopened', async () => {
    // The frame that selects the previous search is held back until after the first letters, as on a busy start.
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    try {
      const user = setup();
      await user.keyboard('/fa');
      act(() => frames.splice(0).forEach((callback) => callback(0)));
      await user.keyboard('il');
      const field = screen.getByRole<HTMLInputElement>('combobox');
      expect(field.value).toBe('fail');

      await user.keyboard('{Escape}');
      await user.click(screen.getByRole('button', { name: 'Open search' }));
      act(() => frames.splice(0).forEach((callback) => callback(0)));
      await user.keyboard('disk');
      expect(screen.getByRole<HTMLInputElement>('combobox').value).toBe('disk');
    } finally {
      raf.mockRestore();
    }
  });

  it('moves through results with the arrow keys and opens the chosen section with Enter', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Open search' }));
    await user.keyboard('disk');
    expect(selected()?.textContent).toBe('free space fast');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selected()?.textContent).toBe('promote the replica');
    expect(screen.getByRole('combobox').getAttribute('aria-activedescendant')).toBe(selected()?.id);
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(selected()?.textContent).toBe('promote the replica');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(screen.getByTestId('location').textContent).toBe('/read/team/disk-pressure.md?section=rotate-logs');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens the best match of the whole query when Enter comes before its answer, not what an earlier prefix found', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Open search' }));
    act(() => lag.set('d'));
    try {
      await user.keyboard('database{Enter}');
      // Still showing the answer to "d", whose first result is Disk Pressure: nothing opens yet.
      expect(selected()?.textContent).toBe('free space fast');
      expect(screen.getByTestId('location').textContent).toBe('/');
      act(() => lag.set(undefined));
      expect(screen.getByTestId('location').textContent).toBe('/read/team/database-failover.md?section=promote-the-replica');
      expect(screen.queryByRole('dialog')).toBeNull();
    } finally {
      act(() => lag.set(undefined));
    }
  });

  it('forgets an early Enter once the reader moves on to an arrow key', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Open search' }));
    act(() => lag.set('d'));
    try {
      await user.keyboard('database{Enter}{ArrowDown}');
      act(() => lag.set(undefined));
      expect(screen.getByTestId('location').textContent).toBe('/');
      expect(selected()?.textContent).toBe('promote the replica');
    } finally {
      act(() => lag.set(undefined));
    }
  });

  it('closes with Esc and gives the focus back to what opened it', async () => {
    const user = setup();
    const opener = screen.getByRole('button', { name: 'Open search' });
    await user.click(opener);
    expect(document.activeElement).toBe(screen.getByRole('combobox'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Open search' }));
    const field = screen.getByRole('combobox');
    const close = screen.getByRole('button', { name: 'Close search' });
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(close);
    await user.tab();
    expect(document.activeElement).toBe(field);
  });

  it('closes on the Back button instead of leaving the page', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Open search' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    await act(async () => {
      history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('location').textContent).toBe('/');
  });
});
