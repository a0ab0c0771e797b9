import { isInHiddenFolder } from '../runbook/hiddenFolder';

/** What the sync does with a file of the repository. */
export type SyncFileKind = 'markdown' | 'image';

const MARKDOWN = /\.(md|markdown)$/i;

/** Image types a runbook can show; SVG is shown through `<img>`, which never runs its scripts. */
const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

/**
 * Markdown files become runbooks (except under hidden folders such as `.obsidian`: tool files), images become
 * assets, everything else in the repository is ignored.
 */
export function syncFileKind(path: string): SyncFileKind | undefined {
  if (MARKDOWN.test(path)) return isInHiddenFolder(path) ? undefined : 'markdown';
  return imageMimeType(path) === undefined ? undefined : 'image';
}

export function imageMimeType(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return undefined;
  return IMAGE_TYPES[path.slice(dot + 1).toLowerCase()];
}
