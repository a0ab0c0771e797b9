// @vitest-environment jsdom
import '../support/domTest';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CachedRunbook } from '../../../core/cache/runbookDatabase';
import { db } from '../../../renderer/app/database';
import { WriteFailureNotice } from '../../../renderer/app/WriteFailureNotice';
import { useChecklistState } from '../../../renderer/checklist/useChecklistState';
import { ingested } from '../../core/cache/testDatabase';

const TEXT = '# Disk Pressure\n\n## Steps\n\n1. Rotate logs.\n2. Check free space.\n';

function runbook() {
  const result = ingested('team', 'ops/disk.md', TEXT);
  if (result.kind !== 'runbook') throw new Error('expected a runbook');
  const { links: _links, ...meta } = result.meta;
  const cached: CachedRunbook = { ...meta, cachedAt: '2026-01-01T00:00:00Z' };
  return { meta: cached, body: result.body };
}

describe('useChecklistState', () => {
  it('says "Storage full" and does not show a tick as done when the disk is full', async () => {
    render(<WriteFailureNotice />);
    const { meta, body } = runbook();
    const { result } = renderHook(() => useChecklistState(meta, body));
    expect(result.current.total).toBe(2);
    const [first] = [...result.current.stepsByLine.values()];
    vi.spyOn(db.checklists, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    act(() => result.current.setDone(first!, true));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Storage full: the tick on this step was not saved/);
    await waitFor(() => expect(result.current.doneCount).toBe(0));
    expect(await db.checklists.count()).toBe(0);
  });

  it('reads the steps of a body cached by an older app (stored without them) and ticks them all the same', async () => {
    const { meta, body } = runbook();
    const { steps: _steps, ...older } = body;
    const { result } = renderHook(() => useChecklistState(meta, older));
    await waitFor(() => expect(result.current.total).toBe(2));
    expect([...result.current.stepsByLine.values()].map((s) => s.text)).toEqual(['Rotate logs.', 'Check free space.']);
    const [first] = [...result.current.stepsByLine.values()];
    act(() => result.current.setDone(first!, true));
    await waitFor(() => expect(result.current.doneCount).toBe(1));
  });
});
