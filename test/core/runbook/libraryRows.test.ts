import { describe, expect, it } from 'vitest';
import { libraryRows, type LibraryRow } from '../../../core/runbook/libraryRows';
import { buildLibraryTree, type LibraryItem } from '../../../core/runbook/libraryTree';

const item = (path: string, sourceId = 'docs'): LibraryItem => ({ sourceId, path, title: path.replace(/.*\//, '') });
const roots = buildLibraryTree(
  [item('README.md'), item('zz-loose.md'), item('ops/db/failover.md'), item('ops/restart.md'), item('a.md', 'other')],
  [
    { id: 'docs', name: 'Docs' },
    { id: 'other', name: 'Other' },
  ],
);

const describeRow = (row: LibraryRow) =>
  `${'  '.repeat(row.depth)}${row.kind === 'folder' ? `${row.folder.name}/${row.open ? '' : ' +'}` : row.runbook.title}`;

describe('libraryRows', () => {
  it('shows the home page, then folders, then the other runbooks, and nothing inside closed folders', () => {
    const rows = libraryRows(roots.slice(0, 1), { isOpen: () => false, showSourceRoots: false });
    expect(rows.map(describeRow)).toEqual(['README.md', 'ops/ +', 'zz-loose.md']);
  });

  it('shows what is inside open folders, one level deeper', () => {
    const rows = libraryRows(roots.slice(0, 1), { isOpen: (f) => f.path === 'ops', showSourceRoots: false });
    expect(rows.map(describeRow)).toEqual(['README.md', 'ops/', '  db/ +', '  restart.md', 'zz-loose.md']);
  });

  it('gives each source a root row when asked, closed roots hiding their contents', () => {
    const rows = libraryRows(roots, { isOpen: (f) => f.path === '' && f.sourceId === 'other', showSourceRoots: true });
    expect(rows.map(describeRow)).toEqual(['Docs/ +', 'Other/', '  a.md']);
    expect(rows.map((r) => r.kind === 'folder' && r.isSourceRoot)).toEqual([true, true, false]);
  });

  it('points each row at the row of its folder', () => {
    const rows = libraryRows(roots.slice(0, 1), { isOpen: () => true, showSourceRoots: true });
    const parentOf = (title: string) => {
      const row = rows.find((r) => r.kind === 'runbook' && r.runbook.title === title)!;
      const parent = rows[row.parentIndex!]!;
      return parent.kind === 'folder' ? parent.folder.path : undefined;
    };
    expect(parentOf('failover.md')).toBe('ops/db');
    expect(parentOf('restart.md')).toBe('ops');
    expect(parentOf('README.md')).toBe('');
    expect(rows[0]!.parentIndex).toBeUndefined();
  });

  it('keys rows so that a runbook and a folder never share a key', () => {
    const rows = libraryRows(roots, { isOpen: () => true, showSourceRoots: true });
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
