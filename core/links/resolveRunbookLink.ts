import type { LinkTarget } from '../model';
import { judgeExternalUrl, schemeOf } from './externalUrlPolicy';

const MARKDOWN_FILE = /\.(md|markdown)$/i;

export interface LinkResolutionOptions {
  /**
   * The repository folder the source syncs (`docs`), when it syncs one: `/docs/x.md` is then the source's
   * `x.md`, as on GitHub, and a link to a file outside that folder resolves as `outside`.
   */
  subdir?: string | undefined;
}

/**
 * Decides where a link written in the runbook at `fromPath` points: another runbook in the same source
 * (with an optional heading anchor), a heading in the same page, a file beside it, an external URL that
 * may open outside the app, or nothing at all (unknown schemes such as `javascript:`).
 */
export function resolveRunbookLink(fromPath: string, href: string, options: LinkResolutionOptions = {}): LinkTarget {
  const trimmed = href.trim();
  if (trimmed === '') return { kind: 'blocked', reason: 'Empty link.' };
  if (trimmed.startsWith('#')) {
    const anchor = safeDecode(trimmed.slice(1));
    if (anchor === undefined) return { kind: 'blocked', reason: 'The link has broken %-encoding.' };
    return anchor ? { kind: 'anchor', anchor } : { kind: 'blocked', reason: 'Empty anchor.' };
  }
  if (trimmed.startsWith('//')) {
    // Protocol-relative links have no meaning offline; read them as https.
    return resolveRunbookLink(fromPath, `https:${trimmed}`, options);
  }
  const scheme = schemeOf(trimmed);
  if (scheme) {
    const verdict = judgeExternalUrl(trimmed);
    return verdict.allowed ? { kind: 'external', url: trimmed, scheme: verdict.scheme } : { kind: 'blocked', reason: verdict.reason };
  }

  const hashAt = trimmed.indexOf('#');
  const beforeHash = hashAt === -1 ? trimmed : trimmed.slice(0, hashAt);
  const anchor = hashAt === -1 ? undefined : safeDecode(trimmed.slice(hashAt + 1)) || undefined;
  const queryAt = beforeHash.indexOf('?');
  const rawPath = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const decoded = safeDecode(rawPath);
  if (decoded === undefined) return { kind: 'blocked', reason: 'The link has broken %-encoding.' };
  // Control characters too: a browser drops tabs and newlines from a URL, so `java\tscript:` would run as `javascript:`.
  if (/[\0-\x1f\x7f\\]/.test(decoded)) return { kind: 'blocked', reason: 'The link contains characters a path cannot have.' };

  // A link with only a query (`?plain=1#steps`) points at the page it is written in.
  let path = decoded === '' ? fromPath : joinSourcePath(fromPath, decoded);
  const subdir = options.subdir ? joinSourcePath('', options.subdir) : '';
  if (subdir) {
    // Paths from the repository root (GitHub's meaning of `/`), and relative ones that climb out of the folder.
    const repoPath = decoded.startsWith('/')
      ? path
      : path.startsWith('../') || path === '..'
        ? joinSourcePath(`${subdir}/`, path)
        : undefined;
    if (repoPath !== undefined) {
      if (repoPath !== subdir && !repoPath.startsWith(`${subdir}/`)) return { kind: 'outside', repoPath };
      path = repoPath.slice(subdir.length + 1);
    }
  }
  if (!MARKDOWN_FILE.test(path)) return { kind: 'asset', path };
  return anchor ? { kind: 'runbook', path, anchor } : { kind: 'runbook', path };
}

/**
 * Resolves `target` against the folder of `fromPath` inside a source. A leading `/` means the source's
 * root. The result has no `.` segments; `..` segments remain only when the link leaves the source.
 */
export function joinSourcePath(fromPath: string, target: string): string {
  const base = target.startsWith('/') ? [] : fromPath.split('/').slice(0, -1);
  const out: string[] = [...base];
  let escapes = 0;
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0) out.pop();
      else escapes++;
      continue;
    }
    out.push(part);
  }
  return escapes === 0 ? out.join('/') : [...Array<string>(escapes).fill('..'), ...out].join('/');
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/**
 * The page a link to a folder opens, as on GitHub: its `README.md`, else its `index.md` (any capitals), if
 * the source has one.
 */
export function folderPageOf(folder: string, runbookPaths: ReadonlySet<string>): string | undefined {
  const prefix = folder === '' ? '' : `${folder}/`;
  for (const name of ['README.md', 'index.md', 'readme.md', 'Readme.md', 'INDEX.md', 'Index.md']) {
    if (runbookPaths.has(prefix + name)) return prefix + name;
  }
  return undefined;
}
