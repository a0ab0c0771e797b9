import { createContext, useContext } from 'react';
import type { SourceFileIndex } from '../../core/links/sourceFileIndex';

/** The files of the source the open runbook belongs to, for wikilinks, images and root links. */
export interface SourceFiles {
  /** Path of the open runbook, which relative wikilinks start from. */
  fromPath?: string | undefined;
  /** Runbooks and images of the source by path and name; undefined while still being read. */
  index?: SourceFileIndex | undefined;
  /** Paths of the images cached for the source; undefined while still being read. */
  assetPaths?: ReadonlySet<string> | undefined;
  /** The folder of the repository the source syncs (`docs`), so `/docs/x.md` links find `x.md`. */
  subdir?: string | undefined;
}

export const SourceFilesContext = createContext<SourceFiles>({});

export function useSourceFiles(): SourceFiles {
  return useContext(SourceFilesContext);
}
