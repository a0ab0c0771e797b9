import { startTransition, useEffect, useState } from 'react';

/** Runs `task` when the page is idle (or on the next turn where there is no idle callback); returns a cancel. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 50 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}

/**
 * How many of `total` things to show: `first` at once, then `step` more in each idle moment until all are
 * there, so a long list never holds the page for one long task. A new `resetKey` (another list, another
 * filter) starts again from `first`.
 */
export function useProgressiveCount(total: number, first: number, step: number, resetKey: unknown = undefined): number {
  const [state, setState] = useState({ key: resetKey, count: Math.min(total, first) });
  const current = state.key === resetKey ? state : { key: resetKey, count: Math.min(total, first) };
  if (current !== state) setState(current);
  const count = Math.min(current.count, total);
  useEffect(() => {
    if (count >= total) return undefined;
    return whenIdle(() =>
      startTransition(() => setState((s) => (s.key === resetKey ? { key: s.key, count: Math.min(total, s.count + step) } : s))),
    );
  }, [count, total, step, resetKey]);
  return count;
}
