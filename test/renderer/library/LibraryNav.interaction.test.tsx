// @vitest-environment jsdom
import '../support/domTest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CachedRunbook } from '../../../core/cache/runbookDatabase';
import type { SourceRecord } from '../../../core/model';
import { LIBRARY_FOLDERS_KEY } from '../../../core/userdata/libraryFolderStates';
import { db } from '../../../renderer/app/database';
import { LibraryNav } from '../../../renderer/library/LibraryNav';

const DOCS: SourceRecord = { id: 'docs', kind: 'git', name: 'Clipper docs' };
const SCROLLER_HEIGHT = 400;
const ROW_HEIGHT = 40;

function runbook(path: string, title: string, sourceId = DOCS.id): CachedRunbook {
  return {
    sourceId,
    path,
    oid: path,
    title,
    titleFrom: 'front-matter',
    tags: [],
    aliases: [],
    extra: {},
    headings: [],
    warnings: [],
    size: 1,
    cachedAt: '2026-01-01T00:00:00Z',
  };
}

const VAULT = [
  runbook('README.md', 'Docs readme'),
  runbook('index.md', 'Clipper documentation'),
  runbook('backend/authorization-framework.md', 'Authorization framework'),
  runbook('backend/db/database-failover.md', 'Database failover'),
  runbook('users/user-guide.md', 'User Guide'),
  runbook('.obsidian/templates/adr.md', 'ADR template'),
  runbook('.github/PULL_REQUEST_TEMPLATE.md', 'Pull request template'),
];

async function seed(runbooks: CachedRunbook[], sources: SourceRecord[] = [DOCS]) {
  await db.sources.bulkPut(sources);
  await db.runbooks.bulkPut(runbooks);
}

/** The route the app is on, so a test can see where a pick went. */
function Location() {
  const { pathname } = useLocation();
  return <output data-testid="location">{pathname}</output>;
}

function showLibrary(route = '/') {
  const user = userEvent.setup();
  const view = render(
    <MemoryRouter initialEntries={[route]}>
      <LibraryNav />
      <Location />
    </MemoryRouter>,
  );
  return { user, ...view };
}

const tree = () => screen.findByRole('tree', { name: 'Runbooks' });
/** The rows drawn, as "  name" lines indented by level, folders marked + (closed) or - (open). */
async function drawnRows(): Promise<string[]> {
  return within(await tree())
    .queryAllByRole('treeitem')
    .map((row) => {
      const level = Number(row.getAttribute('aria-level'));
      const expanded = row.getAttribute('aria-expanded');
      const name = row.querySelector('.rr-library-folder-name, .rr-library-title')?.textContent?.trim();
      return `${'  '.repeat(level - 1)}${name}${expanded === null ? '' : expanded === 'true' ? ' -' : ' +'}`;
    });
}

beforeEach(() => {
  // jsdom has no layout: give the library's scroller a window and every row a height.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('rr-library-scroll') ? SCROLLER_HEIGHT : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('rr-library-row') ? ROW_HEIGHT : 0;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the library tree', () => {
  it('lists folders closed, the home page (index.md) first, then folders, then the rest, and leaves hidden folders out', async () => {
    await seed(VAULT);
    showLibrary();
    await vi.waitFor(async () => expect(await drawnRows()).toEqual(['Clipper documentation', 'backend +', 'users +', 'Docs readme']));
  });

  it('opens and closes a folder on click, and remembers it the next time the library is shown', async () => {
    await seed(VAULT);
    const { user, unmount } = showLibrary();
    await user.click(await screen.findByText('backend'));
    await vi.waitFor(async () =>
      expect(await drawnRows()).toEqual([
        'Clipper documentation',
        'backend -',
        '  db +',
        '  Authorization framework',
        'users +',
        'Docs readme',
      ]),
    );
    await vi.waitFor(async () => expect((await db.settings.get(LIBRARY_FOLDERS_KEY))?.value).toEqual({ 'docs\u0000backend': true }));
    unmount();

    const again = showLibrary();
    await vi.waitFor(async () => expect(await drawnRows()).toContain('  Authorization framework'));
    await again.user.click(screen.getByText('backend'));
    await vi.waitFor(async () => expect(await drawnRows()).toEqual(['Clipper documentation', 'backend +', 'users +', 'Docs readme']));
    await vi.waitFor(async () => expect((await db.settings.get(LIBRARY_FOLDERS_KEY))?.value).toEqual({ 'docs\u0000backend': false }));
  });

  it('opens the folders above the runbook on screen and marks it as the current page', async () => {
    await seed(VAULT);
    showLibrary('/read/docs/backend/db/database-failover.md');
    const current = await screen.findByRole('treeitem', { current: 'page' });
    expect(current.textContent).toContain('Database failover');
    expect(await drawnRows()).toEqual([
      'Clipper documentation',
      'backend -',
      '  db -',
      '    Database failover',
      '  Authorization framework',
      'users +',
      'Docs readme',
    ]);
  });

  it("marks the library's home page as the current page on the home route", async () => {
    await seed(VAULT);
    showLibrary('/');
    const current = await screen.findByRole('treeitem', { current: 'page' });
    expect(current.textContent).toContain('Clipper documentation');
  });

  it('gives each source its own collapsible root when there are several, the bundled set last', async () => {
    await seed(
      [...VAULT, runbook('README.md', 'Bundled index', 'bundled')],
      [{ id: 'bundled', kind: 'bundled', name: 'Bundled runbooks' }, DOCS],
    );
    const { user } = showLibrary();
    await vi.waitFor(async () => expect((await drawnRows())[0]).toBe('Clipper docs -'));
    expect(await drawnRows()).toContain('Bundled runbooks -');
    await user.click(screen.getByText('Clipper docs'));
    await vi.waitFor(async () => expect(await drawnRows()).toEqual(['Clipper docs +', 'Bundled runbooks -', '  Bundled index']));
  });

  it('marks a runbook a sync changed until it is read, and shows a status other than active', async () => {
    await seed([{ ...runbook('ops.md', 'Ops'), changeMark: 'updated', status: 'deprecated' }]);
    showLibrary();
    const row = await screen.findByRole('treeitem', { name: /Ops/ });
    expect(row.querySelector('.rr-badge-new')?.textContent).toBe('updated');
    expect(row.textContent).toContain('deprecated');
  });

  it('says so when nothing is cached yet', async () => {
    await seed([]);
    showLibrary();
    expect(await screen.findByText('No runbooks cached yet.')).toBeTruthy();
  });
});

