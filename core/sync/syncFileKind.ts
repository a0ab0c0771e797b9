import { isInHiddenFolder } from '../runbook/hiddenFolder';

/** What the sync does with a file of the repository. */
export type SyncFileKind = 'markdown' | 'image' | 'text';

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
 * Plain-text files runbooks link to (scripts, configuration, logs), kept so such a link opens offline as
 * text. Source code is left out on purpose: a source that syncs a whole code repository would otherwise keep
 * all of it.
 */
const TEXT_EXTENSIONS = new Set([
  'txt',
  'text',
  'log',
  'sh',
  'bash',
  'ps1',
  'yaml',
  'yml',
  'json',
  'toml',
  'ini',
  'conf',
  'cfg',
  'env',
  'sql',
  'csv',
]);

/**
 * Markdown files become runbooks (except under hidden folders such as `.obsidian`: tool files), images and
 * plain-text files become assets (text files not under hidden folders either), everything else in the
 * repository is ignored.
 */
export function syncFileKind(path: string): SyncFileKind | undefined {
  if (MARKDOWN.test(path)) return isInHiddenFolder(path) ? undefined : 'markdown';
  if (imageMimeType(path) !== undefined) return 'image';
  return TEXT_EXTENSIONS.has(extensionOf(path)) && !isInHiddenFolder(path) ? 'text' : undefined;
}

/** The media type an asset (image or text file) is stored with. */
export function assetMimeType(path: string): string | undefined {
  return imageMimeType(path) ?? (TEXT_EXTENSIONS.has(extensionOf(path)) ? 'text/plain; charset=utf-8' : undefined);
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 || dot < path.lastIndexOf('/') ? '' : path.slice(dot + 1).toLowerCase();
}

export function imageMimeType(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return undefined;
  return IMAGE_TYPES[path.slice(dot + 1).toLowerCase()];
}
