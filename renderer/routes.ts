/**
 * The app's routes. Hash routing, so that every route also works from the Electron custom protocol,
 * `file:` and any static host without server rewrites. A heading anchor travels as `?section=` because
 * the URL fragment already holds the route.
 */
export const HOME_ROUTE = '/';

/** Route path (without the leading `#`) of a runbook, optionally scrolled to a heading. */
export function runbookRoute(sourceId: string, path: string, anchor?: string): string {
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  const base = `/read/${encodeURIComponent(sourceId)}/${encodedPath}`;
  return anchor ? `${base}?section=${encodeURIComponent(anchor)}` : base;
}

/** `href` for an `<a>` element pointing at a runbook (hash routing). */
export function runbookHref(sourceId: string, path: string, anchor?: string): string {
  return `#${runbookRoute(sourceId, path, anchor)}`;
}

/** Route path of an alert: opens the runbook its front matter maps it to (`#/alert/HighBanSyncLag`). */
export function alertRoute(name: string): string {
  return `/alert/${encodeURIComponent(name)}`;
}
