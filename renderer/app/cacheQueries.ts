import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RunbookBody, SourceRecord } from '../../core/model';
import type { CachedRunbook } from '../../core/cache/runbookDatabase';
import { db } from './database';

export function useSources(): SourceRecord[] | undefined {
  return useLiveQuery(() => db.sources.toArray(), []);
}

export interface OpenedRunbook {
  meta: CachedRunbook;
  body: RunbookBody;
  source?: SourceRecord;
}

async function readOpenedRunbook(sourceId: string, path: string): Promise<OpenedRunbook | null> {
  const [meta, body, source] = await Promise.all([
    db.runbooks.get([sourceId, path]),
    db.bodies.get([sourceId, path]),
    db.sources.get(sourceId),
  ]);
  if (!meta || !body) return null;
  return source ? { meta, body, source } : { meta, body };
}

/** Runbooks read before their page asked (see startRunbookRead), by source and path; each is taken once. */
const readEarly = new Map<string, OpenedRunbook>();
const earlyKey = (sourceId: string, path: string) => `${sourceId}\n${path}`;

/**
 * Reads a runbook now, before its page is drawn: on a cold start at a runbook's address the read then runs
 * while the app is still being evaluated and its cache checked, and the page has the runbook on its first
 * render instead of one database round trip after it. Settles once the read is done, never rejects.
 */
export function startRunbookRead(sourceId: string, path: string): Promise<void> {
  return readOpenedRunbook(sourceId, path).then(
    (runbook) => {
      if (runbook) readEarly.set(earlyKey(sourceId, path), runbook);
    },
    // The page's own read reports what is wrong; this one only saves time.
    () => undefined,
  );
}

/** One runbook with its body; `null` once it is known not to be cached, `undefined` while loading. */
export function useRunbook(sourceId: string, path: string): OpenedRunbook | null | undefined {
  const [early, setEarly] = useState(() => {
    const key = earlyKey(sourceId, path);
    const runbook = readEarly.get(key);
    readEarly.delete(key);
    return runbook && { sourceId, path, runbook };
  });
  const live = useLiveQuery(() => readOpenedRunbook(sourceId, path), [sourceId, path]);
  // The early copy only stands in until the live query's first answer, which also follows later changes.
  if (early && live !== undefined) setEarly(undefined);
  if (live !== undefined) return live;
  return early?.sourceId === sourceId && early.path === path ? early.runbook : undefined;
}

/** Paths cached for a source, so links can say up front whether their target is available. */
export function useCachedPaths(sourceId: string): Set<string> | undefined {
  return useLiveQuery(
    async () => new Set((await db.runbooks.where('sourceId').equals(sourceId).primaryKeys()).map(([, path]) => path)),
    [sourceId],
  );
}
