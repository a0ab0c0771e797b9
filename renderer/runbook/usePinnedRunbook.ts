import { useState } from 'react';
import type { OpenedRunbook } from '../app/cacheQueries';

export interface PinnedRunbook {
  /** The version on screen. */
  shown: OpenedRunbook | null | undefined;
  /** A newer version of the same runbook that a sync brought while it was open, not shown yet. */
  newer?: OpenedRunbook | undefined;
  /** The runbook was removed from the cache while it was open; `shown` is the copy that was on screen. */
  gone: boolean;
  showNewer: () => void;
}

/**
 * Holds the version of the open runbook still while it is being read: a sync that brings a new version
 * (new content) does not replace the text on screen; it is offered as `newer` until the reader asks for
 * it. Same content with fresher facts (sync time, marks) is taken at once. Opening another runbook, or
 * this one again from elsewhere, shows the newest version.
 */
export function usePinnedRunbook(sourceId: string, path: string, live: OpenedRunbook | null | undefined): PinnedRunbook {
  const [pinned, setPinned] = useState<OpenedRunbook | undefined>(undefined);
  const liveHere = live && live.meta.sourceId === sourceId && live.meta.path === path ? live : live === null ? null : undefined;
  const pinnedHere = pinned && pinned.meta.sourceId === sourceId && pinned.meta.path === path ? pinned : undefined;

  // Adjusting state while rendering (React's pattern for state derived from props): pin the first version
  // shown at this address, and follow the live one while its content is unchanged.
  if (liveHere && (!pinnedHere || (pinnedHere.meta.oid === liveHere.meta.oid && pinnedHere !== liveHere))) setPinned(liveHere);

  const showNewer = () => {
    if (liveHere) setPinned(liveHere);
  };
  if (!pinnedHere) return { shown: liveHere, gone: false, showNewer };
  if (liveHere === null) return { shown: pinnedHere, gone: true, showNewer };
  const newer = liveHere && liveHere.meta.oid !== pinnedHere.meta.oid ? liveHere : undefined;
  return { shown: pinnedHere, newer, gone: false, showNewer };
}
