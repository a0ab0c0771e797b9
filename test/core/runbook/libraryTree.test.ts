import { describe, expect, it } from 'vitest';
import {
  buildLibraryTree,
  filterLibraryTree,
  orderLibrarySources,
  type LibraryFolder,
  type LibraryItem,
} from '../../../core/runbook/libraryTree';

const item = (path: string, title = path, status?: string, sourceId = 'docs'): LibraryItem => ({ sourceId, path, title, status });
const SOURCES = [{ id: 'docs', name: 'Clipper docs' }];

/** The tree as indented lines: `name/ (count)` for folders, `title` for runbooks. */
function outline(folder: LibraryFolder, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  return [
    `${pad}${folder.name}/ (${folder.count})`,
    ...folder.runbooks.map((r) => `${pad}  ${r.title}`),
    ...folder.folders.flatMap((child) => outline(child, depth + 1)),
  ];
}

describe('buildLibraryTree', () => {
  it('puts each folder once, however many areas its runbooks name', () => {
    const [root] = buildLibraryTree(
      [
        { ...item('backend/auth.md', 'Auth'), area: 'security' } as LibraryItem,
        { ...item('backend/jobs.md', 'Jobs'), area: 'operations' } as LibraryItem,
        item('backend/db/failover.md', 'Failover'),
        item('index.md', 'Home'),
      ],
      SOURCES,
    );
    expect(outline(root!)).toEqual([
      'Clipper docs/ (4)',
      '  Home',
      '  backend/ (3)',
      '    Auth',
      '    Jobs',
      '    db/ (1)',
      '      Failover',
    ]);
    expect(root!.folders[0]!.folders[0]!.path).toBe('backend/db');
  });

  it('leaves out runbooks under hidden folders such as .obsidian and .github', () => {
    const [root] = buildLibraryTree(
      [
        item('.obsidian/templates/incident.md'),
        item('.github/PULL_REQUEST_TEMPLATE.md'),
        item('guide/.drafts/x.md'),
        item('guide/setup.md', 'Setup'),
      ],
      SOURCES,
    );
    expect(outline(root!)).toEqual(['Clipper docs/ (1)', '  guide/ (1)', '    Setup']);
  });

  it('sorts the home page first (index.md before README.md), then active before draft before deprecated, then by title', () => {
    const [root] = buildLibraryTree(
      [
        item('zeta.md', 'Zeta'),
        item('old.md', 'Alpha old', 'deprecated'),
        item('README.md', 'Readme'),
        item('wip.md', 'Alpha draft', 'draft'),
        item('index.md', 'Index'),
        item('beta.md', 'beta'),
      ],
      SOURCES,
    );
    expect(root!.runbooks.map((r) => r.title)).toEqual(['Index', 'Readme', 'beta', 'Zeta', 'Alpha draft', 'Alpha old']);
  });

  it('orders folders and titles as people read numbers', () => {
    const [root] = buildLibraryTree(
      [item('area-10/a.md'), item('area-2/a.md'), item('area-1/a.md'), item('step 10.md'), item('step 9.md')],
      SOURCES,
    );
    expect(root!.folders.map((f) => f.name)).toEqual(['area-1', 'area-2', 'area-10']);
    expect(root!.runbooks.map((r) => r.title)).toEqual(['step 9.md', 'step 10.md']);
  });

  it('gives every source its own root, in the order given, and ignores runbooks of sources not given', () => {
    const roots = buildLibraryTree(
      [item('a.md', 'A', undefined, 'one'), item('b.md', 'B', undefined, 'two'), item('c.md', 'C', undefined, 'gone')],
      [
        { id: 'two', name: 'Second' },
        { id: 'one', name: 'First' },
      ],
    );
    expect(roots.map((r) => [r.name, r.count, r.runbooks.map((x) => x.title)])).toEqual([
      ['Second', 1, ['B']],
      ['First', 1, ['A']],
    ]);
    expect(new Set(roots.map((r) => r.id)).size).toBe(2);
  });

  it('keeps a source without runbooks as an empty root', () => {
    expect(buildLibraryTree([], SOURCES).map((r) => r.count)).toEqual([0]);
  });
});

describe('filterLibraryTree', () => {
  const roots = buildLibraryTree(
    [
      item('index.md', 'Home'),
      item('backend/authorization-framework.md', 'Authorization framework'),
      item('backend/db/failover.md', 'Database failover'),
      item('users/user-guide.md', 'User Guide'),
    ],
    SOURCES,
  );

  it('narrows to runbooks whose title contains the typed words, in any case, keeping their folders', () => {
    const [root] = filterLibraryTree(roots, 'DATABASE fail');
    expect(outline(root!)).toEqual(['Clipper docs/ (1)', '  backend/ (1)', '    db/ (1)', '      Database failover']);
  });

  it('matches the path too', () => {
    const [root] = filterLibraryTree(roots, 'users/');
    expect(outline(root!)).toEqual(['Clipper docs/ (1)', '  users/ (1)', '    User Guide']);
  });

  it('needs every word to match', () => {
    expect(filterLibraryTree(roots, 'database guide')[0]!.count).toBe(0);
  });

  it('keeps the source root with a count of 0 when nothing matches, and the whole tree for blank input', () => {
    expect(filterLibraryTree(roots, 'nothing-like-this').map((r) => [r.name, r.count, r.folders.length])).toEqual([['Clipper docs', 0, 0]]);
    expect(filterLibraryTree(roots, '   ')).toEqual(roots);
  });

  it('leaves the unfiltered tree as it was', () => {
    filterLibraryTree(roots, 'database');
    expect(roots[0]!.count).toBe(4);
  });
});

describe('orderLibrarySources', () => {
  it("puts a team's own sources first, by name as people read numbers, and the bundled set last", () => {
    const ordered = orderLibrarySources([
      { id: 'bundled', name: 'Bundled runbooks' },
      { id: 'z', name: 'team 10' },
      { id: 'y', name: 'Team 9' },
      { id: 'x', name: 'Alpha' },
    ]);
    expect(ordered.map((s) => s.name)).toEqual(['Alpha', 'Team 9', 'team 10', 'Bundled runbooks']);
  });
});
