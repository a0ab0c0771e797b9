import { createContext, useContext } from 'react';

/** What a link inside a rendered runbook needs to know to decide how to behave. */
export interface RunbookLinkContext {
  sourceId: string;
  path: string;
  /** Paths cached for the source; undefined while still loading. */
  cachedPaths?: Set<string>;
  online: boolean;
}

export const LinkContext = createContext<RunbookLinkContext>({ sourceId: '', path: '', online: true });

export function useLinkContext(): RunbookLinkContext {
  return useContext(LinkContext);
}
