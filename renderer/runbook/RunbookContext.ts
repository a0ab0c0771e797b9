import { createContext, useContext } from 'react';

/** What components inside a rendered runbook need to know about the page they are on. */
export interface RunbookContextValue {
  sourceId: string;
  path: string;
  title: string;
  /** Heading id → heading text, for labels of section bookmarks. */
  headingText?: ReadonlyMap<string, string>;
  /** Anchors of this runbook's bookmarked sections; undefined while still loading. */
  bookmarkedAnchors?: ReadonlySet<string> | undefined;
  /** Paths cached for the source; undefined while still loading. */
  cachedPaths?: Set<string> | undefined;
  online: boolean;
}

export const RunbookContext = createContext<RunbookContextValue>({ sourceId: '', path: '', title: '', online: true });

export function useRunbookContext(): RunbookContextValue {
  return useContext(RunbookContext);
}
