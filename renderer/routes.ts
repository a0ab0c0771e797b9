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

/** The runbook a route path (as `runbookRoute` makes them) opens, or undefined for any other route. */
export function runbookOfRoute(route: string): { sourceId: string; path: string } | undefined {
  const match = /^\/read\/([^/?]+)\/([^?]+)/.exec(route);
  if (!match) return undefined;
  try {
    return { sourceId: decodeURIComponent(match[1]!), path: match[2]!.split('/').map(decodeURIComponent).join('/') };
  } catch {
    return undefined; // Not a valid encoding: the router shows what it makes of it.
  }
}

/** `href` for an `<a>` element pointing at a runbook (hash routing). */
export function runbookHref(sourceId: string, path: string, anchor?: string): string {
  return `#${runbookRoute(sourceId, path, anchor)}`;
}

/** Route path of an alert: opens the runbook its front matter maps it to (`#/alert/HighBanSyncLag`). */
export function alertRoute(name: string): string {
  return `/alert/${encodeURIComponent(name)}`;
}
