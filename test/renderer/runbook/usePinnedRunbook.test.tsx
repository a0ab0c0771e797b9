// @vitest-environment jsdom
import '../support/domTest';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CachedRunbook } from '../../../core/cache/runbookDatabase';
import type { OpenedRunbook } from '../../../renderer/app/cacheQueries';
import { usePinnedRunbook } from '../../../renderer/runbook/usePinnedRunbook';

function version(path: string, oid: string, extra: Partial<CachedRunbook> = {}): OpenedRunbook {
  return {
    meta: { sourceId: 'team', path, oid, title: path, cachedAt: '2026-12-01T10:00:00.000Z', ...extra } as CachedRunbook,
    body: { sourceId: 'team', path, markdown: `Text of ${oid}.\n`, bodyLine: 1 },
  };
}

function pinned(initial: { path: string; live: OpenedRunbook | null | undefined }) {
  return renderHook(({ path, live }) => usePinnedRunbook('team', path, live), { initialProps: initial });
}

describe('usePinnedRunbook: a sync never changes the page being read', () => {
  it('keeps the version on screen when a new one arrives, offers it, and swaps on request', () => {
    const v1 = version('a.md', 'oid-1');
    const v2 = version('a.md', 'oid-2', { changeMark: 'updated' });
    const { result, rerender } = pinned({ path: 'a.md', live: v1 });
    expect(result.current.shown).toBe(v1);
    rerender({ path: 'a.md', live: v2 });
    expect(result.current.shown).toBe(v1);
    expect(result.current.newer).toBe(v2);
    act(() => result.current.showNewer());
    expect(result.current.shown).toBe(v2);
    expect(result.current.newer).toBeUndefined();
  });

  it('takes fresher facts about the same content at once', () => {
    const v1 = version('a.md', 'oid-1', { changeMark: 'updated' });
    const sameContent = version('a.md', 'oid-1');
    const { result, rerender } = pinned({ path: 'a.md', live: v1 });
    rerender({ path: 'a.md', live: sameContent });
    expect(result.current.shown).toBe(sameContent);
    expect(result.current.newer).toBeUndefined();
  });

  it('keeps the copy on screen when a sync removes the runbook, and says so', () => {
    const v1 = version('a.md', 'oid-1');
    const { result, rerender } = pinned({ path: 'a.md', live: v1 });
    rerender({ path: 'a.md', live: null });
    expect(result.current).toMatchObject({ shown: v1, gone: true });
  });

  it('shows another runbook at its newest, and never the previous one under the new address', () => {
    const a = version('a.md', 'oid-a');
    const { result, rerender } = pinned({ path: 'a.md', live: a });
    rerender({ path: 'b.md', live: a });
    expect(result.current.shown).toBeUndefined();
    const b = version('b.md', 'oid-b');
    rerender({ path: 'b.md', live: b });
    expect(result.current.shown).toBe(b);
    expect(result.current.newer).toBeUndefined();
  });

  it('says a runbook is not cached when it is not', () => {
    expect(pinned({ path: 'a.md', live: null }).result.current).toMatchObject({ shown: null, gone: false });
  });
});
