import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
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
const readEarly = new Map<string, { read: Promise<OpenedRunbook | null>; runbook?: OpenedRunbook | null }>();
const earlyKey = (sourceId: string, path: string) => `${sourceId}\n${path}`;

/**
 * Reads a runbook now, before its page is drawn: on a cold start at a runbook's address the read then runs
 * while the app is still being evaluated and its cache checked, and the page shows the runbook as soon as it
 * is read instead of one database round trip after its first render. Settles with the runbook (`null` if it
 * is not cached or cannot be read) once the read is done, never rejects.
 */
export function startRunbookRead(sourceId: string, path: string): Promise<OpenedRunbook | null> {
  // The page's own read reports what is wrong; this one only saves time.
  const entry: { read: Promise<OpenedRunbook | null>; runbook?: OpenedRunbook | null } = {
    read: readOpenedRunbook(sourceId, path).catch(() => null),
  };
  readEarly.set(earlyKey(sourceId, path), entry);
  return entry.read.then((runbook) => {
    entry.runbook = runbook;
    return runbook;
  });
}

interface EarlyRunbook {
  sourceId: string;
  path: string;
  runbook: OpenedRunbook;
}

/** One runbook with its body; `null` once it is known not to be cached, `undefined` while loading. */
export function useRunbook(sourceId: string, path: string): OpenedRunbook | null | undefined {
  // Read already: shown on the first render; still being read: shown as soon as it is.
  const [{ first, pending }] = useState(() => {
    const key = earlyKey(sourceId, path);
    const entry = readEarly.get(key);
    readEarly.delete(key);
    return {
      first: entry?.runbook ? { sourceId, path, runbook: entry.runbook } : undefined,
      pending: entry && entry.runbook === undefined ? entry.read : undefined,
    };
  });
  const [early, setEarly] = useState<EarlyRunbook | undefined>(first);
  useEffect(() => {
    let current = true;
    void pending?.then((runbook) => {
      if (current && runbook) setEarly({ sourceId: runbook.meta.sourceId, path: runbook.meta.path, runbook });
    });
    return () => {
      current = false;
    };
  }, [pending]);
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
