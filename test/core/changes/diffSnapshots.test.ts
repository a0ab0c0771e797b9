import { describe, expect, it } from 'vitest';
import { diffSnapshots, type SnapshotDiff, type SnapshotEntry } from '../../../core/changes/diffSnapshots';

const prev = (entries: Record<string, string>) => new Map(Object.entries(entries));
const next = (entries: Record<string, string>): SnapshotEntry[] => Object.entries(entries).map(([path, oid]) => ({ path, oid }));
const paths = (entries: SnapshotEntry[]) => entries.map((e) => e.path).sort();

describe('diffSnapshots', () => {
  it('sorts files into added, changed, removed and unchanged', () => {
    const diff = diffSnapshots(
      prev({ 'a.md': '1', 'b.md': '2', 'c.md': '3', 'd.md': '4' }),
      next({ 'a.md': '1', 'b.md': '9', 'e.md': '5' }),
    );
    expect(paths(diff.added)).toEqual(['e.md']);
    expect(diff.changed).toEqual([{ path: 'b.md', oid: '9' }]);
    expect([...diff.removed].sort()).toEqual(['c.md', 'd.md']);
    expect(diff.renamed).toEqual([]);
    expect(diff.unchanged).toBe(1);
  });

  it('reports nothing to read when nothing changed', () => {
    const diff = diffSnapshots(prev({ 'a.md': '1', 'b.md': '2' }), next({ 'b.md': '2', 'a.md': '1' }));
    expect(diff).toEqual({ added: [], changed: [], removed: [], renamed: [], unchanged: 2 });
  });

  it('lists everything as added for a first snapshot and as removed for an empty one', () => {
    expect(paths(diffSnapshots(new Map(), next({ 'a.md': '1', 'b.md': '2' })).added)).toEqual(['a.md', 'b.md']);
    expect(diffSnapshots(prev({ 'a.md': '1' }), []).removed).toEqual(['a.md']);
  });

  it('detects a rename by blob id, listing it neither as added nor as removed', () => {
    const diff = diffSnapshots(prev({ 'ops/old.md': 'X', 'keep.md': 'K' }), next({ 'ops/new.md': 'X', 'keep.md': 'K' }));
    expect(diff.renamed).toEqual([{ from: 'ops/old.md', to: 'ops/new.md', oid: 'X' }]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.unchanged).toBe(1);
  });

  it('pairs two files with identical content with two distinct new paths', () => {
    const diff = diffSnapshots(prev({ 'a.md': 'X', 'b.md': 'X' }), next({ 'c.md': 'X', 'd.md': 'X' }));
    expect(diff.renamed).toHaveLength(2);
    expect(diff.renamed.map((r) => r.from).sort()).toEqual(['a.md', 'b.md']);
    expect(diff.renamed.map((r) => r.to).sort()).toEqual(['c.md', 'd.md']);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('renames only the copy that disappeared when identical files remain', () => {
    const diff = diffSnapshots(prev({ 'a.md': 'X', 'b.md': 'X' }), next({ 'a.md': 'X', 'c.md': 'X' }));
    expect(diff.renamed).toEqual([{ from: 'b.md', to: 'c.md', oid: 'X' }]);
    expect(diff.unchanged).toBe(1);
    expect(diff.removed).toEqual([]);
  });

  it('removes the leftover when two identical files collapse into one', () => {
    const diff = diffSnapshots(prev({ 'a.md': 'X', 'b.md': 'X' }), next({ 'c.md': 'X' }));
    expect(diff.renamed).toHaveLength(1);
    expect([diff.renamed[0]!.from, ...diff.removed].sort()).toEqual(['a.md', 'b.md']);
    expect(diff.added).toEqual([]);
  });

  it('treats a copy as added, since the original is still there', () => {
    const diff = diffSnapshots(prev({ 'a.md': 'X' }), next({ 'a.md': 'X', 'b.md': 'X' }));
    expect(diff.added).toEqual([{ path: 'b.md', oid: 'X' }]);
    expect(diff.renamed).toEqual([]);
  });

  it('does not call it a rename when the old path still exists with other content', () => {
    const diff = diffSnapshots(prev({ 'a.md': 'X' }), next({ 'a.md': 'Y', 'b.md': 'X' }));
    expect(diff.changed).toEqual([{ path: 'a.md', oid: 'Y' }]);
    expect(diff.added).toEqual([{ path: 'b.md', oid: 'X' }]);
    expect(diff.renamed).toEqual([]);
  });

  it('accounts for every old and new path exactly once on a larger mixed change', () => {
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (let i = 0; i < 60; i++) before[`f${i}.md`] = `oid${i % 45}`; // some identical contents
    for (let i = 0; i < 60; i++) {
      if (i % 5 === 0) continue; // removed or renamed away
      after[`f${i}.md`] = i % 7 === 0 ? `new${i}` : `oid${i % 45}`;
    }
    for (let i = 0; i < 12; i++) after[`moved/f${i * 5}.md`] = `oid${(i * 5) % 45}`;
    for (let i = 0; i < 4; i++) after[`brand-new-${i}.md`] = `fresh${i}`;
    const diff: SnapshotDiff = diffSnapshots(prev(before), next(after));

    const newSide = [...paths(diff.added), ...paths(diff.changed), ...diff.renamed.map((r) => r.to)];
    expect(newSide.length + diff.unchanged).toBe(Object.keys(after).length);
    expect(new Set(newSide).size).toBe(newSide.length);
    const oldGone = [...diff.removed, ...diff.renamed.map((r) => r.from)];
    expect(oldGone.sort()).toEqual(
      Object.keys(before)
        .filter((p) => !(p in after))
        .sort(),
    );
    for (const r of diff.renamed) expect(before[r.from]).toBe(after[r.to]);
    expect(diff.renamed.length).toBeGreaterThan(0);
  });
});
