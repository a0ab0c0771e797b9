import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { sourceFileIndexFor } from '../../core/links/sourceFileIndex';
import { db } from '../app/database';
import type { SourceFiles } from './SourceFilesContext';

/**
 * Reads, and keeps up to date, what SourceFilesContext holds for a source. The value changes only when the
 * files or the folder really change: a new value formats every slice of the page again, and the cache
 * queries answer with new sets whenever a sync touches the tables, mostly with the same paths.
 */
export function useSourceFileQuery(sourceId: string, fromPath: string, runbookPaths: Set<string> | undefined): SourceFiles {
  const found = useLiveQuery(async () => {
    const [keys, source] = await Promise.all([db.assets.where('sourceId').equals(sourceId).primaryKeys(), db.sources.get(sourceId)]);
    return { assetPaths: new Set(keys.map(([, path]) => path)), subdir: source?.subdir };
  }, [sourceId]);
  const runbooks = useSameMembers(runbookPaths);
  const assetPaths = useSameMembers(found?.assetPaths);
  const subdir = found?.subdir;
  return useMemo(
    () => ({
      fromPath,
      index: runbooks && assetPaths ? sourceFileIndexFor(runbooks, assetPaths) : undefined,
      assetPaths,
      subdir,
    }),
    [fromPath, runbooks, assetPaths, subdir],
  );
}

/** The set last seen with these members: a new set with the same paths keeps the old one. */
function useSameMembers(next: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  const [kept, setKept] = useState(next);
  if (next === kept || (next && kept && next.size === kept.size && [...next].every((path) => kept.has(path)))) return kept;
  setKept(next);
  return next;
}
