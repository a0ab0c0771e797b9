// @vitest-environment jsdom
import '../support/domTest';
import { renderHook, waitFor } from '@testing-library/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/app/database';
import { useSourceFileQuery } from '../../../renderer/runbook/useSourceFileQuery';

describe('useSourceFileQuery', () => {
  it('keeps the same files (and so does not format the page again) when a sync touches the cache but changes no path', async () => {
    await db.assets.put({ sourceId: 'src', path: 'img/a.png', oid: 'a'.repeat(40), mime: 'image/png', bytes: new Uint8Array(1) });
    // The second query reads the same table: once it has the new row, the hook under test has re-read too.
    const hook = ({ paths }: { paths: Set<string> }) => ({
      files: useSourceFileQuery('src', 'index.md', paths),
      oid: useLiveQuery(async () => (await db.assets.get(['src', 'img/a.png']))?.oid, []),
    });
    const { result, rerender } = renderHook(hook, {
      initialProps: { paths: new Set(['index.md', 'ops/x.md']) },
    });
    await waitFor(() => expect(result.current.files.index).toBeDefined());
    const first = result.current.files;
    expect(first.assetPaths).toEqual(new Set(['img/a.png']));

    rerender({ paths: new Set(['ops/x.md', 'index.md']) });
    await db.assets.put({ sourceId: 'src', path: 'img/a.png', oid: 'b'.repeat(40), mime: 'image/png', bytes: new Uint8Array(2) });
    await db.sources.put({ id: 'other', kind: 'git', name: 'Other' });
    await waitFor(() => expect(result.current.oid).toBe('b'.repeat(40)));
    expect(result.current.files).toBe(first);

    rerender({ paths: new Set(['index.md', 'ops/x.md', 'ops/new.md']) });
    expect(result.current.files).not.toBe(first);
    expect(result.current.files.index?.has('ops/new.md')).toBe(true);
  });
});
