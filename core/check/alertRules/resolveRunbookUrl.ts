import { parseDeepLink } from '../../desktop/deepLink';

/** What a `runbook_url` points at, as far as the checked tree is concerned. */
export type RunbookUrlTarget =
  /** A file path (repository path, app route or relative path), still to be found in the tree. */
  | { kind: 'path'; path: string; anchor?: string | undefined }
  /** `runbook-reader://alert/<name>` or `#/alert/<name>`: whichever runbook maps this alert. */
  | { kind: 'alert'; alert: string }
  /** Somewhere else (a wiki page): not checked. */
  | { kind: 'external' }
  | { kind: 'invalid'; reason: string };

/** Forges whose file URLs read `<owner>/<repo>/(-/)blob|tree|raw|src/<ref>/<path>`. */
const REPOSITORY_FILE = /^\/[^/]+\/[^/]+(?:\/-)?\/(?:blob|tree|raw|src)\/[^/]+\/(.+)$/;

/**
 * Reads a `runbook_url`: a repository web URL (`https://github.com/org/repo/blob/main/runbooks/db.md#x`,
 * GitLab's `/-/blob/`, Bitbucket's `/src/`), this app's deep links (`runbook-reader://open/…`,
 * `runbook-reader://alert/…`) and web routes (`…/#/read/<source>/<path>?section=x`, `…/#/alert/<name>`),
 * or a relative path (`runbooks/db.md#x`, `./db.md`).
 */
export function resolveRunbookUrl(url: string): RunbookUrlTarget {
  const trimmed = url.trim();
  if (/^runbook-reader:/i.test(trimmed)) {
    const parsed = parseDeepLink(trimmed);
    if (!parsed.ok) return { kind: 'invalid', reason: parsed.reason };
    return 'alert' in parsed.link
      ? { kind: 'alert', alert: parsed.link.alert }
      : { kind: 'path', path: parsed.link.path, anchor: parsed.link.anchor };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (scheme) {
    if (!/^https?$/i.test(scheme[1]!)) return { kind: 'external' };
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return { kind: 'invalid', reason: 'it is not a valid URL' };
    }
    const route = appRoute(parsed.hash);
    if (route) return route;
    const file = REPOSITORY_FILE.exec(parsed.pathname);
    if (file && /\.(md|markdown)$/i.test(file[1]!)) return pathTarget(decodePath(file[1]!), anchorOf(parsed.hash));
    return { kind: 'external' };
  }
  if (trimmed.startsWith('#/')) return appRoute(trimmed) ?? { kind: 'invalid', reason: 'it is not a route of this app' };
  const hashAt = trimmed.indexOf('#');
  const path = hashAt === -1 ? trimmed : trimmed.slice(0, hashAt);
  if (path === '') return { kind: 'invalid', reason: 'it names no file' };
  return pathTarget(decodePath(path), hashAt === -1 ? undefined : anchorOf(trimmed.slice(hashAt)));
}

/** `#/read/<source>/<path>?section=x` or `#/alert/<name>` of the web app. */
function appRoute(hash: string): RunbookUrlTarget | undefined {
  const read = /^#\/read\/[^/]+\/([^?]+)(?:\?section=([^&]*))?/.exec(hash);
  if (read) return pathTarget(decodePath(read[1]!), read[2] ? safeDecode(read[2]) : undefined);
  const alert = /^#\/alert\/([^/?]+)$/.exec(hash);
  return alert ? { kind: 'alert', alert: safeDecode(alert[1]!) } : undefined;
}

function pathTarget(path: string, anchor: string | undefined): RunbookUrlTarget {
  const normal = path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
  return anchor ? { kind: 'path', path: normal, anchor } : { kind: 'path', path: normal };
}

function anchorOf(hash: string): string | undefined {
  const anchor = safeDecode(hash.replace(/^#/, ''));
  return anchor === '' ? undefined : anchor;
}

function decodePath(path: string): string {
  return path.split('/').map(safeDecode).join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The tree's runbook a path names: the same path, or the longest tree path the repository path ends with
 * (`runbooks/db.md` in the repository is `db.md` when the checked folder is `runbooks/`).
 */
export function findTreePath(path: string, treePaths: ReadonlySet<string>): string | undefined {
  if (treePaths.has(path)) return path;
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    const suffix = segments.slice(i).join('/');
    if (treePaths.has(suffix)) return suffix;
  }
  return undefined;
}
