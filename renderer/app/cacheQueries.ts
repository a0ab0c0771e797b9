import { useLiveQuery } from 'dexie-react-hooks';
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

/** One runbook with its body; `null` once it is known not to be cached, `undefined` while loading. */
export function useRunbook(sourceId: string, path: string): OpenedRunbook | null | undefined {
  return useLiveQuery(async () => {
    const [meta, body, source] = await Promise.all([
      db.runbooks.get([sourceId, path]),
      db.bodies.get([sourceId, path]),
      db.sources.get(sourceId),
    ]);
    if (!meta || !body) return null;
    return source ? { meta, body, source } : { meta, body };
  }, [sourceId, path]);
}

/** Paths cached for a source, so links can say up front whether their target is available. */
export function useCachedPaths(sourceId: string): Set<string> | undefined {
  return useLiveQuery(
    async () => new Set((await db.runbooks.where('sourceId').equals(sourceId).primaryKeys()).map(([, path]) => path)),
    [sourceId],
  );
}
