import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { sourceFileIndexFor } from '../../core/links/sourceFileIndex';
import { db } from '../app/database';
import type { SourceFiles } from './SourceFilesContext';

/** Reads, and keeps up to date, what SourceFilesContext holds for a source. */
export function useSourceFileQuery(sourceId: string, fromPath: string, runbookPaths: Set<string> | undefined): SourceFiles {
  const found = useLiveQuery(async () => {
    const [keys, source] = await Promise.all([db.assets.where('sourceId').equals(sourceId).primaryKeys(), db.sources.get(sourceId)]);
    return { assetPaths: new Set(keys.map(([, path]) => path)), subdir: source?.subdir };
  }, [sourceId]);
  return useMemo(
    () => ({
      fromPath,
      index: runbookPaths && found ? sourceFileIndexFor(runbookPaths, found.assetPaths) : undefined,
      assetPaths: found?.assetPaths,
      subdir: found?.subdir,
    }),
    [fromPath, runbookPaths, found],
  );
}
