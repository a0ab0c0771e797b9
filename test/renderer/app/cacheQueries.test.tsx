// @vitest-environment jsdom
import '../support/domTest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CachedRunbook } from '../../../core/cache/runbookDatabase';
import { startRunbookRead, useRunbook } from '../../../renderer/app/cacheQueries';
import { db } from '../../../renderer/app/database';
import { runbookOfRoute, runbookRoute } from '../../../renderer/routes';

async function cache(path: string, text: string): Promise<void> {
  await db.runbooks.put({ sourceId: 'team', path, oid: text, title: path, cachedAt: '2026-12-01T10:00:00.000Z' } as CachedRunbook);
  await db.bodies.put({ sourceId: 'team', path, markdown: `${text}\n`, bodyLine: 1 });
}

/** The early read of `path`, done (it keeps nothing for a runbook not cached). */
const readEarly = (path: string) => startRunbookRead('team', path);

describe('useRunbook with a runbook read before its page asked', () => {
  it('has the runbook on its first render, then follows the cache as before', async () => {
    await cache('ops/disk.md', 'Version 1');
    await readEarly('ops/disk.md');
    const { result } = renderHook(() => useRunbook('team', 'ops/disk.md'));
    expect(result.current?.body.markdown).toBe('Version 1\n');
    await cache('ops/disk.md', 'Version 2');
    await waitFor(() => expect(result.current?.body.markdown).toBe('Version 2\n'));
  });

  it('shows a runbook still being read early as soon as that read is done', async () => {
    await cache('ops/disk.md', 'Version 1');
    const read = readEarly('ops/disk.md');
    const { result } = renderHook(() => useRunbook('team', 'ops/disk.md'));
    await act(() => read);
    expect(result.current?.body.markdown).toBe('Version 1\n');
    await cache('ops/disk.md', 'Version 2');
    await waitFor(() => expect(result.current?.body.markdown).toBe('Version 2\n'));
  });

  it('gives the early copy to one page only: opened again later, a runbook is read afresh', async () => {
    await cache('ops/disk.md', 'Version 1');
    await readEarly('ops/disk.md');
    renderHook(() => useRunbook('team', 'ops/disk.md')).unmount();
    await cache('ops/disk.md', 'Version 2');
    const { result } = renderHook(() => useRunbook('team', 'ops/disk.md'));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.body.markdown).toBe('Version 2\n'));
  });

  it('never stands in for another runbook, nor says "not cached" before the cache has answered', async () => {
    await cache('ops/disk.md', 'Version 1');
    await readEarly('ops/disk.md');
    await readEarly('ops/missing.md');
    const other = renderHook(() => useRunbook('team', 'ops/other.md'));
    expect(other.result.current).toBeUndefined();
    const missing = renderHook(() => useRunbook('team', 'ops/missing.md'));
    expect(missing.result.current).toBeUndefined();
    await waitFor(() => expect(missing.result.current).toBeNull());
  });
});

describe('runbookOfRoute', () => {
  it('reads back the runbook of every address runbookRoute makes, and nothing from other routes', () => {
    for (const [sourceId, path] of [
      ['team', 'ops/disk.md'],
      ['bundled', 'README.md'],
      ['src with space', 'docs/Ops notes/Disk #1 (old) 100%.md'],
      ['team', 'runbooks/ärger/überlauf.md'],
    ] as const) {
      expect(runbookOfRoute(runbookRoute(sourceId, path))).toEqual({ sourceId, path });
      expect(runbookOfRoute(runbookRoute(sourceId, path, 'step-2'))).toEqual({ sourceId, path });
    }
    expect(runbookOfRoute('/')).toBeUndefined();
    expect(runbookOfRoute('/sources')).toBeUndefined();
    expect(runbookOfRoute('/read/team/%E0%A4%A.md')).toBeUndefined();
  });
});
