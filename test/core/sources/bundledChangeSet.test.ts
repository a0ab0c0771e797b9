import { describe, expect, it } from 'vitest';
import { gitBlobId } from '../../../core/ingest/gitBlobId';
import { BUNDLED_SOURCE_ID } from '../../../core/model';
import { bundledChangeSet, snapshotBundledFiles, type BundledFile } from '../../../core/sources/bundledChangeSet';

const file = (path: string, text: string): BundledFile => ({ path, bytes: new TextEncoder().encode(text) });
const files = [file('b.md', '# B\n'), file('a.md', '# A\n'), file('sub/c.md', '# C\n')];

describe('snapshotBundledFiles', () => {
  it('lists every file by path order with its Git blob id', () => {
    const snapshot = snapshotBundledFiles(files);
    expect(snapshot.entries.map((e) => e.path)).toEqual(['a.md', 'b.md', 'sub/c.md']);
    for (const e of snapshot.entries) expect(e.oid).toBe(gitBlobId(e.bytes));
  });

  it('gives the same version whatever order the files come in', () => {
    expect(snapshotBundledFiles([...files].reverse()).version).toBe(snapshotBundledFiles(files).version);
  });

  it('gives a new version when any file changes, appears, disappears or moves', () => {
    const base = snapshotBundledFiles(files).version;
    expect(base).toMatch(/^bundle-[0-9a-f]{12}$/);
    const variants = [
      [file('a.md', '# A!\n'), files[0]!, files[2]!],
      [...files, file('d.md', '# D\n')],
      files.slice(1),
      [file('renamed.md', '# A\n'), files[0]!, files[2]!],
    ];
    const versions = variants.map((v) => snapshotBundledFiles(v).version);
    expect(new Set([base, ...versions]).size).toBe(variants.length + 1);
  });
});

describe('bundledChangeSet', () => {
  it('ingests every file for an empty cache', () => {
    const snapshot = snapshotBundledFiles(files);
    const changes = bundledChangeSet(snapshot, new Map());
    expect(changes.sourceId).toBe(BUNDLED_SOURCE_ID);
    expect(changes.version).toBe(snapshot.version);
    expect(changes.upserts.map((u) => (u.kind === 'runbook' ? u.meta.path : u.skipped.path)).sort()).toEqual(['a.md', 'b.md', 'sub/c.md']);
    expect(changes.removed).toEqual([]);
    expect(changes.renamed).toEqual([]);
  });

  it('ingests nothing when the cache already holds the same blobs', () => {
    const snapshot = snapshotBundledFiles(files);
    const cached = new Map(snapshot.entries.map((e) => [e.path, e.oid]));
    expect(bundledChangeSet(snapshot, cached)).toMatchObject({ upserts: [], removed: [], renamed: [] });
  });

  it('ingests changed files and rename targets, removes what is gone, and keeps the given blob ids', () => {
    const old = snapshotBundledFiles(files);
    const cached = new Map(old.entries.map((e) => [e.path, e.oid]));
    const next = snapshotBundledFiles([file('a.md', '# A v2\n'), file('moved/b.md', '# B\n')]);
    const changes = bundledChangeSet(next, cached);
    const upserted = changes.upserts.map((u) => (u.kind === 'runbook' ? [u.meta.path, u.meta.oid, u.meta.sourceId] : []));
    expect(upserted.sort()).toEqual([
      ['a.md', gitBlobId(new TextEncoder().encode('# A v2\n')), BUNDLED_SOURCE_ID],
      ['moved/b.md', gitBlobId(new TextEncoder().encode('# B\n')), BUNDLED_SOURCE_ID],
    ]);
    expect(changes.renamed).toEqual([{ from: 'b.md', to: 'moved/b.md' }]);
    expect(changes.removed).toEqual(['sub/c.md']);
  });
});