describe('filtering the library', () => {
  it('narrows to titles or paths containing the words typed, opening the folders that hold them, and counts them', async () => {
    await seed(VAULT);
    const { user } = showLibrary();
    await user.type(await screen.findByRole('searchbox', { name: 'Filter the library by title or path' }), 'failover');
    await vi.waitFor(async () => expect(await drawnRows()).toEqual(['backend -', '  db -', '    Database failover']));
    expect(screen.getByText('1 runbook matches.')).toBeTruthy();

    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'users/');
    await vi.waitFor(async () => expect(await drawnRows()).toEqual(['users -', '  User Guide']));

    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'template');
    expect(await screen.findByText('No runbook title or path contains “template”.')).toBeTruthy();
    expect(await drawnRows()).toEqual([]);
  });

  it('opens the first match on Enter, and Escape clears the filter', async () => {
    await seed(VAULT);
    const { user } = showLibrary();
    const box = await screen.findByRole('searchbox');
    await user.type(box, 'guide{Enter}');
    expect(screen.getByTestId('location').textContent).toBe('/read/docs/users/user-guide.md');
    await user.type(box, '{Escape}');
    expect((box as HTMLInputElement).value).toBe('');
    await vi.waitFor(async () => expect(await drawnRows()).toContain('backend +'));
  });
});

describe('moving through the library with the keyboard', () => {
  it('goes from the filter box into the tree and moves, opens, closes and climbs with the arrow keys', async () => {
    await seed(VAULT);
    const { user } = showLibrary();
    const box = await screen.findByRole('searchbox');
    await vi.waitFor(async () => expect(await drawnRows()).toHaveLength(4));
    box.focus();
    const focused = () => document.activeElement?.querySelector('.rr-library-folder-name, .rr-library-title')?.textContent?.trim();

    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('Clipper documentation');
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('backend');
    await user.keyboard('{ArrowRight}');
    await vi.waitFor(async () => expect(await drawnRows()).toContain('backend -'));
    await user.keyboard('{ArrowRight}');
    expect(focused()).toBe('db');
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('Authorization framework');
    await user.keyboard('{ArrowLeft}');
    expect(focused()).toBe('backend');
    await user.keyboard('{ArrowLeft}');
    await vi.waitFor(async () => expect(await drawnRows()).toContain('backend +'));
    await user.keyboard('{End}');
    expect(focused()).toBe('Docs readme');
    await user.keyboard('{ArrowUp}');
    expect(focused()).toBe('users');
    await user.keyboard('{Enter}');
    await vi.waitFor(async () => expect(await drawnRows()).toContain('  User Guide'));
    await user.keyboard('{Home}{ArrowUp}');
    expect(document.activeElement).toBe(box);
  });

  it('lets Tab reach the tree in one stop: one row is focusable, the others are not', async () => {
    await seed(VAULT);
    showLibrary();
    await vi.waitFor(async () => expect(await drawnRows()).toHaveLength(4));
    const tabbable = within(await tree())
      .getAllByRole('treeitem')
      .filter((row) => row.tabIndex === 0);
    expect(tabbable).toHaveLength(1);
  });
});

describe('a library of 1,000 runbooks', () => {
  it('draws only the rows in view, and scrolling brings the later ones', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => runbook(`runbook-${String(i).padStart(4, '0')}.md`, `Runbook ${i}`));
    await seed(many);
    showLibrary();
    await vi.waitFor(async () => expect((await drawnRows())[0]).toBe('Runbook 0'));
    const drawn = (await drawnRows()).length;
    // The window (400 px of 40 px rows) plus a few rows either side, never the whole list.
    expect(drawn).toBeGreaterThanOrEqual(SCROLLER_HEIGHT / ROW_HEIGHT);
    expect(drawn).toBeLessThanOrEqual(40);
    expect(Number.parseFloat((await tree()).style.height)).toBeGreaterThanOrEqual(1000 * ROW_HEIGHT);

    const scroller = document.querySelector<HTMLElement>('.rr-library-scroll')!;
    await act(async () => {
      scroller.scrollTop = Number.parseFloat((await tree()).style.height);
      scroller.dispatchEvent(new Event('scroll'));
    });
    await vi.waitFor(async () => expect(await drawnRows()).toContain('Runbook 999'));
    expect(await drawnRows()).not.toContain('Runbook 0');
  });
});
